import Foundation
import LeadbookText

/// A workspace folder: leadbook.yml, the customers folder and the generated files.
public struct Workspace: Sendable {
    /// Absolute path of the workspace folder.
    public let root: String
    public let configuration: Configuration
    public let hasConfigurationFile: Bool
    /// Findings in leadbook.yml.
    public let configurationDiagnostics: [Diagnostic]
    /// The customer files, listed when first asked for (a command about one customer never
    /// lists them: `files(of:)`).
    let listing: Listing
    /// Customer files, relative to `root` with `/` separators, sorted.
    public var customerPaths: [String] { listing.walked.paths }
    /// Findings of the folder walk: folders named `.md`, broken or looping symlinks.
    public var walkDiagnostics: [Diagnostic] { listing.walked.diagnostics }
    /// Temporary files of interrupted writes under the customers folder, relative to `root`.
    public var temporaryPaths: [String] { listing.walked.temporaries }
    /// Whether the customer files have been listed (for tests that count work).
    public var isListed: Bool { listing.isListed }
    /// A fingerprint of leadbook.yml's bytes as they were read (nil: no file, or not read):
    /// what the per-file cache's records depend on.
    public var configurationDigest: LineDigest?
    /// Whether the commands that keep a per-file cache use it for this workspace
    /// (`CustomerCache`); off unless the command turns it on.
    public var cache = CustomerCache.Setting.off

    public static let configurationFileName = "leadbook.yml"

    public enum LocateError: Error, SaidError, Equatable {
        case notFound(String)
        case notADirectory(String)
        /// `-C DIR` without leadbook.yml; the folder above that has one, when there is one.
        case noConfiguration(String, workspaceAbove: String?)

        /// What is wrong, in both languages.
        public var phrase: Phrase {
            switch self {
            case .notFound(let start):
                return Wording<Self>.notFound(start).phrase
            case .notADirectory(let path):
                return Wording<Self>.notADirectory(path).phrase
            case .noConfiguration(let path, let above):
                return Wording<Self>.noConfiguration(path, workspaceAbove: above).phrase
            }
        }

        /// The message in English.
        public var message: String { phrase.en }
    }

    /// The workspace: `explicit` when given, else the first folder from `start` upwards that
    /// holds leadbook.yml. `explicit` must hold leadbook.yml itself (a slip such as
    /// `-C WS/customers` would otherwise check nothing and pass) unless `requireConfiguration`
    /// is false (`--no-config`); then, without `explicit`, a search that finds none takes `start`.
    public static func locate(from start: String, explicit: String?, requireConfiguration: Bool = true) -> Result<String, LocateError> {
        if let explicit {
            let path = explicit.hasPrefix("/") ? explicit : start + "/" + explicit
            let normalized = normalize(path)
            guard FileAccess.isDirectory(normalized) else { return .failure(.notADirectory(explicit)) }
            if requireConfiguration, !FileAccess.exists(normalized + "/" + configurationFileName) {
                return .failure(.noConfiguration(explicit, workspaceAbove: configurationFolder(above: normalized)))
            }
            return .success(normalized)
        }
        if let found = configurationFolder(from: normalize(start)) { return .success(found) }
        if !requireConfiguration, FileAccess.isDirectory(normalize(start)) { return .success(normalize(start)) }
        return .failure(.notFound(start))
    }

    /// The first folder from `directory` upwards that holds leadbook.yml.
    static func configurationFolder(from directory: String) -> String? {
        var directory = directory
        while true {
            if FileAccess.exists(directory + "/" + configurationFileName) { return directory }
            guard let slash = directory.lastIndex(of: "/"), directory != "/" else { return nil }
            directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
        }
    }

    /// The first folder above `directory` that holds leadbook.yml.
    static func configurationFolder(above directory: String) -> String? {
        guard directory != "/", let slash = directory.lastIndex(of: "/") else { return nil }
        return configurationFolder(from: slash == directory.startIndex ? "/" : String(directory[..<slash]))
    }

    /// Removes `.` and `..` segments and doubled slashes.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        #if os(Windows)
        return parts.joined(separator: "/")
        #else
        return "/" + parts.joined(separator: "/")
        #endif
    }

    public func absolute(_ relative: String) -> String {
        root + "/" + relative
    }

    /// Paths in the byte order of their UTF-8 (the same on every machine), sorted on copies of
    /// their bytes: comparing Strings directly costs far more with 100,000 paths.
    public static func sortedByBytes(_ paths: [String]) -> [String] {
        let keys = paths.map { ContiguousArray($0.utf8) }
        let order = keys.indices.sorted { a, b in
            keys[a].withUnsafeBufferPointer { x in
                keys[b].withUnsafeBufferPointer { y in
                    let common = Swift.min(x.count, y.count)
                    for index in 0..<common where x[index] != y[index] { return x[index] < y[index] }
                    return x.count < y.count
                }
            }
        }
        return order.map { paths[$0] }
    }

    /// True when the customers folder is a link (or under one) that leads out of the workspace:
    /// leadbook then neither reads nor writes there.
    public static func customersFolderEscapes(root: String, folder: String) -> Bool {
        guard let resolvedRoot = FileAccess.resolve(root), let resolved = FileAccess.resolve(root + "/" + folder) else { return false }
        return !WorkspacePath.isInside(resolved, resolvedRoot: resolvedRoot)
    }

    /// Why a file of the workspace was not read.
    public enum FileProblem: Error, SaidError {
        /// It is (or a folder on the way to it is) a link out of the workspace: not followed.
        case outside(WorkspacePath.Escape)
        case unreadable(FileAccess.ReadError)

        /// The diagnostic of `file`: outside-workspace, or unreadable-file in the words `unreadable` gives.
        public func diagnostic(file: String, _ unreadable: (Phrase) -> RuleMessage<UnreadableFile>) -> Diagnostic {
            switch self {
            case .outside(let escape): return OutsideWorkspace.diagnostic(escape.words, file: file)
            case .unreadable(let error): return UnreadableFile.diagnostic(unreadable(error.phrase), file: file)
            }
        }

        /// Why, in both languages.
        public var phrase: Phrase {
            switch self {
            case .outside(let escape): return escape.words.phrase
            case .unreadable(let error): return error.phrase
            }
        }

        public var description: String {
            switch self {
            case .outside(let escape): return escape.words.text
            case .unreadable(let error): return error.description
            }
        }
    }

    /// A file of the workspace at `root` other than a customer file (leadbook.yml,
    /// .gitattributes, .gitignore), read where it really is: links inside the workspace are
    /// followed, a link out of it is not (so nothing outside is read, printed or copied in).
    public static func readFile(_ relative: String, root: String, limit: Int = FileAccess.maxFileSize) -> Result<[UInt8], FileProblem> {
        switch WorkspacePath.resolve(relative, root: root) {
        case .failure(let escape): return .failure(.outside(escape))
        case .success(let real): return FileAccess.read(real, limit: limit).mapError { .unreadable($0) }
        }
    }

    /// Opens the workspace at `root`: reads leadbook.yml and lists the customer files.
    public static func open(root: String) -> Workspace {
        let configPath = root + "/" + configurationFileName
        var configuration = Configuration()
        var configurationDiagnostics: [Diagnostic] = []
        var hasConfigurationFile = false
        var configurationDigest: LineDigest?
        if FileAccess.exists(configPath) || WorkspacePath.linkDestination(configPath) != nil {
            hasConfigurationFile = true
            switch readFile(configurationFileName, root: root) {
            case .success(let bytes):
                configurationDigest = LineDigest.of(bytes)
                (configuration, configurationDiagnostics) = ConfigurationReader.readOnce(SourceText(path: configurationFileName, bytes: bytes), root: root)
            case .failure(let problem):
                configurationDiagnostics.append(problem.diagnostic(file: configurationFileName, UnreadableFile.Message.configuration))
            }
        }
        var workspace = Workspace(root: root, configuration: configuration, hasConfigurationFile: hasConfigurationFile,
                                  configurationDiagnostics: configurationDiagnostics,
                                  listing: Listing(root: root, folder: configuration.customersFolder))
        workspace.configurationDigest = configurationDigest
        return workspace
    }

    /// The same workspace with its customer files listed afresh when next asked for (after a
    /// write, or under the lock), leadbook.yml as it was read.
    public func relisted() -> Workspace {
        var workspace = Workspace(root: root, configuration: configuration, hasConfigurationFile: hasConfigurationFile,
                                  configurationDiagnostics: configurationDiagnostics,
                                  listing: Listing(root: root, folder: configuration.customersFolder))
        workspace.configurationDigest = configurationDigest
        workspace.cache = cache
        return workspace
    }

    /// The customer files whose name begins with `id` (`FileNameMismatch.matches`), sorted by
    /// bytes: found by `CustomerFolderScan` without listing the workspace, or from the listing
    /// once it is made.
    public func files(of id: String) -> [String] {
        if !listing.isListed, let scan = listing.scan(id), scan.sure { return scan.named }
        return customerPaths.filter { FileNameMismatch.matches(fileName: WorkspacePath.fileName($0), id: id) }
    }

    /// The temporary files of interrupted writes; with `id`, found by the same scan that finds
    /// that customer's files (`files(of:)`), so a write to one customer does not list the workspace.
    public func temporaryPaths(scanningFor id: String?) -> [String] {
        if let id, !listing.isListed, let scan = listing.scan(id), scan.sure { return scan.temporaries }
        return temporaryPaths
    }

    /// The customer files, listed once on first use (from any thread).
    final class Listing: @unchecked Sendable {
        struct Walked {
            var paths: [String]
            var diagnostics: [Diagnostic]
            var temporaries: [String]
        }

        let root: String
        let folder: String
        private let lock = NSLock()
        private var value: Walked?
        private var scanned: (id: String, scan: CustomerFolderScan)?

        init(root: String, folder: String) {
            self.root = root
            self.folder = folder
        }

        var isListed: Bool {
            lock.lock()
            defer { lock.unlock() }
            return value != nil
        }

        var walked: Walked {
            lock.lock()
            defer { lock.unlock() }
            if let value { return value }
            var walk = CustomerFolderWalk(root: root, folder: folder)
            walk.run()
            let walked = Walked(paths: Workspace.sortedByBytes(walk.paths), diagnostics: walk.diagnostics, temporaries: walk.temporaries)
            value = walked
            return walked
        }

        /// The scan for `id`, made once (nil for an id that is not one file-name prefix).
        func scan(_ id: String) -> CustomerFolderScan? {
            guard WorkspacePath.isSafeRelative(id), !id.contains("/"), !id.contains("\\") else { return nil }
            lock.lock()
            defer { lock.unlock() }
            if let scanned, scanned.id == id { return scanned.scan }
            let scan = CustomerFolderScan.run(root: root, folder: folder, id: id)
            scanned = (id, scan)
            return scan
        }
    }
}

/// Lists every `.md` file under the customers folder, at any depth.
///
/// Hidden entries (`.git`, editor lock files such as `.#x.md`) are skipped. Symlinks are
/// followed when they stay inside the workspace; loops and links out of it are diagnostics.
public struct CustomerFolderWalk {
    public let root: String
    public let folder: String
    public var paths: [String] = []
    public var diagnostics: [Diagnostic] = []
    public var resolvedRoot: String
    public var visited: Set<String> = []
    /// Temporary files of interrupted writes (`AtomicFile.original(ofTemporary:)`), skipped like every hidden entry.
    public var temporaries: [String] = []

    public init(root: String, folder: String) {
        self.root = root
        self.folder = folder
        self.resolvedRoot = FileAccess.resolve(root) ?? root
    }

    public static func isMarkdown(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    public mutating func run() {
        let start = root + "/" + folder
        guard FileAccess.isDirectory(start) else { return }
        if let resolved = FileAccess.resolve(start) {
            guard isInside(resolved) else {
                diagnostics.append(OutsideWorkspace.diagnostic(.customersFolder(folder, leadsTo: resolved), file: folder))
                return
            }
            visited.insert(resolved)
        }
        walk(relative: folder)
    }

    public func isInside(_ resolved: String) -> Bool {
        WorkspacePath.isInside(resolved, resolvedRoot: resolvedRoot)
    }

    public mutating func walk(relative: String) {
        let absolute = root + "/" + relative
        let entries: [FileAccess.Entry]
        switch FileAccess.list(absolute) {
        case .success(let list): entries = list
        case .failure(let error):
            diagnostics.append(UnreadableFile.diagnostic(.folder(error.phrase), file: relative))
            return
        }
        for entry in entries {
            let path = relative + "/" + entry.name
            if entry.name.hasPrefix(".") {
                if entry.kind == .file, AtomicFile.original(ofTemporary: entry.name) != nil { temporaries.append(path) }
                continue
            }
            switch entry.kind {
            case .file:
                if Self.isMarkdown(entry.name) { paths.append(path) }
            case .directory:
                if Self.isMarkdown(entry.name) {
                    diagnostics.append(NotAFile.diagnostic(.folder(entry.name), file: path))
                }
                walk(relative: path)
            case .symlink:
                guard let resolved = FileAccess.resolve(root + "/" + path) else {
                    if Self.isMarkdown(entry.name) {
                        diagnostics.append(UnreadableFile.diagnostic(.brokenLink(entry.name), file: path))
                    }
                    continue
                }
                guard isInside(resolved) else {
                    diagnostics.append(OutsideWorkspace.diagnostic(.link(entry.name, leadsTo: resolved), file: path))
                    continue
                }
                if FileAccess.isDirectory(resolved) {
                    if visited.contains(resolved) || resolvedIsAncestor(resolved, of: absolute) {
                        diagnostics.append(SymlinkLoop.diagnostic(.backToFolderRead(entry.name), file: path))
                        continue
                    }
                    visited.insert(resolved)
                    if Self.isMarkdown(entry.name) {
                        diagnostics.append(NotAFile.diagnostic(.folder(entry.name), file: path))
                    }
                    walk(relative: path)
                } else if Self.isMarkdown(entry.name) {
                    paths.append(path)
                }
            case .other:
                if Self.isMarkdown(entry.name) {
                    diagnostics.append(NotAFile.diagnostic(.notRegular(entry.name), file: path))
                }
            }
        }
    }

    public func resolvedIsAncestor(_ resolved: String, of absolute: String) -> Bool {
        guard let here = FileAccess.resolve(absolute) else { return false }
        return here == resolved || here.hasPrefix(resolved + "/")
    }
}

extension Wording where Of == Workspace.LocateError {
    public static func notFound(_ start: String) -> Self {
        Self("no leadbook.yml in \(start) or any folder above it; run inside a workspace, pass -C DIR, or create one with `leadbook init`",
             "\(start) 及其上级文件夹里都没有 leadbook.yml；请在工作区里运行、用 -C DIR 指定工作区，或用 `leadbook init` 新建一个")
    }

    public static func notADirectory(_ path: String) -> Self { Self("\(path) is not a folder", "\(path) 不是文件夹") }

    public static func noConfiguration(_ path: String, workspaceAbove: String?) -> Self {
        if let workspaceAbove {
            return Self("\(path) has no leadbook.yml; it is inside the workspace \(workspaceAbove): pass -C \(workspaceAbove)",
                        "\(path) 里没有 leadbook.yml；它在工作区 \(workspaceAbove) 里面：请用 -C \(workspaceAbove)")
        }
        return Self("\(path) has no leadbook.yml, so it is not a workspace; pass the workspace folder, create leadbook.yml with `leadbook init`, or add --no-config to use the toolkit's defaults there",
                    "\(path) 里没有 leadbook.yml，所以不是工作区；请指定工作区文件夹、用 `leadbook init` 创建 leadbook.yml，或加 --no-config 在那里使用工具包的默认设置")
    }
}

import Foundation
import LeadbookText
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths inside a workspace: relative, `/`-separated, never leaving it.
public enum WorkspacePath {
    /// Whether a relative path goes through git's own folder (`.git/hooks/post-merge`), where
    /// a file leadbook writes would be git's configuration or a hook it runs. Compared without
    /// case and trailing dots or spaces, as case-insensitive file systems and Windows name it.
    public static func isInGitFolder(_ path: String) -> Bool {
        path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains { part in
            var name = Substring(part.lowercased())
            while name.last == "." || name.last == " " { name = name.dropLast() }
            return name == ".git"
        }
    }

    /// A relative path without `..`, absolute roots or drive letters.
    public static func isSafeRelative(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("\\"), !path.contains(":") else { return false }
        let parts = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        return !parts.isEmpty && !parts.contains("..")
    }

    /// The file name part of a `/`-separated path.
    public static func fileName(_ path: String) -> String {
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: ASCII.slash) else { return path }
        return String(Substring(utf8[utf8.index(after: slash)...]))
    }

    /// True when the symlink-free path `resolved` is the symlink-free root or below it.
    public static func isInside(_ resolved: String, resolvedRoot: String) -> Bool {
        resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/")
    }

    /// A link on the way to a workspace path that leads out of the workspace (or nowhere).
    public struct Escape: Error, Equatable, CustomStringConvertible {
        /// The link, relative to the workspace (`docs`, `INDEX.md`, `.leadbook/lock`).
        public var link: String
        /// Where it leads, as the link says it (nil when it leads nowhere).
        public var leadsTo: String?
        /// Where it leads, every link followed (nil when it leads nowhere).
        public var resolved: String?

        public var words: RuleMessage<OutsideWorkspace> {
            resolved == nil ? .brokenLink(link, to: leadsTo ?? "") : .path(link, leadsTo: resolved ?? "")
        }

        public var description: String { words.text + "; " + words.hint }
    }

    /// Where the workspace path `relative` really is: the absolute path with every symbolic link
    /// on the way followed, or the link that leads out of the workspace at `root`. The parts
    /// that do not exist yet are kept as they are (a file about to be created). `relative` must
    /// be safe (`isSafeRelative`, or a path the folder walk found).
    public static func resolve(_ relative: String, root: String) -> Result<String, Escape> {
        let resolvedRoot = FileAccess.resolve(root) ?? root
        var current = resolvedRoot
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true)
        for (index, part) in parts.enumerated() {
            if part == "." { continue }
            let candidate = current + "/" + part
            switch kind(candidate) {
            case .missing:
                return .success(([current] + parts[index...].map(String.init)).joined(separator: "/"))
            case .link(let destination):
                let link = parts[...index].joined(separator: "/")
                guard let target = FileAccess.resolve(candidate) else {
                    // A link to nothing: outside when what it names would be.
                    let named = Workspace.normalize(destination.hasPrefix("/") ? destination : current + "/" + destination)
                    return .failure(Escape(link: link, leadsTo: destination, resolved: isInside(named, resolvedRoot: resolvedRoot) ? nil : named))
                }
                guard isInside(target, resolvedRoot: resolvedRoot) else {
                    return .failure(Escape(link: link, leadsTo: destination, resolved: target))
                }
                current = target
            case .other:
                current = candidate
            }
        }
        return .success(current)
    }

    enum Kind: Equatable {
        case missing
        /// A symbolic link, and what it says.
        case link(String)
        case other
    }

    /// What is at `path`, without following a link there.
    static func kind(_ path: String) -> Kind {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        guard (info.st_mode & S_IFMT) == S_IFLNK else { return .other }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        return .link(count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "")
        #else
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return .missing }
        guard attributes[.type] as? FileAttributeType == .typeSymbolicLink else { return .other }
        return .link((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "")
        #endif
    }

    /// What a symbolic link at `path` says, or nil when there is no link there.
    public static func linkDestination(_ path: String) -> String? {
        if case .link(let destination) = kind(path) { return destination }
        return nil
    }
}

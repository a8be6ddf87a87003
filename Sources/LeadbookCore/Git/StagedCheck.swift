import Foundation
import LeadbookText

/// `leadbook check --staged`: what the next commit would record, read from git's staging area, so
/// edits not yet added neither hide an error nor cause one.
///
/// Only the staged customer files are read and checked. The rules across files (unique ids,
/// merge targets) need the rest of the tree, but not all of it: a file's name begins with its
/// id, so the only other files that can share an id or be a merge target are those whose
/// names begin with that id. Those few are read from the staging area too. Possible duplicates are
/// the pairs the commit makes: a staged customer that gains a phone, an email or a company
/// name (one its file did not have at HEAD) is compared with the files `git grep` finds
/// holding that key's telling part (a phone's last four digits, the email, the name's first
/// four characters), as `check` compares them. When leadbook.yml is staged, every customer
/// file is checked against the new configuration.
public enum StagedCheck {
    public struct Outcome {
        public var report: CheckReport
        /// Remarks for standard error (a leadbook.yml that is not in git), in both languages.
        public var phrases: [Phrase] = []
        /// The remarks in English.
        public var notes: [String] { phrases.map(\.en) }
    }

    /// `now` is the commit's moment (`clock` in the workspace's time zone when nil): a
    /// contact the commit adds that is older than `record_within_hours` is `late-entry`.
    public static func run(root: String, against revision: String?, now: LocalDateTime? = nil,
                           clock: () -> Date = { Date() }) throws -> Outcome {
        let git = Git(directory: root)
        let reader = try GitObjectReader(git)
        defer { reader.close() }
        var notes: [Phrase] = []

        // The configuration as staged.
        let index = try git.stagedEntries()
        var entries: [String: StagedEntry] = [:]
        for entry in index { entries[entry.path] = entry }
        let configName = Workspace.configurationFileName
        var configuration = Configuration()
        var configurationDiagnostics: [Diagnostic] = []
        var configurationBytes: [UInt8]?
        if let entry = entries[configName], let bytes = try reader.read([entry.object]).first ?? nil {
            configurationBytes = bytes
        } else if case .success(let bytes) = Workspace.readFile(configName, root: root) {
            configurationBytes = bytes
            notes.append(Wording<StagedCheck>.configurationNotStaged.phrase)
        }
        if let configurationBytes {
            (configuration, configurationDiagnostics) = ConfigurationReader.read(SourceText(path: configName, bytes: configurationBytes))
        }
        let folder = configuration.customersFolder
        let customers = index.filter { Workspace.isCustomerPath($0.path, folder: folder) && !$0.isSubmodule }

        // What is staged.
        let changes = try git.changes(cached: true, revision: nil)
        let configurationChanged = changes.contains { $0.newPath == configName || $0.oldPath == configName }
        var selected: [StagedEntry]
        if configurationChanged {
            selected = customers
        } else {
            let staged = Set(changes.compactMap { change -> String? in
                guard change.status != .deleted, change.status != .unmerged, let path = change.newPath,
                      Workspace.isCustomerPath(path, folder: folder) else { return nil }
                return path
            })
            selected = customers.filter { staged.contains($0.path) }
        }

        var diagnostics: [Diagnostic] = []
        var facts: [CustomerFacts] = []
        // Staged files are read again only for a rule across files; keep what git holds, not
        // the working tree (the whole tree when leadbook.yml changed: then the working tree).
        try checkFiles(selected, root: root, reader: reader, configuration: configuration,
                       keepContent: !configurationChanged) { fileDiagnostics, fileFacts in
            diagnostics.append(contentsOf: fileDiagnostics)
            facts.append(fileFacts)
        }
        let checked = Set(selected.map(\.path))

        // The other files the rules across files need: those named like the ids involved.
        var referencing: Set<String> = []
        var related: Set<String> = []
        if !configurationChanged {
            var wanted = Set(facts.compactMap(\.id))
            wanted.formUnion(facts.compactMap(\.mergedInto))
            // Ids this commit takes away (a file deleted or renamed): tombstones may point at them.
            var removed: Set<String> = []
            for change in changes where change.status == .deleted || change.status == .renamed {
                guard let path = change.oldPath, Workspace.isCustomerPath(path, folder: folder), let object = change.oldObject,
                      let bytes = try reader.read([object]).first ?? nil else { continue }
                if let id = WorkspaceCheck.checkFile(path: path, bytes: bytes, configuration: configuration).1.id {
                    removed.insert(id)
                    wanted.insert(id)
                }
            }
            wanted = wanted.filter { !$0.isEmpty }
            var others = customers.filter { entry in
                !checked.contains(entry.path)
                    && wanted.contains { FileNameMismatch.matches(fileName: WorkspacePath.fileName(entry.path), id: $0) }
            }
            var claimed = Set(others.map(\.path))
            let stillThere = Set(facts.compactMap(\.id))
            let gone = removed.filter { id in
                !stillThere.contains(id) && !others.contains { FileNameMismatch.matches(fileName: WorkspacePath.fileName($0.path), id: id) }
            }
            if !gone.isEmpty {
                for path in try git.stagedFiles(containing: gone.sorted(), in: [folder]) where !checked.contains(path) && !claimed.contains(path) {
                    if let entry = entries[path], Workspace.isCustomerPath(path, folder: folder) {
                        others.append(entry)
                        claimed.insert(path)
                        referencing.insert(path)
                    }
                }
            }
            // Customers that may be the same as a staged one. Only a key the commit adds (a
            // name, phone or email the file did not have at HEAD) can make a new pair.
            var atHead: [String: String] = [:]
            for change in changes where change.status != .added && change.status != .deleted {
                if let path = change.newPath, let object = change.oldObject { atHead[path] = object }
            }
            var addedKeys: [[DuplicateKeys.Evidence]] = []
            for fact in facts where !fact.isTombstone && !fact.duplicateDigests.isEmpty {
                guard let keys = fact.duplicateKeys(configuration)?.keys.map(\.evidence) else { continue }
                var before: Set<UInt64> = []
                if let object = atHead[fact.path], let bytes = try reader.read([object]).first ?? nil {
                    before = Set(WorkspaceCheck.checkFile(path: fact.path, bytes: bytes, configuration: configuration).1.duplicateDigests)
                }
                addedKeys.append(keys.filter { !before.contains($0.digest) })
            }
            let probes = DuplicateProbe.words(addedKeys)
            if !probes.isEmpty {
                for path in try git.stagedFiles(containing: probes, in: [folder], ignoringCase: true)
                where !checked.contains(path) && !claimed.contains(path) {
                    if let entry = entries[path], Workspace.isCustomerPath(path, folder: folder), !entry.isSubmodule {
                        others.append(entry)
                        claimed.insert(path)
                        related.insert(path)
                    }
                }
            }
            try checkFiles(others, root: root, reader: reader, configuration: configuration, keepContent: true) { _, fileFacts in
                facts.append(fileFacts)
            }
        }
        var across: [Diagnostic] = []
        for rule in WorkspaceRules.all {
            rule.check(facts, configuration, &across)
        }
        // Besides the staged files: a tombstone pointing at an id this commit removes, and a
        // customer captured after a staged one it looks like (the warning is on the newer).
        var reported: Set<String> = []
        for diagnostic in across {
            if checked.contains(diagnostic.file)
                || (referencing.contains(diagnostic.file) && diagnostic.rule == UnknownMergeTarget.rule)
                || (related.contains(diagnostic.file) && diagnostic.rule == PossibleDuplicate.rule) {
                diagnostics.append(diagnostic)
                if !checked.contains(diagnostic.file) { reported.insert(diagnostic.file) }
            }
        }
        if configurationChanged {
            diagnostics.append(contentsOf: configurationDiagnostics)
        }
        diagnostics += try lateEntries(changes, checked: checked, entries: entries, reader: reader, configuration: configuration,
                                       merging: git.isCommit("MERGE_HEAD"),
                                       now: now ?? configuration.timezone.localTime(secondsSince1970: Int(clock().timeIntervalSince1970)))

        // The log is append-only.
        if let revision {
            var history = changes
            var name = revision
            if revision != "HEAD" || !git.isCommit("HEAD") {
                if revision == "HEAD" {
                    // No commit yet: nothing was written before.
                    history = []
                } else {
                    guard git.isCommit(revision) else { throw Git.Failure(.notACommit(revision)) }
                    history = try git.changes(cached: true, revision: revision)
                    name = LogHistory.shortName(revision)
                }
            }
            diagnostics += try LogHistory.check(history, revision: name, folder: folder, reader: reader) { change in
                guard let object = change.newObject else { return nil }
                return try reader.read([object]).first ?? nil
            }
        }
        diagnostics.sort(by: Diagnostic.ordered)
        let files = checked.count + referencing.union(reported).count + (configurationChanged && configurationBytes != nil ? 1 : 0)
        return Outcome(report: CheckReport(files: files, diagnostics: diagnostics), phrases: notes)
    }

    /// `late-entry` for the entries the commit appends to customer files HEAD has, the
    /// entries of every customer file it changes or deletes at HEAD telling moved and
    /// corrected entries from new ones. A file new to git is brought in, not recorded late;
    /// in a merge commit (`merging`), an entry of the merged branch's file was recorded there.
    static func lateEntries(_ changes: [GitChange], checked: Set<String>, entries: [String: StagedEntry], reader: GitObjectReader,
                            configuration: Configuration, merging: Bool = false, now: LocalDateTime) throws -> [Diagnostic] {
        guard configuration.recordWithinHours > 0 else { return [] }
        let folder = configuration.customersFolder
        var files: [LateEntry.Change] = []
        for change in changes {
            switch change.status {
            case .modified, .renamed, .typeChanged, .deleted:
                guard let oldPath = change.oldPath, Workspace.isCustomerPath(oldPath, folder: folder), let object = change.oldObject,
                      let old = try reader.read([object]).first ?? nil else { continue }
                var new: [UInt8]?
                if let path = change.newPath, checked.contains(path), let entry = entries[path], !entry.isSymlink {
                    new = try reader.read([entry.object]).first ?? nil
                }
                var merged: [UInt8]?
                if merging, new != nil, let path = change.newPath {
                    merged = try reader.read(["MERGE_HEAD:./" + path]).first ?? nil
                }
                files.append(LateEntry.Change(path: change.newPath ?? oldPath, old: old, new: new, merged: merged))
            default:
                continue
            }
        }
        return LateEntry.check(files, now: now, policy: TimePolicy(configuration))
    }

    /// Reads staged entries in batches (a batch's blobs at a time) and checks each file.
    public static func checkFiles(_ entries: [StagedEntry], root: String, reader: GitObjectReader, configuration: Configuration,
                           keepContent: Bool, _ body: ([Diagnostic], CustomerFacts) -> Void) throws {
        var start = 0
        while start < entries.count {
            let end = min(entries.count, start + GitObjectReader.batch)
            let chunk = entries[start..<end]
            var blobs: [Result<[UInt8], Diagnostic>] = []
            blobs.reserveCapacity(chunk.count)
            let objects = chunk.filter { !$0.isSymlink }.map(\.object)
            var fromGit = try reader.read(objects).makeIterator()
            for entry in chunk {
                if entry.isSymlink {
                    // A link is checked through the file it points at, as `check` reads it.
                    blobs.append(CustomerFiles.read(entry.path, root: root))
                } else if let bytes = fromGit.next() ?? nil {
                    blobs.append(CustomerFiles.sizeProblem(entry.path, bytes).map { .failure($0) } ?? .success(bytes))
                } else {
                    blobs.append(.failure(UnreadableFile.diagnostic(.stagedFile, file: entry.path)))
                }
            }
            let paths = chunk.map(\.path)
            let results = ParallelMap.map(blobs.count) { index -> ([Diagnostic], CustomerFacts) in
                let bytes: [UInt8]
                switch blobs[index] {
                case .success(let read): bytes = read
                case .failure(let diagnostic): return ([diagnostic], CustomerFacts(path: paths[index]))
                }
                var (diagnostics, facts) = WorkspaceCheck.checkFile(path: paths[index], bytes: bytes, configuration: configuration)
                facts.root = root
                if keepContent && !facts.duplicateDigests.isEmpty { facts.content = bytes }
                return (diagnostics, facts)
            }
            for (fileDiagnostics, fileFacts) in results { body(fileDiagnostics, fileFacts) }
            start = end
        }
    }
}

/// `check --against REV`: the customer files changed since REV, compared entry by entry.
public enum LogHistory {
    /// Diagnostics for log entries the changes rewrote. `newBytes` gives a changed file's
    /// content now (from the staging area or the working tree). An entry that leaves one
    /// customer file for another of the same changes, line for line, was moved (`merge`).
    public static func check(_ changes: [GitChange], revision: String, folder: String, reader: GitObjectReader,
                             newBytes: (GitChange) throws -> [UInt8]?) throws -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // The entries each changed customer file gained, line for line, and in how many files.
        var gained: [Int: Set<[UInt8]>] = [:]
        var files: [[UInt8]: Int] = [:]
        for (index, change) in changes.enumerated() {
            guard let newPath = change.newPath, Workspace.isCustomerPath(newPath, folder: folder),
                  change.status != .deleted, change.status != .unmerged, let new = try newBytes(change) else { continue }
            var old: [UInt8]?
            if let oldObject = change.oldObject, change.status != .added, change.status != .copied,
               let oldPath = change.oldPath, Workspace.isCustomerPath(oldPath, folder: folder) {
                old = try reader.read([oldObject]).first ?? nil
            }
            let entries = LogRewritten.addedEntries(old: old, new: new)
            guard !entries.isEmpty else { continue }
            gained[index] = entries
            for entry in entries { files[entry, default: 0] += 1 }
        }
        for (index, change) in changes.enumerated() {
            guard let oldPath = change.oldPath, Workspace.isCustomerPath(oldPath, folder: folder), let oldObject = change.oldObject else { continue }
            switch change.status {
            case .modified, .renamed, .typeChanged, .copied:
                guard let newPath = change.newPath, let old = try reader.read([oldObject]).first ?? nil,
                      let new = try newBytes(change) else { continue }
                if change.status == .copied { continue }
                let own = gained[index] ?? []
                diagnostics += LogRewritten.compare(old: old, new: new, path: newPath, oldPath: oldPath, revision: revision) { entry in
                    (files[entry] ?? 0) > (own.contains(entry) ? 1 : 0)
                }
            case .deleted:
                guard let old = try reader.read([oldObject]).first ?? nil else { continue }
                diagnostics += LogRewritten.deleted(old: old, oldPath: oldPath, revision: revision)
            default:
                continue
            }
        }
        return diagnostics
    }

    /// A full commit id shortened for messages (any other name as given).
    public static func shortName(_ revision: String) -> String {
        revision.count == 40 && revision.allSatisfy(\.isHexDigit) ? String(revision.prefix(12)) : revision
    }

    /// The working tree (and index) against `revision`.
    public static func checkWorkingTree(root: String, revision: String, folder: String) throws -> [Diagnostic] {
        let git = Git(directory: root)
        guard git.isCommit(revision) else {
            if git.topLevel() == nil { throw Git.Failure(.notInRepository(root)) }
            // No commit yet (the first commit's pre-commit hook): nothing was written before.
            if revision == "HEAD" { return [] }
            throw Git.Failure(.notACommit(revision))
        }
        let reader = try GitObjectReader(git)
        defer { reader.close() }
        let changes = try git.changes(cached: false, revision: revision)
        return try check(changes, revision: shortName(revision), folder: folder, reader: reader) { change in
            guard let path = change.newPath, case .success(let bytes) = CustomerFiles.read(path, root: root) else { return nil }
            return bytes
        }
    }
}

extension Workspace {
    /// leadbook.yml of the workspace at `root` alone (no walk of the customers folder); the
    /// defaults when it is missing or has errors.
    public static func configuration(root: String) -> Configuration {
        guard case .success(let bytes) = readFile(configurationFileName, root: root) else { return Configuration() }
        return ConfigurationReader.readOnce(SourceText(path: configurationFileName, bytes: bytes), root: root).0
    }

    /// The language leadbook.yml in `root` sets (Chinese when it sets none); nil when there is
    /// no leadbook.yml that can be read.
    public static func language(root: String) -> Language? {
        guard case .success(let bytes) = readFile(configurationFileName, root: root) else { return nil }
        return ConfigurationReader.readOnce(SourceText(path: configurationFileName, bytes: bytes), root: root).0.language
    }

    /// A path (relative to the workspace) that names a customer file: a Markdown file under the
    /// customers folder, with no hidden folder or file on the way.
    public static func isCustomerPath(_ path: String, folder: String) -> Bool {
        guard path.hasPrefix(folder + "/"), CustomerFolderWalk.isMarkdown(path) else { return false }
        return !path.dropFirst(folder.count + 1).split(separator: "/").contains { $0.hasPrefix(".") }
    }
}

extension Wording where Of == StagedCheck {
    public static let configurationNotStaged = Self("leadbook.yml is not in git yet (`git add leadbook.yml`); checking with the file as it is",
                                                  "leadbook.yml 还没有加入 git（`git add leadbook.yml`）；先按文件当前的内容检查")
}

import LeadbookCore
import LeadbookText

/// One workspace the server checks files of: leadbook.yml and the facts the rules across files
/// need of every customer file (`CustomerFacts`), read from disk once, then kept up to date with
/// the open buffers (which win over the files on disk) and the changes the editor reports.
///
/// A change to one file is checked against these facts, not by reading the workspace again: the
/// rules across files run over the facts of the files that share an id, a merge target or a
/// duplicate key with it, which give that file exactly the findings they give it over the
/// whole workspace (each rule looks at a file only together with the files that share one of
/// these with it).
final class ServedWorkspace {
    private(set) var workspace: Workspace
    var root: String { workspace.root }
    var configuration: Configuration { workspace.configuration }

    /// The facts of every customer file by path: from disk, or from the buffer when it is open.
    private var facts: [String: CustomerFacts] = [:]
    /// The facts read from disk of the files that are open (to go back to when closed).
    private var onDisk: [String: CustomerFacts] = [:]
    private var byId: [String: Set<String>] = [:]
    private var byDigest: [UInt64: Set<String>] = [:]
    /// The own findings of each open buffer (of the bytes its facts hold as `content`), so a
    /// file republished because another changed is not read again.
    private var own: [String: [Diagnostic]] = [:]
    /// The diagnostics of the folder walk and of the files that could not be read, by path.
    private var fileProblems: [String: [Diagnostic]] = [:]

    init(root: String) {
        workspace = Workspace.open(root: root)
        load()
    }

    /// leadbook.yml and every customer file read again from disk (the open buffers still win).
    func reload(open: [String: [UInt8]]) {
        workspace = Workspace.open(root: root)
        load()
        for (path, bytes) in open where isCustomerPath(path) { setBuffer(path, bytes) }
    }

    private func load() {
        facts = [:]
        onDisk = [:]
        own = [:]
        byId = [:]
        byDigest = [:]
        fileProblems = [:]
        let reading = WorkspaceCheck.facts(workspace)
        for fact in reading.values { insert(fact) }
        for diagnostic in workspace.walkDiagnostics + reading.unread { fileProblems[diagnostic.file, default: []].append(diagnostic) }
    }


    func isCustomerPath(_ path: String) -> Bool {
        Workspace.isCustomerPath(path, folder: configuration.customersFolder)
    }

    private func insert(_ fact: CustomerFacts) {
        remove(fact.path)
        facts[fact.path] = fact
        if let id = fact.id, !id.isEmpty { byId[id, default: []].insert(fact.path) }
        for digest in fact.duplicateDigests { byDigest[digest, default: []].insert(fact.path) }
    }

    private func remove(_ path: String) {
        own[path] = nil
        guard let old = facts.removeValue(forKey: path) else { return }
        if let id = old.id, !id.isEmpty {
            byId[id]?.remove(path)
            if byId[id]?.isEmpty == true { byId[id] = nil }
        }
        for digest in old.duplicateDigests {
            byDigest[digest]?.remove(path)
            if byDigest[digest]?.isEmpty == true { byDigest[digest] = nil }
        }
    }

    /// The buffer of an open customer file: its facts stand for the file's.
    func setBuffer(_ path: String, _ bytes: [UInt8]) {
        if onDisk[path] == nil { onDisk[path] = facts[path] ?? CustomerFacts(path: path) }
        var (diagnostics, fact) = WorkspaceCheck.checkFile(path: path, bytes: bytes, configuration: configuration)
        fact.root = root
        fact.content = bytes
        insert(fact)
        own[path] = diagnostics
    }

    /// An open file closed: the file on disk counts again (read again, as it may have been saved).
    func closeBuffer(_ path: String) {
        onDisk[path] = nil
        refreshFromDisk(path)
    }

    /// One customer file read again from disk (changed, created or deleted outside the editor);
    /// an open buffer keeps standing for it.
    func refreshFromDisk(_ path: String) {
        guard isCustomerPath(path) else { return }
        var fact = CustomerFacts(path: path)
        fileProblems[path] = nil
        let exists = FileAccess.exists(workspace.absolute(path))
        if exists {
            switch CustomerFiles.read(path, root: root) {
            case .success(let bytes):
                fact = WorkspaceCheck.checkFile(path: path, bytes: bytes, configuration: configuration).1
                fact.root = root
            case .failure(let diagnostic):
                fileProblems[path] = [diagnostic]
            }
        }
        if onDisk[path] != nil {
            onDisk[path] = fact
        } else if exists {
            insert(fact)
        } else {
            remove(path)
        }
    }

    /// What `leadbook check PATH` reports for the customer file `path` with these bytes: the
    /// file's own findings, the folder walk's and the rules across files against the rest of
    /// the workspace. The bytes become the file's facts (the file is open).
    func check(_ path: String, _ bytes: [UInt8]) -> [Diagnostic] {
        if let tooLarge = CustomerFiles.sizeProblem(path, bytes) { return [tooLarge] }
        if facts[path]?.content != bytes || own[path] == nil { setBuffer(path, bytes) }
        var diagnostics = own[path] ?? []
        diagnostics += fileProblems[path]?.filter { $0.rule.id != FileTooLarge.rule.id && $0.rule.id != UnreadableFile.rule.id } ?? []
        diagnostics += across(path)
        diagnostics.sort(by: Diagnostic.ordered)
        return diagnostics
    }

    /// The findings of the rules across files for `path`.
    func across(_ path: String) -> [Diagnostic] {
        guard let fact = facts[path] else { return [] }
        var related: Set<String> = [path]
        if let id = fact.id, let paths = byId[id] { related.formUnion(paths) }
        if let target = fact.mergedInto, let paths = byId[target] { related.formUnion(paths) }
        for digest in fact.duplicateDigests {
            if let paths = byDigest[digest] { related.formUnion(paths) }
        }
        let subset = related.sorted { $0.bytesPrecede($1) }.compactMap { facts[$0] }
        var diagnostics: [Diagnostic] = []
        for rule in WorkspaceRules.all { rule.check(subset, configuration, &diagnostics) }
        return diagnostics.filter { $0.file == path }
    }

    /// The name of the customer with this id, when there is one (for a hover on `merged_into`).
    func customerName(_ id: String) -> String? {
        guard let paths = byId[id] else { return nil }
        let sorted = paths.sorted { $0.bytesPrecede($1) }
        return sorted.lazy.compactMap { self.facts[$0] }.first { !$0.isTombstone }?.name
            ?? sorted.compactMap { self.facts[$0]?.name }.first
    }
}

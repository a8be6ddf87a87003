import Dispatch
import LeadbookText
/// `leadbook check`: every file read and checked (in parallel), then the rules across files.
public struct CheckReport: Sendable {
    /// Files checked (customer files and leadbook.yml when present).
    public var files: Int
    public var diagnostics: [Diagnostic]

    public var errors: Int { diagnostics.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }
    public var warnings: Int { diagnostics.count - errors }
}

/// What a rule across files needs of each customer file.
public struct CustomerFacts: Sendable {
    public var path: String
    public var id: String?
    /// A ready diagnostic location at the id (used when another file shares it).
    public var idAnchor: Diagnostic? {
        get { anchors?.id?.diagnostic }
        set { anchors = Anchors(id: newValue, mergedInto: mergedIntoAnchor) }
    }
    public var created: LocalDateTime?
    public var mergedInto: String?
    public var mergedIntoAnchor: Diagnostic? {
        get { anchors?.mergedInto?.diagnostic }
        set { anchors = Anchors(id: idAnchor, mergedInto: newValue) }
    }
    /// The two anchors, kept out of line and compact: a `Diagnostic` takes hundreds of bytes,
    /// and the facts of 100,000 customers are held, and copied, in arrays (two anchors inline
    /// made the facts of a customer several times their size).
    var anchors: Anchors?

    final class Anchors: Sendable {
        let id: Anchor?
        let mergedInto: Anchor?

        init?(id: Diagnostic?, mergedInto: Diagnostic?) {
            if id == nil && mergedInto == nil { return nil }
            self.id = id.map(Anchor.init)
            self.mergedInto = mergedInto.map(Anchor.init)
        }
    }

    /// A diagnostic without words, as `Findings.anchor` makes it: its place and line; any
    /// other diagnostic is kept whole, so the anchor read is always the one kept.
    enum Anchor: Sendable {
        case place(file: String, line: Int, column: Int, rule: Rule, sourceLine: String?, caretOffset: Int)
        indirect case whole(Diagnostic)

        init(_ diagnostic: Diagnostic) {
            let place = Anchor.place(file: diagnostic.file, line: diagnostic.line, column: diagnostic.column, rule: diagnostic.rule,
                                     sourceLine: diagnostic.sourceLine, caretOffset: diagnostic.caretOffset)
            self = place.diagnostic == diagnostic ? place : .whole(diagnostic)
        }

        var diagnostic: Diagnostic {
            switch self {
            case .place(let file, let line, let column, let rule, let sourceLine, let caretOffset):
                return Diagnostic(file: file, line: line, column: column, rule: rule, message: .empty, hint: .empty,
                                  sourceLine: sourceLine, caretOffset: caretOffset)
            case .whole(let diagnostic):
                return diagnostic
            }
        }
    }

    public var name: String?
    /// The digests of the customer's duplicate keys (normalized name, phones, emails): 8 bytes
    /// a key, so that 100,000 customers are compared in a few megabytes.
    public var duplicateDigests: [UInt64] = []
    /// The workspace folder, to read the file again when a rule across files needs more of it.
    public var root = ""
    /// The file's bytes when they are not the file on disk (a staged version), for the same.
    public var content: [UInt8]?

    public init(path: String) { self.path = path }

    public var isTombstone: Bool { mergedInto != nil }

    /// The file read again: its duplicate keys with their values and places, and its text
    /// (for a diagnostic's line). Nil when it cannot be read any more.
    public func duplicateKeys(_ configuration: Configuration) -> (keys: [DuplicateKeys.Located], source: SourceText)? {
        let bytes: [UInt8]
        if let content {
            bytes = content
        } else {
            guard case .success(let read) = CustomerFiles.read(path, root: root) else { return nil }
            bytes = read
        }
        let result = CustomerReader.read(path: path, bytes: bytes, configuration: configuration, text: false)
        guard let customer = result.customer, let frontMatter = result.frontMatter else { return nil }
        return (DuplicateKeys.located(customer, frontMatter: frontMatter), SourceText(path: path, bytes: bytes))
    }
}

public enum WorkspaceCheck {
    /// Checks the workspace. With `only`, reports the findings of those files (relative paths)
    /// while cross-file rules still see the whole tree.
    public static func run(_ workspace: Workspace, only: Set<String>? = nil) -> CheckReport {
        let paths = workspace.customerPaths
        let configuration = workspace.configuration
        // The index is checked with the whole workspace only, and only when the file exists.
        let indexTarget = WorkspaceIndex.Target(path: configuration.indexFile, owner: nil)
        var indexExtraction: IndexExtraction? = only == nil && WorkspaceIndex.misplaced(configuration) == nil
            && (FileAccess.exists(workspace.absolute(indexTarget.path)) || WorkspacePath.linkDestination(workspace.absolute(indexTarget.path)) != nil)
            ? WorkspaceIndex.extraction(workspace, owners: false, keepText: false) : nil
        let floor = indexExtraction == nil ? nil : WorkspaceIndex.checkFloor(workspace)
        indexExtraction?.floor = floor?.floor
        // The index's rows depend on its window: a cache written for another one is read again.
        var context = BinaryWriter()
        context.optionalInt(floor.map { $0.floor.dayNumber })
        let cache = CustomerCache.open(workspace, kind: "check", context: indexExtraction == nil ? nil : context.bytes)
        let extraction = indexExtraction
        var reading = WorkspaceIndex.map(CustomerFiles(workspace), days: configuration.indexDays, cache: cache,
                                         coding: coding(paths: paths, root: workspace.root, withIndex: extraction != nil)) { index, bytes -> FileResult in
            var (diagnostics, facts, rows) = checkFile(path: paths[index], bytes: bytes, configuration: configuration, index: extraction)
            facts.root = workspace.root
            return ((diagnostics, facts), rows)
        } unread: { index, _ in ([], CustomerFacts(path: paths[index])) }
        cache?.save()
        // The cache's bytes are not kept through the rules across files: only whether there is one.
        let cached = cache != nil
        var diagnostics: [Diagnostic] = workspace.configurationDiagnostics + workspace.walkDiagnostics + reading.unread
        var facts: [CustomerFacts] = []
        var rows: [IndexRows] = []
        facts.reserveCapacity(reading.values.count)
        // The files whose index rows cannot be trusted: they add no stale-index finding.
        var untrusted = Set(reading.unread.map(\.file))
        for ((fileDiagnostics, fileFacts), fileRows) in reading.values {
            if fileDiagnostics.contains(where: { $0.severity == .error }) { untrusted.insert(fileFacts.path) }
            diagnostics.append(contentsOf: fileDiagnostics)
            facts.append(fileFacts)
            if let fileRows { rows.append(fileRows) }
        }
        // What each file gave is now in `diagnostics`, `facts` and `rows`: the per-file values
        // go before the rules across files make their own tables.
        reading.values = []
        let untrustedFiles = untrusted
        // The rules across files and the index file are independent: one core each.
        var across: [Diagnostic] = []
        var index: [Diagnostic] = []
        DispatchQueue.concurrentPerform(iterations: indexExtraction == nil ? 1 : 2) { task in
            if task == 0 {
                for rule in WorkspaceRules.all { rule.check(facts, configuration, &across) }
            } else if var indexExtraction {
                var assembly = IndexAssembly(rows, configuration: configuration, keepText: false)
                if let floor, !WorkspaceIndex.floorHolds(assembly, shownNewest: floor.shownNewest) {
                    // The workspace's newest follow-up is older than the index shows: read the rows again in full.
                    indexExtraction.floor = nil
                    assembly = IndexAssembly(WorkspaceIndex.collect(workspace, indexExtraction).rows, configuration: configuration, keepText: false)
                    index = WorkspaceIndex.check(workspace, assembly, indexExtraction, indexTarget, ignoring: untrustedFiles)
                    return
                }
                // The same rows against the same index file: the same findings as last time.
                var verdict: IndexVerdict?
                if cached, case .success(let real) = WorkspacePath.resolve(indexTarget.path, root: workspace.root) {
                    verdict = IndexVerdict(workspace, indexFile: real, rows: rows, ignoring: untrustedFiles, floor: floor?.floor)
                }
                if let known = verdict?.recall() {
                    index = known
                    return
                }
                index = WorkspaceIndex.check(workspace, assembly, indexExtraction, indexTarget, ignoring: untrustedFiles)
                verdict?.keep(index, path: indexTarget.path)
            }
        }
        diagnostics += across
        if let only {
            diagnostics.removeAll { !only.contains($0.file) }
        }
        diagnostics.sort(by: Diagnostic.ordered)
        // The index file's findings follow from the customer files: they come after them.
        diagnostics += index.sorted(by: Diagnostic.ordered)
        let fileCount = (only?.count ?? paths.count) + (workspace.hasConfigurationFile && only == nil ? 1 : 0)
            + (indexExtraction != nil ? 1 : 0)
        return CheckReport(files: fileCount, diagnostics: diagnostics)
    }

    /// The compact facts of every customer file (diagnostics dropped), and why the files that
    /// were not read were not: for the commands that need ids and duplicate keys of the whole
    /// workspace.
    public static func facts(_ workspace: Workspace) -> CustomerFiles.Reading<CustomerFacts> {
        let paths = workspace.customerPaths
        // Through `check`'s cache: its records begin with the facts.
        let cache = CustomerCache.open(workspace, kind: "check", context: nil)
        let reading = CustomerFiles(workspace).reduce(cache: cache, factsCoding(paths: paths, root: workspace.root)) { index, bytes -> ([Diagnostic], CustomerFacts) in
            var (diagnostics, facts) = checkFile(path: paths[index], bytes: bytes, configuration: workspace.configuration)
            facts.root = workspace.root
            return (diagnostics, facts)
        } unread: { index, _ in ([], CustomerFacts(path: paths[index])) }
        cache?.save()
        return CustomerFiles.Reading(values: reading.values.map(\.1), unread: reading.unread)
    }

    /// Reads and checks one customer file.
    public static func checkFile(path: String, bytes: [UInt8], configuration: Configuration) -> ([Diagnostic], CustomerFacts) {
        let (diagnostics, facts, _) = checkFile(path: path, bytes: bytes, configuration: configuration, index: nil)
        return (diagnostics, facts)
    }

    /// Reads and checks one customer file and, with `index`, makes its rows of the index in
    /// the same read.
    public static func checkFile(path: String, bytes: [UInt8], configuration: Configuration,
                                 index: IndexExtraction?) -> ([Diagnostic], CustomerFacts, IndexRows?) {
        let result = CustomerReader.read(path: path, bytes: bytes, configuration: configuration, text: index != nil,
                                         followUpTextFrom: index?.floor, tree: false)
        var facts = CustomerFacts(path: path)
        if let customer = result.customer {
            facts.id = customer.id
            if let place = result.valuePlace(.id), customer.id != nil {
                facts.idAnchor = result.findings.anchor(DuplicateId.self, at: place.offset, line: place.line)
            }
            facts.created = customer.created
            facts.mergedInto = customer.mergedInto
            if let place = result.valuePlace(.mergedInto), customer.mergedInto != nil {
                facts.mergedIntoAnchor = result.findings.anchor(UnknownMergeTarget.self, at: place.offset, line: place.line)
            }
            facts.name = customer.name
            facts.duplicateDigests = DuplicateKeys.digests(customer)
        }
        // The same customers as `leadbook index` reads (WorkspaceIndex.collect).
        let rows = index.flatMap { index in result.customer.flatMap { index.rows($0, path: path) } }
        return (result.findings.diagnostics, facts, rows)
    }
}


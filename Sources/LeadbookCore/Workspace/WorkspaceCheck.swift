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
    public var idAnchor: Diagnostic?
    public var created: LocalDateTime?
    public var mergedInto: String?
    public var mergedIntoAnchor: Diagnostic?
    public var name: String?
    public var phones: [String] = []
    public var emails: [String] = []
    /// The duplicate keys (normalized name, phones, emails) with where each is in the file.
    public var duplicateKeys: [DuplicateKey] = []

    public init(path: String) { self.path = path }

    public var isTombstone: Bool { mergedInto != nil }

    /// One duplicate key of a file and where it is written: a 1-based line and a 0-based byte
    /// column (turned into a character column only when a warning needs it).
    public struct DuplicateKey: Sendable {
        public var evidence: DuplicateKeys.Evidence
        public var line: Int32
        public var byteColumn: Int32
    }

    /// The keys of a read customer, each at its first place in the front matter.
    static func duplicateKeys(_ customer: Customer, _ root: YAMLNode, _ bytes: [UInt8]) -> [DuplicateKey] {
        var keys: [DuplicateKey] = []
        func add(_ kind: DuplicateKeys.Evidence.Kind, _ value: String?, _ node: YAMLNode?) {
            guard let value, let node else { return }
            let evidence = DuplicateKeys.Evidence(kind: kind, value: value)
            if keys.contains(where: { $0.evidence == evidence }) { return }
            var lineStart = min(node.start, bytes.count)
            while lineStart > 0, bytes[lineStart - 1] != ASCII.lf { lineStart -= 1 }
            keys.append(DuplicateKey(evidence: evidence, line: Int32(node.line), byteColumn: Int32(node.start - lineStart)))
        }
        if customer.kind == .company, let name = customer.name {
            add(.name, DuplicateKeys.name(name), root["name"])
        }
        let items = root["contacts"]?.items ?? []
        for (index, contact) in customer.contacts.enumerated() where index < items.count {
            add(.phone, contact.phone.flatMap(DuplicateKeys.phone), items[index]["phone"])
            add(.email, contact.email.flatMap(DuplicateKeys.email), items[index]["email"])
        }
        return keys
    }
}

public enum WorkspaceCheck {
    /// Checks the workspace. With `only`, reports the findings of those files (relative paths)
    /// while cross-file rules still see the whole tree.
    public static func run(_ workspace: Workspace, only: Set<String>? = nil) -> CheckReport {
        let paths = workspace.customerPaths
        let configuration = workspace.configuration
        let results = ParallelMap.map(paths.count) { index -> ([Diagnostic], CustomerFacts) in
            let path = paths[index]
            switch FileAccess.read(workspace.absolute(path)) {
            case .failure(.tooLarge(let size)):
                return ([tooLarge(path, size)], CustomerFacts(path: path))
            case .success(let bytes) where bytes.count > maxCustomerFileSize:
                return ([tooLarge(path, bytes.count)], CustomerFacts(path: path))
            case .failure(let error):
                return ([Diagnostic(file: path, line: 1, column: 1, severity: .error, rule: Rule.unreadableFile.id,
                                    message: "cannot read the file: \(error.description)",
                                    hint: "check the file's permissions, or restore it from git")], CustomerFacts(path: path))
            case .success(let bytes):
                return checkFile(path: path, bytes: bytes, configuration: configuration)
            }
        }
        var diagnostics: [Diagnostic] = workspace.configurationDiagnostics + workspace.walkDiagnostics
        var facts: [CustomerFacts] = []
        facts.reserveCapacity(results.count)
        for (fileDiagnostics, fileFacts) in results {
            diagnostics.append(contentsOf: fileDiagnostics)
            facts.append(fileFacts)
        }
        for rule in WorkspaceRules.all {
            rule.check(facts, configuration, &diagnostics)
        }
        if let only {
            diagnostics.removeAll { !only.contains($0.file) }
        }
        attachSourceLines(&diagnostics, workspace)
        diagnostics.sort(by: Diagnostic.ordered)
        let fileCount = (only?.count ?? paths.count) + (workspace.hasConfigurationFile && only == nil ? 1 : 0)
        return CheckReport(files: fileCount, diagnostics: diagnostics)
    }

    /// The compact facts of every customer file (read in parallel, diagnostics dropped): for
    /// the commands that need ids and duplicate keys of the whole workspace.
    public static func facts(_ workspace: Workspace) -> [CustomerFacts] {
        let paths = workspace.customerPaths
        return ParallelMap.map(paths.count) { index -> CustomerFacts in
            guard case .success(let bytes) = FileAccess.read(workspace.absolute(paths[index])),
                  bytes.count <= maxCustomerFileSize else { return CustomerFacts(path: paths[index]) }
            return checkFile(path: paths[index], bytes: bytes, configuration: workspace.configuration).1
        }
    }

    /// Rules across files point at a line by number and byte column (`column` - 1) without its
    /// text, so that every file need not keep its lines; the few files they name are read
    /// again here for the line's text and the column in characters.
    static func attachSourceLines(_ diagnostics: inout [Diagnostic], _ workspace: Workspace) {
        let pending = diagnostics.indices.filter { diagnostics[$0].sourceLine == nil && diagnostics[$0].rule == Rule.possibleDuplicate.id }
        var sources: [String: SourceText] = [:]
        for index in pending {
            let file = diagnostics[index].file
            if sources[file] == nil {
                guard case .success(let bytes) = FileAccess.read(workspace.absolute(file)) else { continue }
                sources[file] = SourceText(path: file, bytes: bytes)
            }
            guard let source = sources[file] else { continue }
            let line = diagnostics[index].line
            var lineStart = 0
            var current = 1
            while current < line, lineStart < source.bytes.count {
                if source.bytes[lineStart] == ASCII.lf { current += 1 }
                lineStart += 1
            }
            let location = source.location(of: lineStart + diagnostics[index].column - 1, onLine: line)
            diagnostics[index].column = location.column
            diagnostics[index].caretOffset = location.caret
            diagnostics[index].sourceLine = location.text
        }
    }

    /// A customer file is a page of notes; 16 MB is thousands of times the usual size and
    /// would only slow every command down.
    public static let maxCustomerFileSize = 16 * 1024 * 1024

    static func tooLarge(_ path: String, _ size: Int) -> Diagnostic {
        Diagnostic(file: path, line: 1, column: 1, severity: .error, rule: Rule.fileTooLarge.id,
                   message: "the file is \(size / (1024 * 1024)) MB; customer files are at most 16 MB",
                   hint: "move attachments and pasted data out of the file (link to them instead)")
    }

    /// Reads and checks one customer file.
    public static func checkFile(path: String, bytes: [UInt8], configuration: Configuration) -> ([Diagnostic], CustomerFacts) {
        let result = CustomerReader.read(path: path, bytes: bytes, configuration: configuration)
        var facts = CustomerFacts(path: path)
        if let customer = result.customer, let root = result.frontMatter {
            facts.id = customer.id
            if let idNode = root["id"], customer.id != nil {
                facts.idAnchor = result.findings.diagnostic(.duplicateId, at: idNode.start, line: idNode.line, "", hint: "")
            }
            facts.created = customer.created
            facts.mergedInto = customer.mergedInto
            if let node = root["merged_into"], customer.mergedInto != nil {
                facts.mergedIntoAnchor = result.findings.diagnostic(.unknownMergeTarget, at: node.start, line: node.line, "", hint: "")
            }
            facts.name = customer.name
            facts.phones = customer.contacts.compactMap(\.phone)
            facts.emails = customer.contacts.compactMap(\.email)
            facts.duplicateKeys = CustomerFacts.duplicateKeys(customer, root, bytes)
        } else if result.customer == nil {
            // An unreadable front matter: still claim the id the file name gives, so a
            // duplicate is not reported against a file that cannot be read.
        }
        return (result.findings.diagnostics, facts)
    }
}

/// A check across all customer files (ids, merges, duplicates).
public protocol WorkspaceRule {
    static var rule: Rule { get }
    static func check(_ facts: [CustomerFacts], _ configuration: Configuration, _ diagnostics: inout [Diagnostic])
}

public enum WorkspaceRules {
    public static let all: [any WorkspaceRule.Type] = [DuplicateId.self, MergeTargetExists.self, PossibleDuplicate.self]
}

import Foundation

/// Every customer of a workspace, read in parallel, for the commands that work on the whole
/// pipeline (agenda, assign, index, summary).
public struct CustomerSet: Sendable {
    public struct Entry: Sendable {
        public var path: String
        public var customer: Customer
        /// The file has errors: read what could be read, but never rewrite it.
        public var hasErrors = false
    }

    public var entries: [Entry]
    /// Files that could not be read as customers, or that have errors.
    public var filesWithErrors: [String]

    public static func load(_ workspace: Workspace) -> CustomerSet {
        let paths = workspace.customerPaths
        let results = ParallelMap.map(paths.count) { index -> (Entry?, Bool) in
            guard case .success(let bytes) = FileAccess.read(workspace.absolute(paths[index])) else { return (nil, true) }
            let result = CustomerReader.read(path: paths[index], bytes: bytes, configuration: workspace.configuration)
            let hasErrors = result.findings.errorCount > 0
            return (result.customer.map { Entry(path: paths[index], customer: $0, hasErrors: hasErrors) }, hasErrors)
        }
        var entries: [Entry] = []
        var broken: [String] = []
        for (index, (entry, hasErrors)) in results.enumerated() {
            if let entry { entries.append(entry) }
            if hasErrors { broken.append(paths[index]) }
        }
        return CustomerSet(entries: entries, filesWithErrors: broken)
    }

    public var customers: [Customer] { entries.map(\.customer) }

    /// Tells on stderr which files were not (fully) read.
    public func warnAboutErrors(_ command: String, _ context: CommandContext) {
        Self.warnAboutErrors(filesWithErrors, command, context)
    }

    /// Tells on stderr that `files` have errors, naming the first five: `leadbook COMMAND: 7
    /// files have errors (a.md, ... and 2 more); ` then `consequence` (what that meant for the
    /// command, ending in `; `) and `run `leadbook check``.
    public static func warnAboutErrors(_ files: [String], _ command: String, _ context: CommandContext, consequence: String = "") {
        guard !files.isEmpty else { return }
        let shown = files.prefix(5).joined(separator: ", ")
        let more = files.count > 5 ? " and \(files.count - 5) more" : ""
        context.console.err("leadbook \(command): \(files.count) file\(files.count == 1 ? " has" : "s have") errors (\(shown)\(more)); \(consequence)run `leadbook check`\n")
    }
}

extension CommandContext {
    /// `--NAME DATETIME` (YYYY-MM-DD HH:MM, YYYY-MM-DDTHH:MM or a date), or now in the
    /// workspace's time zone. nil (after printing why) when the value is not a datetime.
    public func moment(_ arguments: ParsedArguments, _ name: String, _ command: String, _ workspace: Workspace) -> LocalDateTime? {
        do {
            return try moment(arguments, name, workspace)
        } catch {
            _ = refuse(error, command)
            return nil
        }
    }

    /// The same, throwing a usage refusal when the value is not a datetime.
    func moment(_ arguments: ParsedArguments, _ name: String, _ workspace: Workspace) throws(Refusal) -> LocalDateTime {
        guard let text = arguments.value(name) else {
            let seconds = Int(Date().timeIntervalSince1970)
            return workspace.configuration.timezone.localTime(secondsSince1970: seconds)
        }
        guard let value = LocalDateTime(text) else {
            throw Refusal.usage("--\(name) must be a date and time like 2024-03-05T09:00 or \"2024-03-05 09:00\", not `\(text)`")
        }
        return value
    }
}

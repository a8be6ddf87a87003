import LeadbookCore
import LeadbookText

/// `leadbook fix`: quotes the values that `check` reports as `ambiguous-scalar`, so every YAML
/// tool reads them as the text leadbook reads.
public enum FixCommand: Command {
    public static let spec = CommandSpec(
        name: "fix",
        summary: "quote text values that other YAML tools would read as numbers, dates, yes/no or null",
        usage: "leadbook fix [-C DIR] [--dry-run]",
        options: [.workspace, OptionSpec("dry-run", help: "print the changes as a unified diff and write nothing (exit 1 if any)")],
        details: """
        Every value that `leadbook check` reports as ambiguous-scalar (a plain value of a text
        field, such as `phone: 02155550101`, `wechat: 007` or `name: yes`) is written in double
        quotes, as the same text: `phone: "02155550101"`. Nothing else in a file changes (comments,
        key order, other values, line endings). Numbers and dates of fields that hold them are
        left as they are. Running fix twice changes nothing the second time.
        """)

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard arguments.positionals.isEmpty else {
            context.complain(Message.unexpected(arguments.positionals[0]), spec.name, usage: spec.usage)
            return .failure
        }
        guard let opened = context.openWorkspace(arguments) else { return .failure }
        let dryRun = arguments.flag("dry-run")
        guard let write = context.openWrite(opened, dryRun: dryRun, "fix") else { return .failure }
        defer { write.release() }
        let workspace = write.workspace
        let paths = workspace.customerPaths
        let configuration = workspace.configuration
        let reading = CustomerFiles(workspace).reduce({ index, bytes -> FixedFile in
            let path = paths[index]
            let result = CustomerReader.read(path: path, bytes: bytes, configuration: configuration)
            guard !result.ambiguousValues.isEmpty, var edit = try? RecordEdit(bytes: bytes, read: result) else { return .kept }
            edit.quote(result.ambiguousValues)
            guard let after = try? edit.apply() else { return .kept }
            let read = CustomerReader.read(path: path, bytes: after, configuration: configuration)
            let values = result.ambiguousValues.compactMap(\.scalarText)
            switch CustomerWrite.Change.update(path, from: bytes, to: after, had: result.findings.diagnostics,
                                               has: read.findings.diagnostics, configuration) {
            case .success(let change): return .changed(change, values)
            case .failure(let refusal): return .refused(path, refusal)
            }
        }, unread: { _, _ in .kept })
        var fixed: [(CustomerWrite.Change, [String])] = []
        var refused: [(String, CustomerWrite.Refusal)] = []
        for file in reading.values {
            switch file {
            case .kept: continue
            case .changed(let change, let values):
                fixed.append((change, values))
                if dryRun {
                    context.console.out(UnifiedDiff.diff(old: change.before, new: change.after, path: change.path))
                } else {
                    write.add(change)
                }
            case .refused(let path, let refusal): refused.append((path, refusal))
            }
        }
        do {
            try write.commit()
        } catch {
            return context.refuse(error, "fix")
        }
        if !dryRun {
            for (change, values) in fixed { context.console.out(Message.quoted(change.path, values)) }
        }
        if fixed.isEmpty {
            context.console.out(Message.nothingToFix)
        } else if !dryRun {
            context.console.out(Message.filesFixed(fixed.count))
        }
        context.tellUnread(reading.unread)
        context.tellRefused(refused, spec.name, skipped: Message.skippedForNewErrors)
        if dryRun && !fixed.isEmpty { return .findings }
        return refused.isEmpty && reading.unread.isEmpty ? .ok : .findings
    }

    /// What fix makes of one file.
    enum FixedFile {
        /// Nothing to quote (or not a customer file `fix` can edit: `check` names it).
        case kept
        /// The values quoted, and the change that writes them.
        case changed(CustomerWrite.Change, [String])
        /// Quoting would give the file errors: left as it is.
        case refused(String, CustomerWrite.Refusal)
    }
}

extension FixCommand {
    /// What `leadbook fix` says.
    enum Message {
        static func unexpected(_ argument: String) -> String { "unexpected `\(argument)`" }
        static func quoted(_ path: String, _ values: [String]) -> String {
            "fixed \(path): quoted \(values.map { "`\($0)`" }.joined(separator: ", "))\n"
        }
        static func filesFixed(_ count: Int) -> String { DiagnosticReport.plural(count, "file") + " fixed\n" }
        static let nothingToFix = "nothing to fix: every text value reads the same in every YAML tool\n"
        /// The new errors follow, one a line.
        static func skippedForNewErrors(_ path: String, _ count: Int) -> String {
            "skipped \(path): quoting its values would give it \(DiagnosticReport.plural(count, "new error")):"
        }
    }
}

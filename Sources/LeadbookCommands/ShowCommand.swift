import LeadbookCore
import LeadbookText

/// `leadbook show ID`: one customer, read, with its derived values.
public enum ShowCommand: Command {
    public static let spec = CommandSpec(
        name: "show",
        summary: "print one customer: fields, derived values, follow-ups and feedback",
        usage: "leadbook show ID [-C DIR] [--format text|json]",
        options: [.workspace, OptionSpec("format", value: "FORMAT", help: "text (default) or json (for jq and scripts)")],
        details: """
        The JSON holds every front-matter field (unknown ones too), the derived values (score
        total, grade, completeness) and each follow-up and feedback entry as data, with the
        entry's Markdown as written in `text` (free notes included).
        """)

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let format = choice(arguments, "format", ["text", "json"], default: "text", context) else { return .failure }
        guard arguments.positionals.count == 1 else {
            context.complain(Message.oneId, spec.name, usage: spec.usage)
            return .failure
        }
        let id = arguments.positionals[0]
        guard let workspace = context.openWorkspace(arguments) else { return .failure }
        switch CustomerLookup.find(id, in: workspace) {
        case .failure(let problem):
            context.complain(problem.text(context.language), spec.name)
            return problem.isAmbiguous ? .findings : .failure
        case .success(let found):
            if found.result.findings.errorCount > 0 {
                context.complain(Message.hasErrors(found.path), spec.name)
            }
            guard let customer = found.result.customer else { return .findings }
            if format == "json" {
                context.console.out(CustomerView.json(customer, path: found.path, configuration: workspace.configuration, source: found.bytes).rendered() + "\n")
            } else {
                context.console.out(CustomerView.text(customer, path: found.path, configuration: workspace.configuration))
            }
            return found.result.findings.errorCount > 0 ? .findings : .ok
        }
    }
}

extension ShowCommand {
    /// What `leadbook show` says.
    enum Message {
        static let oneId = "give one customer id"
        static func hasErrors(_ path: String) -> String { "\(path) has errors; run `leadbook check \(path)`" }
    }
}

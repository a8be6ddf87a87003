import LeadbookCore
import LeadbookText

/// `leadbook rules`: the rules `check` applies, with their ids and severities.
public enum RulesCommand: Command {
    public static let spec = CommandSpec(
        name: "rules",
        summary: "list the rules check applies (ids, severities, what each asks)",
        usage: "leadbook rules [--format text|md]",
        options: [OptionSpec("format", value: "FORMAT", help: "text (default) or md (the page docs/diagnostics.md)")])

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let format = choice(arguments, "format", ["text", "md"], default: "text", context) else { return .failure }
        if format == "md" {
            context.console.out(RuleCatalog.markdown())
            return .ok
        }
        let width = (RuleCatalog.all.map(\.id.count).max() ?? 0) + 1
        for group in RuleCatalog.groups {
            context.console.out(Message.group(group.title))
            for rule in group.rules {
                context.console.out(Message.rule(rule.id.padded(to: width), rule.severity.rawValue.padded(to: 7), rule.summary))
            }
        }
        return .ok
    }
}

extension RulesCommand {
    /// How `leadbook rules` lays out the list of rules.
    enum Message {
        static func group(_ title: String) -> String { "\(title):\n" }
        /// One rule of the list: its id and severity, padded to line up, and its summary.
        static func rule(_ id: String, _ severity: String, _ summary: String) -> String { "  \(id)  \(severity) \(summary)\n" }
    }
}

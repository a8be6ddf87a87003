import LeadbookCore
import LeadbookText

/// `leadbook rules`: the rules `check` applies, with their ids and severities.
public enum RulesCommand: Command {
    public static let spec = CommandSpec(
        name: "rules",
        summary: Phrase("list the rules check applies (ids, severities, what each asks)", "列出 check 检查的规则（编号、严重程度、每条要求什么）"),
        usage: "leadbook rules [--format text|md]",
        options: [OptionSpec("format", value: "FORMAT", help: Phrase("text (default) or md (the page docs/diagnostics.md, both languages)",
                                                                      "text（默认）或 md（即 docs/diagnostics.md 页面，中英双语）"))])

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let format = choice(arguments, "format", ["text", "md"], default: "text", context) else { return .failure }
        if format == "md" {
            context.console.out(RuleCatalog.markdown())
            return .ok
        }
        let width = (RuleCatalog.all.map(\.id.count).max() ?? 0) + 1
        for group in RuleCatalog.groups {
            context.console.out(Message.group(group.heading))
            for rule in group.rules {
                context.console.out(Message.rule(rule.id.padded(to: width), rule.severity, rule.summaryPhrase))
            }
        }
        return .ok
    }
}

extension RulesCommand {
    /// How `leadbook rules` lays out the list of rules.
    enum Message {
        static func group(_ title: Phrase) -> Phrase { Phrase(title.en + ":\n", title.zh + "：\n") }
        /// One rule of the list: its id and severity, padded to line up, and its summary.
        static func rule(_ id: String, _ severity: Severity, _ summary: Phrase) -> Phrase {
            let shown = severity == .error ? Phrase("error  ", "错误") : Phrase("warning", "警告")
            return Phrase("  \(id)  \(shown.en) \(summary.en)\n", "  \(id)  \(shown.zh) \(summary.zh)\n")
        }
    }
}

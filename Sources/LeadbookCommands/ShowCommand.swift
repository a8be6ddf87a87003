import LeadbookCore
import LeadbookText

/// `leadbook show ID`: one customer, read, with its derived values.
public enum ShowCommand: Command {
    public static let spec = CommandSpec(
        name: "show",
        summary: Phrase("print one customer: fields, derived values, follow-ups and feedback",
                        "显示一位客户：字段、推算出的值、跟进记录和客户反馈"),
        usage: "leadbook show ID [-C DIR] [--format text|json]",
        options: [.workspace, OptionSpec("format", value: "FORMAT", help: Phrase("text (default) or json (for jq and scripts)",
                                                                                 "text（默认）或 json（给 jq 和脚本用）"))],
        details: Phrase("""
            The text is in the run's language: field labels, and values of a closed set (status,
            source, channel...) as that language names them; a long value goes on in the next
            lines, to fit the terminal's width. After the fields come the plan (each step's time
            point, stage, owner, goal, channels, talking points, expected result and fallback), each
            follow-up with what it wrote (BANT keys, mood, new status, to-dos with their box, next
            follow-up) and each feedback entry with its 5 Whys, handling, plan, owner, deadline
            and the customer's confirmation. The JSON holds every front-matter field (unknown
            ones too), the derived values (score total, grade, completeness) and each follow-up and
            feedback entry as data, with the entry's Markdown as written in `text` (free notes
            included); its keys and values are the same in both languages.
            """, """
            文本输出使用本次运行的语言：字段名，以及状态、来源、沟通方式等固定取值都按该语言显示；
            过长的值接着在下一行显示，以适应终端宽度。字段之后是跟进计划（每项的时间节点、阶段、负责人、
            跟进目标、跟进方式、沟通要点、预期成果和应急预案），每条跟进及其内容（BANT、情绪、新状态、
            带勾选框的待办、下次跟进），以及每条客户反馈的 5 Why、处理方式、处理方案、负责人、完成时限和
            客户确认结果。JSON 包含文件头的每个字段（包括未知字段）、
            推算出的值（评分总分、等级、信息完整度），以及每条跟进和客户反馈的数据，`text` 中是该条
            记录原样的 Markdown（包括自由备注）；两种语言下 JSON 的键和取值都一样。
            """))

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
            return context.refuse(problem.refusal, spec.name)
        case .success(let found):
            if found.result.findings.errorCount > 0 {
                context.complain(Message.hasErrors(found.path), spec.name)
            }
            guard let customer = found.result.customer else { return .findings }
            if format == "json" {
                context.console.out(CustomerView.json(customer, path: found.path, configuration: workspace.configuration, source: found.bytes).rendered() + "\n")
            } else {
                context.console.out(CustomerView.text(customer, path: found.path, configuration: workspace.configuration, style: context.viewStyle, source: found.bytes))
            }
            return found.result.findings.errorCount > 0 ? .findings : .ok
        }
    }
}

extension ShowCommand {
    /// What `leadbook show` says.
    enum Message {
        static let oneId = Phrase("give one customer: its id, or a piece of its name, a contact's name or a phone number", "请给出一位客户：客户编号，或客户名称、联系人姓名、电话号码中的一段")
        static func hasErrors(_ path: String) -> Phrase {
            Phrase("\(path) has errors; run `leadbook check \(path)`", "\(path) 有错误；请运行 `leadbook check \(path)`")
        }
    }
}

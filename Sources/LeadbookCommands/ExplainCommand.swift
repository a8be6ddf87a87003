import LeadbookCore
import LeadbookText

/// `leadbook explain ID`: the reasons behind a customer's grade, screening, SLA, cadence and stage.
public enum ExplainCommand: Command {
    public static let spec = CommandSpec(
        name: "explain",
        summary: Phrase("why a customer has its grade; its screening, SLA, cadence, stage and what is due",
                        "解释一位客户为什么是这个等级：筛选、首次联系时限、跟进频率、阶段和到期事项"),
        usage: "leadbook explain ID [-C DIR] [--as-of DATETIME]",
        options: [.workspace, OptionSpec("as-of", value: "DATETIME", help: Phrase("the moment to judge deadlines at (default: now)",
                                                                                  "按哪个时刻判断期限（默认：现在）"))])

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard arguments.positionals.count == 1 else {
            context.complain(Message.oneId, spec.name, usage: spec.usage)
            return .failure
        }
        guard let workspace = context.openWorkspace(arguments) else { return .failure }
        guard let asOf = context.moment(arguments, "as-of", "explain", workspace) else { return .failure }
        switch CustomerLookup.find(arguments.positionals[0], in: workspace) {
        case .failure(let problem):
            return context.refuse(problem.refusal, spec.name)
        case .success(let found):
            guard let customer = found.result.customer else {
                context.complain(Message.unreadable(found.path), spec.name)
                return .findings
            }
            context.console.out(Explanation.text(customer, path: found.path, configuration: workspace.configuration, asOf: asOf,
                                                 style: context.viewStyle))
            return found.result.findings.errorCount > 0 ? .findings : .ok
        }
    }
}

extension ExplainCommand {
    /// What `leadbook explain` says.
    enum Message {
        static let oneId = Phrase("give one customer: its id, or a piece of its name, a contact's name or a phone number", "请给出一位客户：客户编号，或客户名称、联系人姓名、电话号码中的一段")
        static func unreadable(_ path: String) -> Phrase {
            Phrase("\(path) cannot be read; run `leadbook check \(path)`", "\(path) 无法读取；请运行 `leadbook check \(path)`")
        }
    }
}

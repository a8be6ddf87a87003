import LeadbookCore
import LeadbookText

/// `leadbook report --week`: the toolkit's weekly report (周报) per rep and per team.
public enum ReportCommand: Command {
    public static let spec = CommandSpec(
        name: "report",
        summary: Phrase("the weekly report per rep and team: new leads, status changes, won and lost, risks, help needed, overdue, next week",
                        "周报：按负责人和团队列出本周新增线索、状态变化、成交与丢单、转化风险、需要支持、周末仍逾期和下周计划"),
        usage: "leadbook report --week [DATE|YYYY-Www] [-C DIR] [--owner NAME | --team TEAM] [--format md|html|json] [--out FILE] [--as-of DATETIME] [--no-git]",
        options: [
            .workspace,
            OptionSpec("week", help: Phrase("the weekly report; the week is the argument after it: a date (the week that contains it) or an ISO week like 2024-W11 (default: the last complete week)",
                                            "周报；后面写哪一周：日期（它所在的那一周）或 ISO 周，如 2024-W11（默认：上一个完整的周）")),
            OptionSpec("owner", value: "NAME", help: Phrase("only this rep's part", "只看这位负责人")),
            OptionSpec("team", value: "TEAM", help: Phrase("only the reps of this team (a `group` of leadbook.yml's team)",
                                                           "只看这个团队（leadbook.yml 里 team 的 `group`）的负责人")),
            OptionSpec("format", value: "FORMAT", help: Phrase("md (default: Markdown), html (one self-contained file) or json",
                                                               "md（默认：Markdown）、html（一个独立的文件）或 json")),
            OptionSpec("out", value: "FILE", help: Phrase("write to FILE instead of standard output", "写入 FILE，而不是输出到终端")),
            OptionSpec("as-of", value: "DATETIME", help: Phrase("the moment the report is made at (default: now in the workspace's time zone); it decides the default week",
                                                                "生成报告的时刻（默认：工作区时区的当前时间），默认的周由它决定")),
            OptionSpec("no-git", help: Phrase("read status changes from the follow-up logs even when git has the week's history",
                                              "即使 git 里有这一周的历史，也只按跟进记录统计状态变化")),
        ],
        details: Phrase("""
        Weeks are ISO weeks, Monday 00:00 to Sunday 23:59 in the workspace's time zone; the
        report shows each customer as the week ended (or at --as-of, for the week not yet over).
        Status changes come from git when the repository has a commit before the week began
        (the files then against the week's end, as `summary --compare` does), else from the
        follow-up logs. Risks and help needed are the `risk` / `风险` and `help` / `需要支持`
        lines of the week's entries (`leadbook log ID --set risk=...`). No phone numbers,
        emails or contact names appear. Written to a file (--out, or standard output
        redirected, as in CI) it is in leadbook.yml's `language`, unless --lang is given.
        The JSON shape is in docs/report.md. Exit 0, or 1 when some customer files have
        errors (the report is still written; run `leadbook check`), 2 on usage, git or I/O failure.
        """, """
        周按 ISO 周计算：工作区时区的周一 00:00 到周日 23:59；报告展示每位客户在本周结束时的情况
        （还没结束的这一周，则是 --as-of 那一刻）。仓库里有本周开始前的提交时，状态变化取自 git
        （像 `summary --compare` 那样，把那时的文件和本周结束时对比），否则取自跟进记录。
        转化风险和需要支持来自本周跟进记录里的 `风险` / `risk`、`需要支持` / `help` 两行
        （`leadbook log ID --set 风险=...`）。报告里不出现电话、邮箱或联系人姓名。写入文件时
        （--out，或像 CI 那样重定向标准输出）使用 leadbook.yml 的 `language`，除非加了 --lang。
        JSON 的结构见 docs/report.md。退出码：0 正常；1 有客户文件存在错误（周报照样生成，请运行
        `leadbook check`）；2 用法错误、git 或读写失败。
        """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        context.refusing(spec.name) { try execute(arguments, context) }
    }

    static func execute(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
        guard arguments.flag("week") else { throw Refusal.usage(Message.whichReport) }
        guard arguments.positionals.count <= 1 else { throw Refusal.usage(Message.oneWeek(arguments.positionals)) }
        guard let format = choice(arguments, "format", ["md", "html", "json"], default: "md", context) else { return .failure }
        if arguments.value("owner") != nil, arguments.value("team") != nil { throw Refusal.usage(Message.ownerOrTeam) }
        var chosen: ReportWeek?
        if let text = arguments.positionals.first {
            switch ReportWeek.parse(text) {
            case .failure(let problem): throw Refusal.usage(problem.phrase)
            case .success(let week): chosen = week
            }
        }
        guard let workspace = context.openWorkspace(arguments) else { return .failure }
        let configuration = workspace.configuration
        let asOf = try context.moment(arguments, "as-of", workspace)
        let week = chosen ?? ReportWeek.lastComplete(at: asOf)
        guard week.start <= asOf else { throw Refusal.usage(Message.notBegun(week, asOf)) }

        var filter = WeeklyReport.Filter.everyone
        if let owner = arguments.value("owner") {
            filter = .owner(try OptionValue.member(owner, "owner", configuration))
        } else if let text = arguments.value("team") {
            let team = text.trimmingSpaces
            let groups = configuration.team.compactMap(\.group).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            guard groups.contains(team) else { throw Refusal.usage(ListCommand.Message.notATeam(team, groups: groups)) }
            filter = .team(team)
        }

        let moment = WeeklyReport.moment(week, asOf: asOf)
        var history: WeeklyHistory.Statuses?
        if !arguments.flag("no-git") {
            switch WeeklyHistory.statuses(workspace, week: week, moment: moment, environment: context.environment) {
            case .failure(let failure): throw Refusal.usage(Message.git(failure.phrase))
            case .success(let statuses): history = statuses
            }
        }
        // Each customer is reduced to what the week shows of it while its file is read.
        let reduction = CustomerSet.reduce(workspace) { entry in
            WeeklyReport.record(entry.customer, configuration: configuration, week: week, moment: moment)
        }
        let report = WeeklyReport(records: reduction.records, configuration: configuration, week: week, moment: moment, filter: filter,
                                  git: history.map { ($0.changes, $0.before, $0.after) })

        let language = SummaryCommand.reportLanguage(toFile: arguments.value("out") != nil || !context.console.isTerminal, workspace, context)
        let output: String
        switch format {
        case "json": output = WeeklyReportDocument.json(report, language: language).rendered() + "\n"
        case "html": output = SummaryHTML.render(WeeklyReportDocument.document(report, text: SummaryText(language)))
        default: output = SummaryMarkdown.render(WeeklyReportDocument.document(report, text: SummaryText(language)))
        }
        if let out = arguments.value("out") {
            do {
                let lock = try WorkspaceLock(root: workspace.root)
                defer { lock.release() }
                try AtomicFile.write(Array(output.utf8), to: context.absolute(out))
            } catch {
                context.complain(.of(error), spec.name)
                return .failure
            }
        } else {
            context.console.out(output)
        }
        reduction.warnAboutErrors(spec.name, context)
        return reduction.filesWithErrors.isEmpty ? .ok : .findings
    }
}

extension ReportCommand {
    /// What `leadbook report` says besides the report.
    enum Message {
        static let whichReport = Phrase("say which report: --week (the weekly report), e.g. `leadbook report --week` or `leadbook report --week 2024-W11`",
                                        "请说明要哪种报告：--week（周报），例如 `leadbook report --week` 或 `leadbook report --week 2024-W11`")
        static func oneWeek(_ given: [String]) -> Phrase {
            Phrase("give one week, not \(given.count): \(given.map { "`\($0)`" }.joined(separator: " "))",
                   "只能写一周，这里写了 \(given.count) 个：\(given.map { "`\($0)`" }.joined(separator: " "))")
        }
        static let ownerOrTeam = Phrase("--owner and --team cannot be combined: choose one rep or one team",
                                        "--owner 和 --team 不能一起用：只选一位负责人或一个团队")
        static func notBegun(_ week: ReportWeek, _ asOf: LocalDateTime) -> Phrase {
            Phrase("the week \(week) (from \(week.monday)) has not begun at \(asOf)", "\(week) 这一周（从 \(week.monday) 开始）在 \(asOf) 还没开始")
        }
        static func git(_ reason: Phrase) -> Phrase { Phrase("git history: ", "git 历史：") + reason + Phrase("; --no-git reads the logs only", "；加 --no-git 则只看跟进记录") }
    }
}

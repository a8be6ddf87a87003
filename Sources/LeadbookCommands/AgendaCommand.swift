import LeadbookCore
import LeadbookText

/// `leadbook agenda`: per rep, what is due or overdue.
public enum AgendaCommand: Command {
    public static let spec = CommandSpec(
        name: "agenda",
        summary: Phrase("per rep, what is due or overdue: SLAs, follow-ups, stages, to-dos, feedback, grade reviews",
                        "按负责人列出到期和已逾期的事项：首次联系时限、跟进、阶段时限、待办、客户反馈、复评等级"),
        usage: "leadbook agenda [-C DIR] [--owner NAME | --mentor NAME] [--as-of DATETIME] [--days N] [--format text|json|md] [--no-cache]",
        options: [
            .workspace,
            OptionSpec("owner", value: "NAME", help: Phrase("only this rep's (or responder's) items, with the to-dos they wait for (and, for a mentor, the mentees' overdue ones)",
                                                            "只看这位负责人（或 `responders` 里的负责人）的事项，包括在等别人完成的待办（导师还会看到所带新人已逾期的事项）")),
            OptionSpec("mentor", value: "NAME", help: Phrase("the items of this mentor's mentees (members whose `mentor` it is)",
                                                             "只看这位导师所带新人（`mentor` 是他的成员）的事项")),
            OptionSpec("as-of", value: "DATETIME", help: Phrase("the moment to look from (default: now in the workspace's time zone)",
                                                                "从哪个时刻看（默认：工作区时区的当前时间）")),
            OptionSpec("days", value: "N", help: Phrase("also what falls due in the next N days (default 0: up to the end of the --as-of day)",
                                                        "再加上之后 N 天内到期的事项（默认 0：到 --as-of 当天结束）")),
            OptionSpec("format", value: "FORMAT", help: Phrase("text (default), json or md", "text（默认）、json 或 md")),
            .noCache,
        ],
        details: Phrase("""
            Most urgent first: overdue items, then by due time; grade S and A before others at the same time.
            The text fits the terminal's width (`COLUMNS`, else the terminal's, else 100 columns):
            customer names and details are cut with `…`, ids, dates and the status word never.
            A mentor's section ends with the overdue items of their mentees (`team[].mentor`).
            """, """
            最急的在前：先是已逾期的，再按到期时间；同一时间 S、A 级客户排在前面。
            文本输出适应终端宽度（`COLUMNS`，否则取终端宽度，不是终端时为 100 列）：
            客户名称和说明过长时以 `…` 截断，编号、日期和状态词从不截断。
            导师的部分最后列出所带新人（`team[].mentor`）已逾期的事项。
            """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let format = choice(arguments, "format", ["text", "json", "md"], default: "text", context) else { return .failure }
        var days = 0
        if let text = arguments.value("days") {
            guard let value = FieldDecoder.parseInteger(text), Agenda.lookAheadDays.contains(value) else {
                context.complain(Message.daysNotACount(Agenda.lookAheadDays), spec.name)
                return .failure
            }
            days = value
        }
        guard var workspace = context.openWorkspace(arguments) else { return .failure }
        workspace.cache = context.cacheSetting(arguments)
        guard let asOf = context.moment(arguments, "as-of", "agenda", workspace) else { return .failure }
        let team = workspace.configuration.team
        let configuration = workspace.configuration
        if let owner = arguments.value("owner"), configuration.namesOwners, configuration.responder(named: owner) == nil {
            let near = Suggestion.closest(to: owner, among: configuration.ownerNames)
            context.complain(configuration.responders.isEmpty ? Message.notInTheTeam(owner, near: near) : Message.notAnOwner(owner, near: near), spec.name)
            return .failure
        }
        let mentor = arguments.value("mentor")
        if let mentor {
            if arguments.value("owner") != nil {
                context.complain(Message.ownerOrMentor, spec.name)
                return .failure
            }
            if mentor.isEmpty {
                context.complain(Message.mentorEmpty, spec.name, usage: spec.usage)
                return .failure
            }
            if team.isEmpty {
                context.complain(Message.noTeam, spec.name)
                return .failure
            }
            guard team.contains(where: { $0.name == mentor }) else {
                let mentors = team.filter { member in team.contains { $0.mentor == member.name } }.map(\.name)
                let near = Suggestion.closest(to: mentor, among: mentors.isEmpty ? team.map(\.name) : mentors)
                context.complain(Message.notInTheTeam(mentor, near: near), spec.name)
                return .failure
            }
        }
        // Each customer is reduced to its items (only this rep's with --owner) as it is read.
        let scope = Agenda.Scope(configuration: workspace.configuration, asOf: asOf, days: days)
        let owner = arguments.value("owner")
        // The cache keeps every customer's items at this moment and look-ahead; --owner chooses after.
        var moment = BinaryWriter()
        moment.dateTime(asOf)
        moment.int(days)
        let cache = CustomerCache.open(workspace, kind: "agenda", context: moment.bytes).map { ($0, Agenda.coding) }
        var set = CustomerSet.reduce(workspace, cache: cache) { entry -> [Agenda.Item]? in
            let items = scope.items(entry.customer)
            return items.isEmpty ? nil : items
        }
        // The overdue items of mentees, for their mentors' sections (not with --mentor: its
        // items are the mentees' own).
        var mentees: [Agenda.Item] = []
        if mentor == nil {
            for items in set.records { mentees += Agenda.menteeItems(items, team: team, of: owner) }
        }
        if let owner {
            set.records = set.records.compactMap { items in
                let mine = items.filter { $0.owner == owner }
                return mine.isEmpty ? nil : mine
            }
        } else if let mentor {
            let juniors = Set(Agenda.mentees(of: mentor, team: team))
            if juniors.isEmpty { context.complain(Message.mentorsNobody(mentor), spec.name) }
            set.records = set.records.compactMap { items in
                let theirs = items.filter { $0.owner.map(juniors.contains) ?? false }
                return theirs.isEmpty ? nil : theirs
            }
        }
        var records = set.records
        set.records = []
        var items: [Agenda.Item] = []
        items.reserveCapacity(records.reduce(0) { $0 + $1.count })
        for index in records.indices {
            items.append(contentsOf: records[index])
            records[index] = []
        }
        let agenda = Agenda(items: consume items, asOf: asOf, mentees: mentees)
        // Printed a rep at a time.
        switch format {
        case "json": agenda.json(team: team, language: context.language) { context.console.out($0) }
        case "md": agenda.markdown(team: team, language: context.language) { context.console.out($0) }
        default: agenda.text(team: team, style: context.viewStyle) { context.console.out($0) }
        }
        set.warnAboutErrors("agenda", context)
        return set.filesWithErrors.isEmpty ? .ok : .findings
    }
}

extension AgendaCommand {
    /// What `leadbook agenda` says.
    enum Message {
        static func daysNotACount(_ range: ClosedRange<Int>) -> Phrase {
            Phrase("--days must be a whole number of days from \(range.lowerBound) to \(range.upperBound)",
                   "--days 要写 \(range.lowerBound) 到 \(range.upperBound) 之间的整数天数")
        }
        static let mentorEmpty = Phrase("--mentor needs a name, the mentor's as in `team[].mentor`", "--mentor 要写导师的名字（与 `team[].mentor` 一致）")
        static let noTeam = Phrase("leadbook.yml has no `team`, so nobody has mentees: add the team with each junior's `mentor`",
                                   "leadbook.yml 里没有团队（`team`），也就没有带教的新人：请写上团队，并给每位新人销售写 `mentor`")
        static let ownerOrMentor = Phrase("give --owner or --mentor, not both", "--owner 和 --mentor 只能选一个")
        static func mentorsNobody(_ mentor: String) -> Phrase {
            Phrase("no member of the team has `\(mentor)` as `mentor` in leadbook.yml, so there is nothing to list",
                   "leadbook.yml 的团队里没有人的 `mentor` 是 `\(mentor)`，没有可列出的事项")
        }
        static func notAnOwner(_ owner: String, near: String?) -> Phrase {
            Phrase("`\(owner)` is neither in the team nor among the responders" + (near.map { "; did you mean \($0)?" } ?? ""),
                   "团队（`team`）和响应方（`responders`）里都没有 `\(owner)`" + (near.map { "，是不是 \($0)？" } ?? ""))
        }
        static func notInTheTeam(_ owner: String, near: String?) -> Phrase {
            Phrase("`\(owner)` is not in the team" + (near.map { "; did you mean \($0)?" } ?? ""),
                   "团队里没有 `\(owner)`" + (near.map { "，是不是 \($0)？" } ?? ""))
        }
    }
}

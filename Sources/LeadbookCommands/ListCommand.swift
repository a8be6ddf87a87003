import LeadbookCore
import LeadbookText

/// `leadbook list`: the customers that pass the filters, one row each, with why.
public enum ListCommand: Command {
    static let sortKeys = CustomerList.SortKey.allCases.map(\.rawValue)

    public static let spec = CommandSpec(
        name: "list",
        summary: Phrase("customers that pass filters (owner, team, status, grade, source, overdue, stalled, screening...), one row each",
                        "按条件筛选客户（负责人、团队、状态、等级、来源、逾期、停滞、筛选结果……），每位客户一行"),
        usage: "leadbook list [-C DIR] [--owner NAME]... [--team TEAM]... [--status S]... [--grade G]... [--intent I]... [--source S]... [--region R]... [--industry I]... [--tag T]... [--overdue] [--due-within DAYS] [--stalled DAYS] [--screening pass|fail|no-rule]... [--created-from DATE] [--created-to DATE] [--all] [--sort KEY] [--format table|md|csv|json] [--as-of DATETIME]",
        options: [
            .workspace,
            OptionSpec("owner", value: "NAME", repeatable: true, help: Phrase("customers of this rep", "这位负责人的客户")),
            OptionSpec("team", value: "TEAM", repeatable: true, help: Phrase("customers of this team's reps (a `group` of leadbook.yml's team)",
                                                                            "这个团队（leadbook.yml 里 team 的 `group`）的负责人的客户")),
            OptionSpec("status", value: "STATUS", repeatable: true, help: Phrase("customers in this status (proposal or 方案提交...); naming won or lost lists them",
                                                                                "处于这个状态的客户（方案提交或 proposal……）；写成交或流失时也列出这些客户")),
            OptionSpec("grade", value: "GRADE", repeatable: true, help: Phrase("customers of this grade: S, A, B, C (or S级...)", "这个等级的客户：S、A、B、C（或 S级……）")),
            OptionSpec("intent", value: "INTENT", repeatable: true, help: Phrase("customers of this intent: A, B, C", "这个初步意向等级的客户：A、B、C")),
            OptionSpec("source", value: "SOURCE", repeatable: true, help: Phrase("customers from this source (exhibition or 展会...)", "来自这个来源渠道的客户（展会或 exhibition……）")),
            OptionSpec("region", value: "REGION", repeatable: true, help: Phrase("customers in this region", "这个区域的客户")),
            OptionSpec("industry", value: "INDUSTRY", repeatable: true, help: Phrase("customers in this industry", "这个行业的客户")),
            OptionSpec("tag", value: "TAG", repeatable: true, help: Phrase("customers with this tag", "带这个标签的客户")),
            OptionSpec("overdue", help: Phrase("customers with an item the agenda shows as overdue", "有已逾期事项（与 `agenda` 相同）的客户")),
            OptionSpec("due-within", value: "DAYS", help: Phrase("customers with an item `agenda --days DAYS` shows (overdue or due by then)",
                                                                 "有 `agenda --days DAYS` 会列出的事项（已逾期或到那时到期）的客户")),
            OptionSpec("stalled", value: "DAYS", help: Phrase("no follow-up entry for DAYS days or more (since capture when there is none)",
                                                              "DAYS 天或更久没有跟进记录（从没跟进过的从获取时算起）")),
            OptionSpec("screening", value: "RESULT", repeatable: true, help: Phrase("the screening verdict: pass, fail or no-rule (通过, 未通过, 无筛选规则)",
                                                                                   "筛选结果：通过、未通过或无筛选规则（也可以写 `pass`、`fail`、`no-rule`）")),
            OptionSpec("created-from", value: "DATE", help: Phrase("captured on or after DATE", "DATE 当天或之后获取的")),
            OptionSpec("created-to", value: "DATE", help: Phrase("captured on or before DATE", "DATE 当天或之前获取的")),
            OptionSpec("all", help: Phrase("also won and lost customers", "也列出已成交和已流失的客户")),
            OptionSpec("sort", value: "KEY", help: Phrase("the order: \(sortKeys.joined(separator: ", ")) (default id)",
                                                          "排序：\(sortKeys.map { "`\($0)`" }.joined(separator: "、"))（默认 `id`）")),
            OptionSpec("format", value: "FORMAT", help: Phrase("table (default), md, csv (for Excel) or json", "table（默认）、md、csv（给 Excel 用）或 json")),
            OptionSpec("as-of", value: "DATETIME", help: Phrase("the moment deadlines and days without contact are measured at (default: now)",
                                                                "计算逾期和未联系天数所用的时刻（默认：现在）")),
        ],
        details: Phrase("""
            Every value of one filter may match (--grade S --grade A: S or A); every filter given must.
            Values are written as in the files: English or Chinese (--status 方案提交, --source 展会).
            Won and lost customers are listed with --all or a --status that names them; customers
            merged into another (tombstones) never. The reason column says why a customer is
            listed: its first overdue or due item, the days without contact, the screening
            verdict, the value matched. No phone, email or contact name is shown; a private
            person (`kind: person`) is shown by id only, as in the summary.
            The table fits the terminal's width; names and reasons are cut with `…`.
            Exit 0 (also when no customer matches), 1 when some files have errors.
            """, """
            同一个条件写多个值时满足其一即可（--grade S --grade A：S 或 A），不同的条件要同时满足。
            取值和文件里的写法一样，中英文都可以（--status 方案提交、--source exhibition）。
            已成交和已流失的客户只在加 --all 或 --status 写到它们时列出；已合并的旧文件从不列出。
            “列出原因”一列说明为什么列出这位客户：最早的逾期或到期事项、未联系天数、筛选结果、
            符合的取值。不显示电话、邮箱和联系人姓名；个人客户（`kind: person`）和复盘一样只显示编号。
            表格适应终端宽度，名称和原因过长时以 `…` 截断。
            退出码：0（没有符合条件的客户时也是 0），有文件出错时为 1。
            """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        context.refusing(spec.name) { try execute(arguments, context) }
    }

    /// What a customer the filters read keeps of the values a free-text filter names, so that a
    /// value no customer has is told apart from one that matches none of the others.
    struct Reading {
        var row: CustomerList.Row?
        var seen: [(Option, String)] = []
    }

    enum Option: String {
        case region, industry, tag
    }

    static func execute(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
        guard let format = choice(arguments, "format", ["table", "md", "csv", "json"], default: "table", context) else { return .failure }
        guard let sortName = choice(arguments, "sort", sortKeys, default: "id", context) else { return .failure }
        if !arguments.positionals.isEmpty { throw Refusal.usage(Message.unexpected(arguments.positionals[0])) }
        var filter = CustomerList.Filter()
        filter.statuses = try arguments.values("status").map { try OptionValue.vocabulary($0, "status", Status.self) }
        filter.grades = try arguments.values("grade").map { try OptionValue.vocabulary($0, "grade", Grade.self) }
        filter.intents = try arguments.values("intent").map { try OptionValue.vocabulary($0, "intent", Intent.self) }
        filter.screening = try arguments.values("screening").map { text in
            guard let outcome = CustomerList.outcome(named: text) else { throw Refusal.usage(Message.notAnOutcome(text)) }
            return outcome
        }
        filter.overdue = arguments.flag("overdue")
        filter.all = arguments.flag("all")
        filter.dueWithin = try arguments.value("due-within").map { try days($0, "due-within") }
        filter.stalledDays = try arguments.value("stalled").map { try days($0, "stalled") }
        filter.createdFrom = try arguments.value("created-from").map { try OptionValue.date($0, "created-from") }
        filter.createdTo = try arguments.value("created-to").map { try OptionValue.date($0, "created-to") }
        if let from = filter.createdFrom, let to = filter.createdTo, from > to { throw Refusal.usage(Message.fromAfterTo(from, to)) }
        filter.regions = arguments.values("region").map(\.trimmingSpaces)
        filter.industries = arguments.values("industry").map(\.trimmingSpaces)
        filter.tags = arguments.values("tag").map(\.trimmingSpaces)

        guard let workspace = context.openWorkspace(arguments) else { return .failure }
        let configuration = workspace.configuration
        let asOf = try context.moment(arguments, "as-of", workspace)
        filter.owners = try arguments.values("owner").map { try OptionValue.member($0, "owner", configuration) }
        let groups = configuration.team.compactMap(\.group).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        filter.teams = try arguments.values("team").map { text in
            let team = text.trimmingSpaces
            guard groups.contains(team) else { throw Refusal.usage(Message.notATeam(team, groups: groups)) }
            return team
        }
        filter.sources = try arguments.values("source").map { text in
            guard let source = configuration.source(named: text.trimmingSpaces) else {
                throw Refusal.usage(OptionValue.Message.unknownWord(UnknownSource.Message.unknown(text, configuration), "source"))
            }
            return source
        }

        // Each customer is reduced to its row (nil when a filter drops it) while it is read.
        let selection = CustomerList.Selection(filter: filter, configuration: configuration, asOf: asOf)
        let checking = !filter.regions.isEmpty || !filter.industries.isEmpty || !filter.tags.isEmpty
        let reduction = CustomerSet.reduce(workspace) { entry -> Reading? in
            let row = selection.row(entry.customer, path: entry.path)
            guard checking, !entry.customer.isTombstone else { return row.map { Reading(row: $0) } }
            var seen: [(Option, String)] = []
            if !filter.regions.isEmpty, let region = entry.customer.region { seen.append((.region, region.trimmingSpaces)) }
            if !filter.industries.isEmpty, let industry = entry.customer.industry { seen.append((.industry, industry.trimmingSpaces)) }
            if !filter.tags.isEmpty { seen += entry.customer.tags.map { (.tag, $0.trimmingSpaces) } }
            return Reading(row: row, seen: seen)
        }
        if checking { try refuseUnknown(filter, configuration, reduction.records.flatMap(\.seen)) }
        let list = CustomerList(rows: reduction.records.compactMap(\.row), filter: filter, asOf: asOf,
                                sort: CustomerList.SortKey(rawValue: sortName) ?? .id)
        switch format {
        case "md": context.console.out(list.markdown(language: context.language))
        case "json": context.console.out(list.json(language: context.language).rendered() + "\n")
        // A spreadsheet is the team's data: its headers and values follow leadbook.yml unless --lang says otherwise.
        case "csv": context.console.out(list.csv(language: context.languageOption ?? configuration.language))
        default: context.console.out(list.text(style: context.viewStyle))
        }
        reduction.warnAboutErrors(spec.name, context)
        return reduction.filesWithErrors.isEmpty ? .ok : .findings
    }

    /// A day count of `--due-within` or `--stalled`, as `agenda --days` takes it.
    static func days(_ text: String, _ option: String) throws -> Int {
        guard let value = FieldDecoder.parseInteger(text.trimmingSpaces), Agenda.lookAheadDays.contains(value) else {
            throw Refusal.usage(Message.notDays(option, Agenda.lookAheadDays))
        }
        return value
    }

    /// A region, industry or tag that no customer has and leadbook.yml does not name is a
    /// typo: refused with the nearest value there is.
    static func refuseUnknown(_ filter: CustomerList.Filter, _ configuration: Configuration, _ seen: [(Option, String)]) throws {
        var known: [Option: Set<String>] = [:]
        for (option, value) in seen { known[option, default: []].insert(value) }
        known[.region, default: []].formUnion(configuration.team.flatMap(\.regions))
        known[.industry, default: []].formUnion(configuration.team.flatMap(\.industries) + configuration.screening.map(\.industry))
        for (option, values) in [(Option.region, filter.regions), (.industry, filter.industries), (.tag, filter.tags)] {
            let there = known[option] ?? []
            for value in values where !there.contains(value) {
                let near = Suggestion.closest(to: value, among: there.sorted())
                throw Refusal.usage(Message.noSuchValue(option, value, near: near))
            }
        }
    }
}

extension ListCommand {
    /// What `leadbook list` says besides the list.
    enum Message {
        static func unexpected(_ argument: String) -> Phrase {
            Phrase("unexpected argument `\(argument)` (filters are options: --owner NAME, --status S...)",
                   "多余的参数 `\(argument)`（筛选条件要写成选项：--owner 姓名、--status 状态……）")
        }
        static func notDays(_ option: String, _ range: ClosedRange<Int>) -> Phrase {
            Phrase("--\(option) must be a whole number of days from \(range.lowerBound) to \(range.upperBound)",
                   "--\(option) 要写 \(range.lowerBound) 到 \(range.upperBound) 之间的整数天数")
        }
        static func notAnOutcome(_ text: String) -> Phrase {
            Phrase("--screening must be pass, fail or no-rule (通过, 未通过, 无筛选规则), not `\(text)`",
                   "--screening 只能是 通过、未通过 或 无筛选规则（pass、fail、no-rule），不能写 `\(text)`")
        }
        static func fromAfterTo(_ from: LocalDate, _ to: LocalDate) -> Phrase {
            Phrase("--created-from \(from) is after --created-to \(to)", "--created-from \(from) 晚于 --created-to \(to)")
        }
        static func notATeam(_ team: String, groups: [String]) -> Phrase {
            guard !groups.isEmpty else {
                return Phrase("`\(team)` is not a team: leadbook.yml's team has no `group`",
                              "没有 `\(team)` 这个团队：leadbook.yml 的 `team` 里没有写 `group`")
            }
            let near = Suggestion.closest(to: team, among: groups)
            return Phrase("`\(team)` is not a team of leadbook.yml" + (near.map { "; did you mean \($0)?" } ?? "")
                          + " (teams: \(groups.joined(separator: ", ")))",
                          "leadbook.yml 里没有 `\(team)` 这个团队" + (near.map { "，是不是要写 \($0)？" } ?? "")
                          + "（团队有：\(groups.joined(separator: "、"))）")
        }
        static func noSuchValue(_ option: ListCommand.Option, _ value: String, near: String?) -> Phrase {
            let en: String, zh: String
            switch option {
            case .region: (en, zh) = ("region", "区域")
            case .industry: (en, zh) = ("industry", "行业")
            case .tag: (en, zh) = ("tag", "标签")
            }
            return Phrase("--\(option.rawValue): no customer has the \(en) `\(value)`" + (near.map { "; did you mean \($0)?" } ?? ""),
                          "--\(option.rawValue)：没有哪位客户的\(zh)是 `\(value)`" + (near.map { "，是不是要写 \($0)？" } ?? ""))
        }
    }
}

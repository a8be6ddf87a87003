import LeadbookCore
import LeadbookText

/// `leadbook feedback`: record what a customer said (the toolkit, section 5), and close the loop on
/// it later: resolved, then confirmed with the customer.
public enum FeedbackCommand: Command {
    public static let spec = CommandSpec(
        name: "feedback",
        summary: Phrase("record customer feedback, or mark feedback N resolved / confirmed",
                        "记录客户反馈，或把第 N 条反馈标为已解决 / 客户已确认"),
        usage: """
        leadbook feedback ID --channel C --type T --priority P --summary TEXT [--why W]... [--handling H] [--plan P] [--owner O] [--due DATE] [--at DATETIME] [--force] [-C DIR]
               leadbook feedback ID N [--resolve DATE] [--confirm "DATE RESULT"] [--satisfaction 1-5] [-C DIR]
               leadbook feedback ID [-C DIR]
        """,
        options: [
            .workspace,
            OptionSpec("channel", value: "CHANNEL", help: Phrase(
                "how the feedback came: phone, email, meeting, video, wechat, visit, message",
                "反馈渠道：电话、邮件、面谈、线上会议、微信、拜访、短信")),
            OptionSpec("type", value: "TYPE", help: Phrase(
                "product, price, service or decision (产品, 价格, 服务, 决策)",
                "反馈类型：产品、价格、服务或决策（product、price、service、decision）")),
            OptionSpec("priority", value: "PRIORITY", help: Phrase(
                "high, medium or low (高, 中, 低)", "优先级：高、中或低（high、medium、low）")),
            OptionSpec("summary", value: "TEXT", help: Phrase(
                "what the customer said, as facts (the entry's heading)", "客户说了什么，只写事实（作为这条反馈的标题）")),
            OptionSpec("why", value: "TEXT", repeatable: true, help: Phrase(
                "a root cause (the 5 Whys), one per --why", "一条根本原因（5 Why），每个 --why 写一条")),
            OptionSpec("handling", value: "HANDLING", help: Phrase(
                "fix (answer within 24 hours), negotiate or decline",
                "处理方式：立即解决（24 小时内答复）、协商解决或无法解决（fix、negotiate、decline）")),
            OptionSpec("plan", value: "TEXT", help: Phrase("what will be done", "处理方案：要做什么")),
            OptionSpec("owner", value: "NAME", help: Phrase("who answers it: a member of the team or one of leadbook.yml `responders`",
                                                            "谁来处理：团队成员，或 leadbook.yml `responders` 里的负责人（如 法务部）")),
            OptionSpec("due", value: "DATE", help: Phrase("by when (default for negotiate and decline: leadbook.yml `feedback`)",
                                                          "完成时限（协商解决、无法解决不写时按 leadbook.yml `feedback` 的天数）")),
            OptionSpec("at", value: "DATETIME", help: Phrase(
                "when the feedback came, a date or \"DATE HH:MM\" (default: today in the workspace's time zone)",
                "收到反馈的日期，或 \"日期 时:分\"（默认：工作区时区的今天）")),
            OptionSpec("resolve", value: "DATE", help: Phrase(
                "with N: the date feedback N was resolved", "和 N 一起用：第 N 条反馈解决的日期")),
            OptionSpec("confirm", value: "\"DATE RESULT\"", help: Phrase(
                "with N: the date the customer confirmed, and what they said",
                "和 N 一起用：客户确认的日期和客户的说法")),
            OptionSpec("satisfaction", value: "1-5", help: Phrase(
                "with N and --confirm (or an entry already confirmed): how satisfied the customer is, 1 (very dissatisfied) to 5 (very satisfied)",
                "和 N、--confirm 一起用（或反馈已确认）：客户满意度，1（很不满意）到 5（很满意）")),
            OptionSpec("force", help: Phrase(
                "allow an entry older than the last feedback entry, or a due date before it",
                "允许记录早于上一条反馈，或完成时限早于反馈日期")),
        ],
        details: Phrase("""
        With only ID, lists the customer's feedback entries with their numbers. N counts the
        entries of the Feedback section from 1, oldest first. Filling `resolved` and
        `confirmed` (and the customer's `satisfaction` with it) is the only change leadbook makes
        to an old entry; a line of the key left empty is filled, and a value already there (even
        one leadbook cannot read) is never replaced. Exit 0 when written, 1 when refused because of what the file holds,
        2 on bad options.
        """, """
        只给 ID 时，列出这位客户的反馈及编号。N 是客户反馈一节里的序号，从 1 开始，最早的在前。
        补填 `resolved`、`confirmed`（以及确认时客户的满意度 `satisfaction`）是 leadbook 对旧记录唯一的改动；
        留空的那一行会被填上；已经写了的值（包括 leadbook 读不懂的值）从不替换。
        退出码：写入成功为 0，因文件内容被拒绝为 1，选项有误为 2。
        """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        context.refusing(spec.name) { try execute(arguments, context) }
    }

    static let newEntryOptions = ["channel", "type", "priority", "summary", "why", "handling", "plan", "owner", "due", "at"]

    static func execute(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
        let positionals = arguments.positionals
        guard positionals.count == 1 || positionals.count == 2 else {
            throw Refusal.usage(Message.whichEntry(usage: spec.usage))
        }
        let closing = arguments.value("resolve") != nil || arguments.value("confirm") != nil || arguments.value("satisfaction") != nil
        let adding = newEntryOptions.contains { arguments.value($0) != nil }
        if positionals.count == 2 {
            if adding { throw Refusal.usage(Message.onlyClosing) }
            guard closing else { throw Refusal.usage(Message.whatHappened(positionals[1])) }
            return try close(arguments, context)
        }
        if closing { throw Refusal.usage(Message.closingNeedsNumber(positionals[0], closingOptions(arguments))) }
        return adding ? try add(arguments, context) : try list(arguments, context)
    }

    /// The closing options given, in the order of the usage line, as a command line takes
    /// them: `--confirm "2024-05-10 客户认可" --satisfaction 4`.
    static func closingOptions(_ arguments: ParsedArguments) -> String {
        ["resolve", "confirm", "satisfaction"].compactMap { option in
            arguments.value(option).map { value in
                "--\(option) " + (value.contains(" ") || value.isEmpty ? "\"\(value)\"" : value)
            }
        }.joined(separator: " ")
    }

    // MARK: - A new entry

    static func add(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
        guard let opened = context.openWorkspace(arguments) else { return .failure }
        let configuration = opened.configuration
        let missing = ["channel", "type", "priority", "summary"].filter { arguments.value($0) == nil }
        if !missing.isEmpty {
            throw Refusal.usage(Message.needs(missing))
        }
        let moment = try context.moment(arguments, "at", opened)
        let date = moment.date
        // A time given with --at is kept in the heading; the default is today, a date.
        let time = arguments.value("at") != nil && moment.hasTime ? moment.minutes : nil
        var draft = FeedbackDraft(
            date: date,
            channel: try OptionValue.vocabulary(arguments.value("channel")!, "channel", Channel.self),
            summary: try OptionValue.oneLine(arguments.value("summary")!, "summary"),
            type: try OptionValue.vocabulary(arguments.value("type")!, "type", FeedbackType.self),
            priority: try OptionValue.vocabulary(arguments.value("priority")!, "priority", Priority.self))
        draft.time = time
        draft.whys = try arguments.values("why").map { try OptionValue.oneLine($0, "why") }
        draft.handling = try arguments.value("handling").map { try OptionValue.vocabulary($0, "handling", Handling.self) }
        draft.plan = try arguments.value("plan").map { try OptionValue.oneLine($0, "plan") }
        draft.owner = try arguments.value("owner").map { try OptionValue.responder($0, "owner", configuration) }
        draft.due = try arguments.value("due").map { try OptionValue.date($0, "due") }
        let force = arguments.flag("force")
        if let due = draft.due, due < date, !force {
            throw Refusal.finding(Message.dueBeforeDate(due, date))
        }

        let write = try context.openWrite(opened, customer: arguments.positionals[0])
        defer { write.release() }
        var target = try context.editableCustomer(arguments.positionals[0], write.workspace)
        let at = LocalDateTime(date: date, minutes: time ?? 0, hasTime: time != nil)
        var insertBefore: Int?
        if let last = target.customer.feedback.last(where: { $0.date != nil }), EntryOrder.isBefore(at, (last.date!, last.time)) {
            guard force else {
                let lastAt = LocalDateTime(date: last.date!, minutes: last.time ?? 0, hasTime: last.time != nil)
                throw Refusal.finding(Message.outOfOrder(last: lastAt.description, at.description))
            }
            insertBefore = EntryOrder.insertionPoint(at, target.customer.feedback.map { (start: $0.start, date: $0.date, time: $0.time) })
        }
        let lines = draft.lines(chinese: target.edit.logIsChinese)
        if let insertBefore {
            target.edit.insertEntries([lines], before: insertBefore)
        } else {
            target.edit.appendEntry(lines, to: .feedback)
        }
        let bytes = try target.edit.apply()
        try write.update(target.path, from: target.bytes, to: bytes, had: target.result.findings.diagnostics)
        try write.commit()
        let number = (insertBefore.map { start in target.customer.feedback.firstIndex { $0.start == start }! } ?? target.customer.feedback.count) + 1
        context.console.out(Message.recorded(number, of: target.customer.id ?? "", in: target.path, at.description, type: draft.type,
                                             priority: draft.priority, fixWithin: draft.handling == .fix ? configuration.feedbackFixHours : nil,
                                             working: configuration.businessHours != nil))
        context.warnLateRecording(arguments, opened)
        return .ok
    }

    // MARK: - Closing the loop

    static func close(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
        guard let opened = context.openWorkspace(arguments) else { return .failure }
        let configuration = opened.configuration
        guard let number = Int(arguments.positionals[1]), number >= 1 else {
            throw Refusal.usage(Message.notANumber(arguments.positionals[1]))
        }
        let resolve = try arguments.value("resolve").map { try OptionValue.date($0, "resolve") }
        var confirm: (LocalDate, String)?
        if let text = arguments.value("confirm") {
            let line = try OptionValue.oneLine(text, "confirm")
            let parts = line.split(separator: " ", maxSplits: 1)
            guard let first = parts.first, let date = LocalDate(String(first)), parts.count == 2 else {
                throw Refusal.usage(Message.notAConfirmation(text))
            }
            confirm = (date, String(parts[1]).trimmingSpaces)
        }
        var satisfaction: Int?
        if let text = arguments.value("satisfaction") {
            guard let score = Int(text.trimmingSpaces), (1...5).contains(score) else {
                throw Refusal.usage(Message.notASatisfaction(text))
            }
            satisfaction = score
        }

        let write = try context.openWrite(opened, customer: arguments.positionals[0])
        defer { write.release() }
        var target = try context.editableCustomer(arguments.positionals[0], write.workspace)
        let entries = target.customer.feedback
        guard number <= entries.count else {
            throw Refusal.usage(Message.noSuchEntry(target.customer.id ?? "", has: entries.count, arguments.positionals[0]))
        }
        let entry = entries[number - 1]
        let chinese = target.edit.logIsChinese
        var done: [Phrase] = []
        var resolved = entry.resolved
        var confirmed = entry.confirmed
        /// The entry's lines of `key`: one with a value leadbook could not read is refused (it is
        /// never replaced, and a second line would make two); else the first one left empty is
        /// filled, or a line is added.
        func fillIn(_ key: EntryKey, _ value: String) throws {
            let lines = target.edit.items(key, inEntry: entry.start..<entry.end, firstLine: entry.line)
            if let written = lines.first(where: { !$0.emptyValue }) {
                throw Refusal.finding(Message.unreadable(number, key, line: written.line, written.text))
            }
            if let empty = lines.first {
                target.edit.fill(empty, with: value)
            } else {
                target.edit.addItem("- \(chinese ? key.label : key.rawValue): \(value)", toEntry: entry.start..<entry.end)
            }
        }
        /// The line of the value already written for `key`, for the refusal.
        func line(_ key: EntryKey) -> Int? {
            target.edit.items(key, inEntry: entry.start..<entry.end, firstLine: entry.line).last { !$0.emptyValue }?.line
        }
        if let resolve {
            if let existing = entry.resolved {
                if existing != resolve {
                    throw Refusal.finding(Message.alreadyResolved(number, on: existing, line: line(.resolved)))
                }
            } else {
                if let date = entry.date, resolve < date {
                    throw Refusal.finding(Message.resolvedBeforeCame(resolve, date))
                }
                try fillIn(.resolved, "\(resolve)")
                resolved = resolve
                done.append(Message.resolved(resolve))
            }
        }
        if let (date, result) = confirm {
            if let existing = entry.confirmed {
                if existing != date || (entry.confirmation ?? "") != result {
                    throw Refusal.finding(Message.alreadyConfirmed(number, on: existing, entry.confirmation ?? "", line: line(.confirmed)))
                }
            } else {
                guard let resolved else {
                    throw Refusal.finding(Message.notResolvedYet(number))
                }
                if date < resolved { throw Refusal.finding(Message.confirmedBeforeResolved(date, resolved)) }
                try fillIn(.confirmed, "\(date) \(result)")
                confirmed = date
                done.append(Message.confirmed(date, result))
                if date > resolved.adding(days: configuration.feedbackConfirmDays) {
                    done.append(Message.confirmedLate(date.dayNumber - resolved.dayNumber, rule: configuration.feedbackConfirmDays))
                }
            }
        }
        if let satisfaction {
            if let existing = entry.satisfaction {
                if existing != satisfaction {
                    throw Refusal.finding(Message.alreadyRated(number, existing, line: line(.satisfaction)))
                }
            } else {
                guard confirmed != nil else {
                    throw Refusal.finding(Message.notConfirmedYet(number))
                }
                try fillIn(.satisfaction, "\(satisfaction)")
                done.append(Message.rated(satisfaction))
            }
        }
        guard target.edit.hasChanges else {
            context.console.out(Message.alreadySaysSo(number, of: target.customer.id ?? ""))
            return .ok
        }
        let bytes = try target.edit.apply()
        try write.update(target.path, from: target.bytes, to: bytes, had: target.result.findings.diagnostics)
        try write.commit()
        context.console.out(Message.closed(number, of: target.customer.id ?? "", entry.summary, done))
        return .ok
    }

    // MARK: - Listing

    static func list(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
        guard let workspace = context.openWorkspace(arguments) else { return .failure }
        let target = try context.editableCustomer(arguments.positionals[0], workspace, allowTombstone: true)
        let entries = target.customer.feedback
        if entries.isEmpty {
            context.console.out(Message.noEntries(target.customer.id ?? "", target.path))
            return .ok
        }
        for (index, entry) in entries.enumerated() {
            var state = Message.open
            if let resolved = entry.resolved { state = Message.resolved(resolved) }
            if let confirmed = entry.confirmed { state += Message.andConfirmed(confirmed, entry.confirmation ?? "") }
            if let satisfaction = entry.satisfaction { state += Phrase(", ", "，") + Message.rated(satisfaction) }
            let kind = Message.kind([entry.type.map(Message.value), entry.priority.map(Message.value), entry.handling.map(Message.value)].compactMap { $0 })
            let came = entry.date.map { LocalDateTime(date: $0, minutes: entry.time ?? 0, hasTime: entry.time != nil).description }
            context.console.out(Message.listed(index + 1, came ?? "?", entry.channel.map(Message.value) ?? Phrase(verbatim: "?"),
                                               entry.summary, kind: kind, state))
        }
        return .ok
    }
}

extension FeedbackCommand {
    /// What `leadbook feedback` says.
    enum Message {
        static func whichEntry(usage: String) -> Phrase {
            Phrase("give a customer id (and the number of a feedback entry)\nusage: \(usage)",
                   "请给出客户编号（以及反馈的序号）\n用法：\(usage)")
        }
        static let onlyClosing = Phrase("with a feedback number, give only --resolve, --confirm and --satisfaction",
                                        "给了反馈序号时，只能写 --resolve、--confirm 和 --satisfaction")
        static func whatHappened(_ number: String) -> Phrase {
            Phrase("say what happened to feedback \(number): --resolve DATE or --confirm \"DATE RESULT\"",
                   "请说明第 \(number) 条反馈怎么样了：--resolve 日期 或 --confirm \"日期 结果\"")
        }
        /// `given`: the closing options given, as written (`--satisfaction 4`), for the example.
        static func closingNeedsNumber(_ id: String, _ given: String) -> Phrase {
            Phrase("--resolve, --confirm and --satisfaction need the feedback's number: leadbook feedback \(id) N \(given)",
                   "--resolve、--confirm 和 --satisfaction 要写反馈的序号：leadbook feedback \(id) N \(given)")
        }
        static func needs(_ options: [String]) -> Phrase {
            Phrase("a feedback entry needs \(options.map { "--" + $0 }.joined(separator: ", "))",
                   "一条反馈必须写 \(options.map { "--" + $0 }.joined(separator: "、"))")
        }
        static func dueBeforeDate(_ due: LocalDate, _ date: LocalDate) -> Phrase {
            Phrase("--due \(due) is before the feedback's date \(date); pass --force if that is right",
                   "--due \(due) 早于反馈日期 \(date)；确实如此的话，加 --force")
        }
        /// `last` and `moment`: a date, or a date and time when written.
        static func outOfOrder(last: String, _ date: String) -> Phrase {
            Phrase("the last feedback entry is of \(last) and this one (\(date)) would come before it; entries are in date order, so check --at, or pass --force to put it where its date belongs",
                   "上一条反馈是 \(last)，这一条（\(date)）比它还早；记录按日期排列，请检查 --at，或加 --force 把它插到日期该在的位置")
        }
        /// A value as the language names it: `product` / `产品`.
        static func value<V: Vocabulary>(_ value: V) -> Phrase { Phrase(value.label(in: .en), value.label(in: .zhCN)) }
        /// `date`: the date, and the time when one was given; `fixWithin`: the hours a feedback
        /// to fix is to be answered in (nil for one not to fix), `working` when they are working hours.
        static func recorded(_ number: Int, of id: String, in path: String, _ date: String, type: FeedbackType, priority: Priority, fixWithin hours: Int?,
                             working: Bool = false) -> Phrase {
            let unit = working ? Phrase("working hours", "个工作小时") : Phrase("hours", "小时")
            return Phrase("recorded feedback \(number) of \(id) in \(path): \(date) \(type.rawValue), \(priority.rawValue) priority\(hours.map { "; fix: answer within \($0) \(unit.en)" } ?? "")\n",
                          "已记录客户反馈：\(id) 第 \(number) 条，\(date) \(type.label)，优先级\(priority.label)（\(path)）\(hours.map { "；需立即解决，\($0) \(unit.zh)内答复" } ?? "")\n")
        }
        static func notANumber(_ text: String) -> Phrase {
            Phrase("`\(text)` is not a feedback number (1 is the first entry)", "`\(text)` 不是反馈序号（第一条是 1）")
        }
        static func notAConfirmation(_ text: String) -> Phrase {
            Phrase("--confirm is `DATE RESULT`, like \"2024-03-06 客户认可\", not `\(text)`",
                   "--confirm 的写法是 `日期 结果`，比如 \"2024-03-06 客户认可\"，不能写 `\(text)`")
        }
        static func noSuchEntry(_ id: String, has count: Int, _ given: String) -> Phrase {
            Phrase("\(id) has \(count) feedback entr\(count == 1 ? "y" : "ies"); `leadbook feedback \(given)` lists them",
                   "\(id) 只有 \(count) 条反馈；`leadbook feedback \(given)` 可以列出来")
        }
        static func alreadyResolved(_ number: Int, on date: LocalDate, line: Int?) -> Phrase {
            Phrase("feedback \(number) is already resolved on \(date)\(onLine(line).en); \(neverReplaced.en)",
                   "第 \(number) 条反馈已在 \(date) 解决\(onLine(line).zh)；\(neverReplaced.zh)")
        }
        /// ` (line 111)` / `（第 111 行）`.
        static func onLine(_ line: Int?) -> Phrase {
            line.map { Phrase(" (line \($0))", "（第 \($0) 行）") } ?? Phrase(verbatim: "")
        }
        /// What to do about a value already written that is wrong: what `log-rewritten` allows.
        static let neverReplaced = Phrase(
            "leadbook never replaces a value written: if it is wrong and not committed yet, correct that line by hand; once committed, the log keeps it (`check --against` reports a changed line as `log-rewritten`), so write the correction in a new follow-up entry (`leadbook log`)",
            "leadbook 不会替换已写的值：如果写错了且还没提交，请手动改那一行；已经提交的，记录会保留（改动会被 `check --against` 报为 `log-rewritten`），请在新的跟进记录里写明更正（`leadbook log`）")
        /// A line of `key` in the entry whose value leadbook cannot read (`- 满意度: 4分`).
        static func unreadable(_ number: Int, _ key: EntryKey, line: Int, _ text: String) -> Phrase {
            Phrase("feedback \(number) already has a `\(key.rawValue)` line that leadbook cannot read (line \(line): `\(text)`); it writes no second one: correct that line by hand (`leadbook check` says how)",
                   "第 \(number) 条反馈已经有一行 `\(key.label)`，但 leadbook 读不懂（第 \(line) 行：`\(text)`）；不会再写第二行：请手动改正那一行（`leadbook check` 会说明怎么写）")
        }
        static func resolvedBeforeCame(_ resolve: LocalDate, _ date: LocalDate) -> Phrase {
            Phrase("--resolve \(resolve) is before the feedback came (\(date))", "--resolve \(resolve) 早于收到反馈的日期（\(date)）")
        }
        static func alreadyConfirmed(_ number: Int, on date: LocalDate, _ result: String, line: Int?) -> Phrase {
            Phrase("feedback \(number) is already confirmed on \(date) (\(result))\(onLine(line).en); \(neverReplaced.en)",
                   "第 \(number) 条反馈客户已在 \(date) 确认（\(result)）\(onLine(line).zh)；\(neverReplaced.zh)")
        }
        static func notResolvedYet(_ number: Int) -> Phrase {
            Phrase("feedback \(number) is not resolved yet; resolve it first (--resolve DATE), then confirm it with the customer",
                   "第 \(number) 条反馈还没有解决；先解决（--resolve 日期），再和客户确认")
        }
        static func confirmedBeforeResolved(_ date: LocalDate, _ resolved: LocalDate) -> Phrase {
            Phrase("--confirm \(date) is before the feedback was resolved (\(resolved))", "--confirm \(date) 早于反馈解决的日期（\(resolved)）")
        }
        static func resolved(_ date: LocalDate) -> Phrase { Phrase("resolved \(date)", "\(date) 已解决") }
        static func confirmed(_ date: LocalDate, _ result: String) -> Phrase {
            Phrase("confirmed \(date) \(result)", "\(date) 客户确认：\(result)")
        }
        static func notASatisfaction(_ text: String) -> Phrase {
            Phrase("--satisfaction is a whole number from 1 (very dissatisfied) to 5 (very satisfied), not `\(text)`",
                   "--satisfaction 是 1（很不满意）到 5（很满意）的整数，不能写 `\(text)`")
        }
        static func alreadyRated(_ number: Int, _ score: Int, line: Int?) -> Phrase {
            Phrase("feedback \(number) already records satisfaction \(score)\(onLine(line).en); \(neverReplaced.en)",
                   "第 \(number) 条反馈已记录满意度 \(score)\(onLine(line).zh)；\(neverReplaced.zh)")
        }
        static func notConfirmedYet(_ number: Int) -> Phrase {
            Phrase("feedback \(number) is not confirmed yet; the satisfaction is what the customer says when confirming: --confirm \"DATE RESULT\" --satisfaction N",
                   "第 \(number) 条反馈还没有和客户确认；满意度是客户确认时给的：--confirm \"日期 结果\" --satisfaction N")
        }
        static func rated(_ score: Int) -> Phrase { Phrase("satisfaction \(score)/5", "满意度 \(score)/5") }
        static func confirmedLate(_ days: Int, rule: Int) -> Phrase {
            Phrase("\(days) days after it was resolved (the rule is \(rule))", "解决后 \(days) 天才确认（规定 \(rule) 天内）")
        }
        static func alreadySaysSo(_ number: Int, of id: String) -> Phrase {
            Phrase("feedback \(number) of \(id) already says so; nothing to write\n", "\(id) 第 \(number) 条反馈已经这样写了，不用再写\n")
        }
        static func closed(_ number: Int, of id: String, _ summary: String, _ done: [Phrase]) -> Phrase {
            Phrase("feedback \(number) of \(id) (\(summary)): \(done.map(\.en).joined(separator: ", "))\n",
                   "\(id) 第 \(number) 条反馈（\(summary)）：\(done.map(\.zh).joined(separator: "，"))\n")
        }
        static func noEntries(_ id: String, _ path: String) -> Phrase {
            Phrase("\(id) has no feedback entries (\(path))\n", "\(id) 还没有客户反馈（\(path)）\n")
        }
        /// The state of a listed entry neither resolved nor confirmed.
        static let open = Phrase("open", "未解决")
        static func andConfirmed(_ date: LocalDate, _ result: String) -> Phrase {
            Phrase(", confirmed \(date) \(result)", "，\(date) 客户确认：\(result)")
        }
        /// An entry's type, priority and handling: `product, high, fix` / `产品、高、立即解决`.
        static func kind(_ values: [Phrase]) -> Phrase { Phrase.joined(values, en: ", ", zh: "、") }
        static func listed(_ number: Int, _ date: String, _ channel: Phrase, _ summary: String, kind: Phrase, _ state: Phrase) -> Phrase {
            Phrase("\(number)  \(date) \(channel.en) \(summary)  [\(kind.en)] \(state.en)\n",
                   "\(number)  \(date) \(channel.zh) \(summary)  [\(kind.zh)] \(state.zh)\n")
        }
    }
}

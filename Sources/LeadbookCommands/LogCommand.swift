import LeadbookCore
import LeadbookText

/// `leadbook log ID --channel C ...`: one follow-up entry appended to a customer's log, with
/// the front-matter `status` and `next` brought along in the same write.
public enum LogCommand: Command {
    public static let spec = CommandSpec(
        name: "log",
        summary: Phrase("record a follow-up: append an entry to a customer's log and update status and next",
                        "记录跟进：在客户的跟进记录里追加一条，并更新状态和下次跟进"),
        usage: "leadbook log ID --channel C [--with WHO] [--at DATETIME] [--status S] [--next DATE] [--todo \"DATE TEXT @owner\"]... [--set key=value]... [--note TEXT] [--deal AMOUNT] [--lost-reason TEXT] [--force] [-C DIR]",
        options: [
            .workspace,
            OptionSpec("channel", value: "CHANNEL", help: Phrase(
                "how you were in touch: phone, email, meeting, video, wechat, visit, message (or 电话, 邮件, ...)",
                "跟进方式：电话、邮件、面谈、线上会议、微信、拜访、短信（或 phone、email……）")),
            OptionSpec("with", value: "WHO", help: Phrase(
                "who you spoke with, written after the channel: 张伟(技术总监)",
                "沟通对象，写在跟进方式后面：张伟(技术总监)")),
            OptionSpec("at", value: "DATETIME", help: Phrase(
                "when the contact was (default: now in the workspace's time zone)",
                "跟进时间（默认：工作区时区的当前时间）")),
            OptionSpec("status", value: "STATUS", help: Phrase(
                "the customer's status from this contact on (also written to the front matter)",
                "这次跟进之后的客户状态（也写进文件头）")),
            OptionSpec("next", value: "DATE", help: Phrase(
                "the date of the next follow-up (also written to the front matter)",
                "下次跟进的日期（也写进文件头）")),
            OptionSpec("todo", value: "\"DATE TEXT @owner\"", repeatable: true, help: Phrase(
                "an open to-do, written as a task item; `^name` after it: who asked for it",
                "一条待办，写成任务项；后面加 `^姓名`：谁提出的")),
            OptionSpec("set", value: "KEY=VALUE", repeatable: true, help: Phrase(
                "a line of the entry: background, pain, need, value, change, feedback, decision, mood, risk, help (or 背景, 难点, ...)",
                "记录里的一行：背景、难点、需求、价值、变化、反馈、决策进展、情绪、风险、需要支持（或 background、pain……）")),
            OptionSpec("note", value: "TEXT", help: Phrase("free text under the entry", "写在记录下面的自由文字")),
            OptionSpec("deal", value: "AMOUNT", help: Phrase(
                "with --status won: the contract value, written as `deal: {amount, closed}`",
                "和 --status won 一起用：合同金额，写成 `deal: {amount, closed}`")),
            OptionSpec("lost-reason", value: "TEXT", help: Phrase(
                "with --status lost: why, written as `lost_reason`", "和 --status lost 一起用：流失原因，写成 `lost_reason`")),
            OptionSpec("force", help: Phrase(
                "allow a status that moves backwards, an entry older than the last one, or a next date before the entry",
                "允许状态倒退、记录早于上一条，或下次跟进早于这次跟进")),
        ],
        details: Phrase("""
        Everything is checked before anything is written, and the file is written once
        (atomically, under the workspace lock). Entries stay in date order: an entry older than
        the last one is refused, or with --force put where its date belongs. The first entry
        of an untouched customer sets the status to contacted unless --status says otherwise.
        Exit 0 when written, 1 when refused because of what the file holds, 2 on bad options.
        """, """
        先全部检查，再写入，文件只写一次（原子写入，持有工作区锁）。记录按日期排列：
        早于上一条的记录会被拒绝，加 --force 则插到它的日期该在的位置。未接触的客户记下第一条跟进后，
        状态变为初步接洽，除非 --status 另有指定。
        退出码：写入成功为 0，因文件内容被拒绝为 1，选项有误为 2。
        """))

    static let factKeys: [EntryKey] = [.background, .pain, .need, .value, .change, .feedback, .decision, .mood, .risk, .help]

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        context.refusing(spec.name) { try execute(arguments, context) }
    }

    static func execute(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
        guard arguments.positionals.count == 1 else { throw Refusal.usage(Message.oneId(usage: spec.usage)) }
        guard let opened = context.openWorkspace(arguments) else { return .failure }
        let configuration = opened.configuration
        guard let channelText = arguments.value("channel") else { throw Refusal.usage(Message.channelRequired) }
        let at = try context.moment(arguments, "at", opened)
        var draft = FollowUpDraft(at: at, channel: try OptionValue.vocabulary(channelText, "channel", Channel.self))
        if let with = arguments.value("with") { draft.counterpart = try OptionValue.oneLine(with, "with") }
        let requested = try arguments.value("status").map { try OptionValue.vocabulary($0, "status", Status.self) }
        draft.next = try arguments.value("next").map { try OptionValue.date($0, "next") }
        draft.todos = try arguments.values("todo").map { try OptionValue.todo($0, "todo", configuration) }
        for text in arguments.values("set") {
            let (keyText, value) = try OptionValue.pair(text, "set")
            guard let key = EntryKey(text: keyText), factKeys.contains(key) else {
                let known = EntryKey(text: keyText)
                let hint = known == .status ? Message.useOption("status") : known == .next ? Message.useOption("next")
                    : known == .todo ? Message.useOption("todo")
                    : Message.useOneOf(factKeys, near: EntryKey.nearest(to: keyText, among: factKeys) ?? nearestKey(keyText))
                throw Refusal.usage(Message.notAKey(keyText, hint: hint))
            }
            let line = try OptionValue.oneLine(value, "set \(keyText)")
            if key == .mood {
                draft.mood = try OptionValue.vocabulary(line, "set mood", Mood.self)
            } else {
                draft.facts.append((key, line))
            }
        }
        if let note = arguments.value("note") {
            if let problem = LogText.linesProblem(note) { throw Refusal.usage(Message.badNote(problem)) }
            let lines = note.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
            for line in lines {
                if let problem = LogText.noteProblem(line) { throw Refusal.usage(Message.badNoteLine(line, problem)) }
            }
            draft.note = lines
            while draft.note.last?.trimmingSpaces.isEmpty == true { draft.note.removeLast() }
        }
        let dealAmount = try arguments.value("deal").map { try OptionValue.amountDigits($0, "deal") }
        let lostReason = try arguments.value("lost-reason").map { try OptionValue.oneLine($0, "lost-reason") }
        if dealAmount != nil && requested != .won { throw Refusal.usage(Message.dealWithoutWon) }
        if lostReason != nil && requested != .lost { throw Refusal.usage(Message.lostReasonWithoutLost) }
        let force = arguments.flag("force")

        let write = try context.openWrite(opened, customer: arguments.positionals[0])
        defer { write.release() }
        var target = try context.editableCustomer(arguments.positionals[0], write.workspace)
        let customer = target.customer
        var notes: [Phrase] = []

        // Status: forwards only, unless --force.
        let current = DerivedValues.status(customer)?.0 ?? customer.status
        if let requested, let current, requested != current, !force {
            if requested < current || current.isClosed {
                throw Refusal.finding(Message.backwards(from: current, to: requested))
            }
        }
        draft.status = requested
        if requested == nil, current == .untouched || current == nil {
            draft.status = .contacted
        }
        if draft.status == .won, customer.deal == nil, dealAmount == nil {
            throw Refusal.finding(Message.wonNeedsDeal)
        }
        if draft.status == .lost, customer.lostReason?.isEmpty ?? true, lostReason == nil {
            throw Refusal.finding(Message.lostNeedsReason)
        }
        if let next = draft.next, next < at.date, !force {
            throw Refusal.finding(Message.nextBeforeDate(next, at.date))
        }

        // Date order.
        let entries = customer.followUps.map { (start: $0.start, date: $0.date, time: $0.time) }
        var insertBefore: Int?
        if let last = customer.followUps.last(where: { $0.date != nil }), EntryOrder.isBefore(at, (last.date!, last.time)) {
            let lastText = last.moment.map(\.description) ?? last.date!.description
            guard force else {
                throw Refusal.finding(Message.outOfOrder(last: lastText, "\(at)"))
            }
            insertBefore = EntryOrder.insertionPoint(at, entries)
        }

        let lines = draft.lines(chinese: target.edit.logIsChinese)
        if let insertBefore {
            target.edit.insertEntries([lines], before: insertBefore)
        } else {
            target.edit.appendEntry(lines, to: .followUps)
        }
        if let dealAmount {
            if target.edit.node(at: ["deal"])?.pairs != nil {
                try target.edit.set(["deal", "amount"], to: dealAmount)
                try target.edit.set(["deal", "closed"], to: at.date.description)
            } else {
                try target.edit.set(["deal"], toFlowMap: [("amount", dealAmount), ("closed", at.date.description)],
                                    after: ["plan", "next", "status"])
            }
            notes.append(Message.deal(dealAmount, closed: at.date))
        }
        if let lostReason {
            try target.edit.set(["lost_reason"], to: lostReason, after: ["deal", "plan", "next", "status"])
            notes.append(Message.lostReason(lostReason))
        }
        var bytes = try target.edit.apply()
        bytes = try bringDerivedValues(bytes, target, configuration, &notes)
        try write.update(target.path, from: target.bytes, to: bytes, had: target.result.findings.diagnostics)
        try write.commit()
        if requested == nil, draft.status == .contacted, let index = notes.firstIndex(where: { $0.en.hasPrefix("status ") }) {
            notes[index] += Message.firstContact
        }
        context.console.out(Message.logged(target.customer.id ?? arguments.positionals[0], "\(at)", draft.channel, in: target.path,
                                           beforeLaterEntries: insertBefore != nil, notes))
        context.warnLateRecording(arguments, opened)
        return .ok
    }

    /// Sets the front-matter `status` and `next` to what the log now says.
    static func bringDerivedValues(_ bytes: [UInt8], _ target: EditableCustomer, _ configuration: Configuration, _ notes: inout [Phrase]) throws -> [UInt8] {
        let reread = CustomerReader.read(path: target.path, bytes: bytes, configuration: configuration)
        guard let customer = reread.customer else { return bytes }
        var edit = try RecordEdit(bytes: bytes, read: reread)
        try CustomerSync.setStatusAndNext(customer, &edit, &notes)
        return edit.hasChanges ? try edit.apply() : bytes
    }

    /// The key of a follow-up entry whose Chinese label begins with `text` (`决策` for 决策进展),
    /// for a text `EntryKey.nearest` finds nothing near.
    static func nearestKey(_ text: String) -> EntryKey? {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, !trimmed.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let starting = factKeys.filter { $0.label.hasPrefix(trimmed) }
        return starting.count == 1 ? starting[0] : nil
    }
}

extension LogCommand {
    /// What `leadbook log` says.
    enum Message {
        static func oneId(usage: String) -> Phrase {
            Phrase("give one customer: its id, or a piece of its name, a contact's name or a phone number\nusage: \(usage)", "请给出一位客户：客户编号，或客户名称、联系人姓名、电话号码中的一段\n用法：\(usage)")
        }
        static let channelRequired = Phrase(
            "--channel is required (\(Channel.choices))",
            "必须写 --channel（\(Channel.allCases.map { "\($0.label)/\($0.rawValue)" }.joined(separator: "、"))）")
        static func useOption(_ option: String) -> Phrase { Phrase("use --\(option)", "请用 --\(option)") }
        /// The keys in English, with their Chinese labels in Chinese; the near one when there is one.
        static func useOneOf(_ keys: [EntryKey], near: EntryKey?) -> Phrase {
            Phrase("use one of \(keys.map(\.withLabel).joined(separator: ", "))" + (near.map { "; did you mean \($0.withLabel)?" } ?? ""),
                   "可以用：\(keys.map { "\($0.label)（\($0.rawValue)）" }.joined(separator: "、"))"
                   + (near.map { "；是不是要写 \($0.label)（\($0.rawValue)）？" } ?? ""))
        }
        static func notAKey(_ key: String, hint: Phrase) -> Phrase {
            Phrase("--set: `\(key)` is not a key of a follow-up entry here; \(hint.en)",
                   "--set：`\(key)` 不是跟进记录里能写的项；\(hint.zh)")
        }
        static func badNoteLine(_ line: String, _ problem: Phrase) -> Phrase {
            Phrase("--note: the line `\(line)` \(problem.en)", "--note：`\(line)` 这一行\(problem.zh)")
        }
        static func badNote(_ problem: Phrase) -> Phrase { "--note " + problem }
        static let dealWithoutWon = Phrase("--deal goes with --status won", "--deal 要和 --status won 一起用")
        static let lostReasonWithoutLost = Phrase("--lost-reason goes with --status lost", "--lost-reason 要和 --status lost 一起用")
        static func backwards(from current: Status, to requested: Status) -> Phrase {
            Phrase("status \(current.rawValue) (\(current.label)) -> \(requested.rawValue) (\(requested.label)) moves backwards; pass --force if the customer really went back",
                   "状态从 \(current.label)（\(current.rawValue)）退回到 \(requested.label)（\(requested.rawValue)）；客户确实退回了的话，加 --force")
        }
        static let wonNeedsDeal = Phrase(
            "status won needs the deal: add --deal AMOUNT (the contract value; the entry's date is written as closed)",
            "状态为成交时要写成交信息：加上 --deal 金额（合同金额；这条记录的日期记为成交日期）")
        static let lostNeedsReason = Phrase("status lost needs a reason: add --lost-reason TEXT",
                                            "状态为流失时要写原因：加上 --lost-reason 原因")
        static func nextBeforeDate(_ next: LocalDate, _ date: LocalDate) -> Phrase {
            Phrase("--next \(next) is before the entry's date \(date); pass --force if that is right",
                   "--next \(next) 早于这条记录的日期 \(date)；确实如此的话，加 --force")
        }
        static func outOfOrder(last: String, _ moment: String) -> Phrase {
            Phrase("the last follow-up is of \(last) and this one (\(moment)) would come before it; entries are in date order, so check --at, or pass --force to put it where its date belongs",
                   "上一条跟进是 \(last)，这一条（\(moment)）比它还早；记录按日期排列，请检查 --at，或加 --force 把它插到日期该在的位置")
        }
        static func deal(_ amount: String, closed date: LocalDate) -> Phrase {
            Phrase("deal \(amount) closed \(date)", "成交 \(amount) 元，成交日期 \(date)")
        }
        static func lostReason(_ reason: String) -> Phrase { Phrase("lost_reason \(reason)", "流失原因 \(reason)") }
        /// Added to the note of the status a first follow-up sets.
        static let firstContact = Phrase(" (first contact)", "（首次联系）")
        static func logged(_ id: String, _ moment: String, _ channel: Channel, in path: String, beforeLaterEntries: Bool, _ notes: [Phrase]) -> Phrase {
            Phrase("logged \(moment) \(channel.rawValue) in \(path)\(beforeLaterEntries ? " (before later entries, --force)" : "")"
                   + (notes.isEmpty ? "" : ": " + notes.map(\.en).joined(separator: ", ")) + "\n",
                   "已记录跟进：\(id) \(moment) \(channel.label)（\(path)）\(beforeLaterEntries ? "，插在更晚的记录之前（--force）" : "")"
                   + (notes.isEmpty ? "" : "；" + notes.map(\.zh).joined(separator: "，")) + "\n")
        }
    }
}

import LeadbookCore
import LeadbookText

/// `leadbook log ID --channel C ...`: one follow-up entry appended to a customer's log, with
/// the front-matter `status` and `next` brought along in the same write.
public enum LogCommand: Command {
    public static let spec = CommandSpec(
        name: "log",
        summary: "record a follow-up: append an entry to a customer's log and update status and next",
        usage: "leadbook log ID --channel C [--with WHO] [--at DATETIME] [--status S] [--next DATE] [--todo \"DATE TEXT @owner\"]... [--set key=value]... [--note TEXT] [--deal AMOUNT] [--lost-reason TEXT] [--force] [-C DIR]",
        options: [
            .workspace,
            OptionSpec("channel", value: "CHANNEL", help: "how you were in touch: phone, email, meeting, video, wechat, visit, message (or 电话, 邮件, ...)"),
            OptionSpec("with", value: "WHO", help: "who you spoke with, written after the channel: 张伟(技术总监)"),
            OptionSpec("at", value: "DATETIME", help: "when the contact was (default: now in the workspace's time zone)"),
            OptionSpec("status", value: "STATUS", help: "the customer's status from this contact on (also written to the front matter)"),
            OptionSpec("next", value: "DATE", help: "the date of the next follow-up (also written to the front matter)"),
            OptionSpec("todo", value: "\"DATE TEXT @owner\"", repeatable: true, help: "an open to-do, written as a task item"),
            OptionSpec("set", value: "KEY=VALUE", repeatable: true, help: "a line of the entry: background, pain, need, value, change, feedback, decision, mood (or 背景, 难点, ...)"),
            OptionSpec("note", value: "TEXT", help: "free text under the entry"),
            OptionSpec("deal", value: "AMOUNT", help: "with --status won: the contract value, written as `deal: {amount, closed}`"),
            OptionSpec("lost-reason", value: "TEXT", help: "with --status lost: why, written as `lost_reason`"),
            OptionSpec("force", help: "allow a status that moves backwards, an entry older than the last one, or a next date before the entry"),
        ],
        details: """
        Everything is checked before anything is written, and the file is written once
        (atomically, under the workspace lock). Entries stay in date order: an entry older than
        the last one is refused, or with --force put where its date belongs. The first entry
        of an untouched customer sets the status to contacted unless --status says otherwise.
        Exit 0 when written, 1 when refused because of what the file holds, 2 on bad options.
        """)

    static let factKeys: [EntryKey] = [.background, .pain, .need, .value, .change, .feedback, .decision, .mood]

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        context.refusing(spec.name) { try execute(arguments, context) }
    }

    static func execute(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
        guard arguments.positionals.count == 1 else { throw Refusal.usage(Message.oneId(usage: spec.usage)) }
        guard let opened = context.openWorkspace(arguments) else { return .failure }
        let configuration = opened.configuration
        guard let channelText = arguments.value("channel") else { throw Refusal.usage(Message.channelRequired(Channel.choices)) }
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
                    : Message.useOneOf(factKeys.map(\.withLabel), near: EntryKey.nearest(to: keyText, among: factKeys)?.withLabel)
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
            if let problem = LogText.problemAsLines(note) { throw Refusal.usage(Message.badNote(problem)) }
            let lines = note.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
            for line in lines {
                if let problem = LogText.problemAsNote(line) { throw Refusal.usage(Message.badNoteLine(line, problem)) }
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
        var notes: [String] = []

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
        if requested == nil, draft.status == .contacted, let index = notes.firstIndex(where: { $0.hasPrefix("status ") }) {
            notes[index] += Message.firstContact
        }
        context.console.out(Message.logged("\(at)", draft.channel.rawValue, in: target.path, beforeLaterEntries: insertBefore != nil, notes))
        return .ok
    }

    /// Sets the front-matter `status` and `next` to what the log now says.
    static func bringDerivedValues(_ bytes: [UInt8], _ target: EditableCustomer, _ configuration: Configuration, _ notes: inout [String]) throws -> [UInt8] {
        let reread = CustomerReader.read(path: target.path, bytes: bytes, configuration: configuration)
        guard let customer = reread.customer else { return bytes }
        var edit = try RecordEdit(bytes: bytes, read: reread)
        try CustomerSync.setStatusAndNext(customer, &edit, &notes)
        return edit.hasChanges ? try edit.apply() : bytes
    }
}

extension LogCommand {
    /// What `leadbook log` says.
    enum Message {
        static func oneId(usage: String) -> String { "give one customer id\nusage: \(usage)" }
        static func channelRequired(_ choices: String) -> String { "--channel is required (\(choices))" }
        static func useOption(_ option: String) -> String { "use --\(option)" }
        static func useOneOf(_ keys: [String], near: String?) -> String {
            "use one of \(keys.joined(separator: ", "))" + (near.map { "; did you mean \($0)?" } ?? "")
        }
        static func notAKey(_ key: String, hint: String) -> String { "--set: `\(key)` is not a key of a follow-up entry here; \(hint)" }
        static func badNoteLine(_ line: String, _ problem: String) -> String { "--note: the line `\(line)` \(problem)" }
        static func badNote(_ problem: String) -> String { "--note \(problem)" }
        static let dealWithoutWon = "--deal goes with --status won"
        static let lostReasonWithoutLost = "--lost-reason goes with --status lost"
        static func backwards(from current: Status, to requested: Status) -> String {
            "status \(current.rawValue) (\(current.label)) -> \(requested.rawValue) (\(requested.label)) moves backwards; pass --force if the customer really went back"
        }
        static let wonNeedsDeal = "status won needs the deal: add --deal AMOUNT (the contract value; the entry's date is written as closed)"
        static let lostNeedsReason = "status lost needs a reason: add --lost-reason TEXT"
        static func nextBeforeDate(_ next: LocalDate, _ date: LocalDate) -> String {
            "--next \(next) is before the entry's date \(date); pass --force if that is right"
        }
        static func outOfOrder(last: String, _ moment: String) -> String {
            "the last follow-up is of \(last) and this one (\(moment)) would come before it; entries are in date order, so check --at, or pass --force to put it where its date belongs"
        }
        static func deal(_ amount: String, closed date: LocalDate) -> String { "deal \(amount) closed \(date)" }
        static func lostReason(_ reason: String) -> String { "lost_reason \(reason)" }
        /// Added to the note of the status a first follow-up sets.
        static let firstContact = " (first contact)"
        static func logged(_ moment: String, _ channel: String, in path: String, beforeLaterEntries: Bool, _ notes: [String]) -> String {
            "logged \(moment) \(channel) in \(path)\(beforeLaterEntries ? " (before later entries, --force)" : "")\(notes.isEmpty ? "" : ": " + notes.joined(separator: ", "))\n"
        }
    }
}

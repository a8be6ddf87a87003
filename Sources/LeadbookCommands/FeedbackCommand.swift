import LeadbookCore
import LeadbookText

/// `leadbook feedback`: record what a customer said (the toolkit, section 5), and close the loop on
/// it later: resolved, then confirmed with the customer.
public enum FeedbackCommand: Command {
    public static let spec = CommandSpec(
        name: "feedback",
        summary: "record customer feedback, or mark feedback N resolved / confirmed",
        usage: """
        leadbook feedback ID --channel C --type T --priority P --summary TEXT [--why W]... [--handling H] [--plan P] [--owner O] [--due DATE] [--at DATE] [--force] [-C DIR]
               leadbook feedback ID N [--resolve DATE] [--confirm "DATE RESULT"] [-C DIR]
               leadbook feedback ID [-C DIR]
        """,
        options: [
            .workspace,
            OptionSpec("channel", value: "CHANNEL", help: "how the feedback came: phone, email, meeting, video, wechat, visit, message"),
            OptionSpec("type", value: "TYPE", help: "product, price, service or decision (产品, 价格, 服务, 决策)"),
            OptionSpec("priority", value: "PRIORITY", help: "high, medium or low (高, 中, 低)"),
            OptionSpec("summary", value: "TEXT", help: "what the customer said, as facts (the entry's heading)"),
            OptionSpec("why", value: "TEXT", repeatable: true, help: "a root cause (the 5 Whys), one per --why"),
            OptionSpec("handling", value: "HANDLING", help: "fix (answer within 24 hours), negotiate or decline"),
            OptionSpec("plan", value: "TEXT", help: "what will be done"),
            OptionSpec("owner", value: "NAME", help: "who does it"),
            OptionSpec("due", value: "DATE", help: "by when"),
            OptionSpec("at", value: "DATE", help: "when the feedback came (default: today in the workspace's time zone)"),
            OptionSpec("resolve", value: "DATE", help: "with N: the date feedback N was resolved"),
            OptionSpec("confirm", value: "\"DATE RESULT\"", help: "with N: the date the customer confirmed, and what they said"),
            OptionSpec("force", help: "allow an entry older than the last feedback entry, or a due date before it"),
        ],
        details: """
        With only ID, lists the customer's feedback entries with their numbers. N counts the
        entries of the Feedback section from 1, oldest first. Filling `resolved` and
        `confirmed` is the only change leadbook makes to an old entry; a value already there is
        never replaced. Exit 0 when written, 1 when refused because of what the file holds,
        2 on bad options.
        """)

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        context.refusing(spec.name) { try execute(arguments, context) }
    }

    static let newEntryOptions = ["channel", "type", "priority", "summary", "why", "handling", "plan", "owner", "due", "at"]

    static func execute(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
        let positionals = arguments.positionals
        guard positionals.count == 1 || positionals.count == 2 else {
            throw Refusal.usage(Message.whichEntry(usage: spec.usage))
        }
        let closing = arguments.value("resolve") != nil || arguments.value("confirm") != nil
        let adding = newEntryOptions.contains { arguments.value($0) != nil }
        if positionals.count == 2 {
            if adding { throw Refusal.usage(Message.onlyClosing) }
            guard closing else { throw Refusal.usage(Message.whatHappened(positionals[1])) }
            return try close(arguments, context)
        }
        if closing { throw Refusal.usage(Message.closingNeedsNumber(positionals[0])) }
        return adding ? try add(arguments, context) : try list(arguments, context)
    }

    // MARK: - A new entry

    static func add(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
        guard let opened = context.openWorkspace(arguments) else { return .failure }
        let configuration = opened.configuration
        let missing = ["channel", "type", "priority", "summary"].filter { arguments.value($0) == nil }
        if !missing.isEmpty {
            throw Refusal.usage(Message.needs(missing))
        }
        let date = try context.moment(arguments, "at", opened).date
        var draft = FeedbackDraft(
            date: date,
            channel: try OptionValue.vocabulary(arguments.value("channel")!, "channel", Channel.self),
            summary: try OptionValue.oneLine(arguments.value("summary")!, "summary"),
            type: try OptionValue.vocabulary(arguments.value("type")!, "type", FeedbackType.self),
            priority: try OptionValue.vocabulary(arguments.value("priority")!, "priority", Priority.self))
        draft.whys = try arguments.values("why").map { try OptionValue.oneLine($0, "why") }
        draft.handling = try arguments.value("handling").map { try OptionValue.vocabulary($0, "handling", Handling.self) }
        draft.plan = try arguments.value("plan").map { try OptionValue.oneLine($0, "plan") }
        draft.owner = try arguments.value("owner").map { try OptionValue.member($0, "owner", configuration) }
        draft.due = try arguments.value("due").map { try OptionValue.date($0, "due") }
        let force = arguments.flag("force")
        if let due = draft.due, due < date, !force {
            throw Refusal.finding(Message.dueBeforeDate(due, date))
        }

        let write = try context.openWrite(opened, customer: arguments.positionals[0])
        defer { write.release() }
        var target = try context.editableCustomer(arguments.positionals[0], write.workspace)
        let at = LocalDateTime(date: date, minutes: 0, hasTime: false)
        var insertBefore: Int?
        if let last = target.customer.feedback.last(where: { $0.date != nil }), EntryOrder.isBefore(at, (last.date!, last.time)) {
            guard force else {
                throw Refusal.finding(Message.outOfOrder(last: last.date!, date))
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
        context.console.out(Message.recorded(number, of: target.customer.id ?? "", in: target.path, date, type: draft.type.rawValue,
                                                 priority: draft.priority.rawValue, fixWithin: draft.handling == .fix ? configuration.feedbackFixHours : nil))
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

        let write = try context.openWrite(opened, customer: arguments.positionals[0])
        defer { write.release() }
        var target = try context.editableCustomer(arguments.positionals[0], write.workspace)
        let entries = target.customer.feedback
        guard number <= entries.count else {
            throw Refusal.usage(Message.noSuchEntry(target.customer.id ?? "", has: entries.count, arguments.positionals[0]))
        }
        let entry = entries[number - 1]
        let chinese = target.edit.logIsChinese
        var done: [String] = []
        var resolved = entry.resolved
        if let resolve {
            if let existing = entry.resolved {
                if existing != resolve {
                    throw Refusal.finding(Message.alreadyResolved(number, on: existing))
                }
            } else {
                if let date = entry.date, resolve < date {
                    throw Refusal.finding(Message.resolvedBeforeCame(resolve, date))
                }
                target.edit.addItem("- \(chinese ? EntryKey.resolved.label : EntryKey.resolved.rawValue): \(resolve)",
                                    toEntry: entry.start..<entry.end)
                resolved = resolve
                done.append(Message.resolved(resolve))
            }
        }
        if let (date, result) = confirm {
            if let existing = entry.confirmed {
                if existing != date || (entry.confirmation ?? "") != result {
                    throw Refusal.finding(Message.alreadyConfirmed(number, on: existing, entry.confirmation ?? ""))
                }
            } else {
                guard let resolved else {
                    throw Refusal.finding(Message.notResolvedYet(number))
                }
                if date < resolved { throw Refusal.finding(Message.confirmedBeforeResolved(date, resolved)) }
                target.edit.addItem("- \(chinese ? EntryKey.confirmed.label : EntryKey.confirmed.rawValue): \(date) \(result)",
                                    toEntry: entry.start..<entry.end)
                done.append(Message.confirmed(date, result))
                if date > resolved.adding(days: configuration.feedbackConfirmDays) {
                    done.append(Message.confirmedLate(date.dayNumber - resolved.dayNumber, rule: configuration.feedbackConfirmDays))
                }
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
            let kind = [entry.type?.rawValue, entry.priority?.rawValue, entry.handling?.rawValue].compactMap { $0 }.joined(separator: ", ")
            context.console.out(Message.listed(index + 1, entry.date?.description ?? "?", entry.channel?.rawValue ?? "?", entry.summary, kind: kind, state))
        }
        return .ok
    }
}

extension FeedbackCommand {
    /// What `leadbook feedback` says.
    enum Message {
        static func whichEntry(usage: String) -> String { "give a customer id (and the number of a feedback entry)\nusage: \(usage)" }
        static let onlyClosing = "with a feedback number, give only --resolve and --confirm"
        static func whatHappened(_ number: String) -> String {
            "say what happened to feedback \(number): --resolve DATE or --confirm \"DATE RESULT\""
        }
        static func closingNeedsNumber(_ id: String) -> String {
            "--resolve and --confirm need the feedback's number: leadbook feedback \(id) N --resolve DATE"
        }
        static func needs(_ options: [String]) -> String { "a feedback entry needs \(options.map { "--" + $0 }.joined(separator: ", "))" }
        static func dueBeforeDate(_ due: LocalDate, _ date: LocalDate) -> String {
            "--due \(due) is before the feedback's date \(date); pass --force if that is right"
        }
        static func outOfOrder(last: LocalDate, _ date: LocalDate) -> String {
            "the last feedback entry is of \(last) and this one (\(date)) would come before it; entries are in date order, so check --at, or pass --force to put it where its date belongs"
        }
        /// `fixWithin`: the hours a feedback to fix is to be answered in; nil for one not to fix.
        static func recorded(_ number: Int, of id: String, in path: String, _ date: LocalDate, type: String, priority: String, fixWithin hours: Int?) -> String {
            "recorded feedback \(number) of \(id) in \(path): \(date) \(type), \(priority) priority\(hours.map { "; fix: answer within \($0) hours" } ?? "")\n"
        }
        static func notANumber(_ text: String) -> String { "`\(text)` is not a feedback number (1 is the first entry)" }
        static func notAConfirmation(_ text: String) -> String { "--confirm is `DATE RESULT`, like \"2024-03-06 客户认可\", not `\(text)`" }
        static func noSuchEntry(_ id: String, has count: Int, _ given: String) -> String {
            "\(id) has \(count) feedback entr\(count == 1 ? "y" : "ies"); `leadbook feedback \(given)` lists them"
        }
        static func alreadyResolved(_ number: Int, on date: LocalDate) -> String {
            "feedback \(number) is already resolved on \(date); the log is append-only, so correct that line by hand if it is wrong"
        }
        static func resolvedBeforeCame(_ resolve: LocalDate, _ date: LocalDate) -> String {
            "--resolve \(resolve) is before the feedback came (\(date))"
        }
        static func alreadyConfirmed(_ number: Int, on date: LocalDate, _ result: String) -> String {
            "feedback \(number) is already confirmed on \(date) (\(result)); the log is append-only, so correct that line by hand if it is wrong"
        }
        static func notResolvedYet(_ number: Int) -> String {
            "feedback \(number) is not resolved yet; resolve it first (--resolve DATE), then confirm it with the customer"
        }
        static func confirmedBeforeResolved(_ date: LocalDate, _ resolved: LocalDate) -> String {
            "--confirm \(date) is before the feedback was resolved (\(resolved))"
        }
        static func resolved(_ date: LocalDate) -> String { "resolved \(date)" }
        static func confirmed(_ date: LocalDate, _ result: String) -> String { "confirmed \(date) \(result)" }
        static func confirmedLate(_ days: Int, rule: Int) -> String { "\(days) days after it was resolved (the rule is \(rule))" }
        static func alreadySaysSo(_ number: Int, of id: String) -> String { "feedback \(number) of \(id) already says so; nothing to write\n" }
        static func closed(_ number: Int, of id: String, _ summary: String, _ done: [String]) -> String {
            "feedback \(number) of \(id) (\(summary)): \(done.joined(separator: ", "))\n"
        }
        static func noEntries(_ id: String, _ path: String) -> String { "\(id) has no feedback entries (\(path))\n" }
        /// The state of a listed entry neither resolved nor confirmed.
        static let open = "open"
        static func andConfirmed(_ date: LocalDate, _ result: String) -> String { ", confirmed \(date) \(result)" }
        static func listed(_ number: Int, _ date: String, _ channel: String, _ summary: String, kind: String, _ state: String) -> String {
            "\(number)  \(date) \(channel) \(summary)  [\(kind)] \(state)\n"
        }
    }
}

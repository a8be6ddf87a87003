import LeadbookText

/// A new follow-up entry, written by `leadbook log`: the heading, the `- key: value` lines in
/// the order of the toolkit's record (facts, mood, status, to-dos, next) and a free note.
public struct FollowUpDraft: Sendable {
    public var at: LocalDateTime
    public var channel: Channel
    public var counterpart: String?
    /// `background`, `pain`, `need`, `value`, `change`, `feedback`, `decision` lines.
    public var facts: [(EntryKey, String)] = []
    public var mood: Mood?
    public var status: Status?
    public var todos: [Todo] = []
    public var next: LocalDate?
    /// Free text under the entry, one string per line.
    public var note: [String] = []

    public init(at: LocalDateTime, channel: Channel) {
        self.at = at
        self.channel = channel
    }

    /// The entry's lines (without line breaks), keys and values in Chinese when `chinese`.
    public func lines(chinese: Bool) -> [String] {
        var heading = "### \(at) \(chinese ? channel.label : channel.rawValue)"
        if let counterpart, !counterpart.isEmpty { heading += " " + counterpart }
        var lines = [heading]
        func item(_ key: EntryKey, _ value: String) {
            lines.append("- \(chinese ? key.label : key.rawValue): \(value)")
        }
        for (key, value) in facts { item(key, value) }
        if let mood { item(.mood, chinese ? mood.label : mood.rawValue) }
        if let status { item(.status, chinese ? status.label : status.rawValue) }
        for todo in todos { lines.append(todo.taskLine) }
        if let next { item(.next, next.description) }
        if !note.isEmpty {
            lines.append("")
            lines.append(contentsOf: note)
        }
        return lines
    }
}

/// A new feedback entry, written by `leadbook feedback` (the toolkit, section 5).
public struct FeedbackDraft: Sendable {
    public var date: LocalDate
    /// Minutes after midnight when the time is known (`feedback --at "DATE HH:MM"`).
    public var time: Int?
    public var channel: Channel
    public var summary: String
    public var type: FeedbackType
    public var priority: Priority
    public var whys: [String] = []
    public var handling: Handling?
    public var plan: String?
    public var owner: String?
    public var due: LocalDate?

    public init(date: LocalDate, channel: Channel, summary: String, type: FeedbackType, priority: Priority) {
        self.date = date
        self.channel = channel
        self.summary = summary
        self.type = type
        self.priority = priority
    }

    public func lines(chinese: Bool) -> [String] {
        let at = time.map { LocalDateTime(date: date, minutes: $0).description } ?? date.description
        var lines = ["### \(at) \(chinese ? channel.label : channel.rawValue) \(summary)"]
        func item(_ key: EntryKey, _ value: String) {
            lines.append("- \(chinese ? key.label : key.rawValue): \(value)")
        }
        item(.type, chinese ? type.label : type.rawValue)
        item(.priority, chinese ? priority.label : priority.rawValue)
        for why in whys { item(.why, why) }
        if let handling { item(.handling, chinese ? handling.label : handling.rawValue) }
        if let plan { item(.plan, plan) }
        if let owner { item(.owner, owner) }
        if let due { item(.due, due.description) }
        return lines
    }
}

extension Todo {
    /// `- [ ] 2024-03-07 发送案例 @王五` (`- [x]` when done), `- [ ] 2024-03-08 审核合同条款 @法务部 ^赵六`
    /// when someone asked for it.
    public var taskLine: String {
        var line = done ? "- [x] " : "- [ ] "
        if let date { line += date.description + " " }
        line += text
        if let owner, !owner.isEmpty { line += " @" + owner }
        if let requester, !requester.isEmpty { line += " ^" + requester }
        return line
    }
}

/// Checks on text that becomes one line of a log entry (a value, a counterpart, a summary)
/// or free lines under it (a note), so what is written reads back as what was meant.
public enum LogText {
    /// Why `text` cannot be the value of a `- key: value` line or a heading part, in both
    /// languages; nil when it can.
    public static func valueProblem(_ text: String) -> Phrase? {
        if text.trimmingSpaces.isEmpty { return Wording<LogText>.empty.phrase }
        if text.utf8.contains(where: { $0 == ASCII.lf || $0 == ASCII.cr }) { return Wording<LogText>.lineBreak.phrase }
        return nil
    }

    /// `valueProblem` in English.
    public static func problemAsValue(_ text: String) -> String? { valueProblem(text)?.en }

    /// Why free lines (a note) cannot be written as they are: a carriage return not followed by
    /// a line feed, which GitHub and other viewers show as a line break, so what follows it
    /// could pass for a new entry or key. nil when there is none.
    public static func linesProblem(_ text: String) -> Phrase? {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == ASCII.cr, byte != ASCII.lf { return Wording<LogText>.loneCarriageReturn.phrase }
            previous = byte
        }
        return previous == ASCII.cr ? Wording<LogText>.loneCarriageReturn.phrase : nil
    }

    /// `linesProblem` in English.
    public static func problemAsLines(_ text: String) -> String? { linesProblem(text)?.en }

    /// Why a note line would not stay a note (it would read as a heading, a fence, an entry
    /// key or a to-do); nil when it is fine.
    public static func noteProblem(_ line: String) -> Phrase? {
        var bytes = Substring(line).drop(while: { $0 == " " })
        if bytes.hasPrefix("#") { return Wording<LogText>.heading.phrase }
        if bytes.hasPrefix("```") || bytes.hasPrefix("~~~") { return Wording<LogText>.fence.phrase }
        if bytes.hasPrefix("- ") || bytes.hasPrefix("* ") {
            bytes = bytes.dropFirst(2).drop(while: { $0 == " " })
            if bytes.hasPrefix("[ ]") || bytes.hasPrefix("[x]") || bytes.hasPrefix("[X]") {
                return Wording<LogText>.taskItem.phrase
            }
            let key = bytes.prefix(while: { $0 != ":" && $0 != "：" && $0 != " " })
            if key.count < bytes.count, let entryKey = EntryKey(text: String(key)) {
                return Wording<LogText>.entryKey(entryKey).phrase
            }
        }
        return nil
    }

    /// `noteProblem` in English.
    public static func problemAsNote(_ line: String) -> String? { noteProblem(line)?.en }
}

extension EntryKey {
    /// The English key or its Chinese label, in any case.
    public init?(text: String) {
        if let key = EntryKey(rawValue: text.lowercased()) { self = key; return }
        guard let key = EntryKey.allCases.first(where: { $0.label == text }) else { return nil }
        self = key
    }
}

extension Wording where Of == LogText {
    public static let empty = Self("is empty", "是空的")
    public static let lineBreak = Self("has a line break (a value is one line)", "含有换行（值只能写一行）")
    public static let loneCarriageReturn = Self("has a carriage return (CR) without a line feed, which viewers show as a line break; break lines with a line feed (LF) only",
                                                "含有后面没有换行符的回车符（CR），查看器会把它显示成换行；换行请只用换行符（LF）")
    public static let heading = Self("starts with `#`, which would make it a heading", "以 `#` 开头，会变成标题")
    public static let fence = Self("starts a code fence", "会开始一个代码块")
    public static let taskItem = Self("is a task item; use --todo", "是一条待办；请用 --todo")

    public static func entryKey(_ key: EntryKey) -> Self {
        Self("reads as the entry key `\(key.rawValue)`; use --set \(key.rawValue)=..., --status, --next or --todo",
             "会被读成条目的键 `\(key.label)`（\(key.rawValue)）；请用 --set \(key.rawValue)=...、--status、--next 或 --todo")
    }
}

import LeadbookText

/// One customer file, read: the front-matter facts and the follow-up and feedback log.
///
/// A value that is missing or could not be read is nil here; the reason is a diagnostic.
public struct Customer: Sendable {
    public var id: String?
    public var name: String?
    public var kind: CustomerKind = .company
    public var industry: String?
    public var region: String?
    public var employees: Int?
    public var revenue: Double?
    public var source: String?
    /// `source_detail` as text, a list's items joined with `、` (what `show` and `export` print).
    public var sourceDetail: [(String, String)] = []
    /// The items of the `source_detail` values written as lists, by key (what JSON keeps as lists).
    public var sourceDetailLists: [String: [String]] = [:]
    public var sources: [SourceRecord] = []
    public var contacts: [Contact] = []
    public var needs: String?
    public var budget: Double?
    public var decisionBy: LocalDate?
    public var intent: Intent?
    public var score: Score?
    public var grade: Grade?
    public var tags: [String] = []
    public var owner: String?
    public var created: LocalDateTime?
    public var assigned: LocalDateTime?
    public var status: Status?
    public var next: LocalDate?
    public var plan: [PlanStep] = []
    public var deal: Deal?
    public var lostReason: String?
    public var mergedInto: String?
    /// Keys the schema does not know, kept as written (text of scalars; collections as "...").
    public var extra: [(String, String)] = []

    public var followUps: [FollowUp] = []
    public var feedback: [FeedbackEntry] = []

    public init() {}

    /// A tombstone left by `merge`: it stands for the customer it was merged into.
    public var isTombstone: Bool { mergedInto != nil }

    /// Still worked: neither won, lost nor merged into another customer.
    public var isOpen: Bool { !isTombstone && !(status?.isClosed ?? false) }
}

public struct Contact: Sendable, Equatable {
    public var name: String?
    public var title: String?
    public var phone: String?
    public var email: String?
    public var wechat: String?
    public var prefers: ContactPreference?
    public var role: ContactRole?
    public init() {}
}

/// The four sub-scores of the toolkit's section 2 and who reviewed them.
public struct Score: Sendable, Equatable {
    public var size: Int?
    public var budget: Int?
    public var urgency: Int?
    public var decision: Int?
    public var reviewedBy: String?
    public var reviewed: LocalDate?
    public init() {}

    /// The sum, when all four parts are present.
    public var total: Int? {
        guard let size, let budget, let urgency, let decision else { return nil }
        return size + budget + urgency + decision
    }
}

public struct Deal: Sendable, Equatable {
    public var amount: Double?
    public var closed: LocalDate?
    public init() {}
}

public struct SourceRecord: Sendable {
    public var source: String?
    public var date: LocalDate?
    /// The detail as text (a map as `key: value; ...`).
    public var detail: String?
    /// The detail when it is written as a map: each value its text or its list's items.
    public var detailMap: [(String, DetailValue)]?
    public init() {}
}

/// A value of a detail map: text, or the items of a list.
public enum DetailValue: Sendable {
    case text(String)
    case list([String])
}

public struct PlanStep: Sendable {
    public var stage: Stage?
    public var goal: String?
    public var channels: [Channel] = []
    public var points: String?
    public var due: LocalDate?
    /// `due` as written when it is not a date (the toolkit's "每周一", every Monday).
    public var dueText: String?
    /// The days of the week `dueText` comes back on, when it names them.
    public var weekly: WeeklyDays?
    public var owner: String?
    public var expected: String?
    public var fallback: String?
    public init() {}
}

/// One `### date [time] channel [counterpart]` entry of the follow-up log.
public struct FollowUp: Sendable {
    /// Byte offset of the `###` and one past the entry's last byte.
    public var start: Int
    public var end: Int
    public var line: Int
    public var date: LocalDate?
    /// Minutes after midnight, when a time was written.
    public var time: Int?
    public var channel: Channel?
    public var counterpart: String = ""
    public var facts: [(EntryKey, String)] = []
    public var mood: Mood?
    public var status: Status?
    public var next: LocalDate?
    public var todos: [Todo] = []

    public init(start: Int, line: Int) {
        self.start = start
        self.end = start
        self.line = line
    }

    public var moment: LocalDateTime? {
        date.map { LocalDateTime(date: $0, minutes: time ?? 0, hasTime: time != nil) }
    }

    public func fact(_ key: EntryKey) -> String? {
        facts.first(where: { $0.0 == key })?.1
    }
}

/// A to-do: `- todo: DATE TEXT @owner`, or a task item `- [ ] DATE TEXT @owner` (`- [x]` when done).
public struct Todo: Sendable, Equatable {
    public var date: LocalDate?
    public var text: String
    /// Who does it (`@name`).
    public var owner: String?
    public var done: Bool
    public var line: Int
    /// Who asked for it (`^name`), waiting for the owner.
    public var requester: String?
    /// Where the names are written: the byte offsets of `name` after `@` and after `^` in the
    /// file (nil when not read from one). Where a name is written is not what the to-do says,
    /// so two to-dos are equal without them.
    public var ownerAt: Int?
    public var requesterAt: Int?
    public init(date: LocalDate?, text: String, owner: String?, done: Bool, line: Int, requester: String? = nil) {
        self.date = date
        self.text = text
        self.owner = owner
        self.done = done
        self.line = line
        self.requester = requester
    }

    public static func == (a: Todo, b: Todo) -> Bool {
        a.date == b.date && a.text == b.text && a.owner == b.owner && a.done == b.done && a.line == b.line && a.requester == b.requester
    }
}

/// One `### date channel summary` entry of the feedback log (the toolkit, section 5).
public struct FeedbackEntry: Sendable {
    public var start: Int
    public var end: Int
    public var line: Int
    public var date: LocalDate?
    public var time: Int?
    public var channel: Channel?
    public var summary: String = ""
    public var type: FeedbackType?
    public var priority: Priority?
    public var whys: [String] = []
    public var handling: Handling?
    public var plan: String?
    public var owner: String?
    /// The byte offset of the owner's name (the value of `- owner:`) in the file.
    public var ownerAt: Int?
    public var due: LocalDate?
    public var resolved: LocalDate?
    public var confirmed: LocalDate?
    public var confirmation: String?
    /// The customer's satisfaction with how it was handled, 1 (very dissatisfied) to 5 (very
    /// satisfied), recorded with the confirmation (`- satisfaction: 4`).
    public var satisfaction: Int?
    /// The keys of the lines with a value read so far (`LogReader`), one bit per feedback key:
    /// a key that holds one value (all but `why`) written twice is a `duplicate-key`.
    public var keysWritten: UInt16 = 0

    public init(start: Int, line: Int) {
        self.start = start
        self.end = start
        self.line = line
    }
}

/// The keys of `- key: value` lines in log entries, with their Chinese spellings.
public enum EntryKey: String, Sendable, CaseIterable {
    // Follow-ups.
    case background, pain, need, value, change, feedback, decision, mood, status, todo, next
    // Follow-ups, for the weekly report: a risk to the conversion, and the help the rep needs.
    case risk, help
    // Feedback.
    case type, priority, why, handling, plan, owner, due, resolved, confirmed
    // Feedback: the customer's satisfaction (1-5), recorded with the confirmation.
    case satisfaction

    public var label: String {
        switch self {
        case .background: return "背景"
        case .pain: return "难点"
        case .need: return "需求"
        case .value: return "价值"
        case .change: return "变化"
        case .feedback: return "反馈"
        case .decision: return "决策进展"
        case .mood: return "情绪"
        case .status: return "状态"
        case .todo: return "待办"
        case .next: return "下次跟进"
        case .risk: return "风险"
        case .help: return "需要支持"
        case .type: return "类型"
        case .priority: return "优先级"
        case .why: return "原因"
        case .handling: return "处理方式"
        case .plan: return "处理方案"
        case .owner: return "负责人"
        case .due: return "完成时限"
        case .resolved: return "已解决"
        case .confirmed: return "客户确认"
        case .satisfaction: return "满意度"
        }
    }

    /// What reps write for a key that is none of its spellings (`决策` for 决策进展): not read
    /// as the key (the line stays a note), but the "did you mean" of `unknown-entry-key` and
    /// of `log --set`.
    public static let synonyms: [String: EntryKey] = [
        "客户背景": .background, "背景信息": .background, "基本情况": .background,
        "痛点": .pain, "难题": .pain, "困难": .pain,
        "客户需求": .need, "需要": .need, "诉求": .need,
        "价值点": .value, "客户价值": .value,
        "新变化": .change, "变动": .change,
        "客户反馈": .feedback, "反馈意见": .feedback,
        "决策": .decision, "决策情况": .decision, "决策进度": .decision, "决策流程": .decision,
        "心情": .mood, "态度": .mood, "客户态度": .mood, "客户情绪": .mood,
        "客户状态": .status,
        "待办事项": .todo, "任务": .todo,
        "下次联系": .next, "下一次跟进": .next, "下次跟进时间": .next,
        "转化风险": .risk, "风险点": .risk, "隐患": .risk,
        "支持": .help, "需要帮助": .help, "求助": .help, "协助": .help,
        "反馈类型": .type, "类别": .type,
        "优先": .priority, "紧急程度": .priority,
        "原因分析": .why,
        "处理": .handling, "处理办法": .handling, "解决方式": .handling,
        "方案": .plan, "解决方案": .plan,
        "处理人": .owner, "责任人": .owner,
        "期限": .due, "截止日期": .due, "截止时间": .due,
        "解决": .resolved, "已处理": .resolved,
        "确认": .confirmed, "已确认": .confirmed,
        "客户满意度": .satisfaction, "满意程度": .satisfaction, "满意": .satisfaction,
    ]

    /// The synonyms as UTF-8 bytes, for the reader, which has the key's bytes.
    static let synonymBytes: [([UInt8], EntryKey)] = synonyms.map { (Array($0.key.utf8), $0.value) }

    /// The key a synonym spelled by `bytes[range]` means, if any.
    public static func synonym(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> EntryKey? {
        candidates: for (spelling, key) in synonymBytes where spelling.count == range.count {
            var index = range.lowerBound
            for byte in spelling {
                if bytes[index] != byte { continue candidates }
                index += 1
            }
            return key
        }
        return nil
    }

    /// The key of `keys` that `text` most likely means: a synonym (`决策`), or a near spelling
    /// of the English key or the Chinese label (`descision`); nil when none is near.
    public static func nearest(to text: String, among keys: [EntryKey]) -> EntryKey? {
        if let meant = synonyms[text.trimmingSpaces], keys.contains(meant) { return meant }
        let spellings = keys.flatMap { [$0.rawValue, $0.label] }
        guard let near = Suggestion.closest(to: text, among: spellings) else { return nil }
        return keys.first { $0.rawValue == near || $0.label == near }
    }

    /// The key with its Chinese spelling: `decision (决策进展)`.
    public var withLabel: String { "\(rawValue) (\(label))" }

    public static let followUpKeys: [EntryKey] = [.background, .pain, .need, .value, .change, .feedback, .decision, .mood, .status, .todo, .next,
                                                  .risk, .help]
    public static let feedbackKeys: [EntryKey] = [.type, .priority, .why, .handling, .plan, .owner, .due, .resolved, .confirmed,
                                                  .satisfaction]

    /// The English key and the Chinese label as UTF-8 bytes, grouped by length for lookup
    /// without allocating.
    public static let byLength: [[([UInt8], EntryKey)]] = {
        var table = [[([UInt8], EntryKey)]](repeating: [], count: 25)
        for key in allCases {
            for spelling in [key.rawValue, key.label] {
                let bytes = Array(spelling.utf8)
                if bytes.count < table.count { table[bytes.count].append((bytes, key)) }
            }
        }
        return table
    }()

    /// Whether the key belongs in a follow-up (`followUpKeys`); the others belong in feedback.
    @inline(__always) public var isFollowUpKey: Bool {
        switch self {
        case .background, .pain, .need, .value, .change, .feedback, .decision, .mood, .status, .todo, .next, .risk, .help: return true
        case .type, .priority, .why, .handling, .plan, .owner, .due, .resolved, .confirmed: return false
        case .satisfaction: return false
        }
    }

    /// Every spelling's bytes one after another, and where each is: (length, offset, key),
    /// ordered by length, with `firstOfLength[n]` the first entry of length `n`. The reader
    /// matches a log line's key against it without touching an array per spelling.
    public static let spellingBytes: [UInt8] = spellings.flatMap(\.bytes)
    public static let spellingEntries: [(length: Int, offset: Int, key: EntryKey)] = {
        var offset = 0
        return spellings.map { spelling in
            defer { offset += spelling.bytes.count }
            return (spelling.bytes.count, offset, spelling.key)
        }
    }()
    public static let firstOfLength: [Int] = (0...byLength.count).map { length in
        spellings.firstIndex { $0.bytes.count >= length } ?? spellings.count
    }
    static let spellings: [(bytes: [UInt8], key: EntryKey)] = byLength.flatMap { $0.map { (bytes: $0.0, key: $0.1) } }

    /// The key spelled by `bytes[range]` (ASCII compared without case), if any: `matching`
    /// on a buffer.
    public static func matching(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> EntryKey? {
        let count = range.count
        guard count > 0, count + 1 < firstOfLength.count else { return nil }
        return firstOfLength.withUnsafeBufferPointer { first in
            spellingEntries.withUnsafeBufferPointer { entries in
                spellingBytes.withUnsafeBufferPointer { spelled in
                    candidates: for entry in first[count]..<first[count + 1] {
                        let offset = entries[entry].offset
                        for index in 0..<count where ASCII.lowercased(bytes[range.lowerBound + index]) != spelled[offset + index] {
                            continue candidates
                        }
                        return entries[entry].key
                    }
                    return nil
                }
            }
        }
    }

    /// The key spelled by `bytes` (ASCII compared without case), if any.
    public static func matching<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> EntryKey? where Bytes.Element == UInt8 {
        let count = bytes.count
        guard count > 0, count < byLength.count else { return nil }
        candidates: for (spelling, key) in byLength[count] {
            var index = bytes.startIndex
            for byte in spelling {
                if ASCII.lowercased(bytes[index]) != byte { continue candidates }
                bytes.formIndex(after: &index)
            }
            return key
        }
        return nil
    }
}

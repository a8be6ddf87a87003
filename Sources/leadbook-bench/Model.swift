/// The seven statuses of the seed, in funnel order, with their Chinese labels.
enum Status: Int, Comparable {
    case untouched, contacted, qualified, proposal, negotiation, won, lost

    var english: String {
        ["untouched", "contacted", "qualified", "proposal", "negotiation", "won", "lost"][rawValue]
    }
    var chinese: String {
        ["未接触", "初步接洽", "需求明确", "方案提交", "商务谈判", "成交", "流失"][rawValue]
    }
    var isOpen: Bool { self != .won && self != .lost }

    static func < (lhs: Status, rhs: Status) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Follow-up channels: the English value and the Chinese label.
enum Channels {
    static let english = ["phone", "email", "meeting", "video", "wechat", "visit", "message"]
    static let chinese = ["电话", "邮件", "面谈", "线上会议", "微信", "拜访", "短信"]
    static let phone = 0, email = 1, meeting = 2, video = 3, wechat = 4, visit = 5, message = 6
}

/// Log keys: English key and the accepted Chinese spelling.
enum LogKey: Int {
    case background, pain, need, value, change, feedback, decision, mood, status, todo, next
    var english: String {
        ["background", "pain", "need", "value", "change", "feedback", "decision", "mood", "status", "todo", "next"][rawValue]
    }
    var chinese: String {
        ["背景", "难点", "需求", "价值", "变化", "反馈", "决策进展", "情绪", "状态", "待办", "下次跟进"][rawValue]
    }
}

struct Person {
    var name: String
    var surnamePinyin: String
    var givenPinyin: String
    var title: String
    var phone: String?
    var email: String?
    var wechat: String?
    var prefers: String
    var role: String?
}

/// What kind of contact a log entry records.
enum EntryKind {
    case first, noAnswer, regular, won, lost, afterSale
}

struct Todo {
    var day: Int
    var text: String
    var owner: Int
    var done: Bool
}

struct Entry {
    var kind: EntryKind = .regular
    var day: Int = 0
    /// Minute of the day, when the entry has a time.
    var time: Int?
    var channel: Int = 0
    var counterparts: [Int] = []
    /// The status this contact moved the customer to, if any.
    var status: Status?
    /// The status in effect after this entry.
    var phase: Status = .contacted
    var next: Int?
    var todos: [Todo] = []
    /// Index into `feedbackItems` when this contact raised a feedback entry.
    var feedback: Int?
}

struct FeedbackItem {
    var day: Int
    var channel: Int
    var template: Int
    var summary: String
    var handling: String
    var lost: Bool
}

import LeadbookText

/// A closed set of values with their Chinese labels: statuses, channels, moods and the rest.
///
/// Files may use the English value or the Chinese label; both read as the same value, and a
/// rewrite keeps whichever the file used.
public protocol Vocabulary: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// The rule reported for a value outside the set (`UnknownStatus` for `Status`).
    associatedtype UnknownRule: UnknownValueRule where UnknownRule.Value == Self
    /// The Chinese label (simplified).
    var label: String { get }
    /// Further accepted spellings.
    static var aliases: [String: Self] { get }
    /// What reps write for a value that is none of its spellings (`谈判中` for negotiation),
    /// ASCII in lower case: not accepted (the file stays as written and `check` reports it),
    /// but the "did you mean" of the unknown value (`Vocabulary.hint(for:)`).
    static var synonyms: [String: Self] { get }
    /// Every accepted spelling (value, label, alias) to its value; built once per type with
    /// `makeTextTable()`.
    static var textTable: [String: Self] { get }
    /// The same spellings as UTF-8 bytes grouped by length (`makeByteTable()`), to read a
    /// value straight from a file's bytes.
    static var byteTable: [[([UInt8], Self)]] { get }
}

extension Vocabulary {
    public static var aliases: [String: Self] { [:] }
    public static var synonyms: [String: Self] { [:] }

    /// How the value is shown to a person: the Chinese label in Chinese (展会), the English value
    /// in English (exhibition).
    public func label(in language: Language) -> String {
        language == .zhCN ? label : rawValue
    }

    /// Reads the English value, the Chinese label or an alias.
    public init?(text: String) {
        var text = text
        guard let value = text.withUTF8({ Self.matching($0, 0..<$0.count) }) else { return nil }
        self = value
    }

    /// The value spelled by `bytes[range]`, if any.
    public static func matching(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Self? {
        let count = range.count
        guard count < byteTable.count else { return nil }
        candidates: for (spelling, value) in byteTable[count] {
            var index = range.lowerBound
            for byte in spelling {
                if bytes[index] != byte { continue candidates }
                index += 1
            }
            return value
        }
        return nil
    }

    public static func makeByteTable() -> [[([UInt8], Self)]] {
        var table = [[([UInt8], Self)]](repeating: [], count: 40)
        for (text, value) in textTable where text.utf8.count < table.count {
            table[text.utf8.count].append((Array(text.utf8), value))
        }
        return table
    }

    public static func makeTextTable() -> [String: Self] {
        var table = aliases
        for value in allCases {
            table[value.rawValue] = value
            table[value.label] = value
        }
        return table
    }
}

/// The seven statuses of the toolkit, in funnel order.
public enum Status: String, Vocabulary, Comparable {
    case untouched, contacted, qualified, proposal, negotiation, won, lost
    public static let textTable = makeTextTable()
    public static let byteTable = makeByteTable()
    public typealias UnknownRule = UnknownStatus
    public var label: String {
        switch self {
        case .untouched: return "未接触"
        case .contacted: return "初步接洽"
        case .qualified: return "需求明确"
        case .proposal: return "方案提交"
        case .negotiation: return "商务谈判"
        case .won: return "成交"
        case .lost: return "流失"
        }
    }
    /// Position in the funnel; won and lost are both the end.
    public var rank: Int {
        switch self {
        case .untouched: return 0
        case .contacted: return 1
        case .qualified: return 2
        case .proposal: return 3
        case .negotiation: return 4
        case .won, .lost: return 5
        }
    }
    public var isClosed: Bool { self == .won || self == .lost }
    public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }
    public static let synonyms: [String: Status] = [
        "未联系": .untouched, "待联系": .untouched, "未跟进": .untouched, "新线索": .untouched, "新客户": .untouched, "未开始": .untouched,
        "new": .untouched,
        "接洽": .contacted, "已接洽": .contacted, "接洽中": .contacted, "已联系": .contacted, "已接触": .contacted, "初步接触": .contacted,
        "初步沟通": .contacted, "初次接触": .contacted, "已沟通": .contacted, "contact": .contacted,
        "需求确认": .qualified, "需求已确认": .qualified, "需求已明确": .qualified, "明确需求": .qualified, "需求清晰": .qualified,
        "意向明确": .qualified, "qualify": .qualified,
        "方案": .proposal, "提交方案": .proposal, "已提交方案": .proposal, "方案已提交": .proposal, "方案阶段": .proposal,
        "报价": .proposal, "已报价": .proposal, "报价中": .proposal, "方案报价": .proposal, "quote": .proposal, "quoted": .proposal,
        "谈判": .negotiation, "谈判中": .negotiation, "商务洽谈": .negotiation, "洽谈": .negotiation, "洽谈中": .negotiation,
        "商谈": .negotiation, "议价": .negotiation, "价格谈判": .negotiation, "合同谈判": .negotiation, "negotiating": .negotiation,
        "已成交": .won, "签约": .won, "已签约": .won, "签单": .won, "已签单": .won, "成单": .won, "赢单": .won, "签合同": .won,
        "deal": .won, "closed": .won, "signed": .won,
        "丢单": .lost, "已丢单": .lost, "输单": .lost, "已流失": .lost, "失败": .lost, "放弃": .lost, "已放弃": .lost, "关闭": .lost,
        "已关闭": .lost, "lose": .lost,
    ]
}

public enum Channel: String, Vocabulary {
    case phone, email, meeting, video, wechat, visit, message
    public static let textTable = makeTextTable()
    public static let byteTable = makeByteTable()
    public typealias UnknownRule = UnknownChannel
    public var label: String {
        switch self {
        case .phone: return "电话"
        case .email: return "邮件"
        case .meeting: return "面谈"
        case .video: return "线上会议"
        case .wechat: return "微信"
        case .visit: return "拜访"
        case .message: return "短信"
        }
    }
    public static let aliases: [String: Channel] = ["电话回访": .phone, "视频会议": .video, "面谈沟通": .meeting, "邮件反馈": .email]
    public static let synonyms: [String: Channel] = [
        "打电话": .phone, "电话沟通": .phone, "电联": .phone, "致电": .phone, "来电": .phone, "通话": .phone, "手机": .phone, "call": .phone,
        "电邮": .email, "邮箱": .email, "电子邮件": .email, "发邮件": .email, "mail": .email, "e-mail": .email,
        "见面": .meeting, "会面": .meeting, "面聊": .meeting, "当面沟通": .meeting, "开会": .meeting, "会议": .meeting,
        "视频": .video, "视频通话": .video, "腾讯会议": .video, "钉钉会议": .video, "线上": .video, "网络会议": .video, "zoom": .video,
        "微信沟通": .wechat, "微信聊天": .wechat, "企业微信": .wechat, "企微": .wechat, "加微信": .wechat, "vx": .wechat, "weixin": .wechat,
        "上门": .visit, "上门拜访": .visit, "实地拜访": .visit, "走访": .visit, "登门拜访": .visit, "拜访客户": .visit,
        "发短信": .message, "信息": .message, "消息": .message, "sms": .message, "text": .message,
    ]
}

public enum Mood: String, Vocabulary {
    case positive, hesitant, resistant
    public static let textTable = makeTextTable()
    public static let byteTable = makeByteTable()
    public typealias UnknownRule = UnknownMood
    public var label: String {
        switch self {
        case .positive: return "积极"
        case .hesitant: return "犹豫"
        case .resistant: return "抵触"
        }
    }
    public static let synonyms: [String: Mood] = [
        "满意": .positive, "很积极": .positive, "感兴趣": .positive, "有兴趣": .positive, "认可": .positive, "乐观": .positive,
        "热情": .positive, "正面": .positive, "积极配合": .positive, "good": .positive,
        "观望": .hesitant, "犹豫不决": .hesitant, "纠结": .hesitant, "考虑中": .hesitant, "还在考虑": .hesitant, "不确定": .hesitant,
        "中立": .hesitant, "一般": .hesitant, "待定": .hesitant, "neutral": .hesitant,
        "拒绝": .resistant, "排斥": .resistant, "抗拒": .resistant, "反感": .resistant, "不感兴趣": .resistant, "冷淡": .resistant,
        "消极": .resistant, "负面": .resistant, "不满": .resistant, "negative": .resistant,
    ]
}

public enum FeedbackType: String, Vocabulary {
    case product, price, service, decision
    public static let textTable = makeTextTable()
    public static let byteTable = makeByteTable()
    public typealias UnknownRule = UnknownFeedbackType
    public var label: String {
        switch self {
        case .product: return "产品"
        case .price: return "价格"
        case .service: return "服务"
        case .decision: return "决策"
        }
    }
    public static let aliases: [String: FeedbackType] = ["产品/服务类": .product, "价格类": .price, "服务类": .service, "决策类": .decision]
    public static let synonyms: [String: FeedbackType] = [
        "功能": .product, "质量": .product, "产品问题": .product, "报价": .price, "费用": .price, "成本": .price, "太贵": .price,
        "售后": .service, "服务问题": .service, "交付": .service, "审批": .decision, "流程": .decision, "决策流程": .decision,
    ]
}

public enum Priority: String, Vocabulary {
    case high, medium, low
    public static let textTable = makeTextTable()
    public static let byteTable = makeByteTable()
    public typealias UnknownRule = UnknownPriority
    public var label: String {
        switch self {
        case .high: return "高"
        case .medium: return "中"
        case .low: return "低"
        }
    }
    public static let synonyms: [String: Priority] = [
        "紧急": .high, "很急": .high, "急": .high, "重要": .high, "高优先级": .high,
        "一般": .medium, "普通": .medium, "中等": .medium, "正常": .medium, "normal": .medium,
        "不急": .low, "低优先级": .low, "次要": .low,
    ]
}

public enum Handling: String, Vocabulary {
    case fix, negotiate, decline
    public static let textTable = makeTextTable()
    public static let byteTable = makeByteTable()
    public typealias UnknownRule = UnknownHandling
    public var label: String {
        switch self {
        case .fix: return "立即解决"
        case .negotiate: return "协商解决"
        case .decline: return "无法解决"
        }
    }
    public static let synonyms: [String: Handling] = [
        "马上解决": .fix, "马上处理": .fix, "立即处理": .fix, "已解决": .fix, "协商": .negotiate, "商量": .negotiate, "沟通解决": .negotiate,
        "无法处理": .decline, "拒绝": .decline, "不处理": .decline, "解决不了": .decline,
    ]
}

public enum Stage: String, Vocabulary {
    case initialContact = "initial-contact"
    case needsDeepening = "needs-deepening"
    case solutionComparison = "solution-comparison"
    case negotiation
    case nurture
    public static let textTable = makeTextTable()
    public static let byteTable = makeByteTable()
    public typealias UnknownRule = UnknownStage
    public var label: String {
        switch self {
        case .initialContact: return "初步接洽"
        case .needsDeepening: return "需求深化"
        case .solutionComparison: return "方案对比"
        case .negotiation: return "商务谈判"
        case .nurture: return "培育"
        }
    }
    public static let aliases: [String: Stage] = ["培育阶段": .nurture]
    public static let synonyms: [String: Stage] = [
        "初次接洽": .initialContact, "初步接触": .initialContact, "接洽": .initialContact, "需求挖掘": .needsDeepening, "需求分析": .needsDeepening,
        "方案比较": .solutionComparison, "方案比选": .solutionComparison, "谈判": .negotiation, "谈判中": .negotiation, "培养": .nurture, "长期培育": .nurture,
    ]
}

public enum ContactRole: String, Vocabulary {
    case decisionMaker = "decision-maker"
    case influencer, user, gatekeeper
    public static let textTable = makeTextTable()
    public static let byteTable = makeByteTable()
    public typealias UnknownRule = UnknownContactRole
    public var label: String {
        switch self {
        case .decisionMaker: return "决策人"
        case .influencer: return "影响者"
        case .user: return "使用者"
        case .gatekeeper: return "把关人"
        }
    }
    public static let synonyms: [String: ContactRole] = [
        "决策者": .decisionMaker, "拍板人": .decisionMaker, "老板": .decisionMaker, "决策": .decisionMaker,
        "影响人": .influencer, "推荐人": .influencer, "用户": .user, "使用人": .user, "最终用户": .user,
        "守门人": .gatekeeper, "前台": .gatekeeper, "秘书": .gatekeeper, "助理": .gatekeeper,
    ]
}

public enum ContactPreference: String, Vocabulary {
    case phone, email, meeting, wechat
    public static let textTable = makeTextTable()
    public static let byteTable = makeByteTable()
    public typealias UnknownRule = UnknownPreference
    public var label: String {
        switch self {
        case .phone: return "电话"
        case .email: return "邮件"
        case .meeting: return "面谈"
        case .wechat: return "微信"
        }
    }
}

public enum CustomerKind: String, Vocabulary {
    case company, person
    public static let textTable = makeTextTable()
    public static let byteTable = makeByteTable()
    public typealias UnknownRule = UnknownKind
    public var label: String { self == .company ? "企业" : "个人" }
}

/// The grade derived from the score (S best).
public enum Grade: String, Vocabulary, Comparable {
    case S, A, B, C
    public static let textTable = makeTextTable()
    public static let byteTable = makeByteTable()
    public typealias UnknownRule = UnknownGrade
    public var label: String { rawValue + "级" }
    public var order: Int { [Grade.S, .A, .B, .C].firstIndex(of: self)! }
    public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.order < rhs.order }
}

/// The initial intent level of a lead (the toolkit, section 1).
public enum Intent: String, Vocabulary {
    case A, B, C
    public static let textTable = makeTextTable()
    public static let byteTable = makeByteTable()
    public typealias UnknownRule = UnknownIntent
    public var label: String { rawValue + "级" }
}

public enum TeamRole: String, Vocabulary {
    case manager, senior, junior
    public static let textTable = makeTextTable()
    public static let byteTable = makeByteTable()
    public typealias UnknownRule = UnknownTeamRole
    public var label: String {
        switch self {
        case .manager: return "销售经理"
        case .senior: return "资深销售"
        case .junior: return "新人销售"
        }
    }
}

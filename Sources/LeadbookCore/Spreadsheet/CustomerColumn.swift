import LeadbookText

/// The columns of a customer table, as `export` writes them and `import` reads them back: the
/// English field name (for `--fields` and JSON keys) and the Chinese header, the toolkit's
/// capture-table name where it has one.
public enum CustomerColumn: String, CaseIterable, Sendable {
    case id, name, kind, industry, region, employees, revenue
    case source
    case sourceDetail = "source_detail"
    case sources
    case contact, title, phone, email, wechat, contacts
    case needs, budget
    case decisionBy = "decision_by"
    case intent, score, grade, tags, owner, created, assigned, status, next
    case lastContact = "last_contact"
    case followUps = "follow_ups"
    case dealAmount = "deal_amount"
    case dealClosed = "deal_closed"
    case lostReason = "lost_reason"
    case completeness, file

    public var label: String {
        switch self {
        case .id: return "线索编号"
        case .name: return "企业名称"
        case .kind: return "客户类型"
        case .industry: return "所属行业"
        case .region: return "区域"
        case .employees: return "员工数"
        case .revenue: return "年营收"
        case .source: return "来源渠道"
        case .sourceDetail: return "来源详情"
        case .sources: return "其他来源"
        case .contact: return "联系人"
        case .title: return "职位"
        case .phone: return "电话"
        case .email: return "邮箱"
        case .wechat: return "微信"
        case .contacts: return "全部联系人"
        case .needs: return "需求关键词"
        case .budget: return "预算"
        case .decisionBy: return "决策时间"
        case .intent: return "初步意向等级"
        case .score: return "评分"
        case .grade: return "线索等级"
        case .tags: return "标签"
        case .owner: return "负责人"
        case .created: return "获取时间"
        case .assigned: return "分配时间"
        case .status: return "客户状态"
        case .next: return "下次跟进"
        case .lastContact: return "最近跟进"
        case .followUps: return "跟进次数"
        case .dealAmount: return "成交金额"
        case .dealClosed: return "成交日期"
        case .lostReason: return "流失原因"
        case .completeness: return "信息完整度"
        case .file: return "文件"
        }
    }

    /// What the column holds, for `export --help` and the docs.
    public var summary: String {
        switch self {
        case .id: return "customer id"
        case .name: return "company or person name"
        case .kind: return "company or person"
        case .industry, .region, .employees, .revenue, .needs, .budget, .owner, .tags: return "the field of the same name"
        case .source: return "first channel"
        case .sourceDetail: return "source_detail as `key: value; ...`"
        case .sources: return "further channels as `source date detail; ...`"
        case .contact: return "first contact's name"
        case .title, .phone, .email, .wechat: return "first contact's \(rawValue)"
        case .contacts: return "every contact, one per line"
        case .decisionBy: return "expected decision date"
        case .intent: return "initial intent A/B/C"
        case .score: return "score total (size+budget+urgency+decision)"
        case .grade: return "grade S/A/B/C as written"
        case .created: return "when the lead was captured"
        case .assigned: return "when an owner was set"
        case .status: return "status"
        case .next: return "next follow-up date (derived from the log when not written)"
        case .lastContact: return "date of the last follow-up entry"
        case .followUps: return "number of follow-up entries"
        case .dealAmount, .dealClosed: return "deal \(rawValue.dropFirst(5))"
        case .lostReason: return "why the customer was lost"
        case .completeness: return "complete / mostly / incomplete"
        case .file: return "the customer's file, relative to the workspace"
        }
    }

    /// The columns `export` writes when `--fields` is not given.
    public static let defaults: [CustomerColumn] = [
        .id, .name, .source, .industry, .region, .contact, .title, .phone, .email, .needs, .budget, .intent, .grade,
        .status, .owner, .created, .next,
    ]

    /// The field `import` fills from this column; nil for the columns leadbook computes or
    /// keeps itself (an exported table can be imported again: those columns are ignored).
    public var leadField: LeadField? {
        switch self {
        case .id: return .id
        case .name: return .name
        case .kind: return .kind
        case .industry: return .industry
        case .region: return .region
        case .employees: return .employees
        case .revenue: return .revenue
        case .source: return .source
        case .contact: return .contact
        case .title: return .title
        case .phone: return .phone
        case .email: return .email
        case .wechat: return .wechat
        case .needs: return .needs
        case .budget: return .budget
        case .decisionBy: return .decisionBy
        case .intent: return .intent
        case .owner: return .owner
        case .created: return .created
        case .status: return .status
        default: return nil
        }
    }

    /// A column by its English name or its Chinese header.
    public init?(header: String) {
        if let column = CustomerColumn(rawValue: header) { self = column; return }
        guard let column = CustomerColumn.allCases.first(where: { $0.label == header }) else { return nil }
        self = column
    }
}

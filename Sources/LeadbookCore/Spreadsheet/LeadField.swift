import LeadbookText

/// What a column of an imported sheet holds: a field of a new customer file.
public enum LeadField: Hashable, Sendable {
    /// 序号: the sheet's own row number; not kept.
    case number
    /// A top-level field a column holds the value of (`CustomerField`'s `imports`).
    case field(CustomerField)
    /// A `source_detail` key (booth, minutes, referrer, ...).
    case sourceDetail(String)
    /// The first contact: name, title, phone, email, wechat; `contactInfo` is 联系方式, a
    /// phone number and/or an email in one cell.
    case contact, title, contactInfo, phone, email, wechat
    /// 备注: free text under the customer's heading (several columns may be notes).
    case note
    /// A key listed under `extra_fields` in leadbook.yml.
    case extra(String)
    /// Not imported (`--map COLUMN=ignore`, or a column leadbook computes itself).
    case ignore

    /// The name used by `--map COLUMN=FIELD` and in messages.
    public var name: String {
        switch self {
        case .number: return "no"
        case .field(let field): return field.key
        case .sourceDetail(let key): return "source_detail." + key
        case .contact: return "contact"
        case .title: return "title"
        case .contactInfo: return "contact_info"
        case .phone: return "phone"
        case .email: return "email"
        case .wechat: return "wechat"
        case .note: return "note"
        case .extra(let key): return key
        case .ignore: return "ignore"
        }
    }

    /// Fields a sheet may fill once (two columns for `note` are fine; two for `name` are not).
    public var isSingle: Bool {
        switch self {
        case .note, .ignore, .number: return false
        default: return true
        }
    }

    /// The fields of one column each, in the order of the record format's fields.
    public static let plain: [LeadField] = {
        var fields: [LeadField] = [.number]
        for field in CustomerField.allCases {
            switch field.definition.imports {
            case .value?: fields.append(.field(field))
            case .parts(let parts)?: fields += parts
            case nil: break
            }
        }
        return fields + [.note, .ignore]
    }()

    /// `source_detail` keys by source (the toolkit's fields for trade shows, web forms and referrals).
    public static let sourceDetailKeys: [String: [String]] = CustomerReader.detailKeys

    /// Every name `--map` accepts, for help and hints.
    public static func names(_ configuration: Configuration) -> [String] {
        var names = plain.map(\.name)
        var detail = Set<String>()
        for keys in sourceDetailKeys.values { detail.formUnion(keys) }
        names += detail.sorted().map { "source_detail." + $0 }
        names += configuration.extraFields.sorted()
        return names
    }

    /// The field named `name` in `--map COLUMN=FIELD`.
    public init?(name: String, configuration: Configuration) {
        if let field = LeadField.plain.first(where: { $0.name == name }) { self = field; return }
        if name.hasPrefix("source_detail.") {
            let key = String(name.dropFirst("source_detail.".count))
            guard LeadField.sourceDetailKeys.values.contains(where: { $0.contains(key) }) else { return nil }
            self = .sourceDetail(key)
            return
        }
        if configuration.extraFields.contains(name) { self = .extra(name); return }
        return nil
    }

    /// The field a sheet's header names: English field names (any case, spaces for
    /// underscores), the toolkit's capture-table headers, the headers `export` writes, and a few
    /// common synonyms. A note in brackets after the header is ignored: `备注(如展会号、推荐人等)`.
    public static func recognize(header: String, configuration: Configuration) -> LeadField? {
        let key = normalizedHeader(header)
        if let field = headers[key] { return field }
        if let field = LeadField(name: key, configuration: configuration) { return field }
        if let column = CustomerColumn(header: key) { return column.leadField ?? .ignore }
        return nil
    }

    /// Trimmed, without a bracketed note at the end, ASCII lower-cased, spaces and dashes as `_`.
    public static func normalizedHeader(_ header: String) -> String {
        var text = header.trimmingSpreadsheetSpaces
        for (open, close) in [("(", ")"), ("（", "）")] as [(Character, Character)] where text.last == close {
            if let start = text.lastIndex(of: open), start != text.startIndex {
                text = String(text[..<start]).trimmingSpreadsheetSpaces
                break
            }
        }
        return String(text.unicodeScalars.map { scalar -> Character in
            if scalar == " " || scalar == "-" { return "_" }
            if scalar.value >= 0x41 && scalar.value <= 0x5A { return Character(Unicode.Scalar(scalar.value + 0x20)!) }
            return Character(scalar)
        })
    }

    /// Headers of columns that are not a field's value (the fields' own are their `aliases`).
    public static let otherHeaders: [String: LeadField] = [
        // The toolkit's capture table (工具模板：线索获取与筛选表).
        "序号": .number, "联系人": .contact, "职位": .title, "联系方式": .contactInfo, "信息完整度": .ignore, "备注": .note,
        // Other Chinese headers.
        "联系人姓名": .contact, "电话": .phone, "手机": .phone, "手机号": .phone, "联系电话": .phone, "邮箱": .email, "电子邮箱": .email,
        "邮件": .email,
        "展位号": .sourceDetail("booth"), "互动时长": .sourceDetail("minutes"), "关注产品": .sourceDetail("products"),
        "留资原因": .sourceDetail("reason"), "展会名称": .sourceDetail("event"), "访问页面": .sourceDetail("page"),
        "推荐人": .sourceDetail("referrer"), "与客户的关系": .sourceDetail("relation"), "推荐场景": .sourceDetail("scene"),
        // English synonyms.
        "#": .number, "contact_name": .contact, "position": .title, "mobile": .phone, "tel": .phone, "e_mail": .email, "notes": .note,
        "remark": .note, "remarks": .note, "booth": .sourceDetail("booth"), "minutes": .sourceDetail("minutes"),
        "products": .sourceDetail("products"), "reason": .sourceDetail("reason"), "event": .sourceDetail("event"),
        "page": .sourceDetail("page"), "referrer": .sourceDetail("referrer"), "relation": .sourceDetail("relation"),
        "scene": .sourceDetail("scene"),
    ]

    /// Every header `recognize` looks up first: the fields' aliases and the other headers.
    public static let headers: [String: LeadField] = {
        var headers = otherHeaders
        for field in CustomerField.allCases {
            guard case .value(let aliases)? = field.definition.imports else { continue }
            for alias in aliases {
                precondition(headers[alias] == nil, "the header \(alias) names two fields")
                headers[alias] = .field(field)
            }
        }
        return headers
    }()
}

extension String {
    /// Without leading and trailing spaces, tabs, line breaks and ideographic spaces.
    public var trimmingSpreadsheetSpaces: String {
        let scalars = unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{3000}" || scalar == "\u{A0}"
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }
}

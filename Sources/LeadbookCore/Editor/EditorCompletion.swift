import LeadbookText

/// What an editor offers at the cursor in a customer file: the front matter's keys (the
/// field's Chinese label beside each), the values of a closed set after its key (English
/// values and Chinese labels, both of which files may use), team members after `owner:` and
/// `@`, channels in an entry heading, entry keys after `- ` in an entry, and today's date (or
/// date and time) where a date goes. The editor filters them by what the rep typed; each item
/// replaces the word at the cursor (`range`).
public enum EditorCompletion {
    public struct Item: Sendable, Equatable {
        public var label: String
        public var detail: String?
        public var insertText: String
        public var kind: Kind
        /// The text the item replaces (the word at the cursor); nil: none, insert at the cursor.
        public var range: EditorRange?

        public init(label: String, detail: String?, insertText: String, kind: Kind, range: EditorRange?) {
            self.label = label
            self.detail = detail
            self.insertText = insertText
            self.kind = kind
            self.range = range
        }
    }

    public enum Kind: Sendable {
        /// A key of the front matter (or of one of its maps).
        case field
        /// A value of a closed set (a status, a source, a stage).
        case value
        /// A team member.
        case person
        case channel
        case date
        /// A key of a log entry.
        case key
    }

    public static func items(_ document: EditorDocument, at position: EditorPosition, now: LocalDateTime, language: Language) -> [Item] {
        guard let place = EditorPlace.at(position, in: document) else { return [] }
        let items = self.items(place, document, now: now, language: language)
        guard !place.lead.isEmpty else { return items }
        return items.map { item in
            var item = item
            item.insertText = place.lead + item.insertText
            return item
        }
    }

    static func items(_ place: EditorPlace, _ document: EditorDocument, now: LocalDateTime, language: Language) -> [Item] {
        let range = document.range(of: place.token)
        let configuration = document.configuration
        switch place.kind {
        case .key(let parents, let hasColon, let siblings):
            return keys(under: parents, document).filter { !siblings.contains($0.key) }.map { key in
                Item(label: key.key, detail: key.label, insertText: hasColon ? key.key : key.key + (key.block ? ":" : ": "), kind: .field, range: range)
            }
        case .value(let path):
            return values(at: path, configuration, now: now, language: language).map { item in
                var item = item
                item.range = range
                return item
            }
        case .headingDate(let kind, let hasTime):
            var items: [Item] = []
            if kind == .followUps && !hasTime { items.append(dateTime(now, language, range)) }
            items.append(date(now.date, language, range))
            return items
        case .headingChannel:
            return choices(Channel.self, language, kind: .channel, range)
        case .entryKey(let kind, let hasColon, let chinese):
            let keys = kind == .followUps ? EntryKey.followUpKeys : EntryKey.feedbackKeys
            let english = keys.map { Item(label: $0.rawValue, detail: $0.label, insertText: $0.rawValue + (hasColon ? "" : ": "), kind: .key, range: range) }
            let labels = keys.map { Item(label: $0.label, detail: $0.rawValue, insertText: $0.label + (hasColon ? "" : "："), kind: .key, range: range) }
            return chinese ? labels + english : english + labels
        case .entryValue(_, let key):
            switch key {
            case .mood: return choices(Mood.self, language, range)
            case .status: return choices(Status.self, language, range)
            case .type: return choices(FeedbackType.self, language, range)
            case .priority: return choices(Priority.self, language, range)
            case .handling: return choices(Handling.self, language, range)
            case .owner: return members(configuration, language, range)
            case .next, .due, .resolved, .confirmed: return [date(now.date, language, range)]
            case .satisfaction: return satisfactionScores(language, range)
            default: return []
            }
        case .todoDate:
            return [date(now.date, language, range)]
        case .mention:
            return members(configuration, language, range)
        }
    }

    // MARK: - Keys

    struct Key {
        var key: String
        var label: String
        /// A map or a list: its value goes on the lines below.
        var block: Bool
    }

    static let contactLabels: [CustomerReader.ContactField: String] = ChineseKey.contactLabels
    static let planLabels: [CustomerReader.PlanField: String] = [
        .stage: "跟进阶段", .goal: "跟进目标", .channels: "跟进方式", .points: "沟通要点", .due: "时间节点", .owner: "负责人",
        .expected: "预期成果", .fallback: "应急预案",
    ]
    static let scoreLabels: [CustomerReader.ScoreField: String] = [
        .size: "企业规模", .budget: "预算匹配度", .urgency: "需求紧迫度", .decision: "决策链清晰度", .reviewedBy: "复核人", .reviewed: "复核日期",
    ]
    static let detailLabels: [String: String] = [
        "booth": "展位号", "minutes": "交流时长（分钟）", "products": "关注产品", "reason": "留资原因", "event": "展会名称",
        "page": "浏览页面", "keywords": "需求关键词", "complete": "联系方式是否完整", "referrer": "推荐人", "relation": "与客户关系", "scene": "推荐场景",
    ]

    /// The keys of the map under `parents`, with their Chinese labels.
    static func keys(under parents: [String], _ document: EditorDocument) -> [Key] {
        switch parents {
        case []:
            return CustomerField.allCases.map { field in
                Key(key: field.key, label: field.label, block: !field.type.isScalar && field != .score && field != .tags)
            } + document.configuration.extraFields.sorted().map { Key(key: $0, label: "", block: false) }
        case ["contacts"]:
            return CustomerReader.ContactField.allCases.map { Key(key: $0.rawValue, label: contactLabels[$0] ?? "", block: false) }
        case ["plan"]:
            return CustomerReader.PlanField.allCases.map { Key(key: $0.rawValue, label: planLabels[$0] ?? "", block: false) }
        case ["score"]:
            return CustomerReader.ScoreField.allCases.map { Key(key: $0.rawValue, label: scoreLabels[$0] ?? "", block: false) }
        case ["deal"]:
            return [Key(key: "amount", label: "成交金额", block: false), Key(key: "closed", label: "成交日期", block: false)]
        case ["sources"]:
            return [Key(key: "source", label: "来源渠道", block: false), Key(key: "date", label: "日期", block: false),
                    Key(key: "detail", label: "来源详情", block: false)]
        case ["source_detail"]:
            guard let source = fileSource(document), let keys = CustomerReader.detailKeys[source] else { return [] }
            return keys.map { Key(key: $0, label: detailLabels[$0] ?? "", block: false) }
        default:
            return []
        }
    }

    /// The customer's source as leadbook.yml names it (for the keys of `source_detail`), read
    /// from its top-level `source:` line.
    static func fileSource(_ document: EditorDocument) -> String? {
        guard let lines = document.frontMatterLines else { return nil }
        for line in lines {
            let shape = EditorPlace.shape(document, line: line)
            guard shape.content == shape.start, shape.dash == nil, let keyEnd = shape.keyEnd, let colon = shape.colon,
                  EditorPlace.text(document, shape.content..<keyEnd) == "source" else { continue }
            var value = EditorPlace.trimmedSpaces((colon + shape.colonWidth)..<shape.end, document.bytes)
            if value.count >= 2, document.bytes[value.lowerBound] == UInt8(ascii: "\"") || document.bytes[value.lowerBound] == UInt8(ascii: "'") {
                value = (value.lowerBound + 1)..<(value.upperBound - 1)
            }
            return document.configuration.source(named: EditorPlace.text(document, value))
        }
        return nil
    }

    // MARK: - Values

    static func values(at path: [String], _ configuration: Configuration, now: LocalDateTime, language: Language) -> [Item] {
        switch path {
        case ["status"]: return choices(Status.self, language, nil)
        case ["intent"]: return choices(Intent.self, language, nil)
        case ["grade"]: return choices(Grade.self, language, nil)
        case ["kind"]: return choices(CustomerKind.self, language, nil)
        case ["source"], ["sources", "source"]: return sources(configuration, language)
        case ["owner"], ["plan", "owner"], ["score", "reviewed_by"]: return members(configuration, language, nil)
        case ["contacts", "prefers"]: return choices(ContactPreference.self, language, nil)
        case ["contacts", "role"]: return choices(ContactRole.self, language, nil)
        case ["plan", "stage"]: return choices(Stage.self, language, nil)
        case ["plan", "channels"]: return choices(Channel.self, language, kind: .channel, nil)
        case ["decision_by"], ["next"], ["plan", "due"], ["deal", "closed"], ["score", "reviewed"], ["sources", "date"]:
            return [date(now.date, language, nil)]
        case ["created"], ["assigned"]:
            return [dateTime(now, language, nil), date(now.date, language, nil)]
        default:
            return []
        }
    }

    /// The values of a closed set: the English value (its Chinese label beside it) and the
    /// Chinese label (the English value beside it), those of the language first.
    static func choices<V: Vocabulary>(_ vocabulary: V.Type, _ language: Language, kind: Kind = .value, _ range: EditorRange?) -> [Item] {
        let english = V.allCases.map { Item(label: $0.rawValue, detail: $0.label, insertText: $0.rawValue, kind: kind, range: range) }
        let chinese = V.allCases.map { Item(label: $0.label, detail: $0.rawValue, insertText: $0.label, kind: kind, range: range) }
        return language == .zhCN ? chinese + english : english + chinese
    }

    /// The scores of `- satisfaction:`, 5 first, each with what it means.
    static let satisfactionMeanings = [Phrase("very satisfied", "很满意"), Phrase("satisfied", "满意"), Phrase("neutral", "一般"),
                                       Phrase("dissatisfied", "不满意"), Phrase("very dissatisfied", "很不满意")]

    static func satisfactionScores(_ language: Language, _ range: EditorRange?) -> [Item] {
        satisfactionMeanings.enumerated().map { index, meaning in
            Item(label: String(5 - index), detail: meaning.text(language), insertText: String(5 - index), kind: .value, range: range)
        }
    }

    static func sources(_ configuration: Configuration, _ language: Language) -> [Item] {
        let english = configuration.sources.map { source in
            Item(label: source, detail: Configuration.sourceLabels[source], insertText: source, kind: .value, range: nil)
        }
        let chinese = configuration.sources.compactMap { source in
            Configuration.sourceLabels[source].map { Item(label: $0, detail: source, insertText: $0, kind: .value, range: nil) }
        }
        return language == .zhCN ? chinese + english : english + chinese
    }

    /// The team of leadbook.yml, each with their role and group.
    static func members(_ configuration: Configuration, _ language: Language, _ range: EditorRange?) -> [Item] {
        configuration.team.map { member in
            let parts = [member.role.map { $0.label(in: language) }, member.group].compactMap { $0 }
            return Item(label: member.name, detail: parts.isEmpty ? nil : parts.joined(separator: language == .zhCN ? "，" : ", "),
                        insertText: member.name, kind: .person, range: range)
        }
    }

    static func date(_ date: LocalDate, _ language: Language, _ range: EditorRange?) -> Item {
        Item(label: date.description, detail: Wording<EditorCompletion>.today.phrase.text(language), insertText: date.description, kind: .date, range: range)
    }

    static func dateTime(_ moment: LocalDateTime, _ language: Language, _ range: EditorRange?) -> Item {
        let text = LocalDateTime(date: moment.date, minutes: moment.minutes, hasTime: true).description
        return Item(label: text, detail: Wording<EditorCompletion>.now.phrase.text(language), insertText: text, kind: .date, range: range)
    }
}

extension Wording where Of == EditorCompletion {
    public static let today = Self("today", "今天")
    public static let now = Self("now", "现在")
}

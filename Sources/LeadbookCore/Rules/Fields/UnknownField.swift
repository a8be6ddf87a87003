import LeadbookText

/// A key leadbook does not know is kept as written but warned about, with the known key it
/// is nearest to; keys a team adds on purpose are listed under leadbook.yml `extra_fields`.
/// A Chinese key that names a known field (`负责人`) is chinese-key instead.
public enum UnknownField: RuleDefinition {
    public static let rule = Rule("unknown-field", .warning, Phrase("A key is one leadbook knows, or is listed under `extra_fields`.",
        "键是 leadbook 认识的字段，或列在 `extra_fields` 里"))

    /// Where the key is, as the message names it.
    public enum Place {
        case frontMatter
        /// A map or list of maps of the front matter or of leadbook.yml (`score`, `scoring.max`).
        case field(String)
        case contact
        case planStep
        case sourceDetail(source: String)
        case configuration
        case teamMember
        /// A map of leadbook.yml keyed by stage (`stage_days`, `stage_follow_ups`).
        case stageMap(String)

        /// " in `score`" / "`score` 里"; empty at the top of the front matter.
        public var phrase: Phrase {
            switch self {
            case .frontMatter: return .empty
            case .field(let name): return Phrase(" in `\(name)`", "`\(name)` 里")
            case .contact: return Phrase(" in a contact", "联系人里")
            case .planStep: return Phrase(" in a plan step", "跟进计划的步骤里")
            case .sourceDetail(let source): return Phrase(" in `source_detail` of a \(source) lead", "`\(source)` 线索的 `source_detail` 里")
            case .configuration: return Phrase(" in leadbook.yml", "leadbook.yml 里")
            case .teamMember: return Phrase(" in a team member", "团队成员里")
            case .stageMap(let name): return Phrase(" in `\(name)`", "`\(name)` 里")
            }
        }
    }

    public static func report(_ key: String, known: [String], in place: Place, at offset: Int, _ findings: inout Findings) {
        let near = Suggestion.closest(to: key, among: known)
        findings.report(Message.unknownKey(key, known: known, in: place), at: offset,
                        suggestion: findings.suggestion(replacing: key, at: offset, with: near))
    }
}

extension RuleMessage where Of == UnknownField {
    public static func unknownKey(_ key: String, known: [String], in place: UnknownField.Place) -> Self {
        let zh = place.phrase.zh.isEmpty ? "未知的键 `\(key)`" : "\(place.phrase.zh)有未知的键 `\(key)`"
        let message = Phrase("unknown key `\(key)`\(place.phrase.en)", zh)
        if let near = Suggestion.closest(to: key, among: known), near != key {
            return Self(message, hint: Phrase("did you mean `\(near)`?", "是不是想写 `\(near)`？"))
        }
        if case .stageMap(let name) = place {
            return Self(message, hint: Phrase("the keys of `\(name)` are the stages: \(known.joined(separator: ", ")) (nurture has no limit and no count)",
                                              "`\(name)` 的键是各个阶段：\(known.joined(separator: "、"))（培育阶段没有时限，也不计跟进次数）"))
        }
        return Self(message, hint: Phrase("known keys: \(known.joined(separator: ", ")); list extra keys under `extra_fields` in leadbook.yml",
                                          "可用的键：\(known.joined(separator: "、"))；团队自己加的键请列在 leadbook.yml 的 `extra_fields` 下"))
    }
}

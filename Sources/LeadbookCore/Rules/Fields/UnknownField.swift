import LeadbookText

/// A key leadbook does not know is kept as written but warned about, with the known key it
/// is nearest to; keys a team adds on purpose are listed under leadbook.yml `extra_fields`.
public enum UnknownField: RuleDefinition {
    public static let rule = Rule("unknown-field", .warning, "A key is one leadbook knows, or is listed under `extra_fields`.")

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

        public var words: String {
            switch self {
            case .frontMatter: return ""
            case .field(let name): return " in `\(name)`"
            case .contact: return " in a contact"
            case .planStep: return " in a plan step"
            case .sourceDetail(let source): return " in `source_detail` of a \(source) lead"
            case .configuration: return " in leadbook.yml"
            case .teamMember: return " in a team member"
            }
        }
    }

    public static func report(_ key: String, known: [String], in place: Place, at offset: Int, _ findings: inout Findings) {
        findings.report(Message.unknownKey(key, known: known, in: place), at: offset)
    }
}

extension RuleMessage where Of == UnknownField {
    public static func unknownKey(_ key: String, known: [String], in place: UnknownField.Place) -> Self {
        if let near = Suggestion.closest(to: key, among: known), near != key {
            return Self("unknown key `\(key)`\(place.words)", hint: "did you mean `\(near)`?")
        }
        return Self("unknown key `\(key)`\(place.words)",
                    hint: "known keys: \(known.joined(separator: ", ")); list extra keys under `extra_fields` in leadbook.yml")
    }
}

import LeadbookText

/// The rule of a value outside a closed set (`UnknownStatus` for `Status`, the type's
/// `Vocabulary.UnknownRule`): readers read such a value through its `check`, commands that
/// refuse one say its `message`. The "did you mean / use one of" hint is shared (below).
public protocol UnknownValueRule: RuleDefinition {
    associatedtype Value: Vocabulary
    /// The value `text` names; nil, and a diagnostic at `offset`, when it names none.
    static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> Value?
    /// What the diagnostic says of `text`, which is no value of the set.
    static func message(_ text: String) -> Message
}

extension Vocabulary {
    /// "`won` (成交)" lists for hints.
    public static var choices: String {
        allCases.map { "\($0.rawValue) (\($0.label))" }.joined(separator: ", ")
    }

    public static func suggestion(for text: String) -> String? {
        var candidates: [String] = []
        for value in allCases { candidates.append(value.rawValue); candidates.append(value.label) }
        return Suggestion.closest(to: text, among: candidates)
    }

    /// The hint of an unknown value: the nearest value, and every value.
    public static func hint(for text: String) -> String {
        if let near = suggestion(for: text) { return "did you mean `\(near)`? use one of: \(choices)" }
        return "use one of: \(choices)"
    }
}

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

extension UnknownValueRule {
    /// The "did you mean" of `text` at `offset` as a change (`Vocabulary.meant(by:)`).
    public static func suggestion(for text: String, at offset: Int, in findings: Findings) -> Fix? {
        findings.suggestion(replacing: text, at: offset, with: Value.meant(by: text))
    }
}

extension Vocabulary {
    /// "`won` (成交)" lists for hints, in English.
    public static var choices: String {
        allCases.map { "\($0.rawValue) (\($0.label))" }.joined(separator: ", ")
    }

    /// The values with their labels in both languages: `won (成交), lost (流失)` and
    /// `成交（won）、流失（lost）`.
    public static var choiceList: Phrase {
        Phrase(choices, allCases.map { "\($0.label)（\($0.rawValue)）" }.joined(separator: "、"))
    }

    /// The value a rep most likely meant by `text`, a word of the `synonyms` table (`谈判中`:
    /// negotiation); nil for any other text. The synonym is a suggestion, not an accepted value.
    public static func synonym(of text: String) -> Self? {
        synonyms.isEmpty ? nil : synonyms[text.trimmingSpaces.lowercased()]
    }

    /// The spelling the hint's "did you mean" names for `text` (`Diagnostic.suggestion`): the
    /// value a synonym means (its English value when the rep typed ASCII, else its label), or
    /// the nearest spelling; nil when the hint names none.
    public static func meant(by text: String) -> String? {
        if let meant = synonym(of: text) { return text.unicodeScalars.allSatisfy(\.isASCII) ? meant.rawValue : meant.label }
        return suggestion(for: text)
    }

    public static func suggestion(for text: String) -> String? {
        var candidates: [String] = []
        for value in allCases { candidates.append(value.rawValue); candidates.append(value.label) }
        return Suggestion.closest(to: text, among: candidates)
    }

    /// The hint of an unknown value: the value a common synonym means or the nearest value,
    /// and every value with its label.
    public static func hint(for text: String) -> Phrase {
        let every = Phrase("use one of: ", "可选值：") + choiceList
        if let meant = synonym(of: text) {
            return Phrase("did you mean `\(meant.label)` (\(meant.rawValue))? ", "是不是想写 `\(meant.label)`（\(meant.rawValue)）？") + every
        }
        if let near = suggestion(for: text) { return Phrase("did you mean `\(near)`? ", "是不是想写 `\(near)`？") + every }
        return every
    }
}

/// What leadbook says to a user: a diagnostic, a refusal, a problem, a note, a label. `Of` is
/// the type that says it; its file declares the words as constants and functions of
/// `Wording<ItsType>`, next to it (a rule's are its `RuleMessage`s, the same type; a problem
/// worded as a rule's message uses that message). The hint (how to fix it) is empty when there
/// is nothing to add.
public struct Wording<Of>: Sendable, Equatable {
    /// What is wrong (or what happened), in both languages.
    public let phrase: Phrase
    /// How to fix it, in both languages; empty when there is nothing to add.
    public let hintPhrase: Phrase

    public init(_ phrase: Phrase, hint: Phrase = .empty) {
        self.phrase = phrase
        self.hintPhrase = hint
    }

    /// The English text and its Chinese translation.
    public init(_ en: String, _ zh: String, hint: Phrase = .empty) {
        self.init(Phrase(en, zh), hint: hint)
    }

    /// The words in English (stable across languages: sorting, fingerprints, tests).
    public var text: String { phrase.en }
    /// The hint in English.
    public var hint: String { hintPhrase.en }
}

/// What leadbook says to a user: a diagnostic, a refusal, a problem, a note, a label. `Of` is
/// the type that says it; its file declares the words as constants and functions of
/// `Wording<ItsType>`, next to it (a rule's are its `RuleMessage`s, the same type; a problem
/// worded as a rule's message uses that message). The hint (how to fix it) is empty when there
/// is nothing to add.
public struct Wording<Of>: Sendable, Equatable {
    public let text: String
    public let hint: String

    public init(_ text: String, hint: String = "") {
        self.text = text
        self.hint = hint
    }
}

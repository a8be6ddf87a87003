/// What leadbook's text and core layers say to a user outside the rules' diagnostics: a refusal,
/// a problem, a note, a label. `Of` is the type that says it; its file declares the words as
/// constants and functions of `Wording<ItsType>`, next to it, as a rule declares its
/// `RuleMessage`s (a problem worded as a rule's message uses that message). The hint (how to
/// fix it) is empty when there is nothing to add.
public struct Wording<Of>: Sendable, Equatable {
    public let text: String
    public let hint: String

    public init(_ text: String, hint: String = "") {
        self.text = text
        self.hint = hint
    }
}

import LeadbookText

/// A customer's `kind` that is neither a company nor a person.
public enum UnknownKind: UnknownValueRule {
    public static let rule = Rule("unknown-kind", .error, "A customer's kind is company or person.")

    /// The kind `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> CustomerKind? {
        if let kind = CustomerKind(text: text) { return kind }
        report(text, at: offset, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset)
    }

    public static func message(_ text: String) -> Message {
        Message("unknown kind `\(text)`", hint: CustomerKind.hint(for: text))
    }
}

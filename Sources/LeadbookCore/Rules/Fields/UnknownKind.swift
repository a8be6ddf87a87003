import LeadbookText

/// A customer's `kind` that is neither a company nor a person.
public enum UnknownKind: UnknownValueRule {
    public static let rule = Rule("unknown-kind", .error, Phrase("A customer's kind is company or person.",
                                                   "客户类型是 company（企业）或 person（个人）。"))

    /// The kind `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> CustomerKind? {
        if let kind = CustomerKind(text: text) { return kind }
        report(text, at: offset, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset, suggestion: suggestion(for: text, at: offset, in: findings))
    }

    public static func message(_ text: String) -> Message {
        Message("unknown kind `\(text)`", "没有 `\(text)` 这个客户类型", hint: CustomerKind.hint(for: text))
    }
}

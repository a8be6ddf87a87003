import LeadbookText

/// A feedback entry's `- handling:` outside the three ways feedback is handled.
public enum UnknownHandling: UnknownValueRule {
    public static let rule = Rule("unknown-handling", .error, Phrase("Feedback handling is fix, negotiate or decline.",
                                                   "反馈的处理方式是 fix（立即解决）、negotiate（协商解决）或 decline（无法解决）。"))

    /// The handling `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> Handling? {
        if let handling = Handling(text: text) { return handling }
        report(text, at: offset, &findings)
        return nil
    }

    /// The same for `bytes[range]` of a log line, matched without making a string.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ findings: inout Findings) -> Handling? {
        if let handling = Handling.matching(bytes, range) { return handling }
        report(UTF8Bytes.string(bytes, range), at: range.lowerBound, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset, suggestion: suggestion(for: text, at: offset, in: findings))
    }

    public static func message(_ text: String) -> Message {
        Message("unknown handling `\(text)`", "没有 `\(text)` 这个处理方式", hint: Handling.hint(for: text))
    }
}

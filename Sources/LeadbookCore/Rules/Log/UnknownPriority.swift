import LeadbookText

/// A feedback entry's `- priority:` outside high, medium and low.
public enum UnknownPriority: UnknownValueRule {
    public static let rule = Rule("unknown-priority", .error, Phrase("A feedback priority is high, medium or low.",
                                                   "反馈的优先级是 high（高）、medium（中）或 low（低）。"))

    /// The priority `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> Priority? {
        if let priority = Priority(text: text) { return priority }
        report(text, at: offset, &findings)
        return nil
    }

    /// The same for `bytes[range]` of a log line, matched without making a string.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ findings: inout Findings) -> Priority? {
        if let priority = Priority.matching(bytes, range) { return priority }
        report(UTF8Bytes.string(bytes, range), at: range.lowerBound, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset, suggestion: suggestion(for: text, at: offset, in: findings))
    }

    public static func message(_ text: String) -> Message {
        Message("unknown priority `\(text)`", "没有 `\(text)` 这个优先级", hint: Priority.hint(for: text))
    }
}

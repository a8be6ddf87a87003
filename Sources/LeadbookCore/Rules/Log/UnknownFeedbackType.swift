import LeadbookText

/// A feedback entry's `- type:` outside the four types of feedback.
public enum UnknownFeedbackType: UnknownValueRule {
    public static let rule = Rule("unknown-feedback-type", .error, Phrase("A feedback type is product, price, service or decision.",
                                                   "反馈类型是 product（产品）、price（价格）、service（服务）或 decision（决策）。"))

    /// The feedback type `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> FeedbackType? {
        if let type = FeedbackType(text: text) { return type }
        report(text, at: offset, &findings)
        return nil
    }

    /// The same for `bytes[range]` of a log line, matched without making a string.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ findings: inout Findings) -> FeedbackType? {
        if let type = FeedbackType.matching(bytes, range) { return type }
        report(UTF8Bytes.string(bytes, range), at: range.lowerBound, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset, suggestion: suggestion(for: text, at: offset, in: findings))
    }

    public static func message(_ text: String) -> Message {
        Message("unknown feedback type `\(text)`", "没有 `\(text)` 这个反馈类型", hint: FeedbackType.hint(for: text))
    }
}

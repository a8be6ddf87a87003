import LeadbookText

/// The channel of a log entry heading, or of a plan step's `channels`, that is not one of the known channels.
public enum UnknownChannel: UnknownValueRule {
    public static let rule = Rule("unknown-channel", .error, Phrase("A follow-up or feedback channel is one of the known channels.",
                                                   "跟进或反馈的渠道是已知的渠道之一。"))

    /// The channel `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> Channel? {
        if let channel = Channel(text: text) { return channel }
        report(text, at: offset, &findings)
        return nil
    }

    /// The same for `bytes[range]` of a log line, matched without making a string.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ findings: inout Findings) -> Channel? {
        if let channel = Channel.matching(bytes, range) { return channel }
        report(UTF8Bytes.string(bytes, range), at: range.lowerBound, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset, suggestion: suggestion(for: text, at: offset, in: findings))
    }

    public static func message(_ text: String) -> Message {
        Message("unknown channel `\(text)`", "没有 `\(text)` 这个渠道", hint: Channel.hint(for: text))
    }
}

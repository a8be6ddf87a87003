import LeadbookText

/// A status outside the seven of the funnel, in the front matter or in a follow-up's `- status:`.
public enum UnknownStatus: UnknownValueRule {
    public static let rule = Rule("unknown-status", .error, Phrase("A status is one of the seven statuses (English value or Chinese label).",
                                                   "客户状态是七个状态之一（英文值或中文名称）。"))

    /// The status `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> Status? {
        if let status = Status(text: text) { return status }
        report(text, at: offset, &findings)
        return nil
    }

    /// The same for `bytes[range]` of a log line, matched without making a string.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ findings: inout Findings) -> Status? {
        if let status = Status.matching(bytes, range) { return status }
        report(UTF8Bytes.string(bytes, range), at: range.lowerBound, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset, suggestion: suggestion(for: text, at: offset, in: findings))
    }

    public static func message(_ text: String) -> Message {
        Message("unknown status `\(text)`", "没有 `\(text)` 这个状态", hint: Status.hint(for: text))
    }
}

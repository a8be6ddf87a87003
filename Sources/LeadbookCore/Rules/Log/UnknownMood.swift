import LeadbookText

/// A follow-up's `- mood:` outside the three moods.
public enum UnknownMood: UnknownValueRule {
    public static let rule = Rule("unknown-mood", .error, Phrase("A mood is positive, hesitant or resistant.",
                                                   "客户情绪是 positive（积极）、hesitant（犹豫）或 resistant（抵触）。"))

    /// The mood `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> Mood? {
        if let mood = Mood(text: text) { return mood }
        report(text, at: offset, &findings)
        return nil
    }

    /// The same for `bytes[range]` of a log line, matched without making a string.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ findings: inout Findings) -> Mood? {
        if let mood = Mood.matching(bytes, range) { return mood }
        report(UTF8Bytes.string(bytes, range), at: range.lowerBound, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset, suggestion: suggestion(for: text, at: offset, in: findings))
    }

    public static func message(_ text: String) -> Message {
        Message("unknown mood `\(text)`", "没有 `\(text)` 这个情绪", hint: Mood.hint(for: text))
    }
}

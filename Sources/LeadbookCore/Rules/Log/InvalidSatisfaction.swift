import LeadbookText

/// A feedback entry's `- satisfaction:` (`- 满意度:`) is one whole number from 1 (very
/// dissatisfied) to 5 (very satisfied): what the customer said when the item was confirmed.
public enum InvalidSatisfaction: RuleDefinition {
    public static let rule = Rule("invalid-satisfaction", .error, Phrase("A feedback satisfaction is a whole number from 1 to 5.",
                                                                        "反馈的满意度是 1 到 5 的整数。"))

    /// The satisfaction of `bytes[range]` (one digit 1-5); nil, and a diagnostic at the value,
    /// for anything else.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ findings: inout Findings) -> Int? {
        if range.count == 1, bytes[range.lowerBound] >= UInt8(ascii: "1"), bytes[range.lowerBound] <= UInt8(ascii: "5") {
            return Int(bytes[range.lowerBound] - ASCII.zero)
        }
        let written = UTF8Bytes.string(bytes, range)
        let meant = meant(written)
        findings.report(Message.invalid(written, meant: meant), at: range.lowerBound,
                        suggestion: findings.suggestion(replacing: written, at: range.lowerBound, with: meant.map(String.init)))
        return nil
    }

    /// The score a rep most likely meant by a value that is not one digit: a full-width digit
    /// (`４`), a score with its unit or scale (`4分`, `4 分`, `4/5`, `4/5分`); nil otherwise.
    public static func meant(_ written: String) -> Int? {
        var text = written.trimmingSpaces
        for suffix in ["分", "/5", "／5", "/５", "／５"] {
            while text.hasSuffix(suffix) { text = String(text.dropLast(suffix.count)).trimmingSpaces }
        }
        guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first else { return nil }
        var value = Int(scalar.value)
        if value >= 0xFF10, value <= 0xFF19 { value -= 0xFF10 - 0x30 }
        guard value >= 0x31, value <= 0x35 else { return nil }
        return value - 0x30
    }
}

extension RuleMessage where Of == InvalidSatisfaction {
    public static func invalid(_ written: String, meant: Int?) -> Self {
        let scale = Phrase("write one digit from 1 (very dissatisfied) to 5 (very satisfied), like `- satisfaction: 4`",
                           "写一个 1 到 5 的数字：1 表示很不满意，5 表示很满意，比如 `- 满意度: 4`")
        let hint = meant.map { Phrase("did you mean `\($0)`? ", "是不是想写 `\($0)`？") + scale } ?? scale
        return Self(Phrase("satisfaction `\(written)` is not a whole number from 1 to 5", "满意度 `\(written)` 不是 1 到 5 的整数"), hint: hint)
    }
}

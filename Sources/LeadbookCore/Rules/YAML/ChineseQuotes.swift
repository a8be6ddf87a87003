import LeadbookText

/// A value wholly inside Chinese quotes (`name: “成都天府食品有限公司”`, ‘…’, 「…」, 『…』,
/// ＂…＂): to YAML these are not quotes but text, so the quotes become part of the name in
/// leadbook and in every other tool. A warning, not an error: the file reads the same
/// everywhere, and a quotation can be meant (a customer's words); such a value is written in
/// ASCII quotes (`pain: "“价格太高”"`) and is not reported. `leadbook fix` removes the Chinese
/// quotes, writing the value plain when every YAML tool reads it as that text, else in ASCII
/// double quotes.
public enum ChineseQuotes: RuleDefinition {
    public static let rule = Rule("chinese-quotes", .warning,
        Phrase("A value is not wrapped in Chinese quotes `“…”`, which YAML keeps as part of the text (`leadbook fix` removes them).",
        "值外面不加中文引号 `“…”`，YAML 会把引号当成文字的一部分（`leadbook fix` 可以自动去掉）"))

    /// `bytes`: the file the note was read from.
    public static func report(_ note: YAMLNote, inFlow: Bool, in bytes: UnsafeBufferPointer<UInt8>, _ findings: inout Findings) {
        let range = note.range
        guard range.count >= 6, range.upperBound <= bytes.count else { return }
        let value = UTF8Bytes.string(bytes, range)
        let inner = UTF8Bytes.string(bytes, range.lowerBound + 3..<range.upperBound - 3)
        let replacement = ScalarText.isPlainSafe(inner, inFlow: inFlow) ? inner : ScalarText.doubleQuoted(inner)
        findings.report(Message.quoted(value, replacement: replacement), at: range.lowerBound,
                        fix: Fix(replacing: range, with: replacement))
    }
}

extension RuleMessage where Of == ChineseQuotes {
    public static func quoted(_ value: String, replacement: String) -> Self {
        Self("`\(value)` is wrapped in Chinese quotes, which YAML keeps as part of the value",
             "`\(value)` 外面是中文引号，YAML 会把引号当成值的一部分",
             hint: Phrase("write `\(replacement)`; if the quotes belong to the text, put the whole value in ASCII quotes; `leadbook fix` removes them",
                          "改成 `\(replacement)`；如果引号本来就是内容，请把整个值放进英文引号里；`leadbook fix` 可以自动去掉"))
    }
}

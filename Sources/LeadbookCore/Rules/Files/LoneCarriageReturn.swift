import LeadbookText

/// A carriage return not followed by a line feed: leadbook reads it as part of the line, but
/// GitHub, GitLab and editors show it as a line break, so the text after it can pass for a new
/// entry (`### 2030-01-01 电话`) that leadbook never sees. In the front matter it is
/// yaml-syntax (YAML reads it as a line break); this rule covers the Markdown after it.
public enum LoneCarriageReturn: RuleDefinition {
    public static let rule = Rule("lone-carriage-return", .error, Phrase("A carriage return (CR) is followed by a line feed (LF).", "回车符（CR）后面紧跟换行符（LF）。"))

    /// Reports the first lone CR in `range` and how many more there are.
    public static func check(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ findings: inout Findings) {
        var first: Int?
        var count = 0
        // Each CR found with `memchr` (most files have none, or only CRLF line ends).
        var index = UTF8Bytes.find(ASCII.cr, in: buffer, from: range.lowerBound, to: range.upperBound)
        while index < range.upperBound {
            if index + 1 >= buffer.count || buffer[index + 1] != ASCII.lf {
                if first == nil { first = index }
                count += 1
            }
            index = UTF8Bytes.find(ASCII.cr, in: buffer, from: index + 1, to: range.upperBound)
        }
        if let first { findings.report(Message.lone(more: count - 1), at: first) }
    }
}

extension RuleMessage where Of == LoneCarriageReturn {
    public static func lone(more: Int) -> Self {
        Self("carriage return (CR) without a line feed" + (more > 0 ? " (and \(more) more in this file)" : "")
             + ": viewers show it as a line break that leadbook does not read",
             "回车符（CR）后面没有换行符" + (more > 0 ? "（本文件还有 \(more) 处）" : "")
             + "：查看器会把它显示成换行，但 leadbook 不会当作换行来读",
             hint: Phrase("save the file with LF or CRLF line endings, or remove the CR", "把文件存为 LF 或 CRLF 换行，或删掉这个 CR"))
    }
}

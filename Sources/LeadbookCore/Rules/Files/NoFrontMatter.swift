import LeadbookText

/// A customer file starts with its front matter: a `---` line, `key: value` lines, `---`.
public enum NoFrontMatter: RuleDefinition {
    public static let rule = Rule("no-front-matter", .error, Phrase("A customer file starts with a `---` front-matter line.", "客户文件以文件头的 `---` 行开头。"))

    public static func report(_ message: Message, at offset: Int, _ findings: inout Findings) {
        findings.report(message, at: offset)
    }
}

extension RuleMessage where Of == NoFrontMatter {
    public static var missing: Self {
        Self("no front matter: a customer file starts with a `---` line", "没有文件头：客户文件要以 `---` 行开头",
             hint: Phrase("start the file with `---`, the customer's `key: value` lines, and `---`; or move the file out of the customers folder",
                          "文件开头写 `---`，接着是客户的 `key: value` 行，再写一行 `---`；或者把这个文件移出客户文件夹"))
    }

    /// `---\r` and no line feed anywhere: the file has one long line to a reader.
    public static var carriageReturnLineEndings: Self {
        Self("lines end with a carriage return alone (old Mac line endings)", "行尾只有回车符（旧式 Mac 换行）",
             hint: Phrase("save the file with LF or CRLF line endings", "把文件存为 LF 或 CRLF 换行"))
    }
}

import LeadbookText

/// The front matter opened by `---` ends with a `---` line.
public enum UnclosedFrontMatter: RuleDefinition {
    public static let rule = Rule("unclosed-front-matter", .error, Phrase("The front matter ends with a `---` line.", "文件头以 `---` 行结束。"))

    public static func report(at offset: Int, _ findings: inout Findings) {
        findings.report(Message.neverClosed, at: offset)
    }
}

extension RuleMessage where Of == UnclosedFrontMatter {
    public static var neverClosed: Self {
        Self("the front matter is never closed", "文件头没有结束行", hint: Phrase("add a `---` line after the last `key: value` line", "在最后一行 `key: value` 后面加一行 `---`"))
    }
}

import LeadbookText

/// The front matter opened by `---` ends with a `---` line.
public enum UnclosedFrontMatter: RuleDefinition {
    public static let rule = Rule("unclosed-front-matter", .error, "The front matter ends with a `---` line.")

    public static func report(at offset: Int, _ findings: inout Findings) {
        findings.report(Message.neverClosed, at: offset)
    }
}

extension RuleMessage where Of == UnclosedFrontMatter {
    public static var neverClosed: Self {
        Self("the front matter is never closed", hint: "add a `---` line after the last `key: value` line")
    }
}

import LeadbookText

/// The front matter (and leadbook.yml) is a map of `key: value` lines, not a list or a lone value.
public enum FrontMatterNotMap: RuleDefinition {
    public static let rule = Rule("front-matter-not-map", .error, "The front matter is a map of `key: value` lines.")

    public static func report(_ message: Message, at offset: Int, _ findings: inout Findings) {
        findings.report(message, at: offset)
    }
}

extension RuleMessage where Of == FrontMatterNotMap {
    /// `kind` is what the front matter is instead ("a list", "a single value").
    public static func customerFile(_ kind: String) -> Self {
        Self("the front matter must be `key: value` lines, not \(kind)", hint: "write one `key: value` per line, starting with `id:`")
    }

    public static var configuration: Self {
        Self("leadbook.yml must be a map of `key: value` lines", hint: "start with a key, for example `language: zh-CN`")
    }
}

import LeadbookText

/// The front matter (and leadbook.yml) is a map of `key: value` lines, not a list or a lone value.
public enum FrontMatterNotMap: RuleDefinition {
    public static let rule = Rule("front-matter-not-map", .error, Phrase("The front matter is a map of `key: value` lines.", "文件头由 `key: value` 行组成。"))

    public static func report(_ message: Message, at offset: Int, _ findings: inout Findings) {
        findings.report(message, at: offset)
    }
}

extension RuleMessage where Of == FrontMatterNotMap {
    /// `kind` is what the front matter is instead ("a list", "a single value").
    public static func customerFile(_ kind: Phrase) -> Self {
        Self(Phrase("the front matter must be `key: value` lines, not ", "文件头必须是 `key: value` 行，而不是") + kind,
             hint: Phrase("write one `key: value` per line, starting with `id:`", "每行写一个 `key: value`，第一行写 `id:`"))
    }

    public static var configuration: Self {
        Self("leadbook.yml must be a map of `key: value` lines", "leadbook.yml 必须由 `key: value` 行组成",
             hint: Phrase("start with a key, for example `language: zh-CN`", "以一个键开头，例如 `language: zh-CN`"))
    }
}

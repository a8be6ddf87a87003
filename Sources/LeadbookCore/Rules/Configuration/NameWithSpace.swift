import LeadbookText

/// A team member's or responder's name has no space: a to-do's `@name` and `^name` end at the
/// first space, so `@Legal Team` would be read as text and the to-do would reach nobody. The
/// name still owns feedback (`owner: Legal Team`), which is why this is a warning.
public enum NameWithSpace: RuleDefinition {
    public static let rule = Rule("name-with-space", .warning, Phrase(
        "The names of team members and responders in leadbook.yml have no space, so a to-do can name them after `@` or `^`.",
        "leadbook.yml 里团队成员和响应方的名字不含空格，待办才能在 `@` 或 `^` 后面写它。"))

    /// At each name (the value of `name`) with a space or tab.
    public static func check(_ names: [(String, YAMLNode)], _ findings: inout Findings) {
        for (name, node) in names where name.utf8.contains(ASCII.space) || name.utf8.contains(ASCII.tab) {
            let without = String(name.unicodeScalars.filter { $0 != " " && $0 != "\t" })
            findings.report(Message.space(name, without: without), at: node["name"]?.start ?? node.start)
        }
    }
}

extension RuleMessage where Of == NameWithSpace {
    public static func space(_ name: String, without: String) -> Self {
        Self("`\(name)` has a space: a to-do's `@\(name)` would end at it and be read as text",
             "`\(name)` 里有空格：待办里写 `@\(name)` 会在空格处断开，后面的字当成待办内容",
             hint: Phrase("write the name without spaces, like `\(without)` (it can still own feedback as it is)",
                          "名字里不要写空格，比如 `\(without)`（现在这样仍然可以负责反馈）"))
    }
}

import LeadbookText

/// leadbook reads `phone: 02155550101` as the text it is, because the field says it is text;
/// GitHub, GitLab, Obsidian, static-site tools and scripts read the front matter with YAML 1.1
/// or 1.2 parsers, which make a number (octal, to YAML 1.1), a yes/no value, null or a date of
/// such a plain value. A hand-written plain value of a text field that one of them would read
/// as anything but that text (`PlainScalarReading`) is a warning; `leadbook fix` quotes it.
/// Fields whose type is a number, a date or a date-time are not checked: there the value is
/// meant as what those tools read. Unknown keys and extra fields are not checked either.
public enum AmbiguousScalar: RuleDefinition {
    public static let rule = Rule("ambiguous-scalar", .warning,
        Phrase("Text that other YAML tools would read as a number, a date, yes/no or null is quoted (`leadbook fix` quotes it).",
               "其他 YAML 工具会读成数字、日期、是/否或空值的文本要加引号（`leadbook fix` 会加上）。"))

    /// Reports `node` (a value of the text field `field` reading `text`) when it is written
    /// plain and another YAML tool reads it as something else; true when it reported.
    @inline(__always)
    public static func check(_ node: YAMLNode, _ text: String, field: String, _ findings: inout Findings) -> Bool {
        guard case .scalar(let written, .plain) = node.content else { return false }
        let reading = PlainScalarReading.of(text)
        guard reading != .text else { return false }
        // The fix writes the value in double quotes, as the same text (what `leadbook fix` does).
        let quoted = Fix(replacing: node.start..<node.end, with: ScalarText.doubleQuoted(written))
        findings.report(reading == .unreadable ? Message.tab(text, field: field) : Message.readAs(text, reading, field: field), at: node.start,
                        fix: quoted)
        return true
    }
}

extension RuleMessage where Of == AmbiguousScalar {
    public static func tab(_ text: String, field: String) -> Self {
        Self("`\(field)` has a tab outside quotes, which PyYAML and ruamel.yaml cannot read",
             "`\(field)` 的值在引号外有制表符，PyYAML 和 ruamel.yaml 读不了",
             hint: quote(text))
    }

    public static func readAs(_ text: String, _ reading: PlainScalarReading, field: String) -> Self {
        Self("`\(field)` is text, but other YAML tools read `\(text)` as \(reading.phrase.en)",
             "`\(field)` 是文本，但其他 YAML 工具会把 `\(text)` 读成\(reading.phrase.zh)",
             hint: quote(text))
    }

    static func quote(_ text: String) -> Phrase {
        Phrase("write it in quotes, `\(ScalarText.doubleQuoted(text))`; `leadbook fix` quotes every such value",
               "加上引号写成 `\(ScalarText.doubleQuoted(text))`；`leadbook fix` 会给所有这样的值加引号")
    }

}

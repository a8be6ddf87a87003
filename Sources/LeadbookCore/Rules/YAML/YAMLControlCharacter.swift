import LeadbookText

/// Characters YAML does not allow in a stream (outside `c-printable`): C0 controls other than
/// tab, line feed and carriage return, DEL, the C1 controls U+0080-U+009F (NEL, U+0085, is a
/// line break to YAML 1.1 readers), U+2028 and U+2029 (line breaks to YAML 1.1), and the
/// non-characters U+FFFE and U+FFFF. PyYAML and ruamel.yaml refuse such a front matter, so
/// leadbook does too, at the character.
public enum YAMLControlCharacter: RuleDefinition {
    public static let rule = Rule("yaml-control-character", .error, Phrase("The front matter holds no control characters that YAML forbids.", "文件头里没有 YAML 禁止的控制字符。"))

    public static func report(_ scalar: UInt32, at offset: Int, _ findings: inout Findings) {
        findings.report(Message.forbidden(scalar), at: offset)
    }
}

extension RuleMessage where Of == YAMLControlCharacter {
    public static func forbidden(_ scalar: UInt32) -> Self {
        var hex = String(scalar, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        return Self("control character U+\(hex), which YAML does not allow (other YAML readers refuse the file)",
                    "控制字符 U+\(hex)，YAML 不允许出现（其他 YAML 工具会拒绝读这个文件）",
                    hint: Phrase("remove it; if the value really needs it, write it as an escape in double quotes, like \"\\u\(hex)\"",
                                 "删掉它；如果值里确实需要，就在双引号里写成转义，例如 \"\\u\(hex)\""))
    }
}

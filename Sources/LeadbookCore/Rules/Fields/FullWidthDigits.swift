import LeadbookText

/// A date, a time or a number typed with full-width digits (`created: ２０２４-05-12`,
/// `budget: ２０００００`), as a Chinese keyboard in full-width mode types them. No reader takes
/// them for digits, so the value is no date to other tools; leadbook reports it (an error) and
/// reads it as the ASCII value it is meant to be, so nothing else is reported on its account.
/// `leadbook fix` writes the ASCII digits (and `：`, `－`, `．` as `:`, `-`, `.`).
public enum FullWidthDigits: RuleDefinition {
    public static let rule = Rule("full-width-digits", .error,
        Phrase("Dates, times and numbers are written with ASCII digits, not full-width `２０２４` (`leadbook fix` changes them).",
        "日期、时间、数字用半角数字，不用全角的 `２０２４`（`leadbook fix` 可以自动改）"))

    /// The text with full-width digits, colon, hyphen and full stop made ASCII; nil when it has none.
    public static func ascii(_ text: String) -> String? {
        var changed = false
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF1A, 0xFF0D, 0xFF0E:
                output.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
                changed = true
            default:
                output.append(scalar)
            }
        }
        return changed ? String(output) : nil
    }

    /// Reports `node` (of `field`, reading `text`), whose ASCII form is `ascii`.
    public static func report(_ node: YAMLNode, _ text: String, ascii: String, field: String, _ findings: inout Findings) {
        var fix: Fix?
        switch node.content {
        case .scalar(_, .plain) where node.end > node.start:
            fix = Fix(replacing: node.start..<node.end, with: ascii)
        case .scalar(_, .doubleQuoted), .scalar(_, .singleQuoted):
            if node.end - node.start >= 2 { fix = Fix(replacing: node.start + 1..<node.end - 1, with: ascii) }
        default:
            break
        }
        if let fix, fix.range.upperBound <= findings.source.bytes.count,
           String(decoding: findings.source.bytes[fix.range], as: UTF8.self) != text {
            // A value written over several lines or with escapes: the bytes are not the text.
            findings.report(Message.digits(text, ascii: ascii, field: field), at: node.start)
            return
        }
        findings.report(Message.digits(text, ascii: ascii, field: field), at: node.start, fix: fix)
    }
}

extension RuleMessage where Of == FullWidthDigits {
    public static func digits(_ text: String, ascii: String, field: String) -> Self {
        Self(Phrase("`\(field)` is written with full-width characters, `\(text)`; it is read as `\(ascii)`",
                    "`\(field)` 用了全角字符 `\(text)`，暂按 `\(ascii)` 读取"),
             hint: Phrase("type `\(ascii)` with the keyboard in half-width mode; `leadbook fix` changes it",
                          "在半角状态下输入 `\(ascii)`；`leadbook fix` 可以自动修改"))
    }
}

import LeadbookText

/// An ideographic space U+3000 (全角空格) where YAML needs a space: after the colon of a key
/// (`region:　西南`, which YAML does not read as a key), after the `-` of a list item
/// (`-　老客户推荐`) or in the indentation of a line. It
/// looks like a space, so the finding names it. After a colon the fix is one space; in the
/// indentation each full-width space becomes two spaces, the width it shows.
public enum FullWidthSpace: RuleDefinition {
    public static let rule = Rule("full-width-space", .error,
        Phrase("Spaces that YAML reads (after a key's colon or a list item's `-`, in indentation) are ASCII spaces, not full-width `　` (`leadbook fix` changes them).",
        "YAML 要读的空格（键的冒号后、列表 `-` 后、缩进里）用英文空格，不用全角空格 `　`（`leadbook fix` 可以自动改）"))

    public static func report(_ place: YAMLProblem.FullWidthSpacePlace, at offset: Int, fix: Fix?, _ findings: inout Findings) {
        switch place {
        case .afterColon: findings.report(Message.afterColon, at: offset, fix: fix)
        case .afterDash: findings.report(Message.afterDash, at: offset, fix: fix)
        case .indentation: findings.report(Message.indentation, at: offset, fix: fix)
        }
    }
}

extension RuleMessage where Of == FullWidthSpace {
    public static var afterColon: Self {
        Self("full-width space `　` (U+3000) after the colon; YAML needs an ASCII space there",
             "冒号后面是全角空格 `　`（U+3000），YAML 要求这里是英文空格",
             hint: Phrase("type an ordinary space after `:` (switch the keyboard to half-width); `leadbook fix` changes it",
                          "在 `:` 后面改用半角空格（把输入法切到半角）；`leadbook fix` 可以自动修改"))
    }

    public static var afterDash: Self {
        Self("full-width space `　` (U+3000) after the `-` of a list item; YAML needs an ASCII space there",
             "列表项的 `-` 后面是全角空格 `　`（U+3000），YAML 要求这里是英文空格",
             hint: Phrase("type an ordinary space after `-` (switch the keyboard to half-width); `leadbook fix` changes it",
                          "在 `-` 后面改用半角空格（把输入法切到半角）；`leadbook fix` 可以自动修改"))
    }

    public static var indentation: Self {
        Self("full-width space `　` (U+3000) in the indentation; YAML indents with ASCII spaces only",
             "缩进里有全角空格 `　`（U+3000），YAML 只能用英文空格缩进",
             hint: Phrase("indent with ordinary spaces; `leadbook fix` puts two spaces for each full-width one",
                          "改用半角空格缩进；`leadbook fix` 会把每个全角空格换成两个半角空格"))
    }
}

import LeadbookText

/// YAML does not allow tabs in indentation; a tab inside a value is text.
public enum YAMLTabIndent: RuleDefinition {
    public static let rule = Rule("yaml-tab-indent", .error, Phrase("Indentation uses spaces, not tabs.", "缩进用空格，不用制表符。"))

    public static func report(at offset: Int, _ findings: inout Findings) {
        findings.report(Message.tab, at: offset)
    }
}

extension RuleMessage where Of == YAMLTabIndent {
    public static var tab: Self {
        Self("tab character in indentation", "缩进里有制表符", hint: Phrase("indent with spaces only; YAML does not allow tabs for indentation", "只用空格缩进；YAML 不允许用制表符缩进"))
    }
}

import LeadbookText

/// YAML does not allow tabs in indentation; a tab inside a value is text.
public enum YAMLTabIndent: RuleDefinition {
    public static let rule = Rule("yaml-tab-indent", .error, "Indentation uses spaces, not tabs.")

    public static func report(at offset: Int, _ findings: inout Findings) {
        findings.report(Message.tab, at: offset)
    }
}

extension RuleMessage where Of == YAMLTabIndent {
    public static var tab: Self {
        Self("tab character in indentation", hint: "indent with spaces only; YAML does not allow tabs for indentation")
    }
}

import LeadbookText

/// A customer file with nothing in it (or only spaces and line breaks, or a BOM).
public enum EmptyFile: RuleDefinition {
    public static let rule = Rule("empty-file", .error, "A customer file is not empty.")

    public static func report(_ findings: inout Findings) {
        findings.reportFile(Message.empty)
    }
}

extension RuleMessage where Of == EmptyFile {
    public static var empty: Self {
        Self("the file is empty", hint: "write the customer's front matter (see docs/format.md), or delete the file")
    }
}

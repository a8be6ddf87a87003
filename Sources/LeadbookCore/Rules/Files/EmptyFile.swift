import LeadbookText

/// A customer file with nothing in it (or only spaces and line breaks, or a BOM).
public enum EmptyFile: RuleDefinition {
    public static let rule = Rule("empty-file", .error, Phrase("A customer file is not empty.", "客户文件不能为空。"))

    public static func report(_ findings: inout Findings) {
        findings.reportFile(Message.empty)
    }
}

extension RuleMessage where Of == EmptyFile {
    public static var empty: Self {
        Self("the file is empty", "文件是空的",
             hint: Phrase("write the customer's front matter (see docs/format.md), or delete the file", "写上客户的文件头（见 docs/format.md），或删掉这个文件"))
    }
}

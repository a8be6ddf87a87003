import LeadbookText

/// One Follow-ups section and one Feedback section (in English or Chinese): entries in a
/// second one would be outside the order of the first.
public enum DuplicateSection: RuleDefinition {
    public static let rule = Rule("duplicate-section", .error, Phrase("A file has one Follow-ups section and one Feedback section.", "一个文件只有一个跟进记录部分和一个客户反馈部分。"))

    public static func report(_ section: LogReader.Section.Kind, firstOn line: Int, at offset: Int, _ findings: inout Findings) {
        findings.report(Message.second(section, firstOn: line), at: offset)
    }
}

extension RuleMessage where Of == DuplicateSection {
    public static func second(_ section: LogReader.Section.Kind, firstOn line: Int) -> Self {
        Self("a second \(section == .followUps ? "Follow-ups" : "Feedback") section (the first is on line \(line))",
             "又出现了一个\(section == .followUps ? "跟进记录" : "客户反馈")部分（第一个在第 \(line) 行）",
             hint: Phrase("move its entries into the first section and remove this heading", "把它的条目移到第一个部分里，再删掉这个标题"))
    }
}

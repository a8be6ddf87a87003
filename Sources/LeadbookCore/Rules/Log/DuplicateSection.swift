import LeadbookText

/// One Follow-ups section and one Feedback section (in English or Chinese): entries in a
/// second one would be outside the order of the first.
public enum DuplicateSection: RuleDefinition {
    public static let rule = Rule("duplicate-section", .error, "A file has one Follow-ups section and one Feedback section.")

    public static func report(_ section: LogReader.Section.Kind, firstOn line: Int, at offset: Int, _ findings: inout Findings) {
        findings.report(Message.second(section, firstOn: line), at: offset)
    }
}

extension RuleMessage where Of == DuplicateSection {
    public static func second(_ section: LogReader.Section.Kind, firstOn line: Int) -> Self {
        Self("a second \(section == .followUps ? "Follow-ups" : "Feedback") section (the first is on line \(line))",
             hint: "move its entries into the first section and remove this heading")
    }
}

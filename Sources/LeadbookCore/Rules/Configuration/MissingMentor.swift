import LeadbookText

/// The toolkit, section 2: each junior rep has a senior mentor. A warning: a team may be
/// waiting for one.
public enum MissingMentor: RuleDefinition {
    public static let rule = Rule("missing-mentor", .warning, Phrase("Every junior has a mentor (the toolkit, section 2).", "每位新人销售都有导师（工具包第 2 节）。"))

    public static func check(_ team: [(TeamMember, YAMLNode)], _ findings: inout Findings) {
        for (member, node) in DuplicateMember.firstListings(team) where member.role == .junior && member.mentor == nil {
            findings.report(Message.juniorWithoutMentor(member.name), at: node.start)
        }
    }
}

extension RuleMessage where Of == MissingMentor {
    public static func juniorWithoutMentor(_ name: String) -> Self {
        Self("junior \(name) has no mentor", "新人销售 \(name) 没有导师",
             hint: Phrase("add `mentor:` with the name of a senior or a manager (toolkit: juniors each have a senior mentor)",
                          "加上 `mentor:`，写一位资深销售或销售经理的名字（工具包：每位新人都由一位资深销售带）"))
    }
}

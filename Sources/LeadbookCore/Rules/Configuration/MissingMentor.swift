import LeadbookText

/// The toolkit, section 2: each junior rep has a senior mentor. A warning: a team may be
/// waiting for one.
public enum MissingMentor: RuleDefinition {
    public static let rule = Rule("missing-mentor", .warning, "Every junior has a mentor (the toolkit, section 2).")

    public static func check(_ team: [(TeamMember, YAMLNode)], _ findings: inout Findings) {
        for (member, node) in DuplicateMember.firstListings(team) where member.role == .junior && member.mentor == nil {
            findings.report(Message.juniorWithoutMentor(member.name), at: node.start)
        }
    }
}

extension RuleMessage where Of == MissingMentor {
    public static func juniorWithoutMentor(_ name: String) -> Self {
        Self("junior \(name) has no mentor",
             hint: "add `mentor:` with the name of a senior or a manager (toolkit: juniors each have a senior mentor)")
    }
}

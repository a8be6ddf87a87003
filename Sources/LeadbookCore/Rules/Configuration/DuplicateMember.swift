import LeadbookText

/// Each rep is listed once in leadbook.yml `team`: owners, mentors and assignment name reps
/// by name. The second listing is reported (and not checked further).
public enum DuplicateMember: RuleDefinition {
    public static let rule = Rule("duplicate-member", .error, "Each team member's name appears once in leadbook.yml.")

    public static func check(_ team: [(TeamMember, YAMLNode)], _ findings: inout Findings) {
        var seen: Set<String> = []
        for (member, node) in team where !seen.insert(member.name).inserted {
            findings.report(Message.listedTwice(member.name), at: node["name"]?.start ?? node.start)
        }
    }

    /// The members as first listed, without their second listings.
    public static func firstListings(_ team: [(TeamMember, YAMLNode)]) -> [(TeamMember, YAMLNode)] {
        var seen: Set<String> = []
        return team.filter { seen.insert($0.0.name).inserted }
    }
}

extension RuleMessage where Of == DuplicateMember {
    public static func listedTwice(_ name: String) -> Self {
        Self("team member `\(name)` is listed twice", hint: "keep one entry per rep; two reps with the same name need distinct names")
    }
}

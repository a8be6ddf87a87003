import LeadbookText

/// Each rep is listed once in leadbook.yml `team`: owners, mentors and assignment name reps
/// by name. The second listing is reported (and not checked further).
public enum DuplicateMember: RuleDefinition {
    public static let rule = Rule("duplicate-member", .error, Phrase("Each team member's name appears once in leadbook.yml.", "每位团队成员的名字在 leadbook.yml 里只出现一次。"))

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
        Self("team member `\(name)` is listed twice", "团队成员 `\(name)` 写了两次",
             hint: Phrase("keep one entry per rep; two reps with the same name need distinct names", "每位销售只写一条；同名的两位销售要用能区分的名字"))
    }
}

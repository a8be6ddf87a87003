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

    /// A responder is named once, and not like a member of the team: an owner's name must
    /// say who it is.
    public static func check(responders: [(Responder, YAMLNode)], team: [TeamMember], _ findings: inout Findings) {
        var seen = Set(team.map(\.name))
        let members = seen
        for (responder, node) in responders where !seen.insert(responder.name).inserted {
            let message = members.contains(responder.name) ? Message.responderInTeam(responder.name) : Message.responderTwice(responder.name)
            findings.report(message, at: node["name"]?.start ?? node.start)
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

extension RuleMessage where Of == DuplicateMember {
    public static func responderTwice(_ name: String) -> Self {
        Self("responder `\(name)` is listed twice", "响应方 `\(name)` 在 `responders` 里写了两次",
             hint: Phrase("keep one entry per responder", "每个响应方只写一条"))
    }

    public static func responderInTeam(_ name: String) -> Self {
        Self("responder `\(name)` is also a member of `team`", "`responders` 里的 `\(name)` 已经是团队（`team`）成员",
             hint: Phrase("a member owns feedback and to-dos already; remove them from `responders`",
                          "团队成员本来就可以负责反馈和待办；把这一条从 `responders` 里删掉"))
    }
}

import LeadbookText

/// A mentor is a member of the team, a senior or a manager, and not the member themselves.
public enum UnknownMentor: RuleDefinition {
    public static let rule = Rule("unknown-mentor", .error, Phrase("A mentor is a senior or manager of the team.", "导师是团队里的资深销售或销售经理。"))

    public static func check(_ team: [(TeamMember, YAMLNode)], _ findings: inout Findings) {
        let names = team.map(\.0.name)
        for (member, node) in DuplicateMember.firstListings(team) {
            guard let mentor = member.mentor else { continue }
            let offset = node["mentor"]?.start ?? node.start
            guard let mentorMember = team.first(where: { $0.0.name == mentor })?.0 else {
                let near = Suggestion.closest(to: mentor, among: names)
                findings.report(Message.notInTeam(mentor, team: names), at: offset,
                                suggestion: findings.suggestion(replacing: mentor, at: offset, with: near))
                continue
            }
            if mentor == member.name {
                findings.report(Message.themselves(mentor), at: offset)
            } else if mentorMember.role == .junior {
                findings.report(Message.junior(mentor), at: offset)
            }
        }
    }
}

extension RuleMessage where Of == UnknownMentor {
    public static func notInTeam(_ mentor: String, team names: [String]) -> Self {
        let near = Suggestion.closest(to: mentor, among: names)
        return Self("mentor `\(mentor)` is not in the team", "导师 `\(mentor)` 不在团队里",
                    hint: near.map { Phrase("did you mean `\($0)`?", "是不是想写 `\($0)`？") }
                        ?? Phrase("add them to `team`, or name one of: \(names.joined(separator: ", "))",
                                  "把这个人加到 `team` 里，或者从这些人里选一位：\(names.joined(separator: "、"))"))
    }

    public static func themselves(_ mentor: String) -> Self {
        Self("`\(mentor)` cannot mentor themselves", "`\(mentor)` 不能当自己的导师", hint: Phrase("name a senior or a manager", "写一位资深销售或销售经理"))
    }

    public static func junior(_ mentor: String) -> Self {
        Self("mentor `\(mentor)` is a junior", "导师 `\(mentor)` 是新人销售", hint: Phrase("a junior's mentor is a senior or a manager", "新人销售的导师要是资深销售或销售经理"))
    }
}

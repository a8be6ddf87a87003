import LeadbookText

extension Rule {
    public static let duplicateMember = Rule("duplicate-member", .error, "Each team member's name appears once in leadbook.yml.")
    public static let unknownMentor = Rule("unknown-mentor", .error, "A mentor is a senior or manager of the team.")
    public static let missingMentor = Rule("missing-mentor", .warning, "Every junior has a mentor (the toolkit, section 2).")
}

/// The team's own consistency: unique names, mentors who exist and are seniors.
public enum TeamRules {
    public static func check(_ members: [(TeamMember, YAMLNode)], _ findings: inout Findings) {
        var seen: Set<String> = []
        let names = members.map(\.0.name)
        for (member, node) in members {
            if !seen.insert(member.name).inserted {
                findings.report(.duplicateMember, at: node["name"]?.start ?? node.start, "team member `\(member.name)` is listed twice",
                                hint: "keep one entry per rep; two reps with the same name need distinct names")
                continue
            }
            guard let mentor = member.mentor else {
                if member.role == .junior {
                    findings.report(.missingMentor, at: node.start, "junior \(member.name) has no mentor",
                                    hint: "add `mentor:` with the name of a senior or a manager (toolkit: juniors each have a senior mentor)")
                }
                continue
            }
            let offset = node["mentor"]?.start ?? node.start
            guard let mentorMember = members.first(where: { $0.0.name == mentor })?.0 else {
                let near = Suggestion.closest(to: mentor, among: names)
                findings.report(.unknownMentor, at: offset, "mentor `\(mentor)` is not in the team",
                                hint: near.map { "did you mean `\($0)`?" } ?? "add them to `team`, or name one of: \(names.joined(separator: ", "))")
                continue
            }
            if mentor == member.name {
                findings.report(.unknownMentor, at: offset, "`\(mentor)` cannot mentor themselves", hint: "name a senior or a manager")
            } else if mentorMember.role == .junior {
                findings.report(.unknownMentor, at: offset, "mentor `\(mentor)` is a junior", hint: "a junior's mentor is a senior or a manager")
            }
        }
    }
}

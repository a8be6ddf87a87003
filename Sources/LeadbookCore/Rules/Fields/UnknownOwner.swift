import LeadbookText

/// When leadbook.yml has a team, `owner` names one of its members.
public enum UnknownOwner: CustomerRule {
    public static let rule = Rule("unknown-owner", .error, Phrase("A customer's owner is a member of the team in leadbook.yml.", "客户的负责人是 leadbook.yml 团队里的成员。"))

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let team = context.configuration.team
        guard !team.isEmpty, let owner = context.customer.owner, !owner.isEmpty else { return }
        guard context.configuration.member(named: owner) == nil else { return }
        let offset = context.offset(of: "owner")
        let near = Suggestion.closest(to: owner, among: team.map(\.name))
        findings.report(Message.notInTeam(owner, team: team.map(\.name)), at: offset,
                        suggestion: findings.suggestion(replacing: owner, at: offset, with: near))
    }
}

extension RuleMessage where Of == UnknownOwner {
    public static func notInTeam(_ owner: String, team names: [String]) -> Self {
        let near = Suggestion.closest(to: owner, among: names)
        return Self("owner `\(owner)` is not in the team", "负责人 `\(owner)` 不在团队里",
                    hint: near.map { Phrase("did you mean `\($0)`?", "是不是想写 `\($0)`？") }
                        ?? Phrase("use one of: \(names.joined(separator: ", ")), or add them to `team` in leadbook.yml",
                                  "可选：\(names.joined(separator: "、"))，或者把这个人加到 leadbook.yml 的 `team` 里"))
    }
}

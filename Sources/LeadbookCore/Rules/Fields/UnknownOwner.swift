import LeadbookText

/// When leadbook.yml has a team, `owner` names one of its members.
public enum UnknownOwner: CustomerRule {
    public static let rule = Rule("unknown-owner", .error, "A customer's owner is a member of the team in leadbook.yml.")

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let team = context.configuration.team
        guard !team.isEmpty, let owner = context.customer.owner, !owner.isEmpty else { return }
        guard context.configuration.member(named: owner) == nil else { return }
        findings.report(Message.notInTeam(owner, team: team.map(\.name)), at: context.offset(of: "owner"))
    }
}

extension RuleMessage where Of == UnknownOwner {
    public static func notInTeam(_ owner: String, team names: [String]) -> Self {
        let near = Suggestion.closest(to: owner, among: names)
        return Self("owner `\(owner)` is not in the team",
                    hint: near.map { "did you mean `\($0)`?" } ?? "use one of: \(names.joined(separator: ", ")), or add them to `team` in leadbook.yml")
    }
}

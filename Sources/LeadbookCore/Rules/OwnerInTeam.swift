import LeadbookText

extension Rule {
    public static let unknownOwner = Rule("unknown-owner", .error, "A customer's owner is a member of the team in leadbook.yml.")
}

/// When leadbook.yml has a team, `owner` names one of its members.
public enum OwnerInTeam: CustomerRule {
    public static let rule = Rule.unknownOwner

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let team = context.configuration.team
        guard !team.isEmpty, let owner = context.customer.owner, !owner.isEmpty else { return }
        guard context.configuration.member(named: owner) == nil else { return }
        let names = team.map(\.name)
        let near = Suggestion.closest(to: owner, among: names)
        findings.report(rule, at: context.offset(of: "owner"), "owner `\(owner)` is not in the team",
                        hint: near.map { "did you mean `\($0)`?" } ?? "use one of: \(names.joined(separator: ", ")), or add them to `team` in leadbook.yml")
    }
}

import LeadbookText

/// The owner of an open customer has the role its grade asks for (leadbook.yml `grade_roles`;
/// the toolkit: S a sales manager in person, A a senior rep, B and C a junior rep). After a
/// regrade or a hand-written owner, `leadbook assign --rebalance` moves the customer.
public enum OwnerRole: CustomerRule {
    public static let rule = Rule("owner-role", .warning, Phrase("An open customer's owner has the role its grade asks for (`grade_roles`: S manager, A senior, B and C junior).",
                                                                 "在跟客户的负责人角色与线索等级相符（`grade_roles`：S 级销售经理，A 级资深销售，B、C 级新人销售）。"))

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        guard !context.customer.isTombstone, let misplaced = Assignment.misplacement(context.customer, context.configuration) else { return }
        findings.report(Message.wrongRole(misplaced.grade, asks: misplaced.expected, owner: misplaced.owner.name, is: misplaced.role),
                        at: context.offset(of: "owner"))
    }
}

extension RuleMessage where Of == OwnerRole {
    public static func wrongRole(_ grade: Grade, asks expected: TeamRole, owner: String, is role: TeamRole) -> Self {
        Self("grade \(grade.rawValue) asks for a \(expected.rawValue), but owner `\(owner)` is a \(role.rawValue)",
             "\(grade.rawValue) 级客户应由\(expected.label)跟进，但负责人 `\(owner)` 是\(role.label)",
             hint: Phrase("run `leadbook assign --rebalance` to move it to a \(expected.rawValue) (`--dry-run` first to see the move)",
                          "运行 `leadbook assign --rebalance` 改派给\(expected.label)（先加 `--dry-run` 看看怎么调整）"))
    }
}

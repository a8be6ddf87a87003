import LeadbookText

extension Rule {
    public static let missingLostReason = Rule("missing-lost-reason", .error, "A lost customer has a `lost_reason`.")
}

/// Lost reasons are ranked in the summary; a loss without one teaches nothing.
public enum LostReasonWhenLost: CustomerRule {
    public static let rule = Rule.missingLostReason

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        guard context.customer.status == .lost, context.customer.lostReason?.isEmpty ?? true else { return }
        findings.report(rule, at: context.offset(of: "status"), "status is lost but there is no `lost_reason`",
                        hint: "add `lost_reason:` with why, for example `lost_reason: 预算削减`")
    }
}

import LeadbookText

/// Lost reasons are ranked in the summary; a loss without one teaches nothing.
public enum MissingLostReason: CustomerRule {
    public static let rule = Rule("missing-lost-reason", .error, Phrase("A lost customer has a `lost_reason`.", "已流失的客户要写 `lost_reason`。"))

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        guard context.customer.status == .lost, context.customer.lostReason?.isEmpty ?? true else { return }
        findings.report(Message.noReason, at: context.offset(of: "status"))
    }
}

extension RuleMessage where Of == MissingLostReason {
    public static var noReason: Self {
        Self("status is lost but there is no `lost_reason`", "状态是流失，但没有 `lost_reason`",
             hint: Phrase("add `lost_reason:` with why, for example `lost_reason: 预算削减`", "加上 `lost_reason:` 写明原因，例如 `lost_reason: 预算削减`"))
    }
}

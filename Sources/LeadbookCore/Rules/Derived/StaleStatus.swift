import LeadbookText

/// The status is the one the follow-up log last recorded: `leadbook sync` writes it, and a
/// change of status is logged, not typed into the front matter.
public enum StaleStatus: CustomerRule {
    public static let rule = Rule("stale-status", .error, "`status` is the last status in the follow-up log.")

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let customer = context.customer
        guard !customer.isTombstone, let (expected, entry) = DerivedValues.status(customer),
              let written = customer.status, written != expected else { return }
        findings.report(Message.differs(written, lastFollowUp: entry, says: expected), at: context.offset(of: "status"))
    }
}

extension RuleMessage where Of == StaleStatus {
    public static func differs(_ written: Status, lastFollowUp entry: FollowUp, says expected: Status) -> Self {
        Self("status is \(written.rawValue) but the last follow-up (\(entry.date?.description ?? "line \(entry.line)")) says \(expected.rawValue) (\(expected.label))",
             hint: "run `leadbook sync`; to change the status, log a follow-up with `- status:`")
    }
}

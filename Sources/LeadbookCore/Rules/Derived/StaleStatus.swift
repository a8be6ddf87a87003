import LeadbookText

/// The status is the one the follow-up log last recorded: `leadbook sync` writes it, and a
/// change of status is logged, not typed into the front matter.
public enum StaleStatus: CustomerRule {
    public static let rule = Rule("stale-status", .error, Phrase("`status` is the last status in the follow-up log.", "`status` 是跟进记录里最后记下的状态。"))

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let customer = context.customer
        guard !customer.isTombstone, let (expected, entry) = DerivedValues.status(customer),
              let written = customer.status, written != expected else { return }
        findings.report(Message.differs(written, lastFollowUp: entry, says: expected, id: customer.id ?? "ID"), at: context.offset(of: "status"),
                        derived: DerivedFinding(.status, written: true))
    }
}

extension RuleMessage where Of == StaleStatus {
    /// What `sync` would write (the log's status), and how to keep the status the rep typed:
    /// log a follow-up that records it (`id` is the customer's, for the command to type).
    public static func differs(_ written: Status, lastFollowUp entry: FollowUp, says expected: Status, id: String) -> Self {
        let when = entry.date?.description
        let channel = entry.channel ?? .phone
        return Self("status is \(written.rawValue) but the last follow-up (\(when ?? "line \(entry.line)")) says \(expected.rawValue) (\(expected.label))",
                    "状态写的是 \(written.label)，但最近一次跟进（\(when ?? "第 \(entry.line) 行")）记的是 \(expected.label)（\(expected.rawValue)）",
                    hint: Phrase("`leadbook sync` would change the status to \(expected.rawValue) (\(expected.label)); to keep \(written.rawValue), log a follow-up with that status: "
                                 + "`leadbook log \(id) --channel \(channel.rawValue) --status \(written.rawValue) --note \"...\"`",
                                 "`leadbook sync` 会把状态改成 \(expected.label)（\(expected.rawValue)）；要保留 \(written.label)，就记一条带这个状态的跟进："
                                 + "`leadbook log \(id) --channel \(channel.label) --status \(written.label) --note \"...\"`"))
    }
}

import LeadbookText

/// `next` is the date the follow-up log last planned: `leadbook sync` writes it.
public enum StaleNext: CustomerRule {
    public static let rule = Rule("stale-next", .error, "`next` is the last `next:` date in the follow-up log.")

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let customer = context.customer
        guard !customer.isTombstone, let (expected, entry) = DerivedValues.next(customer) else { return }
        if customer.next == expected { return }
        if let written = customer.next {
            findings.report(Message.differs(written, lastFollowUp: entry, plans: expected), at: context.offset(of: "next"))
        } else if context.frontMatter?["next"] == nil || context.frontMatter?["next"]?.isEmpty == true {
            findings.report(Message.missing(plans: expected), at: context.offset(of: "status"))
        }
    }
}

extension RuleMessage where Of == StaleNext {
    public static func differs(_ written: LocalDate, lastFollowUp entry: FollowUp, plans expected: LocalDate) -> Self {
        Self("next is \(written) but the last follow-up (\(entry.date?.description ?? "line \(entry.line)")) plans \(expected)",
             hint: "run `leadbook sync`; to plan another date, log a follow-up with `- next:`")
    }

    public static func missing(plans expected: LocalDate) -> Self {
        Self("the last follow-up plans \(expected) but there is no `next`", hint: "run `leadbook sync` to write it")
    }
}

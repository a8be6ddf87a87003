import LeadbookText

/// `next` is the date the follow-up log last planned: `leadbook sync` writes it.
public enum StaleNext: CustomerRule {
    public static let rule = Rule("stale-next", .error, Phrase("`next` is the last `next:` date in the follow-up log.", "`next` 是跟进记录里最后一个 `next:` 日期。"))

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let customer = context.customer
        guard !customer.isTombstone, let (expected, entry) = DerivedValues.next(customer) else { return }
        if customer.next == expected { return }
        if let written = customer.next {
            findings.report(Message.differs(written, lastFollowUp: entry, plans: expected), at: context.offset(of: "next"),
                            derived: DerivedFinding(.next, written: true))
        } else if context.frontMatter?["next"] == nil || context.frontMatter?["next"]?.isEmpty == true {
            findings.report(Message.missing(plans: expected), at: context.offset(of: "status"), derived: DerivedFinding(.next, written: false))
        }
    }
}

extension RuleMessage where Of == StaleNext {
    public static func differs(_ written: LocalDate, lastFollowUp entry: FollowUp, plans expected: LocalDate) -> Self {
        Self("next is \(written) but the last follow-up (\(entry.date?.description ?? "line \(entry.line)")) plans \(expected)",
             "下次跟进写的是 \(written)，但最近一次跟进（\(entry.date?.description ?? "第 \(entry.line) 行")）定的是 \(expected)",
             hint: Phrase("run `leadbook sync`; to plan another date, log a follow-up with `- next:`",
                          "运行 `leadbook sync`；要改期，就记一条带 `- next:` 的跟进"))
    }

    public static func missing(plans expected: LocalDate) -> Self {
        Self("the last follow-up plans \(expected) but there is no `next`", "最近一次跟进定了 \(expected)，但没有写 `next`",
             hint: Phrase("run `leadbook sync` to write it", "运行 `leadbook sync` 自动写入"))
    }
}

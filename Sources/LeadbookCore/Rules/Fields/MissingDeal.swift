import LeadbookText

/// Won means a deal: its amount and date feed the deal size and the sales cycle.
public enum MissingDeal: CustomerRule {
    public static let rule = Rule("missing-deal", .error, Phrase("A won customer has `deal` with `amount` and `closed`.", "已成交的客户要有 `deal`，写明 `amount` 和 `closed`。"))

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        guard context.customer.status == .won else { return }
        guard context.has("deal") else {
            findings.report(Message.noDeal, at: context.offset(of: "status"))
            return
        }
        let deal = context.frontMatter?["deal"]
        // Without a tree (the flat decoder read the file, so every value written was read),
        // the customer's deal says which are written.
        let flat = context.frontMatter == nil
        for key in ["amount", "closed"] where flat ? (key == "amount" ? context.customer.deal?.amount == nil : context.customer.deal?.closed == nil)
            : deal?[key] == nil || deal?[key]?.isEmpty == true {
            findings.report(key == "amount" ? Message.noAmount : Message.noClosed, at: context.offset(of: "deal"))
        }
    }
}

extension RuleMessage where Of == MissingDeal {
    public static var noDeal: Self {
        Self("status is won but there is no `deal`", "状态是成交，但没有 `deal`",
             hint: Phrase("add `deal: {amount: 180000, closed: 2024-04-02}`", "加上 `deal: {amount: 180000, closed: 2024-04-02}`"))
    }

    public static var noAmount: Self {
        Self("the deal has no `amount`", "成交信息里没有 `amount`", hint: Phrase("add the contract value in CNY: `amount: 180000`", "加上合同金额（人民币）：`amount: 180000`"))
    }

    public static var noClosed: Self {
        Self("the deal has no `closed`", "成交信息里没有 `closed`", hint: Phrase("add the date it was signed: `closed: 2024-04-02`", "加上签约日期：`closed: 2024-04-02`"))
    }
}

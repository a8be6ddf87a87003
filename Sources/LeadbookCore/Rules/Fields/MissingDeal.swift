import LeadbookText

/// Won means a deal: its amount and date feed the deal size and the sales cycle.
public enum MissingDeal: CustomerRule {
    public static let rule = Rule("missing-deal", .error, "A won customer has `deal` with `amount` and `closed`.")

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        guard context.customer.status == .won else { return }
        guard context.has("deal") else {
            findings.report(Message.noDeal, at: context.offset(of: "status"))
            return
        }
        let deal = context.frontMatter?["deal"]
        for key in ["amount", "closed"] where deal?[key] == nil || deal?[key]?.isEmpty == true {
            findings.report(key == "amount" ? Message.noAmount : Message.noClosed, at: context.offset(of: "deal"))
        }
    }
}

extension RuleMessage where Of == MissingDeal {
    public static var noDeal: Self {
        Self("status is won but there is no `deal`", hint: "add `deal: {amount: 180000, closed: 2024-04-02}`")
    }

    public static var noAmount: Self {
        Self("the deal has no `amount`", hint: "add the contract value in CNY: `amount: 180000`")
    }

    public static var noClosed: Self {
        Self("the deal has no `closed`", hint: "add the date it was signed: `closed: 2024-04-02`")
    }
}

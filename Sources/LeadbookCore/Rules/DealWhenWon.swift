import LeadbookText

extension Rule {
    public static let missingDeal = Rule("missing-deal", .error, "A won customer has `deal` with `amount` and `closed`.")
}

/// Won means a deal: its amount and date feed the deal size and the sales cycle.
public enum DealWhenWon: CustomerRule {
    public static let rule = Rule.missingDeal

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        guard context.customer.status == .won else { return }
        guard context.has("deal") else {
            findings.report(rule, at: context.offset(of: "status"), "status is won but there is no `deal`",
                            hint: "add `deal: {amount: 180000, closed: 2024-04-02}`")
            return
        }
        let deal = context.frontMatter?["deal"]
        for key in ["amount", "closed"] where deal?[key] == nil || deal?[key]?.isEmpty == true {
            findings.report(rule, at: context.offset(of: "deal"), "the deal has no `\(key)`",
                            hint: key == "amount" ? "add the contract value in CNY: `amount: 180000`" : "add the date it was signed: `closed: 2024-04-02`")
        }
    }
}

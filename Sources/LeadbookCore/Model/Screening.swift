/// Seed section 1's screening: per industry, minimum employees, minimum budget and need
/// keywords (any one of them in `needs`). Unknown facts do not pass: the lead is screened
/// again when they are recorded.
public struct ScreeningResult: Sendable, Equatable {
    public enum Outcome: String, Sendable { case pass, fail, noRule = "no-rule" }
    public var outcome: Outcome
    public var industry: String?
    /// One line per criterion: what was asked, what the customer has, met or not.
    public var reasons: [String]

    public static func screen(_ customer: Customer, _ configuration: Configuration) -> ScreeningResult {
        guard let industry = customer.industry,
              let rule = configuration.screening.first(where: { $0.industry == industry }) else {
            return ScreeningResult(outcome: .noRule, industry: customer.industry,
                                   reasons: ["no screening rule for industry \(customer.industry ?? "(not recorded)")"])
        }
        var reasons: [String] = []
        var pass = true
        if let minimum = rule.minEmployees {
            if let employees = customer.employees {
                let met = employees >= minimum
                pass = pass && met
                reasons.append("employees \(employees) \(met ? ">=" : "<") \(minimum): \(met ? "met" : "not met")")
            } else {
                pass = false
                reasons.append("employees not recorded (needs >= \(minimum))")
            }
        }
        if let minimum = rule.minBudget {
            if let budget = customer.budget {
                let met = budget >= minimum
                pass = pass && met
                reasons.append("budget \(Money.format(budget)) \(met ? ">=" : "<") \(Money.format(minimum)): \(met ? "met" : "not met")")
            } else {
                pass = false
                reasons.append("budget not recorded (needs >= \(Money.format(minimum)))")
            }
        }
        if !rule.keywords.isEmpty {
            let needs = customer.needs ?? ""
            let found = rule.keywords.filter { !$0.isEmpty && needs.contains($0) }
            pass = pass && !found.isEmpty
            reasons.append(found.isEmpty
                ? "needs mention none of \(rule.keywords.joined(separator: ", ")): not met"
                : "needs mention \(found.joined(separator: ", ")): met")
        }
        return ScreeningResult(outcome: pass ? .pass : .fail, industry: industry, reasons: reasons)
    }
}

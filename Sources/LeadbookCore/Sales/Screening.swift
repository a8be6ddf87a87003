import LeadbookText

/// The toolkit's screening (section 1): per industry, minimum employees, minimum budget and need
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
        func atLeast<Value: Comparable>(_ name: String, _ value: Value?, _ minimum: Value?, _ text: (Value) -> String) {
            guard let minimum else { return }
            guard let value else {
                pass = false
                reasons.append("\(name) not recorded (needs >= \(text(minimum)))")
                return
            }
            let met = value >= minimum
            pass = pass && met
            reasons.append("\(name) \(text(value)) \(met ? ">=" : "<") \(text(minimum)): \(met ? "met" : "not met")")
        }
        atLeast("employees", customer.employees, rule.minEmployees) { String($0) }
        atLeast("budget", customer.budget, rule.minBudget, Money.format)
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

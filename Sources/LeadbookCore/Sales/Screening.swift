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
                                   reasons: [Wording<ScreeningResult>.noRule(customer.industry).text])
        }
        var reasons: [String] = []
        var pass = true
        func atLeast<Value: Comparable>(_ name: String, _ value: Value?, _ minimum: Value?, _ text: (Value) -> String) {
            guard let minimum else { return }
            guard let value else {
                pass = false
                reasons.append(Wording<ScreeningResult>.notRecorded(name, needs: text(minimum)).text)
                return
            }
            let met = value >= minimum
            pass = pass && met
            reasons.append(Wording<ScreeningResult>.atLeast(name, text(value), text(minimum), met: met).text)
        }
        atLeast(Wording<ScreeningResult>.employees.text, customer.employees, rule.minEmployees) { String($0) }
        atLeast(Wording<ScreeningResult>.budget.text, customer.budget, rule.minBudget, Money.format)
        if !rule.keywords.isEmpty {
            let needs = customer.needs ?? ""
            let found = rule.keywords.filter { !$0.isEmpty && needs.contains($0) }
            pass = pass && !found.isEmpty
            reasons.append((found.isEmpty ? Wording<ScreeningResult>.needsNone(rule.keywords) : Wording<ScreeningResult>.needsMention(found)).text)
        }
        return ScreeningResult(outcome: pass ? .pass : .fail, industry: industry, reasons: reasons)
    }
}

extension Wording where Of == ScreeningResult {
    public static func noRule(_ industry: String?) -> Self { Self("no screening rule for industry \(industry ?? "(not recorded)")") }
    public static let employees = Self("employees")
    public static let budget = Self("budget")
    public static func notRecorded(_ name: String, needs minimum: String) -> Self { Self("\(name) not recorded (needs >= \(minimum))") }

    public static func atLeast(_ name: String, _ value: String, _ minimum: String, met: Bool) -> Self {
        Self("\(name) \(value) \(met ? ">=" : "<") \(minimum): \(met ? "met" : "not met")")
    }

    public static func needsNone(_ keywords: [String]) -> Self { Self("needs mention none of \(keywords.joined(separator: ", ")): not met") }
    public static func needsMention(_ found: [String]) -> Self { Self("needs mention \(found.joined(separator: ", ")): met") }
}

import LeadbookText

/// The toolkit's screening (section 1): per industry, minimum employees, minimum budget and need
/// keywords (any one of them in `needs`). Unknown facts do not pass: the lead is screened
/// again when they are recorded.
public struct ScreeningResult: Sendable, Equatable {
    public enum Outcome: String, Sendable { case pass, fail, noRule = "no-rule" }
    public var outcome: Outcome
    public var industry: String?
    /// One line per criterion: what was asked, what the customer has, met or not; in both
    /// languages.
    public var reasonPhrases: [Phrase]
    /// The criteria not met or not recorded, a part of `reasonPhrases`: why a lead failed.
    public var unmetPhrases: [Phrase] = []
    /// The reasons in English.
    public var reasons: [String] { reasonPhrases.map(\.en) }

    /// The verdict alone, as `screen` gives it, without its reasons (what the summary counts
    /// for every customer).
    public static func outcome(_ customer: Customer, _ configuration: Configuration) -> Outcome {
        guard let industry = industry(customer), let rule = rule(industry, configuration) else { return .noRule }
        return rule.admits(customer) ? .pass : .fail
    }

    /// The industry a lead is screened by: its value without surrounding spaces and tabs
    /// (`industry: " 制造业"` is 制造业, as `list --industry` matches it); nil when empty.
    public static func industry(_ customer: Customer) -> String? {
        guard let value = customer.industry else { return nil }
        let trimmed = value.trimmingSpaces
        return trimmed.isEmpty ? nil : trimmed
    }

    /// leadbook.yml's screening rule for `industry`, its name compared trimmed as well.
    static func rule(_ industry: String, _ configuration: Configuration) -> ScreeningCriterion? {
        configuration.screening.first { $0.industry == industry || $0.industry.trimmingSpaces == industry }
    }

    public static func screen(_ customer: Customer, _ configuration: Configuration) -> ScreeningResult {
        guard let industry = industry(customer), let rule = rule(industry, configuration) else {
            let shown = Self.industry(customer)
            return ScreeningResult(outcome: .noRule, industry: shown, reasonPhrases: [Wording<ScreeningResult>.noRule(shown).phrase])
        }
        var reasons: [Phrase] = []
        var unmet: [Phrase] = []
        func atLeast<Value: Comparable>(_ name: Phrase, _ value: Value?, _ minimum: Value?, _ text: (Value) -> String) {
            guard let minimum else { return }
            guard let value else {
                reasons.append(Wording<ScreeningResult>.notRecorded(name, needs: text(minimum)).phrase)
                unmet.append(reasons[reasons.count - 1])
                return
            }
            let met = value >= minimum
            reasons.append(Wording<ScreeningResult>.atLeast(name, text(value), text(minimum), met: met).phrase)
            if !met { unmet.append(reasons[reasons.count - 1]) }
        }
        atLeast(Wording<ScreeningResult>.employees.phrase, customer.employees, rule.minEmployees) { String($0) }
        atLeast(Wording<ScreeningResult>.budget.phrase, customer.budget, rule.minBudget, Money.format)
        if !rule.keywords.isEmpty {
            let needs = customer.needs ?? ""
            let found = rule.keywords.filter { !$0.isEmpty && needs.contains($0) }
            reasons.append((found.isEmpty ? Wording<ScreeningResult>.needsNone(rule.keywords) : Wording<ScreeningResult>.needsMention(found)).phrase)
            if found.isEmpty { unmet.append(reasons[reasons.count - 1]) }
        }
        return ScreeningResult(outcome: rule.admits(customer) ? .pass : .fail, industry: industry, reasonPhrases: reasons,
                               unmetPhrases: unmet)
    }
}

extension ScreeningCriterion {
    /// The customer meets every minimum and its needs mention a keyword; a fact not recorded
    /// does not meet its minimum.
    public func admits(_ customer: Customer) -> Bool {
        if let minEmployees {
            guard let employees = customer.employees, employees >= minEmployees else { return false }
        }
        if let minBudget {
            guard let budget = customer.budget, budget >= minBudget else { return false }
        }
        if !keywords.isEmpty {
            let needs = customer.needs ?? ""
            if !keywords.contains(where: { !$0.isEmpty && needs.contains($0) }) { return false }
        }
        return true
    }
}

extension Wording where Of == ScreeningResult {
    public static func noRule(_ industry: String?) -> Self {
        Self("no screening rule for industry \(industry ?? "(not recorded)")", "行业 \(industry ?? "（未记录）") 没有筛选规则")
    }
    public static let employees = Self("employees", "员工人数")
    public static let budget = Self("budget", "预算")
    public static func notRecorded(_ name: Phrase, needs minimum: String) -> Self {
        Self(name + Phrase(" not recorded (needs >= \(minimum))", "未记录（要求 >= \(minimum)）"))
    }

    public static func atLeast(_ name: Phrase, _ value: String, _ minimum: String, met: Bool) -> Self {
        Self(name + " \(value) \(met ? ">=" : "<") \(minimum)" + (met ? Phrase(": met", "：符合") : Phrase(": not met", "：不符合")))
    }

    public static func needsNone(_ keywords: [String]) -> Self {
        Self("needs mention none of \(keywords.joined(separator: ", ")): not met", "需求里没有提到 \(keywords.joined(separator: "、")) 中的任何一个：不符合")
    }
    public static func needsMention(_ found: [String]) -> Self {
        Self("needs mention \(found.joined(separator: ", ")): met", "需求里提到了 \(found.joined(separator: "、"))：符合")
    }
}

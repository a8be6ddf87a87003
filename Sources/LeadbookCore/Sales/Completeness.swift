import LeadbookText

/// How much of the toolkit's key information a lead has (complete / mostly / incomplete).
public enum Completeness: String, Sendable, CaseIterable {
    case complete, mostly, incomplete

    public var label: String {
        switch self {
        case .complete: return "完整"
        case .mostly: return "基本完整"
        case .incomplete: return "不完整"
        }
    }

    /// The key fields: name, industry, region, a contact with phone or email, needs, budget, decision_by.
    public static let keyFields = ["name", "industry", "region", "contact", "needs", "budget", "decision_by"]

    /// The key fields a customer has filled.
    public static func filled(_ customer: Customer) -> [String] {
        var filled: [String] = []
        if !(customer.name ?? "").isEmpty { filled.append("name") }
        if !(customer.industry ?? "").isEmpty { filled.append("industry") }
        if !(customer.region ?? "").isEmpty { filled.append("region") }
        if customer.contacts.contains(where: { !($0.phone ?? "").isEmpty || !($0.email ?? "").isEmpty }) { filled.append("contact") }
        if !(customer.needs ?? "").isEmpty { filled.append("needs") }
        if customer.budget != nil { filled.append("budget") }
        if customer.decisionBy != nil { filled.append("decision_by") }
        return filled
    }

    public static func of(_ customer: Customer) -> Completeness {
        of(count: filled(customer).count)
    }

    /// All seven: complete; five or six: mostly; fewer: incomplete.
    public static func of(count: Int) -> Completeness {
        if count == keyFields.count { return .complete }
        if count >= 5 { return .mostly }
        return .incomplete
    }
}

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

    /// The key fields (`CustomerField` entries with a `keyField`): name, industry, region, a
    /// contact with phone or email, needs, budget, decision_by.
    public static let keyFields = CustomerField.keyFields.map(\.name)

    /// The key fields a customer has filled.
    public static func filled(_ customer: Customer) -> [String] {
        var filled: [String] = []
        for field in CustomerField.keyFields where field.filled(customer) { filled.append(field.name) }
        return filled
    }

    public static func of(_ customer: Customer) -> Completeness {
        var count = 0
        for field in CustomerField.keyFields where field.filled(customer) { count += 1 }
        return of(count: count)
    }

    /// All seven: complete; five or six: mostly; fewer: incomplete.
    public static func of(count: Int) -> Completeness {
        if count == keyFields.count { return .complete }
        if count >= 5 { return .mostly }
        return .incomplete
    }
}

import LeadbookText

/// The values leadbook computes from others: grade from score, status and next from the log.
/// `sync` writes them; `check` reports them when the file disagrees.
public enum DerivedValues {
    /// The grade the score gives, when all four parts are there.
    public static func grade(_ customer: Customer, _ configuration: Configuration) -> Grade? {
        customer.score?.total.map { configuration.scoring.grade(forTotal: $0) }
    }

    /// The last status written in the follow-up log, and the entry it is in.
    public static func status(_ customer: Customer) -> (Status, FollowUp)? {
        for entry in customer.followUps.reversed() {
            if let status = entry.status { return (status, entry) }
        }
        return nil
    }

    /// The last `next:` date written in the follow-up log.
    public static func next(_ customer: Customer) -> (LocalDate, FollowUp)? {
        for entry in customer.followUps.reversed() {
            if let next = entry.next { return (next, entry) }
        }
        return nil
    }

    /// The grade a customer is worked as: the score's grade, else the grade written, else the
    /// intent read as a grade (A, B, C) for a lead not yet scored.
    public static func workingGrade(_ customer: Customer, _ configuration: Configuration) -> Grade? {
        workingGrade(customer, scored: grade(customer, configuration))
    }

    /// The working grade when the score's grade (`grade(_:_:)`) is already known.
    public static func workingGrade(_ customer: Customer, scored: Grade?) -> Grade? {
        if let scored { return scored }
        if let grade = customer.grade { return grade }
        switch customer.intent {
        case .A?: return .A
        case .B?: return .B
        case .C?: return .C
        case nil: return nil
        }
    }

    /// Text for a status in the language the file already uses for it.
    public static func statusText(_ status: Status, likeExisting existing: String?) -> String {
        guard let existing, let first = existing.unicodeScalars.first else { return status.rawValue }
        return first.value >= 0x80 ? status.label : status.rawValue
    }

    /// Text for a grade in the style the file already uses (`S` or `S级`).
    public static func gradeText(_ grade: Grade, likeExisting existing: String?) -> String {
        if let existing, existing.hasSuffix("级") { return grade.label }
        return grade.rawValue
    }
}

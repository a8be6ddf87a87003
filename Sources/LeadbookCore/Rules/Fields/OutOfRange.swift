import LeadbookText

/// Numbers within their range: score parts within their maxima (leadbook.yml `scoring.max`),
/// amounts and counts not negative, whole numbers within Int64, amounts exact (15 digits);
/// in leadbook.yml, grade thresholds falling from S to B.
public enum OutOfRange: RuleDefinition {
    public static let rule = Rule("out-of-range", .error, "Numbers are within their range (score parts within their maxima, amounts not negative).")

    public static func report(_ message: Message, at offset: Int, _ findings: inout Findings) {
        findings.report(message, at: offset)
    }
}

extension RuleMessage where Of == OutOfRange {
    public static func wholeNumberTooLarge(_ field: String, _ text: String) -> Self {
        Self("`\(field)` is too large: `\(text)`", hint: "the largest whole number is \(Int.max)")
    }

    /// A negative whole number beyond what any field holds.
    public static func wholeNumberTooSmall(_ field: String, _ text: String, minimum: Int) -> Self {
        Self("`\(field)` is too small: `\(text)`", hint: "use a number of \(minimum) or more")
    }

    public static func amountTooLarge(_ field: String, _ text: String) -> Self {
        Self("`\(field)` is too large: `\(text)`", hint: "amounts are at most 15 digits before the decimal point")
    }

    /// `maximum` is `Int.max` for a number without an upper bound.
    public static func outside(_ field: String, _ value: Int, minimum: Int, maximum: Int) -> Self {
        if maximum == Int.max {
            return Self("`\(field)` is \(value); it must be \(minimum) or more", hint: "use a number of \(minimum) or more")
        }
        return Self("`\(field)` is \(value); it must be between \(minimum) and \(maximum)", hint: "use a number from \(minimum) to \(maximum)")
    }

    public static func negativeAmount(_ field: String) -> Self {
        Self("`\(field)` is negative", hint: "amounts are 0 or more")
    }

    public static func gradeThresholds(_ scoring: Configuration.Scoring) -> Self {
        Self("grade thresholds must fall from S to B (S \(scoring.gradeS), A \(scoring.gradeA), B \(scoring.gradeB))",
             hint: "use thresholds like {S: 80, A: 60, B: 40}")
    }
}

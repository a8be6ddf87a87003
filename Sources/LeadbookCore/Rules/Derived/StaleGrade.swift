import LeadbookText

/// A score edited without its grade: the pre-commit hook stops it, `leadbook sync` fixes it.
public enum StaleGrade: CustomerRule {
    public static let rule = Rule("stale-grade", .error, "`grade` is the grade of the score (S >= 80, A >= 60, B >= 40 by default).")

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let customer = context.customer
        guard !customer.isTombstone, let expected = DerivedValues.grade(customer, context.configuration),
              let total = customer.score?.total else { return }
        guard customer.grade != expected else { return }
        if let written = customer.grade {
            findings.report(Message.differs(written, score: total, gives: expected, context.configuration.scoring),
                            at: context.offset(of: "grade"))
        } else if context.has("grade"), !context.hasValue("grade") {
            findings.report(Message.empty(score: total, gives: expected), at: context.offset(of: "grade"))
        } else if !context.has("grade") {
            findings.report(Message.missing(score: total, gives: expected), at: context.offset(of: "score"))
        }
    }
}

extension RuleMessage where Of == StaleGrade {
    public static func differs(_ written: Grade, score total: Int, gives expected: Grade, _ scoring: Configuration.Scoring) -> Self {
        Self("grade is \(written.rawValue) but the score \(total) gives \(expected.rawValue) (S >= \(scoring.gradeS), A >= \(scoring.gradeA), B >= \(scoring.gradeB))",
             hint: "run `leadbook sync` to write grade \(expected.rawValue), or correct the score")
    }

    public static func empty(score total: Int, gives expected: Grade) -> Self {
        Self("the score \(total) gives grade \(expected.rawValue) but `grade` is empty", hint: "run `leadbook sync` to write it")
    }

    public static func missing(score total: Int, gives expected: Grade) -> Self {
        Self("the score \(total) gives grade \(expected.rawValue) but there is no `grade`", hint: "run `leadbook sync` to write it")
    }
}

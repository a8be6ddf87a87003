import LeadbookText

/// A score edited without its grade: the pre-commit hook stops it, `leadbook sync` fixes it.
public enum StaleGrade: CustomerRule {
    public static let rule = Rule("stale-grade", .error, Phrase("`grade` is the grade of the score (S >= 80, A >= 60, B >= 40 by default).",
                                                          "`grade` 是评分对应的线索等级（默认 S >= 80、A >= 60、B >= 40）。"))

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let customer = context.customer
        guard !customer.isTombstone, let expected = DerivedValues.grade(customer, context.configuration),
              let total = customer.score?.total else { return }
        guard customer.grade != expected else { return }
        if let written = customer.grade {
            findings.report(Message.differs(written, score: total, gives: expected, context.configuration.scoring),
                            at: context.offset(of: "grade"), derived: DerivedFinding(.grade, written: true))
        } else if context.has("grade"), !context.hasValue("grade") {
            findings.report(Message.empty(score: total, gives: expected), at: context.offset(of: "grade"), derived: DerivedFinding(.grade, written: false))
        } else if !context.has("grade") {
            findings.report(Message.missing(score: total, gives: expected), at: context.offset(of: "score"), derived: DerivedFinding(.grade, written: false))
        }
    }
}

extension RuleMessage where Of == StaleGrade {
    public static func differs(_ written: Grade, score total: Int, gives expected: Grade, _ scoring: Configuration.Scoring) -> Self {
        Self("grade is \(written.rawValue) but the score \(total) gives \(expected.rawValue) (S >= \(scoring.gradeS), A >= \(scoring.gradeA), B >= \(scoring.gradeB))",
             "线索等级写的是 \(written.rawValue)，但评分 \(total) 对应的是 \(expected.rawValue)（S >= \(scoring.gradeS)，A >= \(scoring.gradeA)，B >= \(scoring.gradeB)）",
             hint: Phrase("run `leadbook sync` to write grade \(expected.rawValue), or correct the score",
                          "运行 `leadbook sync` 写入等级 \(expected.rawValue)，或者改正评分"))
    }

    public static func empty(score total: Int, gives expected: Grade) -> Self {
        Self("the score \(total) gives grade \(expected.rawValue) but `grade` is empty", "评分 \(total) 对应等级 \(expected.rawValue)，但 `grade` 是空的", hint: syncWrites)
    }

    public static func missing(score total: Int, gives expected: Grade) -> Self {
        Self("the score \(total) gives grade \(expected.rawValue) but there is no `grade`", "评分 \(total) 对应等级 \(expected.rawValue)，但没有写 `grade`", hint: syncWrites)
    }

    static var syncWrites: Phrase { Phrase("run `leadbook sync` to write it", "运行 `leadbook sync` 自动写入") }
}

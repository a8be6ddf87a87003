import LeadbookText

extension Rule {
    public static let staleGrade = Rule("stale-grade", .error, "`grade` is the grade of the score (S >= 80, A >= 60, B >= 40 by default).")
    public static let staleStatus = Rule("stale-status", .error, "`status` is the last status in the follow-up log.")
    public static let staleNext = Rule("stale-next", .error, "`next` is the last `next:` date in the follow-up log.")
}

/// A score edited without its grade: the pre-commit hook stops it, `leadbook sync` fixes it.
public enum StaleGrade: CustomerRule {
    public static let rule = Rule.staleGrade

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let customer = context.customer
        guard !customer.isTombstone, let expected = DerivedValues.grade(customer, context.configuration),
              let total = customer.score?.total else { return }
        guard customer.grade != expected else { return }
        let scoring = context.configuration.scoring
        if let written = customer.grade {
            findings.report(rule, at: context.offset(of: "grade"),
                            "grade is \(written.rawValue) but the score \(total) gives \(expected.rawValue) (S >= \(scoring.gradeS), A >= \(scoring.gradeA), B >= \(scoring.gradeB))",
                            hint: "run `leadbook sync` to write grade \(expected.rawValue), or correct the score")
        } else if context.has("grade"), !context.hasValue("grade") {
            findings.report(rule, at: context.offset(of: "grade"), "the score \(total) gives grade \(expected.rawValue) but `grade` is empty",
                            hint: "run `leadbook sync` to write it")
        } else if !context.has("grade") {
            findings.report(rule, at: context.offset(of: "score"), "the score \(total) gives grade \(expected.rawValue) but there is no `grade`",
                            hint: "run `leadbook sync` to write it")
        }
    }
}

public enum StaleStatus: CustomerRule {
    public static let rule = Rule.staleStatus

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let customer = context.customer
        guard !customer.isTombstone, let (expected, entry) = DerivedValues.status(customer),
              let written = customer.status, written != expected else { return }
        findings.report(rule, at: context.offset(of: "status"),
                        "status is \(written.rawValue) but the last follow-up (\(entry.date?.description ?? "line \(entry.line)")) says \(expected.rawValue) (\(expected.label))",
                        hint: "run `leadbook sync`; to change the status, log a follow-up with `- status:`")
    }
}

public enum StaleNext: CustomerRule {
    public static let rule = Rule.staleNext

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let customer = context.customer
        guard !customer.isTombstone, let (expected, entry) = DerivedValues.next(customer) else { return }
        if customer.next == expected { return }
        if let written = customer.next {
            findings.report(rule, at: context.offset(of: "next"),
                            "next is \(written) but the last follow-up (\(entry.date?.description ?? "line \(entry.line)")) plans \(expected)",
                            hint: "run `leadbook sync`; to plan another date, log a follow-up with `- next:`")
        } else if context.frontMatter?["next"] == nil || context.frontMatter?["next"]?.isEmpty == true {
            findings.report(rule, at: context.offset(of: "status"), "the last follow-up plans \(expected) but there is no `next`",
                            hint: "run `leadbook sync` to write it")
        }
    }
}

import LeadbookText

/// Sub-scores proposed from facts by leadbook.yml `scoring.rules`, for a customer without a
/// score. They are written without `reviewed_by`: the toolkit has a rep score, a manager review
/// and the system sum, and a proposal is only the first of the three.
public struct ScoreProposal: Sendable, Equatable {
    public var score: Score
    /// Why each part got its points, in both languages.
    public var reasonPhrases: [Phrase]
    /// The reasons in English.
    public var reasons: [String] { reasonPhrases.map(\.en) }

    public var fields: [(String, String)] {
        [("size", String(score.size ?? 0)), ("budget", String(score.budget ?? 0)),
         ("urgency", String(score.urgency ?? 0)), ("decision", String(score.decision ?? 0))]
    }

    public var summary: String {
        "\(score.size ?? 0)/\(score.budget ?? 0)/\(score.urgency ?? 0)/\(score.decision ?? 0)"
    }

    public static func == (lhs: ScoreProposal, rhs: ScoreProposal) -> Bool { lhs.score == rhs.score }

    /// nil without rules, or when the customer already has a score.
    public static func propose(_ customer: Customer, _ configuration: Configuration) -> ScoreProposal? {
        guard let rules = configuration.scoring.rules, customer.score == nil else { return nil }
        var score = Score()
        var reasons: [Phrase] = []
        func band<T: Comparable>(_ value: T?, _ bands: [ScoringPolicy.Band<T>], _ what: Phrase) -> Int {
            guard let value else {
                let fallback = bands.first(where: { $0.threshold == nil })?.points ?? 0
                reasons.append(Wording<ScoreProposal>.notRecorded(what, fallback).phrase)
                return fallback
            }
            for band in bands {
                if let threshold = band.threshold {
                    if band.atMost ? value <= threshold : value >= threshold {
                        reasons.append(Wording<ScoreProposal>.band(what, "\(value)", atMost: band.atMost, "\(threshold)", band.points).phrase)
                        return band.points
                    }
                } else {
                    reasons.append(Wording<ScoreProposal>.points(what, "\(value)", band.points).phrase)
                    return band.points
                }
            }
            reasons.append(Wording<ScoreProposal>.points(what, "\(value)", 0).phrase)
            return 0
        }
        let scoring = configuration.scoring
        score.size = min(scoring.maxSize, band(customer.employees, rules.size, Wording<ScoreProposal>.employees.phrase))
        score.budget = min(scoring.maxBudget, band(customer.budget, rules.budget, Wording<ScoreProposal>.budget.phrase))
        var days: Int?
        if let decisionBy = customer.decisionBy, let created = customer.created {
            days = decisionBy.dayNumber - created.date.dayNumber
        }
        score.urgency = min(scoring.maxUrgency, band(days, rules.urgency, Wording<ScoreProposal>.daysToDecision.phrase))
        let hasDecisionMaker = customer.contacts.contains { $0.role == .decisionMaker }
        score.decision = min(scoring.maxDecision, hasDecisionMaker ? rules.decisionMaker : rules.noDecisionMaker)
        reasons.append((hasDecisionMaker ? Wording<ScoreProposal>.decisionMaker(rules.decisionMaker) : Wording<ScoreProposal>.noDecisionMaker(rules.noDecisionMaker)).phrase)
        return ScoreProposal(score: score, reasonPhrases: reasons)
    }
}

/// leadbook.yml `scoring.rules`: bands that turn facts into points.
public struct ScoringPolicy: Sendable {
    /// `{min: 1000, points: 30}` (value >= min), `{max: 30, points: 20}` (value <= max), or
    /// `{points: 5}` (anything else). Bands are tried in order.
    public struct Band<T: Comparable & Sendable>: Sendable {
        public var threshold: T?
        public var atMost: Bool
        public var points: Int
    }

    public var size: [Band<Int>] = []
    public var budget: [Band<Double>] = []
    public var urgency: [Band<Int>] = []
    public var decisionMaker = 0
    public var noDecisionMaker = 0

    public init() {}
}

extension Wording where Of == ScoreProposal {
    public static let employees = Self("employees", "员工人数")
    public static let budget = Self("budget", "预算")
    public static let daysToDecision = Self("days to decision", "距决策天数")
    public static func notRecorded(_ what: Phrase, _ points: Int) -> Self { Self(what + Phrase(" not recorded: \(points)", "未记录：\(points)")) }

    public static func band(_ what: Phrase, _ value: String, atMost: Bool, _ threshold: String, _ points: Int) -> Self {
        Self(what + " \(value) \(atMost ? "<=" : ">=") \(threshold)" + Phrase(": \(points)", "：\(points)"))
    }

    public static func points(_ what: Phrase, _ value: String, _ points: Int) -> Self { Self(what + " \(value)" + Phrase(": \(points)", "：\(points)")) }
    public static func decisionMaker(_ points: Int) -> Self { Self("a decision-maker is known: \(points)", "已知决策人：\(points)") }
    public static func noDecisionMaker(_ points: Int) -> Self { Self("no decision-maker known: \(points)", "未知决策人：\(points)") }
}

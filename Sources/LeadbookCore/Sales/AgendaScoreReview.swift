import LeadbookText

/// The manager's review of a rep's score (the toolkit, section 2: 销售代表打分，销售经理复核):
/// who reviews (leadbook.yml `score_review.roles`) and by when (`score_review.days` after
/// `created`, the capture, when the rep scores the lead).
public enum ScoreReview {
    /// The members whose role reviews scores, in team order.
    public static func reviewers(in configuration: Configuration) -> [TeamMember] {
        let roles = configuration.scoreReviewRoles
        return configuration.team.filter { member in member.role.map(roles.contains) ?? false }
    }

    /// Who reviews this customer's score: the reviewers of its owner's team (`group`); every
    /// reviewer of the team when the owner has no group, the group has no reviewer, or the
    /// customer has no owner in the team.
    public static func reviewers(of customer: Customer, _ configuration: Configuration) -> [TeamMember] {
        let all = reviewers(in: configuration)
        guard let owner = customer.owner, !owner.isEmpty, let group = configuration.member(named: owner)?.group else { return all }
        let mine = all.filter { $0.group == group }
        return mine.isEmpty ? all : mine
    }

    /// Whether a score counts as reviewed: `reviewed_by` names a member whose role reviews
    /// scores (any name without a team). A `reviewed` date alone says when, not who, so it
    /// leaves the score to be reviewed (rule `score-reviewer` asks who); the grade review
    /// still counts from it. A "review" by someone else (rule `score-reviewer`) leaves the
    /// score to be reviewed too.
    public static func isReviewed(_ score: Score, _ configuration: Configuration) -> Bool {
        guard let reviewer = score.reviewedBy, !reviewer.isEmpty else { return false }
        if configuration.team.isEmpty { return true }
        guard let role = configuration.member(named: reviewer)?.role else { return false }
        return configuration.scoreReviewRoles.contains(role)
    }

    /// When an open customer's complete score, not reviewed (`isReviewed`), is due for its
    /// review: the end of the day `score_review.days` after `created`. nil when there is
    /// nothing to review, nobody asked to review it, or no date to count from.
    public static func due(_ customer: Customer, _ configuration: Configuration) -> LocalDateTime? {
        guard !configuration.scoreReviewRoles.isEmpty, customer.isOpen, let score = customer.score, score.total != nil,
              !isReviewed(score, configuration), let created = customer.created else { return nil }
        return TimePolicy.endOfDay(created.date.adding(days: configuration.scoreReviewDays))
    }

    /// `manager`, `manager or senior` / 销售经理、销售经理或资深销售.
    public static func rolesPhrase(_ roles: [TeamRole]) -> Phrase {
        Phrase.joined(roles.map { Phrase($0.rawValue, $0.label) }, en: " or ", zh: "或")
    }
}

extension Agenda.Scope {
    /// An unreviewed score on the agenda of each of its reviewers (`ScoreReview.reviewers(of:)`).
    func scoreReviewItems(_ customer: Customer, _ add: (Agenda.Kind, LocalDateTime, Phrase, String?) -> Void) {
        guard let due = ScoreReview.due(customer, configuration), let total = customer.score?.total, let created = customer.created else { return }
        let grade = configuration.scoring.grade(forTotal: total)
        let detail = Wording<Agenda>.scoreReview(total, grade, owner: customer.owner, days: configuration.scoreReviewDays, since: created.date).phrase
        for reviewer in ScoreReview.reviewers(of: customer, configuration) {
            add(.scoreReview, due, detail, reviewer.name)
        }
    }
}

extension Wording where Of == Agenda {
    public static let scoreReviewLabel = Self("review score", "复核评分")

    public static func scoreReview(_ total: Int, _ grade: Grade, owner: String?, days: Int, since created: LocalDate) -> Self {
        let owner = owner.flatMap { $0.isEmpty ? nil : $0 }
        return Self("score \(total) (\(grade.rawValue))" + (owner.map { " of \($0)" } ?? "") + ", within \(days) days of \(created)",
                    (owner.map { "\($0)的" } ?? "") + "评分 \(total)（\(grade.rawValue) 级），\(created) 起 \(days) 天内")
    }
}

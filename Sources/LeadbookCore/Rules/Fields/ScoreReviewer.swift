import LeadbookText

/// `score.reviewed_by` names a member of the team with a role that reviews scores (leadbook.yml
/// `score_review.roles`, default manager: the toolkit has the sales manager review a rep's score);
/// a `reviewed` date with no `reviewed_by` is asked who.
public enum ScoreReviewer: CustomerRule {
    public static let rule = Rule("score-reviewer", .warning, Phrase("`score.reviewed_by` is a member of the team who reviews scores (`score_review.roles`, default manager); a `reviewed` date names one.",
                                                                     "`score.reviewed_by` 是团队里负责复核评分的成员（`score_review.roles`，默认销售经理）；写了复核日期 `reviewed` 也要写复核人。"))

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let configuration = context.configuration
        guard !configuration.team.isEmpty, !context.customer.isTombstone, let score = context.customer.score else { return }
        let roles = configuration.scoreReviewRoles
        guard let reviewer = score.reviewedBy, !reviewer.isEmpty else {
            // A date with nobody: the review is not a manager's until it says whose.
            guard let date = score.reviewed, !roles.isEmpty else { return }
            let reviewers = ScoreReview.reviewers(of: context.customer, configuration).map(\.name)
            findings.report(Message.noReviewer(date, roles: roles, reviewers: reviewers), at: offset(context, findings, key: "reviewed"))
            return
        }
        if let member = configuration.member(named: reviewer) {
            guard !roles.isEmpty, let role = member.role, !roles.contains(role) else { return }
            let reviewers = ScoreReview.reviewers(in: configuration).map(\.name)
            findings.report(Message.wrongRole(reviewer, role, roles: roles, reviewers: reviewers), at: offset(context, findings))
        } else {
            let reviewers = ScoreReview.reviewers(in: configuration).map(\.name)
            let offset = offset(context, findings)
            let near = Suggestion.closest(to: reviewer, among: roles.isEmpty ? configuration.team.map(\.name) : reviewers)
            findings.report(Message.notMember(reviewer, near: near, roles: roles, reviewers: reviewers), at: offset,
                            suggestion: findings.suggestion(replacing: reviewer, at: offset, with: near))
        }
    }

    /// The value of `reviewed_by` in the score: from the tree, else found in the bytes after
    /// the `score` key (the flat reading keeps the position of top-level keys only).
    static func offset(_ context: CustomerContext, _ findings: Findings, key name: String = "reviewed_by") -> Int {
        if let frontMatter = context.frontMatter {
            return frontMatter["score"]?[name]?.start ?? context.offset(of: "score")
        }
        guard let score = context.position("score") else { return context.offset(of: "score") }
        let bytes = findings.source.bytes
        let key = Array(name.utf8)
        let end = min(context.layout.frontMatter.upperBound, bytes.count)
        var index = score.key
        while index + key.count <= end {
            if bytes[index] == key[0], bytes[index..<(index + key.count)].elementsEqual(key) {
                var value = index + key.count
                while value < end, bytes[value] == ASCII.space || bytes[value] == ASCII.tab { value += 1 }
                guard value < end, bytes[value] == UInt8(ascii: ":") else { index += 1; continue }
                value += 1
                while value < end, bytes[value] == ASCII.space || bytes[value] == ASCII.tab { value += 1 }
                return value
            }
            index += 1
        }
        return context.offset(of: "score")
    }
}

extension RuleMessage where Of == ScoreReviewer {
    public static func notMember(_ reviewer: String, near: String?, roles: [TeamRole], reviewers: [String]) -> Self {
        Self("the score is reviewed by `\(reviewer)`, who is not in the team", "评分复核人 `\(reviewer)` 不在团队里",
             hint: near.map { Phrase("did you mean `\($0)`?", "是不是想写 `\($0)`？") } ?? askReviewers(roles, reviewers))
    }

    public static func wrongRole(_ reviewer: String, _ role: TeamRole, roles: [TeamRole], reviewers: [String]) -> Self {
        Self("the score is reviewed by `\(reviewer)`, a \(role.rawValue); scores are reviewed by a \(ScoreReview.rolesPhrase(roles).en)",
             "评分复核人 `\(reviewer)` 是\(role.label)，评分要由\(ScoreReview.rolesPhrase(roles).zh)复核",
             hint: askReviewers(roles, reviewers))
    }

    public static func noReviewer(_ date: LocalDate, roles: [TeamRole], reviewers: [String]) -> Self {
        Self("the score has a `reviewed` date (\(date)) but no `reviewed_by`: who reviewed it? A score counts as reviewed when a \(ScoreReview.rolesPhrase(roles).en) is named",
             "评分写了复核日期 `reviewed`（\(date)），却没有复核人 `reviewed_by`：是谁复核的？写明\(ScoreReview.rolesPhrase(roles).zh)的名字才算复核",
             hint: reviewers.isEmpty ? askReviewers(roles, reviewers)
                : Phrase("add `reviewed_by: <a \(ScoreReview.rolesPhrase(roles).en)>` to the score: \(reviewers.joined(separator: ", "))",
                         "在评分里加上 `reviewed_by: <\(ScoreReview.rolesPhrase(roles).zh)>`：\(reviewers.joined(separator: "、"))"))
    }

    static func askReviewers(_ roles: [TeamRole], _ reviewers: [String]) -> Phrase {
        if reviewers.isEmpty {
            return Phrase("the team has no \(ScoreReview.rolesPhrase(roles).en): add one to `team` in leadbook.yml, or change `score_review.roles`",
                          "团队里没有\(ScoreReview.rolesPhrase(roles).zh)：在 leadbook.yml 的 `team` 里加上，或者修改 `score_review.roles`")
        }
        return Phrase("have one of \(reviewers.joined(separator: ", ")) review it and write their name",
                      "请 \(reviewers.joined(separator: "、")) 中的一位复核，再写上他的名字")
    }
}

import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The `score-review` agenda item: an open customer's complete score without `reviewed_by` is
/// on the agenda of its team's reviewers by the end of the day `score_review.days` after `created`.
final class AgendaScoreReviewTests: XCTestCase {
    let team = [
        Grading.member("王五", .manager), Grading.member("李四", .manager), Grading.member("赵六", .senior),
        Grading.member("孙八", .junior, mentor: "赵六"), Grading.member("周九", .junior, mentor: "赵六"),
    ]

    var grouped: [TeamMember] {
        var team = team
        for index in team.indices { team[index].group = ["王五": "华东组", "孙八": "华东组", "李四": "华北组", "周九": "华北组"][team[index].name] }
        return team
    }

    func configuration(_ team: [TeamMember]) -> Configuration {
        var configuration = Configuration()
        configuration.team = team
        return configuration
    }

    /// A B lead (score 50) of 孙八, captured 2024-03-01 10:30, contacted and planned, so the score is all it owes early on.
    func scored(owner: String? = "孙八", reviewer: String? = nil, status: Status = .qualified, score: Score = Grading.score(20, 10, 10, 10)) -> Customer {
        var customer = Grading.customer("LX2024018", intent: .B, created: "2024-03-01 10:30", status: status)
        customer.owner = owner
        customer.assigned = Grading.moment("2024-03-01 11:00")
        customer.score = score
        customer.score?.reviewedBy = reviewer
        customer.grade = .B
        return customer
    }

    func reviews(_ customer: Customer, at moment: String, team: [TeamMember]? = nil, configure: (inout Configuration) -> Void = { _ in }) -> [Agenda.Item] {
        var configuration = configuration(team ?? self.team)
        configure(&configuration)
        return Agenda([customer], configuration: configuration, asOf: Grading.moment(moment), days: 0).items.filter { $0.kind == .scoreReview }
    }

    /// Due by the end of 2024-03-08 (7 days after 03-01): not overdue at 23:59, overdue a minute later.
    func testExactlyAtTheDeadlineAndOneMinutePast() throws {
        let atDeadline = reviews(scored(), at: "2024-03-08 23:59")
        XCTAssertEqual(atDeadline.map(\.owner), ["王五", "李四"], "every manager of a team without groups")
        XCTAssertEqual(atDeadline.map(\.overdue), [false, false])
        XCTAssertEqual(atDeadline.first?.due, Grading.moment("2024-03-08 23:59"))
        XCTAssertEqual(Agenda.dueText(try XCTUnwrap(atDeadline.first)), "2024-03-08")
        XCTAssertEqual(reviews(scored(), at: "2024-03-09 00:00").map(\.overdue), [true, true])
        XCTAssertEqual(reviews(scored(), at: "2024-03-07 23:59").count, 0, "not yet due the day before")
        XCTAssertEqual(reviews(scored(), at: "2024-03-09 00:00", configure: { $0.scoreReviewDays = 8 }).map(\.overdue), [false, false])
    }

    func testTheDetailInBothLanguages() throws {
        let item = try XCTUnwrap(reviews(scored(), at: "2024-03-09 09:00").first)
        XCTAssertEqual(item.detailPhrase.en, "score 50 (B) of 孙八, within 7 days of 2024-03-01")
        XCTAssertEqual(item.detailPhrase.zh, "孙八的评分 50（B 级），2024-03-01 起 7 天内")
        XCTAssertEqual(item.kind.label.zh, "复核评分")
        XCTAssertEqual(item.kind.rawValue, "score-review")
    }

    /// The reviewers of the owner's group; the whole team's when the group has none or there is no owner.
    func testTheManagersOfTheOwnersTeam() {
        XCTAssertEqual(reviews(scored(), at: "2024-03-09 09:00", team: grouped).map(\.owner), ["王五"])
        XCTAssertEqual(reviews(scored(owner: "周九"), at: "2024-03-09 09:00", team: grouped).map(\.owner), ["李四"])
        XCTAssertEqual(reviews(scored(owner: "赵六"), at: "2024-03-09 09:00", team: grouped).map(\.owner), ["王五", "李四"],
                       "赵六 has no group")
        XCTAssertEqual(reviews(scored(owner: nil), at: "2024-03-09 09:00", team: grouped).map(\.owner), ["王五", "李四"])
        XCTAssertEqual(reviews(scored(), at: "2024-03-09 09:00", configure: { $0.scoreReviewRoles = [.senior] }).map(\.owner), ["赵六"])
    }

    /// `explain` says by when and by whom an unreviewed score is reviewed, and nothing once it is.
    func testExplainSaysTheReviewDeadline() {
        let lines = Explanation.gradeLines(scored(), configuration: configuration(grouped))
        XCTAssertTrue(lines.contains { $0.en == "  to be reviewed by 2024-03-08 (王五)" && $0.zh == "  复核期限 2024-03-08（王五）" },
                      lines.map(\.en).joined(separator: "\n"))
        XCTAssertFalse(Explanation.gradeLines(scored(reviewer: "王五"), configuration: configuration(grouped)).contains { $0.en.contains("to be reviewed") })
    }

    func testNothingToReviewOrNobodyToReviewIt() {
        XCTAssertEqual(reviews(scored(reviewer: "王五"), at: "2024-03-20 09:00").count, 0, "reviewed")
        var byTheJunior = scored(reviewer: "孙八")
        byTheJunior.score?.reviewed = Grading.date("2024-03-02")
        XCTAssertEqual(reviews(byTheJunior, at: "2024-03-20 09:00").map(\.owner), ["王五", "李四"], "a junior's review is none")
        XCTAssertEqual(reviews(scored(reviewer: "外人"), at: "2024-03-20 09:00").count, 2, "nor is a non-member's")
        XCTAssertEqual(reviews(scored(reviewer: "孙八"), at: "2024-03-20 09:00", configure: { $0.scoreReviewRoles = [.junior] }).count, 0)
        var dated = scored()
        dated.score?.reviewed = Grading.date("2024-03-02")
        XCTAssertEqual(reviews(dated, at: "2024-03-20 09:00").map(\.owner), ["王五", "李四"],
                       "a review date alone names no reviewer: the item stays")
        dated.score?.reviewedBy = "王五"
        XCTAssertEqual(reviews(dated, at: "2024-03-20 09:00").count, 0, "a manager named with the date")
        XCTAssertEqual(reviews(scored(score: Grading.score(20, 10, nil, 10)), at: "2024-03-20 09:00").count, 0, "a partial score")
        let won = scored(status: .won)
        XCTAssertEqual(reviews(won, at: "2024-03-20 09:00").count, 0, "closed")
        XCTAssertEqual(reviews(scored(), at: "2024-03-20 09:00", team: []).count, 0, "no team")
        XCTAssertEqual(reviews(scored(), at: "2024-03-20 09:00", configure: { $0.scoreReviewRoles = [] }).count, 0, "no review asked")
    }

    /// explain marks a review deadline already past, and says why a junior's "review" does not count.
    func testExplainMarksAnOverdueReviewAndAReviewThatDoesNotCount() {
        let late = Explanation.gradeLines(scored(), configuration: configuration(grouped), asOf: Grading.moment("2024-03-09 00:00"))
        XCTAssertTrue(late.contains { $0.en == "  to be reviewed by 2024-03-08 (王五) (overdue)" && $0.zh == "  复核期限 2024-03-08（王五）（已逾期）" },
                      late.map(\.en).joined(separator: "\n"))
        let onTime = Explanation.gradeLines(scored(), configuration: configuration(grouped), asOf: Grading.moment("2024-03-08 23:59"))
        XCTAssertTrue(onTime.contains { $0.en == "  to be reviewed by 2024-03-08 (王五)" }, onTime.map(\.en).joined(separator: "\n"))
        var junior = scored(reviewer: "孙八")
        junior.score?.reviewed = Grading.date("2024-03-05")
        let lines = Explanation.gradeLines(junior, configuration: configuration(grouped))
        XCTAssertTrue(lines.contains { $0.en == "  reviewed by 孙八 on 2024-03-05, who is a junior: does not count, scores are reviewed by a manager"
                && $0.zh == "  孙八（2024-03-05）复核过，但他是新人销售：不算数，评分要由销售经理复核" }, lines.map(\.en).joined(separator: "\n"))
        XCTAssertFalse(lines.contains { $0.en.contains("  reviewed by 孙八 on 2024-03-05\n") || $0.en == "  reviewed by 孙八 on 2024-03-05" })
        var dated = scored()
        dated.score?.reviewed = Grading.date("2024-03-05")
        let datedLines = Explanation.gradeLines(dated, configuration: configuration(grouped))
        XCTAssertTrue(datedLines.contains { $0.en == "  a `reviewed` date (2024-03-05) with no score.reviewed_by: not reviewed by a manager yet" }, datedLines.map(\.en).joined(separator: "\n"))
        XCTAssertTrue(datedLines.contains { $0.en.hasPrefix("  to be reviewed by 2024-03-08") })
    }
}

import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `assign --rebalance`: open customers whose owner has another role than their grade asks for
/// move to the rep `assign` would choose, oldest first, with the load moving along.
final class AssignmentRebalanceTests: XCTestCase {
    func owned(_ id: String, by owner: String, score: Score?, grade: Grade? = nil, created: String = "2024-03-01 09:00",
               status: Status = .qualified, region: String? = nil, industry: String? = nil) -> Customer {
        var customer = Grading.customer(id, intent: .B, created: created, status: status)
        customer.owner = owner
        customer.score = score
        customer.grade = grade
        customer.region = region
        customer.industry = industry
        return customer
    }

    let s = Grading.score(25, 25, 20, 20), a = Grading.score(20, 25, 15, 15), c = Grading.score(10, 10, 10, 5)

    func moves(_ customers: [Customer], team: [TeamMember], errors: Set<String> = [], configure: (inout Configuration) -> Void = { _ in }) -> [Assignment.Move] {
        var configuration = Configuration()
        configuration.team = team
        configure(&configuration)
        let leads = customers.compactMap { customer in
            Assignment.lead(CustomerSet.Entry(path: "customers/\(customer.id!).md", customer: customer, hasErrors: errors.contains(customer.id!)),
                            configuration: configuration)
        }
        return Assignment.rebalance(leads: leads, configuration: configuration)
    }

    let team = [
        Grading.member("经理甲", .manager, regions: ["华北"], capacity: 2),
        Grading.member("经理乙", .manager, regions: ["华东"], capacity: 2),
        Grading.member("资深丙", .senior),
        Grading.member("新人丁", .junior, mentor: "资深丙"),
    ]

    func testAJuniorsSGoesToTheManagerTheRankingPicks() {
        let found = moves([owned("LX2024001", by: "新人丁", score: s, region: "华东"), owned("LX2024002", by: "新人丁", score: c)], team: team)
        XCTAssertEqual(found.count, 1, "the C stays with its junior")
        let move = found[0]
        XCTAssertEqual(move.customerId, "LX2024001")
        XCTAssertEqual(move.from, "新人丁")
        XCTAssertEqual(move.fromRole, .junior)
        XCTAssertEqual(move.role, .manager)
        XCTAssertEqual(move.rep?.name, "经理乙", "region 华东 matches")
        XCTAssertEqual(move.grade, .S)
        XCTAssertEqual(move.gradeSourcePhrase.en, "score 90")
        XCTAssertEqual(move.reasonPhrase.en, "region 华东 matches, 0 open of 2")
        XCTAssertEqual(move.reasonPhrase.zh, "区域 华东 匹配，在跟 0 位（上限 2）")
    }

    func testAManagersCGoesToAJuniorWithTheMentorSaid() {
        let found = moves([owned("LX2024001", by: "经理甲", score: c)], team: team)
        XCTAssertEqual(found.map(\.rep?.name), ["新人丁"])
        XCTAssertTrue(found[0].reasonPhrase.en.hasSuffix("mentor 资深丙"), found[0].reasonPhrase.en)
    }

    /// Capacity counts the customers already owned and those moved in this run; the old owner's
    /// load goes down as a customer leaves.
    func testCapacityAndTheLoadMovingAlong() {
        let found = moves([
            owned("LX2024010", by: "经理甲", score: s, created: "2024-01-01 09:00"),
            owned("LX2024011", by: "经理乙", score: s, created: "2024-01-01 09:00"),
            owned("LX2024012", by: "经理乙", score: s, created: "2024-01-01 09:00"),
            owned("LX2024003", by: "新人丁", score: s, created: "2024-03-03 09:00"),
            owned("LX2024001", by: "新人丁", score: s, created: "2024-03-01 09:00"),
            owned("LX2024002", by: "资深丙", score: s, created: "2024-03-02 09:00"),
        ], team: team)
        XCTAssertEqual(found.map(\.customerId), ["LX2024001", "LX2024002", "LX2024003"], "oldest lead first")
        XCTAssertEqual(found.map(\.rep?.name), ["经理甲", nil, nil], "经理甲 1 of 2 takes one; then both are full")
        XCTAssertEqual(found[1].reasonPhrase.en, "no manager has capacity left (经理甲 2/2, 经理乙 2/2)")
        XCTAssertEqual(found[1].reasonPhrase.zh, "销售经理都已满额（经理甲 2/2，经理乙 2/2）")
    }

    func testNoRepOfTheRoleOrAFileWithErrorsStays() {
        let juniors = [Grading.member("新人丁", .junior, mentor: "资深丙"), Grading.member("资深丙", .senior)]
        let found = moves([owned("LX2024001", by: "新人丁", score: s)], team: juniors)
        XCTAssertNil(found[0].rep)
        XCTAssertEqual(found[0].reasonPhrase.en, "the team has no manager")
        let broken = moves([owned("LX2024001", by: "新人丁", score: s)], team: team, errors: ["LX2024001"])
        XCTAssertNil(broken[0].rep)
        XCTAssertEqual(broken[0].reasonPhrase.en, "the file has errors; run `leadbook check customers/LX2024001.md`")
    }

    func testClosedUnscoredAndWellPlacedCustomersDoNotMove() {
        let found = moves([
            owned("LX2024001", by: "新人丁", score: s, status: .won),
            owned("LX2024002", by: "新人丁", score: nil),
            owned("LX2024003", by: "经理甲", score: s),
            owned("LX2024004", by: "资深丙", score: nil, grade: .A),
        ], team: team)
        XCTAssertTrue(found.isEmpty, found.map(\.customerId).joined(separator: ", "))
    }

    /// `grade_roles` decides for the rebalance as for `assign`.
    func testGradeRolesDecide() {
        let found = moves([owned("LX2024001", by: "资深丙", score: s), owned("LX2024002", by: "新人丁", score: a)], team: team) {
            $0.gradeRoles[.S] = .senior
            $0.gradeRoles[.A] = .junior
        }
        XCTAssertTrue(found.isEmpty)
        var configuration = Configuration()
        configuration.team = team
        configuration.gradeRoles[.A] = .manager
        let decisions = Assignment.plan([CustomerSet.Entry(path: "customers/LX2024005.md", customer: {
            var lead = Grading.customer("LX2024005", intent: .B, status: .untouched)
            lead.score = a
            return lead
        }())], configuration: configuration)
        XCTAssertEqual(decisions.map(\.role), [.manager])
        XCTAssertEqual(decisions.map(\.rep?.name), ["经理乙"], "equal load: by name")
    }
}

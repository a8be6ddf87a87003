import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The toolkit's assignment (section 2): S to a manager, A to a senior, B and C to a junior; region and
/// industry rank, then load, then name.
final class GradingAssignmentTests: XCTestCase {
    func entry(_ customer: Customer) -> CustomerSet.Entry {
        CustomerSet.Entry(path: "customers/\(customer.id ?? "x").md", customer: customer)
    }

    func lead(_ id: String, created: String = "2024-03-01 09:10", intent: Intent = .B, grade: Grade? = nil, score: Score? = nil,
              region: String? = nil, industry: String? = nil) -> Customer {
        var customer = Grading.customer(id, intent: intent, created: created, status: .untouched)
        customer.grade = grade
        customer.score = score
        customer.region = region
        customer.industry = industry
        return customer
    }

    func owned(_ id: String, by owner: String, status: Status = .contacted, tombstone: Bool = false) -> Customer {
        var customer = Grading.customer(id, status: status)
        customer.owner = owner
        if tombstone { customer.mergedInto = "LX2024999" }
        return customer
    }

    func plan(_ customers: [Customer], team: [TeamMember]) -> [Assignment.Decision] {
        var configuration = Configuration()
        configuration.team = team
        return Assignment.plan(customers.map(entry), configuration: configuration)
    }

    let team = [
        Grading.member("经理甲", .manager),
        Grading.member("资深乙", .senior),
        Grading.member("新人丙", .junior, mentor: "资深乙"),
    ]

    func testRoleByGrade() {
        XCTAssertEqual(Assignment.role(for: .S), .manager)
        XCTAssertEqual(Assignment.role(for: .A), .senior)
        XCTAssertEqual(Assignment.role(for: .B), .junior)
        XCTAssertEqual(Assignment.role(for: .C), .junior)
        let decisions = plan([
            lead("LX2024001", created: "2024-03-01 09:00", score: Grading.score(25, 25, 20, 20)),
            lead("LX2024002", created: "2024-03-01 09:01", score: Grading.score(20, 25, 15, 15)),
            lead("LX2024003", created: "2024-03-01 09:02", score: Grading.score(10, 10, 10, 5)),
            lead("LX2024004", created: "2024-03-01 09:03", score: Grading.score(20, 10, 10, 5)),
        ], team: team)
        XCTAssertEqual(decisions.map(\.customerId), ["LX2024001", "LX2024002", "LX2024003", "LX2024004"])
        XCTAssertEqual(decisions.map(\.grade), [.S, .A, .C, .B])
        XCTAssertEqual(decisions.map(\.role), [.manager, .senior, .junior, .junior])
        XCTAssertEqual(decisions.map(\.rep?.name), ["经理甲", "资深乙", "新人丙", "新人丙"])
        XCTAssertTrue(decisions[2].reason.contains("mentor 资深乙"), decisions[2].reason)
        XCTAssertFalse(decisions[1].reason.contains("mentor"), decisions[1].reason)
    }

    func testGradeFromScoreElseGradeElseIntent() {
        let decisions = plan([
            lead("LX2024001", created: "2024-03-01 09:00", intent: .C, grade: .C, score: Grading.score(25, 25, 20, 20)),
            lead("LX2024002", created: "2024-03-01 09:01", intent: .C, grade: .A),
            lead("LX2024003", created: "2024-03-01 09:02", intent: .A),
            lead("LX2024004", created: "2024-03-01 09:03", intent: .B, grade: .S, score: Grading.score(25, 25, 20, nil)),
        ], team: team)
        XCTAssertEqual(decisions.map(\.grade), [.S, .A, .A, .S])
        XCTAssertEqual(decisions.map(\.gradeSource), ["score 90", "grade written", "intent A", "grade written"])
        XCTAssertEqual(decisions.map(\.rep?.name), ["经理甲", "资深乙", "资深乙", "经理甲"])
    }

    func testRegionAndIndustryMatchRanks() {
        let juniors = [
            Grading.member("A-none", .junior),
            Grading.member("B-region", .junior, regions: ["华东"]),
            Grading.member("C-industry", .junior, industries: ["互联网"]),
            Grading.member("D-both", .junior, regions: ["华东"], industries: ["互联网"]),
        ]
        let both = plan([lead("LX2024001", region: "华东", industry: "互联网")], team: juniors)
        XCTAssertEqual(both.first?.rep?.name, "D-both")
        XCTAssertTrue(both.first?.reason.contains("region 华东 matches") ?? false, both.first?.reason ?? "")
        XCTAssertTrue(both.first?.reason.contains("industry 互联网 matches") ?? false, both.first?.reason ?? "")

        // One match beats none, even with more load.
        let withoutBoth = Array(juniors.prefix(2))
        let oneMatch = plan([lead("LX2024001", region: "华东", industry: "互联网"), owned("LX2024100", by: "B-region"),
                             owned("LX2024101", by: "B-region")], team: withoutBoth)
        XCTAssertEqual(oneMatch.first?.rep?.name, "B-region")

        // A match ranks, it does not exclude: nobody matches, the lightest rep gets it.
        let noMatch = plan([lead("LX2024001", region: "华南", industry: "制造")], team: juniors)
        XCTAssertEqual(noMatch.first?.rep?.name, "A-none")
        XCTAssertTrue(noMatch.first?.reason.contains("region 华南 does not match") ?? false, noMatch.first?.reason ?? "")
    }

    func testBothMatchesBeatOneEvenWithMoreLoad() {
        let juniors = [
            Grading.member("丁", .junior, regions: ["华东"], industries: ["互联网"]),
            Grading.member("甲", .junior, regions: ["华东"]),
        ]
        let decisions = plan([lead("LX2024001", region: "华东", industry: "互联网"),
                              owned("LX2024100", by: "丁"), owned("LX2024101", by: "丁"), owned("LX2024102", by: "丁")], team: juniors)
        XCTAssertEqual(decisions.first?.rep?.name, "丁")
    }

    func testFewerOpenCustomersAmongEquals() {
        let juniors = [Grading.member("Amy", .junior), Grading.member("Bob", .junior)]
        let decisions = plan([lead("LX2024001"), owned("LX2024100", by: "Amy")], team: juniors)
        XCTAssertEqual(decisions.map(\.rep?.name), ["Bob"])
        XCTAssertTrue(decisions.first?.reason.contains("0 open") ?? false, decisions.first?.reason ?? "")
    }

    func testClosedAndTombstonesDoNotCountAsLoad() {
        let juniors = [Grading.member("Amy", .junior), Grading.member("Bob", .junior)]
        let customers = [lead("LX2024001"),
                         owned("LX2024100", by: "Amy", status: .won), owned("LX2024101", by: "Amy", status: .lost),
                         owned("LX2024102", by: "Amy", tombstone: true), owned("LX2024103", by: "Bob")]
        XCTAssertEqual(Assignment.load(customers), ["Bob": 1])
        XCTAssertEqual(plan(customers, team: juniors).map(\.rep?.name), ["Amy"])
    }

    func testTiesBrokenByName() {
        let juniors = [Grading.member("Zoe", .junior), Grading.member("Bob", .junior), Grading.member("Amy", .junior)]
        XCTAssertEqual(plan([lead("LX2024001")], team: juniors).first?.rep?.name, "Amy")
    }

    func testLoadGrowsWithinOnePlan() {
        let juniors = [Grading.member("Amy", .junior), Grading.member("Bob", .junior)]
        let decisions = plan([lead("LX2024001", created: "2024-03-01 09:00"), lead("LX2024002", created: "2024-03-01 09:01"),
                              lead("LX2024003", created: "2024-03-01 09:02")], team: juniors)
        XCTAssertEqual(decisions.map(\.rep?.name), ["Amy", "Bob", "Amy"])
    }

    func testCapacityFullExcludesRep() {
        let juniors = [Grading.member("Amy", .junior, regions: ["华东"], capacity: 1), Grading.member("Bob", .junior, capacity: 5)]
        let decisions = plan([lead("LX2024001", region: "华东"), owned("LX2024100", by: "Amy")], team: juniors)
        XCTAssertEqual(decisions.first?.rep?.name, "Bob")
        XCTAssertTrue(decisions.first?.reason.contains("0 open of 5") ?? false, decisions.first?.reason ?? "")
    }

    func testCapacityFillsDuringPlan() {
        let juniors = [Grading.member("Amy", .junior, capacity: 1), Grading.member("Bob", .junior, capacity: 1)]
        let decisions = plan([lead("LX2024001", created: "2024-03-01 09:00"), lead("LX2024002", created: "2024-03-01 09:01"),
                              lead("LX2024003", created: "2024-03-01 09:02")], team: juniors)
        XCTAssertEqual(decisions.map(\.rep?.name), ["Amy", "Bob", nil])
        XCTAssertTrue(decisions[2].reason.contains("Amy 1/1") && decisions[2].reason.contains("Bob 1/1"), decisions[2].reason)
    }

    func testAllFullLeavesUnassignedWithReason() {
        let juniors = [Grading.member("Amy", .junior, capacity: 1), Grading.member("Bob", .junior, capacity: 2)]
        let decisions = plan([lead("LX2024001"), owned("LX2024100", by: "Amy"), owned("LX2024101", by: "Bob"),
                              owned("LX2024102", by: "Bob")], team: juniors)
        XCTAssertEqual(decisions.count, 1)
        XCTAssertNil(decisions[0].rep)
        XCTAssertEqual(decisions[0].role, .junior)
        XCTAssertTrue(decisions[0].reason.contains("no junior has capacity left"), decisions[0].reason)
        XCTAssertTrue(decisions[0].reason.contains("Amy 1/1"), decisions[0].reason)
        XCTAssertTrue(decisions[0].reason.contains("Bob 2/2"), decisions[0].reason)
    }

    func testNoRepOfTheRole() {
        let decisions = plan([lead("LX2024001", score: Grading.score(25, 25, 20, 20))], team: [Grading.member("新人丙", .junior)])
        XCTAssertNil(decisions.first?.rep)
        XCTAssertEqual(decisions.first?.role, .manager)
        XCTAssertTrue(decisions.first?.reason.contains("no manager") ?? false, decisions.first?.reason ?? "")
    }

    func testOnlyOpenUnownedCustomersOldestFirst() {
        var noId = lead("LX2024009")
        noId.id = nil
        var emptyOwner = lead("LX2024008", created: "2024-02-01 08:00")
        emptyOwner.owner = ""
        var won = lead("LX2024007", created: "2024-01-01 08:00")
        won.status = .won
        var tombstone = lead("LX2024006", created: "2024-01-01 08:00")
        tombstone.mergedInto = "LX2024001"
        let customers = [
            lead("LX2024005", created: "2024-03-02 08:00"),
            lead("LX2024004", created: "2024-03-01 09:10"),
            lead("LX2024003", created: "2024-03-01 09:10"),
            owned("LX2024002", by: "新人丙"),
            emptyOwner, won, tombstone, noId,
        ]
        let decisions = plan(customers, team: team)
        XCTAssertEqual(decisions.map(\.customerId), ["LX2024008", "LX2024003", "LX2024004", "LX2024005"])
        // The same input in another order gives the same plan.
        let reversed = plan(customers.reversed(), team: team)
        XCTAssertEqual(reversed.map(\.customerId), decisions.map(\.customerId))
        XCTAssertEqual(reversed.map(\.rep?.name), decisions.map(\.rep?.name))
    }

    func testNoGradeAtAll() {
        var customer = lead("LX2024001")
        customer.intent = nil
        let decisions = plan([customer], team: team)
        XCTAssertNil(decisions.first?.grade)
        XCTAssertNil(decisions.first?.rep)
        XCTAssertTrue(decisions.first?.reason.contains("no score, grade or intent") ?? false)
    }
}

import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// One id range (`CustomerIds.maxDigits`) for every reader and writer: no writer makes an id
/// that `check` rejects.
final class CustomerIdsTests: XCTestCase {
    func testTheRangeIsWhatCheckAccepts() {
        XCTAssertTrue(InvalidId.isValid("LX999999999999999999", prefix: "LX"))
        XCTAssertFalse(InvalidId.isValid("LX1000000000000000000", prefix: "LX"))
        XCTAssertTrue(CustomerIds.isValid("LX1", prefix: "LX"))
        XCTAssertFalse(CustomerIds.isValid("LX", prefix: "LX"))
    }

    func testRenumberingStopsAtTheLastIdInsteadOfWritingALongerOne() {
        var allocator = Renumbering.IdAllocator(ids: ["LX2024001", "LX999999999999999998"], prefix: "LX")
        XCTAssertEqual(allocator.next(), "LX999999999999999999")
        XCTAssertNil(allocator.next())
        var full = Renumbering.IdAllocator(ids: ["LX999999999999999999"], prefix: "LX")
        XCTAssertNil(full.next())
    }

    func testAPlanWithoutAFreeIdRenumbersNothing() {
        let customers = [
            Renumbering.Customer(path: "customers/LX2024001-a.md", id: "LX2024001", created: LocalDateTime("2024-03-01 09:00"), mergedInto: nil),
            Renumbering.Customer(path: "customers/LX2024001-b.md", id: "LX2024001", created: LocalDateTime("2024-03-02 09:00"), mergedInto: nil),
            Renumbering.Customer(path: "customers/LX999999999999999999-c.md", id: "LX999999999999999999", created: nil, mergedInto: nil),
        ]
        let plan = Renumbering.plan(customers, prefix: "LX") { _, _, _ in nil }
        XCTAssertEqual(plan.moves, [])
        XCTAssertEqual(plan.withoutFreeId, ["customers/LX2024001-b.md"])
    }

    func testNewIdsOfAYearStayWithinTheRange() {
        // 18 digits: the year's 4 and 14 of running number.
        XCTAssertEqual(CustomerIds.next(prefix: "LX", year: 2024, taken: ["LX202499999999999998"]), "LX202499999999999999")
        XCTAssertNil(CustomerIds.next(prefix: "LX", year: 2024, taken: ["LX202499999999999999"]))
        // A longer id of the year (not valid) does not count.
        XCTAssertEqual(CustomerIds.next(prefix: "LX", year: 2024, taken: ["LX20249999999999999999"]), "LX2024001")
    }
}

import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class RenumberingTests: XCTestCase {
    func customer(_ path: String, _ id: String, _ created: String?, mergedInto: String? = nil) -> Renumbering.Customer {
        Renumbering.Customer(path: path, id: id, created: created.flatMap(LocalDateTime.init), mergedInto: mergedInto)
    }

    func testTheNextFreeIdFollowsTheHighestInUse() {
        var allocator = Renumbering.IdAllocator(ids: ["LX2024001", "LX2024016", "LX2024009", "XY2024999", "LX20x"], prefix: "LX")
        XCTAssertEqual(allocator.next(), "LX2024017")
        XCTAssertEqual(allocator.next(), "LX2024018")
        var padded = Renumbering.IdAllocator(ids: ["LX000099"], prefix: "LX")
        XCTAssertEqual(padded.next(), "LX000100", "as many digits as the highest id")
        var longer = Renumbering.IdAllocator(ids: ["LX99", "LX2025001"], prefix: "LX")
        XCTAssertEqual(longer.next(), "LX2025002")
    }

    func testTheFileKeepsItsShortName() {
        XCTAssertEqual(Renumbering.renamed("customers/2024/LX2024016-hengli.md", from: "LX2024016", to: "LX2024021"), "customers/2024/LX2024021-hengli.md")
        XCTAssertEqual(Renumbering.renamed("customers/LX2024016.md", from: "LX2024016", to: "LX2024021"), "customers/LX2024021.md")
        XCTAssertEqual(Renumbering.renamed("customers/LX2024016_恒立.md", from: "LX2024016", to: "LX2024021"), "customers/LX2024021_恒立.md")
        XCTAssertEqual(Renumbering.renamed("customers/hengli.md", from: "LX2024016", to: "LX2024021"), "customers/LX2024021-hengli.md")
    }

    func testTheCustomerCreatedFirstKeepsTheId() {
        let customers = [
            customer("customers/LX2024016-b.md", "LX2024016", "2024-03-01 09:00"),
            customer("customers/LX2024016-a.md", "LX2024016", "2024-03-02 09:00"),
            customer("customers/LX2024016-c.md", "LX2024016", nil),
            customer("customers/LX2024020-x.md", "LX2024020", "2024-02-01"),
        ]
        let plan = Renumbering.plan(customers, prefix: "LX") { _, _, _ in nil }
        XCTAssertEqual(plan.kept.map(\.path), ["customers/LX2024016-b.md"])
        XCTAssertEqual(plan.moves, [
            Renumbering.Move(oldId: "LX2024016", newId: "LX2024021", path: "customers/LX2024016-a.md", newPath: "customers/LX2024021-a.md"),
            Renumbering.Move(oldId: "LX2024016", newId: "LX2024022", path: "customers/LX2024016-c.md", newPath: "customers/LX2024022-c.md"),
        ])
    }

    func testEqualCreationTimesGoByFileName() {
        let customers = [
            customer("customers/2024/LX2024016-zeta.md", "LX2024016", "2024-03-01 09:00"),
            customer("customers/z/LX2024016-alpha.md", "LX2024016", "2024-03-01 09:00"),
        ]
        let plan = Renumbering.plan(customers, prefix: "LX") { _, _, _ in nil }
        XCTAssertEqual(plan.kept.map(\.path), ["customers/z/LX2024016-alpha.md"])
        XCTAssertEqual(plan.moves.map(\.newPath), ["customers/2024/LX2024017-zeta.md"])
    }

    func testTombstonesFollowTheCustomerTheyMeant() {
        let customers = [
            customer("customers/LX2024016-a.md", "LX2024016", "2024-03-01 09:00"),
            customer("customers/LX2024016-b.md", "LX2024016", "2024-03-02 09:00"),
            customer("customers/LX2024017-b-old.md", "LX2024017", nil, mergedInto: "LX2024016"),
            customer("customers/LX2024018-a-old.md", "LX2024018", nil, mergedInto: "LX2024016"),
            customer("customers/LX2024019-unknown.md", "LX2024019", nil, mergedInto: "LX2024016"),
        ]
        var asked: [String] = []
        let plan = Renumbering.plan(customers, prefix: "LX") { tombstone, id, candidates in
            asked.append(tombstone)
            XCTAssertEqual(id, "LX2024016")
            XCTAssertEqual(candidates, ["customers/LX2024016-a.md", "customers/LX2024016-b.md"])
            switch tombstone {
            case "customers/LX2024017-b-old.md": return "customers/LX2024016-b.md"
            case "customers/LX2024018-a-old.md": return "customers/LX2024016-a.md"
            default: return nil
            }
        }
        XCTAssertEqual(asked.count, 3)
        XCTAssertEqual(plan.references, [Renumbering.Reference(path: "customers/LX2024017-b-old.md", oldId: "LX2024016", newId: "LX2024020")])
        XCTAssertEqual(plan.unresolved.map(\.path), ["customers/LX2024019-unknown.md"])
    }

    func testOnlyTheGivenId() {
        let customers = [
            customer("customers/LX2024001-a.md", "LX2024001", "2024-03-01"), customer("customers/LX2024001-b.md", "LX2024001", "2024-03-02"),
            customer("customers/LX2024002-a.md", "LX2024002", "2024-03-01"), customer("customers/LX2024002-b.md", "LX2024002", "2024-03-02"),
        ]
        let plan = Renumbering.plan(customers, only: "LX2024002", prefix: "LX") { _, _, _ in nil }
        XCTAssertEqual(plan.moves.map(\.path), ["customers/LX2024002-b.md"])
        XCTAssertEqual(plan.moves.map(\.newId), ["LX2024003"])
        XCTAssertTrue(Renumbering.plan(customers, only: "LX2024009", prefix: "LX") { _, _, _ in nil }.moves.isEmpty)
    }
}

final class StableHashTests: XCTestCase {
    /// The FNV-1a reference vectors (http://www.isthe.com/chongo/tech/comp/fnv/).
    func testFNV1aVectors() {
        XCTAssertEqual(StableHash.fnv1a64("".utf8), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(StableHash.fnv1a64("a".utf8), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(StableHash.fnv1a64("foobar".utf8), 0x8594_4171_f739_67e8)
        XCTAssertEqual(StableHash.hex("a"), "af63dc4c8601ec8c")
        XCTAssertEqual(StableHash.hex(""), "cbf29ce484222325")
    }
}

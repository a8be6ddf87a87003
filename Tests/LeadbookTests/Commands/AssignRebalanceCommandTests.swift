import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `assign --rebalance [--dry-run]` in process on a copy of the ownership fixture
/// (Tests/Fixtures/e2e/ownership-en): four customers whose owner has the wrong role, one of
/// which no senior can take.
final class AssignRebalanceCommandTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = try Transcript.copy(Transcript.fixtures.appendingPathComponent("ownership-en/workspace"))
    }

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func run(_ arguments: [String], language: String = "en") -> (code: ExitCode, output: String, errors: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": language, "LEADBOOK_NO_CACHE": "1"], currentDirectory: root.path)
        let code = LeadbookCommandLine.run(arguments + ["-C", root.path], context)
        return (code, console.output, console.errors)
    }

    func file(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("customers/\(name).md"), encoding: .utf8)
    }

    func testDryRunPrintsTheMovesAndWritesNothing() throws {
        let before = try Transcript.tree(root)
        let result = run(["assign", "--rebalance", "--dry-run", "--at", "2024-03-10T09:00"])
        XCTAssertEqual(result.code, .findings, "LX2024408 stays")
        XCTAssertEqual(result.output.split(separator: "\n").count, 4)
        XCTAssertTrue(result.output.contains("LX2024401 华东云科技有限公司: grade S (score 90): 孙八 (junior) -> manager 王五: region 华东 matches"), result.output)
        XCTAssertEqual(try Transcript.tree(root), before)
    }

    /// Only the owner and the assignment time change, byte for byte the rest stays.
    func testTheMovesAreWrittenLosslessly() throws {
        let before = try file("LX2024401-junior-owns-s")
        let stays = try file("LX2024408-no-senior-left")
        let result = run(["assign", "--rebalance", "--at", "2024-03-10T09:00"])
        XCTAssertEqual(result.code, .findings, result.errors)
        let after = try file("LX2024401-junior-owns-s")
        XCTAssertEqual(after, before.replacingOccurrences(of: "owner: 孙八", with: "owner: 王五")
            .replacingOccurrences(of: "assigned: 2024-03-09 08:30", with: "assigned: 2024-03-10 09:00"))
        XCTAssertEqual(try file("LX2024408-no-senior-left"), stays)
        XCTAssertTrue(try file("LX2024402-manager-owns-c").contains("owner: 周九\n"))
        XCTAssertTrue(try file("LX2024407-junior-owns-a").contains("owner: 钱七\n"))
        // Once moved, nothing is left to move but the customer no senior can take.
        let again = run(["assign", "--rebalance", "--at", "2024-03-10T09:30"])
        XCTAssertEqual(again.output, "LX2024408 东方零售有限公司: grade A (score 70) asks for a senior: stays with 孙八 (junior): no senior has capacity left (赵六 1/1, 钱七 1/1)\n")
        XCTAssertEqual(again.code, .findings)
    }

    /// With room for one more senior, every move is made and the run exits 0; then there is
    /// nothing to move.
    func testWithCapacityEveryMoveIsMade() throws {
        let path = root.appendingPathComponent("leadbook.yml")
        let configuration = try String(contentsOf: path, encoding: .utf8)
        try configuration.replacingOccurrences(of: "industries: [软件], capacity: 1}", with: "industries: [软件], capacity: 2}")
            .write(to: path, atomically: true, encoding: .utf8)
        let result = run(["assign", "--rebalance", "--at", "2024-03-10T09:00"], language: "zh-CN")
        XCTAssertEqual(result.code, .ok, result.errors)
        XCTAssertTrue(result.output.contains("LX2024408 东方零售有限公司：等级 A（评分 70）：孙八（新人销售）→ 资深销售 钱七："), result.output)
        XCTAssertEqual(run(["assign", "--rebalance"]).output, "every open customer's owner has the role its grade asks for\n")
        XCTAssertEqual(run(["assign", "--rebalance"], language: "zh-CN").output, "每位在跟客户的负责人角色都与线索等级相符\n")
        let check = run(["check"])
        XCTAssertFalse(check.output.contains("owner-role"), check.output)
    }
}

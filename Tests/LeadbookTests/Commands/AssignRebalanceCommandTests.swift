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
        let result = run(["assign", "--rebalance", "--dry-run"])
        XCTAssertEqual(result.code, .findings, "LX2024408 stays")
        XCTAssertEqual(result.output.split(separator: "\n").count, 4)
        XCTAssertTrue(result.output.contains("LX2024401 华东云科技有限公司: grade S (score 90): 孙八 (junior) -> manager 王五: region 华东 matches"), result.output)
        XCTAssertEqual(try Transcript.tree(root), before)
    }

    /// Only the owner changes, byte for byte the rest stays: `assigned` is when the lead was
    /// first assigned, the SLA's clock, and a move keeps it.
    func testTheMovesAreWrittenLosslessly() throws {
        let before = try file("LX2024401-junior-owns-s")
        let stays = try file("LX2024408-no-senior-left")
        let result = run(["assign", "--rebalance"])
        XCTAssertEqual(result.code, .findings, result.errors)
        let after = try file("LX2024401-junior-owns-s")
        XCTAssertEqual(after, before.replacingOccurrences(of: "owner: 孙八", with: "owner: 王五"))
        XCTAssertTrue(after.contains("assigned: 2024-03-09 08:30\n"), after)
        XCTAssertEqual(try file("LX2024408-no-senior-left"), stays)
        XCTAssertTrue(try file("LX2024402-manager-owns-c").contains("owner: 周九\n"))
        XCTAssertTrue(try file("LX2024407-junior-owns-a").contains("owner: 钱七\n"))
        // Once moved, nothing is left to move but the customer no senior can take.
        let again = run(["assign", "--rebalance"])
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
        let result = run(["assign", "--rebalance"], language: "zh-CN")
        XCTAssertEqual(result.code, .ok, result.errors)
        XCTAssertTrue(result.output.contains("LX2024408 东方零售有限公司：等级 A（评分 70）：孙八（新人销售）→ 资深销售 钱七："), result.output)
        XCTAssertEqual(run(["assign", "--rebalance"]).output, "every open customer's owner has the role its grade asks for\n")
        XCTAssertEqual(run(["assign", "--rebalance"], language: "zh-CN").output, "每位在跟客户的负责人角色都与线索等级相符\n")
        let check = run(["check"])
        XCTAssertFalse(check.output.contains("owner-role"), check.output)
    }

    /// The SLA is read from the first assignment after a move too: explain keeps it met.
    func testAMoveKeepsTheSLAMet() throws {
        XCTAssertEqual(run(["assign", "--rebalance"]).code, .findings)
        let explain = run(["explain", "LX2024401", "--as-of", "2024-03-10T09:00"])
        XCTAssertTrue(explain.output.contains("2024-03-09 08:30"), explain.output)
        XCTAssertFalse(explain.output.contains("late"), explain.output)
        XCTAssertFalse(explain.output.contains("2024-03-10 09:00 ("), explain.output)
    }

    /// `--at` sets `assigned`, which a move keeps: with --rebalance it is a usage error, in both languages.
    func testAtWithRebalanceIsRefused() throws {
        let before = try Transcript.tree(root)
        let result = run(["assign", "--rebalance", "--at", "2024-03-10T09:00"])
        XCTAssertEqual(result.code, .failure)
        XCTAssertTrue(result.errors.contains("--rebalance keeps `assigned`"), result.errors)
        XCTAssertTrue(run(["assign", "--rebalance", "--at", "2024-03-10T09:00"], language: "zh-CN").errors.contains("--rebalance 不改 `assigned`"))
        XCTAssertEqual(try Transcript.tree(root), before)
    }

    /// Plain assign refuses an `--at` before a waiting lead was created.
    func testPlainAssignAtBeforeCreatedIsRefused() throws {
        let path = root.appendingPathComponent("customers/LX2024409-new.md")
        try """
        ---
        id: LX2024409
        name: 新来科技有限公司
        industry: 教育
        region: 华东
        source: website
        intent: B
        created: 2024-03-09 09:00
        status: untouched
        ---

        # 新来科技有限公司
        """.appending("\n").write(to: path, atomically: true, encoding: .utf8)
        let before = try Transcript.tree(root)
        let early = run(["assign", "--at", "2020-01-01T00:00"])
        XCTAssertEqual(early.code, .failure, early.output)
        XCTAssertTrue(early.errors.contains("--at 2020-01-01 00:00 is before LX2024409 was created"), early.errors)
        XCTAssertTrue(run(["assign", "--at", "2020-01-01T00:00"], language: "zh-CN").errors.contains("早于 LX2024409 的录入时间"))
        XCTAssertEqual(try Transcript.tree(root), before)
        let later = run(["assign", "--at", "2024-03-09T09:00"])
        XCTAssertEqual(later.code, .ok, later.errors)
        XCTAssertTrue(try String(contentsOf: path, encoding: .utf8).contains("assigned: 2024-03-09 09:00\n"))
    }

    /// Capacity a move frees is there for an older lead too: LX2024408, now the oldest, needs a
    /// senior while LX2024401 leaves the senior 赵六 (capacity 2) for a manager; 钱七 has none.
    func testCapacityFreedByAMoveGoesToAnOlderLead() throws {
        let config = root.appendingPathComponent("leadbook.yml")
        try String(contentsOf: config, encoding: .utf8)
            .replacingOccurrences(of: "industries: [制造业], capacity: 1}", with: "industries: [制造业], capacity: 2}")
            .replacingOccurrences(of: "industries: [软件], capacity: 1}", with: "industries: [软件], capacity: 0}")
            .write(to: config, atomically: true, encoding: .utf8)
        let older = root.appendingPathComponent("customers/LX2024408-no-senior-left.md")
        try String(contentsOf: older, encoding: .utf8).replacingOccurrences(of: "created: 2024-03-09 10:00", with: "created: 2024-03-05 10:00")
            .replacingOccurrences(of: "assigned: 2024-03-09 10:30", with: "assigned: 2024-03-05 10:30")
            .write(to: older, atomically: true, encoding: .utf8)
        let moved = root.appendingPathComponent("customers/LX2024401-junior-owns-s.md")
        try String(contentsOf: moved, encoding: .utf8).replacingOccurrences(of: "owner: 孙八", with: "owner: 赵六")
            .write(to: moved, atomically: true, encoding: .utf8)
        let result = run(["assign", "--rebalance", "--dry-run"])
        XCTAssertFalse(result.output.contains("LX2024408 东方零售有限公司: grade A (score 70) asks for a senior: stays"), result.output)
        XCTAssertTrue(result.output.contains("LX2024408 东方零售有限公司: grade A (score 70): 孙八 (junior) -> senior 赵六"), result.output)
        XCTAssertTrue(result.output.contains("LX2024401 华东云科技有限公司: grade S (score 90): 赵六 (senior) -> manager 王五"), result.output)
        // The one that stays is forced: both seniors are full once 赵六 has LX2024408.
        XCTAssertTrue(result.output.contains("LX2024407 华北软件有限公司: grade A (score 75) asks for a senior: stays with 周九 (junior): no senior has capacity left (赵六 2/2, 钱七 0/0)"),
                      result.output)
    }

    /// A customer that stays gives its capacity back: LX2024401 (赵六's) finds no manager, so
    /// the senior 赵六 has no room for LX2024408, which stays too; nothing is over capacity.
    func testACustomerThatStaysKeepsCountingForItsOwner() throws {
        let config = root.appendingPathComponent("leadbook.yml")
        try String(contentsOf: config, encoding: .utf8)
            .replacingOccurrences(of: "industries: [互联网], capacity: 10}", with: "industries: [互联网], capacity: 0}")
            .replacingOccurrences(of: "industries: [能源], capacity: 10}", with: "industries: [能源], capacity: 0}")
            .replacingOccurrences(of: "industries: [制造业], capacity: 1}", with: "industries: [制造业], capacity: 2}")
            .replacingOccurrences(of: "industries: [软件], capacity: 1}", with: "industries: [软件], capacity: 0}")
            .write(to: config, atomically: true, encoding: .utf8)
        let moved = root.appendingPathComponent("customers/LX2024401-junior-owns-s.md")
        try String(contentsOf: moved, encoding: .utf8).replacingOccurrences(of: "owner: 孙八", with: "owner: 赵六")
            .write(to: moved, atomically: true, encoding: .utf8)
        let result = run(["assign", "--rebalance", "--dry-run"])
        XCTAssertTrue(result.output.contains("LX2024401 华东云科技有限公司: grade S (score 90) asks for a manager: stays with 赵六"), result.output)
        XCTAssertTrue(result.output.contains("LX2024408 东方零售有限公司: grade A (score 70) asks for a senior: stays with 孙八 (junior): no senior has capacity left (赵六 2/2, 钱七 0/0)"), result.output)
    }

    /// Plan steps of the old owner move with the customer (lossless); open to-dos of the old
    /// owner stay in the log and the move names them, in both languages.
    func testPlanStepsMoveAndOpenTodosAreHandedOver() throws {
        let path = root.appendingPathComponent("customers/LX2024401-junior-owns-s.md")
        let original = try String(contentsOf: path, encoding: .utf8)
        let withPlan = original.replacingOccurrences(of: "status: qualified\n---", with: """
        status: qualified
        plan:
          - {stage: needs-deepening, goal: 摸清预算, due: 2024-03-20, owner: 孙八}
          - stage: solution-comparison
            goal: 方案演示
            owner: "孙八"
          - {stage: negotiation, goal: 报价, owner: 李四}
        ---
        """).appending("- [ ] 2024-03-12 发报价单 @孙八\n- [x] 2024-03-10 发资料 @孙八\n- [ ] 2024-03-13 约演示 @李四\n")
        try withPlan.write(to: path, atomically: true, encoding: .utf8)
        XCTAssertFalse(run(["check", "customers/LX2024401-junior-owns-s.md"]).output.contains("error["))
        let dry = run(["assign", "--rebalance", "--dry-run"])
        XCTAssertTrue(dry.output.contains("LX2024401 华东云科技有限公司: grade S (score 90): 孙八 (junior) -> manager 王五"), dry.output)
        XCTAssertTrue(dry.output.contains("  open to-do still with 孙八: 2024-03-12 发报价单 (line 28): hand it over or do it\n"), dry.output)
        XCTAssertFalse(dry.output.contains("发资料"), dry.output)
        XCTAssertFalse(dry.output.contains("约演示"), dry.output)
        XCTAssertTrue(run(["assign", "--rebalance", "--dry-run"], language: "zh-CN").output
            .contains("  孙八 名下仍有未完成的待办：2024-03-12 发报价单（第 28 行）：请交接或完成\n"))
        XCTAssertEqual(run(["assign", "--rebalance"]).code, .findings)
        let after = try String(contentsOf: path, encoding: .utf8)
        XCTAssertEqual(after, withPlan.replacingOccurrences(of: "owner: 孙八", with: "owner: 王五")
            .replacingOccurrences(of: "owner: \"孙八\"", with: "owner: \"王五\""))
    }
}

import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `check` and `index --check` make only the follow-up rows that can be in the window the
/// index file shows; when the workspace's newest follow-up is older than that (entries were
/// removed), they read again in full, so the report names the right row.
final class IndexCheckFloorTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-floor-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers"), withIntermediateDirectories: true)
        try "language: en\nindex_days: 10\n".write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        for (number, dates) in [(1, ["2024-01-05", "2024-03-01"]), (2, ["2024-02-20", "2024-02-25"]), (3, ["2024-01-10"])] {
            var text = """
            ---
            id: LX202400\(number)
            name: 客户\(number)
            source: website
            intent: B
            created: 2024-01-01 09:00
            status: contacted
            ---

            ## Follow-ups

            """
            for date in dates { text += "\n### \(date) phone 张伟\n- status: contacted\n- need: 需求 \(date)\n" }
            try text.write(to: root.appendingPathComponent("customers/LX202400\(number)-c.md"), atomically: true, encoding: .utf8)
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func workspace() -> Workspace { Workspace.open(root: root.path) }

    func write() throws {
        let extraction = WorkspaceIndex.extraction(workspace(), owners: false, keepText: true)
        let assembly = IndexAssembly(WorkspaceIndex.collect(workspace(), extraction).rows, configuration: workspace().configuration, keepText: true)
        _ = try WorkspaceIndex.write(workspace(), assembly, WorkspaceIndex.Target(path: "INDEX.md", owner: nil))
    }

    func staleIndex() -> [Diagnostic] {
        WorkspaceCheck.run(workspace()).diagnostics.filter { $0.rule == StaleIndex.rule }
    }

    func testTheFloorComesFromTheNewestFollowUpShown() throws {
        try write()
        let floor = try XCTUnwrap(WorkspaceIndex.checkFloor(workspace()))
        XCTAssertEqual(floor.shownNewest, LocalDate("2024-03-01"))
        XCTAssertEqual(floor.floor, LocalDate("2024-02-21"))
        XCTAssertEqual(staleIndex(), [])
    }

    func testANewerFollowUpMakesTheIndexStale() throws {
        try write()
        let path = root.appendingPathComponent("customers/LX2024003-c.md")
        try (String(contentsOf: path, encoding: .utf8) + "\n### 2024-03-05 phone 张伟\n- status: contacted\n").write(to: path, atomically: true, encoding: .utf8)
        let stale = staleIndex()
        XCTAssertEqual(stale.count, 1)
        XCTAssertTrue(stale[0].message.contains("follow-ups"), stale[0].message)
    }

    /// Removing the newest entry moves the window back past the floor: the rows are made again
    /// without it, and the stale row named is the one that really differs.
    func testRemovingTheNewestFollowUpIsFoundWithTheRightRow() throws {
        try write()
        let path = root.appendingPathComponent("customers/LX2024001-c.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\n### 2024-03-01 phone 张伟\n- status: contacted\n- need: 需求 2024-03-01\n", with: "")
            .write(to: path, atomically: true, encoding: .utf8)
        let stale = staleIndex()
        XCTAssertEqual(stale.count, 1)
        // The window is now the 10 days up to 2024-02-25: the caption names that day.
        XCTAssertTrue(stale[0].message.contains("follow-ups"), stale[0].message)
        XCTAssertTrue(stale[0].message.contains("2024-02-25"), stale[0].message)
        try write()
        XCTAssertEqual(staleIndex(), [])
    }
}

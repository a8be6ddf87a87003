import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// stale-index: the tables of the index file are what the customer files give; one
/// diagnostic names the first table and row that differ and the other tables that do.
final class StaleIndexTests: RuleWorkspaceTestCase {
    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: en\n")
        try workspace.write("customers/LX2024001-huadongyun.md", RuleFixture.customer(adding: ["owner: 王五"]))
        try workspace.write("customers/LX2024002-beijing.md", RuleFixture.customer(set: ["id: LX2024002", "name: 北京数联科技"]))
    }

    /// INDEX.md as `leadbook index` writes it.
    func writeIndex() throws {
        let opened = Workspace.open(root: workspace.root)
        let extraction = WorkspaceIndex.extraction(opened, owners: false, keepText: true)
        let assembly = IndexAssembly(WorkspaceIndex.collect(opened, extraction).rows, configuration: opened.configuration, keepText: true)
        _ = try WorkspaceIndex.write(opened, assembly, WorkspaceIndex.Target(path: "INDEX.md", owner: nil))
    }

    func testAnIndexJustWrittenAndNoIndexAreClean() throws {
        RuleAssert.clean(workspace.check())
        try writeIndex()
        RuleAssert.clean(workspace.check())
    }

    func testAChangedCustomerMakesItsRowStale() throws {
        try writeIndex()
        let index = try String(contentsOfFile: workspace.root + "/INDEX.md", encoding: .utf8)
        try workspace.write("customers/LX2024001-huadongyun.md", RuleFixture.customer(adding: ["owner: 李四"]))
        let line = index.components(separatedBy: "\n").firstIndex { $0.hasPrefix("| LX2024001") && $0.contains("王五") }! + 1
        RuleAssert.one(workspace.check(), "stale-index", at: (line, 1),
                       says: "table leads (Lead capture and screening) is stale at row 1 (LX2024001 in customers/LX2024001-huadongyun.md): Owner is `王五` in the index but `李四` in the customer file; also stale: grading",
                       hint: "run `leadbook index` (or `leadbook sync`) to rewrite the tables; text outside the `<!-- leadbook:… -->` markers is kept",
                       path: "INDEX.md")
    }

    func testATableRemovedFromTheIndex() throws {
        try writeIndex()
        let index = try String(contentsOfFile: workspace.root + "/INDEX.md", encoding: .utf8)
        let plans = index.components(separatedBy: "<!-- leadbook:begin plans -->")[0]
        try workspace.write("INDEX.md", plans)
        // Pointed at the last line: where the table would begin.
        RuleAssert.one(workspace.check(), "stale-index", at: (plans.components(separatedBy: "\n").count - 1, 1),
                       says: "table plans (Follow-up plans) is missing from INDEX.md (no `<!-- leadbook:begin plans -->` marker); missing: follow-ups, feedback",
                       hint: "run `leadbook index` (or `leadbook sync`) to rewrite the tables; text outside the `<!-- leadbook:… -->` markers is kept",
                       path: "INDEX.md")
    }
}

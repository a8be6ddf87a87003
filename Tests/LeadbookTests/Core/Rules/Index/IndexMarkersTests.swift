import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// index-markers: each table of the index file sits between its begin and end markers, once,
/// with a known name; the first problem is reported, counting the others.
final class IndexMarkersTests: RuleWorkspaceTestCase {
    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: en\n")
        try workspace.write("customers/LX2024001-huadongyun.md", RuleFixture.head)
    }

    func testMarkersAsLeadbookWritesThemAreClean() throws {
        let opened = Workspace.open(root: workspace.root)
        let extraction = WorkspaceIndex.extraction(opened, owners: false, keepText: true)
        let assembly = IndexAssembly(WorkspaceIndex.collect(opened, extraction).rows, configuration: opened.configuration, keepText: true)
        _ = try WorkspaceIndex.write(opened, assembly, WorkspaceIndex.Target(path: "INDEX.md", owner: nil))
        RuleAssert.clean(workspace.check())
    }

    func testAnUnknownTableAndATableNeverClosed() throws {
        try workspace.write("INDEX.md", "# 客户索引\n\n<!-- leadbook:begin lead -->\n<!-- leadbook:begin plans -->\n| a |\n")
        RuleAssert.one(workspace.check(), "index-markers", at: (3, 1),
                       says: "unknown table `lead` in `<!-- leadbook:begin lead -->` (and 1 more marker problem)",
                       hint: "did you mean `leads`? the tables are: \(IndexMarkerScanner.names)", path: "INDEX.md")
    }

    func testAMarkerWithATypo() throws {
        try workspace.write("INDEX.md", "<!-- leadbook:begn leads -->\n")
        RuleAssert.one(workspace.check(), "index-markers", at: (1, 1), says: "`<!-- leadbook:begn leads -->` is not a leadbook marker",
                       hint: "markers are `<!-- leadbook:begin NAME -->` and `<!-- leadbook:end NAME -->` with NAME one of \(IndexMarkerScanner.names)",
                       path: "INDEX.md")
    }
}

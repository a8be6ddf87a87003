import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `WorkspaceCheck` and the index file: a customer file with errors (or one that cannot be
/// read) adds no stale-index finding of its own, and the index file's findings come after the
/// customer files'.
final class WorkspaceCheckTests: RuleWorkspaceTestCase {
    static let first = "customers/LX2024001-huadongyun.md"
    static let second = "customers/LX2024002-beijing.md"
    static let third = "customers/LX2024003-hengli.md"

    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: en\n")
        try workspace.write(Self.first, RuleFixture.customer(adding: ["owner: 王五"]))
        try workspace.write(Self.second, RuleFixture.customer(set: ["id: LX2024002", "name: 北京数联科技"], adding: ["owner: 李四"]))
        try workspace.write(Self.third, RuleFixture.customer(set: ["id: LX2024003", "name: 苏州恒力精密"], adding: ["owner: 赵六"]))
        let opened = Workspace.open(root: workspace.root)
        let extraction = WorkspaceIndex.extraction(opened, owners: false, keepText: true)
        let assembly = IndexAssembly(WorkspaceIndex.collect(opened, extraction).rows, configuration: opened.configuration, keepText: true)
        _ = try WorkspaceIndex.write(opened, assembly, WorkspaceIndex.Target(path: "INDEX.md", owner: nil))
        RuleAssert.clean(workspace.check())
    }

    /// The facts keep their anchors (at the id, at merged_into) compactly, out of line: what
    /// is set is what is read, a diagnostic with words too.
    func testTheFactsGiveBackTheAnchorsTheyWereGiven() {
        var facts = CustomerFacts(path: "customers/LX2024001-a.md")
        XCTAssertNil(facts.anchors)
        let place = Diagnostic(file: facts.path, line: 3, column: 5, rule: DuplicateId.rule, message: .empty, hint: .empty,
                               sourceLine: "id: LX2024001", caretOffset: 4)
        let worded = Diagnostic(file: facts.path, line: 7, column: 1, rule: UnknownMergeTarget.rule, message: Phrase("merged", "已合并"),
                                hint: .empty, sourceLine: nil, caretOffset: 0)
        facts.idAnchor = place
        facts.mergedIntoAnchor = worded
        XCTAssertEqual(facts.idAnchor, place)
        XCTAssertEqual(facts.mergedIntoAnchor, worded)
        guard case .place? = facts.anchors?.id else { return XCTFail("an anchor without words is kept as its place") }
        guard case .whole? = facts.anchors?.mergedInto else { return XCTFail("one with words is kept whole") }
        facts.idAnchor = nil
        XCTAssertNil(facts.idAnchor)
        XCTAssertEqual(facts.mergedIntoAnchor, worded)
        facts.mergedIntoAnchor = nil
        XCTAssertNil(facts.anchors)
    }

    func testABadCreatedDateGivesOnlyItsOwnFinding() throws {
        try workspace.write(Self.first, RuleFixture.customer(set: ["created: 2024-13-01 09:10"], adding: ["owner: 王五"]))
        let diagnostics = workspace.check()
        XCTAssertEqual(diagnostics.map(\.rule.id), ["invalid-date"], "\(diagnostics.map(\.message))")
        XCTAssertEqual(diagnostics.first?.file, Self.first)
    }

    func testAFileSavedAsGBKGetsItsOwnFindingAndNoIndexNoise() throws {
        // 北京数联科技 in GBK: not UTF-8, so nothing of the file can be read.
        let gbk: [UInt8] = [0xB1, 0xB1, 0xBE, 0xA9, 0xCA, 0xFD, 0xC1, 0xAA, 0xBF, 0xC6, 0xBC, 0xBC]
        try workspace.write(Self.second, bytes: Array("---\nid: LX2024002\nname: ".utf8) + gbk
                            + Array("\nsource: website\nintent: A\ncreated: 2024-03-01 09:10\nstatus: qualified\nowner: 李四\n---\n".utf8))
        let diagnostics = workspace.check()
        XCTAssertEqual(diagnostics.map(\.rule.id), ["invalid-utf8"], "\(diagnostics.map(\.message))")
        XCTAssertEqual(diagnostics.first?.file, Self.second)
    }

    func testAFileThatIsNotReadAddsNoIndexNoise() throws {
        try workspace.write(Self.second, String(repeating: "x", count: CustomerFiles.maxSize + 1))
        XCTAssertEqual(workspace.check().map(\.rule.id), ["file-too-large"])
    }

    func testAStaleRowOfACleanFileIsStillReportedLastWithItsRowInTheFile() throws {
        try workspace.write(Self.first, RuleFixture.customer(set: ["created: 2024-13-01 09:10"], adding: ["owner: 王五"]))
        try workspace.write(Self.third, RuleFixture.customer(set: ["id: LX2024003", "name: 苏州恒力精密"], adding: ["owner: 孙八"]))
        let diagnostics = workspace.check()
        XCTAssertEqual(diagnostics.map(\.rule.id), ["invalid-date", "stale-index"])
        let index = try String(contentsOfFile: workspace.root + "/INDEX.md", encoding: .utf8)
        let line = index.components(separatedBy: "\n").firstIndex { $0.hasPrefix("| LX2024003") }! + 1
        XCTAssertEqual(diagnostics[1].file, "INDEX.md")
        XCTAssertEqual(diagnostics[1].line, line)
        XCTAssertTrue(diagnostics[1].message.hasPrefix("table leads (Lead capture and screening) is stale at row 3 (LX2024003 in customers/LX2024003-hengli.md): Owner is `赵六`"),
                      diagnostics[1].message)
    }

    func testAStaleRowOfAFileWithErrorsIsNotReported() throws {
        // The owner changed (the index is stale for this file) and the file has an error.
        try workspace.write(Self.second, RuleFixture.customer(set: ["id: LX2024002", "name: 北京数联科技", "status: 谈判"], adding: ["owner: 孙八"]))
        XCTAssertEqual(workspace.check().map(\.rule.id), ["unknown-status"])
        // Once the file is right, the index is stale again.
        try workspace.write(Self.second, RuleFixture.customer(set: ["id: LX2024002", "name: 北京数联科技"], adding: ["owner: 孙八"]))
        XCTAssertEqual(workspace.check().map(\.rule.id), ["stale-index"])
    }

    func testANewFileWithErrorsIsNotIndexNoise() throws {
        try workspace.write("customers/LX2024004-new.md", "---\nid: LX2024004\nname: 新客户\nstatus: 谈判\n---\n")
        XCTAssertEqual(Set(workspace.check().map(\.rule.id)), ["missing-field", "unknown-status"])
    }

    func testIndexFindingsComeAfterTheCustomerFindings() throws {
        try workspace.write(Self.third, RuleFixture.customer(set: ["id: LX2024003", "name: 苏州恒力精密"], adding: ["owner: 孙八"]))
        try workspace.write("customers/LX2024009-zzz.md", RuleFixture.customer(set: ["id: LX2024009", "name: 测试"], adding: ["owner: 王五", "tags: [a"]))
        let diagnostics = workspace.check()
        XCTAssertEqual(diagnostics.last?.rule.id, "stale-index")
        XCTAssertEqual(diagnostics.dropLast().map(\.file), ["customers/LX2024009-zzz.md"], "INDEX.md sorts before customers/, and still comes last")
    }

    func testTheLinkOfARowIsFoundPastAnEscapedBracket() {
        let row = Array("| LX1 | [a\\](b\\\\](customers/LX1-a.md) | x |".utf8)
        let link = row.withUnsafeBufferPointer { IndexFile.Ignored.link($0).map { String(decoding: $0, as: UTF8.self) } }
        XCTAssertEqual(link, "customers/LX1-a.md")
    }
}

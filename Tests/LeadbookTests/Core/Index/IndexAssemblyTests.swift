import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Order, follow-up window, owners and the reading of the index's rows.
final class IndexAssemblyTests: XCTestCase {
    func ids(_ assembly: IndexAssembly, _ table: IndexTable, owner: String? = nil) -> [String] {
        assembly.block(table, owner: owner).references.map { assembly.customers[Int($0.customer)].id }
    }

    func dates(_ assembly: IndexAssembly, owner: String? = nil) -> [String] {
        let block = assembly.block(.followUps, owner: owner)
        return (0..<block.count).compactMap { index -> String? in
            let line = assembly.line(block, index)
            guard case .row = line.kind else { return nil }
            return MarkdownRow.cells(line.line.text).first
        }
    }

    func testCustomersInIdOrderByNumber() {
        let assembly = IndexFixture.assembly()
        XCTAssertEqual(ids(assembly, .leads), ["LX202409", "LX2024001", "LX2024002", "LX2024003", "LX2024010"])
        XCTAssertEqual(ids(assembly, .grading), ids(assembly, .leads))
        XCTAssertEqual(ids(assembly, .plans), ["LX2024001", "LX2024002", "LX2024003"])
        XCTAssertFalse(ids(assembly, .leads).contains("LX2024011"), "a merged tombstone is not a customer of the index")
    }

    func testIdKeyComparesNumbersByValue() {
        XCTAssertLessThan(IdKey("LX9"), IdKey("LX10"))
        XCTAssertLessThan(IdKey("LX0099"), IdKey("LX100"))
        XCTAssertLessThan(IdKey("AB5"), IdKey("LX1"))
        XCTAssertLessThan(IdKey("LX1"), IdKey(""))
        XCTAssertFalse(IdKey("LX10") < IdKey("LX10"))
    }

    func testFollowUpsNewestFirstWithinTheWindow() {
        let assembly = IndexFixture.assembly()
        XCTAssertEqual(dates(assembly), ["2024-03-03", "2024-03-02 15:00", "2024-03-02", "2024-03-01 10:30"])
        XCTAssertEqual(assembly.window?.from.description, "2024-02-03")
        XCTAssertEqual(assembly.window?.to.description, "2024-03-03")
        let wider = IndexFixture.assembly { $0.indexDays = 60 }
        XCTAssertEqual(dates(wider).last, "2024-01-20")
        let one = IndexFixture.assembly { $0.indexDays = 1 }
        XCTAssertEqual(dates(one), ["2024-03-03"])
    }

    func testFeedbackNewestFirst() {
        let assembly = IndexFixture.assembly()
        XCTAssertEqual(ids(assembly, .feedback), ["LX2024003", "LX2024002", "LX2024001"])
    }

    func testSameMomentOrdersByCustomerThenLaterEntryFirst() throws {
        let folder = try IndexFixture.workspace([
            "customers/LX2.md": IndexFixture.customer("LX2", body: "## 跟进记录\n" + IndexFixture.followUp("2024-03-01 09:00", "背景: 第一条")
                                                      + IndexFixture.followUp("2024-03-01 09:00", "背景: 第二条")),
            "customers/LX1.md": IndexFixture.customer("LX1", body: "## 跟进记录\n" + IndexFixture.followUp("2024-03-01 09:00", "背景: 一号")),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let assembly = IndexFixture.assembly(folder.path)
        let block = assembly.block(.followUps)
        let summaries = block.references.map { MarkdownRow.cells(assembly.row($0).line.text)[4] }
        XCTAssertEqual(summaries, ["背景: 一号", "背景: 第二条", "背景: 第一条"])
    }

    /// The owner's name heads the rep's file: written by people, so escaped like a cell.
    func testTheOwnersTitleIsEscaped() throws {
        let owner = "*王* <b>五</b> www.x.cn"
        let folder = try IndexFixture.workspace(["customers/LX1.md": IndexFixture.customer("LX1", owner: "\"\(owner)\"")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let assembly = IndexFixture.assembly(folder.path, ownerFolder: "index")
        XCTAssertEqual(assembly.owners, [owner])
        let title = String(decoding: assembly.document(owner: owner), as: UTF8.self).split(separator: "\n")[0]
        XCTAssertEqual(title, "# \\*王\\* &lt;b&gt;五&lt;/b&gt; www\u{2060}.x.cn 的客户索引")
    }

    func testOwnersFilesHoldTheirCustomersWithLinksFromTheirFolder() {
        let assembly = IndexFixture.assembly(ownerFolder: "index")
        XCTAssertEqual(assembly.owners, ["王五", "赵六", "孙八", "周九"])
        XCTAssertEqual(ids(assembly, .leads, owner: "赵六"), ["LX2024002"])
        XCTAssertEqual(dates(assembly, owner: "赵六"), ["2024-03-02 15:00", "2024-03-02"])
        let block = assembly.block(.leads, owner: "赵六")
        let owned = String(decoding: assembly.line(block, block.count - 2).line.text, as: UTF8.self)
        XCTAssertTrue(owned.contains("](../customers/LX2024002-hengli.md)"), owned)
        let main = IndexFixture.text(assembly, .leads)
        XCTAssertTrue(main.contains("](customers/LX2024002-hengli.md)"))
        XCTAssertEqual(ids(assembly, .leads, owner: "钱七"), [])
    }

    func testOwnerFileNames() {
        let configuration = Configuration()
        XCTAssertEqual(WorkspaceIndex.ownerPath("王五", configuration), "index/王五.md")
        XCTAssertEqual(WorkspaceIndex.ownerPath("a/b:c", configuration), "index/a_b_c.md")
        XCTAssertEqual(WorkspaceIndex.ownerPath(".hidden", configuration), "index/_hidden.md")
        XCTAssertNil(WorkspaceIndex.ownerPath("///", configuration))
        var nested = Configuration()
        nested.indexFile = "reports/INDEX.md"
        XCTAssertEqual(WorkspaceIndex.ownerPath("王五", nested), "reports/index/王五.md")
        XCTAssertEqual(WorkspaceIndex.ownerFolder(nested), "reports/index")
    }

    func testOwnerFilesNeverShareAPath() throws {
        let folder = try IndexFixture.workspace([
            "customers/LX1.md": IndexFixture.customer("LX1", owner: "a/b"),
            "customers/LX2.md": IndexFixture.customer("LX2", owner: "a:b"),
            "customers/LX3.md": IndexFixture.customer("LX3", owner: "A_B"),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let targets = WorkspaceIndex.targets(IndexFixture.assembly(folder.path), owners: true)
        XCTAssertEqual(targets.map(\.path), ["INDEX.md", "index/A_B.md", "index/a_b-2.md", "index/a_b-3.md"])
        XCTAssertEqual(targets.map(\.owner), [nil, "A_B", "a/b", "a:b"])
    }

    /// Reading in batches and dropping follow-ups out of the window as it goes gives the same
    /// tables as keeping everything.
    func testBatchedReadingDropsOnlyWhatCannotBeShown() throws {
        var files: [String: String] = [:]
        for number in 1...40 {
            // Older customers first in path order; each with a follow-up on its own day.
            let day = LocalDate(year: 2024, month: 1, day: 1)!.adding(days: number * 3)
            let old = day.adding(days: -50)
            files["customers/LX\(100 + number).md"] = IndexFixture.customer(
                "LX\(100 + number)", body: "## 跟进记录\n" + IndexFixture.followUp(old.description) + IndexFixture.followUp(day.description))
        }
        let folder = try IndexFixture.workspace(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (workspace, configuration, all) = IndexFixture.rows(folder.path)
        let extraction = IndexExtraction(configuration: configuration, folder: "", keepText: true)
        let paths = workspace.customerPaths
        let reading = WorkspaceIndex.map(CustomerFiles(workspace), days: configuration.indexDays, batchSize: 7) { index, bytes -> (Int, IndexRows?) in
            guard let customer = CustomerReader.read(path: paths[index], bytes: bytes, configuration: configuration).customer else { return (index, nil) }
            return (index, extraction.rows(customer, path: paths[index]))
        } unread: { index, _ in index }
        XCTAssertEqual(reading.values.map(\.0), Array(paths.indices), "results in the order of the files")
        XCTAssertEqual(reading.unread, [])
        let batched = reading.values.compactMap { $0.1 }
        let kept = batched.reduce(0) { $0 + $1.rows.count }
        XCTAssertLessThan(kept, all.reduce(0) { $0 + $1.rows.count }, "rows out of the window were dropped")
        let full = IndexAssembly(all, configuration: configuration, keepText: true)
        let reduced = IndexAssembly(batched, configuration: configuration, keepText: true)
        for table in IndexTable.allCases {
            XCTAssertEqual(IndexFixture.text(reduced, table), IndexFixture.text(full, table), table.rawValue)
        }
        XCTAssertEqual(dates(full).count, 10)
    }

    func testEmptyWorkspace() throws {
        let folder = try IndexFixture.workspace(["leadbook.yml": "language: en\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let assembly = IndexFixture.assembly(folder.path)
        XCTAssertNil(assembly.window)
        XCTAssertEqual(IndexFixture.text(assembly, .followUps),
                       "\nNo follow-ups yet.\n\n| Date | Customer | Channel | Counterpart | Summary (BANT) | Change / feedback | New status | To-dos | Owner | Next follow-up |\n|---|---|---|---|---|---|---|---|---|---|\n\n")
    }

    func testExpectedCycleDaysFromLeadbookYml() throws {
        let source = SourceText(path: "leadbook.yml", bytes: Array("expected_cycle_days: {S: 20, B: 75}\n".utf8))
        let (configuration, diagnostics) = ConfigurationReader.read(source)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(configuration.expectedCycleDays, [.S: 20, .A: 45, .B: 75, .C: 90])
        let wrong = ConfigurationReader.read(SourceText(path: "leadbook.yml", bytes: Array("expected_cycle_days: {D: 20}\n".utf8)))
        XCTAssertEqual(wrong.1.map(\.rule.id), ["unknown-field"])
    }
}

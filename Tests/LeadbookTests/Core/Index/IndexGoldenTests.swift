import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Each of the five tables, in both languages, from Tests/Fixtures/index/workspace, compared
/// with the golden files in Tests/Fixtures/index/golden/<language>/<table>.md.
/// LEADBOOK_RECORD=1 writes them anew (read the diff before committing it).
final class IndexGoldenTests: XCTestCase {
    func golden(_ name: String, _ actual: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = IndexFixture.root.appendingPathComponent("golden/\(name)")
        if Transcript.recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(actual, expected, "golden/\(name) (LEADBOOK_RECORD=1 re-records)", file: file, line: line)
    }

    func testEveryTableInChinese() throws {
        let assembly = IndexFixture.assembly()
        for table in IndexTable.allCases {
            try golden("zh-CN/\(table.rawValue).md", IndexFixture.text(assembly, table))
        }
    }

    func testEveryTableInEnglish() throws {
        let assembly = IndexFixture.assembly { $0.language = .en }
        for table in IndexTable.allCases {
            try golden("en/\(table.rawValue).md", IndexFixture.text(assembly, table))
        }
    }

    func testContactDetailsOnlyWithIndexPII() throws {
        let without = IndexFixture.text(IndexFixture.assembly(), .leads)
        XCTAssertFalse(without.contains("13800000001"))
        XCTAssertFalse(without.contains("zhang.wei@example.com"))
        XCTAssertFalse(without.contains("联系方式 |"))
        for language in [Configuration.Language.zhCN, .en] {
            let with = IndexFixture.text(IndexFixture.assembly { $0.language = language; $0.indexPII = true }, .leads)
            try golden("\(language.rawValue)/leads-pii.md", with)
            XCTAssertTrue(with.contains("13800000001"))
            XCTAssertTrue(with.contains("zhang.wei@example.com"))
        }
    }

    /// No table but leads (with index_pii) carries a phone number or an email of the workspace.
    func testNoOtherTableCarriesContactDetails() {
        let assembly = IndexFixture.assembly { $0.indexPII = true }
        for table in IndexTable.allCases where table != .leads {
            let text = IndexFixture.text(assembly, table)
            for secret in ["13800000001", "13800000002", "13900005678", "13790120000", "zhang.wei@example.com", "chen@example.com"] {
                XCTAssertFalse(text.contains(secret), "\(table.rawValue) shows \(secret)")
            }
        }
    }

    /// The Chinese column names are the toolkit's (simplified script).
    func testChineseColumnsAreTheToolkits() {
        XCTAssertEqual(IndexTable.grading.columns(.zhCN, pii: false),
                       ["线索编号", "企业名称", "线索等级", "打分明细(规模/预算/紧急度/决策链)", "核心标签", "分配方式", "负责人", "分配时间", "首次跟进时间", "预计转化周期"])
        XCTAssertEqual(IndexTable.leads.columns(.zhCN, pii: true)[6], "联系方式")
        XCTAssertEqual(IndexTable.feedback.columns(.zhCN, pii: false).last, "客户确认结果")
        for table in IndexTable.allCases {
            for language in [Configuration.Language.zhCN, .en] {
                XCTAssertEqual(table.columns(language, pii: false).count, table.columns(.zhCN, pii: false).count)
            }
        }
    }
}

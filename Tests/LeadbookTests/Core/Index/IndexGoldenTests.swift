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
            // With a word joiner before the `@`, so GFM makes no mailto: link of it.
            XCTAssertTrue(with.contains("zhang.wei\u{2060}@example.com"))
        }
    }

    /// Phones, emails, ID-card numbers and WeChat ids that reps wrote into needs, details,
    /// plans, follow-ups, to-dos and feedback are masked without index_pii (full-width forms
    /// too), in INDEX.md and in the per-rep files; the rest of each text stays; with index_pii
    /// they are shown as written.
    func testFreeTextIsMaskedWithoutIndexPII() throws {
        let secrets = ["13912345678", "boss@corp.cn", "１３６００００１１１１", "li＠corp．cn", "wang@x.cn", "11010519491231002X",
                       "zl_wx88", "021-5555-0101"]
        let body = """
            ## 跟进记录

            ### 2024-03-02 10:00 电话 赵磊 13912345678
            - 背景: 客户说有事打 021-5555-0101
            - 需求: 微信 zl_wx88 联系
            - [ ] 2024-03-03 发合同到 li＠corp．cn @王五

            ## 客户反馈

            ### 2024-03-02 邮件 报价单发 wang@x.cn
            - 类型: 价格
            - 原因: 身份证 11010519491231002X 未核验
            - 处理方式: 立即解决
            - 处理方案: 回电 13912345678

            """
        let extra = """
            contacts:
              - {name: 赵磊, phone: "13912345678", email: boss@corp.cn, wechat: zl_wx88}
            needs: 回电 13912345678 或邮件 boss@corp.cn
            source_detail:
              referrer: 老李 １３６００００１１１１
            plan:
              - stage: initial-contact
                goal: 约见，电话 13912345678
                points: 发资料到 boss@corp.cn
                due: 2024-03-05
            """
        let folder = try IndexFixture.workspace([
            "customers/LX1.md": IndexFixture.customer("LX1", extra: extra, body: body),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let masked = IndexFixture.assembly(folder.path, ownerFolder: "index")
        var text = ""
        for table in IndexTable.allCases {
            text += IndexFixture.text(masked, table) + IndexFixture.text(masked, table, owner: "王五")
        }
        for secret in secrets {
            XCTAssertFalse(text.contains(secret), "\(secret) is shown without index_pii:\n\(text)")
        }
        for kept in ["回电 \(PrivateText.mask) 或邮件 \(PrivateText.mask)", "老李 \(PrivateText.mask)", "约见，电话 \(PrivateText.mask)",
                     "赵磊 \(PrivateText.mask)", "背景: 客户说有事打 \(PrivateText.mask)", "需求: 微信 \(PrivateText.mask) 联系",
                     "2024-03-03 发合同到 \(PrivateText.mask) @王五", "报价单发 \(PrivateText.mask)", "身份证 \(PrivateText.mask) 未核验",
                     "立即解决：回电 \(PrivateText.mask)"] {
            XCTAssertTrue(text.contains(kept), "\(kept) not in:\n\(text)")
        }
        let shown = IndexFixture.assembly(folder.path) { $0.indexPII = true }
        var all = ""
        for table in IndexTable.allCases { all += IndexFixture.text(shown, table) }
        all = all.replacingOccurrences(of: "\u{2060}", with: "").replacingOccurrences(of: "\\_", with: "_")
        for secret in secrets {
            XCTAssertTrue(all.contains(secret), "\(secret) is not shown with index_pii")
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

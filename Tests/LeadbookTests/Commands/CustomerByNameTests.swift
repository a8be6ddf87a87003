import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Every command that takes an ID takes a piece of text that names one customer: a piece of
/// its name, a contact's name, a phone number, the short name in its file name. A text that
/// names several customers lists them and changes nothing; one that names none says which
/// names are near.
final class CustomerByNameTests: RuleWorkspaceTestCase {
    static func customer(_ id: String, _ name: String, contact: String, phone: String, slug: String, extra: String = "") -> (String, String) {
        ("customers/\(id)-\(slug).md", """
            ---
            id: \(id)
            name: \(name)
            source: exhibition
            intent: B
            owner: 赵六
            created: 2024-05-06 09:00
            assigned: 2024-05-06 09:00
            status: untouched
            contacts:
              - name: \(contact)
                phone: "\(phone)"
            \(extra)---

            # \(name)

            """)
    }

    static let files = [
        customer("LX2024001", "成都天府食品有限公司", contact: "李总", phone: "138 0000 0101", slug: "chengdu-tianfu"),
        customer("LX2024002", "天府酒店管理有限公司", contact: "王芳", phone: "13800000202", slug: "tianfu-jiudian"),
        customer("LX2024003", "华东云", contact: "周强", phone: "13800000303", slug: "huadongyun"),
        customer("LX2024004", "华东云计算有限公司", contact: "王芳芳", phone: "13800000404", slug: "huadongyun-jisuan"),
    ]

    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: zh-CN\nteam:\n  - name: 赵六\n    role: senior\n")
        for (path, text) in Self.files { try workspace.write(path, text) }
        // A tombstone with the name of the customer it was merged into is never a candidate.
        try workspace.write("customers/LX2024005-chengdu-tianfu-old.md", "---\nid: LX2024005\nname: 成都天府食品有限公司\nmerged_into: LX2024001\n---\n")
    }

    func run(_ arguments: [String], language: String = "en") -> (code: ExitCode, output: String, errors: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": language], currentDirectory: workspace.root)
        let code = LeadbookCommandLine.run(arguments + ["-C", workspace.root], context)
        return (code, console.output, console.errors)
    }

    func file(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: workspace.root + "/" + path)), as: UTF8.self)
    }

    func testShowByAPieceOfTheNameAContactAPhoneOrTheFileName() {
        for text in ["成都", "李总", "13800000101", "138-0000-0101", "0101", "Chengdu-Tianfu", "LX2024001"] {
            let shown = run(["show", text])
            XCTAssertEqual(shown.code, .ok, "\(text): \(shown.errors)")
            XCTAssertTrue(shown.output.hasPrefix("LX2024001  成都天府食品有限公司\n"), "\(text): \(shown.output)")
        }
        XCTAssertTrue(run(["explain", "酒店"]).output.contains("LX2024002"), "explain takes a name too")
    }

    func testTheWholeNameOfOneCustomerIsNotAPieceOfAnother() {
        let shown = run(["show", "华东云"])
        XCTAssertEqual(shown.code, .ok, shown.errors)
        XCTAssertTrue(shown.output.hasPrefix("LX2024003  华东云\n"), shown.output)
        XCTAssertTrue(run(["show", "华东云计算"]).output.hasPrefix("LX2024004  华东云计算有限公司\n"))
    }

    func testAnAmbiguousTextListsTheCandidatesAndExitsOne() {
        let shown = run(["show", "天府"])
        XCTAssertEqual(shown.code, .findings)
        XCTAssertEqual(shown.output, "")
        XCTAssertEqual(shown.errors, """
            leadbook show: `天府` names 2 customers; give the id of the one you mean:
              LX2024001  成都天府食品有限公司  赵六  untouched  (name 成都天府食品有限公司)
              LX2024002  天府酒店管理有限公司  赵六  untouched  (name 天府酒店管理有限公司)

            """)
        let whole = run(["show", "王芳"])
        XCTAssertEqual(whole.code, .ok, "王芳 is one contact's whole name and a piece of another's: \(whole.errors)")
        XCTAssertTrue(whole.output.hasPrefix("LX2024002  "), whole.output)
    }

    func testAnAmbiguousTextInChinese() {
        let shown = run(["show", "天府"], language: "zh-CN")
        XCTAssertEqual(shown.code, .findings)
        XCTAssertEqual(shown.errors, """
            leadbook show：`天府` 对应 2 位客户，请改用要找的那位客户的编号：
              LX2024001  成都天府食品有限公司  赵六  未接触（名称：成都天府食品有限公司）
              LX2024002  天府酒店管理有限公司  赵六  未接触（名称：天府酒店管理有限公司）

            """)
    }

    func testATextThatNamesNoneSaysWhichNamesAreNear() {
        let shown = run(["show", "天付酒店"])
        XCTAssertEqual(shown.code, .failure)
        XCTAssertEqual(shown.errors, "leadbook show: no customer with id `天付酒店`, nor one whose name, contacts or phones contain it; did you mean 天府酒店管理有限公司?\n")
        let chinese = run(["show", "天付酒店"], language: "zh-CN")
        XCTAssertEqual(chinese.errors, "leadbook show：没有编号为 `天付酒店` 的客户，也没有名称、联系人或电话包含它的客户，是不是要找 天府酒店管理有限公司？\n")
        XCTAssertEqual(run(["show", "LX2024009"]).errors, "leadbook show: no customer with id LX2024009; did you mean LX2024001?\n",
                       "an id keeps the id's did-you-mean")
    }

    func testLogByNameWritesToThatCustomer() throws {
        let logged = run(["log", "酒店", "--channel", "phone", "--at", "2024-05-07 10:00", "--status", "contacted"])
        XCTAssertEqual(logged.code, .ok, logged.errors)
        XCTAssertTrue(try file("customers/LX2024002-tianfu-jiudian.md").contains("### 2024-05-07 10:00 电话\n"))
        XCTAssertTrue(try file("customers/LX2024002-tianfu-jiudian.md").contains("status: contacted\n"))
        XCTAssertFalse(try file("customers/LX2024001-chengdu-tianfu.md").contains("2024-05-07"))
    }

    func testWritersNeverActOnAnAmbiguousText() throws {
        let before = try Self.files.map { try file($0.0) }
        let logged = run(["log", "天府", "--channel", "phone", "--at", "2024-05-07 10:00"])
        XCTAssertEqual(logged.code, .findings)
        XCTAssertTrue(logged.errors.contains("`天府` names 2 customers"), logged.errors)
        let feedback = run(["feedback", "天府", "--channel", "phone", "--type", "price", "--priority", "high", "--summary", "太贵", "--at", "2024-05-07"])
        XCTAssertEqual(feedback.code, .findings)
        let merged = run(["merge", "天府", "华东云计算"])
        XCTAssertEqual(merged.code, .findings)
        XCTAssertEqual(try Self.files.map { try file($0.0) }, before, "nothing was written")
    }

    func testMergeByNames() throws {
        let merged = run(["merge", "华东云计算", "华东云", "--at", "2024-05-08 09:00"])
        XCTAssertEqual(merged.code, .ok, merged.errors)
        XCTAssertTrue(try file("customers/LX2024003-huadongyun.md").contains("merged_into: LX2024004\n"))
        let same = run(["merge", "周强", "华东云"])
        XCTAssertNotEqual(same.code, .ok, "a tombstone is not a customer to merge: \(same.errors)")
    }

    func testAFileThatCannotBeReadButMayBeTheOneIsNeverPassedOver() throws {
        try workspace.write("customers/LX2024006-tianfu-hotpot.md", "---\nid: LX2024006\nname: [天府火锅\n---\n")
        let shown = run(["show", "tianfu"])
        XCTAssertEqual(shown.code, .findings)
        XCTAssertTrue(shown.errors.contains("`tianfu` names 3 customers"), shown.errors)
        XCTAssertTrue(shown.errors.contains("  customers/LX2024006-tianfu-hotpot.md  (cannot be read as a customer; run `leadbook check customers/LX2024006-tianfu-hotpot.md`)\n"), shown.errors)
        let only = run(["log", "hotpot", "--channel", "phone"])
        XCTAssertEqual(only.code, .findings)
        XCTAssertEqual(only.errors, "leadbook log: `hotpot` names no customer that can be read, but customers/LX2024006-tianfu-hotpot.md may be the one: it cannot be read as a customer; run `leadbook check customers/LX2024006-tianfu-hotpot.md` and fix it first\n")
        XCTAssertEqual(run(["show", "成都天府"]).code, .ok, "a name the broken file's name does not hold still resolves")
    }

    func testAtMostTwentyCandidatesAreListed() throws {
        for number in 10...31 {
            let (path, text) = Self.customer("LX20240\(number)", "西南物流\(number)号有限公司", contact: "张\(number)", phone: "139000000\(number)", slug: "xinan-\(number)")
            try workspace.write(path, text)
        }
        let shown = run(["show", "西南物流"])
        XCTAssertEqual(shown.code, .findings)
        let lines = shown.errors.split(separator: "\n")
        XCTAssertEqual(lines.first, "leadbook show: `西南物流` names 22 customers; give the id of the one you mean:")
        XCTAssertEqual(lines.count, 22, "the first line, 20 candidates, and how many more")
        XCTAssertEqual(lines.last, "  ... and 2 more (`leadbook find` lists them all)")
        XCTAssertEqual(lines[1], "  LX2024010  西南物流10号有限公司  赵六  untouched  (name 西南物流10号有限公司)")
    }

    func testFeedbackListByAPhoneNumber() throws {
        XCTAssertEqual(run(["feedback", "138 0000 0303"]).code, .ok)
    }
}

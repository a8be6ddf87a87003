import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `leadbook find TEXT`: every customer holding the text in its name, contacts, phones, emails,
/// tags or log, with where, in the run's language; JSON with stable keys.
final class FindCommandTests: RuleWorkspaceTestCase {
    static let tianfu = """
        ---
        id: LX2024001
        name: 成都天府食品有限公司
        source: exhibition
        intent: A
        owner: 赵六
        created: 2024-05-12 20:15
        assigned: 2024-05-12 20:15
        status: contacted
        tags: [老客户推荐, 价格敏感]
        contacts:
          - name: 李总
            phone: "138-0000-0101"
            email: LiZong@Tianfu.example.com
        ---

        # 成都天府食品有限公司

        ## 跟进记录

        ### 2024-05-13 10:00 电话 李总
        - 反馈: 价格敏感，希望看到同行案例
        - 状态: 初步接洽

        """
    static let hotel = """
        ---
        id: LX2024002
        name: 天府酒店管理有限公司
        source: website
        intent: B
        created: 2024-05-14 09:00
        status: untouched
        contacts:
          - name: 王芳
            email: wangfang@tianfu.example.com
        ---

        """

    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: zh-CN\nteam:\n  - name: 赵六\n    role: senior\n")
        try workspace.write("customers/LX2024001-chengdu-tianfu.md", Self.tianfu)
        try workspace.write("customers/LX2024002-tianfu-jiudian.md", Self.hotel)
        try workspace.write("customers/LX2024003-old.md", "---\nid: LX2024003\nname: 成都天府食品有限公司\nmerged_into: LX2024001\n---\n")
    }

    func run(_ arguments: [String], language: String = "en") -> (code: ExitCode, output: String, errors: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": language], currentDirectory: workspace.root)
        let code = LeadbookCommandLine.run(arguments + ["-C", workspace.root], context)
        return (code, console.output, console.errors)
    }

    func testEveryPlaceTheTextIsWithItsEntry() {
        let found = run(["find", "价格敏感"])
        XCTAssertEqual(found.code, .ok, found.errors)
        XCTAssertEqual(found.output, """
            LX2024001  成都天府食品有限公司  赵六  contacted
              customers/LX2024001-chengdu-tianfu.md
              tag 价格敏感
              follow-up 2024-05-13, line 22: - 反馈: 价格敏感，希望看到同行案例

            1 customer

            """)
    }

    func testInChinese() {
        let found = run(["find", "TIANFU.example"], language: "zh-CN")
        XCTAssertEqual(found.code, .ok, found.errors)
        XCTAssertEqual(found.output, """
            LX2024001  成都天府食品有限公司  赵六  初步接洽
              customers/LX2024001-chengdu-tianfu.md
              邮箱：LiZong@Tianfu.example.com

            LX2024002  天府酒店管理有限公司  -  未接触
              customers/LX2024002-tianfu-jiudian.md
              邮箱：wangfang@tianfu.example.com

            共 2 位客户

            """, "Latin letters in either case; the tombstone is not listed")
        XCTAssertEqual(run(["find", "没有的"], language: "zh-CN").output, "没有客户含有 `没有的`\n")
    }

    func testAPhoneByItsDigits() {
        let found = run(["find", "138 0000 0101"])
        XCTAssertTrue(found.output.contains("  phone 138-0000-0101\n"), found.output)
        XCTAssertEqual(run(["find", "00000101"]).code, .ok)
    }

    func testNothingFoundExitsOne() {
        let found = run(["find", "重庆"])
        XCTAssertEqual(found.code, .findings)
        XCTAssertEqual(found.output, "no customer holds `重庆`\n")
        XCTAssertEqual(run(["find"]).code, .failure)
        XCTAssertEqual(run(["find", "  "]).code, .failure)
        XCTAssertEqual(run(["find", "a", "b"]).code, .failure)
    }

    func testJSON() throws {
        let found = run(["find", "李总", "--format", "json"], language: "zh-CN")
        XCTAssertEqual(found.code, .ok)
        let value = try XCTUnwrap(JSONValue.parseAll(found.output).first)
        XCTAssertEqual(value, try JSONValue.parseAll("""
            {"text": "李总", "customers": [{"id": "LX2024001", "name": "成都天府食品有限公司", "owner": "赵六", "status": "contacted",
              "file": "customers/LX2024001-chengdu-tianfu.md", "matches": [
                {"field": "contact", "value": "李总", "line": null, "date": null},
                {"field": "follow_up", "value": "### 2024-05-13 10:00 电话 李总", "line": 21, "date": "2024-05-13"}]}],
             "count": 1}
            """).first, "keys and enum values in English whatever the language")
    }

    func testFilesThatCannotBeSearchedAreNamed() throws {
        try workspace.write("customers/LX2024004-broken.md", "---\nid: LX2024004\nname: [天府\n---\n")
        let found = run(["find", "天府"])
        XCTAssertEqual(found.code, .findings)
        XCTAssertTrue(found.output.hasSuffix("2 customers\n"), found.output)
        XCTAssertTrue(found.errors.contains("customers/LX2024004-broken.md"), found.errors)
    }
}

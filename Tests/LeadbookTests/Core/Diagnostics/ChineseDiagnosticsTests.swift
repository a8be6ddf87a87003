import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// A sample of rules of every group, rendered as `check` prints them in zh-CN: the message and
/// the hint in Chinese, the rule id and the place as in English.
final class ChineseDiagnosticsTests: XCTestCase {
    static let chinese = DiagnosticReport.Style(color: false, language: .zhCN)

    func only(_ diagnostics: [Diagnostic], _ rule: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        let found = diagnostics.filter { $0.rule.id == rule }
        XCTAssertEqual(found.count, 1, RuleFixture.describe(diagnostics), file: file, line: line)
        return found.first
    }

    func assertChinese(_ diagnostic: Diagnostic?, says message: String, hint: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(diagnostic?.phrase.zh, message, file: file, line: line)
        XCTAssertEqual(diagnostic?.hintPhrase.zh, hint, file: file, line: line)
    }

    func testTheWholeDiagnosticAsCheckPrintsItInChinese() throws {
        let diagnostic = try XCTUnwrap(only(RuleFixture.diagnostics(RuleFixture.customer(set: ["status: 谈判中"])), "unknown-status"))
        XCTAssertEqual(DiagnosticReport.text(diagnostic, style: Self.chinese), """
            customers/LX2024001-huadongyun.md:7:9: 错误[unknown-status]: 没有 `谈判中` 这个状态
             7 | status: 谈判中
               |         ^
              提示：是不是想写 `商务谈判`（negotiation）？可选值：未接触（untouched）、初步接洽（contacted）、需求明确（qualified）、方案提交（proposal）、商务谈判（negotiation）、成交（won）、流失（lost）

            """)
        XCTAssertTrue(DiagnosticReport.text(diagnostic, style: DiagnosticReport.Style(color: false, language: .en))
            .contains("error[unknown-status]: unknown status `谈判中`"))
    }

    func testFiles() {
        assertChinese(only(RuleFixture.diagnostics(bytes: []), "empty-file"),
                      says: "文件是空的", hint: "写上客户的文件头（见 docs/format.md），或删掉这个文件")
        assertChinese(only(RuleFixture.diagnostics("id: LX2024001\n"), "no-front-matter"), says: "没有文件头：客户文件要以 `---` 行开头",
                      hint: "文件开头写 `---`，接着是客户的 `key: value` 行，再写一行 `---`；或者把这个文件移出客户文件夹")
        assertChinese(only(RuleFixture.diagnostics(bytes: Array("---\nid: LX2024001\nname: ".utf8) + [0xC4, 0xE3] + Array("\n---\n".utf8)), "invalid-utf8"),
                      says: "第 24 字节处不是有效的 UTF-8（字节 0xC4）", hint: "把文件存为 UTF-8（存成 GBK 的文件会这样；在编辑器里另存为 UTF-8 即可）")
    }

    func testYAMLFrontMatter() {
        assertChinese(only(RuleFixture.diagnostics(RuleFixture.customer(adding: ["name: 重复"])), "duplicate-key"),
                      says: "键 `name` 重复了（第 3 行已经写过）", hint: "两处只留一处；同一个映射里一个键只能出现一次")
        assertChinese(only(RuleFixture.diagnostics(RuleFixture.customer(adding: ["employees: 五百"])), "wrong-type"),
                      says: "`employees` 必须是整数，不能是 `五百`", hint: "写成 `employees: 500` 这样")
        assertChinese(only(RuleFixture.diagnostics(RuleFixture.customer(adding: ["industry: [1, 2]"])), "wrong-type"),
                      says: "`industry` 必须是文本，不能是列表", hint: "写成 `industry: 一段文字` 这样")
    }

    func testFields() {
        let missing = only(RuleFixture.diagnostics(RuleFixture.customer(removing: ["source"])), "missing-field")
        XCTAssertEqual(missing?.phrase.zh, "缺少必填字段 `source`")
        XCTAssertTrue(missing?.hintPhrase.zh.hasPrefix("在文件头里加一行 `source: ") ?? false, missing?.hintPhrase.zh ?? "")
        assertChinese(only(RuleFixture.diagnostics(RuleFixture.customer(set: ["created: 2024-02-30 09:10"])), "invalid-date"),
                      says: "`created`：`2024-02-30 09:10` 这个日期时间不存在", hint: "检查月份、日期和时间（2024-02 只有 29 天；时间是 00:00 到 23:59）")
        assertChinese(only(RuleFixture.diagnostics(RuleFixture.customer(set: ["status: won"])), "missing-deal"),
                      says: "状态是成交，但没有 `deal`", hint: "加上 `deal: {amount: 180000, closed: 2024-04-02}`")
        assertChinese(only(RuleFixture.diagnostics(RuleFixture.customer(set: ["intent: 很高"])), "unknown-intent"),
                      says: "没有 `很高` 这个意向等级", hint: "可选值：A级（A）、B级（B）、C级（C）")
    }

    func testFollowUpAndFeedbackLog() {
        assertChinese(only(RuleFixture.diagnostics(RuleFixture.followUp("2024-03-01 10:30 phone 张伟", ["- [ ] 发送合同初稿"])), "todo-without-date"),
                      says: "这条待办没有日期", hint: "在开头写上到期日：`- [ ] 2024-03-10 发送合同初稿 @负责人`")
        let order = RuleFixture.customer(body: "\n## 跟进记录\n\n### 2024-03-05 电话 张伟\n- 情绪: 积极\n\n### 2024-03-02 电话 张伟\n- 情绪: 积极\n")
        assertChinese(only(RuleFixture.diagnostics(order), "entry-order"),
                      says: "2024-03-02 的跟进排在了 2024-03-05 那条的后面", hint: "条目按日期排列，最新的在最后：把这条往上移，或改正它的日期")
        assertChinese(only(RuleFixture.diagnostics(RuleFixture.followUp("2024-03-01")), "bad-entry-heading"),
                      says: "条目标题的日期后面没有渠道",
                      hint: "写上这次是怎么联系的：电话（phone）、邮件（email）、面谈（meeting）、线上会议（video）、微信（wechat）、拜访（visit）、短信（message）")
    }

    func testDerivedValues() {
        let text = RuleFixture.customer(adding: ["score: {size: 25, budget: 25, urgency: 20, decision: 20}", "grade: B"])
        assertChinese(only(RuleFixture.diagnostics(text), "stale-grade"),
                      says: "线索等级写的是 B，但评分 90 对应的是 S（S >= 80，A >= 60，B >= 40）", hint: "运行 `leadbook sync` 写入等级 S，或者改正评分")
        let next = RuleFixture.customer(adding: ["next: 2024-03-09"], body: "\n## 跟进记录\n\n### 2024-03-01 电话 张伟\n- 下次跟进: 2024-03-05\n")
        assertChinese(only(RuleFixture.diagnostics(next), "stale-next"),
                      says: "下次跟进写的是 2024-03-09，但最近一次跟进（2024-03-01）定的是 2024-03-05", hint: "运行 `leadbook sync`；要改期，就记一条带 `- next:` 的跟进")
    }

    func testLeadbookYml() {
        let (_, diagnostics) = RuleFixture.configuration("team:\n  - {name: 李四, role: boss}\n  - {name: 王五, role: junior, mentor: 赵六}\n")
        assertChinese(only(diagnostics, "unknown-team-role"), says: "没有 `boss` 这个团队角色",
                      hint: "可选值：销售经理（manager）、资深销售（senior）、新人销售（junior）")
        assertChinese(only(diagnostics, "unknown-mentor"), says: "导师 `赵六` 不在团队里", hint: "把这个人加到 `team` 里，或者从这些人里选一位：李四、王五")
        let (_, language) = RuleFixture.configuration("language: 法语\n")
        assertChinese(only(language, "wrong-type"), says: "`language` 必须是 zh-CN 或 en，不能是 `法语`", hint: "写成 `language: zh-CN` 或 `language: en`")
    }
}

/// The rules across files, of the index file and of git history, in Chinese.
final class ChineseWorkspaceDiagnosticsTests: RuleWorkspaceTestCase {
    static let customer = "---\nid: LX2024001\nname: 华东云科技有限公司\nsource: website\nintent: A\ncreated: 2024-03-01 09:10\nstatus: untouched\n---\n"

    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: zh-CN\n")
        try workspace.write("customers/LX2024001-huadong.md", Self.customer)
        try workspace.write("customers/LX2024001-huadong2.md", Self.customer.replacingOccurrences(of: "华东云科技有限公司", with: "华东云二部"))
        try workspace.write("INDEX.md", "# 索引\n\n<!-- leadbook:begin leeds -->\n<!-- leadbook:end leeds -->\n")
    }

    func testAcrossFilesAndTheIndexFile() {
        let diagnostics = workspace.check()
        let duplicate = diagnostics.first { $0.rule.id == "duplicate-id" }
        XCTAssertTrue(duplicate?.phrase.zh.hasPrefix("客户编号 `LX2024001` 也被 customers/") ?? false, duplicate?.phrase.zh ?? "\(diagnostics)")
        XCTAssertEqual(duplicate?.hintPhrase.zh, "客户编号不能重复：运行 `leadbook renumber LX2024001`，给较新的客户换一个空闲编号")
        let marker = diagnostics.first { $0.rule.id == "index-markers" }
        XCTAssertTrue(marker?.phrase.zh.hasPrefix("`<!-- leadbook:begin leeds -->` 里的表格 `leeds` 不存在") ?? false, marker?.phrase.zh ?? "\(diagnostics)")
        XCTAssertTrue(marker?.hintPhrase.zh.hasPrefix("是不是想写 `leads`？可用的表格：") ?? false, marker?.hintPhrase.zh ?? "")
    }
}

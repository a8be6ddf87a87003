import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// `EditorHover`: the grade as `explain` gives it on `score` and `grade`, what statuses,
/// intents, sources and entry keys mean, the name behind `merged_into`; nothing elsewhere.
final class EditorHoverTests: XCTestCase {
    typealias F = EditorFixture

    func hover(_ text: String, language: Language = .en, names: [String: String] = [:]) -> (markdown: String, range: EditorRange)? {
        let (document, position) = F.document(text)
        return EditorHover.hover(document, at: position, language: language) { names[$0] }
    }

    func testScoreAndGradeShowTheExplanationOfTheGrade() {
        let onScore = hover(F.customer(replacing: "score: {", with: "sc|ore: {"))
        XCTAssertNotNil(onScore)
        let markdown = onScore!.markdown
        XCTAssertTrue(markdown.hasPrefix("**Grade**\n\n```text\n"), markdown)
        XCTAssertTrue(markdown.contains("  size      25 / 30"), markdown)
        XCTAssertTrue(markdown.contains("  decision  20 / 20"), markdown)
        XCTAssertTrue(markdown.contains("  total     90 / 100"), markdown)
        XCTAssertTrue(markdown.contains("  grade     S: 90 >= 80"), markdown)
        XCTAssertEqual(hover(F.customer(replacing: "urgency: 20", with: "urgency: 2|0"))?.markdown, markdown, "the score's values too")
        let onGrade = hover(F.customer(replacing: "grade: S", with: "grade: |S"), language: .zhCN)!.markdown
        XCTAssertTrue(onGrade.hasPrefix("**线索等级**"), onGrade)
        XCTAssertTrue(onGrade.contains("企业规模"), onGrade)
        XCTAssertTrue(onGrade.contains("等级          S：90 >= 80"), onGrade)
        XCTAssertTrue(onGrade.contains("**S级**（S）：评分 80 分及以上"), onGrade)
        let stale = hover(F.customer(replacing: "grade: S", with: "gr|ade: A"))!.markdown
        XCTAssertTrue(stale.contains("the file says A: stale, `leadbook sync` writes S"), stale)
    }

    func testTheExplanationFollowsLeadbookYml() {
        var configuration = F.configuration
        configuration.scoring.gradeS = 95
        let (document, position) = F.document(F.customer(replacing: "grade: S", with: "grade: |S"), configuration: configuration)
        let markdown = EditorHover.hover(document, at: position, language: .en) { _ in nil }!.markdown
        XCTAssertTrue(markdown.contains("  grade     A: 60 <= 90 < 95"), markdown)
    }

    func testWhatAStatusIntentOrSourceMeans() {
        let status = hover(F.customer(replacing: "status: qualified", with: "status: quali|fied"))!
        XCTAssertEqual(status.markdown, "**qualified** (需求明确): the customer has confirmed the core need")
        let (document, _) = F.document(F.customer(replacing: "status: qualified", with: "status: quali|fied"))
        XCTAssertEqual(String(decoding: document.bytes[document.offset(of: status.range.start)..<document.offset(of: status.range.end)], as: UTF8.self),
                       "qualified")
        XCTAssertEqual(hover(F.customer(replacing: "status: qualified", with: "status: 方案|提交"), language: .zhCN)?.markdown,
                       "**方案提交**（proposal）：已提交方案或报价")
        XCTAssertEqual(hover(F.customer(replacing: "intent: A", with: "intent: |A"), language: .zhCN)?.markdown,
                       "**A级**（A）：需求明确且紧急，有预算，决策人清楚；获取后 2 小时内分配并首次跟进")
        XCTAssertEqual(hover(F.customer(replacing: "source: website", with: "source: 官网|表单"))?.markdown,
                       "**website** (官网表单): a website form: `source_detail` holds the pages visited, the need keywords and whether the contact details are complete")
        let key = hover(F.customer(replacing: "status: qualified", with: "st|atus: qualified"), language: .zhCN)!.markdown
        XCTAssertTrue(key.hasPrefix("**客户状态**（status）\n\n可选值：未接触（untouched）、"), key)
        var configuration = F.configuration
        configuration.sources = ["exhibition", "dealer"]
        let (sources, onSource) = F.document(F.customer(replacing: "source: website", with: "sou|rce: website"), configuration: configuration)
        XCTAssertEqual(EditorHover.hover(sources, at: onSource, language: .en) { _ in nil }?.markdown,
                       "**source** (来源渠道)\n\nvalues: exhibition (展会), dealer", "leadbook.yml's sources")
    }

    func testEntryKeysAndTheirStatus() {
        XCTAssertEqual(hover(F.customer(replacing: "- need: 高稳定性服务器", with: "- ne|ed: 高稳定性服务器"))?.markdown,
                       "**need** (需求)\n\nwhat the customer needs")
        XCTAssertEqual(hover(F.customer(replacing: "- handling: fix", with: "- 处理|方式: fix"), language: .zhCN)?.markdown,
                       "**处理方式**（handling）\n\n立即解决（24 小时内答复）、协商替代方案，或如实说明无法解决")
        XCTAssertEqual(hover(F.customer(replacing: "- status: qualified", with: "- status: qu|alified"))?.markdown,
                       "**qualified** (需求明确): the customer has confirmed the core need")
    }

    func testMergedIntoNamesTheCustomer() {
        let text = F.customer(replacing: "status: qualified", with: "status: qualified\nmerged_into: LX20|24007")
        XCTAssertEqual(hover(text, names: ["LX2024007": "恒力*食品"])?.markdown, "merged into **LX2024007** 恒力\\*食品")
        XCTAssertEqual(hover(text, language: .zhCN, names: ["LX2024007": "恒力食品"])?.markdown, "已合并到 **LX2024007** 恒力食品")
        XCTAssertEqual(hover(text)?.markdown, "no customer with id `LX2024007` in the workspace")
    }

    func testOtherKeysShowTheirLabelAndNothingElsewhere() {
        XCTAssertEqual(hover(F.customer(replacing: "owner: 王五", with: "ow|ner: 王五"), language: .zhCN)?.markdown, "**负责人**（owner）")
        XCTAssertNil(hover(F.customer(replacing: "owner: 王五", with: "owner: 王|五")))
        XCTAssertNil(hover(F.customer(replacing: "# 华东云科技有限公司", with: "# 华东|云科技有限公司")))
        XCTAssertNil(hover("|"))
        XCTAssertNil(hover("no front |matter\n"))
        XCTAssertNil(hover("---\nscore: {size: 25|\n---\n"), "the score does not read: nothing certain to explain")
        XCTAssertNil(hover(F.customer(replacing: "status: qualified", with: "status: |")), "an empty value")
    }

    func testRangesAfterChineseText() {
        let (document, position) = F.document(F.customer(replacing: "- status: qualified", with: "- status: 方案提交|"))
        let hover = EditorHover.hover(document, at: position, language: .en) { _ in nil }!
        let line = Array(document.lineText(position.line))
        XCTAssertEqual(hover.range.start.column, "- status: ".utf8.count)
        XCTAssertEqual(hover.range.end.column, line.count, "four characters of three bytes each")
    }
}

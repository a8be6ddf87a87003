import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// chinese-comma (a warning): `，` or `、` between the items of a `[...]` list.
final class ChineseCommaTests: XCTestCase {
    func testAChineseCommaMakesOneTagOfTwo() {
        let text = RuleFixture.customer(adding: ["tags: [老客户推荐，价格敏感]"])
        let result = RuleFixture.read(text)
        let diagnostic = RuleAssert.one(result.findings.diagnostics, "chinese-comma", .warning, at: (8, 13),
                                        says: "`，` inside a `[...]` list item; YAML separates items with the ASCII comma `,`, so this is one item",
                                        hint: "write `, ` between the items; `leadbook fix` changes it")
        XCTAssertEqual(diagnostic?.phrase.zh, "`[...]` 列表里用了 `，`，YAML 只认英文逗号 `,`，所以这里被读成了一项")
        XCTAssertEqual(result.customer?.tags, ["老客户推荐，价格敏感"])
        let fixed = String(decoding: Fix.apply([diagnostic!.fix!], to: Array(text.utf8)).bytes, as: UTF8.self)
        XCTAssertEqual(fixed, RuleFixture.customer(adding: ["tags: [老客户推荐, 价格敏感]"]))
        XCTAssertEqual(RuleFixture.read(fixed).customer?.tags, ["老客户推荐", "价格敏感"])
    }

    func testAnEnumerationCommaAndASpaceAfterTheComma() {
        let text = RuleFixture.customer(adding: ["tags: [老客户推荐、价格敏感， 复购]"])
        let diagnostics = RuleFixture.diagnostics(text)
        RuleAssert.rules(diagnostics, [("chinese-comma", 8, 13), ("chinese-comma", 8, 18)])
        let fixed = String(decoding: Fix.apply(diagnostics.compactMap(\.fix), to: Array(text.utf8)).bytes, as: UTF8.self)
        XCTAssertEqual(fixed, RuleFixture.customer(adding: ["tags: [老客户推荐, 价格敏感, 复购]"]))
    }

    /// In a block list the comma is text: a tag may be a phrase.
    func testABlockListItemIsText() {
        let text = RuleFixture.customer(adding: ["tags:", "  - 老客户推荐，价格敏感", "needs: 冷链、包装"])
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }
}

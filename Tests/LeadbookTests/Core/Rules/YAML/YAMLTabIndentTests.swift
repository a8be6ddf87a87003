import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// yaml-tab-indent: indentation is spaces; a tab inside a value is fine.
final class YAMLTabIndentTests: XCTestCase {
    func testTabsInsideValuesAreNoIndentation() {
        let text = RuleFixture.customer(adding: ["needs: 数据安全\t服务器升级", "score:", "  size: 25\t# 规模"])
        let result = RuleFixture.read(text)
        // Only the warning that other YAML tools cannot read a tab outside quotes.
        RuleAssert.only(result.findings.diagnostics, "ambiguous-scalar", .warning, at: (8, 8))
        XCTAssertEqual(result.customer?.needs, "数据安全\t服务器升级")
        XCTAssertEqual(result.customer?.score?.size, 25)
    }

    func testTabIndentingAMapKey() {
        let text = RuleFixture.customer(adding: ["score:", "\tsize: 25"])
        RuleAssert.one(RuleFixture.diagnostics(text), "yaml-tab-indent", at: (9, 1), says: "tab character in indentation",
                       hint: "indent with spaces only; YAML does not allow tabs for indentation")
    }

    func testTabAfterSpacesIndentingAListItem() {
        let text = RuleFixture.customer(adding: ["contacts:", "  - name: 张伟", "  \ttitle: 技术总监"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-tab-indent", at: (10, 3))
    }

    func testTabIndentingBlockScalarText() {
        let text = RuleFixture.customer(adding: ["needs: |", "\t数据安全"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-tab-indent", at: (9, 1))
    }
}

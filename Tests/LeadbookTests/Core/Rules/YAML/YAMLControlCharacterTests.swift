import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// yaml-control-character: characters outside YAML's printable set are an error at their
/// column, as PyYAML and ruamel.yaml refuse them.
final class YAMLControlCharacterTests: XCTestCase {
    /// Each forbidden character, in a plain value on line 8 after `needs: 数据` (column 10).
    static let forbidden: [(String, String)] = [
        ("\u{1B}", "001B"), ("\u{01}", "0001"), ("\u{08}", "0008"), ("\u{0B}", "000B"), ("\u{0C}", "000C"),
        ("\u{1F}", "001F"), ("\u{7F}", "007F"), ("\u{80}", "0080"), ("\u{85}", "0085"), ("\u{9F}", "009F"),
        ("\u{2028}", "2028"), ("\u{2029}", "2029"), ("\u{FFFE}", "FFFE"), ("\u{FFFF}", "FFFF"),
    ]

    func testEachForbiddenCharacterIsAnErrorAtItsColumn() {
        for (character, hex) in Self.forbidden {
            let text = RuleFixture.customer(adding: ["needs: 数据" + character + "安全"])
            RuleAssert.one(RuleFixture.diagnostics(text), "yaml-control-character", at: (8, 10),
                           says: "control character U+\(hex) in the front matter, which YAML does not allow (other YAML readers refuse the file)",
                           hint: "remove it; if the value really needs it, write it as an escape in double quotes, like \"\\u\(hex)\"")
        }
    }

    func testInQuotesAndInCommentsToo() {
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.customer(adding: ["region: \"华东\u{1B}[2J\""])), "yaml-control-character", at: (8, 12))
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.customer(adding: ["region: 华东 # \u{7F}"])), "yaml-control-character", at: (8, 14))
    }

    func testTabsEscapesAndOtherTextAreClean() {
        let text = RuleFixture.customer(adding: ["needs: 数据安全\t升级", "region: \"华东\\e\\x01\\u0085\"", "industry: 软件\u{A0}服务 £ ¡ ÿ"])
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.region, "华东\u{1B}\u{01}\u{85}")
    }

    func testLeadbookYmlToo() {
        let (_, diagnostics) = RuleFixture.configuration("language: zh-CN\nid_prefix: L\u{1B}X\n")
        RuleAssert.only(diagnostics, "yaml-control-character", at: (2, 13), path: "leadbook.yml")
    }
}

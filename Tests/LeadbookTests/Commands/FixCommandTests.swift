import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `leadbook fix`: quotes exactly the values `check` reports as ambiguous-scalar, losslessly,
/// through the one write path, and a second run changes nothing.
final class FixCommandTests: RuleWorkspaceTestCase {
    static let before = "\u{FEFF}---\r\n# 基本信息\r\nid: LX2024001\r\nname: yes\r\nsource: website\r\nintent: A\r\nemployees: 007\r\n"
        + "created: 2024-03-01 09:10\r\nstatus: untouched\r\ntags: [on, 决策链复杂]\r\ncontacts:\r\n  - name: 张伟\r\n"
        + "    phone: 02155550101   # office\r\n    wechat: '007'\r\nnext: 2024-03-03\r\nfiscal_year: 2024\r\n---\r\n\r\n# yes\r\n\r\nFree text: 007\r\n"
    static let after = "\u{FEFF}---\r\n# 基本信息\r\nid: LX2024001\r\nname: \"yes\"\r\nsource: website\r\nintent: A\r\nemployees: 007\r\n"
        + "created: 2024-03-01 09:10\r\nstatus: untouched\r\ntags: [\"on\", 决策链复杂]\r\ncontacts:\r\n  - name: 张伟\r\n"
        + "    phone: \"02155550101\"   # office\r\n    wechat: '007'\r\nnext: 2024-03-03\r\nfiscal_year: 2024\r\n---\r\n\r\n# yes\r\n\r\nFree text: 007\r\n"

    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: en\nextra_fields: [fiscal_year]\n")
        try workspace.write("customers/LX2024001-yes.md", Self.before)
        try workspace.write("customers/LX2024002-clean.md", "---\nid: LX2024002\nname: 华北云\nsource: website\nintent: B\ncreated: 2024-03-02 09:10\nstatus: untouched\n---\n")
    }

    func run(_ arguments: [String]) -> (code: ExitCode, output: String, errors: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: workspace.root)
        let code = LeadbookCommandLine.run(arguments + ["-C", workspace.root], context)
        return (code, console.output, console.errors)
    }

    func file(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: workspace.root + "/" + path)), as: UTF8.self)
    }

    func testFixQuotesExactlyTheReportedValuesAndNothingElse() throws {
        XCTAssertEqual(workspace.check().filter { $0.rule == AmbiguousScalar.rule }.count, 3)
        let fixed = run(["fix"])
        XCTAssertEqual(fixed.code, .ok, fixed.errors)
        XCTAssertEqual(fixed.output, "fixed customers/LX2024001-yes.md: quoted `yes`, `on`, `02155550101`\n1 file fixed\n")
        XCTAssertEqual(try file("customers/LX2024001-yes.md"), Self.after, "BOM, CRLF, comments and every other byte kept")
        XCTAssertEqual(workspace.check().filter { $0.rule == AmbiguousScalar.rule }.count, 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.root + "/customers").filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }

    func testFixTwiceChangesNothingTheSecondTime() throws {
        _ = run(["fix"])
        let again = run(["fix"])
        XCTAssertEqual(again.code, .ok)
        XCTAssertEqual(again.output, "nothing to fix: every text value reads the same in every YAML tool\n")
        XCTAssertEqual(try file("customers/LX2024001-yes.md"), Self.after)
    }

    func testDryRunShowsTheDiffAndWritesNothing() throws {
        let dry = run(["fix", "--dry-run"])
        XCTAssertEqual(dry.code, .findings)
        XCTAssertTrue(dry.output.contains("-name: yes\r\n+name: \"yes\"\r\n"), dry.output)
        XCTAssertTrue(dry.output.contains("+    phone: \"02155550101\"   # office"), dry.output)
        XCTAssertEqual(try file("customers/LX2024001-yes.md"), Self.before)
    }

    func testFixIsListedWithItsHelp() {
        let help = run(["fix", "--help"])
        XCTAssertEqual(help.code, .ok)
        XCTAssertTrue(help.output.contains("leadbook fix [-C DIR] [--dry-run]"), help.output)
        XCTAssertTrue(run(["--help"]).output.contains("fix"))
        XCTAssertEqual(run(["fix", "extra"]).code, .failure)
    }
}

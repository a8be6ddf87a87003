import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `leadbook fix`: applies the fixes `check` marks (here the quoting of exactly the values it
/// reports as ambiguous-scalar, and the derived values), losslessly, through the one write
/// path, only to the files PATHS name; a second run changes nothing.
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

    func run(_ arguments: [String], language: String = "en", in folder: String? = nil) -> (code: ExitCode, output: String, errors: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": language], currentDirectory: folder ?? workspace.root)
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
        XCTAssertEqual(again.output, "nothing to fix\n")
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
        XCTAssertTrue(help.output.contains("leadbook fix [PATHS...] [-C DIR] [--dry-run]"), help.output)
        XCTAssertTrue(run(["--help"]).output.contains("fix"))
        let chinese = run(["fix", "--help"], language: "zh-CN")
        XCTAssertTrue(chinese.output.contains("leadbook fix：修复 `check` 标为“可自动修复”的全部问题"), chinese.output)
        XCTAssertTrue(chinese.output.contains("以统一 diff 格式显示修改"), chinese.output)
    }

    func testTheFixesAreToldInChinese() throws {
        let fixed = run(["fix"], language: "zh-CN")
        XCTAssertEqual(fixed.code, .ok, fixed.errors)
        XCTAssertEqual(fixed.output, "已修复 customers/LX2024001-yes.md：给 `yes`、`on`、`02155550101` 加上引号\n共修复 1 个文件\n")
        XCTAssertEqual(run(["fix"], language: "zh-CN").output, "没有可自动修复的问题\n")
    }

    func testPathsLimitTheFilesFixed() throws {
        try workspace.write("customers/2024/LX2024003-other.md", "---\nid: LX2024003\nname: 'no'\nsource: website\nintent: B\n"
                            + "created: 2024-03-02 09:10\nstatus: untouched\ncontacts:\n  - name: 李四\n    phone: 0101\n---\n")
        let other = try file("customers/2024/LX2024003-other.md")
        let one = run(["fix", "customers/LX2024001-yes.md"])
        XCTAssertEqual(one.code, .ok, one.errors)
        XCTAssertEqual(try file("customers/LX2024001-yes.md"), Self.after)
        XCTAssertEqual(try file("customers/2024/LX2024003-other.md"), other, "a file PATHS do not name is left alone")
        // A folder, relative to the current folder.
        let folder = run(["fix", "2024"], in: workspace.root + "/customers")
        XCTAssertEqual(folder.code, .ok, folder.errors)
        XCTAssertEqual(folder.output, "fixed customers/2024/LX2024003-other.md: quoted `0101`\n1 file fixed\n")
    }

    func testPathsOutsideTheWorkspaceOrNotCustomerFilesAreUsageErrors() throws {
        let outside = run(["fix", "../elsewhere.md"])
        XCTAssertEqual(outside.code, .failure)
        XCTAssertTrue(outside.errors.contains("../elsewhere.md is outside the workspace"), outside.errors)
        XCTAssertTrue(outside.errors.contains("usage: leadbook fix [PATHS...]"), outside.errors)
        XCTAssertEqual(run(["fix", "leadbook.yml"]).errors,
                       "leadbook fix: leadbook.yml is not a customer file (customer files are .md files under customers/)\nusage: "
                       + FixCommand.spec.usage + "\n")
        let missing = run(["fix", "customers/LX2024009.md"], language: "zh-CN")
        XCTAssertEqual(missing.code, .failure)
        XCTAssertTrue(missing.errors.contains("customers/LX2024009.md：文件不存在"), missing.errors)
        XCTAssertEqual(try file("customers/LX2024001-yes.md"), Self.before, "nothing written")
    }

    func testTheDerivedValuesAreWrittenAndTheIndexIsCurrent() throws {
        let stale = "---\nid: LX2024002\nname: 华北云\nsource: website\nintent: B\nscore: {size: 25, budget: 25, urgency: 20, decision: 20}\n"
            + "grade: B\ncreated: 2024-03-02 09:10\nstatus: untouched\n---\n"
        try workspace.write("customers/LX2024002-clean.md", stale)
        _ = run(["index"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: workspace.root + "/INDEX.md"))
        let fixed = run(["fix", "customers/LX2024002-clean.md"])
        XCTAssertEqual(fixed.code, .ok, fixed.errors)
        XCTAssertEqual(fixed.output, "fixed customers/LX2024002-clean.md: grade B -> S\n1 file fixed\n")
        XCTAssertEqual(try file("customers/LX2024002-clean.md"), stale.replacingOccurrences(of: "grade: B", with: "grade: S"))
        XCTAssertEqual(workspace.check().filter { $0.severity == .error }, [], "the index is current")
    }

    func testTheIndexFileIsWrittenWithTheFixes() throws {
        _ = run(["index"])
        try workspace.write("customers/LX2024002-clean.md", "---\nid: LX2024002\nname: 华北云\nsource: website\nintent: B\n"
                            + "created: 2024-03-02 09:10\nstatus: untouched\nowner: 王五\n---\n")
        XCTAssertTrue(workspace.check().contains { $0.rule == StaleIndex.rule })
        let fixed = run(["fix"])
        XCTAssertEqual(fixed.code, .ok, fixed.errors)
        XCTAssertEqual(fixed.output, "fixed customers/LX2024001-yes.md: quoted `yes`, `on`, `02155550101`\n1 file fixed\n"
                       + "updated INDEX.md: leads, grading\n")
        XCTAssertEqual(workspace.check().filter { $0.severity == .error }, [])
        XCTAssertFalse(run(["fix", "--dry-run"]).output.contains("INDEX.md"), "a dry run writes no index")
    }

    func testAFileWithErrorsFixCannotCorrectIsNamed() throws {
        try workspace.write("customers/LX2024002-clean.md", "---\nid: LX2024002\nname: 华北云\nsource: website\nintent: B\n"
                            + "created: 2024-03-02 09:10\nstatus: 谈判\n---\n")
        let fixed = run(["fix"])
        XCTAssertEqual(fixed.code, .ok, fixed.errors)
        XCTAssertEqual(fixed.errors, "leadbook fix: 1 file still has errors that fix cannot correct (customers/LX2024002-clean.md); "
                       + "`leadbook check` lists them\n")
        XCTAssertEqual(try file("customers/LX2024001-yes.md"), Self.after)
    }
}

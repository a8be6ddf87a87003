import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Which language the team's reports are in: `summary` on a terminal speaks the run's language;
/// written to a file (`--out`, a redirect, CI) it and `export`'s CSV follow leadbook.yml unless
/// `--lang` is given. The rep's `LEADBOOK_LANG` does not change the team's files.
final class ReportLanguageTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-report-language-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers"), withIntermediateDirectories: true)
        try """
        ---
        id: LX2024001
        name: 华东云科技有限公司
        source: exhibition
        intent: A
        created: 2024-03-01 09:10
        status: untouched
        ---

        """.write(to: root.appendingPathComponent("customers/LX2024001-huadongyun.md"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func workspace(language: String) throws {
        try "language: \(language)\n".write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
    }

    func run(_ arguments: [String], _ environment: [String: String], terminal: Bool = false) -> (code: ExitCode, out: String, err: String) {
        let console = RecordingConsole(isTerminal: terminal)
        let code = LeadbookCommandLine.run(arguments, CommandContext(console: console, environment: environment, currentDirectory: root.path))
        return (code, console.output, console.errors)
    }

    func file(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    }

    let english = "# Pipeline summary\n", chinese = "# 销售线索转化复盘\n"

    func testOnATerminalTheSummarySpeaksTheRunsLanguage() throws {
        try workspace(language: "zh-CN")
        let shown = run(["summary", "--as-of", "2024-06-30"], ["LEADBOOK_LANG": "en"], terminal: true)
        XCTAssertEqual(shown.code, .ok, shown.err)
        XCTAssertTrue(shown.out.contains(english), shown.out)
        XCTAssertTrue(run(["summary", "--as-of", "2024-06-30"], [:], terminal: true).out.contains(chinese))
    }

    func testWrittenToAFileTheSummaryFollowsLeadbookYml() throws {
        try workspace(language: "zh-CN")
        // Standard output that is not a terminal: `> PIPELINE.md`, the CI job summary.
        let piped = run(["summary", "--as-of", "2024-06-30"], ["LEADBOOK_LANG": "en"])
        XCTAssertTrue(piped.out.contains(chinese), piped.out)
        XCTAssertFalse(piped.out.contains(english))
        XCTAssertEqual(run(["summary", "--as-of", "2024-06-30", "--out", "PIPELINE.md"], ["LEADBOOK_LANG": "en"], terminal: true).code, .ok)
        XCTAssertTrue(try file("PIPELINE.md").contains(chinese))
        // The same the other way round: an English workspace, a Chinese rep.
        try workspace(language: "en")
        XCTAssertTrue(run(["summary", "--as-of", "2024-06-30"], ["LEADBOOK_LANG": "zh-CN"]).out.contains(english))
        _ = run(["summary", "--as-of", "2024-06-30", "--format", "html", "--out", "review.html"], ["LEADBOOK_LANG": "zh-CN"])
        XCTAssertTrue(try file("review.html").contains("<html lang=\"en\">"))
    }

    func testLangOnTheCommandLineChoosesTheReportsLanguageEverywhere() throws {
        try workspace(language: "zh-CN")
        XCTAssertTrue(run(["summary", "--as-of", "2024-06-30", "--lang", "en"], [:]).out.contains(english))
        _ = run(["summary", "--as-of", "2024-06-30", "--out", "PIPELINE.md", "--lang=en"], ["LEADBOOK_LANG": "zh-CN"])
        XCTAssertTrue(try file("PIPELINE.md").contains(english))
        _ = run(["--lang", "en", "summary", "--as-of", "2024-06-30", "--out", "before.md"], [:])
        XCTAssertTrue(try file("before.md").contains(english), "--lang before the command name counts too")
    }

    func testWhatSummarySaysBesidesTheReportIsInTheRunsLanguage() throws {
        try workspace(language: "en")
        try "---\nid: LX2024002\nname: 坏文件\n".write(to: root.appendingPathComponent("customers/LX2024002-bad.md"), atomically: true, encoding: .utf8)
        let result = run(["summary", "--as-of", "2024-06-30"], ["LEADBOOK_LANG": "zh-CN"])
        XCTAssertEqual(result.code, .findings)
        XCTAssertTrue(result.out.hasPrefix(english), "the report follows leadbook.yml")
        XCTAssertTrue(result.err.contains("能读出的部分照常统计；"), result.err)
    }

    func testExportHeadersFollowLeadbookYmlUnlessLangIsGiven() throws {
        try workspace(language: "zh-CN")
        let fields = ["--fields", "id,name,source"]
        XCTAssertEqual(run(["export"] + fields, ["LEADBOOK_LANG": "en"]).out,
                       "\u{FEFF}线索编号,企业名称,来源渠道\r\nLX2024001,华东云科技有限公司,展会\r\n")
        XCTAssertEqual(run(["export", "--lang", "en"] + fields, [:]).out, "\u{FEFF}id,name,source\r\nLX2024001,华东云科技有限公司,exhibition\r\n")
        XCTAssertEqual(run(["--lang", "en", "export"] + fields, [:]).out, "\u{FEFF}id,name,source\r\nLX2024001,华东云科技有限公司,exhibition\r\n")
        try workspace(language: "en")
        XCTAssertEqual(run(["export"] + fields, ["LEADBOOK_LANG": "zh-CN"]).out, "\u{FEFF}id,name,source\r\nLX2024001,华东云科技有限公司,exhibition\r\n")
        // What export says besides the table is the run's.
        XCTAssertEqual(run(["export", "--fields", "id,name", "--out", "out.csv"], ["LEADBOOK_LANG": "zh-CN"]).out, "已导出 1 位客户到 out.csv\n")
        XCTAssertEqual(Array(try Data(contentsOf: root.appendingPathComponent("out.csv"))), Array("\u{FEFF}id,name\r\nLX2024001,华东云科技有限公司\r\n".utf8))
    }
}

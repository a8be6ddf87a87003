import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// show, explain, agenda and dupes in the run's language, fitted to the terminal's width, with
/// OVERDUE in colour only on a terminal and never with NO_COLOR; their JSON the same in both
/// languages.
final class TerminalWidthTests: XCTestCase {
    var root: URL!

    static let customer = """
        ---
        id: LX2024001
        name: 上海申达汽车零部件制造集团股份有限公司
        industry: 制造业
        region: 华东
        source: 展会
        contacts:
          - {name: 张伟, title: 采购经理, phone: "13800000001", role: decision-maker}
        needs: 数据安全和服务器升级，希望在下个季度完成全部门店的系统替换，并且要求供应商提供驻场服务和三年维保
        intent: A
        owner: 王五
        created: 2024-03-01 09:10
        assigned: 2024-03-01 09:40
        status: contacted
        ---

        ## 跟进记录

        ### 2024-03-01 10:30 电话 张伟
        - 状态: 初步接洽
        - [ ] 2024-03-02 发送报价单并预约下周到店拜访，确认驻场服务的人员安排和时间 @王五

        """

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-width-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers"), withIntermediateDirectories: true)
        try "team:\n  - {name: 王五, role: manager}\n".write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        try Self.customer.write(to: root.appendingPathComponent("customers/LX2024001-shenda.md"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func run(_ arguments: [String], _ environment: [String: String], terminal: Bool = false) -> (code: ExitCode, out: String, err: String) {
        let console = RecordingConsole(isTerminal: terminal)
        let code = LeadbookCommandLine.run(arguments + ["-C", root.path], CommandContext(console: console, environment: environment,
                                                                                          currentDirectory: root.path))
        return (code, console.output, console.errors)
    }

    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    func testTheAgendaFitsTheWidthAndKeepsIdsDatesAndTheStatusWord() {
        for (environment, width) in [([String: String](), 100), (["COLUMNS": "72"], 72), (["COLUMNS": "160"], 160)] {
            for language in ["zh-CN", "en"] {
                let agenda = run(["agenda", "--as-of", "2024-03-05T09:00"], environment.merging(["LEADBOOK_LANG": language]) { $1 })
                XCTAssertEqual(agenda.code, .ok, agenda.err)
                let items = lines(agenda.out).filter { $0.hasPrefix("  ") }
                XCTAssertEqual(items.count, 2, agenda.out)
                for line in items {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(language) at \(width): \(line)")
                    XCTAssertTrue(line.contains("LX2024001"), line)
                    XCTAssertTrue(line.contains(language == "en" ? "OVERDUE" : "已逾期"), line)
                    XCTAssertNotNil(line.range(of: #"2024-03-0\d"#, options: .regularExpression), line)
                }
                if width < 160 {
                    XCTAssertTrue(items.contains { $0.contains("…") }, "cut at \(width): \(agenda.out)")
                    XCTAssertFalse(agenda.out.contains("上海申达汽车零部件制造集团股份有限公司"), "the long name is cut at \(width)")
                } else {
                    XCTAssertTrue(agenda.out.contains("上海申达汽车零部件制造集团股份有限公司"), agenda.out)
                }
            }
        }
    }

    func testOverdueIsInColourOnlyOnATerminalWithoutNoColor() {
        let overdue = "\u{1B}[1;31m已逾期\u{1B}[0m"
        XCTAssertTrue(run(["agenda", "--as-of", "2024-03-05T09:00"], ["TERM": "xterm"], terminal: true).out.contains(overdue))
        XCTAssertFalse(run(["agenda", "--as-of", "2024-03-05T09:00"], ["TERM": "xterm", "NO_COLOR": "1"], terminal: true).out.contains("\u{1B}"))
        XCTAssertFalse(run(["agenda", "--as-of", "2024-03-05T09:00"], ["TERM": "dumb"], terminal: true).out.contains("\u{1B}"))
        XCTAssertFalse(run(["agenda", "--as-of", "2024-03-05T09:00"], [:], terminal: false).out.contains("\u{1B}"))
        let explain = run(["explain", "LX2024001", "--as-of", "2024-03-05T09:00"], ["TERM": "xterm"], terminal: true).out
        XCTAssertTrue(explain.contains("\u{1B}[1;31m（已逾期"), explain)
        XCTAssertFalse(run(["explain", "LX2024001", "--as-of", "2024-03-05T09:00"], ["TERM": "xterm", "NO_COLOR": "1"], terminal: true).out.contains("\u{1B}"))
    }

    func testShowSpeaksTheLanguageAndWrapsALongValue() {
        let zh = run(["show", "LX2024001"], ["COLUMNS": "60"]).out
        XCTAssertTrue(zh.contains("  来源渠道      展会\n"), zh)
        XCTAssertTrue(zh.contains("  客户状态      初步接洽\n"), zh)
        XCTAssertFalse(zh.contains("exhibition"), zh)
        XCTAssertFalse(zh.contains("source"), zh)
        XCTAssertTrue(zh.contains("  张伟，采购经理，13800000001，决策人\n"), zh)
        for line in lines(zh) { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 60, line) }
        let needs = lines(zh).drop { !$0.hasPrefix("  需求") }.prefix { !$0.hasPrefix("  获取时间") && !$0.hasPrefix("  决策") }
        XCTAssertGreaterThan(needs.count, 1, zh)
        XCTAssertEqual(needs.enumerated().map { String($0.element.dropFirst($0.offset == 0 ? 14 : 16)) }.joined(), "数据安全和服务器升级，希望在下个季度完成全部门店的系统替换，并且要求供应商提供驻场服务和三年维保",
                       "wrapped, nothing left out")
        let en = run(["show", "LX2024001"], ["LEADBOOK_LANG": "en"]).out
        XCTAssertTrue(en.contains("  source        exhibition\n"), en)
        XCTAssertTrue(en.contains("  status        contacted (初步接洽)\n"), en)
    }

    func testJSONIsTheSameInBothLanguages() {
        for arguments in [["show", "LX2024001", "--format", "json"], ["dupes", "--format", "json"]] {
            XCTAssertEqual(run(arguments, ["LEADBOOK_LANG": "zh-CN"]).out, run(arguments, ["LEADBOOK_LANG": "en"]).out, arguments.joined(separator: " "))
        }
        let zh = run(["agenda", "--as-of", "2024-03-05T09:00", "--format", "json"], ["LEADBOOK_LANG": "zh-CN"]).out
        let en = run(["agenda", "--as-of", "2024-03-05T09:00", "--format", "json"], ["LEADBOOK_LANG": "en"]).out
        for key in [#""kind": "follow-up""#, #""kind": "todo""#, #""quadrant": "urgent-important""#, #""due": "2024-03-02""#] {
            XCTAssertTrue(zh.contains(key) && en.contains(key), key)
        }
        XCTAssertTrue(zh.contains("上次联系 2024-03-01"), "the detail, a text for people, is in the run's language: \(zh)")
    }

    func testNoEnglishWordsInTheChineseViews() {
        let environment = ["LEADBOOK_LANG": "zh-CN", "COLUMNS": "200"]
        let outputs = [
            run(["show", "LX2024001"], environment).out,
            run(["explain", "LX2024001", "--as-of", "2024-03-05T09:00"], environment).out,
            run(["agenda", "--as-of", "2024-03-05T09:00"], environment).out,
            run(["agenda", "--as-of", "2024-03-05T09:00", "--format", "md"], environment).out,
            run(["dupes"], environment).out,
        ]
        let english = ["status", "owner", "score", "completeness", "exhibition", "OVERDUE", "follow-up", "last contact", "every",
                       "Grade", "Screening", "Cadence", "Stage", "agenda", "due", "missed", "within", "intent", "duplicates"]
        for output in outputs {
            for word in english {
                // Keys in backticks (`score.reviewed_by`) are what a rep types: they stay.
                let prose = output.replacingOccurrences(of: #"`[^`]*`"#, with: "", options: .regularExpression)
                XCTAssertFalse(prose.contains(word), "`\(word)` in:\n\(output)")
            }
        }
    }

    /// The built executable on a pseudo-terminal 64 columns wide (util-linux `script`, `stty
    /// cols`): without COLUMNS, the terminal's own width (TIOCGWINSZ) is fitted, and OVERDUE
    /// is in colour.
    func testTheExecutableFitsTheTerminalItRunsOn() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("script (util-linux) is not installed; no pseudo-terminal to run leadbook on")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = "stty cols 64; " + ([Transcript.executable.path, "agenda", "--as-of", "2024-03-05T09:00", "-C", root.path])
            .map { "'" + $0 + "'" }.joined(separator: " ")
        process.arguments = ["-qec", command, "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm"
        environment["LEADBOOK_LANG"] = "zh-CN"
        environment.removeValue(forKey: "NO_COLOR")
        environment.removeValue(forKey: "COLUMNS")
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        XCTAssertTrue(text.contains("\u{1B}[1;31m已逾期\u{1B}[0m"), text)
        let items = lines(text).filter { $0.contains("LX2024001") }
        XCTAssertEqual(items.count, 2, text)
        for line in items {
            let shown = line.replacingOccurrences(of: "\u{1B}[1;31m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
            XCTAssertLessThanOrEqual(DisplayWidth.of(shown), 64, shown)
            XCTAssertGreaterThan(DisplayWidth.of(shown), 50, "fitted to 64, not to 100 cut short: \(shown)")
        }
    }
}

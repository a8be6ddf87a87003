import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The 24-hour rule when writing: `log` and `feedback` warn on standard error when `--at` is
/// longer ago than `record_within_hours`, by the command's clock (here fixed at 2024-03-05
/// 10:00 in the workspace's time zone, +01:00).
final class LateRecordingTests: RuleWorkspaceTestCase {
    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: zh-CN\ntimezone: \"+01:00\"\n")
        try workspace.write("customers/LX2024001-huadong.md", "---\nid: LX2024001\nname: 华东云\nsource: website\nintent: A\ncreated: 2024-03-01 09:10\nstatus: untouched\n---\n")
    }

    /// 2024-03-05 10:00 at +01:00.
    static let now = Date(timeIntervalSince1970: 1_709_629_200)

    func run(_ arguments: [String], language: String = "en") -> (code: ExitCode, errors: String) {
        let console = RecordingConsole()
        var context = CommandContext(console: console, environment: ["LEADBOOK_LANG": language], currentDirectory: workspace.root)
        context.clock = { Self.now }
        let code = LeadbookCommandLine.run(arguments + ["-C", workspace.root], context)
        return (code, console.errors)
    }

    func log(at: String?, language: String = "en") -> (code: ExitCode, errors: String) {
        run(["log", "LX2024001", "--channel", "phone"] + (at.map { ["--at", $0] } ?? []), language: language)
    }

    func feedback(at: String) -> (code: ExitCode, errors: String) {
        run(["feedback", "LX2024001", "--channel", "phone", "--type", "price", "--priority", "high", "--summary", "价格偏高", "--at", at])
    }

    var file: String {
        String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: workspace.root + "/customers/LX2024001-huadong.md"))) ?? Data(), as: UTF8.self)
    }

    func testARecentContactIsQuiet() {
        // Yesterday's date alone counts from the end of that day.
        let yesterday = log(at: "2024-03-04")
        XCTAssertEqual(yesterday.code, .ok, yesterday.errors)
        XCTAssertFalse(yesterday.errors.contains("warning"), yesterday.errors)
        let exactly = log(at: "2024-03-04 10:00")
        XCTAssertEqual(exactly.code, .ok, exactly.errors)
        XCTAssertFalse(exactly.errors.contains("warning"), "exactly 24 hours: \(exactly.errors)")
        let recent = log(at: "2024-03-05 09:00")
        XCTAssertEqual(recent.code, .ok, recent.errors)
        XCTAssertFalse(recent.errors.contains("warning"), recent.errors)
        // Without --at the contact is the clock's now, and written so.
        let now = log(at: nil)
        XCTAssertEqual(now.code, .ok, now.errors)
        XCTAssertFalse(now.errors.contains("warning"), now.errors)
        XCTAssertTrue(file.contains("### 2024-03-05 10:00 电话"), file)
    }

    func testAContactJustOver24HoursAgoWarnsAndIsWritten() {
        let chinese = log(at: "2024-03-03", language: "zh-CN")
        XCTAssertEqual(chinese.code, .ok, chinese.errors)
        XCTAssertTrue(chinese.errors.contains("警告：这次联系（2024-03-03）超过 24 小时才录入；工具包要求每次联系 24 小时内录入（leadbook.yml 的 `record_within_hours`）"),
                      chinese.errors)
        let late = log(at: "2024-03-04 09:59")
        XCTAssertEqual(late.code, .ok, late.errors)
        XCTAssertTrue(late.errors.contains("warning: this contact (2024-03-04 09:59) is recorded more than 24 h after it happened; the toolkit asks for every contact within 24 h (`record_within_hours` in leadbook.yml)\n"),
                      late.errors)
        XCTAssertTrue(file.contains("### 2024-03-04 09:59 电话"), file)
    }

    func testFeedbackFollowsTheSameClock() {
        let late = feedback(at: "2024-03-04 09:59")
        XCTAssertEqual(late.code, .ok, late.errors)
        XCTAssertTrue(late.errors.contains("warning: this contact (2024-03-04 09:59) is recorded more than 24 h"), late.errors)
        let recent = feedback(at: "2024-03-04 10:00")
        XCTAssertEqual(recent.code, .ok, recent.errors)
        XCTAssertFalse(recent.errors.contains("warning"), recent.errors)
    }
}

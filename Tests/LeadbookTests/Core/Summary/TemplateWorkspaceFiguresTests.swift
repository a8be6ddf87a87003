import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The process figures of the template workspace for one rep (王五) and one team (华东组),
/// worked out by hand from the files' values (docs/metrics.md, section 2) and compared with
/// the summary as of 2024-06-01 18:00, in JSON and in Markdown.
///
/// leadbook.yml: sla_hours A 2, B 4, C 24; cadence_days S 1, A 2, B 7, C 7.
///
/// 王五 owns two customers:
/// - LX2024001 (score 25+25+20+20 = 90: S; intent A): created 03-01 09:10, assigned 09:40,
///   first follow-up `### 2024-03-01 10:30 面谈` -> response 50 min; deadline 09:10 + 2 h =
///   11:10, assigned and contacted before it -> SLA met. Won, `deal.closed` 2024-03-20: asked
///   1 + (20 - 1) / 1 = 20 follow-ups, 5 entries by 03-20 -> 5 of 20. Feedback 1 confirmed
///   2024-03-06, `- 满意度: 5`.
/// - LX2024008 (score 30+25+15+10 = 80: S; intent A): created 03-25 10:30, assigned 11:00,
///   first follow-up `### 2024-03-25 11:45 phone` -> 45 min; deadline 12:30 -> met. Won,
///   closed 2024-04-18: asked 1 + 24 / 1 = 25, 6 entries by 04-18 -> 6 of 25. Feedback 1
///   confirmed 2024-04-08, `- satisfaction: 4`.
///
/// 王五: response [45, 50]: median (45 + 50) / 2 = 47.5, mean 95 / 2 = 47.5 (shown 48 min);
/// SLA 2 of 2; plan 5 + 6 = 11 of 20 + 25 = 45; satisfaction [5, 4]: mean 4.5 of 2.
///
/// 华东组 is 王五, 赵六 and 孙八 (leadbook.yml `team`). Besides 王五's two:
/// - 赵六 LX2024002 (score 75: A; intent B): created 03-02 09:20, assigned 10:05, first
///   `### 2024-03-02 11:00 phone` -> 55 min; deadline 13:20 -> met. Open (proposal): asked
///   1 + (03-02 .. 06-01 = 91 days) / 2 = 1 + 45 = 46, 2 entries -> 2 of 46.
/// - 赵六 LX2024012 (score 65: A; intent A): created 04-12 16:20, assigned 16:40, first
///   `### 2024-04-12 17:30 phone` -> 50 min; deadline 18:20 -> met. Won, closed 05-10: asked
///   1 + 28 / 2 = 15, 6 entries -> 6 of 15. Feedback confirmed 04-19, `- satisfaction: 4`.
/// - 孙八 LX2024003 (score 35: C; intent C): created 03-03 (00:00), assigned 16:00, first
///   `### 2024-03-03 17:30 邮件` -> 90 min; deadline 03-04 00:00 -> met. Open: asked
///   1 + (03-03 .. 06-01 = 90 days) / 7 = 1 + 12 = 13, 2 entries -> 2 of 13.
/// - 孙八 LX2024005 (score 40: B; intent B): created 04-10 15:40, assigned 16:10, first
///   `### 2024-04-10 18:00 微信` -> 110 min; deadline 19:40 -> met. Open: asked
///   1 + (04-10 .. 06-01 = 52 days) / 7 = 1 + 7 = 8, 2 entries -> 2 of 8.
/// - 孙八 LX2024014 (score 45: B; intent B): created 05-27 10:20, assigned 10:50, no
///   follow-up: no response time; deadline 14:20 passed -> not met. Open: asked
///   1 + 5 / 7 = 1, none done -> 0 of 1.
///
/// 华东组: response [45, 50, 50, 55, 90, 110]: median (50 + 55) / 2 = 52.5 (53 min), mean
/// 400 / 6 = 66.67 (1 h 07 min); SLA 6 of 7; plan 5 + 6 + 2 + 6 + 2 + 2 + 0 = 23 of
/// 20 + 25 + 46 + 15 + 13 + 8 + 1 = 128; satisfaction [5, 4, 4]: 13 / 3 = 4.33 of 3.
///
/// The workspace's four rated items are those three and LX2024011's `- 满意度: 3` (李四,
/// 华北组): 16 / 4 = 4.
final class TemplateWorkspaceFiguresTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "/leadbook-template-figures-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Self.packageRoot.appendingPathComponent("template-workspace").path, toPath: root)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: root)
    }

    func summary(_ arguments: [String]) -> String {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: root)
        let code = LeadbookCommandLine.run(["summary", "--as-of", "2024-06-01T18:00", "-C", root] + arguments, context)
        XCTAssertEqual(code, .ok, console.errors)
        return console.output
    }

    func json() throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(summary(["--format", "json"]).utf8)) as? [String: Any])
    }

    /// The row of `key` in the results cut `cut`.
    func row(_ json: [String: Any], _ cut: String, _ key: String) throws -> [String: Any] {
        let rows = try XCTUnwrap(((json["results"] as? [String: Any])?["by"] as? [String: Any])?[cut] as? [[String: Any]])
        return try XCTUnwrap(rows.first { $0["key"] as? String == key }, "\(cut) \(key)")
    }

    func assert(_ row: [String: Any], responses: [Int], sla: (Int, Int), plan: (Int, Int), satisfactions: [Int],
                file: StaticString = #filePath, line: UInt = #line) throws {
        let sorted = responses.sorted()
        let median = sorted.count % 2 == 1 ? Double(sorted[sorted.count / 2]) : Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let response = try XCTUnwrap(row["response_minutes"] as? [String: Any], file: file, line: line)
        XCTAssertEqual(response["count"] as? Int, responses.count, file: file, line: line)
        XCTAssertEqual(response["sum"] as? Int, responses.reduce(0, +), file: file, line: line)
        XCTAssertEqual(try XCTUnwrap(response["median"] as? Double, file: file, line: line), median, accuracy: 1e-9, file: file, line: line)
        XCTAssertEqual(try XCTUnwrap(response["mean"] as? Double, file: file, line: line), Double(responses.reduce(0, +)) / Double(responses.count),
                       accuracy: 1e-9, file: file, line: line)
        for (name, expected) in [("sla_met", sla), ("plan_completion", plan)] {
            let rate = try XCTUnwrap(row[name] as? [String: Any], name, file: file, line: line)
            XCTAssertEqual(rate["numerator"] as? Int, expected.0, name, file: file, line: line)
            XCTAssertEqual(rate["denominator"] as? Int, expected.1, name, file: file, line: line)
        }
        let satisfaction = try XCTUnwrap(row["satisfaction"] as? [String: Any], file: file, line: line)
        XCTAssertEqual(satisfaction["count"] as? Int, satisfactions.count, file: file, line: line)
        XCTAssertEqual(try XCTUnwrap(satisfaction["mean"] as? Double, file: file, line: line),
                       Double(satisfactions.reduce(0, +)) / Double(satisfactions.count), accuracy: 1e-9, file: file, line: line)
    }

    func testTheFiguresOfARepAndATeamAreThoseWorkedOutByHand() throws {
        let json = try json()
        // 王五: LX2024001 and LX2024008.
        try assert(row(json, "owner", "王五"), responses: [50, 45], sla: (1 + 1, 2), plan: (5 + 6, 20 + 25), satisfactions: [5, 4])
        // 华东组: 王五's two, 赵六's LX2024002 and LX2024012, 孙八's LX2024003, LX2024005 and LX2024014.
        try assert(row(json, "group", "华东组"), responses: [50, 45, 55, 50, 90, 110], sla: (6, 7),
                   plan: (5 + 6 + 2 + 6 + 2 + 2 + 0, 20 + 25 + 46 + 15 + 13 + 8 + 1), satisfactions: [5, 4, 4])
        // The workspace: the four rated items.
        let process = try XCTUnwrap(json["process"] as? [String: Any])
        let satisfaction = try XCTUnwrap(process["satisfaction"] as? [String: Any])
        XCTAssertEqual(satisfaction["count"] as? Int, 4)
        XCTAssertEqual(satisfaction["mean"] as? Double, Double(5 + 4 + 4 + 3) / 4)
    }

    /// The same figures as the Markdown rows show them, rounded once.
    func testTheMarkdownRowsShowThemRounded() {
        let markdown = summary(["--lang", "en"])
        // 47.5 min -> 48 min; 11/45 = 24.4%.
        XCTAssertTrue(markdown.contains("| 王五 | 华东组 | 2 | 48 min | 48 min | 100.0% (2/2) | 24.4% (11/45) | 4.5 (2) |"), markdown)
        // 52.5 -> 53 min, 400/6 = 66.67 -> 1 h 07 min; 6/7 = 85.7%; 23/128 = 18.0%; 13/3 = 4.3; the workspace's 16/4 = 4.0, one decimal like the rest.
        XCTAssertTrue(markdown.contains("| 华东组 | 7 | 53 min | 1 h 07 min | 85.7% (6/7) | 18.0% (23/128) | 4.3 (3) |"), markdown)
        XCTAssertTrue(markdown.contains("| customer satisfaction (1 to 5), mean | 4.0 | 4 confirmed feedback items rated |"), markdown)
    }
}

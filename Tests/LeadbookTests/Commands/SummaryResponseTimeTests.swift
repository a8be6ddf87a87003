import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The mean response time is the exact mean JSON shows, rounded to the minute once, in every
/// format `leadbook summary` writes: seven customers answered in 463, 463, 463, 463, 463, 463
/// and 465 minutes average 3243 / 7 = 463.29 minutes, which is 7 h 43 min (7小时43分钟) in
/// Markdown and HTML, in both languages. Rounded to a half minute first (463.5) it would be
/// 7 h 44 min.
final class SummaryResponseTimeTests: RuleWorkspaceTestCase {
    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: zh-CN\n")
        for (index, minutes) in [463, 463, 463, 463, 463, 463, 465].enumerated() {
            let id = "LX202400\(index + 1)"
            let contact = LocalDateTime(minuteNumber: LocalDateTime("2024-03-01 09:00")!.minuteNumber + minutes)
            try workspace.write("customers/\(id).md", """
                ---
                id: \(id)
                name: 客户\(index + 1)有限公司
                source: website
                intent: C
                owner: 王五
                created: 2024-03-01 09:00
                assigned: 2024-03-01 09:00
                status: contacted
                ---

                # 客户\(index + 1)有限公司

                ## 跟进记录

                ### \(contact) 电话
                - 状态: 初步接洽

                """)
        }
    }

    func summary(_ arguments: [String]) -> String {
        let console = RecordingConsole(isTerminal: true)
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: workspace.root)
        let code = LeadbookCommandLine.run(["summary", "--as-of", "2024-03-31T18:00", "-C", workspace.root] + arguments, context)
        XCTAssertEqual(code, .ok, console.errors)
        return console.output
    }

    /// The lines from the mean's label on (an HTML row spans several).
    func meanRow(_ output: String, _ label: String) -> String {
        let lines = output.components(separatedBy: "\n")
        return lines.firstIndex { $0.contains(label) }.map { lines[$0...].prefix(4).joined(separator: "\n") } ?? ""
    }

    func testTheMeanIsTheRoundedExactMeanInEveryFormat() throws {
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(summary(["--format", "json"]).utf8)) as? [String: Any])
        let response = try XCTUnwrap((json["process"] as? [String: Any])?["response_minutes"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(response["mean"] as? Double), 3243.0 / 7, accuracy: 1e-9)
        XCTAssertEqual(response["count"] as? Int, 7)
        for (language, label, minutes) in [("en", "response time, mean", "7 h 43 min"), ("zh-CN", "线索响应时长平均值", "7小时43分钟")] {
            for format in ["md", "html"] {
                let row = meanRow(summary(["--format", format, "--lang", language]), label)
                XCTAssertTrue(row.contains(minutes), "\(language) \(format): \(row)")
                XCTAssertFalse(row.contains(language == "en" ? "7 h 44 min" : "7小时44分钟"), "\(language) \(format): \(row)")
            }
        }
    }
}

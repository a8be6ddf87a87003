import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `check` in Chinese on the workspace of planted errors (one of each kind): every finding's
/// message and hint is Chinese, in every format; rule ids, files, lines and columns are the
/// English run's.
final class ChineseCheckEndToEndTests: XCTestCase {
    /// Rules whose words are being rewritten elsewhere; they leave this list when translated.
    func diagnostics(_ language: String, in workspace: URL) throws -> [[String: Any]] {
        let run = try Transcript.run(["check", "--format", "json", "--lang", language], in: workspace)
        let decoded = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return try XCTUnwrap(decoded?["diagnostics"] as? [[String: Any]], run.stdout + run.stderr)
    }

    func testEveryPlantedFindingIsWordedInChinese() throws {
        let workspace = try Transcript.copy(Transcript.fixtures.appendingPathComponent("planted-errors/workspace"))
        defer { try? FileManager.default.removeItem(at: workspace) }
        let chinese = try diagnostics("zh-CN", in: workspace)
        let english = try diagnostics("en", in: workspace)
        XCTAssertGreaterThan(chinese.count, 35)
        XCTAssertEqual(chinese.count, english.count)
        for (zh, en) in zip(chinese, english) {
            for key in ["file", "line", "column", "rule", "severity"] {
                XCTAssertEqual("\(zh[key]!)", "\(en[key]!)", key)
            }
            let rule = "\(zh["rule"]!)"
            let message = "\(zh["message"]!)", hint = "\(zh["hint"]!)"
            XCTAssertTrue(TranslationTests.hasChinese(message), "\(rule): \(message)")
            XCTAssertTrue(hint.isEmpty || TranslationTests.hasChinese(hint), "\(rule): \(hint)")
            XCTAssertNotEqual(message, "\(en["message"]!)", rule)
        }
        let text = try Transcript.run(["check", "--lang", "zh-CN"], in: workspace).stdout
        XCTAssertTrue(text.contains("customers/LX2024023-logstatus.md:30:7: 错误[unknown-status]: 没有 `谈判中` 这个状态\n"), text)
        XCTAssertTrue(text.contains("  提示：是不是想写 `商务谈判`（negotiation）？可选值："), text)
        XCTAssertTrue(text.contains("customers/LX2024025-todo.md:28:9: 错误[todo-without-date]: 这条待办没有日期\n"), text)
    }
}

import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `leadbook rules`: the list in the run's language; `--format md` (docs/diagnostics.md) in both.
final class RulesCommandTests: XCTestCase {
    func run(_ arguments: [String], language: String) -> (code: ExitCode, out: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": language], currentDirectory: NSTemporaryDirectory())
        return (LeadbookCommandLine.run(arguments, context), console.output)
    }

    func testTheListSpeaksTheRunsLanguage() {
        let chinese = run(["rules"], language: "zh-CN")
        XCTAssertEqual(chinese.code, .ok)
        XCTAssertTrue(chinese.out.hasPrefix("文件：\n  invalid-utf8"), chinese.out)
        XCTAssertTrue(chinese.out.contains("  empty-file               错误 客户文件不能为空。\n"), chinese.out)
        XCTAssertTrue(chinese.out.contains("  missing-mentor           警告 每位新人销售都有导师（工具包第 2 节）。\n"), chinese.out)
        XCTAssertTrue(chinese.out.contains("跟进与反馈记录：\n"), chinese.out)
        XCTAssertFalse(chinese.out.contains("A customer file is not empty."))
        let english = run(["rules"], language: "en")
        XCTAssertTrue(english.out.hasPrefix("Files:\n  invalid-utf8"), english.out)
        XCTAssertTrue(english.out.contains("  empty-file               error   A customer file is not empty.\n"), english.out)
        XCTAssertTrue(english.out.contains("  missing-mentor           warning Every junior has a mentor (the toolkit, section 2).\n"), english.out)
        XCTAssertFalse(english.out.contains("客户文件不能为空"))
    }

    func testTheMarkdownPageShowsBothLanguagesWhateverTheRunsLanguage() {
        let page = run(["rules", "--format", "md"], language: "en").out
        XCTAssertEqual(page, run(["rules", "--format", "md"], language: "zh-CN").out)
        XCTAssertTrue(page.contains("## Files / 文件\n\n| rule | severity | what it asks | 要求 |\n|---|---|---|---|\n"), page)
        XCTAssertTrue(page.contains("| `empty-file` | error（错误） | A customer file is not empty. | 客户文件不能为空。 |\n"), page)
        XCTAssertTrue(page.contains("| `missing-mentor` | warning（警告） | Every junior has a mentor (the toolkit, section 2). | 每位新人销售都有导师（工具包第 2 节）。 |\n"), page)
    }

    func testTheHelpIsInBothLanguages() {
        XCTAssertTrue(run(["rules", "--help"], language: "zh-CN").out.contains("列出 check 检查的规则"))
        XCTAssertTrue(run(["rules", "--help"], language: "en").out.contains("list the rules check applies"))
    }
}

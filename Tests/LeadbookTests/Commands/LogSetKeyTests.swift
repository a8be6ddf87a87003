import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `log --set KEY=VALUE` with a key that is no fact key: the refusal lists the keys with their
/// Chinese spellings and suggests the one meant, also for what reps write (`决策` for 决策进展).
final class LogSetKeyTests: RuleWorkspaceTestCase {
    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: zh-CN\n")
        try workspace.write("customers/LX2024001-huadong.md", "---\nid: LX2024001\nname: 华东云\nsource: website\nintent: A\ncreated: 2024-03-01 09:10\nstatus: untouched\n---\n")
    }

    func log(_ set: String) -> (code: ExitCode, errors: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: workspace.root)
        let code = LeadbookCommandLine.run(["log", "LX2024001", "--channel", "phone", "--at", "2024-03-02T10:00", "--set", set, "-C", workspace.root], context)
        return (code, console.errors)
    }

    func testAChineseSynonymOfAKeyIsRefusedWithTheKeyItMeans() {
        let refused = log("决策=老板下周拍板")
        XCTAssertEqual(refused.code, .failure)
        XCTAssertTrue(refused.errors.contains("`决策` is not a key of a follow-up entry here"), refused.errors)
        XCTAssertTrue(refused.errors.contains("background (背景), pain (难点), need (需求)"), "the Chinese keys are listed: \(refused.errors)")
        XCTAssertTrue(refused.errors.contains("decision (决策进展)"), refused.errors)
        XCTAssertTrue(refused.errors.contains("did you mean decision (决策进展)?"), refused.errors)
    }

    func testANearSpellingOfTheChineseOrEnglishKeyIsSuggested() {
        XCTAssertTrue(log("决策进度=老板下周拍板").errors.contains("did you mean decision (决策进展)?"))
        XCTAssertTrue(log("descision=老板下周拍板").errors.contains("did you mean decision (决策进展)?"))
        XCTAssertTrue(log("痛点=交付慢").errors.contains("did you mean pain (难点)?"))
        XCTAssertFalse(log("预算=20万").errors.contains("did you mean"))
    }

    func testTheChineseKeyItselfIsWritten() throws {
        XCTAssertEqual(log("决策进展=老板下周拍板").code, .ok)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: workspace.root + "/customers/LX2024001-huadong.md")), as: UTF8.self)
        XCTAssertTrue(text.contains("老板下周拍板"), text)
    }
}

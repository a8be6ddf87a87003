import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `agenda --mentor NAME` and a mentor's own section, in process on a copy of the
/// ownership fixture (Tests/Fixtures/e2e/ownership-en): at 2024-03-10 09:00 孙八 (mentor 赵六)
/// has an overdue follow-up of LX2024404 and one due today (LX2024401); 周九 (mentor 钱七) an
/// overdue one of LX2024405; 赵六 an overdue grade review; 钱七 nothing of their own.
final class AgendaMentorCommandTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = try Transcript.copy(Transcript.fixtures.appendingPathComponent("ownership-en/workspace"))
    }

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func run(_ arguments: [String], language: String = "en") -> (code: ExitCode, output: String, errors: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": language, "LEADBOOK_NO_CACHE": "1"], currentDirectory: root.path)
        let code = LeadbookCommandLine.run(arguments + ["--as-of", "2024-03-10T09:00", "-C", root.path], context)
        return (code, console.output, console.errors)
    }

    func json(_ arguments: [String]) throws -> [[String: Any]] {
        let result = run(["agenda", "--format", "json"] + arguments)
        XCTAssertEqual(result.code, .ok, result.errors)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        return try XCTUnwrap(object["owners"] as? [[String: Any]])
    }

    /// The mentees' due and overdue items, under each mentee; nothing of the mentor's own.
    func testMentorListsTheMenteesDueAndOverdueItems() throws {
        let owners = try json(["--mentor", "赵六"])
        XCTAssertEqual(owners.map { $0["owner"] as? String }, ["孙八"])
        let items = try XCTUnwrap(owners[0]["items"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["customer"] as? String }, ["LX2024404", "LX2024401"])
        XCTAssertEqual(items.map { $0["overdue"] as? Bool }, [true, false])
        XCTAssertNil(owners[0]["mentees"])
        XCTAssertEqual(try json(["--mentor", "钱七"]).map { $0["owner"] as? String }, ["周九"])
    }

    /// `--owner MENTOR` ends with the mentees' overdue items only, each naming its mentee.
    func testAMentorsOwnAgendaEndsWithTheMenteesOverdueItems() throws {
        let owners = try json(["--owner", "赵六"])
        XCTAssertEqual(owners.map { $0["owner"] as? String }, ["赵六"])
        XCTAssertEqual((owners[0]["items"] as? [[String: Any]])?.map { $0["kind"] as? String }, ["regrade"])
        let mentees = try XCTUnwrap(owners[0]["mentees"] as? [[String: Any]])
        XCTAssertEqual(mentees.map { $0["customer"] as? String }, ["LX2024404"], "LX2024401 is only due today")
        XCTAssertEqual(mentees.map { $0["mentee"] as? String }, ["孙八"])
        let text = run(["agenda", "--owner", "赵六"])
        XCTAssertTrue(text.output.contains("\n  overdue items of 赵六's mentees - 1 item\n    OVERDUE  2024-03-08  LX2024404  启明教育集团  (孙八) follow-up: "),
                      text.output)
        let chinese = run(["agenda", "--owner", "赵六"], language: "zh-CN")
        XCTAssertTrue(chinese.output.contains("\n  赵六带教的新人已逾期的事项：1 项\n    已逾期  2024-03-08  LX2024404  启明教育集团  （孙八）跟进："), chinese.output)
    }

    /// A mentor with nothing of their own still gets a section for late mentees; one who is
    /// nobody's mentor gets none.
    func testAMentorWithoutItemsOfTheirOwn() throws {
        let owners = try json(["--owner", "钱七"])
        XCTAssertEqual(owners.count, 1)
        XCTAssertEqual((owners[0]["items"] as? [Any])?.count, 0)
        XCTAssertEqual((owners[0]["mentees"] as? [[String: Any]])?.map { $0["mentee"] as? String }, ["周九"])
        let full = try json([])
        XCTAssertEqual(full.map { $0["owner"] as? String }, ["王五", "赵六", "钱七", "孙八", "周九"])
        XCTAssertNil(full[0]["mentees"], "王五 mentors nobody")
        XCTAssertEqual((full[3]["items"] as? [[String: Any]])?.count, 2, "孙八's items stay in their own section")
    }

    func testAMemberWhoMentorsNobody() {
        let result = run(["agenda", "--mentor", "王五"])
        XCTAssertEqual(result.code, .ok)
        XCTAssertEqual(result.output, "nothing due at 2024-03-10 09:00\n")
        XCTAssertEqual(result.errors, "leadbook agenda: no member of the team has `王五` as `mentor` in leadbook.yml, so there is nothing to list\n")
        XCTAssertEqual(run(["agenda", "--mentor", "王五"], language: "zh-CN").errors,
                       "leadbook agenda：leadbook.yml 的团队里没有人的 `mentor` 是 `王五`，没有可列出的事项\n")
    }

    func testAnUnknownMentorAndBothOptionsAreUsageErrors() {
        let unknown = run(["agenda", "--mentor", "赵7"])
        XCTAssertEqual(unknown.code, .failure)
        XCTAssertEqual(unknown.output, "")
        XCTAssertEqual(unknown.errors, "leadbook agenda: `赵7` is not in the team; did you mean 赵六?\n")
        let both = run(["agenda", "--mentor", "赵六", "--owner", "赵六"])
        XCTAssertEqual(both.code, .failure)
        XCTAssertEqual(both.errors, "leadbook agenda: give --owner or --mentor, not both\n")
        XCTAssertEqual(run(["agenda", "--mentor", "赵六", "--owner", "赵六"], language: "zh-CN").errors,
                       "leadbook agenda：--owner 和 --mentor 只能选一个\n")
    }

    /// An empty --mentor is a usage error, not "`` is not in the team"; with no team, leadbook.yml is named.
    func testAnEmptyMentorAndNoTeam() throws {
        let empty = run(["agenda", "--mentor", ""])
        XCTAssertEqual(empty.code, .failure)
        XCTAssertTrue(empty.errors.hasPrefix("leadbook agenda: --mentor needs a name, the mentor's as in `team[].mentor`\n"), empty.errors)
        XCTAssertTrue(run(["agenda", "--mentor", ""], language: "zh-CN").errors.hasPrefix("leadbook agenda：--mentor 要写导师的名字"))
        let path = root.appendingPathComponent("leadbook.yml")
        let text = try String(contentsOf: path, encoding: .utf8)
        try String(text[..<text.range(of: "team:")!.lowerBound]).write(to: path, atomically: true, encoding: .utf8)
        let noTeam = run(["agenda", "--mentor", "赵六"])
        XCTAssertEqual(noTeam.code, .failure)
        XCTAssertEqual(noTeam.errors, "leadbook agenda: leadbook.yml has no `team`, so nobody has mentees: add the team with each junior's `mentor`\n")
        XCTAssertEqual(run(["agenda", "--mentor", "赵六"], language: "zh-CN").errors,
                       "leadbook agenda：leadbook.yml 里没有团队（`team`），也就没有带教的新人：请写上团队，并给每位新人销售写 `mentor`\n")
    }
}

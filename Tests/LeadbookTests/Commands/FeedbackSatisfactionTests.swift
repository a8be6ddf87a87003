import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `leadbook feedback ID N --confirm "DATE RESULT" --satisfaction N`: the customer's
/// satisfaction (1-5) is written with the confirmation, in the language of the file's log,
/// and never replaces one already written.
final class FeedbackSatisfactionTests: RuleWorkspaceTestCase {
    static let path = "customers/LX2024001-huadongyun.md"

    /// Feedback 1 resolved and not confirmed, 2 confirmed, 3 open.
    static func file(headings chinese: Bool) -> String {
        """
        ---
        id: LX2024001
        name: 华东云科技有限公司
        source: website
        intent: A
        created: 2024-03-01 09:10
        status: qualified
        ---

        ## \(chinese ? "客户反馈" : "Feedback")

        ### 2024-03-03 meeting 缺少数据备份功能
        - type: product
        - priority: high
        - resolved: 2024-03-05

        ### 2024-03-04 email 报价偏高
        - type: price
        - priority: medium
        - resolved: 2024-03-05
        - confirmed: 2024-03-06 客户接受分期付款

        ### 2024-03-07 phone 培训安排
        - type: service
        - priority: low

        """
    }

    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: zh-CN\n")
        try workspace.write(Self.path, Self.file(headings: false))
    }

    func run(_ arguments: [String], language: String = "en") -> (code: ExitCode, out: String, err: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": language], currentDirectory: workspace.root)
        let code = LeadbookCommandLine.run(["feedback", "LX2024001"] + arguments + ["-C", workspace.root], context)
        return (code, console.output, console.errors)
    }

    var text: String { (try? String(contentsOfFile: workspace.root + "/" + Self.path, encoding: .utf8)) ?? "" }

    func testConfirmingWithASatisfactionWritesBothLines() throws {
        let result = run(["1", "--confirm", "2024-03-06 客户认可", "--satisfaction", "4"])
        XCTAssertEqual(result.code, .ok, result.err)
        XCTAssertEqual(result.out, "feedback 1 of LX2024001 (缺少数据备份功能): confirmed 2024-03-06 客户认可, satisfaction 4/5\n")
        XCTAssertTrue(text.contains("- resolved: 2024-03-05\n- confirmed: 2024-03-06 客户认可\n- satisfaction: 4\n\n### 2024-03-04"), text)
        XCTAssertEqual(RuleFixture.read(text, path: Self.path).customer?.feedback.first?.satisfaction, 4)
        XCTAssertTrue(workspace.check().isEmpty)
        XCTAssertTrue(run([]).out.contains("confirmed 2024-03-06 客户认可, satisfaction 4/5"))
        XCTAssertTrue(run([], language: "zh-CN").out.contains("2024-03-06 客户确认：客户认可，满意度 4/5"))
    }

    /// `show` prints it beside the confirmation, and its JSON carries it.
    func testShowPrintsTheSatisfaction() throws {
        XCTAssertEqual(run(["2", "--satisfaction", "5"]).code, .ok)
        func show(_ arguments: [String], _ language: String) -> String {
            let console = RecordingConsole()
            // Wide enough for the heading with its channel on one line.
            let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": language, "COLUMNS": "140"], currentDirectory: workspace.root)
            XCTAssertEqual(LeadbookCommandLine.run(["show", "LX2024001", "-C", workspace.root] + arguments, context), .ok, console.errors)
            return console.output
        }
        XCTAssertTrue(show([], "en").contains("confirmed 2024-03-06, satisfaction 5/5"), show([], "en"))
        XCTAssertTrue(show([], "zh-CN").contains("2024-03-06 已确认，满意度 5/5"), show([], "zh-CN"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(show(["--format", "json"], "en").utf8)) as? [String: Any])
        let feedback = try XCTUnwrap(json["feedback"] as? [[String: Any]])
        XCTAssertEqual(feedback.map { $0["satisfaction"] as? Int }, [nil, 5, nil])
        XCTAssertTrue(feedback[0]["satisfaction"] is NSNull)
    }

    /// An entry confirmed earlier takes its satisfaction alone; a Chinese log gets the Chinese key.
    func testAConfirmedEntryTakesItsSatisfactionInTheLogsLanguage() throws {
        try workspace.write(Self.path, Self.file(headings: true))
        let result = run(["2", "--satisfaction", "5"], language: "zh-CN")
        XCTAssertEqual(result.code, .ok, result.err)
        XCTAssertEqual(result.out, "LX2024001 第 2 条反馈（报价偏高）：满意度 5/5\n")
        XCTAssertTrue(text.contains("- confirmed: 2024-03-06 客户接受分期付款\n- 满意度: 5\n"), text)
    }

    func testASatisfactionNeedsTheConfirmation() {
        let before = text
        for number in ["1", "3"] {
            let result = run([number, "--satisfaction", "4"])
            XCTAssertEqual(result.code, .findings, number)
            XCTAssertTrue(result.err.contains("feedback \(number) is not confirmed yet"), result.err)
        }
        let chinese = run(["1", "--satisfaction", "4"], language: "zh-CN")
        XCTAssertTrue(chinese.err.contains("第 1 条反馈还没有和客户确认；满意度是客户确认时给的"), chinese.err)
        XCTAssertEqual(text, before)
    }

    func testASatisfactionIsAWholeNumberFromOneToFive() {
        let before = text
        for value in ["0", "6", "4.5", "好", "４"] {
            let result = run(["2", "--satisfaction", value])
            XCTAssertEqual(result.code, .failure, value)
            XCTAssertTrue(result.err.contains("--satisfaction is a whole number from 1 (very dissatisfied) to 5 (very satisfied), not `\(value)`"), result.err)
        }
        XCTAssertEqual(text, before)
    }

    /// The log is append-only: a satisfaction written is never replaced; the same one again changes nothing.
    func testAWrittenSatisfactionIsNeverReplaced() {
        XCTAssertEqual(run(["2", "--satisfaction", "3"]).code, .ok)
        let written = text
        let again = run(["2", "--satisfaction", "3"])
        XCTAssertEqual(again.code, .ok)
        XCTAssertEqual(again.out, "feedback 2 of LX2024001 already says so; nothing to write\n")
        let other = run(["2", "--satisfaction", "5"])
        XCTAssertEqual(other.code, .findings)
        XCTAssertTrue(other.err.contains("feedback 2 already records satisfaction 3"), other.err)
        XCTAssertEqual(text, written)
    }

    func testTheSatisfactionNeedsTheEntrysNumber() {
        let result = run(["--satisfaction", "4"])
        XCTAssertEqual(result.code, .failure)
        // The example is the command given, with the N it lacks.
        XCTAssertTrue(result.err.contains("--resolve, --confirm and --satisfaction need the feedback's number: leadbook feedback LX2024001 N --satisfaction 4"), result.err)
        let both = run(["--confirm", "2024-03-06 客户认可", "--satisfaction", "4"], language: "zh-CN")
        XCTAssertTrue(both.err.contains("要写反馈的序号：leadbook feedback LX2024001 N --confirm \"2024-03-06 客户认可\" --satisfaction 4"), both.err)
    }

    /// `--satisfaction` followed by another option has no value: said so, not taken as `-C`.
    func testASatisfactionWithoutItsValueIsSaidToMissIt() {
        let before = text
        for arguments in [["1", "--satisfaction"], ["2", "--satisfaction", "--lang", "en"]] {
            let result = run(arguments)
            XCTAssertEqual(result.code, .failure, "\(arguments)")
            XCTAssertTrue(result.err.hasPrefix("leadbook feedback: --satisfaction needs a value (1-5)"), result.err)
        }
        XCTAssertEqual(text, before)
    }

    /// A satisfaction line whatever its value (here one `check` reports) is never joined by a second.
    func testALineLeadbookCannotReadIsNeverJoinedByASecond() {
        let unreadable = Self.file(headings: false).replacingOccurrences(
            of: "- confirmed: 2024-03-06 客户接受分期付款\n", with: "- confirmed: 2024-03-06 客户接受分期付款\n- satisfaction: 4分\n")
        try? workspace.write(Self.path, unreadable)
        let result = run(["2", "--satisfaction", "1"])
        XCTAssertEqual(result.code, .findings)
        XCTAssertTrue(result.err.contains("feedback 2 already has a `satisfaction` line that leadbook cannot read (line 22: `- satisfaction: 4分`); it writes no second one"), result.err)
        let chinese = run(["2", "--satisfaction", "1"], language: "zh-CN")
        XCTAssertTrue(chinese.err.contains("第 2 条反馈已经有一行 `满意度`，但 leadbook 读不懂（第 22 行：`- satisfaction: 4分`）"), chinese.err)
        XCTAssertEqual(text, unreadable)
        // The same for a resolution date leadbook cannot read.
        let badDate = Self.file(headings: false).replacingOccurrences(of: "- priority: low\n", with: "- priority: low\n- resolved: 2024-3-8\n")
        try? workspace.write(Self.path, badDate)
        let resolve = run(["3", "--resolve", "2024-03-08"])
        XCTAssertEqual(resolve.code, .findings)
        XCTAssertTrue(resolve.err.contains("feedback 3 already has a `resolved` line that leadbook cannot read (line 26: `- resolved: 2024-3-8`)"), resolve.err)
        XCTAssertEqual(text, badDate)
    }

    /// A `- satisfaction:` (or `- resolved:`, `- confirmed:`) left empty is filled, not joined by a second line.
    func testALineLeftEmptyIsFilled() throws {
        let empty = Self.file(headings: false)
            .replacingOccurrences(of: "- confirmed: 2024-03-06 客户接受分期付款\n", with: "- confirmed: 2024-03-06 客户接受分期付款\n- satisfaction:\n")
            .replacingOccurrences(of: "- priority: low\n", with: "- priority: low\n- resolved: \n- 客户确认：\n- 满意度：\n")
        try workspace.write(Self.path, empty)
        XCTAssertEqual(run(["2", "--satisfaction", "5"]).code, .ok)
        XCTAssertEqual(text, empty.replacingOccurrences(of: "- satisfaction:\n", with: "- satisfaction: 5\n"))
        let all = run(["3", "--resolve", "2024-03-08", "--confirm", "2024-03-09 客户认可", "--satisfaction", "4"])
        XCTAssertEqual(all.code, .ok, all.err)
        XCTAssertTrue(text.hasSuffix("- priority: low\n- resolved: 2024-03-08\n- 客户确认：2024-03-09 客户认可\n- 满意度：4\n"), text)
        let feedback = try XCTUnwrap(RuleFixture.read(text, path: Self.path).customer?.feedback)
        XCTAssertEqual(feedback.map(\.satisfaction), [nil, 5, 4])
        XCTAssertEqual(feedback[2].resolved, LocalDate("2024-03-08"))
        XCTAssertTrue(workspace.check().isEmpty)
    }

    /// What the refusal of a different value says is what works: by hand before the commit, a
    /// new follow-up after it (a changed committed line is `log-rewritten`).
    func testARefusedValueSaysWhatWorks() {
        XCTAssertEqual(run(["2", "--satisfaction", "3"]).code, .ok)
        let rated = run(["2", "--satisfaction", "5"])
        XCTAssertTrue(rated.err.contains("feedback 2 already records satisfaction 3 (line 22); leadbook never replaces a value written: if it is wrong and not committed yet, correct that line by hand; once committed, the log keeps it"), rated.err)
        XCTAssertFalse(rated.err.contains("correct that line by hand if it is wrong"), rated.err)
        let resolved = run(["1", "--resolve", "2024-03-06"], language: "zh-CN")
        XCTAssertTrue(resolved.err.contains("第 1 条反馈已在 2024-03-05 解决（第 15 行）；leadbook 不会替换已写的值：如果写错了且还没提交，请手动改那一行；已经提交的，记录会保留"), resolved.err)
        let confirmed = run(["2", "--confirm", "2024-03-07 客户认可"])
        XCTAssertTrue(confirmed.err.contains("feedback 2 is already confirmed on 2024-03-06 (客户接受分期付款) (line 21); leadbook never replaces"), confirmed.err)
    }
}

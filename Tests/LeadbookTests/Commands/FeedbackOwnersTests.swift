import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `feedback --owner`, `log --todo "... @owner ^requester"` and `agenda --owner` take the
/// responders of leadbook.yml beside the team; `feedback --at` keeps a time.
final class FeedbackOwnersTests: RuleWorkspaceTestCase {
    static let file = "customers/LX2024016-jinggong.md"

    override func prepare() throws {
        try workspace.write("leadbook.yml", """
            language: zh-CN
            team:
              - {name: 王五, role: manager}
              - {name: 赵六, role: senior}
            responders:
              - {name: 法务部, team: 法务, role: 合同审核}
              - {name: 技术总监}
            """)
        try workspace.write(Self.file, """
            ---
            id: LX2024016
            name: 苏州精工智能装备有限公司
            source: website
            intent: B
            grade: B
            owner: 王五
            created: 2024-03-01 09:00
            assigned: 2024-03-01 09:30
            status: contacted
            ---

            ## Follow-ups

            ### 2024-03-01 10:00 phone 周强
            - status: contacted

            """)
    }

    func run(_ arguments: [String], language: String = "en") -> (code: ExitCode, out: String, errors: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": language, "LEADBOOK_NO_CACHE": "1"],
                                     currentDirectory: workspace.root)
        let code = LeadbookCommandLine.run(arguments + ["-C", workspace.root], context)
        return (code, console.output, console.errors)
    }

    var text: String {
        String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: workspace.root + "/" + Self.file))) ?? Data(), as: UTF8.self)
    }

    func feedback(_ extra: [String]) -> (code: ExitCode, out: String, errors: String) {
        run(["feedback", "LX2024016", "--channel", "phone", "--type", "price", "--priority", "high", "--summary", "价格偏高"] + extra)
    }

    func testAResponderOwnsFeedbackAndAnUnknownNameIsRefusedWithTheNearest() {
        XCTAssertEqual(feedback(["--handling", "negotiate", "--owner", "法务部", "--at", "2024-03-04"]).code, .ok)
        XCTAssertTrue(text.contains("- owner: 法务部\n"), text)
        let refused = feedback(["--owner", "法务", "--at", "2024-03-05"])
        XCTAssertEqual(refused.code, .failure)
        XCTAssertTrue(refused.errors.contains("--owner: `法务` is neither in the team nor among the responders of leadbook.yml; did you mean 法务部?"),
                      refused.errors)
        let chinese = run(["feedback", "LX2024016", "--channel", "phone", "--type", "price", "--priority", "high", "--summary", "x",
                           "--owner", "技术总", "--at", "2024-03-05"], language: "zh-CN")
        XCTAssertTrue(chinese.errors.contains("leadbook.yml 的团队（`team`）和响应方（`responders`）里都没有 `技术总`，是不是要写 技术总监？"), chinese.errors)
    }

    func testFeedbackAtADateAndTimeKeepsTheTime() throws {
        XCTAssertEqual(feedback(["--handling", "fix", "--at", "2024-03-04 14:30"]).code, .ok)
        XCTAssertTrue(text.contains("### 2024-03-04 14:30 phone 价格偏高\n"), text)
        let entry = try XCTUnwrap(CustomerReader.read(path: Self.file, bytes: Array(text.utf8), configuration: Configuration()).customer?.feedback.first)
        XCTAssertEqual(entry.time, 14 * 60 + 30)
        // The fix is due 24 hours after 14:30, not after the end of the day.
        let agenda = run(["agenda", "--as-of", "2024-03-05 14:30", "--format", "json"])
        XCTAssertTrue(agenda.out.contains("\"due\": \"2024-03-05 14:30\""), agenda.out)
        // A date alone stays a date.
        XCTAssertEqual(feedback(["--at", "2024-03-06"]).code, .ok)
        XCTAssertTrue(text.contains("### 2024-03-06 phone 价格偏高\n"), text)
        XCTAssertEqual(feedback(["--at", "2024-03-06 25:00"]).code, .failure)
    }

    func testAToDoForAResponderAskedByARepIsOnBothAgendas() {
        let logged = run(["log", "LX2024016", "--channel", "phone", "--at", "2024-03-04T10:00", "--todo", "2024-03-08 审核合同条款 @法务部 ^赵六"])
        XCTAssertEqual(logged.code, .ok, logged.errors)
        XCTAssertTrue(text.contains("- [ ] 2024-03-08 审核合同条款 @法务部 ^赵六\n"), text)
        XCTAssertEqual(run(["check"]).code, .ok)
        let legal = run(["agenda", "--owner", "法务部", "--as-of", "2024-03-08 09:00"])
        XCTAssertEqual(legal.code, .ok, legal.errors)
        XCTAssertTrue(legal.out.contains("法务部 - 1 item"), legal.out)
        XCTAssertTrue(legal.out.contains("审核合同条款 (asked by 赵六)"), legal.out)
        let rep = run(["agenda", "--owner", "赵六", "--as-of", "2024-03-08 09:00", "--format", "json"])
        XCTAssertTrue(rep.out.contains("\"detail\": \"waiting for 法务部: 审核合同条款\""), rep.out)
        XCTAssertTrue(rep.out.contains("\"waiting_for\": \"法务部\""), rep.out)
        let chinese = run(["agenda", "--owner", "赵六", "--as-of", "2024-03-08 09:00"], language: "zh-CN")
        XCTAssertTrue(chinese.out.contains("等待 法务部：审核合同条款"), chinese.out)
        // The customer's owner does not get it.
        XCTAssertFalse(run(["agenda", "--owner", "王五", "--as-of", "2024-03-08 09:00"]).out.contains("审核合同条款"))
    }

    func testAnUnknownRequesterOrOwnerIsRefused() {
        let requester = run(["log", "LX2024016", "--channel", "phone", "--at", "2024-03-04T10:00", "--todo", "2024-03-08 审核合同条款 @法务部 ^赵七"])
        XCTAssertEqual(requester.code, .failure)
        XCTAssertTrue(requester.errors.contains("`赵七` is neither in the team nor among the responders"), requester.errors)
        XCTAssertTrue(requester.errors.contains("did you mean 赵六?"), requester.errors)
        let agenda = run(["agenda", "--owner", "法务", "--as-of", "2024-03-08 09:00"])
        XCTAssertEqual(agenda.code, .failure)
        XCTAssertTrue(agenda.errors.contains("did you mean 法务部?"), agenda.errors)
        XCTAssertFalse(text.contains("审核合同条款"))
    }

    /// The time given with --at is said back: when recorded, in the list, in explain, and
    /// in the refusal of an entry that would come before the last one.
    func testTheTimeOfTheFeedbackIsShownWhereverItsDateIs() {
        let recorded = feedback(["--handling", "fix", "--at", "2024-05-07 10:15"])
        XCTAssertTrue(recorded.out.contains(": 2024-05-07 10:15 price, high priority; fix: answer within 24 hours"), recorded.out)
        let chinese = run(["feedback", "LX2024016", "--channel", "phone", "--type", "price", "--priority", "high", "--summary", "价格",
                           "--at", "2024-05-07 11:00"], language: "zh-CN")
        XCTAssertTrue(chinese.out.contains("第 2 条，2024-05-07 11:00 价格"), chinese.out)
        let earlier = run(["feedback", "LX2024016", "--channel", "phone", "--type", "price", "--priority", "high", "--summary", "价格",
                           "--at", "2024-05-07 09:00"], language: "zh-CN")
        XCTAssertEqual(earlier.code, .findings, earlier.errors)
        XCTAssertTrue(earlier.errors.contains("上一条反馈是 2024-05-07 11:00，这一条（2024-05-07 09:00）比它还早"), earlier.errors)
        let list = run(["feedback", "LX2024016"])
        XCTAssertTrue(list.out.contains("1  2024-05-07 10:15 phone 价格偏高"), list.out)
        let explained = run(["explain", "LX2024016", "--as-of", "2024-05-07 12:00"])
        XCTAssertTrue(explained.out.contains("  2024-05-07 10:15 价格偏高: fix, answer by 2024-05-08 10:15"), explained.out)
    }

    /// With business hours the fix's hours are working hours, as on the agenda.
    func testTheFixHoursAreWorkingHoursWithBusinessHours() throws {
        try workspace.write("leadbook.yml", """
            language: zh-CN
            team:
              - {name: 王五, role: manager}
            business_hours: {days: [mon, tue, wed, thu, fri], from: "09:00", to: "18:00"}
            """)
        let recorded = feedback(["--handling", "fix", "--at", "2024-05-07 10:15"])
        XCTAssertTrue(recorded.out.contains("fix: answer within 24 working hours"), recorded.out)
    }

    /// Two requesters (or two owners) would leave one of them as text, on nobody's agenda.
    func testASecondRequesterOrOwnerIsAUsageError() {
        let twice = run(["log", "LX2024016", "--channel", "phone", "--at", "2024-03-04T10:00", "--todo", "2024-05-12 审核A @法务部 ^赵六 ^王五"])
        XCTAssertEqual(twice.code, .failure, twice.errors)
        XCTAssertTrue(twice.errors.contains("--todo: a to-do has one `@owner` and one `^requester`, and `@法务部 ^赵六` would be read as text"), twice.errors)
        let owners = run(["log", "LX2024016", "--channel", "phone", "--at", "2024-03-04T10:00", "--todo", "2024-05-12 审核A @法务部 @技术总监"],
                         language: "zh-CN")
        XCTAssertEqual(owners.code, .failure, owners.errors)
        XCTAssertTrue(owners.errors.contains("一条待办只有一个 `@负责人` 和一个 `^需求方`，`@法务部` 会当成待办内容"), owners.errors)
        XCTAssertFalse(text.contains("审核A"), text)
    }

    func testExplainGivesEveryHandlingItsDeadline() {
        XCTAssertEqual(feedback(["--handling", "negotiate", "--at", "2024-03-04"]).code, .ok)
        XCTAssertEqual(feedback(["--handling", "decline", "--due", "2024-03-05", "--at", "2024-03-04"]).code, .ok)
        XCTAssertEqual(feedback(["--at", "2024-03-04"]).code, .ok)
        let explained = run(["explain", "LX2024016", "--as-of", "2024-03-06 09:00"])
        XCTAssertTrue(explained.out.contains("2024-03-04 价格偏高: negotiate, answer by 2024-03-11\n"), explained.out)
        XCTAssertTrue(explained.out.contains("2024-03-04 价格偏高: decline, answer by 2024-03-05 (overdue)"), explained.out)
        XCTAssertTrue(explained.out.contains("2024-03-04 价格偏高: no handling yet, decide by 2024-03-05 (overdue)"), explained.out)
        let chinese = run(["explain", "LX2024016", "--as-of", "2024-03-06 09:00"], language: "zh-CN")
        XCTAssertTrue(chinese.out.contains("价格偏高：协商解决，2024-03-11 前答复"), chinese.out)
        XCTAssertTrue(chinese.out.contains("价格偏高：还没有处理方式，2024-03-05 前定下"), chinese.out)
    }
}

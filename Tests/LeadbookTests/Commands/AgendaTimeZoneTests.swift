import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The workspace's `timezone` and `--as-of` decide, through `leadbook agenda`, whether a
/// first-contact SLA counted in working hours is met. Two A leads captured Friday 2024-03-08
/// 17:30 and assigned at 17:40: 30 working minutes on Friday, 90 on Monday, due Monday 10:30.
/// LX2024001 was called Monday 10:20 (met), LX2024002 not at all.
final class AgendaTimeZoneTests: RuleWorkspaceTestCase {
    static func configuration(_ zone: String) -> String {
        """
        language: en
        timezone: "\(zone)"
        team:
          - {name: 王五, role: senior}
        business_hours:
          days: [mon, tue, wed, thu, fri]
          from: "09:00"
          to: "18:00"

        """
    }

    static func lead(_ id: String, called: Bool) -> String {
        """
        ---
        id: \(id)
        name: 客户\(id)
        source: website
        intent: A
        owner: 王五
        created: 2024-03-08 17:30
        assigned: 2024-03-08 17:40
        status: \(called ? "contacted" : "untouched")
        ---

        ## Follow-ups

        """ + (called ? "\n### 2024-03-11 10:20 phone 张伟\n- need: 报价\n" : "")
    }

    override func prepare() throws {
        try workspace.write("leadbook.yml", Self.configuration("+01:00"))
        try workspace.write("customers/LX2024001-called.md", Self.lead("LX2024001", called: true))
        try workspace.write("customers/LX2024002-waiting.md", Self.lead("LX2024002", called: false))
    }

    /// The SLA lines of the agenda: `OVERDUE` or `due`, the deadline and the customer.
    func sla(_ arguments: [String], clock: Date? = nil) throws -> [String] {
        let console = RecordingConsole()
        var context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: workspace.root)
        if let clock { context.clock = { clock } }
        let code = LeadbookCommandLine.run(["agenda", "--days", "0", "-C", workspace.root] + arguments, context)
        XCTAssertEqual(code, .ok, console.errors)
        return console.output.components(separatedBy: "\n").filter { $0.contains("working hours") }.map {
            $0.split(separator: " ", omittingEmptySubsequences: true).prefix(4).joined(separator: " ")
        }
    }

    func testAtTheWorkingDeadlineAndOneMinutePast() throws {
        // Exactly at the deadline: the lead still waiting is due, the one called at 10:20 met it.
        XCTAssertEqual(try sla(["--as-of", "2024-03-11 10:30"]), ["due 2024-03-11 10:30 LX2024002"])
        XCTAssertEqual(try sla(["--as-of", "2024-03-11 10:31"]), ["OVERDUE 2024-03-11 10:30 LX2024002"])
        // Before the call, both were waiting; Friday evening counts nothing.
        XCTAssertEqual(try sla(["--as-of", "2024-03-11 10:19"]), ["due 2024-03-11 10:30 LX2024001", "due 2024-03-11 10:30 LX2024002"])
        XCTAssertEqual(try sla(["--as-of", "2024-03-08 23:00"]), [], "due on Monday, beyond the agenda's day")
    }

    /// `--as-of` is read on the workspace's clock, whatever its zone: the same words, the same
    /// answer. Without it, now is the clock's instant in that zone: 2024-03-11 09:00 UTC is
    /// 10:00 in +01:00 (not called yet, not late) and 17:00 in +08:00 (called; the other late).
    func testTheWorkspacesTimeZoneDecidesWhatNowIs() throws {
        let instant = Date(timeIntervalSince1970: 1_710_147_600)
        XCTAssertEqual(try sla([], clock: instant), ["due 2024-03-11 10:30 LX2024001", "due 2024-03-11 10:30 LX2024002"])
        try workspace.write("leadbook.yml", Self.configuration("+08:00"))
        XCTAssertEqual(try sla([], clock: instant), ["OVERDUE 2024-03-11 10:30 LX2024002"])
        XCTAssertEqual(try sla(["--as-of", "2024-03-11 10:30"], clock: instant), ["due 2024-03-11 10:30 LX2024002"])
    }
}

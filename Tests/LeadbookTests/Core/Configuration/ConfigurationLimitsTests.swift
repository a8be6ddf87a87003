import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// Every number of leadbook.yml has a range (`Configuration.Limits`, docs/format.md): a value
/// outside it is out-of-range at its line and column, and the default stays, so no deadline,
/// date or total computed from it can overflow.
final class ConfigurationLimitsTests: XCTestCase {
    /// Every numeric setting: the YAML (line 2, the value at `column`), its field name, the
    /// largest value allowed, and how to read the value back.
    static let settings: [(yaml: (String) -> String, column: Int, field: String, range: ClosedRange<Int>, value: (Configuration) -> Int?)] = [
        ({ "index_days: \($0)" }, 13, "index_days", 1...3_650, { $0.indexDays }),
        ({ "sla_hours: {A: \($0)}" }, 16, "sla_hours.A", 0...8_760, { $0.slaHours[.A] }),
        ({ "cadence_days: {S: \($0)}" }, 19, "cadence_days.S", 0...3_650, { $0.cadenceDays[.S] }),
        ({ "first_stage_days: {B: \($0)}" }, 23, "first_stage_days.B", 0...3_650, { $0.firstStageDays[.B] }),
        ({ "regrade_days: {C: \($0)}" }, 19, "regrade_days.C", 0...3_650, { $0.regradeDays[.C] }),
        ({ "expected_cycle_days: {A: \($0)}" }, 26, "expected_cycle_days.A", 0...3_650, { $0.expectedCycleDays[.A] }),
        ({ "feedback: {fix_hours: \($0)}" }, 23, "feedback.fix_hours", 0...8_760, { $0.feedbackFixHours }),
        ({ "feedback: {confirm_days: \($0)}" }, 26, "feedback.confirm_days", 0...3_650, { $0.feedbackConfirmDays }),
        ({ "record_within_hours: \($0)" }, 22, "record_within_hours", 0...8_760, { $0.recordWithinHours }),
        ({ "team_check: {below_percent: \($0)}" }, 29, "team_check.below_percent", 0...100, { $0.teamCheckPercent }),
        ({ "team_check: {months: \($0)}" }, 22, "team_check.months", 1...24, { $0.teamCheckMonths }),
        ({ "scoring: {max: {size: \($0)}}" }, 23, "scoring.max.size", 1...1_000, { $0.scoring.maxSize }),
        ({ "scoring: {max: {budget: \($0)}}" }, 25, "scoring.max.budget", 1...1_000, { $0.scoring.maxBudget }),
        ({ "scoring: {max: {urgency: \($0)}}" }, 26, "scoring.max.urgency", 1...1_000, { $0.scoring.maxUrgency }),
        ({ "scoring: {max: {decision: \($0)}}" }, 27, "scoring.max.decision", 1...1_000, { $0.scoring.maxDecision }),
        ({ "scoring: {grades: {S: \($0), A: 2, B: 1}}" }, 23, "scoring.grades.S", 0...4_000, { $0.scoring.gradeS }),
        ({ "scoring: {rules: {size: [{points: \($0)}]}}" }, 35, "scoring.rules.size.points", 0...1_000, { $0.scoring.rules?.size.first?.points }),
        ({ "scoring: {rules: {decision: {decision_maker: \($0)}}}" }, 46, "scoring.rules.decision.decision_maker", 0...1_000, { $0.scoring.rules?.decisionMaker }),
        ({ "scoring: {rules: {decision: {otherwise: \($0)}}}" }, 41, "scoring.rules.decision.otherwise", 0...1_000, { $0.scoring.rules?.noDecisionMaker }),
        ({ "team: [{name: 王五, role: manager, capacity: \($0)}]" }, 44, "capacity", 0...1_000_000, { $0.team.first?.capacity }),
        ({ "scoring: {rules: {size: [{min: \($0), points: 5}]}}" }, 32, "scoring.rules.size", 0...1_000_000_000_000, { $0.scoring.rules?.size.first?.threshold }),
        ({ "scoring: {rules: {urgency: [{max: \($0), points: 5}]}}" }, 35, "scoring.rules.urgency", -36_500...36_500, { $0.scoring.rules?.urgency.first?.threshold }),
        ({ "screening: [{industry: 软件, min_employees: \($0)}]" }, 43, "min_employees", 0...1_000_000_000_000, { $0.screening.first?.minEmployees }),
        ({ "stage_days: {negotiation: {B: \($0)}}" }, 31, "stage_days.negotiation.B", 0...3_650, { $0.laterStageDays[.negotiation]?[.B] }),
        ({ "stage_days: {initial-contact: {S: \($0)}}" }, 35, "stage_days.initial-contact.S", 0...3_650, { $0.firstStageDays[.S] }),
        ({ "stage_follow_ups: {solution-comparison: \($0)}" }, 41, "stage_follow_ups.solution-comparison", 1...10_000, { $0.stageFollowUps[.solutionComparison] }),
        ({ "rhythm: {S: {channels: meeting, days: \($0)}}" }, 39, "rhythm.S.days", 1...3_650, { $0.rhythms[.S]?.days }),
    ]

    func testTheLargestAllowedValueIsRead() {
        for setting in Self.settings {
            let (configuration, diagnostics) = RuleFixture.configuration("language: zh-CN\n" + setting.yaml(String(setting.range.upperBound)) + "\n")
            XCTAssertFalse(diagnostics.contains { $0.rule.id == "out-of-range" }, "\(setting.field): \(RuleFixture.describe(diagnostics))")
            XCTAssertEqual(setting.value(configuration), setting.range.upperBound, setting.field)
        }
    }

    func testOneMoreIsOutOfRangeAtItsLine() {
        for setting in Self.settings {
            let (_, diagnostics) = RuleFixture.configuration("language: zh-CN\n" + setting.yaml(String(setting.range.upperBound + 1)) + "\n")
            let found = diagnostics.first { $0.rule.id == "out-of-range" }
            XCTAssertEqual(found?.line, 2, "\(setting.field): \(RuleFixture.describe(diagnostics))")
            XCTAssertEqual(found?.column, setting.column, "\(setting.field): \(RuleFixture.describe(diagnostics))")
            XCTAssertEqual(found?.message, "`\(setting.field)` is \(setting.range.upperBound + 1); it must be between \(setting.range.lowerBound) and \(setting.range.upperBound)",
                           setting.field)
        }
    }

    func testValuesNearInt64MaxAreOutOfRangeAndTheDefaultStays() {
        for text in ["9223372036854775807", "2147483649", "9223372036854775808"] {
            for setting in Self.settings where Int(text).map({ $0 > setting.range.upperBound }) ?? true {
                let (configuration, diagnostics) = RuleFixture.configuration("language: zh-CN\n" + setting.yaml(text) + "\n")
                XCTAssertTrue(diagnostics.contains { $0.rule.id == "out-of-range" && $0.line == 2 }, "\(setting.field) = \(text): \(RuleFixture.describe(diagnostics))")
                XCTAssertNotEqual(setting.value(configuration).map(String.init), text, setting.field)
            }
        }
    }
}

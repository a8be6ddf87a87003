import XCTest

/// `leadbook report --week` in the built leadbook on the sample workspace: a week, a team, a rep
/// in JSON, the default week, and usage errors, in English and in Chinese.
final class ReportEndToEndTests: XCTestCase {
    func testTheWeeklyReportInEnglish() throws {
        try Transcript.check("report-en")
    }

    func testTheWeeklyReportInChinese() throws {
        try Transcript.check("report-zh")
    }
}

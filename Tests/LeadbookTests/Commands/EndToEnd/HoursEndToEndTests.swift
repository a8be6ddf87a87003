import XCTest

/// Business hours and holidays on the agenda and in explain, `--as-of` as known at that
/// moment, `import` assigning the owners it sets, and the 24-hour rule of `log` and
/// `feedback`, in English and Chinese.
final class HoursEndToEndTests: XCTestCase {
    func testBusinessHoursAsOfImportAndTheTwentyFourHourRule() throws {
        try Transcript.check("hours")
    }
}

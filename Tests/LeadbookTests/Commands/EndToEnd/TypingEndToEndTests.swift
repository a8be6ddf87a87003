import XCTest

/// `check` on a file typed with a Chinese keyboard: every mistake in one run, each at its
/// character, in English and in Chinese (Tests/Fixtures/e2e/typing-mistakes).
final class TypingEndToEndTests: XCTestCase {
    func testEveryTypingMistakeIsReportedInOneRunInBothLanguages() throws {
        try Transcript.check("typing-mistakes")
    }
}

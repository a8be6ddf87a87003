import XCTest

/// The feedback loop end to end (Tests/Fixtures/e2e/feedback-loop-en, -zh): feedback with
/// every handling and its deadline, responders as owners, a to-do with its requester, the
/// agendas of the responder and the requester, late answers in the summary.
final class FeedbackLoopEndToEndTests: XCTestCase {
    func testTheFeedbackLoopInEnglish() throws {
        try Transcript.check("feedback-loop-en")
    }

    func testTheFeedbackLoopInChinese() throws {
        try Transcript.check("feedback-loop-zh")
    }
}

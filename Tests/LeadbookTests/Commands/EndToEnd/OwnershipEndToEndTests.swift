import XCTest

/// Ownership follows the grade (`owner-role`, `assign --rebalance`), the score review
/// (`score-reviewer`, the `score-review` agenda item) and the mentors' sections of the agenda,
/// in English and in Chinese; the English case's tree afterwards is compared byte for byte.
final class OwnershipEndToEndTests: XCTestCase {
    func testOwnershipReviewAndMentorsInEnglish() throws {
        try Transcript.check("ownership-en")
    }

    func testOwnershipReviewAndMentorsInChinese() throws {
        try Transcript.check("ownership-zh")
    }
}

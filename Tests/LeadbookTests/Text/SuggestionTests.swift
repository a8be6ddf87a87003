import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class SuggestionTests: XCTestCase {
    func testOneTypoNamesTheCandidate() {
        XCTAssertEqual(Suggestion.closest(to: "contacted", among: ["new", "contacted", "won"]), "contacted")
        XCTAssertEqual(Suggestion.closest(to: "contactd", among: ["new", "contacted", "won"]), "contacted")
        XCTAssertEqual(Suggestion.closest(to: "nwe", among: ["new", "contacted", "won"]), "new")
    }

    func testCaseIsIgnoredAndTheCandidateKeepsItsSpelling() {
        XCTAssertEqual(Suggestion.closest(to: "WON", among: ["new", "won"]), "won")
        XCTAssertEqual(Suggestion.closest(to: "Lost", among: ["lost"]), "lost")
    }

    func testTooFarIsNoSuggestion() {
        XCTAssertNil(Suggestion.closest(to: "xyz", among: ["new", "won"]))
        XCTAssertNil(Suggestion.closest(to: "negotiation-stage-two", among: ["negotiating"]))
        XCTAssertNil(Suggestion.closest(to: "", among: ["new"]))
    }

    func testLongAndShortCandidatesDoNotHideTheNearOne() {
        let candidates = [String(repeating: "w", count: 40), "a", "wom", "qualified"]
        XCTAssertEqual(Suggestion.closest(to: "won", among: candidates), "wom")
        XCTAssertEqual(Suggestion.closest(to: "qualifed", among: candidates), "qualified")
    }

    func testChineseNamesCountScalars() {
        XCTAssertEqual(Suggestion.closest(to: "张伟", among: ["张伟", "李娜"]), "张伟")
        XCTAssertEqual(Suggestion.closest(to: "张玮", among: ["张伟", "李娜"]), "张伟")
        XCTAssertNil(Suggestion.closest(to: "王芳芳", among: ["张伟", "李娜"]))
    }

    func testDistanceCountsASwapOfNeighboursAsOne() {
        XCTAssertEqual(Suggestion.editDistance(Array("ab".unicodeScalars), Array("ba".unicodeScalars)), 1)
        XCTAssertEqual(Suggestion.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)), 3)
        XCTAssertEqual(Suggestion.editDistance([], Array("abc".unicodeScalars)), 3)
    }
}

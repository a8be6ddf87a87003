import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The structure of an index file: which lines are leadbook's and which are the team's.
final class IndexMarkerTests: XCTestCase {
    func scan(_ text: String) -> (events: [IndexMarkerScanner.Event], problems: [IndexMarkerScanner.Problem], seen: [IndexTable: Int]) {
        var scanner = IndexMarkerScanner()
        var events: [IndexMarkerScanner.Event] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            IndexFile.forEachLine(buffer) { line, number, _, _ in
                events.append(scanner.feed(line, number: number))
            }
        }
        scanner.finish()
        return (events, scanner.problems, scanner.seen)
    }

    func testTablesAndTheTeamsText() {
        let result = scan("""
        # 我们的索引
        <!-- leadbook:begin leads -->
        | a |
        <!-- leadbook:end leads -->
        团队的说明
          <!--   leadbook:begin   grading   -->\r
        <!-- leadbook:end grading -->
        """)
        XCTAssertEqual(result.events, [.outside, .begin(.leads), .inside(.leads), .end(.leads), .outside, .begin(.grading), .end(.grading)])
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.seen, [.leads: 2, .grading: 6])
    }

    func testMarkersInACodeFenceAreText() {
        let result = scan("""
        ```markdown
        <!-- leadbook:begin leads -->
        ```
        ~~~~
        <!-- leadbook:end plans -->
        ~~~
        ~~~~
        <!-- leadbook:begin plans -->
        <!-- leadbook:end plans -->
        """)
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.seen, [.plans: 8])
    }

    func testOtherLeadbookCommentsAreTheTeams() {
        let result = scan("<!-- leadbook: generated weekly by CI -->\n<!-- note -->\n")
        XCTAssertEqual(result.events, [.outside, .outside])
        XCTAssertEqual(result.problems, [])
    }

    func testUnknownTableSuggestsTheNearest() {
        let result = scan("<!-- leadbook:begin lead -->\n")
        XCTAssertEqual(result.problems.count, 1)
        XCTAssertEqual(result.problems[0].line, 1)
        XCTAssertTrue(result.problems[0].message.contains("unknown table `lead`"), result.problems[0].message)
        XCTAssertTrue(result.problems[0].hint.contains("did you mean `leads`?"), result.problems[0].hint)
    }

    func testMisspelledVerb() {
        let result = scan("<!-- leadbook:begn leads -->\n")
        XCTAssertEqual(result.problems.first?.message, "`<!-- leadbook:begn leads -->` is not a leadbook marker")
    }

    func testTableTwice() {
        let result = scan("<!-- leadbook:begin plans -->\n<!-- leadbook:end plans -->\n\n<!-- leadbook:begin plans -->\n<!-- leadbook:end plans -->\n")
        XCTAssertEqual(result.problems.map(\.line), [4])
        XCTAssertEqual(result.problems.first?.message, "table plans appears twice (lines 1 and 4)")
    }

    func testEndWithoutBegin() {
        let result = scan("text\n<!-- leadbook:end feedback -->\n")
        XCTAssertEqual(result.problems.map(\.line), [2])
        XCTAssertTrue(result.problems[0].message.contains("without a `<!-- leadbook:begin feedback -->`"))
    }

    func testBeginInsideAnotherTable() {
        let result = scan("<!-- leadbook:begin leads -->\n| a |\n<!-- leadbook:begin grading -->\n")
        XCTAssertEqual(result.problems.map(\.line), [3, 1])
        XCTAssertTrue(result.problems[0].message.contains("inside table leads (begun on line 1)"))
        XCTAssertEqual(result.problems[1].message, "table leads is never closed")
    }

    func testWrongEndInsideATable() {
        let result = scan("<!-- leadbook:begin leads -->\n<!-- leadbook:end grading -->\n<!-- leadbook:end leads -->\n")
        XCTAssertEqual(result.problems.map(\.line), [2])
    }

    func testByteOrderMarkBeforeTheFirstMarker() {
        let result = scan("\u{FEFF}<!-- leadbook:begin leads -->\n<!-- leadbook:end leads -->\n")
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.seen, [.leads: 1])
    }
}

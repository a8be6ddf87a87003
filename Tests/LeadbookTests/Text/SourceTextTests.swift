import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class SourceTextTests: XCTestCase {
    func testLineStartsFollowLineFeeds() {
        var source = SourceText(path: "a", bytes: Array("ab\r\n\nc\rd\n".utf8))
        XCTAssertEqual(source.lineStarts(), [0, 4, 5, 9])
        var empty = SourceText(path: "a", bytes: [])
        XCTAssertEqual(empty.lineStarts(), [0])
    }

    func testLocationsSkipTheBOMAndTheCarriageReturn() {
        var source = SourceText(path: "a", bytes: [0xEF, 0xBB, 0xBF] + Array("a张b\r\nxy".utf8))
        let first = source.location(of: 7)
        XCTAssertEqual(first.line, 1)
        XCTAssertEqual(first.column, 3)
        XCTAssertEqual(first.text, "a张b")
        XCTAssertEqual(first.caret, 3)
        let second = source.location(of: 11)
        XCTAssertEqual(second.line, 2)
        XCTAssertEqual(second.column, 2)
        XCTAssertEqual(second.text, "xy")
    }

    /// Knowing the line gives the same location as finding it.
    func testTheLocationOnAKnownLineIsTheSame() {
        let texts: [[UInt8]] = [
            [], Array("\n".utf8), Array("ab\r\n\r\n张三\rx\n".utf8), [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF] + Array("\r\nk: v\r\n".utf8),
            Array("no line feed\r".utf8),
        ]
        for bytes in texts {
            var source = SourceText(path: "a", bytes: bytes)
            for offset in -1...bytes.count + 1 {
                let found = source.location(of: offset)
                let known = source.location(of: offset, onLine: found.line)
                XCTAssertTrue(found == known, "\(bytes) at \(offset): \(found) vs \(known)")
            }
        }
    }
}

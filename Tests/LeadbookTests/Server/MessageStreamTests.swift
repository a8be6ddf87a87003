import XCTest
@testable import LeadbookServer
@testable import LeadbookText

/// The base protocol's framing: a message split over many reads, several in one read, header
/// fields in any case and order, and headers that cannot be read.
final class MessageStreamTests: XCTestCase {
    let first = MessageStream.frame(.object([("jsonrpc", .string("2.0")), ("method", .string("a")), ("params", .string("华东😀"))]))
    let second = MessageStream.frame(.object([("jsonrpc", .string("2.0")), ("id", .int(2)), ("method", .string("b"))]))

    func bodies(_ items: [MessageStream.Item]) -> [String] {
        items.map { item in
            if case .message(let body) = item { return String(decoding: body, as: UTF8.self) }
            return "problem"
        }
    }

    func testAMessageSplitIntoSingleBytes() {
        var stream = MessageStream()
        var items: [MessageStream.Item] = []
        for byte in first + second { items += stream.append([byte]) }
        XCTAssertEqual(bodies(items), [#"{"jsonrpc":"2.0","method":"a","params":"华东😀"}"#, #"{"jsonrpc":"2.0","id":2,"method":"b"}"#])
        XCTAssertFalse(stream.holdsPartialMessage)
    }

    func testSeveralMessagesInOneRead() {
        var stream = MessageStream()
        XCTAssertEqual(bodies(stream.append(first + second + first)).count, 3)
    }

    func testASplitInsideTheHeaderEnd() {
        var stream = MessageStream()
        let bytes = first
        let cut = Array("Content-Length: ".utf8).count + 3
        XCTAssertEqual(stream.append(Array(bytes[..<cut])), [])
        XCTAssertTrue(stream.holdsPartialMessage)
        XCTAssertEqual(bodies(stream.append(Array(bytes[cut...]))).count, 1)
    }

    func testHeaderFieldsInAnyCaseWithAContentType() {
        var stream = MessageStream()
        let body = Array("{}".utf8)
        let items = stream.append(Array("content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:  2 \r\n\r\n".utf8) + body)
        XCTAssertEqual(items, [.message(body)])
    }

    func testUnreadableHeadersAreProblemsAndReadingGoesOn() {
        var stream = MessageStream()
        let items = stream.append(Array("Content-Length: -3\r\n\r\nX-Nothing\r\n\r\n".utf8) + second)
        XCTAssertEqual(bodies(items), ["problem", "problem", #"{"jsonrpc":"2.0","id":2,"method":"b"}"#])
    }

    func testATooLargeMessageIsSkipped() {
        var stream = MessageStream()
        let size = MessageStream.maxMessageSize + 10
        var items = stream.append(Array("Content-Length: \(size)\r\n\r\n".utf8))
        XCTAssertEqual(bodies(items), ["problem"])
        var left = size
        let chunk = [UInt8](repeating: 0x20, count: 1 << 20)
        while left > 0 {
            let piece = min(left, chunk.count)
            items = stream.append(chunk[0..<piece])
            XCTAssertEqual(items, [])
            left -= piece
        }
        XCTAssertEqual(bodies(stream.append(second)).count, 1)
    }

    func testAHeaderThatNeverEnds() {
        var stream = MessageStream()
        let items = stream.append([UInt8](repeating: UInt8(ascii: "a"), count: MessageStream.maxHeaderSize + 1))
        XCTAssertEqual(bodies(items), ["problem"])
    }
}

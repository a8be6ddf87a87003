import XCTest
@testable import LeadbookText

/// The 128-bit fingerprint of lines and files.
final class LineDigestTests: XCTestCase {
    /// Fed in pieces of any size, the stream gives the digest of the pieces joined.
    func testTheStreamGivesTheDigestOfThePiecesJoined() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        var distinct = Set<LineDigest>()
        for count in Array(0...40) + [63, 64, 65, 1000, 4099] {
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
            let whole = LineDigest.of(bytes)
            distinct.insert(whole)
            for _ in 0..<8 {
                var stream = LineDigest.Stream(count: count)
                var position = 0
                while position < count {
                    let piece = min(count - position, Int(next() % 12))
                    bytes[position..<(position + piece)].withUnsafeBytes { stream.feed($0) }
                    position += piece
                }
                XCTAssertEqual(stream.fed, count)
                XCTAssertEqual(stream.finish(), whole, "\(count) bytes")
            }
        }
        XCTAssertEqual(distinct.count, 46, "different inputs, different digests")
    }
}

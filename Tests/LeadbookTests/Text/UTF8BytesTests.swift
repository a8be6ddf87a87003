import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class UTF8BytesTests: XCTestCase {
    func check(_ bytes: [UInt8]) -> UTF8Bytes.Problem? {
        bytes.withUnsafeBufferPointer { UTF8Bytes.check($0) }
    }

    func testTheFirstNulIsNamedBeforeAnyInvalidSequence() {
        XCTAssertNil(check(Array("a张三 abcdefghijklmnop\r\n".utf8)))
        XCTAssertEqual(check(Array("abc".utf8) + [0x00, 0xFF]), .nul(3))
        XCTAssertEqual(check(Array("abc".utf8) + [0xFF, 0x41, 0x00]), .nul(5))
        XCTAssertEqual(check(Array("abcdefghij".utf8) + [0xE5, 0x00, 0x41]), .nul(11))
        XCTAssertEqual(check(Array("abc".utf8) + [0xC3]), .invalid(3))
        XCTAssertEqual(check([0xE5, 0xBC, 0x41] + Array("abcdefghij".utf8)), .invalid(0))
        XCTAssertEqual(check(Array("abcdefgh".utf8) + [0x80]), .invalid(8))
    }

    func testAppendingAScalarEncodesItAsStringsDo() {
        for value: UInt32 in [0, 0x41, 0x7F, 0x80, 0x85, 0xA0, 0x7FF, 0x800, 0x2028, 0x4E2D, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF] {
            var bytes: [UInt8] = []
            UTF8Bytes.append(value, to: &bytes)
            XCTAssertEqual(bytes, Array(String(Character(Unicode.Scalar(value)!)).utf8), String(value, radix: 16))
        }
    }

    func testBOM() {
        XCTAssertTrue(UTF8Bytes.hasBOM([0xEF, 0xBB, 0xBF]))
        XCTAssertFalse(UTF8Bytes.hasBOM([0xEF, 0xBB]))
        XCTAssertFalse(UTF8Bytes.hasBOM([]))
        XCTAssertFalse(UTF8Bytes.hasBOM(Array("abc".utf8)))
    }

    /// One character at a time, by the table of well-formed sequences (Unicode, table 3-7):
    /// what `check` must find with its fast paths for ASCII words and runs of Chinese.
    static func reference(_ bytes: [UInt8]) -> UTF8Bytes.Problem? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead == 0 { return .nul(index) }
            if lead < 0x80 { index += 1; continue }
            var length = 0, lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: length = 0
            }
            var valid = length > 0 && index + length <= bytes.count
            if valid { valid = bytes[index + 1] >= lower && bytes[index + 1] <= upper }
            if valid { valid = (index + 2..<index + length).allSatisfy { bytes[$0] & 0xC0 == 0x80 } }
            guard valid else {
                if let nul = bytes[index...].firstIndex(of: 0) { return .nul(nul) }
                return .invalid(index)
            }
            index += length
        }
        return nil
    }

    /// Texts made of Chinese runs, ASCII, the edge sequences of each length (overlong, surrogate,
    /// past U+10FFFF), stray and missing continuation bytes and NUL, cut at every length.
    func testTheFastPathsAgreeWithTheTableOfSequences() {
        let pieces: [[UInt8]] = [
            Array("华东云科技".utf8), Array("abcdefgh".utf8), Array("a".utf8), Array("，。：".utf8), Array("é".utf8), Array("😀".utf8),
            [0xE0, 0xA0, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xE1, 0x80, 0x80],
            [0xEC, 0xBF, 0xBF], [0xEE, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xC1, 0xBF], [0xC2, 0x80], [0x80], [0xBF], [0xE4, 0xB8], [0xE4], [0xFF], [0x00], [0x0A], [0xE4, 0xB8, 0x41],
        ]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var problems = 0
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + next(12)) {
                // Mostly valid Chinese and ASCII, so the fast paths run before the odd piece.
                let piece = next(3) == 0 ? pieces[next(pieces.count)] : pieces[next(4)]
                bytes += piece
            }
            for cut in [bytes.count, bytes.count - 1, bytes.count / 2] where cut >= 0 {
                let text = Array(bytes[..<cut])
                let expected = Self.reference(text)
                XCTAssertEqual(check(text), expected, "\(text.map { String($0, radix: 16) })")
                if expected != nil { problems += 1 }
            }
        }
        XCTAssertGreaterThan(problems, 1000)
        XCTAssertLessThan(problems, 8000)
    }
}

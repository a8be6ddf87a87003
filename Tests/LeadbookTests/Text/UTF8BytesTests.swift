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
}

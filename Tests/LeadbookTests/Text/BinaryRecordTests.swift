import XCTest
@testable import LeadbookText

/// The cache's record encoding: every value reads back as written, and a record cut short or
/// holding nonsense fails the reader instead of trapping.
final class BinaryRecordTests: XCTestCase {
    func testValuesReadBackAsWritten() {
        var writer = BinaryWriter()
        let numbers = [0, 1, -1, 127, 128, -129, Int(Int32.max), Int.min, Int.max]
        for number in numbers { writer.int(number) }
        writer.unsigned(UInt64.max)
        writer.fixed(0x0123_4567_89AB_CDEF)
        writer.text("华东云科技有限公司 · LX2024001")
        writer.optionalText(nil)
        writer.optionalText("")
        writer.optionalInt(-5)
        writer.data([0, 255, 10])
        writer.bool(true)
        writer.bytes.withUnsafeBufferPointer { buffer in
            var reader = BinaryReader(buffer)
            XCTAssertEqual(numbers.map { _ in reader.int() }, numbers)
            XCTAssertEqual(reader.unsigned(), UInt64.max)
            XCTAssertEqual(reader.fixed(), 0x0123_4567_89AB_CDEF)
            XCTAssertEqual(reader.text(), "华东云科技有限公司 · LX2024001")
            XCTAssertNil(reader.optionalText())
            XCTAssertEqual(reader.optionalText(), "")
            XCTAssertEqual(reader.optionalInt(), -5)
            XCTAssertEqual(reader.data(), [0, 255, 10])
            XCTAssertTrue(reader.bool())
            XCTAssertTrue(reader.isComplete)
        }
    }

    func testACutOrBrokenRecordFailsTheReader() {
        var writer = BinaryWriter()
        writer.text("a text long enough to be cut")
        writer.int(300)
        for cut in 0..<writer.bytes.count {
            Array(writer.bytes[0..<cut]).withUnsafeBufferPointer { buffer in
                var reader = BinaryReader(buffer)
                _ = reader.text()
                _ = reader.int()
                XCTAssertFalse(reader.isComplete, "cut at \(cut)")
            }
        }
        // A length beyond the end, a bool that is neither 0 nor 1, a varint of more than 64 bits.
        for bytes: [UInt8] in [[0xFF, 0xFF, 0x03, 0x41], [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]] {
            bytes.withUnsafeBufferPointer { buffer in
                var reader = BinaryReader(buffer)
                XCTAssertEqual(reader.text(), "")
                XCTAssertTrue(reader.failed, "\(bytes)")
            }
        }
        [UInt8(7)].withUnsafeBufferPointer { buffer in
            var reader = BinaryReader(buffer)
            XCTAssertFalse(reader.bool())
            XCTAssertTrue(reader.failed)
        }
        // Past the end of its range, nothing is read.
        [UInt8]([1, 2, 3]).withUnsafeBufferPointer { buffer in
            var reader = BinaryReader(buffer, range: 0..<10)
            XCTAssertTrue(reader.failed)
            XCTAssertEqual(reader.byte(), 0)
        }
    }

    /// The sizes the cache adds up before writing itself in pieces are what the writer writes.
    func testTheSizesOfNumbersAndDataAreWhatIsWritten() {
        for value: UInt64 in [0, 1, 127, 128, 255, 16_383, 16_384, 1 << 35, UInt64.max] {
            var writer = BinaryWriter()
            writer.unsigned(value)
            XCTAssertEqual(BinaryWriter.unsignedSize(value), writer.bytes.count, "\(value)")
        }
        for count in [0, 5, 127, 128, 300, 20_000] {
            var writer = BinaryWriter()
            writer.data([UInt8](repeating: 7, count: count))
            XCTAssertEqual(BinaryWriter.dataSize(count), writer.bytes.count, "\(count)")
        }
    }
}

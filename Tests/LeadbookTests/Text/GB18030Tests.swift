import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class GB18030Tests: XCTestCase {
    func decoded(_ bytes: [UInt8]) -> String? {
        guard case .success(let utf8) = GB18030.decode(bytes) else { return nil }
        return String(decoding: utf8, as: UTF8.self)
    }

    func invalidOffset(_ bytes: [UInt8]) -> Int? {
        guard case .failure(let invalid) = GB18030.decode(bytes) else { return nil }
        return invalid.offset
    }

    /// Sequences whose meaning is fixed by GB 18030 itself (and GB2312 / GBK before it).
    func testKnownSequences() {
        XCTAssertEqual(decoded([0x41, 0x2C, 0x0D, 0x0A]), "A,\r\n")
        XCTAssertEqual(decoded([0xC4, 0xE3, 0xBA, 0xC3]), "你好")                  // GB2312
        XCTAssertEqual(decoded([0xBB, 0xAA, 0xB6, 0xAB, 0xD4, 0xC6]), "华东云")
        XCTAssertEqual(decoded([0x81, 0x40]), "\u{4E02}")                          // GBK extension
        XCTAssertEqual(decoded([0xA1, 0xA1]), "\u{3000}")                          // ideographic space
        XCTAssertEqual(decoded([0xA3, 0xAC]), "，")                                 // full-width comma
        XCTAssertEqual(decoded([0xA2, 0xE3]), "€")
        XCTAssertEqual(decoded([0x80]), "€", "Windows code page 936")
        XCTAssertEqual(decoded([0x81, 0x30, 0x81, 0x30]), "\u{80}")                // first four-byte sequence
        XCTAssertEqual(decoded([0x81, 0x30, 0x81, 0x31]), "\u{81}")
        XCTAssertEqual(decoded([0x84, 0x31, 0xA4, 0x39]), "\u{FFFF}")              // last one in the BMP
        XCTAssertEqual(decoded([0x90, 0x30, 0x81, 0x30]), "\u{10000}")
        XCTAssertEqual(decoded([0x95, 0x32, 0x82, 0x36]), "\u{20000}")             // 𠀀, CJK extension B
        XCTAssertEqual(decoded([0xE3, 0x32, 0x9A, 0x35]), "\u{10FFFF}")
    }

    func testInvalidSequencesAreFoundAtTheirFirstByte() {
        XCTAssertEqual(invalidOffset([0x41, 0xFF]), 1)
        XCTAssertEqual(invalidOffset([0x41, 0x81]), 1, "a lead byte at the end")
        XCTAssertEqual(invalidOffset([0x41, 0x42, 0x81, 0x20]), 2, "a lead byte before ASCII")
        XCTAssertEqual(invalidOffset([0x81, 0x7F]), 0)
        XCTAssertEqual(invalidOffset([0x81, 0x30, 0x81]), 0, "a truncated four-byte sequence")
        XCTAssertEqual(invalidOffset([0x81, 0x30, 0x20, 0x30]), 0)
        XCTAssertEqual(invalidOffset([0x84, 0x31, 0xA5, 0x30]), 0, "past the BMP sequences")
        XCTAssertEqual(invalidOffset([0x85, 0x30, 0x81, 0x30]), 0, "no four-byte sequences from 0x85 to 0x8F")
        XCTAssertEqual(invalidOffset([0xE3, 0x32, 0x9A, 0x36]), 0, "past U+10FFFF")
        XCTAssertEqual(invalidOffset([0xC4, 0xE3, 0xFE, 0x39, 0xFE, 0x39]), 2)
    }

    /// Every two-byte sequence, every four-byte sequence of the BMP and a sample of the
    /// supplementary planes decode as Python's gb18030 codec decodes them.
    func testTheDecoderAgreesWithPythonsCodec() throws {
        var sequences: [[UInt8]] = []
        for lead in UInt8(0x81)...0xFE {
            for trail in Array(UInt8(0x40)...0x7E) + Array(UInt8(0x80)...0xFE) { sequences.append([lead, trail]) }
        }
        for b1 in UInt8(0x81)...0x84 {
            for b2 in UInt8(0x30)...0x39 {
                for b3 in UInt8(0x81)...0xFE {
                    for b4 in UInt8(0x30)...0x39 { sequences.append([b1, b2, b3, b4]) }
                }
            }
        }
        var linear = 0
        while linear < 0x10FFFF - 0x10000 {
            let b4 = linear % 10, b3 = linear / 10 % 126, b2 = linear / 1260 % 10, b1 = linear / 12600
            sequences.append([UInt8(0x90 + b1), UInt8(0x30 + b2), UInt8(0x81 + b3), UInt8(0x30 + b4)])
            linear += 997
        }
        // One sequence per line; Python answers with the scalar in hex, or "-" when invalid.
        var input: [UInt8] = []
        for sequence in sequences { input += sequence.map { SpreadsheetText.hex($0) }.joined().utf8 + [0x0A] }
        let script = """
        import sys
        for line in sys.stdin.read().split():
            try:
                text = bytes.fromhex(line).decode('gb18030')
                print('%X' % ord(text) if len(text) == 1 else 'many')
            except UnicodeDecodeError:
                print('-')
        """
        let answers = String(decoding: try Python.run(script, input: Data(input)), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(answers.count, sequences.count)
        var mismatches: [String] = []
        for (sequence, answer) in zip(sequences, answers) {
            let ours: String
            switch GB18030.decode(sequence) {
            case .success(let utf8):
                let scalars = String(decoding: utf8, as: UTF8.self).unicodeScalars
                ours = scalars.count == 1 ? String(scalars.first!.value, radix: 16, uppercase: true) : "many"
            case .failure: ours = "-"
            }
            if ours != answer { mismatches.append("\(sequence.map { SpreadsheetText.hex($0) }.joined()): ours \(ours), Python \(answer)") }
        }
        XCTAssertEqual(mismatches.prefix(20), [], "\(mismatches.count) sequences differ from Python")
        XCTAssertGreaterThan(sequences.count, 23_940 + 50_400)
    }

    /// The checked-in table is exactly what Tests/Tools/gb18030_table.py prints.
    func testTheCheckedInTableIsWhatTheScriptGenerates() throws {
        let root = Transcript.packageRoot
        let generated = try Python.runFile(root.appendingPathComponent("Tests/Tools/gb18030_table.py"))
        let checkedIn = try Data(contentsOf: root.appendingPathComponent("Sources/LeadbookText/GB18030Table.swift"))
        XCTAssertTrue(generated == checkedIn,
                      "Sources/LeadbookText/GB18030Table.swift is stale: python3 Tests/Tools/gb18030_table.py > Sources/LeadbookText/GB18030Table.swift")
    }
}

import Foundation
import XCTest
@testable import LeadbookText

/// Inflate against zlib: the committed corpus (Tests/Fixtures/deflate, made by zlib through
/// make_corpus.py), the full corpus and damaged streams judged by Python's zlib when python3 is
/// there, hand-made streams for what zlib never writes (the longest distance, every kind of
/// damage), and the output limit.
final class InflateTests: XCTestCase {
    static let corpusFolder = Transcript.packageRoot.appendingPathComponent("Tests/Fixtures/deflate")
    static let generator = corpusFolder.appendingPathComponent("make_corpus.py")

    struct CorpusStream {
        var name: String
        var stream: [UInt8]
        var size: Int
        var digest: String
    }

    static func committedCorpus() throws -> [CorpusStream] {
        let list = try String(contentsOf: corpusFolder.appendingPathComponent("corpus.txt"), encoding: .utf8)
        return try list.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t").map(String.init)
            let stream = [UInt8](try Data(contentsOf: corpusFolder.appendingPathComponent(fields[0])))
            return CorpusStream(name: fields[0], stream: stream, size: Int(fields[1])!, digest: fields[2])
        }
    }

    func decode(_ stream: [UInt8], limit: Int = 1 << 30) -> Result<[UInt8], InflateError> {
        do {
            return .success(try Inflate.decompress(stream, limit: limit))
        } catch let error as InflateError {
            return .failure(error)
        } catch {
            XCTFail("not an InflateError: \(error)")
            return .failure(InflateError(.badSymbol, offset: -1))
        }
    }

    func kind(_ stream: [UInt8], limit: Int = 1 << 30) -> InflateError.Kind? {
        if case .failure(let error) = decode(stream, limit: limit) { return error.kind }
        return nil
    }

    // MARK: zlib's own streams

    func testTheCommittedCorpusDecodesToWhatZlibCompressed() throws {
        let corpus = try Self.committedCorpus()
        XCTAssertGreaterThan(corpus.count, 60)
        for item in corpus {
            var consumed = -1
            let output = try Inflate.decompress(item.stream, limit: item.size, consumed: &consumed)
            XCTAssertEqual(output.count, item.size, item.name)
            XCTAssertEqual(SHA256.hex(output), item.digest, item.name)
            XCTAssertEqual(consumed, item.stream.count, item.name)
            // The buffer form gives the same.
            let viaBuffer = try item.stream.withUnsafeBytes { try Inflate.decompress($0, limit: item.size) }
            XCTAssertEqual(viaBuffer, output, item.name)
        }
    }

    func testTheFullCorpusAgreesWithPythonsZlib() throws {
        let frames = try Self.frames(Python.run(Self.runGenerator, arguments: [Self.generator.path, "live", Transcript.packageRoot.path]))
        XCTAssertGreaterThan(frames.count, 3000)
        var bytes = 0
        for frame in frames {
            guard case .decodes(let expected) = frame.verdict else { return XCTFail("\(frame.label): zlib refused its own stream") }
            var consumed = 0
            switch Result(catching: { try Inflate.decompress(frame.stream, limit: expected.count, consumed: &consumed) }) {
            case .success(let output):
                if output != expected { XCTFail("\(frame.label): \(output.count) bytes, not the \(expected.count) zlib compressed") }
                XCTAssertEqual(consumed, frame.stream.count, frame.label)
            case .failure(let error):
                XCTFail("\(frame.label): \(error)")
            }
            bytes += expected.count
        }
        print("InflateTests: \(frames.count) zlib streams, \(bytes) bytes decoded, all equal to zlib's input")
    }

    /// Damaged copies of zlib streams (bits flipped, a byte changed, cut short, a piece doubled):
    /// each gives zlib's answer, the same bytes when zlib decodes it and an `InflateError` when
    /// zlib refuses it.
    func testDamagedStreamsGetZlibsVerdict() throws {
        let frames = try Self.frames(Python.run(Self.runGenerator, arguments: [Self.generator.path, "mutants", Transcript.packageRoot.path, "4000"]))
        XCTAssertEqual(frames.count, 4000)
        var refused = 0
        for frame in frames {
            let ours = decode(frame.stream)
            switch (frame.verdict, ours) {
            case (.decodes(let expected), .success(let output)):
                XCTAssertTrue(output == expected, "\(frame.label): decodes to other bytes than zlib's")
            case (.refused, .failure):
                refused += 1
            case (.decodes, .failure(let error)):
                XCTFail("\(frame.label): zlib decodes it, Inflate says \(error) (\(Self.hex(frame.stream)))")
            case (.refused, .success(let output)):
                XCTFail("\(frame.label): zlib refuses it, Inflate decodes \(output.count) bytes (\(Self.hex(frame.stream)))")
            }
        }
        print("InflateTests: \(frames.count) damaged streams, \(refused) refused by both, the others decoded to zlib's bytes")
    }

    /// Without Python: every bit of small corpus streams flipped once, every cut of every
    /// stream. A flip decodes or is an `InflateError` (never a crash, never more than the
    /// limit); a cut is always `.truncated`.
    func testEveryFlipAndCutOfTheCorpusIsDecodedOrRefused() throws {
        let corpus = try Self.committedCorpus()
        var flips = 0, cuts = 0
        for item in corpus {
            var consumed = 0
            _ = try Inflate.decompress(item.stream, limit: item.size, consumed: &consumed)
            for length in stride(from: 0, to: consumed, by: max(1, consumed / 60)) {
                XCTAssertEqual(kind(Array(item.stream[..<length])), .truncated, "\(item.name) cut to \(length)")
                cuts += 1
            }
            guard item.stream.count <= 300 else { continue }
            for bit in 0..<(item.stream.count * 8) {
                var damaged = item.stream
                damaged[bit / 8] ^= 1 << (bit % 8)
                if case .success(let output) = decode(damaged, limit: 1 << 20) {
                    XCTAssertLessThanOrEqual(output.count, 1 << 20)
                }
                flips += 1
            }
        }
        XCTAssertGreaterThan(flips, 2000)
        XCTAssertGreaterThan(cuts, 1000)
        print("InflateTests: \(flips) streams with one bit flipped, \(cuts) cut short, of \(corpus.count) zlib streams")
    }

    // MARK: hand-made streams

    func testEmptyInputAndEmptyBlocks() throws {
        XCTAssertEqual(try? Inflate.decompress([], limit: 10).count, nil)
        XCTAssertEqual(kind([]), .truncated)
        // A final fixed block with only its end code: 1, 01, then 0000000.
        XCTAssertEqual(try Inflate.decompress([0x03, 0x00], limit: 0), [])
        // Empty stored blocks, then a final empty fixed block.
        var writer = BitWriter()
        writer.stored([], final: false)
        writer.stored([], final: false)
        writer.fixed([.literal(65)], final: true)
        XCTAssertEqual(try Inflate.decompress(writer.bytes, limit: 1), [65])
    }

    func testTheLongestDistanceAndTheLongestLengths() throws {
        // 32,768 bytes stored, then a copy from exactly 32,768 back: distance code 29 with
        // 8,191 extra, length 258 both as code 285 and as code 284 with 31 extra.
        var rng = SplitMix(seed: 7)
        let first = (0..<32768).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        var writer = BitWriter()
        writer.stored(first, final: false)
        writer.fixed([.match(length: 258, distance: 32768), .match284(distance: 32768), .literal(0)], final: true)
        let output = try Inflate.decompress(writer.bytes, limit: 32768 + 517)
        XCTAssertEqual(output.count, 32768 + 517)
        XCTAssertEqual(Array(output[32768..<(32768 + 258)]), Array(first[0..<258]))
        XCTAssertEqual(Array(output[(32768 + 258)..<(32768 + 516)]), Array(first[258..<516]))
        try Self.agreeWithZlib([writer.bytes])
    }

    func testOverlappingCopies() throws {
        var writer = BitWriter()
        writer.fixed([.literal(120), .match(length: 258, distance: 1), .literal(49), .literal(50), .literal(51),
                      .match(length: 10, distance: 3), .match(length: 3, distance: 2)], final: true)
        let output = try Inflate.decompress(writer.bytes, limit: 1000)
        let expected = [UInt8](repeating: 120, count: 259) + Array("1231231231231".utf8) + Array("31".utf8) + Array("3".utf8)
        XCTAssertEqual(output, expected)
        try Self.agreeWithZlib([writer.bytes])
    }

    func testStoredBlocksUpTo65535Bytes() throws {
        var rng = SplitMix(seed: 3)
        let block = (0..<65535).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        var writer = BitWriter()
        writer.fixed([.literal(1)], final: false)   // not byte-aligned before the stored block
        writer.stored(block, final: false)
        writer.stored(Array(block[0..<1]), final: true)
        let output = try Inflate.decompress(writer.bytes, limit: 65537)
        XCTAssertEqual(output, [1] + block + [block[0]])
        XCTAssertEqual(kind(writer.bytes, limit: 65536), .tooLarge)
    }

    func testBytesAfterTheFinalBlockAreNotRead() throws {
        var consumed = 0
        let stream: [UInt8] = [0x03, 0x00, 0xFF, 0xFF, 0xFF]
        XCTAssertEqual(try Inflate.decompress(stream, limit: 0, consumed: &consumed), [])
        XCTAssertEqual(consumed, 2)
        var writer = BitWriter()
        writer.stored(Array("abc".utf8), final: true)
        let stored = writer.bytes
        XCTAssertEqual(try Inflate.decompress(stored + [0x07, 0x07], limit: 3, consumed: &consumed), Array("abc".utf8))
        XCTAssertEqual(consumed, stored.count)
    }

    func testEveryKindOfDamageIsItsError() throws {
        var cases: [(String, [UInt8], InflateError.Kind)] = []
        func add(_ name: String, _ kind: InflateError.Kind, _ build: (inout BitWriter) -> Void) {
            var writer = BitWriter()
            build(&writer)
            cases.append((name, writer.bytes, kind))
        }
        add("block type 3", .badBlockType) { $0.bits(1, 1); $0.bits(3, 2) }
        add("stored length and check disagree", .storedLengthMismatch) { $0.bits(1, 1); $0.bits(0, 2); $0.align(); $0.bits(5, 16); $0.bits(0xFFFF ^ 4, 16); $0.raw([1, 2, 3, 4, 5]) }
        add("stored block cut short", .truncated) { $0.bits(1, 1); $0.bits(0, 2); $0.align(); $0.bits(5, 16); $0.bits(0xFFFF ^ 5, 16); $0.raw([1, 2]) }
        add("no final block", .truncated) { $0.stored([1], final: false) }
        add("fixed literal/length symbol 286", .badSymbol) { $0.fixed([.raw(286)], final: true) }
        add("fixed literal/length symbol 287", .badSymbol) { $0.fixed([.raw(287)], final: true) }
        add("fixed distance symbol 30", .badSymbol) { $0.fixed([.literal(1), .raw(257), .rawDistance(30)], final: true) }
        add("fixed distance symbol 31", .badSymbol) { $0.fixed([.literal(1), .raw(257), .rawDistance(31)], final: true) }
        add("distance before the output", .badDistance) { $0.fixed([.literal(1), .match(length: 3, distance: 2)], final: true) }
        add("distance with no output", .badDistance) { $0.fixed([.match(length: 3, distance: 1)], final: true) }
        add("distance past the stored data", .badDistance) { $0.stored([1, 2, 3], final: false); $0.fixed([.match(length: 3, distance: 4)], final: true) }

        let literals = DynamicCode.literalLengths(extra: [:])
        // 2 codes of 4 bits and 28 of 5: a complete code of 30 distances (and 31, 32 unused).
        let distances = [4, 4] + [UInt8](repeating: 5, count: 28) + [5, 0]
        add("287 literal/length codes", .badCodeLengths) { $0.dynamicHeader(literalCount: 287, distanceCount: 30, lengths: literals + [0] + Array(distances[0..<30])) }
        add("31 distance codes", .badCodeLengths) { $0.dynamicHeader(literalCount: 286, distanceCount: 31, lengths: literals + Array(distances[0..<31])) }
        add("repeat with nothing before", .badCodeLengths) { $0.dynamicHeader(literalCount: 286, distanceCount: 30, lengths: literals + Array(distances[0..<30]), repeatFirst: true) }
        add("repeat past the last length", .badCodeLengths) { $0.dynamicHeader(literalCount: 257, distanceCount: 1, lengths: [], repeatPastEnd: true) }
        add("over-subscribed literal/length code", .badCodeLengths) { $0.dynamicHeader(literalCount: 286, distanceCount: 30, lengths: DynamicCode.literalLengths(extra: [0: 7]) + Array(distances[0..<30])) }
        add("incomplete literal/length code", .badCodeLengths) { $0.dynamicHeader(literalCount: 286, distanceCount: 30, lengths: DynamicCode.literalLengths(extra: [0: 9]) + Array(distances[0..<30])) }
        add("over-subscribed distance code", .badCodeLengths) { $0.dynamicHeader(literalCount: 286, distanceCount: 30, lengths: literals + [3] + Array(distances[1..<30])) }
        add("incomplete distance code", .badCodeLengths) { $0.dynamicHeader(literalCount: 286, distanceCount: 30, lengths: literals + [6] + Array(distances[1..<30])) }
        add("no end-of-block code", .badCodeLengths) { $0.dynamicHeader(literalCount: 286, distanceCount: 30, lengths: DynamicCode.literalLengths(extra: [256: 0, 255: 7]) + Array(distances[0..<30])) }
        add("incomplete code-length code", .badCodeLengths) { $0.dynamicHeader(literalCount: 286, distanceCount: 30, lengths: literals + Array(distances[0..<30]), codeLengthCodeIncomplete: true) }
        add("header cut short", .truncated) { $0.bits(0, 1); $0.bits(2, 2); $0.bits(29, 5) }

        for (name, stream, expected) in cases {
            XCTAssertEqual(kind(stream), expected, name)
        }
        try Self.agreeWithZlib(cases.map(\.1), expectRefused: true)
    }

    func testCodeSetsZlibAccepts() throws {
        // One distance code of one bit (incomplete, which zlib allows), no distance code at all
        // in a block of literals, and a literal/length code of one bit plus... the end code.
        var streams: [([UInt8], [UInt8])] = []
        let literals = DynamicCode.literalLengths(extra: [:])
        var one = BitWriter()
        one.dynamic(literalLengths: literals, distanceLengths: [1], symbols: [.literal(7), .match(length: 5, distance: 1)], final: true)
        streams.append((one.bytes, [UInt8](repeating: 7, count: 6)))
        var none = BitWriter()
        none.dynamic(literalLengths: literals, distanceLengths: [0], symbols: [.literal(7), .literal(8)], final: true)
        streams.append((none.bytes, [7, 8]))
        var lone = BitWriter()
        var loneLengths = [UInt8](repeating: 0, count: 257)
        loneLengths[256] = 1
        lone.dynamic(literalLengths: loneLengths, distanceLengths: [0], symbols: [], final: true)
        streams.append((lone.bytes, []))
        for (stream, expected) in streams {
            XCTAssertEqual(try Inflate.decompress(stream, limit: 100), expected)
        }
        // A distance used where there is no distance code.
        var used = BitWriter()
        used.dynamic(literalLengths: literals, distanceLengths: [0], symbols: [.literal(7), .match(length: 3, distance: 1)], final: true)
        XCTAssertEqual(kind(used.bytes), .badSymbol)
        try Self.agreeWithZlib(streams.map(\.0))
        try Self.agreeWithZlib([used.bytes], expectRefused: true)
    }

    // MARK: the limit

    func testTheLimitIsExact() throws {
        var writer = BitWriter()
        writer.fixed([.literal(1), .literal(2), .match(length: 100, distance: 2), .literal(3)], final: true)
        XCTAssertEqual(try Inflate.decompress(writer.bytes, limit: 103).count, 103)
        XCTAssertEqual(kind(writer.bytes, limit: 102), .tooLarge)   // the last literal
        XCTAssertEqual(kind(writer.bytes, limit: 101), .tooLarge)   // inside the copy
        XCTAssertEqual(kind(writer.bytes, limit: 2), .tooLarge)
        XCTAssertEqual(kind(writer.bytes, limit: 1), .tooLarge)
        XCTAssertEqual(kind(writer.bytes, limit: 0), .tooLarge)
        XCTAssertEqual(kind(writer.bytes, limit: -1), .tooLarge)
        var stored = BitWriter()
        stored.stored([UInt8](repeating: 9, count: 1000), final: true)
        XCTAssertEqual(try Inflate.decompress(stored.bytes, limit: 1000).count, 1000)
        XCTAssertEqual(kind(stored.bytes, limit: 999), .tooLarge)
        // 70,000 zeros in a few hundred bytes: stopped at the limit, before the stream's end.
        let bomb = try XCTUnwrap(Self.committedCorpus().first { $0.name.hasPrefix("run-zero-70k.l9") })
        XCTAssertEqual(try Inflate.decompress(bomb.stream, limit: 70000).count, 70000)
        XCTAssertEqual(kind(bomb.stream, limit: 69999), .tooLarge)
        let error = try XCTUnwrap({ () -> InflateError? in
            if case .failure(let error) = decode(bomb.stream, limit: 1000) { return error }
            return nil
        }())
        XCTAssertEqual(error.kind, .tooLarge)
        XCTAssertLessThan(error.offset, bomb.stream.count / 2)
    }

    func testTheErrorSaysWhatIsWrongInBothLanguages() {
        let error = InflateError(.badDistance, offset: 1234)
        XCTAssertTrue(error.phrase.en.contains("byte 1234"), error.phrase.en)
        XCTAssertTrue(error.phrase.zh.contains("第 1234 字节"), error.phrase.zh)
        XCTAssertEqual(Phrase.of(error), error.phrase)
        let kinds: [InflateError.Kind] = [.truncated, .badBlockType, .badCodeLengths, .badSymbol, .badDistance, .storedLengthMismatch, .tooLarge]
        XCTAssertEqual(Set(kinds.map { InflateError($0, offset: 0).phrase.en }).count, kinds.count)
        XCTAssertEqual(Set(kinds.map { InflateError($0, offset: 0).phrase.zh }).count, kinds.count)
    }

    func testSHA256OfTheTestsIsSHA256() {
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array(String(repeating: "a", count: 1_000_000).utf8)), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    // MARK: Python's zlib

    static let runGenerator = "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')"

    enum Verdict { case decodes([UInt8]), refused }
    struct Frame { var label: String; var stream: [UInt8]; var verdict: Verdict }

    static func frames(_ data: Data) throws -> [Frame] {
        let bytes = [UInt8](data)
        var at = 0
        func field() throws -> [UInt8] {
            guard at + 4 <= bytes.count else { throw CocoaError(.fileReadCorruptFile) }
            let length = Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
            at += 4
            guard at + length <= bytes.count else { throw CocoaError(.fileReadCorruptFile) }
            defer { at += length }
            return Array(bytes[at..<(at + length)])
        }
        var frames: [Frame] = []
        while at < bytes.count {
            let tag = bytes[at]
            at += 1
            let label = String(decoding: try field(), as: UTF8.self)
            let stream = try field()
            frames.append(Frame(label: label, stream: stream, verdict: tag == UInt8(ascii: "S") ? .decodes(try field()) : .refused))
        }
        return frames
    }

    /// Python's zlib (raw, wbits -15) decodes each stream to what Inflate decodes it to, or refuses
    /// it (an error or a stream that does not end) where Inflate refuses it; with `expectRefused`
    /// every stream must be refused.
    static func agreeWithZlib(_ streams: [[UInt8]], expectRefused: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws {
        let script = """
        import sys, zlib
        for line in sys.stdin.read().split():
            d = zlib.decompressobj(-15)
            try:
                out = d.decompress(bytes.fromhex(line))
                print(out.hex() if d.eof else "refused")
            except zlib.error:
                print("refused")
        """
        let input = streams.map { $0.isEmpty ? "" : hex($0) }.joined(separator: "\n")
        let answers = String(decoding: try Python.run(script, input: Data(input.utf8)), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(answers.count, streams.filter { !$0.isEmpty }.count, file: file, line: line)
        for (stream, answer) in zip(streams.filter { !$0.isEmpty }, answers) {
            let ours = (try? Inflate.decompress(stream, limit: 1 << 24)).map(hex) ?? "refused"
            XCTAssertEqual(String(answer), ours, "stream \(hex(stream))", file: file, line: line)
            if expectRefused {
                XCTAssertEqual(answer, "refused", "zlib decodes \(hex(stream))", file: file, line: line)
            }
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

// MARK: writing streams by hand

/// A symbol of a compressed block, as the tests write them.
enum DeflateSymbol {
    case literal(UInt8)
    case match(length: Int, distance: Int)
    /// Length 258 written as code 284 with 31 extra bits, which zlib never writes.
    case match284(distance: Int)
    /// A literal/length symbol written as it is (286, 287 have fixed codes).
    case raw(Int)
    /// A distance symbol with no extra bits.
    case rawDistance(Int)
}

/// Writes DEFLATE bits, least significant first; Huffman codes most significant bit first.
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var bitCount = 0

    mutating func bits(_ value: Int, _ count: Int) {
        for i in 0..<count {
            if bitCount % 8 == 0 { bytes.append(0) }
            if value >> i & 1 == 1 { bytes[bytes.count - 1] |= 1 << (bitCount % 8) }
            bitCount += 1
        }
    }

    mutating func code(_ code: Int, _ length: Int) {
        for i in stride(from: length - 1, through: 0, by: -1) { bits(code >> i & 1, 1) }
    }

    mutating func align() { bitCount = bytes.count * 8 }

    mutating func raw(_ data: [UInt8]) {
        align()
        bytes += data
        bitCount = bytes.count * 8
    }

    mutating func stored(_ data: [UInt8], final: Bool) {
        bits(final ? 1 : 0, 1)
        bits(0, 2)
        align()
        bits(data.count, 16)
        bits(data.count ^ 0xFFFF, 16)
        raw(data)
    }

    static let fixedLiteralLengths: [UInt8] = (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 }

    mutating func fixed(_ symbols: [DeflateSymbol], final: Bool) {
        bits(final ? 1 : 0, 1)
        bits(1, 2)
        write(symbols + [.raw(256)], literals: DynamicCode.codes(Self.fixedLiteralLengths), distances: DynamicCode.codes([UInt8](repeating: 5, count: 32)))
    }

    /// A dynamic block: the header with the code lengths written one by one, then the symbols.
    mutating func dynamic(literalLengths: [UInt8], distanceLengths: [UInt8], symbols: [DeflateSymbol], final: Bool) {
        bits(final ? 1 : 0, 1)
        dynamicHeader(literalCount: literalLengths.count, distanceCount: distanceLengths.count, lengths: literalLengths + distanceLengths)
        write(symbols + [.raw(256)], literals: DynamicCode.codes(literalLengths), distances: DynamicCode.codes(distanceLengths))
    }

    /// BTYPE 2 and a dynamic block's header (the final bit is the caller's, or 0 when the
    /// stream starts here). Code lengths 0-12 have 4-bit codes and 13-18 5-bit codes, a
    /// complete code; `codeLengthCodeIncomplete` leaves code length 18 without its code.
    mutating func dynamicHeader(literalCount: Int, distanceCount: Int, lengths: [UInt8], repeatFirst: Bool = false,
                                repeatPastEnd: Bool = false, codeLengthCodeIncomplete: Bool = false) {
        if bytes.isEmpty { bits(1, 1) }
        bits(2, 2)
        bits(literalCount - 257, 5)
        bits(distanceCount - 1, 5)
        bits(19 - 4, 4)
        var codeLengthLengths = (0..<19).map { UInt8($0 < 13 ? 4 : 5) }
        if codeLengthCodeIncomplete { codeLengthLengths[18] = 0 }
        for symbol in [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15] { bits(Int(codeLengthLengths[symbol]), 3) }
        let codes = DynamicCode.codes(codeLengthLengths)
        if repeatFirst {
            code(codes[16].code, codes[16].length)
            bits(0, 2)
        }
        for length in lengths { code(codes[Int(length)].code, codes[Int(length)].length) }
        if repeatPastEnd {
            // 138 zeros, then 138 more, where only 258 lengths are wanted.
            code(codes[18].code, codes[18].length)
            bits(127, 7)
            code(codes[18].code, codes[18].length)
            bits(127, 7)
        }
    }

    private mutating func write(_ symbols: [DeflateSymbol], literals: [(code: Int, length: Int)], distances: [(code: Int, length: Int)]) {
        func literal(_ symbol: Int) { code(literals[symbol].code, literals[symbol].length) }
        func distance(_ value: Int) {
            let bases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
            let extras = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
            let symbol = bases.lastIndex { $0 <= value }!
            code(distances[symbol].code, distances[symbol].length)
            bits(value - bases[symbol], extras[symbol])
        }
        for symbol in symbols {
            switch symbol {
            case .literal(let byte): literal(Int(byte))
            case .raw(let value): literal(value)
            case .rawDistance(let value): code(distances[value].code, distances[value].length)
            case .match284(let value):
                literal(284)
                bits(31, 5)
                distance(value)
            case .match(let length, let value):
                let bases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
                let extras = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
                let index = bases.lastIndex { $0 <= length }!
                literal(257 + index)
                bits(length - bases[index], extras[index])
                distance(value)
            }
        }
    }
}

/// Canonical Huffman codes of a list of code lengths (RFC 1951 3.2.2), for writing.
enum DynamicCode {
    static func codes(_ lengths: [UInt8]) -> [(code: Int, length: Int)] {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths where length > 0 { counts[Int(length)] += 1 }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for bits in 1..<16 {
            code = (code + counts[bits - 1]) << 1
            next[bits] = code
        }
        return lengths.map { length in
            guard length > 0 else { return (0, 0) }
            defer { next[Int(length)] += 1 }
            return (next[Int(length)], Int(length))
        }
    }

    /// 286 literal/length code lengths making a complete code (the fixed code's shape, with
    /// 286 and 287 folded in), with some lengths changed.
    static func literalLengths(extra: [Int: UInt8]) -> [UInt8] {
        // 0-143: 8 bits, 144-255: 9, 256-279: 7, 280-285: 8 bits. 144/256 + 112/512 + 24/128 +
        // 6/256 = 504/512; two codes of 8 bits more would fill it, so 284 and 285 get 7 bits.
        var lengths: [UInt8] = (0..<286).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 }
        lengths[284] = 7
        lengths[285] = 7
        for (symbol, length) in extra { lengths[symbol] = length }
        return lengths
    }
}

/// A small deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// SHA-256 (FIPS 180-4), to compare decoded bytes with the corpus' digests.
enum SHA256 {
    static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    static func hex(_ message: [UInt8]) -> String {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var data = message
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        let bitLength = UInt64(message.count) * 8
        for i in (0..<8).reversed() { data.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        var w = [UInt32](repeating: 0, count: 64)
        func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        for chunk in stride(from: 0, to: data.count, by: 64) {
            for i in 0..<16 {
                w[i] = UInt32(data[chunk + 4 * i]) << 24 | UInt32(data[chunk + 4 * i + 1]) << 16 | UInt32(data[chunk + 4 * i + 2]) << 8 | UInt32(data[chunk + 4 * i + 3])
            }
            for i in 16..<64 {
                let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for i in 0..<64 {
                let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
                let choice = (e & f) ^ (~e & g)
                let t1 = hh &+ s1 &+ choice &+ k[i] &+ w[i]
                let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
                let majority = (a & b) ^ (a & c) ^ (b & c)
                let t2 = s0 &+ majority
                (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            h = [h[0] &+ a, h[1] &+ b, h[2] &+ c, h[3] &+ d, h[4] &+ e, h[5] &+ f, h[6] &+ g, h[7] &+ hh]
        }
        return h.map { word in (0..<4).map { String(format: "%02x", UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32($0)))) }.joined() }.joined()
    }
}

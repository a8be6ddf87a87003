import Foundation
import XCTest
@testable import LeadbookText

/// `JSONReader` reads RFC 8259 exactly: what it accepts and refuses is compared with Python's
/// `json` (strict: no NaN or Infinity) over a corpus of valid, invalid and mutated texts, and
/// the decisions the RFC leaves open are pinned down.
final class JSONReaderTests: XCTestCase {
    func read(_ text: String) -> JSON? { try? JSONReader.read(text).get() }

    func testValuesOfEveryKind() {
        XCTAssertEqual(read(#" {"a": [1, -2.5e3, true, false, null, "x"], "b": {}} "#),
                       .object([("a", .array([.int(1), .double(-2500), .bool(true), .bool(false), .null, .string("x")])), ("b", .object([]))]))
        XCTAssertEqual(read("[]"), .array([]))
        XCTAssertEqual(read("0"), .int(0))
        XCTAssertEqual(read("-0.0")?.rendered(), "-0.0")
        XCTAssertEqual(read("12345678901234567890"), .double(12345678901234567168))
        XCTAssertEqual(read("1E400"), .double(.infinity))
    }

    func testStringsWithEscapesAndSurrogatePairs() {
        XCTAssertEqual(read(#""\"\\\/\b\f\n\r\t\u0041\u4e2d""#), .string("\"\\/\u{08}\u{0C}\n\r\tA中"))
        XCTAssertEqual(read(#""\ud83d\ude00 𠀋""#), .string("😀 𠀋"))
        // Lone surrogates become U+FFFD; a high one before another pair leaves that pair whole.
        XCTAssertEqual(read(#""\ud800""#), .string("\u{FFFD}"))
        XCTAssertEqual(read(#""\udc00x""#), .string("\u{FFFD}x"))
        XCTAssertEqual(read(#""\ud800\ud83d\ude00""#), .string("\u{FFFD}😀"))
        XCTAssertEqual(read(#""\ud800\u0041""#), .string("\u{FFFD}A"))
    }

    func testDuplicateKeysLastWinsAtTheFirstPlace() {
        XCTAssertEqual(read(#"{"a": 1, "b": 2, "a": 3}"#), .object([("a", .int(3)), ("b", .int(2))]))
        XCTAssertEqual(read(#"{"a": 1, "a": 3}"#)?["a"], .int(3))
    }

    func testWhatIsNotJSON() {
        for text in ["", " ", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "-", "+1", "1e", "NaN", "Infinity", "[1 2]", "{'a': 1}",
                     "\"\t\"", "\"\\x\"", "\"\\u12\"", "tru", "nul", "[1]x", "\u{FEFF}[]", "{\"a\" 1}", "[", "\"abc", "/* */ 1",
                     "\u{00A0}1"] {
            XCTAssertNil(read(text), text.debugDescription)
        }
        XCTAssertNil(try? JSONReader.read([0x22, 0xC3, 0x28, 0x22]).get(), "invalid UTF-8")
        XCTAssertNil(try? JSONReader.read([0x22, 0xED, 0xA0, 0x80, 0x22]).get(), "an encoded surrogate")
        XCTAssertNil(try? JSONReader.read([0x22, 0xC0, 0xAF, 0x22]).get(), "an overlong form")
        XCTAssertNil(try? JSONReader.read([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]).get(), "above U+10FFFF")
        XCTAssertNil(try? JSONReader.read([0x22, 0xE4, 0xB8]).get(), "cut in a character")
    }

    func testTheProblemSaysWhereAndWhat() {
        guard case .failure(let problem) = JSONReader.read("[1, 2,, 3]") else { return XCTFail("read") }
        XCTAssertEqual(problem.offset, 6)
        XCTAssertEqual(problem.kind, .unexpectedByte(UInt8(ascii: ",")))
        // Said counting from 1, as people count: the second comma is the 7th byte.
        XCTAssertTrue(problem.phrase.zh.contains("第 7 个字节"), problem.phrase.zh)
        XCTAssertTrue(problem.phrase.en.hasSuffix("(byte 7)"), problem.phrase.en)
    }

    /// A long string of many escapes (a customer file of 80,000 lines sent by an editor) reads
    /// to its text; each escape appends to the bytes gathered, never copies the string so far.
    func testALongStringOfManyEscapes() {
        let lines = (1...80_000).map { "- 背景: 第\($0)行" }
        let escaped = lines.joined(separator: "\\n")
        guard case .success(.string(let text)) = JSONReader.read("\"\(escaped)\"") else { return XCTFail("read") }
        XCTAssertEqual(text, lines.joined(separator: "\n"))
    }

    /// Nesting is limited, so no input exhausts the stack; the limit itself is accepted.
    func testDeepNestingIsRefusedWithoutACrash() {
        let limit = JSONReader.maxDepth
        XCTAssertNotNil(read(String(repeating: "[", count: limit) + String(repeating: "]", count: limit)))
        guard case .failure(let problem) = JSONReader.read(String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)) else {
            return XCTFail("too deep")
        }
        XCTAssertEqual(problem.kind, .tooDeep)
        XCTAssertNil(read(String(repeating: "{\"a\":", count: 100_000)))
    }

    func testWhatTheWriterWritesReadsBack() {
        let value: JSON = .object([("text", .string("客户 \"A\"\n\u{01}😀\u{2028}")), ("n", .array([.int(-3), .double(0.25), .null]))])
        XCTAssertEqual(read(value.rendered(indent: nil)), value)
        XCTAssertEqual(read(value.rendered(indent: 2)), value)
    }

    // MARK: against Python's json

    /// The corpus: texts written by hand around every rule of the grammar, and mutations of
    /// them (a byte dropped, doubled, replaced) from a fixed seed.
    static func corpus() -> [[UInt8]] {
        let seeds = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"file:///tmp/ws","capabilities":{}}}"#,
            #"[1, -0, 0.5, -1.25e-3, 1E+2, 3e400, 123456789012345678901234, true, false, null]"#,
            #"{"a":"\u00e9\u4e2d\ud83d\ude00\ud800\udc00","b":"\/\b\f\n\r\t\\\"","a":[{}]}"#,
            #"  "华东云科技 😀 𠀋"  "#, #"{"":{"":[[[]]]}}"#, "\"\\ud800\"", "\"\\udc00\\ud800\"", "[\"\\ud83dx\"]",
            #"{"textDocument":{"uri":"file:///ws/customers/LX2024001.md","version":3},"contentChanges":[{"range":{"start":{"line":0,"character":5},"end":{"line":0,"character":7}},"text":"客户"}]}"#,
            "[1,2", "{\"a\":}", "[01]", "[1.e1]", "\"\u{7F}\"", "[-]", "{\"a\":1 \"b\":2}", "\t[\r\n]\n",
        ]
        var texts = seeds.map { Array($0.utf8) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let alphabet = Array(#"{}[],:"\\u0123456789abcdefeE+-.tfn ud83dde00 中"#.utf8) + [0x09, 0x0A, 0x00, 0x1F, 0xC3, 0xA9, 0xFF]
        for seed in seeds.map({ Array($0.utf8) }) where !seed.isEmpty {
            for _ in 0..<60 {
                var text = seed
                for _ in 0..<(1 + next() % 3) {
                    guard !text.isEmpty else { break }
                    let at = next() % text.count
                    switch next() % 3 {
                    case 0: text.remove(at: at)
                    case 1: text.insert(text[at], at: at)
                    default: text[at] = alphabet[next() % alphabet.count]
                    }
                }
                texts.append(text)
            }
        }
        return texts
    }

    /// A canonical form of a value both sides print: numbers by their IEEE bits, strings by
    /// their UTF-8 in hex, objects in order.
    static func canonical(_ value: JSON) -> String {
        switch value {
        case .null: return "n"
        case .bool(let value): return value ? "t" : "f"
        case .int(let value): return "d" + hex(Double(value))
        case .double(let value): return "d" + hex(value)
        case .string(let value): return "s" + value.utf8.map { String(format: "%02x", $0) }.joined() + ";"
        case .array(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { canonical(.string($0.0)) + ":" + canonical($0.1) }.joined(separator: ",") + "}"
        }
    }

    static func hex(_ value: Double) -> String { String(format: "%016llx", value.bitPattern) }

    func testAgreesWithPythonsJSON() throws {
        let corpus = Self.corpus()
        var input = Data()
        for text in corpus {
            input.append(contentsOf: Array("\(text.count)\n".utf8))
            input.append(contentsOf: text)
        }
        let script = #"""
import sys, json, struct
data = sys.stdin.buffer.read()
def fix(s):
    # Lone surrogates (Python keeps them in a str) as U+FFFD, as JSONReader reads them.
    return s.encode('utf-16-le', 'surrogatepass').decode('utf-16-le', 'replace')
def canon(v):
    if v is None: return 'n'
    if v is True: return 't'
    if v is False: return 'f'
    if isinstance(v, (int, float)): return 'd' + struct.pack('>d', float(v)).hex()
    if isinstance(v, str): return 's' + fix(v).encode('utf-8').hex() + ';'
    if isinstance(v, list): return '[' + ','.join(canon(x) for x in v) + ']'
    return '{' + ','.join(canon(k) + ':' + canon(x) for k, x in v.items()) + '}'
def refuse(name): raise ValueError(name)
out = []
i = 0
while i < len(data):
    n = data.index(b'\n', i)
    size = int(data[i:n]); text = data[n + 1:n + 1 + size]; i = n + 1 + size
    try:
        v = json.loads(text.decode('utf-8'), parse_constant=refuse)
        out.append('ok ' + canon(v))
    except (ValueError, RecursionError, OverflowError):
        out.append('error')
sys.stdout.write('\n'.join(out) + '\n')
"""#
        let output = String(decoding: try Python.run(script, input: input), as: UTF8.self)
        let expected = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        XCTAssertEqual(expected.count, corpus.count)
        var accepted = 0, refused = 0
        for (text, python) in zip(corpus, expected) {
            let ours: String
            switch JSONReader.read(text) {
            case .success(let value): ours = "ok " + Self.canonical(value); accepted += 1
            case .failure: ours = "error"; refused += 1
            }
            XCTAssertEqual(ours, python, String(decoding: text, as: UTF8.self).debugDescription)
        }
        XCTAssertGreaterThan(accepted, 50)
        XCTAssertGreaterThan(refused, 200)
    }
}

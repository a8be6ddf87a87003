/// Reads JSON text (RFC 8259) from UTF-8 bytes into a `JSON` value: what the language server
/// receives. Exactly the grammar of the RFC: no comments, no trailing commas, no `NaN`, no byte
/// order mark, whitespace only of the four kinds it names, the text valid UTF-8. Decisions
/// where the RFC leaves a choice to the reader:
///
/// - a member name given twice: the last value wins, at the place of the first (as Python's
///   `json` reads it);
/// - a `\u` escape of a lone surrogate (a high one not followed by a low one, or a low one
///   alone) becomes U+FFFD, as a Swift string cannot hold it;
/// - a number without fraction or exponent that fits in `Int` is `.int`, any other `.double`
///   (the nearest one; a number out of `Double`'s range is infinite, as `strtod` reads it);
/// - nesting deeper than `maxDepth` arrays and objects is refused, so no input exhausts the stack.
public struct JSONReader {
    /// Arrays and objects inside each other at most.
    public static let maxDepth = 512

    /// Why a text is not JSON, and at which byte.
    public struct Problem: Error, Equatable, Sendable {
        public enum Kind: Sendable, Equatable {
            case unexpectedEnd
            case unexpectedByte(UInt8)
            case invalidUTF8
            case controlCharacterInString
            case invalidEscape
            case invalidNumber
            case tooDeep
            case trailingText
        }

        public var kind: Kind
        public var offset: Int

        public var phrase: Phrase {
            let said: Phrase
            switch kind {
            case .unexpectedEnd: said = Phrase("the text ends before the JSON value does", "JSON 值还没写完，文本就结束了")
            case .unexpectedByte(let byte):
                let shown = byte >= 0x20 && byte < 0x7F ? "`\(Character(Unicode.Scalar(byte)))`" : "0x" + String(byte, radix: 16)
                said = Phrase("unexpected \(shown)", "这里不应该出现 \(shown)")
            case .invalidUTF8: said = Phrase("the text is not valid UTF-8", "文本不是有效的 UTF-8")
            case .controlCharacterInString: said = Phrase("a control character inside a string (write it as an escape such as `\\n`)",
                                                          "字符串里有控制字符（要写成 `\\n` 这样的转义）")
            case .invalidEscape: said = Phrase("an invalid escape in a string", "字符串里有无效的转义")
            case .invalidNumber: said = Phrase("an invalid number", "无效的数字")
            case .tooDeep: said = Phrase("arrays and objects nested deeper than \(JSONReader.maxDepth) levels",
                                         "数组和对象嵌套超过 \(JSONReader.maxDepth) 层")
            case .trailingText: said = Phrase("more text after the JSON value", "JSON 值后面还有多余的文本")
            }
            return said + Phrase(" (byte \(offset + 1))", "（第 \(offset + 1) 个字节）")
        }
    }

    /// The value of the whole text, or why it is not JSON.
    public static func read(_ bytes: [UInt8]) -> Result<JSON, Problem> {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            do {
                reader.skipSpace()
                let value = try reader.value(depth: 0)
                reader.skipSpace()
                guard reader.position == buffer.count else { throw Problem(kind: .trailingText, offset: reader.position) }
                return .success(value)
            } catch let problem as Problem {
                return .failure(problem)
            } catch {
                return .failure(Problem(kind: .unexpectedEnd, offset: reader.position))
            }
        }
    }

    public static func read(_ text: String) -> Result<JSON, Problem> { read(Array(text.utf8)) }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private func problem(_ kind: Problem.Kind) -> Problem { Problem(kind: kind, offset: position) }

    private func peek() throws -> UInt8 {
        guard position < bytes.count else { throw problem(.unexpectedEnd) }
        return bytes[position]
    }

    private mutating func expect(_ word: String) throws {
        for expected in word.utf8 {
            let byte = try peek()
            guard byte == expected else { throw problem(.unexpectedByte(byte)) }
            position += 1
        }
    }

    private mutating func value(depth: Int) throws -> JSON {
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "{"):
            guard depth < Self.maxDepth else { throw problem(.tooDeep) }
            return try object(depth: depth + 1)
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { throw problem(.tooDeep) }
            return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw problem(.unexpectedByte(byte))
        }
    }

    private mutating func object(depth: Int) throws -> JSON {
        position += 1
        var members: [(String, JSON)] = []
        var places: [String: Int] = [:]
        skipSpace()
        if try peek() == UInt8(ascii: "}") { position += 1; return .object([]) }
        while true {
            skipSpace()
            let byte = try peek()
            guard byte == UInt8(ascii: "\"") else { throw problem(.unexpectedByte(byte)) }
            let key = try string()
            skipSpace()
            let colon = try peek()
            guard colon == UInt8(ascii: ":") else { throw problem(.unexpectedByte(colon)) }
            position += 1
            skipSpace()
            let member = try value(depth: depth)
            if let place = places[key] {
                members[place].1 = member
            } else {
                places[key] = members.count
                members.append((key, member))
            }
            skipSpace()
            let next = try peek()
            position += 1
            if next == UInt8(ascii: "}") { return .object(members) }
            guard next == UInt8(ascii: ",") else { position -= 1; throw problem(.unexpectedByte(next)) }
        }
    }

    private mutating func array(depth: Int) throws -> JSON {
        position += 1
        var items: [JSON] = []
        skipSpace()
        if try peek() == UInt8(ascii: "]") { position += 1; return .array([]) }
        while true {
            skipSpace()
            items.append(try value(depth: depth))
            skipSpace()
            let next = try peek()
            position += 1
            if next == UInt8(ascii: "]") { return .array(items) }
            guard next == UInt8(ascii: ",") else { position -= 1; throw problem(.unexpectedByte(next)) }
        }
    }

    private mutating func hexQuad() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try peek()
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw problem(.invalidEscape)
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func string() throws -> String {
        position += 1
        // The string's UTF-8, gathered as bytes (runs copied whole, escapes encoded) and made a
        // String once: appending to a String's scalars copies it again and again.
        var utf8: [UInt8] = []
        var runStart = position
        func flushRun(_ end: Int) {
            if end > runStart { utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
        }
        func append(_ scalar: Unicode.Scalar) {
            utf8.append(contentsOf: UTF8.encode(scalar)!)
        }
        while true {
            let byte = try peek()
            switch byte {
            case UInt8(ascii: "\""):
                flushRun(position)
                position += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                flushRun(position)
                position += 1
                let escape = try peek()
                position += 1
                switch escape {
                case UInt8(ascii: "\""): append("\"")
                case UInt8(ascii: "\\"): append("\\")
                case UInt8(ascii: "/"): append("/")
                case UInt8(ascii: "b"): append("\u{08}")
                case UInt8(ascii: "f"): append("\u{0C}")
                case UInt8(ascii: "n"): append("\n")
                case UInt8(ascii: "r"): append("\r")
                case UInt8(ascii: "t"): append("\t")
                case UInt8(ascii: "u"):
                    let unit = try hexQuad()
                    if unit >= 0xD800, unit < 0xDC00 {
                        // A high surrogate: a pair when a `\u` low surrogate follows.
                        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                            let saved = position
                            position += 2
                            let low = try hexQuad()
                            if low >= 0xDC00, low < 0xE000 {
                                append(Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!)
                            } else {
                                append("\u{FFFD}")
                                position = saved
                            }
                        } else {
                            append("\u{FFFD}")
                        }
                    } else if unit >= 0xDC00, unit < 0xE000 {
                        append("\u{FFFD}")
                    } else {
                        append(Unicode.Scalar(unit)!)
                    }
                default:
                    position -= 1
                    throw problem(.invalidEscape)
                }
                runStart = position
            case 0x00..<0x20:
                throw problem(.controlCharacterInString)
            case 0x20..<0x80:
                position += 1
            default:
                try skipScalar(byte)
            }
        }
    }

    /// Steps over one multi-byte UTF-8 scalar (RFC 3629: no overlong forms, no surrogates,
    /// nothing above U+10FFFF).
    private mutating func skipScalar(_ lead: UInt8) throws {
        let count: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: count = 1
        case 0xE0: count = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: count = 2
        case 0xED: count = 2; high = 0x9F
        case 0xF0: count = 3; low = 0x90
        case 0xF1...0xF3: count = 3
        case 0xF4: count = 3; high = 0x8F
        default: throw problem(.invalidUTF8)
        }
        guard position + count < bytes.count else { throw problem(.invalidUTF8) }
        let second = bytes[position + 1]
        guard second >= low, second <= high else { throw problem(.invalidUTF8) }
        var index = 2
        while index <= count {
            guard bytes[position + index] & 0xC0 == 0x80 else { throw problem(.invalidUTF8) }
            index += 1
        }
        position += count + 1
    }

    private mutating func number() throws -> JSON {
        let start = position
        var integral = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let first = try peek()
        if first == UInt8(ascii: "0") {
            position += 1
        } else if first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9") {
            while position < bytes.count, ASCII.isDigit(bytes[position]) { position += 1 }
        } else {
            throw problem(.invalidNumber)
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            integral = false
            position += 1
            guard position < bytes.count, ASCII.isDigit(bytes[position]) else { throw problem(.invalidNumber) }
            while position < bytes.count, ASCII.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            integral = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, ASCII.isDigit(bytes[position]) else { throw problem(.invalidNumber) }
            while position < bytes.count, ASCII.isDigit(bytes[position]) { position += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if integral, let value = Int(text) { return .int(value) }
        guard let value = Double(text) else { throw Problem(kind: .invalidNumber, offset: start) }
        return .double(value)
    }
}

extension JSON {
    /// The value of the member `key` of an object (the last one of that name); nil for
    /// anything else.
    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.0 == key }?.1
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// An integer, or a number with no fraction that fits one.
    public var intValue: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value):
            guard value.rounded() == value, abs(value) < 9.0e15 else { return nil }
            return Int(value)
        default: return nil
        }
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSON]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

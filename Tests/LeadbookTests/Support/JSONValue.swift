/// A JSON reader for tests that keeps numbers as their source text, so the yaml-test-suite
/// comparison can tell `1` from `"1"` and read `1e3` as written.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Reads every JSON value in the text (the suite puts one per document).
    static func parseAll(_ text: String) throws -> [JSONValue] {
        var reader = Reader(bytes: Array(text.utf8))
        var values: [JSONValue] = []
        reader.skipSpace()
        while reader.index < reader.bytes.count {
            values.append(try reader.value())
            reader.skipSpace()
        }
        return values
    }

    struct ParseError: Error { let offset: Int }

    struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value() throws -> JSONValue {
            skipSpace()
            guard index < bytes.count else { throw ParseError(offset: index) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(String, JSONValue)] = []
                skipSpace()
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                while true {
                    skipSpace()
                    guard case .string(let key) = try value() else { throw ParseError(offset: index) }
                    skipSpace()
                    guard bytes[index] == UInt8(ascii: ":") else { throw ParseError(offset: index) }
                    index += 1
                    members.append((key, try value()))
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                    throw ParseError(offset: index)
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [JSONValue] = []
                skipSpace()
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                while true {
                    items.append(try value())
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                    throw ParseError(offset: index)
                }
            case UInt8(ascii: "\""):
                index += 1
                var scalars: [UInt8] = []
                while bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") {
                        index += 1
                        let code = bytes[index]
                        index += 1
                        switch code {
                        case UInt8(ascii: "n"): scalars.append(0x0A)
                        case UInt8(ascii: "t"): scalars.append(0x09)
                        case UInt8(ascii: "r"): scalars.append(0x0D)
                        case UInt8(ascii: "b"): scalars.append(0x08)
                        case UInt8(ascii: "f"): scalars.append(0x0C)
                        case UInt8(ascii: "u"):
                            var code = UInt32(hex4())
                            if code >= 0xD800 && code < 0xDC00, bytes[index] == UInt8(ascii: "\\") {
                                index += 2
                                let low = UInt32(hex4())
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            }
                            scalars.append(contentsOf: Array(String(Character(Unicode.Scalar(code)!)).utf8))
                        default: scalars.append(code)
                        }
                    } else {
                        scalars.append(bytes[index])
                        index += 1
                    }
                }
                index += 1
                return .string(String(decoding: scalars, as: UTF8.self))
            case UInt8(ascii: "t"): index += 4; return .bool(true)
            case UInt8(ascii: "f"): index += 5; return .bool(false)
            case UInt8(ascii: "n"): index += 4; return .null
            default:
                let start = index
                while index < bytes.count, !([0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[index])) {
                    index += 1
                }
                return .number(String(decoding: bytes[start..<index], as: UTF8.self))
            }
        }

        mutating func hex4() -> Int {
            let text = String(decoding: bytes[index..<index + 4], as: UTF8.self)
            index += 4
            return Int(text, radix: 16) ?? 0
        }
    }
}

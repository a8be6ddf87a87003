/// What other YAML tools make of a plain (unquoted) scalar: the one place that decides whether
/// a text written without quotes stays that text in every YAML 1.1 and 1.2 reader.
///
/// leadbook types a value by its field, so `phone: 02155550101` is the text "02155550101" to
/// leadbook; other tools resolve plain scalars by how they look. A plain scalar is `.text`
/// only when none of these resolves it to anything else (the union of their implicit
/// resolvers, matched exactly on the bytes):
///
/// - YAML 1.1 as PyYAML and ruamel.yaml (version 1.1) read it: booleans `yes no on off true
///   false` in the forms `yes`, `Yes`, `YES` (and the 1.1 specification's `y Y n N`); null `~`,
///   `null`, `Null`, `NULL` and the empty value; integers `0b1010`, octal `0o17` and `017`,
///   `0x1F`, decimals with `_` (`1_000`), sexagesimal `12:30` (base 60); floats `1.5`, `1.`,
///   `.5`, `1.5e+3`, sexagesimal `1:30.5`, `.inf`, `-.Inf`, `.nan`; timestamps `2024-03-01`
///   and `2024-03-01 09:10:00` (with seconds, optional fraction and zone); the merge key `<<`
///   and the value key `=`.
/// - YAML 1.2, core schema (ruamel.yaml by default, and the specification): `true`/`false`
///   in the same three forms, null as above, integers `[-+]?[0-9_]+` (so `013800000001` is a
///   number), `0o17`, `0x1F`; floats with an optional exponent sign (`1e5`, `1.5e3`, `.5e3`);
///   the same timestamps.
///
/// Any of them may be signed (`+86...`, `-5`) where the reader allows a sign. A tab anywhere in
/// a plain scalar is valid YAML, but PyYAML and ruamel.yaml stop at it with a syntax error, so
/// such a value is `.unreadable`. What is not `.text` must be quoted by every writer, and is
/// `ambiguous-scalar` in a text field.
public enum PlainScalarReading: Equatable, Sendable {
    case text
    case null
    case boolean
    case number
    case timestamp
    /// `<<` (merge key) or `=` (value key): no safe reader makes a string of them.
    case special
    /// A tab in it: PyYAML and ruamel.yaml cannot read the file.
    case unreadable

    /// How `bytes`, written as a plain scalar, is read by the YAML tools above.
    public static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> PlainScalarReading {
        let count = bytes.count
        guard count > 0 else { return .null }
        for byte in bytes where byte == ASCII.tab { return .unreadable }
        let first = bytes[0]
        // Most text (letters other than the few below, CJK, punctuation) is decided here.
        switch first {
        case ASCII.zero...ASCII.nine, ASCII.plus, ASCII.dash, ASCII.dot:
            if isNumber(bytes) { return .number }
            if isTimestamp(bytes) { return .timestamp }
            return .text
        case UInt8(ascii: "~"): return count == 1 ? .null : .text
        case ASCII.less: return count == 2 && bytes[1] == ASCII.less ? .special : .text
        case UInt8(ascii: "="): return count == 1 ? .special : .text
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "o"), UInt8(ascii: "O"),
             UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            guard count <= 5 else { return .text }
            if isWord(bytes, nullWord) { return .null }
            if count == 1 && first != UInt8(ascii: "o") && first != UInt8(ascii: "O") && first != UInt8(ascii: "t")
                && first != UInt8(ascii: "T") && first != UInt8(ascii: "f") && first != UInt8(ascii: "F") { return .boolean }
            for word in booleanWords where isWord(bytes, word) { return .boolean }
            return .text
        default:
            return .text
        }
    }

    public static func of(_ text: String) -> PlainScalarReading {
        var text = text
        return text.withUTF8 { of($0) }
    }

    /// True when `text` written plain reads back as `text` in every reader above.
    public static func isText(_ text: String) -> Bool { of(text) == .text }

    /// What the reading is called in English messages ("a number").
    public var description: String { phrase.en }

    /// What the reading is called in messages, in both languages ("a number" / "数字").
    public var phrase: Phrase {
        switch self {
        case .text: return Phrase("text", "文本")
        case .null: return Phrase("null (no value)", "空值（null）")
        case .boolean: return Phrase("a yes/no value (boolean)", "是/否值（布尔值）")
        case .number: return Phrase("a number", "数字")
        case .timestamp: return Phrase("a date", "日期")
        case .special: return Phrase("a YAML key marker", "YAML 的键标记")
        case .unreadable: return Phrase("a syntax error (a tab outside quotes)", "语法错误（引号外有制表符）")
        }
    }

    static let booleanWords: [[UInt8]] = ["yes", "no", "on", "off", "true", "false"].map { Array($0.utf8) }
    static let nullWord = Array("null".utf8), infWord = Array("inf".utf8)
    static let nanWords: [[UInt8]] = ["nan", "NaN", "NAN"].map { Array($0.utf8) }

    /// `word` (lower-case ASCII) as `word`, `Word` or `WORD`.
    static func isWord(_ bytes: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard bytes.count == word.count else { return false }
        let lower = (0..<word.count).allSatisfy { bytes[$0] == word[$0] }
        if lower { return true }
        let upper = (0..<word.count).allSatisfy { bytes[$0] == word[$0] - 0x20 }
        if upper { return true }
        return bytes[0] == word[0] - 0x20 && (1..<word.count).allSatisfy { bytes[$0] == word[$0] }
    }

    // MARK: - Numbers

    /// A cursor over the bytes for the hand-written matchers below.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int

        var atEnd: Bool { index == bytes.count }
        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            guard current == byte else { return false }
            index += 1
            return true
        }

        /// Takes bytes while `accept` holds; returns how many.
        @discardableResult
        mutating func takeAll(_ accept: (UInt8) -> Bool) -> Int {
            let start = index
            while let byte = current, accept(byte) { index += 1 }
            return index - start
        }
    }

    static func isDigitOrUnderscore(_ byte: UInt8) -> Bool { ASCII.isDigit(byte) || byte == UInt8(ascii: "_") }

    static func isNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = Cursor(bytes: bytes, index: 0)
        let signed = start.take(ASCII.plus) || start.take(ASCII.dash)
        guard !start.atEnd else { return false }
        let body = start.index
        func matches(_ rule: (inout Cursor) -> Bool) -> Bool {
            var cursor = Cursor(bytes: bytes, index: body)
            return rule(&cursor) && cursor.atEnd
        }
        // Integers: `[0-9_]+` (YAML 1.2; a sign or a digit first), 0b, 0o, 0x, base 60.
        if matches({ $0.takeAll(isDigitOrUnderscore) > 0 }) && (signed || ASCII.isDigit(bytes[body])) { return true }
        if matches({ $0.take(ASCII.zero) && $0.take(UInt8(ascii: "b")) && $0.takeAll { $0 == ASCII.zero || $0 == 0x31 || $0 == UInt8(ascii: "_") } > 0 }) { return true }
        if matches({ $0.take(ASCII.zero) && $0.take(UInt8(ascii: "o")) && $0.takeAll { ($0 >= ASCII.zero && $0 <= 0x37) || $0 == UInt8(ascii: "_") } > 0 }) { return true }
        if matches({ $0.take(ASCII.zero) && $0.take(ASCII.x) && $0.takeAll { ASCII.hexValue($0) != nil || $0 == UInt8(ascii: "_") } > 0 }) { return true }
        if matches({ cursor in
            guard let first = cursor.current, first >= 0x31 && first <= ASCII.nine else { return false }
            cursor.takeAll(isDigitOrUnderscore)
            return takeSexagesimal(&cursor)
        }) { return true }
        // Floats.
        if matches({ cursor in
            // [0-9][0-9_]* then `.` [0-9_]* [exponent], or then an exponent alone.
            guard let first = cursor.current, ASCII.isDigit(first) else { return false }
            cursor.takeAll(isDigitOrUnderscore)
            if cursor.take(ASCII.dot) {
                cursor.takeAll(isDigitOrUnderscore)
                return cursor.atEnd || takeExponent(&cursor, signRequired: false)
            }
            return takeExponent(&cursor, signRequired: false)
        }) { return true }
        if matches({ cursor in
            // `.` [0-9_]+ [exponent] (PyYAML: a digit first and no sign before it; the union is wider).
            guard cursor.take(ASCII.dot), cursor.takeAll(isDigitOrUnderscore) > 0 else { return false }
            return cursor.atEnd || takeExponent(&cursor, signRequired: false)
        }) { return true }
        if matches({ cursor in
            // Base 60 with a fraction: 1:30.5.
            guard let first = cursor.current, ASCII.isDigit(first) else { return false }
            cursor.takeAll(isDigitOrUnderscore)
            guard takeSexagesimal(&cursor), cursor.take(ASCII.dot) else { return false }
            cursor.takeAll(isDigitOrUnderscore)
            return true
        }) { return true }
        if matches({ cursor in
            guard cursor.take(ASCII.dot) else { return false }
            let rest = UnsafeBufferPointer(rebasing: bytes[cursor.index...])
            guard isWord(rest, infWord) || (!signed && nanWords.contains { $0.elementsEqual(rest) }) else { return false }
            cursor.index = bytes.count
            return true
        }) { return true }
        return false
    }

    /// `(:[0-5]?[0-9])+`.
    static func takeSexagesimal(_ cursor: inout Cursor) -> Bool {
        var groups = 0
        while cursor.current == ASCII.colon {
            var probe = cursor
            probe.index += 1
            guard let a = probe.current, ASCII.isDigit(a) else { break }
            probe.index += 1
            if a <= 0x35, let b = probe.current, ASCII.isDigit(b) { probe.index += 1 }
            cursor = probe
            groups += 1
        }
        return groups > 0
    }

    /// `[eE][-+]?[0-9]+` (the sign required when `signRequired`).
    static func takeExponent(_ cursor: inout Cursor, signRequired: Bool) -> Bool {
        guard cursor.take(UInt8(ascii: "e")) || cursor.take(UInt8(ascii: "E")) else { return false }
        let signed = cursor.take(ASCII.plus) || cursor.take(ASCII.dash)
        if signRequired && !signed { return false }
        return cursor.takeAll(ASCII.isDigit) > 0
    }

    // MARK: - Timestamps

    /// `YYYY-MM-DD`, or `YYYY-M-D` with a time `H:MM:SS[.fraction]` after `T`, `t` or blanks
    /// and an optional zone (`Z`, `+8`, `-05:00`) after optional blanks.
    static func isTimestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = Cursor(bytes: bytes, index: 0)
        func digits(_ minimum: Int, _ maximum: Int) -> Bool {
            var taken = 0
            while taken < maximum, let byte = cursor.current, ASCII.isDigit(byte) { cursor.index += 1; taken += 1 }
            return taken >= minimum
        }
        guard digits(4, 4), cursor.take(ASCII.dash) else { return false }
        let monthStart = cursor.index
        guard digits(1, 2), cursor.take(ASCII.dash) else { return false }
        let dayStart = cursor.index
        guard digits(1, 2) else { return false }
        if cursor.atEnd { return dayStart - monthStart == 3 && cursor.index - dayStart == 2 }
        func isBlank(_ byte: UInt8) -> Bool { byte == ASCII.space || byte == ASCII.tab }
        if !(cursor.take(UInt8(ascii: "T")) || cursor.take(UInt8(ascii: "t"))) {
            guard cursor.takeAll(isBlank) > 0 else { return false }
        }
        guard digits(1, 2), cursor.take(ASCII.colon), digits(2, 2), cursor.take(ASCII.colon), digits(2, 2) else { return false }
        if cursor.take(ASCII.dot) { cursor.takeAll(ASCII.isDigit) }
        if cursor.atEnd { return true }
        cursor.takeAll(isBlank)
        if cursor.take(UInt8(ascii: "Z")) { return cursor.atEnd }
        guard cursor.take(ASCII.plus) || cursor.take(ASCII.dash), digits(1, 2) else { return false }
        if cursor.take(ASCII.colon) { guard digits(2, 2) else { return false } }
        return cursor.atEnd
    }
}

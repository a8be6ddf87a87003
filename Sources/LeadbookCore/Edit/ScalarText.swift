import LeadbookText

/// Writes a value as YAML text, in the style of the value it replaces when it can.
///
/// Every writer (new, log, feedback, merge, sync, import, assign, renumber, fix) renders its
/// values here. Text is written plain only when every YAML 1.1 and 1.2 reader reads it back as
/// that text (`PlainScalarReading`), so `007`, `yes`, `12:30` or `~` are written in quotes; a
/// number or a date of a field that holds one (`budget: 200000`, `next: 2024-03-05`) is
/// written plain, as the reader of any YAML tool means it.
public enum ScalarText {
    /// What a written value is to other YAML tools.
    public enum Meaning: Sendable, Equatable {
        /// Text: quoted whenever a YAML tool would read it as anything else.
        case text
        /// A number, a date or a date-time of a field of that type (or a value copied as it was
        /// written): plain whenever YAML's syntax allows it.
        case typed
    }

    /// The meaning of the value at a front-matter path (`["deal", "amount"]`, `["sources",
    /// "date"]` for a key of a `sources` item): typed for the fields whose type is a whole
    /// number, an amount, a date or a date-time (docs/format.md), text for every other.
    public static func meaning(of path: [String]) -> Meaning {
        guard let key = path.first else { return .text }
        if path.count == 1 {
            switch CustomerField(key: key)?.type {
            case .wholeNumber?, .amount?, .date?, .dateTime?: return .typed
            default: return .text
            }
        }
        let inner = path[1]
        switch key {
        case "score": return inner == "reviewed_by" ? .text : .typed
        case "deal": return inner == "amount" || inner == "closed" ? .typed : .text
        case "sources": return inner == "date" ? .typed : .text
        case "source_detail": return inner == "minutes" || inner == "complete" ? .typed : .text
        case "plan": return inner == "due" ? .typed : .text
        default: return .text
        }
    }

    /// True when `text` reads back as the same string written plain (no quotes) in leadbook
    /// and, for `.text`, in every other YAML tool.
    public static func isPlainSafe(_ text: String, inFlow: Bool, meaning: Meaning = .text) -> Bool {
        if meaning == .text && !PlainScalarReading.isText(text) { return false }
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == ASCII.space || first == ASCII.tab || last == ASCII.space || last == ASCII.tab { return false }
        switch first {
        case ASCII.ampersand, ASCII.asterisk, ASCII.bang, ASCII.pipe, ASCII.greater, ASCII.singleQuote, ASCII.doubleQuote,
             ASCII.percent, ASCII.at, ASCII.backtick, ASCII.hash, ASCII.comma, ASCII.openBracket, ASCII.closeBracket,
             ASCII.openBrace, ASCII.closeBrace:
            return false
        case ASCII.dash, ASCII.question, ASCII.colon:
            if bytes.count == 1 || bytes[1] == ASCII.space || bytes[1] == ASCII.tab { return false }
        default: break
        }
        // C1 controls, U+2028, U+2029 (line breaks to YAML 1.1), U+FFFE and U+FFFF: escaped in quotes.
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            if Self.isEscapedAbove0x7F(scalar.value) { return false }
        }
        for (index, byte) in bytes.enumerated() {
            // A tab too: PyYAML and ruamel.yaml stop at a tab outside quotes.
            if byte < 0x20 || byte == 0x7F { return false }
            if byte == ASCII.colon && (index + 1 == bytes.count || bytes[index + 1] == ASCII.space || bytes[index + 1] == ASCII.tab) { return false }
            if byte == ASCII.hash && index > 0 && (bytes[index - 1] == ASCII.space || bytes[index - 1] == ASCII.tab) { return false }
            if inFlow && (byte == ASCII.comma || byte == ASCII.openBracket || byte == ASCII.closeBracket
                          || byte == ASCII.openBrace || byte == ASCII.closeBrace || byte == ASCII.colon) { return false }
        }
        // `---` and `...` at the start of a line would end the front matter.
        if text.hasPrefix("---") || text.hasPrefix("...") { return false }
        return true
    }

    public static func doubleQuoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x80 && scalar.value <= 0x9F) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    output += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else if isEscapedAbove0x7F(scalar.value) {
                    output += "\\u" + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// Characters above ASCII that YAML tools do not take as they are in a value: C1 controls,
    /// the line and paragraph separators, and the non-characters U+FFFE and U+FFFF.
    static func isEscapedAbove0x7F(_ value: UInt32) -> Bool {
        (value >= 0x80 && value <= 0x9F) || value == 0x2028 || value == 0x2029 || value == 0xFFFE || value == 0xFFFF
    }

    public static func singleQuoted(_ text: String) -> String {
        "'" + String(text.unicodeScalars.flatMap { $0 == "'" ? ["'", "'"] : [$0] }.map(Character.init)) + "'"
    }

    /// The text of `value` for a node written as `style` (nil for a new value).
    public static func render(_ value: String, replacing style: YAMLScalarStyle?, inFlow: Bool, meaning: Meaning = .text) -> String {
        let plainSafe = isPlainSafe(value, inFlow: inFlow, meaning: meaning)
        let singleLine = !value.contains("\n") && !value.contains("\r")
            && !value.unicodeScalars.contains { $0.value >= 0x80 && isEscapedAbove0x7F($0.value) }
        switch style {
        case .doubleQuoted?:
            return doubleQuoted(value)
        case .singleQuoted?:
            return singleLine && !value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F })
                ? singleQuoted(value) : doubleQuoted(value)
        default:
            return plainSafe ? value : doubleQuoted(value)
        }
    }
}

import LeadbookText

/// Writes a value as YAML text, in the style of the value it replaces when it can.
public enum ScalarText {
    /// True when `text` reads back as the same string written plain (no quotes).
    public static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
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
        for (index, byte) in bytes.enumerated() {
            if byte == ASCII.lf || byte == ASCII.cr || byte < 0x20 && byte != ASCII.tab { return false }
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
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    output += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    public static func singleQuoted(_ text: String) -> String {
        "'" + String(text.unicodeScalars.flatMap { $0 == "'" ? ["'", "'"] : [$0] }.map(Character.init)) + "'"
    }

    /// The text of `value` for a node written as `style` (nil for a new value).
    public static func render(_ value: String, replacing style: YAMLScalarStyle?, inFlow: Bool) -> String {
        let plainSafe = isPlainSafe(value, inFlow: inFlow)
        let singleLine = !value.contains("\n") && !value.contains("\r")
        switch style {
        case .doubleQuoted?:
            return doubleQuoted(value)
        case .singleQuoted?:
            return singleLine ? singleQuoted(value) : doubleQuoted(value)
        default:
            return plainSafe ? value : doubleQuoted(value)
        }
    }
}

/// Text on its way to a terminal: what a customer file holds is shown, never obeyed.
///
/// A terminal acts on control characters: ESC starts sequences that set the window title,
/// clear the screen, move the cursor, hide text or make hidden links (OSC 8), BEL rings, CR
/// returns to the start of the line and lets later text cover earlier text. So every control
/// character is shown as `\u{1B}` (its code point in hex, as Swift writes it): the C0 controls
/// but tab, line feed and a CR right before a line feed, DEL, the C1 controls (U+0080-U+009F, which some terminals read as
/// ESC sequences), the bidirectional embeddings, overrides and isolates (U+202A-U+202E,
/// U+2066-U+2069, which reorder what is shown), and the noncharacters U+FDD0-U+FDEF, U+FFFE
/// and U+FFFF. Everything else (Chinese, emoji, tabs and line breaks) passes as it is.
///
/// The one thing leadbook itself sends a terminal is colour. A painted span is marked with
/// `paint`: U+FDD0, a key drawn at random when the process starts, the SGR parameters and
/// U+FDD1. Only `render` turns a mark into `ESC [ … m`, and only a mark with this process's
/// key: a file cannot know the key, so whatever it holds is escaped like any other text.
public enum TerminalText {
    /// 16 hex digits, new in every process.
    public static let key: [UInt8] = {
        let value = UInt64.random(in: .min ... .max)
        let digits = Array("0123456789abcdef".utf8)
        return (0..<16).map { digits[Int((value >> (UInt64($0) * 4)) & 0xF)] }
    }()

    public static let markStart: [UInt8] = [0xEF, 0xB7, 0x90] // U+FDD0
    public static let markEnd: [UInt8] = [0xEF, 0xB7, 0x91] // U+FDD1

    /// `text` in the colour of the SGR parameters `code` (`1;31`), reset after it.
    public static func paint(_ text: String, _ code: String) -> String {
        mark(code) + text + mark("0")
    }

    public static func mark(_ code: String) -> String {
        String(decoding: markStart + key + Array(code.utf8) + markEnd, as: UTF8.self)
    }

    /// `text` as it goes to the terminal: leadbook's marks become colours and, when `escaping`
    /// (the output is a terminal or a message), control characters are shown escaped.
    public static func render(_ text: String, escaping: Bool, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { render($0, escaping: escaping, into: &output) }
    }

    public static func render(_ text: String, escaping: Bool) -> String {
        var output: [UInt8] = []
        render(text, escaping: escaping, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    public static func render(_ bytes: UnsafeBufferPointer<UInt8>, escaping: Bool, into output: inout [UInt8]) {
        // No reserveCapacity here: the console's buffer grows by doubling as it is appended to.
        var index = 0
        var copied = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            // Letters, digits, punctuation and most of Chinese need nothing: copied in runs.
            let length: Int
            if byte >= 0x20 && byte < 0x7F {
                index += 1
                continue
            } else if byte == ASCII.lf || byte == ASCII.tab || (byte == ASCII.cr && index + 1 < count && bytes[index + 1] == ASCII.lf) {
                // Line breaks (CRLF too: a CSV's rows) do what they say; a lone CR would let
                // the rest of the line cover what came before it.
                index += 1
                continue
            } else if byte < 0x80 {
                length = escaping ? 1 : 0
            } else if byte == 0xC2 {
                length = escaping && index + 1 < count && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F ? 2 : 0
            } else if byte == 0xE2 {
                length = escaping && index + 2 < count && isBidiControl(bytes[index + 1], bytes[index + 2]) ? 3 : 0
            } else if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xB7 || bytes[index + 1] == 0xBF {
                if bytes[index + 1] == 0xB7, bytes[index + 2] == 0x90, let end = markLength(bytes, at: index) {
                    append(bytes, copied..<index, to: &output)
                    output.append(0x1B)
                    output.append(ASCII.openBracket)
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(index + 3 + key.count)..<(index + end - 3)]))
                    output.append(UInt8(ascii: "m"))
                    index += end
                    copied = index
                    continue
                }
                let third = bytes[index + 2]
                let noncharacter = bytes[index + 1] == 0xB7 ? third >= 0x90 && third <= 0xAF : third == 0xBE || third == 0xBF
                length = escaping && noncharacter ? 3 : 0
            } else {
                length = 0
            }
            guard length > 0 else {
                index += 1
                continue
            }
            append(bytes, copied..<index, to: &output)
            escape(bytes, index..<index + length, into: &output)
            index += length
            copied = index
        }
        append(bytes, copied..<count, to: &output)
    }

    /// Whether `render` shows this scalar escaped (beyond the C0 controls): DEL, C1, the
    /// bidirectional controls and the noncharacters U+FDD0-U+FDEF, U+FFFE, U+FFFF.
    public static func isShownEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0xFDD0...0xFDEF, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// The length of this process's mark at `index` (U+FDD0, the key, digits and `;`, U+FDD1), or nil.
    static func markLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        var position = index + 3
        guard position + key.count <= bytes.count,
              UnsafeBufferPointer(rebasing: bytes[position..<position + key.count]).elementsEqual(key) else { return nil }
        position += key.count
        while position < bytes.count, ASCII.isDigit(bytes[position]) || bytes[position] == UInt8(ascii: ";") { position += 1 }
        guard position + 3 <= bytes.count, bytes[position] == 0xEF, bytes[position + 1] == 0xB7, bytes[position + 2] == 0x91 else { return nil }
        return position + 3 - index
    }

    /// U+202A-U+202E (E2 80 AA-AE) and U+2066-U+2069 (E2 81 A6-A9).
    @inline(__always) static func isBidiControl(_ second: UInt8, _ third: UInt8) -> Bool {
        (second == 0x80 && third >= 0xAA && third <= 0xAE) || (second == 0x81 && third >= 0xA6 && third <= 0xA9)
    }

    @inline(__always) static func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to output: inout [UInt8]) {
        if !range.isEmpty { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range])) }
    }

    /// `\u{1B}`: the code point of the one character in `range`, in upper-case hex.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into output: inout [UInt8]) {
        let value: UInt32
        switch range.count {
        case 1: value = UInt32(bytes[range.lowerBound])
        case 2: value = UInt32(bytes[range.lowerBound] & 0x1F) << 6 | UInt32(bytes[range.lowerBound + 1] & 0x3F)
        default:
            value = UInt32(bytes[range.lowerBound] & 0x0F) << 12 | UInt32(bytes[range.lowerBound + 1] & 0x3F) << 6
                | UInt32(bytes[range.lowerBound + 2] & 0x3F)
        }
        output.append(contentsOf: "\\u{".utf8)
        output.append(contentsOf: String(value, radix: 16, uppercase: true).utf8)
        output.append(ASCII.closeBrace)
    }
}

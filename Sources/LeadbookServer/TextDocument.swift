import LeadbookText

/// How the client counts the characters of a position: UTF-16 code units (LSP's default: a CJK
/// character is one, an emoji or a CJK Extension B character two) or UTF-8 bytes, when the
/// client offers it.
public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
}

/// A position as LSP gives it: 0-based line, 0-based character in the negotiated encoding.
public struct TextPosition: Equatable, Sendable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    var json: JSON { .object([("line", .int(line)), ("character", .int(character))]) }

    init?(_ json: JSON?) {
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue else { return nil }
        self.init(line: line, character: character)
    }
}

/// The text of a document the editor has open, as UTF-8 bytes, with where its lines start.
/// Lines end at `\n`; a `\r` before it is not part of the line (LSP also ends a line at a lone
/// `\r`, which customer files do not use: leadbook reads such a file as one line, and so does the
/// server).
public struct TextDocument {
    public let uri: String
    public var version: Int
    public private(set) var bytes: [UInt8]
    public private(set) var lineStarts: [Int] = [0]

    public init(uri: String, version: Int, bytes: [UInt8]) {
        self.uri = uri
        self.version = version
        self.bytes = bytes
        findLines()
    }

    private mutating func findLines() {
        var source = SourceText(path: "", bytes: bytes)
        lineStarts = source.lineStarts()
    }

    public var lineCount: Int { lineStarts.count }

    /// The bytes of line `line` (0-based), without its `\n` and a `\r` before it.
    public func lineBounds(_ line: Int) -> Range<Int> {
        let line = min(max(0, line), lineStarts.count - 1)
        let lineStart = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        if end > lineStart, bytes[end - 1] == ASCII.cr { end -= 1 }
        return lineStart..<end
    }

    /// The bytes of a scalar that starts with `lead`, and how many units it is in `encoding`.
    @inline(__always) static func scalar(_ lead: UInt8, _ encoding: PositionEncoding) -> (bytes: Int, units: Int) {
        let length: Int
        switch lead {
        case 0..<0xC0: length = 1
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        default: length = 4
        }
        return (length, encoding == .utf8 ? length : (length == 4 ? 2 : 1))
    }

    /// The byte offset of an LSP position: a line past the end is the end of the text, a
    /// character past the end of its line is the line's end, one inside a character (the middle
    /// of a surrogate pair, of a UTF-8 sequence) is that character's start.
    public func offset(of position: TextPosition, _ encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        let bounds = lineBounds(position.line)
        return offset(inLine: bounds, units: position.character, encoding)
    }

    func offset(inLine bounds: Range<Int>, units: Int, _ encoding: PositionEncoding) -> Int {
        var offset = bounds.lowerBound
        var counted = 0
        while offset < bounds.upperBound {
            let (length, size) = Self.scalar(bytes[offset], encoding)
            if counted + size > units { break }
            counted += size
            offset += length
        }
        return min(offset, bounds.upperBound)
    }

    /// The LSP position of a byte offset.
    public func position(of offset: Int, _ encoding: PositionEncoding) -> TextPosition {
        let offset = min(max(0, offset), bytes.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let bounds = lineBounds(low)
        return TextPosition(line: low, character: units(from: bounds.lowerBound, to: min(offset, bounds.upperBound), encoding))
    }

    /// The units of the bytes `from..<to` of one line.
    func units(from: Int, to: Int, _ encoding: PositionEncoding) -> Int {
        if encoding == .utf8 { return to - from }
        var offset = from, counted = 0
        while offset < to {
            let (length, size) = Self.scalar(bytes[offset], encoding)
            counted += size
            offset += length
        }
        return counted
    }

    /// The bytes `range` replaced by `text`.
    public mutating func replace(_ range: Range<Int>, with text: [UInt8]) {
        let lower = min(max(0, range.lowerBound), bytes.count)
        let upper = min(max(lower, range.upperBound), bytes.count)
        bytes.replaceSubrange(lower..<upper, with: text)
        findLines()
    }

    /// The whole text replaced.
    public mutating func replaceAll(with text: [UInt8]) {
        bytes = text
        findLines()
    }
}

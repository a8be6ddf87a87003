/// Where the parts of a customer file are: BOM, front matter between `---` lines, body.
public struct RecordLayout: Sendable, Equatable {
    public var hasBOM: Bool
    /// The file's line ending, taken from its first line (rewrites use it for new lines).
    public var usesCRLF: Bool
    /// The bytes between the opening and closing `---` lines.
    public var frontMatter: Range<Int>
    /// 1-based line number of the first front-matter line.
    public var frontMatterFirstLine: Int
    /// The closing `---` line, line break included.
    public var closingLine: Range<Int>
    /// Everything after the closing line.
    public var body: Range<Int>
    public var bodyFirstLine: Int

    public var lineBreak: String { usesCRLF ? "\r\n" : "\n" }

    public enum Problem: Error, Equatable {
        /// The file does not start with a `---` line.
        case noFrontMatter
        /// No closing `---` line; the offset of the opening line.
        case unclosed(Int)
    }

    public static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<RecordLayout, Problem> {
        let count = bytes.count
        let start = UTF8Bytes.hasBOM(bytes) ? 3 : 0
        guard let openEnd = markerLineEnd(bytes, at: start, allowDots: false) else { return .failure(.noFrontMatter) }
        let usesCRLF = openEnd >= 2 && bytes[openEnd - 2] == ASCII.cr && bytes[openEnd - 1] == ASCII.lf
        var lineStart = openEnd
        var line = 2
        while lineStart < count {
            if let closeEnd = markerLineEnd(bytes, at: lineStart, allowDots: true) {
                return .success(RecordLayout(
                    hasBOM: start == 3, usesCRLF: usesCRLF, frontMatter: openEnd..<lineStart, frontMatterFirstLine: 2,
                    closingLine: lineStart..<closeEnd, body: closeEnd..<count, bodyFirstLine: line + 1))
            }
            lineStart = UTF8Bytes.find(ASCII.lf, in: bytes, from: lineStart, to: count) + 1
            line += 1
        }
        return .failure(.unclosed(start))
    }

    /// If a `---` (or `...`) line starts at `index`, the offset just past its line break.
    public static func markerLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, allowDots: Bool) -> Int? {
        let count = bytes.count
        guard index + 3 <= count else { return nil }
        let marker = bytes[index]
        guard marker == ASCII.dash || (allowDots && marker == ASCII.dot),
              bytes[index + 1] == marker, bytes[index + 2] == marker else { return nil }
        var scan = index + 3
        while scan < count, bytes[scan] == ASCII.space || bytes[scan] == ASCII.tab { scan += 1 }
        if scan == count { return count }
        if bytes[scan] == ASCII.lf { return scan + 1 }
        if bytes[scan] == ASCII.cr, scan + 1 < count, bytes[scan + 1] == ASCII.lf { return scan + 2 }
        return nil
    }
}

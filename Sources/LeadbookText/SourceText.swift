/// The bytes of one file and where its lines start, to turn byte offsets into line:column.
///
/// Line starts are found only when the first diagnostic of a file needs them, so a clean
/// file never pays for them.
public struct SourceText: Sendable {
    public let path: String
    public let bytes: [UInt8]
    private var lineStartsCache: [Int]?

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public mutating func lineStarts() -> [Int] {
        if let cached = lineStartsCache { return cached }
        var starts = [0]
        let count = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            var lineFeed = UTF8Bytes.find(ASCII.lf, in: buffer, from: 0, to: count)
            while lineFeed < count {
                starts.append(lineFeed + 1)
                lineFeed = UTF8Bytes.find(ASCII.lf, in: buffer, from: lineFeed + 1, to: count)
            }
        }
        lineStartsCache = starts
        return starts
    }

    /// The location of an offset on a line whose number is already known: scans only that line.
    public func location(of offset: Int, onLine line: Int) -> (line: Int, column: Int, text: String, caret: Int) {
        let offset = min(max(0, offset), bytes.count)
        var lineStart = offset
        while lineStart > 0, bytes[lineStart - 1] != ASCII.lf { lineStart -= 1 }
        var lineEnd = offset
        while lineEnd < bytes.count, bytes[lineEnd] != ASCII.lf { lineEnd += 1 }
        return location(of: offset, line: line, lineStart: lineStart, lineFeed: lineEnd)
    }

    /// 1-based line, 1-based column in characters, the line's text and the caret's display offset.
    public mutating func location(of offset: Int) -> (line: Int, column: Int, text: String, caret: Int) {
        let starts = lineStarts()
        let offset = min(max(0, offset), bytes.count)
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let lineFeed = low + 1 < starts.count ? starts[low + 1] - 1 : bytes.count
        return location(of: offset, line: low + 1, lineStart: starts[low], lineFeed: lineFeed)
    }

    /// The location of `offset` on the line `lineStart..<lineFeed` (its line feed or the end of
    /// the bytes excluded; `lineStart <= offset <= lineFeed`): a BOM and a CR are not text.
    private func location(of offset: Int, line: Int, lineStart: Int, lineFeed: Int) -> (line: Int, column: Int, text: String, caret: Int) {
        var lineStart = lineStart
        if lineStart == 0, UTF8Bytes.hasBOM(bytes) { lineStart = min(3, offset) }
        var lineEnd = lineFeed
        if lineEnd > lineStart, bytes[lineEnd - 1] == ASCII.cr { lineEnd -= 1 }
        let prefix = String(decoding: bytes[lineStart..<min(offset, lineEnd)], as: UTF8.self)
        let text = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        return (line, prefix.count + 1, text, DisplayWidth.of(prefix))
    }
}

/// Terminal cell widths, so a caret lands under the right character of Chinese text.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x1100 {
            // Combining marks take no cell.
            return (0x0300...0x036F).contains(value) ? 0 : 1
        }
        if (0x200B...0x200F).contains(value) || (0xFE00...0xFE0F).contains(value) { return 0 }
        for range in wide where range.contains(value) { return 2 }
        return 1
    }

    public static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x25FD...0x25FE,
        0x2614...0x2615, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
        0x20000...0x3FFFD,
    ]
}

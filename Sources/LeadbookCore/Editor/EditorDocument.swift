import LeadbookText

/// A customer file as an editor holds it: its bytes (the buffer, which may differ from the
/// file on disk), its workspace-relative path, the workspace's leadbook.yml, and where its
/// lines are.
///
/// Positions (`EditorPosition`) count lines from 0, split at `\n`, and columns in UTF-8 bytes
/// of the line's text. A `\r` before the `\n` belongs to the line's end, not its text: a column
/// past the text is its end. A BOM at the start of the file is not text either: column 0 of
/// line 0 is the first byte after it, as editors show the line (and a client's text has no
/// BOM), so the server converts the columns of a line from `lineText(_:)`, which leaves both
/// out. A column inside a character counts as that character's start.
public struct EditorDocument {
    public let bytes: [UInt8]
    /// The path relative to the workspace root (`customers/LX2024001-huadongyun.md`).
    public let path: String
    public let configuration: Configuration
    /// The offset of each line's first byte (line 0: 0, its BOM included).
    public let lineStarts: [Int]
    /// The file's front matter and body, when it has a front matter (`---` lines).
    public let layout: RecordLayout?

    public init(bytes: [UInt8], path: String, configuration: Configuration) {
        self.bytes = bytes
        self.path = path
        self.configuration = configuration
        var source = SourceText(path: path, bytes: bytes)
        self.lineStarts = source.lineStarts()
        self.layout = bytes.withUnsafeBufferPointer { buffer in
            if case .success(let layout) = RecordLayout.read(buffer) { return layout }
            return nil
        }
    }

    public var lineCount: Int { lineStarts.count }

    /// The bytes of line `line`'s text: without its line break, the `\r` before it, or (on
    /// line 0) the BOM. An empty range at the end for a line past the last.
    public func textRange(ofLine line: Int) -> Range<Int> {
        guard line >= 0, line < lineStarts.count else { return bytes.count..<bytes.count }
        var start = lineStarts[line]
        if line == 0, UTF8Bytes.hasBOM(bytes) { start = 3 }
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == ASCII.cr { end -= 1 }
        return start..<max(start, end)
    }

    /// The text of a line (`textRange(ofLine:)`).
    public func lineText(_ line: Int) -> ArraySlice<UInt8> {
        bytes[textRange(ofLine: line)]
    }

    /// The byte offset of `position` in `bytes`: a line past the last is the end of the bytes,
    /// a column past the text its end, a column inside a character that character's start.
    public func offset(of position: EditorPosition) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        let text = textRange(ofLine: max(0, position.line))
        var offset = min(text.lowerBound + max(0, position.column), text.upperBound)
        while offset > text.lowerBound, offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
        return offset
    }

    /// The position of a byte offset (an offset in the BOM is column 0, one in a line's `\r\n`
    /// the end of its text).
    public func position(of offset: Int) -> EditorPosition {
        let offset = min(max(0, offset), bytes.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let text = textRange(ofLine: low)
        return EditorPosition(line: low, column: min(max(offset, text.lowerBound), text.upperBound) - text.lowerBound)
    }

    public func range(of range: Range<Int>) -> EditorRange {
        EditorRange(start: position(of: range.lowerBound), end: position(of: range.upperBound))
    }

    /// Where a diagnostic points: its 1-based line and its 1-based column in characters (as
    /// `check` counts them) as a position.
    public func position(of diagnostic: Diagnostic) -> EditorPosition {
        let line = max(0, diagnostic.line - 1)
        guard line < lineStarts.count else { return position(of: bytes.count) }
        let text = lineText(line)
        var column = 0
        var characters = 0
        for character in String(decoding: text, as: UTF8.self) {
            guard characters < diagnostic.column - 1 else { break }
            column += character.utf8.count
            characters += 1
        }
        return EditorPosition(line: line, column: min(column, text.count))
    }

    /// The workspace's leadbook.yml rather than a customer file.
    public var isConfiguration: Bool { path == "leadbook.yml" }

    /// The file read as `check` reads it (its customer, its front matter, its findings).
    public func read() -> CustomerReader.Result {
        CustomerReader.read(path: path, bytes: bytes, configuration: configuration)
    }


    /// The lines of the front matter (those between the `---` lines; while the closing line is
    /// missing, every line after the opening one), nil without an opening `---` line.
    public var frontMatterLines: Range<Int>? {
        if let layout {
            return position(of: layout.frontMatter.lowerBound).line..<position(of: layout.closingLine.lowerBound).line
        }
        let first = lineText(0)
        guard first.count >= 3, first.prefix(3).elementsEqual("---".utf8),
              first.dropFirst(3).allSatisfy({ $0 == ASCII.space || $0 == ASCII.tab }) else { return nil }
        return 1..<lineCount
    }

    /// The first line of the body (after the closing `---`); 0 for a file without front matter.
    public var bodyFirstLine: Int {
        if let layout {
            let start = layout.body.lowerBound
            return start == bytes.count && bytes.last != ASCII.lf ? lineCount : position(of: start).line
        }
        return frontMatterLines == nil ? 0 : lineCount
    }
}

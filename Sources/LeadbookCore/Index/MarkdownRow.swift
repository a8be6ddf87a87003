import LeadbookText

/// Writes one row of a GitHub-flavoured Markdown table as UTF-8 bytes, every cell escaped so
/// that whatever a customer file holds renders as literal text in exactly one cell:
///
/// - leading and trailing spaces, tabs and line breaks are trimmed; a line break inside becomes
///   `<br>` (the only HTML leadbook writes);
/// - `|` becomes `\|` (GFM splits cells on unescaped pipes, even inside links and code);
/// - `<`, `>` and `&` become `&lt;`, `&gt;` and `&amp;`, so `<script>` is text, not HTML;
/// - `\` `*` `_` `` ` `` `[` `]` `~` `$` get a backslash, so no emphasis, code span, link,
///   strike-through or math starts inside a cell;
/// - web addresses, `www.` names and email addresses get an invisible word joiner where GFM's
///   autolinks would start (`MarkdownAutolink`).
///
/// The writer keeps its buffer between rows (one per file being read), so rendering a row
/// allocates nothing once the buffer has grown.
public struct MarkdownRow {
    private(set) var bytes: [UInt8] = []
    private var cellOpen = false
    private var cellHasContent = false

    public mutating func start() {
        if bytes.capacity == 0 { bytes.reserveCapacity(1024) }
        bytes.removeAll(keepingCapacity: true)
        bytes.append(ASCII.pipe)
        cellOpen = false
    }

    /// Opens a cell: text and separators appended until `endCell` go into it.
    public mutating func beginCell() {
        bytes.append(ASCII.space)
        cellOpen = true
        cellHasContent = false
    }

    public mutating func endCell() {
        bytes.append(ASCII.space)
        bytes.append(ASCII.pipe)
        cellOpen = false
    }

    /// A whole cell of escaped text (empty for nil).
    public mutating func cell(_ text: String?) {
        beginCell()
        if let text { self.text(text) }
        endCell()
    }

    /// Whether the open cell has content yet (to put separators between parts).
    public var hasContent: Bool { cellHasContent }

    /// Escaped text into the open cell.
    public mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { escape($0) }
    }

    /// Text leadbook itself wrote (labels, separators, dates): appended as it is. It must not
    /// hold Markdown syntax.
    public mutating func plain(_ text: String) {
        guard !text.isEmpty else { return }
        bytes.append(contentsOf: text.utf8)
        cellHasContent = true
    }

    /// `sep` before a part when the cell already has one, then `label: ` (when given) and the
    /// escaped value. Empty values add nothing.
    public mutating func part(_ value: String?, label: String? = nil, separator: String) {
        guard let value, Self.hasText(value) else { return }
        if cellHasContent { plain(separator) }
        if let label {
            plain(label)
            bytes.append(ASCII.colon)
            bytes.append(ASCII.space)
        }
        text(value)
    }

    /// Bytes already in cell form (made by another `MarkdownRow`).
    public mutating func raw(_ cell: [UInt8]) {
        guard !cell.isEmpty else { return }
        bytes.append(contentsOf: cell)
        cellHasContent = true
    }

    /// A date (`2024-03-01`) or a date and time (`2024-03-01 10:30`), written without
    /// making strings.
    public mutating func date(_ date: LocalDate) {
        digits(date.year, 4)
        bytes.append(ASCII.dash)
        digits(date.month, 2)
        bytes.append(ASCII.dash)
        digits(date.day, 2)
        cellHasContent = true
    }

    public mutating func moment(_ moment: LocalDateTime) {
        date(moment.date)
        guard moment.hasTime else { return }
        bytes.append(ASCII.space)
        digits(moment.minutes / 60, 2)
        bytes.append(ASCII.colon)
        digits(moment.minutes % 60, 2)
    }

    private mutating func digits(_ value: Int, _ width: Int) {
        guard value >= 0, value < 10_000 else {
            bytes.append(contentsOf: String(value).utf8)
            return
        }
        var divisor = 1
        for _ in 1..<max(width, value >= 1000 ? 4 : value >= 100 ? 3 : value >= 10 ? 2 : 1) { divisor *= 10 }
        while divisor > 0 {
            bytes.append(ASCII.zero + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// `[name](link)`: the name escaped, the link percent-encoded (see `MarkdownLink`).
    public mutating func link(_ name: String, to destination: String) {
        bytes.append(ASCII.openBracket)
        text(name)
        bytes.append(ASCII.closeBracket)
        bytes.append(ASCII.openParen)
        bytes.append(contentsOf: destination.utf8)
        bytes.append(ASCII.closeParen)
        cellHasContent = true
    }

    public static func hasText(_ text: String) -> Bool {
        text.utf8.contains { !isBlank($0) }
    }

    @inline(__always) public static func isBlank(_ byte: UInt8) -> Bool {
        byte == ASCII.space || byte == ASCII.tab || byte == ASCII.lf || byte == ASCII.cr
    }

    private mutating func escape(_ buffer: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var end = buffer.count
        while start < end, Self.isBlank(buffer[start]) { start += 1 }
        while end > start, Self.isBlank(buffer[end - 1]) { end -= 1 }
        guard start < end else { return }
        cellHasContent = true
        bytes.reserveCapacity(bytes.count + (end - start) + 8)
        var index = start
        var runStart = start
        while index < end {
            let byte = buffer[index]
            // Bytes that need nothing (most of them: letters, digits, Chinese) are copied in runs.
            guard byte < 0x80 && Self.special[Int(byte)] else {
                index += 1
                continue
            }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index])) }
            switch byte {
            case ASCII.cr:
                bytes.append(contentsOf: Self.lineBreak)
                if index + 1 < end, buffer[index + 1] == ASCII.lf { index += 1 }
            case ASCII.lf:
                bytes.append(contentsOf: Self.lineBreak)
            case ASCII.colon, ASCII.at, ASCII.dot:
                if MarkdownAutolink.wouldStart(at: index, in: buffer, from: start) { bytes.append(contentsOf: MarkdownAutolink.wordJoiner) }
                bytes.append(byte)
            case ASCII.less: bytes.append(contentsOf: Self.lessThan)
            case ASCII.greater: bytes.append(contentsOf: Self.greaterThan)
            case ASCII.ampersand: bytes.append(contentsOf: Self.ampersand)
            default:
                bytes.append(ASCII.backslash)
                bytes.append(byte)
            }
            index += 1
            runStart = index
        }
        if runStart < end { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<end])) }
    }

    /// The ASCII bytes a cell escapes: line breaks, `|`, Markdown emphasis and link
    /// characters, HTML's `<`, `>`, `&`, and where autolinks start (`:`, `@`, `.`; most of
    /// them are copied as they are).
    public static let special: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for byte in [ASCII.cr, ASCII.lf, ASCII.pipe, ASCII.backslash, ASCII.asterisk, underscore, ASCII.backtick,
                     ASCII.openBracket, ASCII.closeBracket, tilde, dollar, ASCII.less, ASCII.greater, ASCII.ampersand,
                     ASCII.colon, ASCII.at, ASCII.dot] {
            table[Int(byte)] = true
        }
        return table
    }()

    public static let underscore: UInt8 = 0x5F
    public static let tilde: UInt8 = 0x7E
    public static let dollar: UInt8 = 0x24
    public static let lineBreak = Array("<br>".utf8)
    public static let lessThan = Array("&lt;".utf8)
    public static let greaterThan = Array("&gt;".utf8)
    public static let ampersand = Array("&amp;".utf8)

    /// `text` escaped as a cell escapes it, for a line outside a table (a heading).
    public static func escaped(_ text: String) -> String {
        var row = MarkdownRow()
        row.text(text)
        return String(decoding: row.bytes, as: UTF8.self)
    }

    /// `| a | b |` for cells leadbook wrote (headers), escaped like any cell.
    public static func line(_ cells: [String]) -> [UInt8] {
        var row = MarkdownRow()
        row.start()
        for cell in cells { row.cell(cell) }
        return row.bytes
    }

    /// `|---|---|` for `count` columns.
    public static func delimiter(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = [ASCII.pipe]
        for _ in 0..<count { bytes.append(contentsOf: "---|".utf8) }
        return bytes
    }

    /// The cells of a table line as written: split on pipes that are not escaped, the outer
    /// pipes and the spaces around each cell removed. For messages about a stale row.
    public static func cells(_ line: [UInt8]) -> [String] {
        var cells: [String] = []
        var start = 0
        var end = line.count
        while start < end, isBlank(line[start]) { start += 1 }
        while end > start, isBlank(line[end - 1]) { end -= 1 }
        if start < end, line[start] == ASCII.pipe { start += 1 }
        if end > start, line[end - 1] == ASCII.pipe, end - 2 < start || line[end - 2] != ASCII.backslash { end -= 1 }
        var cellStart = start
        var index = start
        while index < end {
            if line[index] == ASCII.backslash { index += 2; continue }
            if line[index] == ASCII.pipe {
                cells.append(String(decoding: line[cellStart..<index], as: UTF8.self).trimmingSpaces)
                cellStart = index + 1
            }
            index += 1
        }
        cells.append(String(decoding: line[cellStart..<min(end, line.count)], as: UTF8.self).trimmingSpaces)
        return cells
    }
}

/// GitHub and GitLab turn `http://…`, `https://…`, `ftp://…`, `www.…` and `name@domain` in
/// text into links (GFM's autolink extension), even where every Markdown character is escaped
/// and even when the text is written with HTML entities (GitLab's renderer links after
/// decoding them). A word joiner (U+2060: no width, no line break, shown as nothing) where the
/// renderer looks for the address keeps it plain text everywhere: before the `:` of `://`
/// after a letter, before an `@` after a character an address can hold, and between `www` and
/// its `.`. The text reads the same; a copied address holds the joiner (the customer file holds
/// the address as written).
public enum MarkdownAutolink {
    public static let wordJoiner: [UInt8] = [0xE2, 0x81, 0xA0]

    /// Whether a word joiner belongs before `bytes[index]` (a `:`, `@` or `.`); `start` is
    /// where the text begins.
    @inline(__always)
    public static func wouldStart<Bytes: RandomAccessCollection>(at index: Int, in bytes: Bytes, from start: Int) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        guard index > start else { return false }
        let before = bytes[index - 1]
        switch bytes[index] {
        case ASCII.colon:
            return index + 2 < bytes.endIndex && bytes[index + 1] == ASCII.slash && bytes[index + 2] == ASCII.slash
                && isLetter(before)
        case ASCII.at:
            return PrivateText.isLocalPart(before)
        case ASCII.dot:
            return index - 3 >= start && ASCII.lowercased(bytes[index - 3]) == w && ASCII.lowercased(bytes[index - 2]) == w
                && ASCII.lowercased(before) == w
        default:
            return false
        }
    }

    static let w = UInt8(ascii: "w")

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}

/// Relative links from a generated file to a customer file.
public enum MarkdownLink {
    /// The path of `target` (workspace-relative) as seen from `folder` (workspace-relative,
    /// "" for the root), percent-encoded so spaces, brackets and the like cannot end the link.
    public static func relative(_ target: String, from folder: String) -> String {
        var target = target, folder = folder
        return target.withUTF8 { target in
            folder.withUTF8 { folder in
                // The parts between `/`, split on the bytes.
                func parts(_ path: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
                    var result: [Range<Int>] = []
                    var start = 0
                    for index in 0..<path.count where path[index] == ASCII.slash {
                        if start < index { result.append(start..<index) }
                        start = index + 1
                    }
                    if start < path.count { result.append(start..<path.count) }
                    return result
                }
                let targetParts = parts(target)
                let folderParts = parts(folder)
                var common = 0
                while common < folderParts.count, common < targetParts.count - 1,
                      folder[folderParts[common]].elementsEqual(target[targetParts[common]]) { common += 1 }
                var output: [UInt8] = []
                output.reserveCapacity(target.count + 3 * (folderParts.count - common) + 16)
                for _ in 0..<(folderParts.count - common) { output.append(contentsOf: [ASCII.dot, ASCII.dot, ASCII.slash]) }
                for (offset, part) in targetParts[common...].enumerated() {
                    if offset > 0 { output.append(ASCII.slash) }
                    encode(UnsafeBufferPointer(rebasing: target[part]), into: &output)
                }
                return String(decoding: output, as: UTF8.self)
            }
        }
    }

    /// Percent-encodes what may not stand in a link destination: ASCII controls, space and
    /// `"#%'()<>?[\]^`{|}`, and every non-ASCII whitespace character (U+3000 and the like).
    /// Other non-ASCII characters (Chinese names) stay as they are: GitHub and GitLab read
    /// them, and the raw file stays readable.
    public static func encode(_ segment: String) -> String {
        var segment = segment
        return segment.withUTF8 { bytes in
            var output: [UInt8] = []
            encode(bytes, into: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// `encode` of a segment's UTF-8, appended to `output`. Written as bytes: ASCII by a
    /// table, the CJK ideographs of U+4000...U+9FFF (no whitespace, control or format
    /// character among them) without a look-up of their properties.
    public static func encode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var index = 0
        var runStart = 0  // characters that stay are copied in runs
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let stop = min(index + length, count)
            let escape: Bool
            if lead < 0x80 {
                escape = lead <= 0x20 || lead == 0x7F || escapedASCII[Int(lead)]
            } else if lead >= 0xE4 && lead <= 0xE9 {
                escape = false
            } else {
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for next in (index + 1)..<stop { value = value << 6 | UInt32(bytes[next] & 0x3F) }
                if let scalar = Unicode.Scalar(value) {
                    escape = scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
                        || scalar.properties.generalCategory == .format
                } else {
                    escape = true
                }
            }
            if escape {
                if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                for next in index..<stop {
                    output.append(ASCII.percent)
                    output.append(hexDigits[Int(bytes[next] >> 4)])
                    output.append(hexDigits[Int(bytes[next] & 0x0F)])
                }
                runStart = stop
            }
            index = stop
        }
        if runStart < count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
    }

    /// The ASCII characters `encode` escapes besides controls and space.
    static let escapedASCII: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for byte in "\"#%'()<>?[\\]^`{|}".utf8 { table[Int(byte)] = true }
        return table
    }()

    static let hexDigits = Array("0123456789ABCDEF".utf8)
}

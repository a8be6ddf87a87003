import LeadbookText

/// The flat front-matter decoder: the front matter of the common customer file read straight
/// from its bytes, without the general YAML tree.
///
/// It reads a strict subset of the subset `YAMLReader` reads (block maps of ASCII keys, block
/// lists, `[...]` and `{...}` on one line, plain and quoted values on one line, `|` and `|-`
/// text) into one flat array of byte ranges, compares keys as bytes with the tables of
/// `CustomerField` and the nested maps, and types each value from its bytes. It declines a
/// file, returning nil, at anything it is not sure of: a YAML problem or note, a construct
/// outside its subset, an unknown key, and any value that would make a diagnostic while
/// decoding (the wrong type, an unknown value, text other YAML tools read as something else).
/// The caller then reads the file with `YAMLReader` and `CustomerReader.decodeFrontMatter`,
/// so every diagnostic, line and column stays what the full reader says. A file it accepts
/// decodes to the same `Customer` and the same `FieldPositions` as the full reader gives
/// (`FlatFrontMatterTests` compares both on every corpus).
public struct FlatFrontMatter {
    public enum Kind: UInt8 {
        case empty, plain, doubleQuoted, singleQuoted, literal, literalStrip, map, sequence
    }

    /// One value, in document order; a collection's items or pairs follow it (`size` of them
    /// and their own).
    public struct Node {
        public var kind: Kind
        /// The node's first byte (the quote, the `|`, the `-`, the first key, the `[`).
        public var start: Int
        /// The text's bytes (inside quotes; for `|`, from the first content line's start).
        public var textStart: Int
        public var textEnd: Int
        public var line: Int
        /// The key of the pair whose value this is (empty: an item).
        public var keyStart: Int
        public var keyEnd: Int
        /// The descendants that follow it.
        public var size: Int
        /// The indentation of a `|` text's lines.
        public var contentIndent: Int
    }

    struct Decline: Error {}

    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    var lineStart: Int
    var line: Int
    /// The indentation of the line at `lineStart` (valid when not `atEnd`).
    var indent = 0
    var atEnd = false
    var pos: Int
    public var nodes: [Node] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, firstLine: Int) {
        self.bytes = bytes
        end = range.upperBound
        lineStart = range.lowerBound
        pos = range.lowerBound
        line = firstLine
    }

    /// The customer and where its fields are, or nil when the full reader must read the file.
    public static func decode(_ buffer: UnsafeBufferPointer<UInt8>, layout: RecordLayout, configuration: Configuration)
        -> (Customer, CustomerReader.FieldPositions)? {
        let range = layout.frontMatter
        guard Self.plainBytes(buffer, range) else { return nil }
        var flat = FlatFrontMatter(buffer, range: range, firstLine: layout.frontMatterFirstLine)
        flat.nodes.reserveCapacity(160)
        do {
            return try flat.decodeTop(configuration)
        } catch {
            return nil
        }
    }

    /// No tab, no carriage return but before a line feed, no character `YAMLReader` refuses.
    static func plainBytes(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        if UTF8Bytes.find(ASCII.tab, in: buffer, from: range.lowerBound, to: range.upperBound) < range.upperBound { return false }
        var cr = UTF8Bytes.find(ASCII.cr, in: buffer, from: range.lowerBound, to: range.upperBound)
        while cr < range.upperBound {
            guard cr + 1 < range.upperBound, buffer[cr + 1] == ASCII.lf else { return false }
            cr = UTF8Bytes.find(ASCII.cr, in: buffer, from: cr + 2, to: range.upperBound)
        }
        return YAMLReader.isFreeOfControlCharacters(buffer, range)
    }

    // MARK: - Lines

    @inline(__always) func byte(_ index: Int) -> UInt8 { index < end ? bytes[index] : 0 }

    @inline(__always) func isLineEnd(_ index: Int) -> Bool {
        index >= end || bytes[index] == ASCII.lf || bytes[index] == ASCII.cr
    }

    /// The end of the line holding `index` (its CR or LF, or the end).
    @inline(__always) func lineEnd(from index: Int) -> Int {
        let lf = UTF8Bytes.find(ASCII.lf, in: bytes, from: index, to: end)
        return lf > index && bytes[lf - 1] == ASCII.cr ? lf - 1 : lf
    }

    /// To the line after the one ending at `stop`.
    @inline(__always) mutating func nextLine(after stop: Int) {
        if stop >= end {
            lineStart = end
        } else {
            lineStart = bytes[stop] == ASCII.cr ? stop + 2 : stop + 1
            line += 1
        }
    }

    /// From `lineStart`, past blank and comment lines to the next line with content.
    mutating func skipToContent() {
        while lineStart < end {
            var index = lineStart
            while index < end, bytes[index] == ASCII.space { index += 1 }
            if index < end, bytes[index] != ASCII.lf, bytes[index] != ASCII.cr, bytes[index] != ASCII.hash {
                indent = index - lineStart
                return
            }
            nextLine(after: lineEnd(from: index))
        }
        atEnd = true
    }

    /// After a value that ends on its line: only blanks and a comment may follow.
    mutating func finishLine() throws {
        let valueEnd = pos
        while pos < end, bytes[pos] == ASCII.space { pos += 1 }
        if !isLineEnd(pos) {
            guard bytes[pos] == ASCII.hash, pos > valueEnd else { throw Decline() }
            pos = lineEnd(from: pos)
        }
        nextLine(after: pos)
        skipToContent()
    }

    @inline(__always) func isDash(_ index: Int) -> Bool {
        byte(index) == ASCII.dash && (isLineEnd(index + 1) || bytes[index + 1] == ASCII.space)
    }

    /// `key:` of ASCII letters, digits and `_` at `index`, then a space or the line's end: the
    /// end of the key.
    @inline(__always) func keyEnd(at index: Int) -> Int? {
        var scan = index
        while scan < end, ASCII.isWordByte(bytes[scan]) { scan += 1 }
        guard scan > index, byte(scan) == ASCII.colon, isLineEnd(scan + 1) || bytes[scan + 1] == ASCII.space else { return nil }
        return scan
    }

    @inline(__always) func isFullWidthColon(_ index: Int) -> Bool {
        index + 2 < end && bytes[index] == 0xEF && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x9A
    }

    mutating func append(_ kind: Kind, start: Int, text: Range<Int>, key: Range<Int>) -> Int {
        nodes.append(Node(kind: kind, start: start, textStart: text.lowerBound, textEnd: text.upperBound, line: line,
                          keyStart: key.lowerBound, keyEnd: key.upperBound, size: 0, contentIndent: 0))
        return nodes.count - 1
    }

    // MARK: - Structure

    /// The value after `key:` (`pos` just past the colon) of a map at column `column`.
    mutating func value(column: Int, key: Range<Int>) throws -> Int {
        let afterColon = pos
        let keyLine = line
        while pos < end, bytes[pos] == ASCII.space { pos += 1 }
        if isLineEnd(pos) || bytes[pos] == ASCII.hash {
            nextLine(after: lineEnd(from: pos))
            skipToContent()
            if !atEnd, indent > column {
                let first = lineStart + indent
                if isDash(first) { return try sequence(indent: indent, key: key) }
                if keyEnd(at: first) != nil { return try map(column: indent, first: first, key: key) }
                throw Decline()
            }
            if !atEnd, indent == column, isDash(lineStart + indent) { return try sequence(indent: indent, key: key) }
            let node = append(.empty, start: afterColon, text: afterColon..<afterColon, key: key)
            nodes[node].line = keyLine
            return node
        }
        return try inline(parentIndent: column, key: key, item: false)
    }

    /// A value starting at `pos` on its line.
    mutating func inline(parentIndent: Int, key: Range<Int>, item: Bool) throws -> Int {
        let first = bytes[pos]
        switch first {
        case ASCII.pipe: return try literal(parentIndent: parentIndent, key: key)
        case ASCII.doubleQuote, ASCII.singleQuote:
            let node = try quoted(key: key)
            try finishLine()
            return node
        case ASCII.openBracket:
            let node = try flowSequence(key: key)
            try finishLine()
            return node
        case ASCII.openBrace:
            let node = try flowMap(key: key)
            try finishLine()
            return node
        case ASCII.ampersand, ASCII.asterisk, ASCII.bang, ASCII.greater, ASCII.percent, ASCII.at, ASCII.backtick, ASCII.hash,
             ASCII.comma, ASCII.closeBracket, ASCII.closeBrace:
            throw Decline()
        case ASCII.question, ASCII.colon, ASCII.dash:
            if isLineEnd(pos + 1) || bytes[pos + 1] == ASCII.space { throw Decline() }
        case 0xE3:
            if byte(pos + 1) == 0x80 && byte(pos + 2) == 0x80 { throw Decline() }
        default:
            break
        }
        return try plain(key: key, item: item)
    }

    /// A plain value on one line.
    mutating func plain(key: Range<Int>, item: Bool) throws -> Int {
        let start = pos
        let stop = lineEnd(from: pos)
        var scan = pos
        while scan < stop {
            let byte = bytes[scan]
            if byte >= 0xE0 {
                // A character of three or four bytes (Chinese text): only a full-width colon
                // matters, in a list item.
                if item, byte == 0xEF, isFullWidthColon(scan) { throw Decline() }
                scan += byte >= 0xF0 ? 4 : 3
                continue
            }
            if byte == ASCII.colon {
                let next = scan + 1
                if next >= stop || bytes[next] == ASCII.space || (bytes[next] == 0xE3 && self.byte(next + 1) == 0x80 && self.byte(next + 2) == 0x80) {
                    throw Decline()
                }
            } else if byte == ASCII.hash, bytes[scan - 1] == ASCII.space {
                break
            }
            scan += 1
        }
        var textEnd = scan
        while textEnd > start, bytes[textEnd - 1] == ASCII.space { textEnd -= 1 }
        if bytes[start] >= 0xE2, YAMLReader.isInChineseQuotes(bytes, start..<textEnd) { throw Decline() }
        let node = append(.plain, start: start, text: start..<textEnd, key: key)
        nextLine(after: stop)
        skipToContent()
        return node
    }

    /// `"..."` or `'...'` on one line, without escapes, not empty.
    mutating func quoted(key: Range<Int>) throws -> Int {
        let start = pos
        let quote = bytes[pos]
        var scan = pos + 1
        while !isLineEnd(scan), bytes[scan] != quote {
            if bytes[scan] == ASCII.backslash && quote == ASCII.doubleQuote { throw Decline() }
            scan += 1
        }
        guard !isLineEnd(scan), scan > start + 1 else { throw Decline() }
        if quote == ASCII.singleQuote && byte(scan + 1) == ASCII.singleQuote { throw Decline() }
        pos = scan + 1
        return append(quote == ASCII.doubleQuote ? .doubleQuoted : .singleQuoted, start: start, text: start + 1..<scan, key: key)
    }

    /// `|` or `|-` and its lines, more indented than `parentIndent`.
    mutating func literal(parentIndent: Int, key: Range<Int>) throws -> Int {
        let start = pos
        let startLine = line
        pos += 1
        var strip = false
        if byte(pos) == ASCII.dash {
            strip = true
            pos += 1
        }
        let headerEnd = pos
        while pos < end, bytes[pos] == ASCII.space { pos += 1 }
        if !isLineEnd(pos) {
            guard bytes[pos] == ASCII.hash, pos > headerEnd else { throw Decline() }
            pos = lineEnd(from: pos)
        }
        nextLine(after: pos)
        var contentIndent = 0
        var firstContent = -1
        var lastContentEnd = 0
        while lineStart < end {
            var index = lineStart
            while index < end, bytes[index] == ASCII.space { index += 1 }
            let spaces = index - lineStart
            let stop = lineEnd(from: index)
            if contentIndent == 0 {
                // Empty lines before the first line of text: left to the full reader.
                if index == stop { throw Decline() }
                if spaces <= parentIndent { break }
                contentIndent = spaces
            }
            if index == stop && spaces <= contentIndent {
                // An empty line inside the text.
            } else if spaces < contentIndent {
                break
            } else {
                if firstContent < 0 { firstContent = lineStart }
                lastContentEnd = stop
            }
            nextLine(after: stop)
        }
        guard firstContent >= 0 else { throw Decline() }
        let node = append(strip ? .literalStrip : .literal, start: start, text: firstContent..<lastContentEnd, key: key)
        nodes[node].line = startLine
        nodes[node].contentIndent = contentIndent
        skipToContent()
        return node
    }

    /// A block map whose first key is at `first`, its keys at `column`.
    mutating func map(column: Int, first: Int, key: Range<Int>) throws -> Int {
        let node = append(.map, start: first, text: first..<first, key: key)
        var keyStart = first
        while true {
            guard let keyStop = keyEnd(at: keyStart) else { throw Decline() }
            // A key twice is a YAML error.
            var sibling = node + 1
            while sibling < nodes.count {
                let other = nodes[sibling]
                if other.keyEnd - other.keyStart == keyStop - keyStart,
                   (0..<(keyStop - keyStart)).allSatisfy({ bytes[other.keyStart + $0] == bytes[keyStart + $0] }) {
                    throw Decline()
                }
                sibling += other.size + 1
            }
            pos = keyStop + 1
            _ = try value(column: column, key: keyStart..<keyStop)
            if atEnd || indent < column { break }
            if indent > column { throw Decline() }
            keyStart = lineStart + column
            if isDash(keyStart) { throw Decline() }
        }
        nodes[node].size = nodes.count - node - 1
        return node
    }

    /// A block list whose dashes are at `indent` (the current line's).
    mutating func sequence(indent column: Int, key: Range<Int>) throws -> Int {
        let node = append(.sequence, start: lineStart + column, text: 0..<0, key: key)
        while true {
            pos = lineStart + column + 1
            while pos < end, bytes[pos] == ASCII.space { pos += 1 }
            if isLineEnd(pos) || bytes[pos] == ASCII.hash || isDash(pos) { throw Decline() }
            if keyEnd(at: pos) != nil {
                _ = try map(column: pos - lineStart, first: pos, key: 0..<0)
            } else {
                _ = try inline(parentIndent: column, key: 0..<0, item: true)
            }
            if atEnd || indent < column { break }
            if indent > column { throw Decline() }
            guard isDash(lineStart + column) else { break }
        }
        nodes[node].size = nodes.count - node - 1
        return node
    }

    /// A plain scalar inside `[...]` or `{...}`: up to `,`, `]` or `}`.
    mutating func flowPlain(key: Range<Int>, inSequence: Bool) throws -> Int {
        let first = bytes[pos]
        switch first {
        case ASCII.ampersand, ASCII.asterisk, ASCII.bang, ASCII.pipe, ASCII.greater, ASCII.percent, ASCII.at, ASCII.backtick,
             ASCII.hash, ASCII.comma, ASCII.closeBracket, ASCII.closeBrace, ASCII.openBracket, ASCII.openBrace:
            throw Decline()
        case ASCII.question, ASCII.colon, ASCII.dash:
            let next = byte(pos + 1)
            if isLineEnd(pos + 1) || next == ASCII.space || next == ASCII.comma || next == ASCII.openBracket
                || next == ASCII.closeBracket || next == ASCII.openBrace || next == ASCII.closeBrace { throw Decline() }
        default:
            break
        }
        let start = pos
        var scan = pos
        while true {
            if isLineEnd(scan) { throw Decline() }
            let byte = bytes[scan]
            if byte >= 0xE0 && byte != 0xE3 && byte != 0xEF {
                scan += byte >= 0xF0 ? 4 : 3
                continue
            }
            if byte == ASCII.comma || byte == (inSequence ? ASCII.closeBracket : ASCII.closeBrace) { break }
            switch byte {
            case ASCII.colon, ASCII.openBracket, ASCII.openBrace, ASCII.closeBracket, ASCII.closeBrace: throw Decline()
            case ASCII.hash where bytes[scan - 1] == ASCII.space: throw Decline()
            case 0xEF where inSequence && self.byte(scan + 1) == 0xBC && self.byte(scan + 2) == 0x8C: throw Decline()
            case 0xE3 where inSequence && self.byte(scan + 1) == 0x80 && self.byte(scan + 2) == 0x81: throw Decline()
            default: break
            }
            scan += 1
        }
        var textEnd = scan
        while textEnd > start, bytes[textEnd - 1] == ASCII.space { textEnd -= 1 }
        if bytes[start] >= 0xE2, YAMLReader.isInChineseQuotes(bytes, start..<textEnd) { throw Decline() }
        pos = scan
        return append(.plain, start: start, text: start..<textEnd, key: key)
    }

    mutating func flowItem(key: Range<Int>, inSequence: Bool) throws {
        let first = bytes[pos]
        if first == ASCII.doubleQuote || first == ASCII.singleQuote {
            _ = try quoted(key: key)
        } else {
            _ = try flowPlain(key: key, inSequence: inSequence)
        }
        while pos < end, bytes[pos] == ASCII.space { pos += 1 }
    }

    /// `[a, b]` on one line, of scalars.
    mutating func flowSequence(key: Range<Int>) throws -> Int {
        let node = append(.sequence, start: pos, text: 0..<0, key: key)
        pos += 1
        while true {
            while pos < end, bytes[pos] == ASCII.space { pos += 1 }
            if isLineEnd(pos) { throw Decline() }
            if bytes[pos] == ASCII.closeBracket { pos += 1; break }
            try flowItem(key: 0..<0, inSequence: true)
            if isLineEnd(pos) { throw Decline() }
            if bytes[pos] == ASCII.comma { pos += 1; continue }
            if bytes[pos] == ASCII.closeBracket { pos += 1; break }
            throw Decline()
        }
        nodes[node].size = nodes.count - node - 1
        return try flowEnd(node)
    }

    /// `{a: 1, b: 2}` on one line, of scalars.
    mutating func flowMap(key: Range<Int>) throws -> Int {
        let node = append(.map, start: pos, text: 0..<0, key: key)
        pos += 1
        while true {
            while pos < end, bytes[pos] == ASCII.space { pos += 1 }
            if isLineEnd(pos) { throw Decline() }
            if bytes[pos] == ASCII.closeBrace { pos += 1; break }
            let keyStart = pos
            while pos < end, ASCII.isWordByte(bytes[pos]) { pos += 1 }
            guard pos > keyStart, byte(pos) == ASCII.colon, byte(pos + 1) == ASCII.space else { throw Decline() }
            let keyStop = pos
            for sibling in node + 1..<nodes.count {
                let other = nodes[sibling]
                if other.keyEnd - other.keyStart == keyStop - keyStart,
                   (0..<(keyStop - keyStart)).allSatisfy({ bytes[other.keyStart + $0] == bytes[keyStart + $0] }) {
                    throw Decline()
                }
            }
            pos += 1
            while pos < end, bytes[pos] == ASCII.space { pos += 1 }
            if isLineEnd(pos) || bytes[pos] == ASCII.comma || bytes[pos] == ASCII.closeBrace { throw Decline() }
            try flowItem(key: keyStart..<keyStop, inSequence: false)
            if isLineEnd(pos) { throw Decline() }
            if bytes[pos] == ASCII.comma { pos += 1; continue }
            if bytes[pos] == ASCII.closeBrace { pos += 1; break }
            throw Decline()
        }
        nodes[node].size = nodes.count - node - 1
        return try flowEnd(node)
    }

    /// After `]` or `}`: not a key.
    mutating func flowEnd(_ node: Int) throws -> Int {
        var scan = pos
        while scan < end, bytes[scan] == ASCII.space { scan += 1 }
        if byte(scan) == ASCII.colon { throw Decline() }
        return node
    }
}

// MARK: - Typing

extension FlatFrontMatter {
    /// The next sibling of node `index`.
    @inline(__always) func after(_ index: Int) -> Int { index + nodes[index].size + 1 }

    /// The children of the collection at `index`, in order.
    @inline(__always) func forEachChild(_ index: Int, _ body: (Int) throws -> Void) rethrows {
        var child = index + 1
        let stop = after(index)
        while child < stop {
            try body(child)
            child = after(child)
        }
    }

    /// The same, as an array (for the rare nested values).
    func children(_ index: Int) -> [Int] {
        var result: [Int] = []
        forEachChild(index) { result.append($0) }
        return result
    }

    @inline(__always) func keyMatch<Field>(_ node: Node, _ table: [[([UInt8], Field)]]) -> Field? {
        KeyNames.match(UnsafeBufferPointer(rebasing: bytes[node.keyStart..<node.keyEnd]), in: table)
    }

    /// The text of a scalar (nil for an empty value); a collection declines.
    func string(_ index: Int) throws -> String? {
        let node = nodes[index]
        switch node.kind {
        case .empty: return nil
        case .map, .sequence: throw Decline()
        case .literal, .literalStrip: return literalText(node)
        case .plain, .doubleQuoted, .singleQuoted: return UTF8Bytes.string(bytes, node.textStart..<node.textEnd)
        }
    }

    /// The text of a scalar, collections as `…` (what an extra field keeps).
    func scalarText(_ index: Int) -> String? {
        let node = nodes[index]
        switch node.kind {
        case .empty: return ""
        case .map, .sequence: return nil
        case .literal, .literalStrip: return literalText(node)
        case .plain, .doubleQuoted, .singleQuoted: return UTF8Bytes.string(bytes, node.textStart..<node.textEnd)
        }
    }

    /// A `|` text: its lines without their indentation, joined by line breaks (and one after
    /// the last, but for `|-`).
    func literalText(_ node: Node) -> String {
        var value: [UInt8] = []
        value.reserveCapacity(node.textEnd - node.textStart + 8)
        var start = node.textStart
        var first = true
        while start < node.textEnd {
            let stop = lineEnd(from: start)
            if !first { value.append(ASCII.lf) }
            first = false
            if stop - start > node.contentIndent {
                value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(start + node.contentIndent)..<stop]))
            }
            guard stop < node.textEnd else { break }
            start = bytes[stop] == ASCII.cr ? stop + 2 : stop + 1
        }
        if node.kind == .literal { value.append(ASCII.lf) }
        return String(decoding: value, as: UTF8.self)
    }

    /// Text of a text field: a plain value other YAML tools read otherwise declines.
    func text(_ index: Int) throws -> String? {
        let node = nodes[index]
        if node.kind == .plain, PlainScalarReading.of(UnsafeBufferPointer(rebasing: bytes[node.textStart..<node.textEnd])) != .text {
            throw Decline()
        }
        return try string(index)
    }

    /// The bytes of a scalar on one line (nil for an empty value).
    func oneLine(_ index: Int) throws -> Range<Int>? {
        let node = nodes[index]
        switch node.kind {
        case .empty: return nil
        case .plain, .doubleQuoted, .singleQuoted: return node.textStart..<node.textEnd
        default: throw Decline()
        }
    }

    func integer(_ index: Int, maximum: Int = Int.max) throws -> Int? {
        guard let text = try string(index) else { return nil }
        guard let value = FieldDecoder.parseInteger(text), value >= 0, value <= maximum else { throw Decline() }
        return value
    }

    func number(_ index: Int) throws -> Double? {
        guard let text = try string(index) else { return nil }
        guard let value = FieldDecoder.parseNumber(text), value >= 0 else { throw Decline() }
        return value
    }

    func date(_ index: Int) throws -> LocalDate? {
        guard let range = try oneLine(index) else { return nil }
        guard case .success(let date) = LocalDate.check(bytes, range) else { throw Decline() }
        return date
    }

    func dateTime(_ index: Int) throws -> LocalDateTime? {
        guard let range = try oneLine(index) else { return nil }
        guard case .success(let value) = LocalDateTime.check(bytes, range) else { throw Decline() }
        return value
    }

    func vocabulary<V: Vocabulary>(_ index: Int, _ type: V.Type) throws -> V? {
        guard let range = try oneLine(index) else { return nil }
        guard let value = V.matching(bytes, range) else { throw Decline() }
        return value
    }

    /// A list (false: an empty value); anything else declines.
    func isList(_ index: Int) throws -> Bool {
        switch nodes[index].kind {
        case .empty: return false
        case .sequence: return true
        default: throw Decline()
        }
    }

    /// A map (false: an empty value); anything else declines.
    func isMap(_ index: Int) throws -> Bool {
        switch nodes[index].kind {
        case .empty: return false
        case .map: return true
        default: throw Decline()
        }
    }

    /// Each item of a list of maps, each a map.
    func forEachMap(_ index: Int, _ body: (Int) throws -> Void) throws {
        guard try isList(index) else { return }
        try forEachChild(index) { item in
            guard nodes[item].kind == .map else { throw Decline() }
            try body(item)
        }
    }

    func keyText(_ node: Node) -> String { UTF8Bytes.string(bytes, node.keyStart..<node.keyEnd) }

    // MARK: - The front matter

    mutating func decodeTop(_ configuration: Configuration) throws -> (Customer, CustomerReader.FieldPositions) {
        var customer = Customer()
        var positions = CustomerReader.FieldPositions()
        var seen: UInt64 = 0
        var extraKeys: [String] = []
        var sourceDetail: Int?
        skipToContent()
        if atEnd { throw Decline() }
        while !atEnd {
            guard indent == 0, let keyStop = keyEnd(at: lineStart) else { throw Decline() }
            let keyStart = lineStart
            pos = keyStop + 1
            let index = try value(column: 0, key: keyStart..<keyStop)
            let node = nodes[index]
            guard let field = keyMatch(node, CustomerField.byLength) else {
                let key = keyText(node)
                guard configuration.extraFields.contains(key), !extraKeys.contains(key) else {
                    throw Decline()
                }
                extraKeys.append(key)
                customer.extra.append((key, scalarText(index) ?? "…"))
                continue
            }
            let bit: UInt64 = 1 << UInt64(field.rawValue)
            if seen & bit != 0 { throw Decline() }
            seen |= bit
            let empty = node.kind == .empty
            positions.entries[field.rawValue] = CustomerReader.FieldPositions.Position(key: keyStart, value: node.start, valueIsEmpty: empty,
                                                                                        line: node.line)
            switch field {
            case .id: customer.id = try text(index)
            case .name: customer.name = try text(index)
            case .kind: customer.kind = try vocabulary(index, CustomerKind.self) ?? .company
            case .industry: customer.industry = try text(index)
            case .region: customer.region = try text(index)
            case .employees: customer.employees = try integer(index)
            case .revenue: customer.revenue = try number(index)
            case .source:
                if let text = try string(index) {
                    guard let known = configuration.source(named: text) else { throw Decline() }
                    customer.source = known
                }
            case .sourceDetail: sourceDetail = index
            case .sources: customer.sources = try sources(index, configuration)
            case .contacts: customer.contacts = try contacts(index)
            case .needs: customer.needs = try text(index)
            case .budget: customer.budget = try number(index)
            case .decisionBy: customer.decisionBy = try date(index)
            case .intent: customer.intent = try vocabulary(index, Intent.self)
            case .score: customer.score = try score(index, configuration.scoring)
            case .grade: customer.grade = try vocabulary(index, Grade.self)
            case .tags:
                if try isList(index) {
                    try forEachChild(index) { item in
                        if let text = try text(item) { customer.tags.append(text) }
                    }
                }
            case .owner: customer.owner = try text(index)
            case .created: customer.created = try dateTime(index)
            case .assigned: customer.assigned = try dateTime(index)
            case .status: customer.status = try vocabulary(index, Status.self)
            case .next: customer.next = try date(index)
            case .plan: customer.plan = try plan(index)
            case .deal: customer.deal = try deal(index)
            case .lostReason: customer.lostReason = try text(index)
            case .mergedInto: customer.mergedInto = try text(index)
            }
        }
        if let sourceDetail { try self.sourceDetail(sourceDetail, into: &customer) }
        return (customer, positions)
    }

    func sourceDetail(_ index: Int, into customer: inout Customer) throws {
        guard try isMap(index) else { return }
        let source = customer.source
        let known = source.flatMap { CustomerReader.detailKeys[$0] }
        for pair in children(index) {
            let node = nodes[pair]
            let key = keyText(node)
            if let known, !known.contains(key) { throw Decline() }
            let checkedAsText = key != "complete" || source != "website"
            if key == "minutes" && source == "exhibition" {
                if let minutes = try integer(pair) { customer.sourceDetail.append((key, String(minutes))) }
                continue
            }
            switch node.kind {
            case .sequence:
                var texts: [String] = []
                for item in children(pair) {
                    if let text = checkedAsText ? try text(item) : scalarText(item) { texts.append(text) }
                }
                customer.sourceDetailLists[key] = texts
                customer.sourceDetail.append((key, texts.joined(separator: "、")))
            case .map:
                throw Decline()
            default:
                if checkedAsText { _ = try text(pair) }
                customer.sourceDetail.append((key, scalarText(pair) ?? ""))
            }
        }
    }

    func sources(_ index: Int, _ configuration: Configuration) throws -> [SourceRecord] {
        var records: [SourceRecord] = []
        guard try isList(index) else { return [] }
        for item in children(index) {
            guard nodes[item].kind == .map else { throw Decline() }
            var record = SourceRecord()
            var hasSource = false
            for pair in children(item) {
                let node = nodes[pair]
                switch keyText(node) {
                case "source":
                    hasSource = true
                    if let text = try string(pair) {
                        guard let known = configuration.source(named: text) else { throw Decline() }
                        record.source = known
                    }
                case "date": record.date = try date(pair)
                case "detail":
                    if node.kind == .map {
                        var detail: [String] = []
                        var detailMap: [(String, DetailValue)] = []
                        for entry in children(pair) {
                            let key = keyText(nodes[entry])
                            switch nodes[entry].kind {
                            case .map: throw Decline()
                            case .sequence:
                                let texts = children(entry).compactMap(scalarText)
                                detail.append("\(key): \(texts.joined(separator: "、"))")
                                detailMap.append((key, .list(texts)))
                            default:
                                let text = scalarText(entry) ?? ""
                                detail.append("\(key): \(text)")
                                detailMap.append((key, .text(text)))
                            }
                        }
                        record.detail = detail.joined(separator: "; ")
                        record.detailMap = detailMap
                    } else {
                        record.detail = try text(pair)
                    }
                default: throw Decline()
                }
            }
            if !hasSource { throw Decline() }
            records.append(record)
        }
        return records
    }

    func contacts(_ index: Int) throws -> [Contact] {
        var contacts: [Contact] = []
        let table = CustomerReader.contactNames.byLength
        try forEachMap(index) { item in
            var contact = Contact()
            try forEachChild(item) { pair in
                guard let part = keyMatch(nodes[pair], table) else { throw Decline() }
                switch part {
                case .name: contact.name = try text(pair)
                case .title: contact.title = try text(pair)
                case .phone: contact.phone = try text(pair)
                case .email: contact.email = try text(pair)
                case .wechat: contact.wechat = try text(pair)
                case .prefers: contact.prefers = try vocabulary(pair, ContactPreference.self)
                case .role: contact.role = try vocabulary(pair, ContactRole.self)
                }
            }
            if contact.name == nil { throw Decline() }
            contacts.append(contact)
        }
        return contacts
    }

    func score(_ index: Int, _ scoring: Configuration.Scoring) throws -> Score? {
        guard try isMap(index) else { return nil }
        var score = Score()
        let table = CustomerReader.scoreNames.byLength
        try forEachChild(index) { pair in
            guard let part = keyMatch(nodes[pair], table) else { throw Decline() }
            switch part {
            case .size: score.size = try integer(pair, maximum: scoring.maxSize)
            case .budget: score.budget = try integer(pair, maximum: scoring.maxBudget)
            case .urgency: score.urgency = try integer(pair, maximum: scoring.maxUrgency)
            case .decision: score.decision = try integer(pair, maximum: scoring.maxDecision)
            case .reviewedBy: score.reviewedBy = try text(pair)
            case .reviewed: score.reviewed = try date(pair)
            }
        }
        return score
    }

    func plan(_ index: Int) throws -> [PlanStep] {
        var steps: [PlanStep] = []
        let table = CustomerReader.planNames.byLength
        try forEachMap(index) { item in
            var step = PlanStep()
            try forEachChild(item) { pair in
                guard let part = keyMatch(nodes[pair], table) else { throw Decline() }
                switch part {
                case .stage: step.stage = try vocabulary(pair, Stage.self)
                case .goal: step.goal = try text(pair)
                case .channels:
                    let channels = nodes[pair].kind == .sequence ? children(pair) : nodes[pair].kind == .empty ? [] : [pair]
                    for channel in channels {
                        if let value = try vocabulary(channel, Channel.self) { step.channels.append(value) }
                    }
                case .points: step.points = try text(pair)
                case .due:
                    if let range = try? oneLine(pair), range.count >= 5,
                       (range.lowerBound..<range.lowerBound + 4).allSatisfy({ ASCII.isDigit(bytes[$0]) }), bytes[range.lowerBound + 4] == ASCII.dash {
                        step.due = try date(pair)
                    } else if nodes[pair].kind == .literal || nodes[pair].kind == .literalStrip {
                        throw Decline()
                    } else {
                        step.dueText = try text(pair)
                        if let text = step.dueText {
                            // A text that is no weekday is reported by the full reader.
                            guard let weekly = WeeklyDays(text) else { throw Decline() }
                            step.weekly = weekly
                        }
                    }
                case .owner: step.owner = try text(pair)
                case .expected: step.expected = try text(pair)
                case .fallback: step.fallback = try text(pair)
                }
            }
            steps.append(step)
        }
        return steps
    }

    func deal(_ index: Int) throws -> Deal? {
        guard try isMap(index) else { return nil }
        var deal = Deal()
        try forEachChild(index) { pair in
            switch keyText(nodes[pair]) {
            case "amount": deal.amount = try number(pair)
            case "closed": deal.closed = try date(pair)
            default: throw Decline()
            }
        }
        return deal
    }
}

import LeadbookText

/// What is at a position of a customer file, for completion and hover: a front-matter key or
/// value (with the keys it is under), an entry heading's date or channel, an entry's key or
/// value, a to-do's date or `@` owner. Told from the lines around the position alone, so it
/// works while the rep types, when the YAML does not parse yet and in a file whose front matter
/// is not closed.
struct EditorPlace {
    enum Kind: Equatable {
        /// A key of the map under `parents` (none: the top of the front matter); `hasColon`:
        /// the line already has its colon; `siblings`: the keys the map has on other lines.
        case key(parents: [String], hasColon: Bool, siblings: Set<String>)
        /// The value of the key `path.last` (under the keys before it).
        case value(path: [String])
        /// The date at the start of an entry heading; `hasTime`: a time follows it.
        case headingDate(LogReader.Section.Kind, hasTime: Bool)
        case headingChannel(LogReader.Section.Kind)
        /// The key of a `- key: value` line of an entry (`chinese`: the section's heading is Chinese).
        case entryKey(LogReader.Section.Kind, hasColon: Bool, chinese: Bool)
        case entryValue(LogReader.Section.Kind, EntryKey)
        /// The date of a to-do (after `- [ ] ` or `- todo: `).
        case todoDate
        /// A team member after `@` in a to-do.
        case mention
    }

    var kind: Kind
    /// The bytes of the word at the position (what a completion replaces, what hover explains).
    var token: Range<Int>
    /// What goes before a value typed right after a colon (`status:|`): the space YAML needs.
    var lead = ""

    init(kind: Kind, token: Range<Int>) {
        self.kind = kind
        self.token = token
    }

    /// The same, with a space before what is typed at `token` when a colon is right before it.
    func spaced(_ bytes: UnsafeBufferPointer<UInt8>) -> EditorPlace {
        var place = self
        if token.isEmpty, token.lowerBound > 0, bytes[token.lowerBound - 1] == ASCII.colon { place.lead = " " }
        return place
    }

    static let scalarLists: Set<String> = ["tags", "channels", "keywords", "products"]

    static func at(_ position: EditorPosition, in document: EditorDocument) -> EditorPlace? {
        guard position.line >= 0, position.line < document.lineCount else { return nil }
        let offset = document.offset(of: position)
        if let frontMatter = document.frontMatterLines, frontMatter.contains(position.line) {
            return frontMatterPlace(line: position.line, offset: offset, frontMatter: frontMatter, document)
        }
        let body = document.bodyFirstLine
        guard position.line >= body else { return nil }
        return bodyPlace(line: position.line, offset: offset, from: body, document)
    }

    // MARK: - The front matter

    /// The shape of a front-matter line: its indentation, the column its content starts at
    /// (after `- ` item marks), the last mark's column and its key (up to a `:` or `：`).
    struct LineShape {
        var start: Int
        var end: Int
        var content: Int
        var dash: Int?
        var keyEnd: Int?
        var colon: Int?
        var colonWidth = 1
        var isBlank: Bool { content >= end }
        var isComment = false
    }

    static func shape(_ document: EditorDocument, line: Int) -> LineShape {
        let range = document.textRange(ofLine: line)
        let bytes = document.bytes
        var shape = LineShape(start: range.lowerBound, end: range.upperBound, content: range.lowerBound)
        var scan = range.lowerBound
        while true {
            while scan < range.upperBound, bytes[scan] == ASCII.space { scan += 1 }
            if scan < range.upperBound, bytes[scan] == ASCII.dash, scan + 1 == range.upperBound || bytes[scan + 1] == ASCII.space {
                shape.dash = scan
                scan += 1
                continue
            }
            break
        }
        shape.content = scan
        guard scan < range.upperBound else { return shape }
        let first = bytes[scan]
        if first == ASCII.hash { shape.isComment = true; return shape }
        if first == ASCII.openBracket || first == UInt8(ascii: "{") || first == UInt8(ascii: "\"") || first == UInt8(ascii: "'")
            || first == UInt8(ascii: "|") || first == UInt8(ascii: ">") { return shape }
        var index = scan
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == ASCII.colon, index + 1 == range.upperBound || bytes[index + 1] == ASCII.space || bytes[index + 1] == ASCII.tab {
                shape.colon = index
                break
            }
            if byte == 0xEF, index + 2 < range.upperBound, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x9A {
                shape.colon = index
                shape.colonWidth = 3
                break
            }
            if byte == ASCII.hash, index > scan, bytes[index - 1] == ASCII.space { break }
            index += 1
        }
        if let colon = shape.colon {
            var keyEnd = colon
            while keyEnd > scan, bytes[keyEnd - 1] == ASCII.space { keyEnd -= 1 }
            shape.keyEnd = keyEnd
        }
        return shape
    }

    static func text(_ document: EditorDocument, _ range: Range<Int>) -> String {
        String(decoding: document.bytes[range], as: UTF8.self)
    }

    /// The keys a line at `column` (a byte offset of the line `line`) is under, outermost first;
    /// nil inside a block scalar (`|`, `>`), whose lines are text.
    static func parents(of line: Int, column: Int, lineStart: Int, frontMatter: Range<Int>, _ document: EditorDocument) -> [String]? {
        var column = column - lineStart
        var keys: [String] = []
        var index = line - 1
        while index >= frontMatter.lowerBound, column > 0 {
            let shape = shape(document, line: index)
            defer { index -= 1 }
            guard !shape.isBlank, !shape.isComment, let keyEnd = shape.keyEnd, let colon = shape.colon else { continue }
            let content = shape.content - shape.start
            guard content < column else { continue }
            var value = colon + shape.colonWidth
            while value < shape.end, document.bytes[value] == ASCII.space { value += 1 }
            if value < shape.end, document.bytes[value] == UInt8(ascii: "|") || document.bytes[value] == UInt8(ascii: ">") { return nil }
            keys.insert(text(document, shape.content..<keyEnd), at: 0)
            column = (shape.dash ?? shape.content) - shape.start
        }
        return keys
    }

    /// The keys of the map a key at `column` of `line` belongs to, on its other lines (the
    /// top-level keys, or those of one list item).
    static func siblings(of line: Int, column: Int, frontMatter: Range<Int>, _ document: EditorDocument) -> Set<String> {
        var keys: Set<String> = []
        func startsItem(_ shape: LineShape) -> Bool { shape.dash.map { $0 - shape.start < column } ?? false }
        var index = line - 1
        // A line that starts a list item starts the map: nothing above it belongs to it.
        var above = !startsItem(shape(document, line: line))
        while above, index >= frontMatter.lowerBound {
            let shape = shape(document, line: index)
            index -= 1
            guard !shape.isBlank, !shape.isComment else { continue }
            let content = shape.content - shape.start
            if content < column { break }
            if content == column, let keyEnd = shape.keyEnd { keys.insert(text(document, shape.content..<keyEnd)) }
            if startsItem(shape) { above = false }
        }
        index = line + 1
        while index < frontMatter.upperBound {
            let shape = shape(document, line: index)
            index += 1
            guard !shape.isBlank, !shape.isComment else { continue }
            let content = shape.content - shape.start
            if content < column || startsItem(shape) { break }
            if content == column, let keyEnd = shape.keyEnd { keys.insert(text(document, shape.content..<keyEnd)) }
        }
        return keys
    }

    static func frontMatterPlace(line: Int, offset: Int, frontMatter: Range<Int>, _ document: EditorDocument) -> EditorPlace? {
        let shape = shape(document, line: line)
        let bytes = document.bytes
        if shape.isComment, offset > shape.content { return nil }
        if let colon = shape.colon, offset >= colon + shape.colonWidth, let keyEnd = shape.keyEnd {
            guard let parents = parents(of: line, column: shape.dash ?? shape.content, lineStart: shape.start, frontMatter: frontMatter, document)
            else { return nil }
            let key = text(document, shape.content..<keyEnd)
            return flowPlace(parents + [key], from: colon + shape.colonWidth, to: offset, end: shape.end, frontMatter: frontMatter, line: line, document)
        }
        // Before any colon: a key, the value of a list item, or a flow collection of an item.
        let column = shape.isBlank ? offset : shape.content
        guard offset >= column else { return nil }
        // In the indentation before an item's `-`: nothing goes there.
        if let dash = shape.dash, offset <= dash { return nil }
        guard let parents = parents(of: line, column: shape.dash ?? column, lineStart: shape.start, frontMatter: frontMatter, document) else { return nil }
        if shape.dash != nil, shape.content < shape.end, bytes[shape.content] == ASCII.openBracket || bytes[shape.content] == UInt8(ascii: "{") {
            return flowPlace(parents, from: shape.content, to: offset, end: shape.end, frontMatter: frontMatter, line: line, document)
        }
        if shape.dash != nil, let parent = parents.last, scalarLists.contains(parent) {
            return flowPlace(parents, from: shape.content, to: offset, end: shape.end, frontMatter: frontMatter, line: line, document)
        }
        let keyEnd = shape.keyEnd ?? shape.end
        guard offset <= keyEnd else { return nil }
        // A key is one word: text with a space before the position is no key.
        guard !bytes[column..<offset].contains(ASCII.space) else { return nil }
        var end = offset
        while end < keyEnd, bytes[end] != ASCII.space { end += 1 }
        let siblings = siblings(of: line, column: column - shape.start, frontMatter: frontMatter, document)
        return EditorPlace(kind: .key(parents: parents, hasColon: shape.colon != nil, siblings: siblings), token: column..<end)
    }

    /// The place in a value that starts at `start`: plain, or in a flow collection
    /// (`{size: 25, budget: 2|`, `[phone, |`), whose keys add to `path`.
    static func flowPlace(_ path: [String], from start: Int, to offset: Int, end: Int, frontMatter: Range<Int>, line: Int,
                          _ document: EditorDocument) -> EditorPlace? {
        let bytes = document.bytes
        let start = min(start, offset)
        struct Level { var isMap: Bool; var key: String?; var expectingKey: Bool }
        var levels: [Level] = []
        var tokenStart = start
        var index = start
        var quoted = false
        while index < offset {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                // A quoted text: the position is in it, or after it.
                if index == tokenStart || bytes[tokenStart..<index].allSatisfy({ $0 == ASCII.space }) {
                    var close = index + 1
                    while close < offset, bytes[close] != byte { close += 1 }
                    if close >= offset { tokenStart = index + 1; quoted = true; break }
                    index = close + 1
                    continue
                }
            }
            switch byte {
            case UInt8(ascii: "{"):
                levels.append(Level(isMap: true, key: nil, expectingKey: true))
                tokenStart = index + 1
            case ASCII.openBracket:
                levels.append(Level(isMap: false, key: nil, expectingKey: false))
                tokenStart = index + 1
            case UInt8(ascii: ","):
                if !levels.isEmpty {
                    if levels[levels.count - 1].isMap { levels[levels.count - 1].expectingKey = true; levels[levels.count - 1].key = nil }
                    tokenStart = index + 1
                }
            case ASCII.colon:
                if let last = levels.last, last.isMap, last.expectingKey {
                    levels[levels.count - 1].key = text(document, trimmedSpaces(tokenStart..<index, bytes))
                    levels[levels.count - 1].expectingKey = false
                    tokenStart = index + 1
                }
            case UInt8(ascii: "}"), ASCII.closeBracket:
                if !levels.isEmpty { levels.removeLast(); tokenStart = index + 1 }
            case ASCII.hash:
                if index > start, bytes[index - 1] == ASCII.space { return nil }
            default: break
            }
            index += 1
        }
        if !quoted {
            while tokenStart < offset, bytes[tokenStart] == ASCII.space { tokenStart += 1 }
        }
        // The token runs on to the next delimiter (in a flow collection) or to the end of the
        // value (a plain value may hold spaces: `2024-03-01 09:10`, a name).
        var tokenEnd = offset
        let inFlow = !levels.isEmpty
        while tokenEnd < end {
            let byte = bytes[tokenEnd]
            if quoted, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { break }
            if inFlow, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == ASCII.closeBracket || byte == ASCII.colon { break }
            if byte == ASCII.hash, tokenEnd > start, bytes[tokenEnd - 1] == ASCII.space { break }
            tokenEnd += 1
        }
        while tokenEnd > max(tokenStart, offset), bytes[tokenEnd - 1] == ASCII.space || bytes[tokenEnd - 1] == ASCII.tab { tokenEnd -= 1 }
        let token = tokenStart..<max(tokenStart, tokenEnd)
        var path = path
        for level in levels where level.isMap {
            if let key = level.key { path.append(key) } else { break }
        }
        if let last = levels.last, last.isMap, last.expectingKey {
            return EditorPlace(kind: .key(parents: path, hasColon: false, siblings: []), token: token)
        }
        return document.bytes.withUnsafeBufferPointer { EditorPlace(kind: .value(path: path), token: token).spaced($0) }
    }

    static func trimmedSpaces(_ range: Range<Int>, _ bytes: [UInt8]) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end, bytes[start] == ASCII.space { start += 1 }
        while end > start, bytes[end - 1] == ASCII.space { end -= 1 }
        return start..<end
    }

    // MARK: - The body

    static func bodyPlace(line: Int, offset: Int, from body: Int, _ document: EditorDocument) -> EditorPlace? {
        document.bytes.withUnsafeBufferPointer { buffer -> EditorPlace? in
            let reader = LogReader(bytes: buffer, end: buffer.count, keepText: false, followUpTextFrom: nil)
            var section: LogReader.Section.Kind?
            var chinese = false
            var inEntry = false
            var fence: UInt8 = 0
            for index in body...line {
                let range = document.textRange(ofLine: index)
                let isFence = range.isEmpty ? nil : reader.fenceMarker(range.lowerBound, range.upperBound)
                if let marker = isFence {
                    if fence == 0 { fence = marker } else if fence == marker { fence = 0 }
                    if index == line { return nil }
                    continue
                }
                if fence != 0 {
                    if index == line { return nil }
                    continue
                }
                guard !range.isEmpty, buffer[range.lowerBound] == ASCII.hash else { continue }
                var level = 0
                var scan = range.lowerBound
                while scan < range.upperBound, buffer[scan] == ASCII.hash { level += 1; scan += 1 }
                guard scan == range.upperBound || buffer[scan] == ASCII.space else { continue }
                if level <= 2 {
                    section = level == 2 ? reader.sectionKind(scan, range.upperBound) : nil
                    chinese = section != nil && buffer[reader.trimmed(scan, range.upperBound)].first.map { $0 >= 0x80 } == true
                    inEntry = false
                    if index == line { return nil }
                } else if level == 3, let kind = section {
                    inEntry = true
                    if index == line { return headingPlace(kind, scan, range.upperBound, offset, buffer) }
                }
            }
            guard let kind = section, inEntry else { return nil }
            let range = document.textRange(ofLine: line)
            guard range.count >= 1, buffer[range.lowerBound] == ASCII.dash || buffer[range.lowerBound] == ASCII.asterisk,
                  offset >= range.lowerBound + 2, range.count >= 2, buffer[range.lowerBound + 1] == ASCII.space else { return nil }
            return itemPlace(kind, range.lowerBound + 2, range.upperBound, offset, chinese: chinese, reader, buffer)
        }
    }

    /// In `### DATE [HH:MM] CHANNEL REST`: the date or the channel.
    static func headingPlace(_ kind: LogReader.Section.Kind, _ start: Int, _ end: Int, _ offset: Int,
                             _ bytes: UnsafeBufferPointer<UInt8>) -> EditorPlace? {
        var tokens: [Range<Int>] = []
        var scan = start
        while scan < end, tokens.count < 4 {
            while scan < end, bytes[scan] == ASCII.space { scan += 1 }
            let tokenStart = scan
            while scan < end, bytes[scan] != ASCII.space { scan += 1 }
            if scan > tokenStart { tokens.append(tokenStart..<scan) }
        }
        guard offset > start else { return nil }
        func isTime(_ range: Range<Int>) -> Bool {
            range.count == 5 && bytes[range.lowerBound + 2] == ASCII.colon && ASCII.isDigit(bytes[range.lowerBound])
        }
        if tokens.isEmpty || offset <= tokens[0].upperBound {
            let token = tokens.first.map { offset >= $0.lowerBound ? $0 : offset..<offset } ?? offset..<offset
            return EditorPlace(kind: .headingDate(kind, hasTime: tokens.count > 1 && isTime(tokens[1])), token: token)
        }
        var channelIndex = 1
        if tokens.count > 1, isTime(tokens[1]) {
            if offset <= tokens[1].upperBound { return nil }
            channelIndex = 2
        }
        let previousEnd = tokens[channelIndex - 1].upperBound
        if channelIndex < tokens.count {
            let channel = tokens[channelIndex]
            if offset >= channel.lowerBound, offset <= channel.upperBound {
                // A counterpart written against the channel (`电话(张伟)`) is not part of it.
                var channelEnd = channel.lowerBound
                while channelEnd < channel.upperBound, bytes[channelEnd] != ASCII.openParen,
                      !(channelEnd + 2 < channel.upperBound && bytes[channelEnd] == 0xEF && bytes[channelEnd + 1] == 0xBC && bytes[channelEnd + 2] == 0x88) {
                    channelEnd += 1
                }
                guard offset <= channelEnd else { return nil }
                return EditorPlace(kind: .headingChannel(kind), token: channel.lowerBound..<channelEnd)
            }
            if offset > previousEnd, offset < channel.lowerBound { return EditorPlace(kind: .headingChannel(kind), token: offset..<offset) }
            return nil
        }
        return offset > previousEnd ? EditorPlace(kind: .headingChannel(kind), token: offset..<offset) : nil
    }

    /// In `- key: value`, `- [ ] DATE TEXT @owner` or `- todo: DATE TEXT @owner`.
    static func itemPlace(_ kind: LogReader.Section.Kind, _ start: Int, _ end: Int, _ offset: Int, chinese: Bool, _ reader: LogReader,
                          _ bytes: UnsafeBufferPointer<UInt8>) -> EditorPlace? {
        if reader.taskBox(start, end) != nil {
            guard offset >= min(end, start + 3) else { return nil }
            return todoPlace(start + 3, end, offset, bytes)
        }
        if let (keyRange, valueRange) = reader.splitKey(start, end), offset > keyRange.upperBound,
           bytes[keyRange.upperBound..<offset].contains(where: { $0 == ASCII.colon || $0 == 0xEF }) {
            guard let key = EntryKey.matching(bytes, keyRange) else { return nil }
            if key == .todo { return todoPlace(valueRange.lowerBound, end, offset, bytes) }
            var tokenStart = valueRange.lowerBound
            if offset < tokenStart { tokenStart = offset }
            let token = tokenStart..<max(offset, valueRange.upperBound)
            return EditorPlace(kind: .entryValue(kind, key), token: token).spaced(bytes)
        }
        // A key: one word from the start of the item.
        guard !bytes[start..<offset].contains(ASCII.space) else { return nil }
        var tokenEnd = offset
        while tokenEnd < end, bytes[tokenEnd] != ASCII.space, bytes[tokenEnd] != ASCII.colon, bytes[tokenEnd] != 0xEF { tokenEnd += 1 }
        var hasColon = tokenEnd < end && (bytes[tokenEnd] == ASCII.colon || bytes[tokenEnd] == 0xEF)
        if !hasColon, let (keyRange, _) = reader.splitKey(start, end), keyRange.lowerBound == start { hasColon = true }
        return EditorPlace(kind: .entryKey(kind, hasColon: hasColon, chinese: chinese), token: start..<tokenEnd)
    }

    /// The date of a to-do (its first word), or an `@` owner (a word after `@` or `＠`).
    static func todoPlace(_ start: Int, _ end: Int, _ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> EditorPlace? {
        var wordStart = offset
        while wordStart > start, bytes[wordStart - 1] != ASCII.space { wordStart -= 1 }
        var wordEnd = offset
        while wordEnd < end, bytes[wordEnd] != ASCII.space { wordEnd += 1 }
        if wordStart < offset, bytes[wordStart] == ASCII.at {
            return EditorPlace(kind: .mention, token: (wordStart + 1)..<wordEnd)
        }
        if wordStart + 3 <= offset, bytes[wordStart] == 0xEF, bytes[wordStart + 1] == 0xBC, bytes[wordStart + 2] == 0xA0 {
            return EditorPlace(kind: .mention, token: (wordStart + 3)..<wordEnd)
        }
        var first = start
        while first < end, bytes[first] == ASCII.space { first += 1 }
        if wordStart <= first { return EditorPlace(kind: .todoDate, token: min(wordStart, offset)..<wordEnd).spaced(bytes) }
        return nil
    }
}

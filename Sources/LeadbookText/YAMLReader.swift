/// Reads the YAML subset of a front matter from UTF-8 bytes.
///
/// The reader works on lines: every block construct ends with the position at the start of
/// the next line that holds content (blank and comment lines skipped), so the caller decides
/// from that line's indentation what comes next. Values on one line (quoted, flow, plain) end
/// mid-line and `finishLine()` checks that only a comment follows.
///
/// What YAML allows and this subset does not (anchors, tags, complex keys, multi-line flow
/// collections, tabs in indentation, several documents) is an error, never a guess.
public struct YAMLReader {
    public let bytes: UnsafeBufferPointer<UInt8>
    public let end: Int
    public var pos: Int
    public var line: Int
    public var lineStart: Int
    public var depth = 0
    /// The first byte of the document (lines are counted from it when the reader resumes).
    public var begin = 0
    /// Problems read past (a full-width colon after a key, an ideographic space after a colon)
    /// and, in `read`, those recovered from at the next top-level key.
    public var recovered: [YAMLSyntaxError] = []
    /// Values read as YAML reads them that hold a typing mistake (`YAMLNote`).
    public var notes: [YAMLNote] = []
    /// True once lines were skipped after a problem.
    public var skipped = false
    /// The block maps being read, outermost first, and the one that ended last (with the line
    /// it ended on): what an indentation that matches no level is compared with.
    public var levels: [MapLevel] = []
    public var closed: MapLevel?
    public var closedLine = 0
    /// The key whose value is being read (its text's bytes); nil at the top level.
    public var valueKey: Range<Int>?

    public struct MapLevel: Sendable {
        public var indent: Int
        /// The key the map is the value of (nil: the top level).
        public var key: Range<Int>?
    }

    public static let maxDepth = 64

    /// Parses `bytes[range]` as one YAML document whose first line is `firstLine`.
    /// Returns nil for a document with no content (only blanks and comments).
    /// `checked`: the caller has already found no NUL byte in the bytes (a customer file). A lone
    /// CR is then found where its line ends, so it fails the parse all the same, though an
    /// earlier error of another kind is reported first.
    /// A problem the reader reads past (a full-width colon after a key) fails the parse too: the
    /// first problem in the file is thrown.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, firstLine: Int = 1, checked: Bool = false) throws -> YAMLNode? {
        var reader = YAMLReader(bytes: bytes, end: range.upperBound, pos: range.lowerBound, line: firstLine, lineStart: range.lowerBound)
        reader.begin = range.lowerBound
        let node: YAMLNode?
        do {
            node = try reader.parseDocument(checked: checked)
        } catch let problem as YAMLSyntaxError {
            if let first = reader.recovered.first, first.offset < problem.offset { throw first }
            throw problem
        }
        if let first = reader.recovered.min(by: { $0.offset < $1.offset }) { throw first }
        return node
    }

    /// Reads a customer file's front matter without stopping at the first problem: a typing
    /// mistake it can read past is reported and read past; after any other problem in a
    /// top-level map the reader resumes at the next top-level key, so every problem of the
    /// file is found in one pass. The tree holds every top-level pair read without a problem.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, firstLine: Int = 1, checked: Bool = false) -> YAMLReading {
        var reader = YAMLReader(bytes: bytes, end: range.upperBound, pos: range.lowerBound, line: firstLine, lineStart: range.lowerBound)
        reader.begin = range.lowerBound
        return reader.readDocument(checked: checked)
    }

    /// Parses a whole byte array (a leading BOM is skipped).
    public static func parse(_ data: [UInt8]) throws -> YAMLNode? {
        try data.withUnsafeBufferPointer { buffer in
            let start = UTF8Bytes.hasBOM(buffer) ? 3 : 0
            return try parse(buffer, range: start..<buffer.count)
        }
    }

    // MARK: - Bytes

    @inline(__always) public func byte(_ index: Int) -> UInt8 {
        index < end ? bytes[index] : 0
    }

    public var atEnd: Bool { pos >= end }

    @inline(__always) public func isLineEnd(_ index: Int) -> Bool {
        index >= end || bytes[index] == ASCII.lf || bytes[index] == ASCII.cr
    }

    @inline(__always) public func isBlank(_ index: Int) -> Bool {
        index < end && (bytes[index] == ASCII.space || bytes[index] == ASCII.tab)
    }

    /// Space, tab or end of line: what must follow `-`, `:` and `?` indicators.
    @inline(__always) public func isSeparatorOrEnd(_ index: Int) -> Bool {
        isLineEnd(index) || isBlank(index)
    }

    public func error(_ problem: YAMLProblem, at offset: Int? = nil) -> YAMLSyntaxError {
        YAMLSyntaxError(offset ?? pos, problem)
    }

    public func error(_ problem: YAMLProblem.Syntax, at offset: Int? = nil) -> YAMLSyntaxError {
        YAMLSyntaxError(offset ?? pos, .syntax(problem))
    }

    public func error(_ problem: YAMLProblem.Unsupported, at offset: Int? = nil) -> YAMLSyntaxError {
        YAMLSyntaxError(offset ?? pos, .unsupported(problem))
    }

    public mutating func skipInlineBlanks() {
        while pos < end, bytes[pos] == ASCII.space || bytes[pos] == ASCII.tab { pos += 1 }
    }

    /// Index of the line break (or end) of the line containing `index`.
    public func lineEnd(from index: Int) -> Int {
        var index = index
        while index < end, bytes[index] != ASCII.lf, bytes[index] != ASCII.cr { index += 1 }
        return index
    }

    /// Moves past the line break at `pos` (which must be at a line end).
    public mutating func consumeLineBreak() throws {
        guard pos < end else { return }
        if bytes[pos] == ASCII.cr {
            guard pos + 1 < end, bytes[pos + 1] == ASCII.lf else { throw error(.loneCarriageReturn) }
            pos += 2
        } else {
            pos += 1
        }
        line += 1
        lineStart = pos
    }

    // MARK: - Lines

    /// From the start of a line, skips blank and comment-only lines; stops at the start of the
    /// next line with content (`pos == lineStart`) or at the end.
    public mutating func skipBlankLines() throws {
        while pos < end {
            pos = lineStart
            try rejectDocumentMarker()
            skipInlineBlanks()
            if pos < end, bytes[pos] == ASCII.hash {
                pos = lineEnd(from: pos)
            }
            if isLineEnd(pos) {
                if pos >= end { return }
                try consumeLineBreak()
                continue
            }
            pos = lineStart
            return
        }
    }

    /// `---` or `...` at column 0 starts or ends a document; `%` is a directive.
    public func rejectDocumentMarker() throws {
        let first = byte(lineStart)
        if first == ASCII.percent { throw error(.directive, at: lineStart) }
        if (first == ASCII.dash || first == ASCII.dot), byte(lineStart + 1) == first, byte(lineStart + 2) == first,
           isSeparatorOrEnd(lineStart + 3) {
            throw error(.documents, at: lineStart)
        }
    }

    /// The indentation (spaces) of the line starting at `lineStart`; a tab in it is an error.
    public func currentIndent() throws -> Int {
        var index = lineStart
        while index < end, bytes[index] == ASCII.space { index += 1 }
        if index < end, bytes[index] == ASCII.tab { throw error(.tabIndent, at: index) }
        if index < end, bytes[index] == 0xE3, isIdeographicSpace(index) { throw ideographicIndentError(at: index) }
        return index - lineStart
    }

    /// U+3000, the ideographic (full-width) space, at `index`.
    @inline(__always) public func isIdeographicSpace(_ index: Int) -> Bool {
        index + 2 < end && bytes[index] == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80
    }

    /// U+FF1A, the full-width colon, at `index`.
    @inline(__always) public func isFullWidthColon(_ index: Int) -> Bool {
        index + 2 < end && bytes[index] == 0xEF && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x9A
    }

    /// Ideographic spaces in the indentation from `index`: each becomes two spaces, the width
    /// it shows in an editor, so the line stays where the writer saw it.
    public func ideographicIndentError(at index: Int) -> YAMLSyntaxError {
        var stop = index
        var replacement = ""
        while stop < end {
            if isIdeographicSpace(stop) {
                replacement += "  "
                stop += 3
            } else if bytes[stop] == ASCII.space {
                replacement += " "
                stop += 1
            } else {
                break
            }
        }
        return YAMLSyntaxError(index, .fullWidthSpace(.indentation), repair: YAMLRepair(index..<stop, replacement))
    }

    /// A key line indented `found` spaces, which matches no level of the maps it could belong
    /// to: names the nearest (two when it sits halfway), and moves the line there when it is one
    /// space off one level only.
    public func indentationError(found: Int, at offset: Int? = nil) -> YAMLSyntaxError {
        var candidates = levels
        if let closed, closedLine == line, !candidates.contains(where: { $0.indent == closed.indent }) {
            candidates.append(closed)
        }
        guard let distance = candidates.map({ abs($0.indent - found) }).min() else { return error(.badIndentation, at: offset) }
        var nearest: [MapLevel] = []
        for level in candidates.sorted(by: { $0.indent > $1.indent }) where abs(level.indent - found) == distance {
            if !nearest.contains(where: { $0.indent == level.indent }) { nearest.append(level) }
        }
        let described = nearest.map { level in
            YAMLProblem.Indentation.Level(indent: level.indent, key: level.key.map { UTF8Bytes.string(bytes, $0) })
        }
        var repair: YAMLRepair?
        if nearest.count == 1, distance == 1 {
            let target = nearest[0].indent
            repair = target < found ? YAMLRepair(lineStart..<lineStart + 1, "") : YAMLRepair(lineStart..<lineStart, " ")
        }
        return YAMLSyntaxError(offset ?? lineStart + found, .syntax(.indentation(YAMLProblem.Indentation(found: found, levels: described))),
                               repair: repair)
    }

    /// After a value on one line: only blanks and a comment may follow. Moves to the next content line.
    public mutating func finishLine() throws {
        skipInlineBlanks()
        if pos < end, bytes[pos] == ASCII.hash {
            if pos != lineStart && !isBlank(pos - 1) { throw error(.textAfterValue) }
            pos = lineEnd(from: pos)
        }
        guard isLineEnd(pos) else { throw error(.textAfterValue) }
        if pos >= end { return }
        try consumeLineBreak()
        try skipBlankLines()
    }

    /// `- `, or `-` before an ideographic space as a Chinese keyboard types it (reported where
    /// the item is read).
    public func isDashIndicator(_ index: Int) -> Bool {
        byte(index) == ASCII.dash && (isSeparatorOrEnd(index + 1) || isIdeographicSpace(index + 1))
    }

    // MARK: - Document

    public mutating func parseDocument(checked: Bool = false) throws -> YAMLNode? {
        // A lone CR is found where a line ends (consumeLineBreak); NUL bytes need a scan.
        if !checked { try rejectNulAndLoneCR() }
        try rejectControlCharacters()
        try skipDocumentStart()
        try skipBlankLines()
        if atEnd { return nil }
        return try parseDocumentBody()
    }

    /// From the first line with content to the end.
    public mutating func parseDocumentBody() throws -> YAMLNode {
        let indent = try currentIndent()
        pos = lineStart + indent
        let node = try parseBlockNode(parentIndent: -1, column: indent)
        if !atEnd {
            let indent = try currentIndent()
            throw error(.unexpectedContent, at: lineStart + indent)
        }
        return node
    }

    public mutating func readDocument(checked: Bool) -> YAMLReading {
        do {
            if !checked { try rejectNulAndLoneCR() }
            try rejectControlCharacters()
            try skipDocumentStart()
            try skipBlankLines()
        } catch let problem as YAMLSyntaxError {
            return YAMLReading(root: nil, errors: [problem], complete: false)
        } catch {
            return YAMLReading(root: nil, complete: false)
        }
        if atEnd { return YAMLReading(root: nil, errors: recovered, notes: notes) }
        guard startsTopLevelMap() else {
            // A list or a lone value (the front-matter-not-map finding), or nothing readable.
            do {
                let node = try parseDocumentBody()
                return YAMLReading(root: node, errors: ordered(recovered), notes: notes)
            } catch let problem as YAMLSyntaxError {
                return YAMLReading(root: nil, errors: ordered(recovered + [problem]), notes: notes, complete: false)
            } catch {
                return YAMLReading(root: nil, complete: false)
            }
        }
        let root = parseTopLevelMap()
        return YAMLReading(root: root, errors: ordered(recovered), notes: notes, complete: !skipped)
    }

    public func ordered(_ problems: [YAMLSyntaxError]) -> [YAMLSyntaxError] {
        problems.count < 2 ? problems : problems.enumerated().sorted {
            $0.element.offset != $1.element.offset ? $0.element.offset < $1.element.offset : $0.offset < $1.offset
        }.map(\.element)
    }

    /// The document is a map at column 0: its first line with content is a `key:` line there,
    /// or, when that line is broken, a later line is.
    public func startsTopLevelMap() -> Bool {
        if isTopLevelKeyLine(lineStart) { return true }
        if byte(lineStart) == ASCII.space || isDashIndicator(lineStart) { return false }
        var index = lineEnd(from: lineStart)
        while index < end {
            index += 1
            if isTopLevelKeyLine(index) { return true }
            index = lineEnd(from: index)
        }
        return false
    }

    /// A line starting at `index` with a key at column 0.
    public func isTopLevelKeyLine(_ index: Int) -> Bool {
        guard index < end else { return false }
        let first = bytes[index]
        if first == ASCII.space || first == ASCII.tab || first == ASCII.hash || first == ASCII.lf || first == ASCII.cr { return false }
        // `- item`, and the `? key` / `: value` lines of a complex key.
        if isDashIndicator(index) || ((first == ASCII.colon || first == ASCII.question) && isSeparatorOrEnd(index + 1)) { return false }
        return lineHasMappingKey(from: index, keyOnly: true)
    }

    /// The top-level map, pair by pair: a pair with a problem is left out, the problem kept,
    /// and reading resumes at the next top-level key.
    public mutating func parseTopLevelMap() -> YAMLNode {
        let start = pos
        let startLine = line
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity(32)
        var keys = KeySet()
        keys.keys.reserveCapacity(32)
        var nodeEnd = pos
        levels.reserveCapacity(8)
        levels.append(MapLevel(indent: 0, key: nil))
        defer { levels.removeAll() }
        while !atEnd {
            do {
                let indent = try currentIndent()
                pos = lineStart + indent
                if indent > 0 {
                    throw isDashIndicator(pos) ? error(.badIndentation) : indentationError(found: indent)
                }
                if isDashIndicator(pos) { throw error(.itemInMapping) }
                guard lineHasMappingKey(from: pos, keyOnly: true) else { throw missingKeyError() }
                let key = try parseKey(keyOnly: true)
                let keyText = key.scalarText ?? ""
                if let firstLine = keys.insert(keyText, line: key.line) {
                    throw error(.duplicateKey(keyText, line: firstLine), at: key.start)
                }
                valueKey = key.start..<key.end
                defer { valueKey = nil }
                let value = try parseMappingValue(indent: 0)
                nodeEnd = max(value.end, key.end)
                pairs.append(YAMLPair(key: key, value: value))
            } catch let problem as YAMLSyntaxError {
                recovered.append(problem)
                skipped = true
                // After a document marker or a directive the lines belong to no front matter.
                if problem.problem == .unsupported(.documents) || problem.problem == .unsupported(.directive) { break }
                resume(after: problem)
            } catch {
                break
            }
        }
        return YAMLNode(content: .mapping(pairs), start: start, end: nodeEnd, line: startLine, indent: 0)
    }

    /// After `problem`: to the next line, past the problem's own, that starts a top-level key
    /// (or the end).
    public mutating func resume(after problem: YAMLSyntaxError) {
        var problemLine = min(max(problem.offset, begin), end)
        while problemLine > begin, bytes[problemLine - 1] != ASCII.lf { problemLine -= 1 }
        var index: Int
        if lineStart > problemLine, lineStart < end {
            // The reader is on a later line it has not read yet (the next key ended a quote).
            index = lineStart
        } else {
            move(toLineAt: problemLine)
            index = lineEnd(from: problemLine)
            if index < end, bytes[index] == ASCII.cr { index += 1 }
            if index < end { index += 1; line += 1 }
        }
        // Past the problem itself: a line that lone carriage returns split is one line to the
        // scan back above, so the key found could otherwise be one already read.
        while index < end, index <= problem.offset || !isTopLevelKeyLine(index) {
            index = lineEnd(from: index)
            if index < end, bytes[index] == ASCII.cr { index += 1 }
            if index < end { index += 1; line += 1 }
        }
        pos = min(index, end)
        lineStart = pos
    }

    /// Sets `lineStart` to `target` (a line's first byte) and `line` to its number.
    public mutating func move(toLineAt target: Int) {
        if target >= lineStart {
            for index in lineStart..<target where bytes[index] == ASCII.lf { line += 1 }
        } else {
            for index in target..<lineStart where bytes[index] == ASCII.lf { line -= 1 }
        }
        lineStart = target
        pos = target
    }

    /// One `---` line before any content starts the (only) document; it may carry a comment,
    /// nothing else.
    public mutating func skipDocumentStart() throws {
        while pos < end {
            var index = lineStart
            while isBlank(index) { index += 1 }
            if byte(index) == ASCII.hash { index = lineEnd(from: index) }
            if isLineEnd(index) {
                pos = index
                if pos >= end { return }
                try consumeLineBreak()
                continue
            }
            guard index == lineStart, byte(index) == ASCII.dash, byte(index + 1) == ASCII.dash,
                  byte(index + 2) == ASCII.dash, isSeparatorOrEnd(index + 3) else {
                pos = lineStart
                return
            }
            pos = index + 3
            skipInlineBlanks()
            if byte(pos) == ASCII.hash { pos = lineEnd(from: pos) }
            guard isLineEnd(pos) else { throw error(.contentOnDocumentStart) }
            if pos < end { try consumeLineBreak() }
            return
        }
    }

    /// Characters outside YAML's `c-printable` (and the YAML 1.1 line breaks NEL, LS, PS, which
    /// 1.2 readers take as text): other readers refuse them or read another value. NUL is left
    /// to `rejectNulAndLoneCR` (or the caller's check).
    public func rejectControlCharacters() throws {
        var index = pos
        let candidates = Self.controlCandidates
        while index < end {
            let byte = bytes[index]
            // Most bytes (printable ASCII, CJK, tab and line breaks) can start none of them.
            guard candidates[Int(byte)] else {
                index += 1
                continue
            }
            if byte < 0x20 {
                if byte != ASCII.tab, byte != ASCII.lf, byte != ASCII.cr, byte != 0 {
                    throw error(.controlCharacter(UInt32(byte)), at: index)
                }
            } else if byte == 0x7F {
                throw error(.controlCharacter(0x7F), at: index)
            } else if byte == 0xC2, index + 1 < end, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F {
                throw error(.controlCharacter(UInt32(bytes[index + 1])), at: index)
            } else if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                throw error(.controlCharacter(0x2000 | UInt32(bytes[index + 2] - 0x80)), at: index)
            } else if byte == 0xEF, index + 2 < end, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                throw error(.controlCharacter(bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF), at: index)
            }
            index += 1
        }
    }

    /// No character that `rejectControlCharacters` refuses is in `bytes[range]`.
    public static func isFreeOfControlCharacters(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let reader = YAMLReader(bytes: bytes, end: range.upperBound, pos: range.lowerBound, line: 1, lineStart: range.lowerBound)
        do { try reader.rejectControlCharacters() } catch { return false }
        return true
    }

    /// The bytes that may start a character `rejectControlCharacters` refuses: the C0
    /// controls but tab, line feed, carriage return and NUL; DEL; and the leads of the C1
    /// controls (C2), of LS and PS (E2) and of U+FFFE and U+FFFF (EF).
    public static let controlCandidates: [Bool] = (0..<256).map { value in
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D && value != 0) || value == 0x7F
            || value == 0xC2 || value == 0xE2 || value == 0xEF
    }

    public func rejectNulAndLoneCR() throws {
        var index = pos
        while index < end {
            let byte = bytes[index]
            if byte == 0 { throw error(.nul, at: index) }
            if byte == ASCII.cr, index + 1 >= end || bytes[index + 1] != ASCII.lf {
                throw error(.loneCarriageReturn, at: index)
            }
            index += 1
        }
    }

    // MARK: - Block nodes

    /// A node whose first byte is at `pos` (column `column` of its line).
    public mutating func parseBlockNode(parentIndent: Int, column: Int) throws -> YAMLNode {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw error(.tooDeep) }
        if isDashIndicator(pos) {
            return try parseBlockSequence(indent: column)
        }
        if lineHasMappingKey(from: pos, keyOnly: parentIndent < 0) {
            return try parseBlockMapping(indent: column, firstKeyOnly: parentIndent < 0)
        }
        return try parseInlineValue(parentIndent: parentIndent)
    }

    /// `firstKeyOnly`: the first line can only be a key (so a full-width colon after any text
    /// ends it, not only after a word of ASCII letters).
    public mutating func parseBlockMapping(indent: Int, firstKeyOnly: Bool = false) throws -> YAMLNode {
        let start = pos
        let startLine = line
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity(indent == 0 ? 32 : 8)
        var keys = KeySet()
        keys.keys.reserveCapacity(indent == 0 ? 32 : 8)
        var nodeEnd = pos
        let parentKey = valueKey
        levels.append(MapLevel(indent: indent, key: parentKey))
        defer {
            closed = levels.removeLast()
            closedLine = line
            valueKey = parentKey
        }
        while true {
            let key = try parseKey(keyOnly: firstKeyOnly || !pairs.isEmpty)
            let keyText = key.scalarText ?? ""
            if let firstLine = keys.insert(keyText, line: key.line) {
                throw error(.duplicateKey(keyText, line: firstLine), at: key.start)
            }
            valueKey = key.start..<key.end
            let value = try parseMappingValue(indent: indent)
            valueKey = parentKey
            nodeEnd = max(value.end, key.end)
            pairs.append(YAMLPair(key: key, value: value))
            if atEnd { break }
            let next = try currentIndent()
            if next < indent { break }
            pos = lineStart + next
            if next > indent { throw isDashIndicator(pos) ? error(.badIndentation) : indentationError(found: next) }
            if isDashIndicator(pos) { throw error(.itemInMapping) }
            guard lineHasMappingKey(from: pos, keyOnly: true) else { throw missingKeyError() }
        }
        return YAMLNode(content: .mapping(pairs), start: start, end: nodeEnd, line: startLine, indent: indent)
    }

    /// A line at a key's position that is not `key: value`: say what is wrong with it.
    public func missingKeyError() -> YAMLSyntaxError {
        if byte(pos) == ASCII.question, isSeparatorOrEnd(pos + 1) { return error(.complexKey) }
        let stop = lineEnd(from: pos)
        var index = pos
        while index < stop {
            if bytes[index] == ASCII.colon, index + 1 < stop, bytes[index + 1] != ASCII.space {
                // `region:西南`: after a key of ASCII letters, the space is certainly what is missing.
                let word = index > pos && (pos..<index).allSatisfy { ASCII.isWordByte(bytes[$0]) }
                return YAMLSyntaxError(index, .syntax(.missingColonSpace), repair: word ? YAMLRepair(index + 1..<index + 1, " ") : nil)
            }
            index += 1
        }
        return error(.expectedKey)
    }

    /// The value after `key:`; `pos` is just past the colon.
    public mutating func parseMappingValue(indent: Int) throws -> YAMLNode {
        let afterColon = pos
        skipInlineBlanks()
        if isLineEnd(pos) || byte(pos) == ASCII.hash {
            let emptyNode = YAMLNode(content: .scalar("", .empty), start: afterColon, end: afterColon, line: line, indent: afterColon - lineStart)
            pos = afterColon
            try finishLine()
            if atEnd { return emptyNode }
            let next = try currentIndent()
            if next > indent {
                pos = lineStart + next
                return try parseBlockNode(parentIndent: indent, column: next)
            }
            if next == indent, isDashIndicator(lineStart + next) {
                pos = lineStart + next
                return try parseBlockSequence(indent: indent)
            }
            return emptyNode
        }
        return try parseInlineValue(parentIndent: indent)
    }

    public mutating func parseBlockSequence(indent: Int) throws -> YAMLNode {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw error(.tooDeep) }
        let start = pos
        let startLine = line
        var items: [YAMLNode] = []
        items.reserveCapacity(4)
        var nodeEnd = pos
        while true {
            let dash = pos
            pos += 1
            if isIdeographicSpace(pos) {
                let space = pos
                while isIdeographicSpace(pos) { pos += 3 }
                recovered.append(YAMLSyntaxError(space, .fullWidthSpace(.afterDash), repair: YAMLRepair(space..<pos, " ")))
            }
            skipInlineBlanks()
            if !isLineEnd(pos), byte(pos) != ASCII.hash, let tab = (dash + 1..<pos).first(where: { bytes[$0] == ASCII.tab }) {
                throw error(.tabIndent, at: tab)
            }
            let item: YAMLNode
            if isLineEnd(pos) || byte(pos) == ASCII.hash {
                let emptyNode = YAMLNode(content: .scalar("", .empty), start: dash + 1, end: dash + 1, line: line, indent: dash + 1 - lineStart)
                pos = dash + 1
                try finishLine()
                if !atEnd, try currentIndent() > indent {
                    let next = try currentIndent()
                    pos = lineStart + next
                    item = try parseBlockNode(parentIndent: indent, column: next)
                } else {
                    item = emptyNode
                }
            } else {
                let column = pos - lineStart
                if isDashIndicator(pos) {
                    item = try parseBlockSequence(indent: column)
                } else if lineHasMappingKey(from: pos, keyOnly: false) {
                    depth += 1
                    defer { depth -= 1 }
                    item = try parseBlockMapping(indent: column)
                } else {
                    item = try parseInlineValue(parentIndent: indent)
                }
            }
            nodeEnd = max(item.end, dash + 1)
            items.append(item)
            if atEnd { break }
            let next = try currentIndent()
            if next < indent { break }
            if next > indent {
                throw isDashIndicator(lineStart + next) ? error(.badIndentation, at: lineStart + next) : indentationError(found: next)
            }
            guard isDashIndicator(lineStart + next) else { break }
            pos = lineStart + next
        }
        return YAMLNode(content: .sequence(items), start: start, end: nodeEnd, line: startLine, indent: indent)
    }

    /// Is the text at `index` a `key:` (a scalar on this line followed by `: ` or `:` at the end)?
    /// A key typed with a Chinese keyboard counts too (`keyColon`).
    public func lineHasMappingKey(from index: Int, keyOnly: Bool = false) -> Bool {
        keyColon(from: index, keyOnly: keyOnly) != nil
    }

    /// The colon that ends the key starting at `index`: `:` followed by a blank or the line's end,
    /// or, as typed with a Chinese keyboard, `:` followed by an ideographic space or a
    /// full-width `：`. A `：` ends a key written in ASCII letters (`industry：食品`) even
    /// when an ASCII `: ` follows on the line; after other text it ends the key only where a
    /// key must be (`keyOnly`: the top level, the lines after a map's first key) and no ASCII
    /// `: ` follows. `wide: false` looks for the ASCII forms only.
    public func keyColon(from index: Int, keyOnly: Bool, wide: Bool = true) -> Int? {
        let first = byte(index)
        var scan = index
        if first == ASCII.doubleQuote || first == ASCII.singleQuote {
            guard let close = closingQuoteOnLine(from: index) else { return nil }
            scan = close + 1
            while isBlank(scan) { scan += 1 }
            if byte(scan) == ASCII.colon && (isSeparatorOrEnd(scan + 1) || (wide && isIdeographicSpace(scan + 1))) { return scan }
            return wide && isFullWidthColon(scan) ? scan : nil
        }
        if first == ASCII.openBracket || first == ASCII.openBrace { return nil }
        if first == ASCII.question && isSeparatorOrEnd(index + 1) { return nil }
        var word = true
        var weak: Int?
        while !isLineEnd(scan) {
            let byte = bytes[scan]
            if byte == ASCII.colon {
                if isSeparatorOrEnd(scan + 1) || (wide && isIdeographicSpace(scan + 1)) { return scan }
            } else if byte == 0xEF, wide, scan > index, isFullWidthColon(scan) {
                if word { return scan }
                if keyOnly && weak == nil { weak = scan }
            }
            if byte == ASCII.hash && scan > index && isBlank(scan - 1) { break }
            if word, !(ASCII.isWordByte(byte)
                       || byte == ASCII.dash || byte == ASCII.dot || byte == ASCII.space) {
                word = false
            }
            scan += 1
        }
        return weak
    }

    public func closingQuoteOnLine(from index: Int) -> Int? {
        let quote = bytes[index]
        var scan = index + 1
        while !isLineEnd(scan) {
            let byte = bytes[scan]
            if quote == ASCII.doubleQuote && byte == ASCII.backslash {
                scan += 2
                continue
            }
            if byte == quote {
                if quote == ASCII.singleQuote && self.byte(scan + 1) == ASCII.singleQuote {
                    scan += 2
                    continue
                }
                return scan
            }
            scan += 1
        }
        return nil
    }

    /// A mapping key on one line; leaves `pos` just past its colon. A full-width colon or an
    /// ideographic space after the colon is read as `: ` and kept in `recovered`, with its repair.
    public mutating func parseKey(keyOnly: Bool = false) throws -> YAMLNode {
        let start = pos
        let first = byte(pos)
        let key: YAMLNode
        if first == ASCII.doubleQuote || first == ASCII.singleQuote {
            key = try parseQuoted(parentIndent: Int.max)
            skipInlineBlanks()
        } else {
            try rejectIndicatorStart(inFlow: false)
            if first == ASCII.colon { throw error(.emptyKey) }
            guard let colon = keyColon(from: pos, keyOnly: keyOnly) else { throw error(.expectedKey, at: lineEnd(from: pos)) }
            var textEnd = colon
            while textEnd > start, isBlank(textEnd - 1) { textEnd -= 1 }
            let text = UTF8Bytes.string(bytes, start..<textEnd)
            key = YAMLNode(content: .scalar(text, .plain), start: start, end: textEnd, line: line, indent: start - lineStart)
            pos = colon
        }
        if isFullWidthColon(pos) {
            let colon = pos
            pos += 3
            while isIdeographicSpace(pos) { pos += 3 }
            recovered.append(YAMLSyntaxError(colon, .fullWidthColon, repair: YAMLRepair(colon..<pos, isSeparatorOrEnd(pos) ? ":" : ": ")))
            return key
        }
        guard byte(pos) == ASCII.colon else { throw error(.expectedKey) }
        pos += 1
        if isIdeographicSpace(pos) {
            let space = pos
            while isIdeographicSpace(pos) { pos += 3 }
            recovered.append(YAMLSyntaxError(space, .fullWidthSpace(.afterColon), repair: YAMLRepair(space..<pos, " ")))
        }
        return key
    }

    /// Rejects the indicators a plain scalar cannot start with, naming the feature when it is one.
    public func rejectIndicatorStart(inFlow: Bool) throws {
        let first = byte(pos)
        switch first {
        case ASCII.ampersand: throw error(.anchor)
        case ASCII.asterisk: throw error(.alias)
        case ASCII.bang: throw error(.tag)
        case ASCII.question where isSeparatorOrEnd(pos + 1) || (inFlow && isFlowIndicator(pos + 1)):
            throw error(.complexKey)
        case ASCII.dash where isSeparatorOrEnd(pos + 1) || (inFlow && isFlowIndicator(pos + 1)):
            throw error(.dashAfterKey)
        case ASCII.colon where isSeparatorOrEnd(pos + 1) || (inFlow && isFlowIndicator(pos + 1)):
            throw error(.emptyKey)
        case ASCII.pipe, ASCII.greater, ASCII.percent, ASCII.at, ASCII.backtick, ASCII.hash,
             ASCII.comma, ASCII.closeBracket, ASCII.closeBrace, ASCII.openBracket, ASCII.openBrace,
             ASCII.doubleQuote, ASCII.singleQuote:
            throw error(.reserved(first))
        default:
            return
        }
    }

    @inline(__always) public func isFlowIndicator(_ index: Int) -> Bool {
        let byte = self.byte(index)
        return byte == ASCII.comma || byte == ASCII.openBracket || byte == ASCII.closeBracket
            || byte == ASCII.openBrace || byte == ASCII.closeBrace
    }

    /// A value that starts on the current line: block scalar, quoted, flow collection or plain.
    /// Ends at the next content line.
    public mutating func parseInlineValue(parentIndent: Int) throws -> YAMLNode {
        let first = byte(pos)
        switch first {
        case ASCII.pipe, ASCII.greater:
            return try parseBlockScalar(parentIndent: parentIndent)
        case ASCII.doubleQuote, ASCII.singleQuote:
            let node = try parseQuoted(parentIndent: parentIndent)
            try finishLine()
            return node
        case ASCII.openBracket, ASCII.openBrace:
            let node = try parseFlowNode()
            skipInlineBlanks()
            if byte(pos) == ASCII.colon && isSeparatorOrEnd(pos + 1) { throw error(.flowKey, at: node.start) }
            try finishLine()
            return node
        default:
            try rejectIndicatorStart(inFlow: false)
            return try parsePlainBlockScalar(parentIndent: parentIndent)
        }
    }

    // MARK: - Plain scalars

    /// A plain scalar in block context, possibly continued on more-indented lines.
    public mutating func parsePlainBlockScalar(parentIndent: Int) throws -> YAMLNode {
        let start = pos
        let startLine = line
        let column = pos - lineStart
        var (textEnd, stop) = try scanPlainLine(from: pos)
        var nodeEnd = textEnd
        var folded: [UInt8]? = nil
        pos = stop
        // Continuation lines: only when this line did not end in a comment.
        while isLineEnd(pos) && pos < end {
            let saved = (pos, line, lineStart)
            try consumeLineBreak()
            var emptyLines = 0
            var continuation = false
            while pos < end {
                var index = lineStart
                while index < end, bytes[index] == ASCII.space { index += 1 }
                if isLineEnd(index) {
                    pos = index
                    if pos >= end { break }
                    emptyLines += 1
                    try consumeLineBreak()
                    continue
                }
                if bytes[index] == ASCII.tab {
                    var after = index
                    while isBlank(after) { after += 1 }
                    if isLineEnd(after) {
                        pos = after
                        if pos >= end { break }
                        emptyLines += 1
                        try consumeLineBreak()
                        continue
                    }
                    if index - lineStart > parentIndent { throw error(.tabIndent, at: index) }
                }
                let indent = index - lineStart
                if indent > parentIndent && bytes[index] != ASCII.hash {
                    if indent == 0 { try rejectDocumentMarker() }
                    // `key: value` more indented than the key before it: a key out of line,
                    // not more text (which could not hold `: ` anyway).
                    if !levels.isEmpty, !isDashIndicator(index), keyColon(from: index, keyOnly: false, wide: false) != nil {
                        throw indentationError(found: indent)
                    }
                    continuation = true
                    pos = index
                }
                break
            }
            guard continuation else {
                (pos, line, lineStart) = saved
                break
            }
            if folded == nil { folded = Array(bytes[start..<textEnd]) }
            if emptyLines == 0 {
                folded!.append(ASCII.space)
            } else {
                folded!.append(contentsOf: repeatElement(ASCII.lf, count: emptyLines))
            }
            let lineStartOfText = pos
            (textEnd, stop) = try scanPlainLine(from: pos, continuation: true)
            folded!.append(contentsOf: bytes[lineStartOfText..<textEnd])
            nodeEnd = textEnd
            pos = stop
        }
        let text = folded.map { String(decoding: $0, as: UTF8.self) } ?? UTF8Bytes.string(bytes, start..<textEnd)
        if folded == nil, bytes[start] >= 0xE2 { noteChineseQuotes(start..<textEnd, inFlow: false) }
        let node = YAMLNode(content: .scalar(text, .plain), start: start, end: nodeEnd, line: startLine, indent: column)
        try finishLine()
        return node
    }

    /// A plain value wholly inside Chinese quotes: “…” ‘…’ 「…」 『…』 ＂…＂.
    public mutating func noteChineseQuotes(_ range: Range<Int>, inFlow: Bool) {
        if Self.isInChineseQuotes(bytes, range) { notes.append(YAMLNote(.chineseQuotes(inFlow: inFlow), range)) }
    }

    /// `bytes[range]` is wholly inside a pair of Chinese quotes (what `noteChineseQuotes` notes).
    public static func isInChineseQuotes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count >= 6 else { return false }
        let open = (bytes[range.lowerBound], bytes[range.lowerBound + 1], bytes[range.lowerBound + 2])
        let close = (bytes[range.upperBound - 3], bytes[range.upperBound - 2], bytes[range.upperBound - 1])
        let paired: Bool
        switch (open.0, open.1, open.2) {
        case (0xE2, 0x80, 0x9C), (0xE2, 0x80, 0x9D):  // “ (and ” typed twice)
            paired = close.0 == 0xE2 && close.1 == 0x80 && (close.2 == 0x9D || close.2 == 0x9C)
        case (0xE2, 0x80, 0x98), (0xE2, 0x80, 0x99):  // ‘
            paired = close.0 == 0xE2 && close.1 == 0x80 && (close.2 == 0x99 || close.2 == 0x98)
        case (0xE3, 0x80, 0x8C), (0xE3, 0x80, 0x8E):  // 「 『
            paired = close.0 == 0xE3 && close.1 == 0x80 && close.2 == open.2 + 1
        case (0xEF, 0xBC, 0x82):  // ＂
            paired = close.0 == 0xEF && close.1 == 0xBC && close.2 == 0x82
        default:
            paired = false
        }
        return paired
    }

    /// Scans one line of a plain scalar: returns the end of its text (trailing blanks trimmed)
    /// and where scanning stopped (line end or the start of a comment).
    public func scanPlainLine(from start: Int, continuation: Bool = false) throws -> (Int, Int) {
        var scan = start
        while !isLineEnd(scan) {
            let byte = bytes[scan]
            if byte == ASCII.colon && isSeparatorOrEnd(scan + 1) {
                throw error(continuation ? .unsupported(.continuationText) : .syntax(.colonInValue), at: scan)
            }
            if byte == ASCII.hash && scan > start && isBlank(scan - 1) {
                if continuation { throw error(.continuationText, at: scan) }
                break
            }
            scan += 1
        }
        var textEnd = scan
        while textEnd > start, isBlank(textEnd - 1) { textEnd -= 1 }
        return (textEnd, scan)
    }

    // MARK: - Quoted scalars

    /// A single- or double-quoted scalar; it may continue on following lines indented more
    /// than `parentIndent` (pass `Int.max` to forbid continuation, as for keys and flow items).
    public mutating func parseQuoted(parentIndent: Int, inFlow: Bool = false) throws -> YAMLNode {
        let singleLineProblem: YAMLProblem.Unsupported = inFlow ? .multiLineFlow : .multiLineKey
        let start = pos
        let startLine = line
        let quote = bytes[pos]
        let isDouble = quote == ASCII.doubleQuote
        pos += 1
        // Fast path: one line, no escapes.
        var scan = pos
        while !isLineEnd(scan), bytes[scan] != quote, bytes[scan] != ASCII.backslash || !isDouble { scan += 1 }
        if scan < end, bytes[scan] == quote, !(quote == ASCII.singleQuote && byte(scan + 1) == ASCII.singleQuote) {
            let text = UTF8Bytes.string(bytes, pos..<scan)
            pos = scan + 1
            return YAMLNode(content: .scalar(text, isDouble ? .doubleQuoted : .singleQuoted), start: start, end: pos, line: startLine, indent: start - lineStart)
        }
        var value: [UInt8] = []
        value.reserveCapacity(scan - pos + 16)
        var keepLength = 0  // value bytes not subject to trimming before a line break
        while true {
            guard pos < end else {
                throw error(isDouble ? .unterminatedDouble : .unterminatedSingle, at: start)
            }
            let byte = bytes[pos]
            if byte == quote {
                if !isDouble && self.byte(pos + 1) == ASCII.singleQuote {
                    value.append(ASCII.singleQuote)
                    keepLength = value.count
                    pos += 2
                    continue
                }
                pos += 1
                break
            }
            if isDouble && byte == ASCII.backslash {
                if isLineEnd(pos + 1) && pos + 1 < end {
                    pos += 1
                    if parentIndent == Int.max { throw error(singleLineProblem, at: start) }
                    try consumeLineBreak()
                    let emptyLines = try skipQuotedContinuationPrefix(parentIndent: parentIndent, start: start)
                    value.append(contentsOf: repeatElement(ASCII.lf, count: emptyLines))
                    keepLength = value.count
                    continue
                }
                try appendEscape(to: &value)
                keepLength = value.count
                continue
            }
            if byte == ASCII.lf || byte == ASCII.cr {
                if parentIndent == Int.max { throw error(singleLineProblem, at: start) }
                value.removeSubrange(keepLength...)
                try consumeLineBreak()
                let emptyLines = try skipQuotedContinuationPrefix(parentIndent: parentIndent, start: start)
                if emptyLines == 0 {
                    value.append(ASCII.space)
                } else {
                    value.append(contentsOf: repeatElement(ASCII.lf, count: emptyLines))
                }
                keepLength = value.count
                continue
            }
            value.append(byte)
            if byte != ASCII.space && byte != ASCII.tab { keepLength = value.count }
            pos += 1
        }
        let text = String(decoding: value, as: UTF8.self)
        return YAMLNode(content: .scalar(text, isDouble ? .doubleQuoted : .singleQuoted), start: start, end: pos, line: startLine, indent: start - lineStart)
    }

    /// At the start of a continuation line of a quoted scalar: skips empty lines (counting them)
    /// and the leading blanks of the next non-empty line, checking its indentation.
    public mutating func skipQuotedContinuationPrefix(parentIndent: Int, start: Int) throws -> Int {
        var emptyLines = 0
        while true {
            guard pos < end else { throw error(byte(start) == ASCII.doubleQuote ? .unterminatedDouble : .unterminatedSingle, at: start) }
            try rejectDocumentMarker()
            var index = lineStart
            while index < end, bytes[index] == ASCII.space { index += 1 }
            let indent = index - lineStart
            while isBlank(index) { index += 1 }
            if isLineEnd(index) {
                pos = index
                guard pos < end else { continue }
                emptyLines += 1
                try consumeLineBreak()
                continue
            }
            if indent <= parentIndent { throw error(byte(start) == ASCII.doubleQuote ? .unclosedDouble : .unclosedSingle, at: start) }
            pos = index
            return emptyLines
        }
    }

    /// The escape at `start` as written: the backslash and the whole character after it.
    public func escapeText(_ start: Int, through stop: Int) -> String {
        var stop = min(max(stop, start + 2), end)
        while stop < end, bytes[stop] & 0xC0 == 0x80 { stop += 1 }
        return UTF8Bytes.string(bytes, start..<stop)
    }

    public mutating func appendEscape(to value: inout [UInt8]) throws {
        let escapeStart = pos
        pos += 1
        let code = byte(pos)
        pos += 1
        func push(_ scalar: UInt32) throws {
            guard let unicode = Unicode.Scalar(scalar) else {
                throw error(.badEscape(escapeText(escapeStart, through: pos)), at: escapeStart)
            }
            UTF8Bytes.append(unicode.value, to: &value)
        }
        switch code {
        case UInt8(ascii: "0"): value.append(0)
        case UInt8(ascii: "a"): value.append(7)
        case UInt8(ascii: "b"): value.append(8)
        case UInt8(ascii: "t"), ASCII.tab: value.append(9)
        case UInt8(ascii: "n"): value.append(10)
        case UInt8(ascii: "v"): value.append(11)
        case UInt8(ascii: "f"): value.append(12)
        case UInt8(ascii: "r"): value.append(13)
        case UInt8(ascii: "e"): value.append(27)
        case ASCII.space, ASCII.doubleQuote, UInt8(ascii: "/"), ASCII.backslash: value.append(code)
        case UInt8(ascii: "N"): try push(0x85)
        case UInt8(ascii: "_"): try push(0xA0)
        case UInt8(ascii: "L"): try push(0x2028)
        case UInt8(ascii: "P"): try push(0x2029)
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = code == UInt8(ascii: "x") ? 2 : code == UInt8(ascii: "u") ? 4 : 8
            var scalar: UInt32 = 0
            for _ in 0..<digits {
                guard let digit = ASCII.hexValue(byte(pos)), pos < end else {
                    throw error(.badEscape(escapeText(escapeStart, through: pos + 1)), at: escapeStart)
                }
                scalar = scalar << 4 | UInt32(digit)
                pos += 1
            }
            try push(scalar)
        default:
            throw error(.badEscape(escapeText(escapeStart, through: pos)), at: escapeStart)
        }
    }

    // MARK: - Block scalars

    public mutating func parseBlockScalar(parentIndent: Int) throws -> YAMLNode {
        let start = pos
        let startLine = line
        let column = pos - lineStart
        let literal = bytes[pos] == ASCII.pipe
        pos += 1
        var chomp: UInt8 = 0  // 0 clip, '-' strip, '+' keep
        var explicitIndent = 0
        for _ in 0..<2 {
            let byte = self.byte(pos)
            if (byte == ASCII.dash || byte == ASCII.plus) && chomp == 0 {
                chomp = byte
                pos += 1
            } else if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") && explicitIndent == 0 {
                explicitIndent = Int(byte - UInt8(ascii: "0"))
                pos += 1
            }
        }
        let headerEnd = pos
        let beforeBlanks = pos
        skipInlineBlanks()
        if byte(pos) == ASCII.hash {
            if pos == beforeBlanks { throw error(.badBlockHeader) }
            pos = lineEnd(from: pos)
        }
        guard isLineEnd(pos) else { throw error(.badBlockHeader) }
        if explicitIndent > 0 && parentIndent < 0 { throw error(.explicitIndentAtRoot, at: start) }

        var lines: [Range<Int>?] = []  // content ranges; nil for an empty line
        var contentIndent = explicitIndent > 0 ? parentIndent + explicitIndent : 0
        var lastContentEnd = headerEnd
        var lastContentLine = -1
        var maxLeadingSpaces = 0
        if pos < end {
            try consumeLineBreak()
            while pos < end {
                var index = lineStart
                while index < end, bytes[index] == ASCII.space { index += 1 }
                let spaces = index - lineStart
                let lineStop = lineEnd(from: index)
                if contentIndent == 0 {
                    // Auto-detect from the first non-empty line.
                    if index == lineStop {
                        maxLeadingSpaces = max(maxLeadingSpaces, spaces)
                        lines.append(nil)
                        pos = lineStop
                        if pos >= end { break }
                        try consumeLineBreak()
                        continue
                    }
                    if bytes[index] == ASCII.tab { throw error(.tabIndent, at: index) }
                    if spaces <= parentIndent || spaces == 0 { break }
                    if maxLeadingSpaces > spaces { throw error(.blockScalarSpaces, at: lineStart) }
                    contentIndent = spaces
                }
                if index == lineStop && spaces <= contentIndent {
                    lines.append(nil)
                } else if spaces < contentIndent {
                    if bytes[index] == ASCII.tab { throw error(.tabIndent, at: index) }
                    break
                } else {
                    lines.append((lineStart + contentIndent)..<lineStop)
                    lastContentEnd = lineStop
                    lastContentLine = lines.count - 1
                }
                pos = lineStop
                if pos >= end { break }
                try consumeLineBreak()
            }
        }
        let contentCount = lastContentLine + 1
        // A line break ends the last content line when anything follows it.
        // (the end of the input counts as a line break, as in YAML streams).
        let lineBreakAfterLast = contentCount > 0
        let trailingBreaks = lines.count - contentCount
        var value: [UInt8] = []
        if contentCount > 0 {
            var previousWasText = false
            var previousMoreIndented = false
            var pendingEmpty = 0
            var first = true
            for index in 0..<contentCount {
                guard let range = lines[index] else {
                    pendingEmpty += 1
                    continue
                }
                let moreIndented = range.lowerBound < range.upperBound && (bytes[range.lowerBound] == ASCII.space || bytes[range.lowerBound] == ASCII.tab)
                if first {
                    value.append(contentsOf: repeatElement(ASCII.lf, count: pendingEmpty))
                } else if literal {
                    value.append(ASCII.lf)
                    value.append(contentsOf: repeatElement(ASCII.lf, count: pendingEmpty))
                } else if previousWasText && !previousMoreIndented && !moreIndented {
                    if pendingEmpty == 0 {
                        value.append(ASCII.space)
                    } else {
                        value.append(contentsOf: repeatElement(ASCII.lf, count: pendingEmpty))
                    }
                } else {
                    value.append(ASCII.lf)
                    value.append(contentsOf: repeatElement(ASCII.lf, count: pendingEmpty))
                }
                value.append(contentsOf: bytes[range])
                pendingEmpty = 0
                first = false
                previousWasText = true
                previousMoreIndented = moreIndented
            }
            switch chomp {
            case ASCII.dash: break
            case ASCII.plus:
                if lineBreakAfterLast { value.append(ASCII.lf) }
                value.append(contentsOf: repeatElement(ASCII.lf, count: trailingBreaks))
            default:
                if lineBreakAfterLast { value.append(ASCII.lf) }
            }
        } else if chomp == ASCII.plus {
            value.append(contentsOf: repeatElement(ASCII.lf, count: trailingBreaks))
        }
        // Resume at the line that ended the scalar.
        if pos < end {
            pos = lineStart
            try skipBlankLines()
        }
        let text = String(decoding: value, as: UTF8.self)
        return YAMLNode(content: .scalar(text, literal ? .literal : .folded), start: start,
                        end: contentCount > 0 ? lastContentEnd : headerEnd, line: startLine, indent: column)
    }

    // MARK: - Flow collections (one line)

    /// `item`: an item of a `[...]` list (where a Chinese comma is noted); `key`: a key of a
    /// `{...}` map (which a full-width colon after an ASCII word ends).
    public mutating func parseFlowNode(item: Bool = false, key: Bool = false) throws -> YAMLNode {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw error(.tooDeep) }
        skipInlineBlanks()
        if isLineEnd(pos) { throw error(.multiLineFlow) }
        switch bytes[pos] {
        case ASCII.openBracket: return try parseFlowSequence()
        case ASCII.openBrace: return try parseFlowMapping()
        case ASCII.doubleQuote, ASCII.singleQuote: return try parseQuoted(parentIndent: Int.max, inFlow: true)
        case ASCII.comma, ASCII.closeBracket, ASCII.closeBrace: throw error(.emptyFlowEntry)
        default: return try parsePlainFlowScalar(item: item, key: key)
        }
    }

    public mutating func parsePlainFlowScalar(item: Bool = false, key: Bool = false) throws -> YAMLNode {
        try rejectIndicatorStart(inFlow: true)
        let start = pos
        var scan = pos
        while true {
            if isLineEnd(scan) { throw error(.multiLineFlow, at: scan) }
            let byte = bytes[scan]
            if byte == ASCII.comma || byte == ASCII.closeBracket || byte == ASCII.closeBrace { break }
            if key, byte == 0xEF, scan > start, isFullWidthColon(scan),
               (start..<scan).allSatisfy({ ASCII.isWordByte(bytes[$0]) }) {
                break
            }
            if item, byte == 0xEF || byte == 0xE3, scan + 2 < end,
               (byte == 0xEF && bytes[scan + 1] == 0xBC && bytes[scan + 2] == 0x8C) || (byte == 0xE3 && bytes[scan + 1] == 0x80 && bytes[scan + 2] == 0x81) {
                notes.append(YAMLNote(.listComma, scan..<scan + 3))
            }
            if byte == ASCII.openBracket || byte == ASCII.openBrace { throw error(.flowSeparator, at: scan) }
            if byte == ASCII.colon {
                if isSeparatorOrEnd(scan + 1) || isFlowIndicator(scan + 1) { break }
                throw error(.ambiguousColon, at: scan)
            }
            if byte == ASCII.hash && isBlank(scan - 1) { throw error(.multiLineFlow, at: scan) }
            scan += 1
        }
        var textEnd = scan
        while textEnd > start, isBlank(textEnd - 1) { textEnd -= 1 }
        pos = scan
        let text = UTF8Bytes.string(bytes, start..<textEnd)
        if bytes[start] >= 0xE2 { noteChineseQuotes(start..<textEnd, inFlow: true) }
        return YAMLNode(content: .scalar(text, .plain), start: start, end: textEnd, line: line, indent: start - lineStart)
    }

    public mutating func parseFlowSequence() throws -> YAMLNode {
        let start = pos
        pos += 1
        var items: [YAMLNode] = []
        while true {
            skipInlineBlanks()
            if isLineEnd(pos) || bytes[pos] == ASCII.hash { throw error(.multiLineFlow, at: start) }
            if bytes[pos] == ASCII.closeBracket { pos += 1; break }
            let item = try parseFlowNode(item: true)
            skipInlineBlanks()
            if byte(pos) == ASCII.colon { throw error(.pairInFlowSequence) }
            items.append(item)
            if isLineEnd(pos) { throw error(.multiLineFlow, at: start) }
            if bytes[pos] == ASCII.comma { pos += 1; continue }
            if bytes[pos] == ASCII.closeBracket { pos += 1; break }
            throw error(.flowSeparator)
        }
        return YAMLNode(content: .sequence(items), start: start, end: pos, line: line, indent: start - lineStart, isFlow: true)
    }

    public mutating func parseFlowMapping() throws -> YAMLNode {
        let start = pos
        pos += 1
        var pairs: [YAMLPair] = []
        var keys = KeySet()
        while true {
            skipInlineBlanks()
            if isLineEnd(pos) || bytes[pos] == ASCII.hash { throw error(.multiLineFlow, at: start) }
            if bytes[pos] == ASCII.closeBrace { pos += 1; break }
            if bytes[pos] == ASCII.openBracket || bytes[pos] == ASCII.openBrace { throw error(.flowKey) }
            let key = try parseFlowNode(key: true)
            let keyText = key.scalarText ?? ""
            if let firstLine = keys.insert(keyText, line: key.line) {
                throw error(.duplicateKey(keyText, line: firstLine), at: key.start)
            }
            skipInlineBlanks()
            var value: YAMLNode
            if isFullWidthColon(pos) {
                // `{size：25}`: read as the `size: 25` it is meant to be.
                let colon = pos
                pos += 3
                recovered.append(YAMLSyntaxError(colon, .fullWidthColon, repair: YAMLRepair(colon..<pos, isBlank(pos) ? ":" : ": ")))
                skipInlineBlanks()
                if isLineEnd(pos) { throw error(.multiLineFlow, at: start) }
                value = bytes[pos] == ASCII.comma || bytes[pos] == ASCII.closeBrace
                    ? YAMLNode(content: .scalar("", .empty), start: pos, end: pos, line: line, indent: pos - lineStart)
                    : try parseFlowNode()
            } else if byte(pos) == ASCII.colon {
                pos += 1
                let afterColon = pos
                skipInlineBlanks()
                if isLineEnd(pos) { throw error(.multiLineFlow, at: start) }
                if bytes[pos] == ASCII.comma || bytes[pos] == ASCII.closeBrace {
                    value = YAMLNode(content: .scalar("", .empty), start: afterColon, end: afterColon, line: line, indent: afterColon - lineStart)
                } else {
                    value = try parseFlowNode()
                }
            } else if byte(pos) == ASCII.comma || byte(pos) == ASCII.closeBrace {
                value = YAMLNode(content: .scalar("", .empty), start: pos, end: pos, line: line, indent: pos - lineStart)
            } else if isLineEnd(pos) || (bytes[pos] == ASCII.hash && isBlank(pos - 1)) {
                throw error(.multiLineFlow, at: start)
            } else {
                throw error(.expectedFlowColon)
            }
            pairs.append(YAMLPair(key: key, value: value))
            skipInlineBlanks()
            if isLineEnd(pos) { throw error(.multiLineFlow, at: start) }
            if bytes[pos] == ASCII.comma { pos += 1; continue }
            if bytes[pos] == ASCII.closeBrace { pos += 1; break }
            throw error(.flowSeparator)
        }
        return YAMLNode(content: .mapping(pairs), start: start, end: pos, line: line, indent: start - lineStart, isFlow: true)
    }
}

/// The keys of one map so far: a scan for small maps (length and first and last byte compared
/// before the bytes), a dictionary past 64 keys. A customer's front matter has about 25 keys:
/// hashing each of them costs more than the scan.
public struct KeySet {
    public struct Key {
        public var text: String
        public var line: Int
        public var count: Int
        public var first: UInt8
        public var last: UInt8
    }
    public var keys: [Key] = []
    public var large: [String: Int]?
    /// One bit per (length, first byte, last byte) seen, so a new key is compared with the
    /// others only when its bit is already set.
    public var seen: UInt64 = 0

    /// Adds a key; returns the line where it was first set when it is a duplicate.
    public mutating func insert(_ key: String, line: Int) -> Int? {
        if large == nil && keys.count >= 64 {
            var table: [String: Int] = [:]
            for known in keys { table[known.text] = known.line }
            large = table
        }
        if large != nil {
            if let first = large![key] { return first }
            large![key] = line
            return nil
        }
        var text = key
        let (count, first, last) = text.withUTF8 { ($0.count, $0.first ?? 0, $0.last ?? 0) }
        let bit: UInt64 = 1 << ((UInt64(truncatingIfNeeded: count) &* 31 &+ UInt64(first) &* 7 &+ UInt64(last)) & 63)
        if seen & bit != 0 {
            for index in keys.indices where keys[index].count == count && keys[index].first == first && keys[index].last == last
                && keys[index].text.sameBytes(as: key) {
                return keys[index].line
            }
        }
        seen |= bit
        keys.append(Key(text: key, line: line, count: count, first: first, last: last))
        return nil
    }
}

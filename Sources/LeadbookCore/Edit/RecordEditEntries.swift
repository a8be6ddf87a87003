import LeadbookText

/// Edits of the log beyond appending one entry: inserting entries where their date belongs,
/// adding a `- key: value` line to an entry, removing entries (when they move to another
/// file), raw front-matter lines, and sections leadbook does not read (the merge record).
extension RecordEdit {
    /// Appends several entries (each its lines, without line breaks) at the end of a section,
    /// separated by blank lines, creating the section when missing.
    public mutating func appendEntries(_ entries: [[String]], to kind: LogReader.Section.Kind) {
        guard !entries.isEmpty else { return }
        var lines: [String] = []
        for (index, entry) in entries.enumerated() {
            if index > 0 { lines.append("") }
            lines.append(contentsOf: entry)
        }
        appendEntry(lines, to: kind)
    }

    /// Inserts entries just before the entry that starts at `offset` (an entry heading), each
    /// followed by a blank line.
    public mutating func insertEntries(_ entries: [[String]], before offset: Int) {
        guard !entries.isEmpty else { return }
        var text = ""
        for entry in entries {
            text += entry.joined(separator: lineBreak) + lineBreak + lineBreak
        }
        replacements.append(Replacement(range: offset..<offset, text: text))
    }

    /// Removes the bytes in `range` (an entry moving to another file).
    public mutating func remove(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        replacements.append(Replacement(range: range, text: ""))
    }

    /// The lines of the bytes in `range` without their line breaks, trailing blank lines left out.
    public func lines(_ range: Range<Int>) -> [String] {
        let end = endOfContent(before: range.upperBound, notBefore: range.lowerBound)
        var lines: [String] = []
        var start = range.lowerBound
        while start < end {
            var stop = start
            while stop < end, bytes[stop] != ASCII.lf { stop += 1 }
            var textEnd = stop
            if textEnd > start, bytes[textEnd - 1] == ASCII.cr { textEnd -= 1 }
            lines.append(String(decoding: bytes[start..<textEnd], as: UTF8.self))
            start = stop + 1
        }
        return lines
    }

    /// Adds a `- key: value` line to the entry in `range`, after the entry's last list item
    /// (so free notes under the entry stay below it), or after the heading when it has none.
    public mutating func addItem(_ line: String, toEntry range: Range<Int>) {
        var position = lineEnd(after: range.lowerBound)
        var index = position
        var fence = false
        while index < range.upperBound {
            let start = index
            let stop = lineEnd(after: start)
            let isFence = stop - start >= 3 && (bytes[start] == ASCII.backtick || bytes[start] == UInt8(ascii: "~"))
                && bytes[start + 1] == bytes[start] && bytes[start + 2] == bytes[start]
            if isFence { fence.toggle() }
            if !fence, !isFence, start + 1 < stop, bytes[start] == ASCII.dash || bytes[start] == ASCII.asterisk,
               bytes[start + 1] == ASCII.space {
                position = stop
            }
            index = stop
        }
        var text = ""
        if position > 0, bytes[position - 1] != ASCII.lf { text += lineBreak }
        text += line + lineBreak
        replacements.append(Replacement(range: position..<position, text: text))
    }

    /// A `- key: value` line of an entry: where it is and whether its value is empty.
    public struct EntryItem: Equatable {
        /// The line's first byte, and just past its text (line break and trailing spaces left out).
        public var start: Int
        public var end: Int
        public var line: Int
        public var emptyValue: Bool
        public var text: String
    }

    /// The `- key: value` lines of `key` in the entry in `range` (outside code blocks), whose
    /// heading is on line `firstLine`.
    public func items(_ key: EntryKey, inEntry range: Range<Int>, firstLine: Int) -> [EntryItem] {
        var found: [EntryItem] = []
        var index = range.lowerBound, line = firstLine
        var fence = false
        while index < range.upperBound {
            let start = index
            let stop = min(lineEnd(after: start), range.upperBound)
            var end = stop
            while end > start, bytes[end - 1] == ASCII.lf || bytes[end - 1] == ASCII.cr || bytes[end - 1] == ASCII.space || bytes[end - 1] == ASCII.tab {
                end -= 1
            }
            let isFence = end - start >= 3 && (bytes[start] == ASCII.backtick || bytes[start] == UInt8(ascii: "~"))
                && bytes[start + 1] == bytes[start] && bytes[start + 2] == bytes[start]
            if isFence { fence.toggle() }
            if !fence, !isFence, let (itemKey, empty) = LogEntries.itemKey(bytes[start..<end]), itemKey == key {
                found.append(EntryItem(start: start, end: end, line: line, emptyValue: empty,
                                       text: String(decoding: bytes[start..<end], as: UTF8.self)))
            }
            index = stop
            line += 1
        }
        return found
    }

    /// Writes `value` into the `- key:` line `item` left empty (its key, colon and line break
    /// kept as written).
    public mutating func fill(_ item: EntryItem, with value: String) {
        var end = item.end
        // After an ASCII colon, a space; after a full-width one `：`, none.
        let wide = end >= 3 && bytes[end - 3] == 0xEF && bytes[end - 2] == 0xBC && bytes[end - 1] == 0x9A
        while end < bytes.count, bytes[end] == ASCII.space || bytes[end] == ASCII.tab { end += 1 }
        replacements.append(Replacement(range: item.end..<end, text: (wide ? "" : " ") + value))
    }

    /// The byte range of a top-level front-matter key with its whole value (nested lines and
    /// the line break included), or nil when the key is not there.
    public func pairLines(_ key: String) -> Range<Int>? {
        guard let pair = frontMatter?.pair(key) else { return nil }
        var start = pair.key.start
        while start > 0, bytes[start - 1] != ASCII.lf { start -= 1 }
        return start..<lineEnd(after: max(pair.value.end, pair.key.end))
    }

    /// Inserts lines (as they are: already indented for the top level) into the front matter,
    /// after the first of `after` that exists, else at its end.
    public mutating func insertFrontMatterLines(_ lines: [String], after: [String]) {
        guard !lines.isEmpty else { return }
        var position = layout.frontMatter.upperBound
        for candidate in after {
            if let range = pairLines(candidate) { position = range.upperBound; break }
        }
        var text = ""
        if position > 0, bytes[position - 1] != ASCII.lf { text += lineBreak }
        text += lines.joined(separator: lineBreak) + lineBreak
        replacements.append(Replacement(range: position..<position, text: text))
    }

    /// Adds `key: value` to a map node of the front matter (a contact), after its last key.
    public mutating func addKey(_ key: String, value: String, to map: YAMLNode) {
        insert(key: key, value: value, into: map, after: [])
    }

    /// Appends several items to the list at `path` (see `appendListItem`), creating the list
    /// once when the key is missing or empty.
    public mutating func appendListItems(_ path: [String], items: [[String]], after: [String] = []) throws {
        guard !items.isEmpty else { return }
        if let list = node(at: path), !list.isEmpty {
            for item in items { try appendListItem(path, item: item, after: after) }
            return
        }
        try addList(path, items: items, after: after)
    }

    /// A level-2 section that leadbook does not read as a log (`## Merges`), by its titles.
    public func section(titled titles: [String]) -> Range<Int>? {
        var index = layout.body.lowerBound
        var start: Int?
        var fence: UInt8 = 0
        while index < bytes.count {
            let lineStart = index
            let stop = lineEnd(after: lineStart)
            index = stop
            let first = bytes[lineStart]
            if stop - lineStart >= 3, first == ASCII.backtick || first == UInt8(ascii: "~"),
               bytes[lineStart + 1] == first, bytes[lineStart + 2] == first {
                if fence == 0 { fence = first } else if fence == first { fence = 0 }
                continue
            }
            guard fence == 0, first == ASCII.hash else { continue }
            var level = 0
            var scan = lineStart
            while scan < stop, bytes[scan] == ASCII.hash { level += 1; scan += 1 }
            guard level <= 2, scan < stop, bytes[scan] == ASCII.space || bytes[scan] == ASCII.lf || bytes[scan] == ASCII.cr else { continue }
            if let open = start { return open..<lineStart }
            if level == 2 {
                let title = String(decoding: bytes[scan..<stop], as: UTF8.self).trimming(" \t\r\n#")
                if titles.contains(title) { start = lineStart }
            }
        }
        return start.map { $0..<bytes.count }
    }

    /// Appends an entry to the section named `titles[0]` (or any of `titles`), creating it at
    /// the end of the file when missing.
    public mutating func appendEntry(_ lines: [String], toSectionTitled titles: [String], heading: String) {
        let entry = lines.joined(separator: lineBreak) + lineBreak
        if let section = section(titled: titles) {
            append(entry, toSectionFrom: section.lowerBound, to: section.upperBound)
            return
        }
        appendSection(heading, with: entry)
    }
}

extension String {
    /// The text without the given characters at either end.
    public func trimming(_ set: String) -> String {
        let drop = Set(set.unicodeScalars)
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop.contains($0) })!
        return String(scalars[first...last])
    }
}

import LeadbookText

/// The log entries of a customer file as byte ranges: what comparing two versions of a file
/// (the append-only check, the merge driver) works on.
public struct LogEntries: Sendable {
    /// One `### ...` entry of the Follow-ups or Feedback section.
    public struct Entry: Sendable {
        public var kind: LogReader.Section.Kind
        /// The `###` of the heading.
        public var start: Int
        /// Just past the entry's last line with content (its line break included).
        public var contentEnd: Int
        /// Just past the blank lines after it: the next entry's or section's heading, or the end.
        public var end: Int
        public var line: Int
        public var date: LocalDate?
        public var time: Int?
        /// The last entry of its section.
        public var isLast: Bool
    }

    public var layout: RecordLayout
    /// Follow-ups first, then feedback, each in file order.
    public var entries: [Entry]
    public var followUpSection: LogReader.Section?
    public var feedbackSection: LogReader.Section?

    /// nil when the bytes are not UTF-8 text with a front matter.
    public static func read(_ bytes: [UInt8]) -> LogEntries? {
        bytes.withUnsafeBufferPointer { buffer -> LogEntries? in
            guard UTF8Bytes.firstInvalidOffset(buffer) == nil, case .success(let layout) = RecordLayout.read(buffer) else { return nil }
            var findings = Findings(source: SourceText(path: "", bytes: []))
            let log = LogReader.read(buffer, range: layout.body, firstLine: layout.bodyFirstLine, findings: &findings, keepText: false)
            var entries: [Entry] = []
            func add(_ kind: LogReader.Section.Kind, _ spans: [(Int, Int, Int, LocalDate?, Int?)]) {
                for (index, span) in spans.enumerated() {
                    entries.append(Entry(kind: kind, start: span.0, contentEnd: contentEnd(buffer, span.0, span.1), end: span.1,
                                         line: span.2, date: span.3, time: span.4, isLast: index == spans.count - 1))
                }
            }
            add(.followUps, log.followUps.map { ($0.start, $0.end, $0.line, $0.date, $0.time) })
            add(.feedback, log.feedback.map { ($0.start, $0.end, $0.line, $0.date, $0.time) })
            return LogEntries(layout: layout, entries: entries, followUpSection: log.followUpSection, feedbackSection: log.feedbackSection)
        }
    }

    /// Just past the last line of `start..<end` that has more than white space.
    public static func contentEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var index = end
        while index > start {
            let byte = bytes[index - 1]
            guard byte == ASCII.lf || byte == ASCII.cr || byte == ASCII.space || byte == ASCII.tab else { break }
            index -= 1
        }
        while index < end, bytes[index] != ASCII.lf { index += 1 }
        return index < end ? index + 1 : end
    }

    public func entries(_ kind: LogReader.Section.Kind) -> [Entry] {
        entries.filter { $0.kind == kind }
    }

    /// One line of an entry for comparing: without its line break and trailing spaces, so a
    /// file saved with other line endings or by an editor that trims lines compares equal.
    public struct Line: Sendable, Equatable {
        public var text: ArraySlice<UInt8>
        /// Offset of the line's first byte in the file.
        public var offset: Int

        public static func == (lhs: Line, rhs: Line) -> Bool { lhs.text == rhs.text }
    }

    /// The lines of an entry up to its last line with content.
    public static func lines(_ bytes: [UInt8], _ entry: Entry) -> [Line] {
        var lines: [Line] = []
        var start = entry.start
        while start < entry.contentEnd {
            var stop = start
            while stop < entry.contentEnd, bytes[stop] != ASCII.lf { stop += 1 }
            var trimmed = stop
            while trimmed > start, bytes[trimmed - 1] == ASCII.cr || bytes[trimmed - 1] == ASCII.space || bytes[trimmed - 1] == ASCII.tab {
                trimmed -= 1
            }
            lines.append(Line(text: bytes[start..<trimmed], offset: start))
            start = stop + 1
        }
        return lines
    }

    /// The heading line's text, for messages.
    public static func heading(_ bytes: [UInt8], _ entry: Entry) -> String {
        var stop = entry.start
        while stop < entry.contentEnd, bytes[stop] != ASCII.lf, bytes[stop] != ASCII.cr { stop += 1 }
        var trimmed = stop
        while trimmed > entry.start, bytes[trimmed - 1] == ASCII.space || bytes[trimmed - 1] == ASCII.tab { trimmed -= 1 }
        return String(decoding: bytes[entry.start..<trimmed], as: UTF8.self)
    }

    // MARK: - The edits allowed in an old entry

    /// `- [ ] text` became `- [x] text`: a task ticked off.
    public static func isTick(_ old: ArraySlice<UInt8>, _ new: ArraySlice<UInt8>) -> Bool {
        guard old.count == new.count, old.count >= 5 else { return false }
        let o = old.startIndex, n = new.startIndex
        guard old[o] == ASCII.dash || old[o] == ASCII.asterisk, old[o + 1] == ASCII.space, old[o + 2] == ASCII.openBracket,
              old[o + 3] == ASCII.space, old[o + 4] == ASCII.closeBracket,
              new[n + 3] == ASCII.x || new[n + 3] == ASCII.X else { return false }
        for offset in 0..<old.count where offset != 3 && old[o + offset] != new[n + offset] { return false }
        return true
    }

    /// The key of a `- key: value` item (ASCII or full-width colon, English or Chinese key),
    /// and whether its value is empty.
    public static func itemKey(_ line: ArraySlice<UInt8>) -> (key: EntryKey, emptyValue: Bool)? {
        let start = line.startIndex
        guard line.count >= 3, line[start] == ASCII.dash || line[start] == ASCII.asterisk, line[start + 1] == ASCII.space else { return nil }
        var scan = start + 2
        let limit = min(line.endIndex, scan + 48)
        while scan < limit {
            let byte = line[scan]
            var valueStart: Int?
            if byte == ASCII.colon { valueStart = scan + 1 }
            if byte == 0xEF, scan + 2 < line.endIndex, line[scan + 1] == 0xBC, line[scan + 2] == 0x9A { valueStart = scan + 3 }
            if let valueStart {
                var keyEnd = scan
                while keyEnd > start + 2, line[keyEnd - 1] == ASCII.space { keyEnd -= 1 }
                guard let key = EntryKey.matching(line[(start + 2)..<keyEnd]) else { return nil }
                let empty = line[valueStart...].allSatisfy { $0 == ASCII.space || $0 == ASCII.tab }
                return (key, empty)
            }
            scan += 1
        }
        return nil
    }

    /// The feedback keys whose lines are filled in after the entry was written.
    public static func isFilledLater(_ key: EntryKey) -> Bool {
        key == .resolved || key == .confirmed || key == .satisfaction
    }
}

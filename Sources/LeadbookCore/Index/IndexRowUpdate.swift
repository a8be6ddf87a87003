import LeadbookText
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The index file brought up to date after a write of a few customers, without reading the
/// others: each written customer's rows are made from its bytes before and after the write,
/// and only those rows change in the file, each where the tables' order puts it (`IndexAssembly`):
/// leads and grading found by id, follow-ups and feedback by date and time (and, among rows of
/// the same minute, by the id of the customer each links to, read from the leads table). The
/// follow-up window is derived from the file itself: its newest row is the newest follow-up of
/// the workspace, so a newer entry moves the window, drops the rows that fall out of it and
/// rewrites the caption.
///
/// Whenever the update cannot be sure it writes what `leadbook index` would write given the
/// other rows as they are, it gives nil and the caller makes the index from every customer
/// file: markers that are not right or a table missing (`IndexMarkerScanner`, as `rewrite`
/// checks them), a table's header, caption or blank lines not as leadbook writes them, a
/// customer's old rows not in the file exactly as they are rendered, a row that cannot be read,
/// rows of the same minute whose order cannot be told, plan rows that change, a customer that
/// gains or loses its rows, a follow-up window that would shrink. A new customer file
/// (`leadbook new`) has its rows put in the same way, unless a row already shows its id or it
/// has plan rows.
public enum IndexRowUpdate {
    /// One written customer: its rows before and after the write (nil: no rows, a file that
    /// does not read as a customer or a tombstone).
    public struct Written: Sendable {
        public var before: IndexRows?
        public var after: IndexRows?
        /// The file is new (`leadbook new`): it had no rows, and its rows are put in.
        public var created = false

        public init(before: IndexRows?, after: IndexRows?) {
            self.before = before
            self.after = after
        }

        /// A new customer file and its rows.
        public static func created(_ after: IndexRows?) -> Written {
            var written = Written(before: nil, after: after)
            written.created = true
            return written
        }
    }

    /// Told, after each write, whether the rows were updated in place (true) or the index is
    /// made from every customer file (false). Tests set it to see which way was taken; nil otherwise.
    public nonisolated(unsafe) static var observer: ((Bool) -> Void)?

    /// The rows of a customer file's bytes, as the full index makes them.
    public static func rows(path: String, bytes: [UInt8], _ extraction: IndexExtraction) -> IndexRows? {
        let result = CustomerReader.read(path: path, bytes: bytes, configuration: extraction.configuration)
        return result.customer.flatMap { extraction.rows($0, path: path) }
    }

    /// What the update does to the file, and where its tables are afterwards.
    public enum Outcome {
        case unchanged(Layout)
        /// The new file as pieces one after the other (most of them ranges of the old file, so
        /// its unchanged bytes are never copied through memory), and the tables whose lines change.
        case changed([AtomicFile.Piece], [IndexTable], Layout)
    }

    /// Where an index file's tables are: each table's lines between its markers, in the
    /// file's order, and their line ending.
    public struct Layout: Sendable, Equatable {
        public struct Table: Sendable, Equatable {
            public var table: IndexTable
            public var content: Range<Int>
            public var crlf: Bool
        }

        public var tables: [Table]
    }

    /// `existing` with the written customers' rows brought up to date, or nil when that cannot
    /// be sure (the caller then refreshes the index from every customer file). `layout`, when
    /// given, is where the file's tables are (`LayoutMemory`): the file is then not searched
    /// for its markers.
    public static func rewrite(_ existing: UnsafeBufferPointer<UInt8>, _ written: [Written], configuration: Configuration,
                               layout: Layout? = nil) -> Outcome? {
        var update = Update(buffer: existing, configuration: configuration)
        let planned = update.run(written, layout: layout)
        guard let (splices, tables, before) = planned else { return nil }
        guard !splices.isEmpty else { return .unchanged(before) }
        // The tables after the splices: each moved by what changed before it.
        var after = before
        for index in after.tables.indices {
            let content = after.tables[index].content
            var start = content.lowerBound, end = content.upperBound
            for splice in splices {
                let delta = splice.bytes.count - splice.range.count
                if splice.range.lowerBound < content.lowerBound { start += delta }
                if splice.range.lowerBound < content.upperBound { end += delta }
            }
            after.tables[index].content = start..<end
        }
        var pieces: [AtomicFile.Piece] = []
        var position = 0
        for splice in splices {
            if position < splice.range.lowerBound { pieces.append(.original(position..<splice.range.lowerBound)) }
            if !splice.bytes.isEmpty { pieces.append(.bytes(splice.bytes[...])) }
            position = splice.range.upperBound
        }
        if position < existing.count { pieces.append(.original(position..<existing.count)) }
        return .changed(pieces, tables, after)
    }

    /// One table between its markers: where its lines are and their line ending.
    struct Span {
        var table: IndexTable
        /// From the line after the begin marker to the start of the end marker's line.
        var content: Range<Int>
        var eol: [UInt8]
        /// The data rows (after the delimiter, before the closing blank line).
        var rows: Range<Int> = 0..<0
    }

    /// A change of the file: `range` replaced by `bytes` (an empty range inserts).
    struct Splice {
        var range: Range<Int>
        var bytes: [UInt8]
        var order: Int
    }

    /// The key rows of the dated tables are sorted by, newest first.
    struct Moment: Equatable, Comparable {
        var day: Int32
        var minute: Int16

        static func < (a: Moment, b: Moment) -> Bool {
            a.day != b.day ? a.day < b.day : a.minute < b.minute
        }
    }

    struct Update {
        let buffer: UnsafeBufferPointer<UInt8>
        let configuration: Configuration
        var spans: [IndexTable: Span] = [:]
        var order: [IndexTable] = []
        var splices: [Splice] = []
        var changed = Set<IndexTable>()

        init(buffer: UnsafeBufferPointer<UInt8>, configuration: Configuration) {
            self.buffer = buffer
            self.configuration = configuration
        }

        /// The splices, in the file's order, the tables they change and where the tables were;
        /// nil when not sure.
        mutating func run(_ written: [Written], layout known: Layout?) -> ([Splice], [IndexTable], Layout)? {
            if let known {
                guard remembered(known) else { return nil }
            } else {
                guard layout() else { return nil }
            }
            let found = Layout(tables: order.compactMap { table in
                spans[table].map { Layout.Table(table: table, content: $0.content, crlf: $0.eol.count == 2) }
            })
            for table in IndexTable.allCases {
                guard let span = spans[table], let rows = fixedLines(span) else { return nil }
                spans[table]?.rows = rows
            }
            var seen = Set<String>()
            for customer in written {
                let before = customer.before, after = customer.after
                if before == nil && after == nil { continue }
                if customer.created {
                    guard before == nil, let after, !after.id.isEmpty, seen.insert(after.path).inserted, inserted(after) else { return nil }
                    continue
                }
                // A customer that gains or loses its rows, or changes id or file: not here.
                guard let before, let after, before.id == after.id, before.path == after.path, !before.id.isEmpty,
                      seen.insert(before.path).inserted else { return nil }
                guard idTable(.leads, before, after), idTable(.grading, before, after) else { return nil }
                guard sameLines(before, after, .plans) else { return nil }
                guard datedTable(.feedback, before, after), datedTable(.followUps, before, after) else { return nil }
            }
            // At one place, rows put in before the line there is replaced or removed.
            splices.sort { a, b in
                if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
                if a.range.isEmpty != b.range.isEmpty { return a.range.isEmpty }
                return a.order < b.order
            }
            var position = 0
            for splice in splices {
                guard splice.range.lowerBound >= position else { return nil }  // overlapping: not sure
                position = splice.range.upperBound
            }
            return (splices, order.filter { changed.contains($0) }, found)
        }

        mutating func splice(_ table: IndexTable, _ range: Range<Int>, _ bytes: [UInt8]) {
            splices.append(Splice(range: range, bytes: bytes, order: splices.count))
            changed.insert(table)
        }

        // MARK: The file's tables

        /// Finds every table's markers, checked as `IndexFile.rewrite` checks them; the lines
        /// between markers are only looked at where one could be a marker (its first byte
        /// other than a blank is `<`). False when a marker is not right or a table is missing.
        mutating func layout() -> Bool {
            var scanner = IndexMarkerScanner()
            var position = 0
            var number = 0
            let count = buffer.count
            while position < count {
                let (contentEnd, next) = lineEnd(position)
                number += 1
                let event = scanner.feed(UnsafeBufferPointer(rebasing: buffer[position..<contentEnd]), number: number)
                guard scanner.problems.isEmpty else { return false }
                position = next
                guard case .begin(let table) = event else { continue }
                let eol = contentEnd < next ? Array(buffer[contentEnd..<next]) : [ASCII.lf]
                let contentStart = next
                var search = next
                var closed = false
                while search < count {
                    let less = UTF8Bytes.find(ASCII.less, in: buffer, from: search, to: count)
                    guard less < count else { break }
                    var lineStart = less
                    // Back over what `IndexMarkerScanner.marker` trims, within the line.
                    while lineStart > contentStart, buffer[lineStart - 1] != ASCII.lf, MarkdownRow.isBlank(buffer[lineStart - 1]) { lineStart -= 1 }
                    guard lineStart == contentStart || buffer[lineStart - 1] == ASCII.lf else {
                        search = less + 1
                        continue
                    }
                    let (end, after) = lineEnd(lineStart)
                    number += 1
                    let inner = scanner.feed(UnsafeBufferPointer(rebasing: buffer[lineStart..<end]), number: max(2, number))
                    guard scanner.problems.isEmpty else { return false }
                    search = after
                    if case .end = inner {
                        spans[table] = Span(table: table, content: contentStart..<lineStart, eol: eol)
                        order.append(table)
                        position = after
                        closed = true
                        break
                    }
                }
                guard closed else { return false }
            }
            scanner.finish()
            return scanner.problems.isEmpty && spans.count == IndexTable.allCases.count
        }

        /// The tables where `known` says they are: checked only at their ends (the begin
        /// marker's line before, the end marker's line after).
        mutating func remembered(_ known: Layout) -> Bool {
            guard known.tables.count == IndexTable.allCases.count, Set(known.tables.map(\.table)).count == known.tables.count else { return false }
            var previous = 0
            for entry in known.tables {
                let content = entry.content
                let eol: [UInt8] = entry.crlf ? [ASCII.cr, ASCII.lf] : [ASCII.lf]
                guard content.lowerBound >= previous + eol.count, content.upperBound <= buffer.count,
                      content.lowerBound <= content.upperBound else { return false }
                let begin = Array(IndexAssembly.beginMarker(entry.table).utf8) + eol
                let end = Array(IndexAssembly.endMarker(entry.table).utf8)
                guard content.lowerBound >= begin.count,
                      take(begin.dropLast(eol.count).map { $0 }, at: content.lowerBound - begin.count, eol, within: content.lowerBound) == content.lowerBound,
                      buffer.count - content.upperBound >= end.count,
                      (0..<end.count).allSatisfy({ buffer[content.upperBound + $0] == end[$0] }) else { return false }
                spans[entry.table] = Span(table: entry.table, content: content, eol: eol)
                order.append(entry.table)
                previous = content.upperBound + end.count
            }
            return true
        }

        /// The end of the line at `start` without its line ending, and the start of the next.
        func lineEnd(_ start: Int) -> (Int, Int) {
            let end = UTF8Bytes.find(ASCII.lf, in: buffer, from: start, to: buffer.count)
            let next = end < buffer.count ? end + 1 : end
            var contentEnd = end
            if contentEnd > start, buffer[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
            return (contentEnd, next)
        }

        /// Whether the line at `start` is exactly `text` then the table's line ending; the
        /// start of the next line when it is.
        func take(_ text: [UInt8], at start: Int, _ eol: [UInt8], within end: Int) -> Int? {
            let length = text.count + eol.count
            guard end - start >= length else { return nil }
            for (offset, byte) in text.enumerated() where buffer[start + offset] != byte { return nil }
            for (offset, byte) in eol.enumerated() where buffer[start + text.count + offset] != byte { return nil }
            return start + length
        }

        var words: IndexWords { IndexWords(language: configuration.language) }

        func caption(_ newest: Int32?) -> [UInt8] {
            guard let newest else { return Array(words.followUpWindow(days: configuration.indexDays, from: nil, to: nil).utf8) }
            let to = LocalDate(dayNumber: Int(newest))
            return Array(words.followUpWindow(days: configuration.indexDays, from: to.adding(days: -(max(1, configuration.indexDays) - 1)), to: to).utf8)
        }

        /// The lines before and after the rows (blank, caption, header, delimiter; the closing
        /// blank line) as leadbook writes them; the range of the rows, or nil.
        func fixedLines(_ span: Span) -> Range<Int>? {
            let end = span.content.upperBound
            var position = span.content.lowerBound
            guard let afterBlank = take([], at: position, span.eol, within: end) else { return nil }
            position = afterBlank
            if span.table == .followUps {
                // The caption names the window of the newest row, checked once the rows are known.
                let (captionEnd, next) = lineEnd(position)
                guard captionEnd < next, next <= end, let blank = take([], at: next, span.eol, within: end) else { return nil }
                position = blank
            }
            let columns = span.table.columns(configuration.language, pii: configuration.indexPII)
            guard let header = take(MarkdownRow.line(columns), at: position, span.eol, within: end),
                  let delimiter = take(MarkdownRow.delimiter(columns.count), at: header, span.eol, within: end) else { return nil }
            let rowsEnd = end - span.eol.count
            guard rowsEnd >= delimiter, take([], at: rowsEnd, span.eol, within: end) == end else { return nil }
            if span.table == .followUps {
                let captionStart = span.content.lowerBound + span.eol.count
                let (captionEnd, next) = lineEnd(captionStart)
                let newest = delimiter < rowsEnd ? moment(.followUps, delimiter)?.day : nil
                if delimiter < rowsEnd, newest == nil { return nil }
                guard Array(buffer[captionStart..<captionEnd]) == caption(newest),
                      Array(buffer[captionEnd..<next]) == span.eol else { return nil }
            }
            return delimiter..<rowsEnd
        }

        // MARK: Reading rows

        /// The bytes of a line's cell `index` (0-based), without the spaces around it; nil when
        /// the line does not have it.
        func cell(_ index: Int, ofLineAt start: Int) -> Range<Int>? {
            Self.cell(index, buffer, start, lineEnd(start).0)
        }

        static func cell(_ index: Int, _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int>? {
            guard start < end, buffer[start] == ASCII.pipe else { return nil }
            var position = start + 1
            var current = 0
            while position < end {
                var scan = position
                while scan < end, buffer[scan] != ASCII.pipe {
                    scan += buffer[scan] == ASCII.backslash ? 2 : 1
                }
                guard scan < end else { return nil }
                if current == index {
                    // `| text |`: one space each side (an empty cell is `|  |`).
                    guard scan - position >= 2, buffer[position] == ASCII.space, buffer[scan - 1] == ASCII.space else { return nil }
                    return (position + 1)..<(scan - 1)
                }
                current += 1
                position = scan + 1
            }
            return nil
        }

        /// The moment of a dated row: its date cell, `2024-03-05` or `2024-03-05 10:30`.
        func moment(_ table: IndexTable, _ start: Int) -> Moment? {
            guard let range = cell(table == .followUps ? 0 : 1, ofLineAt: start), range.count == 10 || range.count == 16,
                  let date = LocalDate.parse(buffer, range.lowerBound..<(range.lowerBound + 10)) else { return nil }
            var minute: Int16 = 0
            if range.count == 16 {
                let at = range.lowerBound + 10
                let digits = [at + 1, at + 2, at + 4, at + 5]
                guard buffer[at] == ASCII.space, buffer[at + 3] == ASCII.colon, digits.allSatisfy({ ASCII.isDigit(buffer[$0]) }) else { return nil }
                let value = digits.map { Int16(buffer[$0] - ASCII.zero) }
                minute = (value[0] * 10 + value[1]) * 60 + value[2] * 10 + value[3] + 1
            }
            return Moment(day: Int32(clamping: date.dayNumber), minute: minute)
        }

        func nameCellIndex(_ table: IndexTable) -> Int {
            switch table {
            case .leads: return 2
            case .grading, .followUps: return 1
            case .plans, .feedback: return 0
            }
        }

        func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: buffer[range])
        }

        /// The name cell (`[name](link)`) of a rendered row.
        static func nameCell(_ text: [UInt8], _ index: Int) -> [UInt8]? {
            text.withUnsafeBufferPointer { buffer in
                cell(index, buffer, 0, buffer.count).map { Array(buffer[$0]) }
            }
        }

        /// The id a leads or grading row shows (nil when its cell holds escapes or nothing).
        func idCell(_ start: Int) -> String? {
            guard let range = cell(0, ofLineAt: start), !range.isEmpty,
                  !bytes(range).contains(ASCII.backslash) else { return nil }
            return String(decoding: bytes(range), as: UTF8.self)
        }

        /// The first line in `range` (line starts) for which `after` holds, `after` being false
        /// and then true along the lines; `range.upperBound` when none. nil when a line cannot
        /// be read (`after` gives nil).
        func firstLine(in range: Range<Int>, where after: (Int) -> Bool?) -> Int? {
            var low = range.lowerBound, high = range.upperBound
            while low < high {
                var middle = low + (high - low) / 2
                while middle > low, buffer[middle - 1] != ASCII.lf { middle -= 1 }
                guard let holds = after(middle) else { return nil }
                if holds {
                    high = middle
                } else {
                    low = lineEnd(middle).1
                }
            }
            return low
        }

        /// The lines of `range` one by one (their starts).
        func lines(_ range: Range<Int>) -> [Int] {
            var starts: [Int] = []
            var position = range.lowerBound
            while position < range.upperBound {
                starts.append(position)
                position = lineEnd(position).1
            }
            return starts
        }

        // MARK: Leads and grading: one row per customer, by id

        mutating func idTable(_ table: IndexTable, _ before: IndexRows, _ after: IndexRows) -> Bool {
            let old = before.rows.filter { $0.table == table }, new = after.rows.filter { $0.table == table }
            guard old.count == 1, new.count == 1, let span = spans[table] else { return false }
            let key = IdKey(before.id)
            var unreadable = false
            guard let found = firstLine(in: span.rows, where: { start in
                guard let id = idCell(start) else { unreadable = true; return nil }
                return !(IdKey(id) < key)
            }), !unreadable, found < span.rows.upperBound, idCell(found) == before.id,
                  let next = take(old[0].line.text, at: found, span.eol, within: span.rows.upperBound) else { return false }
            // Two customers with one id: their order is by path, not told here.
            if next < span.rows.upperBound, idCell(next) == before.id { return false }
            if old[0].line.bytes != new[0].line.bytes {
                splice(table, found..<next, new[0].line.text + span.eol)
            }
            return true
        }

        /// A new customer's row of the leads or grading table put where its id puts it; false
        /// when a row of the same id is there (their order is by path, not told here).
        mutating func idInsert(_ table: IndexTable, _ after: IndexRows) -> Bool {
            let new = after.rows.filter { $0.table == table }
            guard new.count == 1, let span = spans[table] else { return false }
            let key = IdKey(after.id)
            var unreadable = false
            guard let found = firstLine(in: span.rows, where: { start in
                guard let id = idCell(start) else { unreadable = true; return nil }
                return !(IdKey(id) < key)
            }), !unreadable else { return false }
            if found < span.rows.upperBound {
                guard let id = idCell(found), IdKey(id) != key, id != after.id else { return false }
            }
            splice(table, found..<found, new[0].line.text + span.eol)
            return true
        }

        /// A new customer's rows put in: leads and grading by id, follow-ups and feedback by
        /// date; false when it has plan rows (their place among the customers is not told here).
        mutating func inserted(_ after: IndexRows) -> Bool {
            guard !after.rows.contains(where: { $0.table == .plans }) else { return false }
            let none = IndexRows(path: after.path, id: after.id, owner: after.owner, rows: [], owned: [])
            return idInsert(.leads, after) && idInsert(.grading, after)
                && datedTable(.feedback, none, after) && datedTable(.followUps, none, after)
        }

        func sameLines(_ before: IndexRows, _ after: IndexRows, _ table: IndexTable) -> Bool {
            let old = before.rows.filter { $0.table == table }.map(\.line.bytes)
            let new = after.rows.filter { $0.table == table }.map(\.line.bytes)
            return old == new
        }

        // MARK: Follow-ups and feedback: newest first

        /// The customer's rows of a dated table replaced: unchanged rows kept, changed rows
        /// replaced where they are, old rows removed and new rows put where the order puts them.
        mutating func datedTable(_ table: IndexTable, _ before: IndexRows, _ after: IndexRows) -> Bool {
            guard var span = spans[table] else { return false }
            let nameIndex = nameCellIndex(table)
            var old = before.rows.filter { $0.table == table }
            var new = after.rows.filter { $0.table == table }
            // The window: from the file's newest row (checked against the caption).
            var cut: Int?
            if table == .followUps {
                let days = Int32(max(1, configuration.indexDays))
                let shown = span.rows.isEmpty ? nil : moment(table, span.rows.lowerBound)?.day
                if !span.rows.isEmpty, shown == nil { return false }
                let newestNew = new.map(\.day).max()
                let newest = [shown, newestNew].compactMap { $0 }.max()
                if let shown {
                    // Only rows of the old window are in the file.
                    old = old.filter { $0.day >= shown - (days - 1) }
                    // The newest row was this customer's and is no more: the window's end is
                    // another customer's newest follow-up, not told here.
                    if (newestNew ?? Int32.min) < shown, old.contains(where: { $0.day == shown }) { return false }
                } else {
                    guard old.isEmpty else { return false }
                }
                if let newest {
                    new = new.filter { $0.day >= newest - (days - 1) }
                    if newest != shown {
                        let captionStart = span.content.lowerBound + span.eol.count
                        let captionEnd = lineEnd(captionStart).0
                        splice(table, captionStart..<captionEnd, caption(newest))
                        if shown != nil {
                            // Rows before the new window fall out of it.
                            let from = newest - (days - 1)
                            var unreadable = false
                            guard let first = firstLine(in: span.rows, where: { start in
                                guard let moment = moment(table, start) else { unreadable = true; return nil }
                                return moment.day < from
                            }), !unreadable else { return false }
                            cut = first
                        }
                    }
                }
            }
            let ownName = new.first.flatMap { Self.nameCell($0.line.text, nameIndex) } ?? old.first.flatMap { Self.nameCell($0.line.text, nameIndex) }
            // Pairs of the same entry at the same moment: unchanged or replaced in place.
            // Located in the table's order, so of two equal lines of the customer at one minute
            // the later entry takes the first.
            old.sort(by: Self.precedes)
            var used = Set<Int>()
            var remaining = new
            for row in old {
                guard let start = locate(row, table, span, &used) else { return false }
                let inWindow = cut.map { start < $0 } ?? true
                if let pair = remaining.firstIndex(where: { $0.sequence == row.sequence && $0.day == row.day && $0.minute == row.minute }) {
                    let replacement = remaining.remove(at: pair)
                    if replacement.line.bytes != row.line.bytes, inWindow {
                        splice(table, start..<lineEnd(start).1, replacement.line.text + span.eol)
                    }
                } else if inWindow {
                    splice(table, start..<lineEnd(start).1, [])
                }
            }
            var added = remaining
            if let cut, cut < span.rows.upperBound {
                // Everything from the cut on goes (the customer's rows there were left alone above).
                splice(table, cut..<span.rows.upperBound, [])
                span.rows = span.rows.lowerBound..<cut
            }
            // New rows, newest first, the later entry of the file first.
            added.sort(by: Self.precedes)
            let key = IdKey(after.id)
            for row in added {
                let moment = Moment(day: row.day, minute: row.minute)
                var unreadable = false
                guard let groupStart = firstLine(in: span.rows, where: { start in
                    guard let other = self.moment(table, start) else { unreadable = true; return nil }
                    return !(moment < other)
                }), !unreadable, let groupEnd = firstLine(in: groupStart..<span.rows.upperBound, where: { start in
                    guard let other = self.moment(table, start) else { unreadable = true; return nil }
                    return other < moment
                }), !unreadable else { return false }
                var position = groupStart
                if groupStart < groupEnd {
                    // Rows of the same minute: by the id of their customer, from the leads table.
                    guard let ownName else { return false }
                    for start in lines(groupStart..<groupEnd) {
                        guard let name = cell(nameIndex, ofLineAt: start) else { return false }
                        if bytes(name).elementsEqual(ownName) { return false }
                    }
                    guard let found = firstLine(in: groupStart..<groupEnd, where: { start in
                        guard let other = customerId(start, table), other != after.id else { unreadable = true; return nil }
                        return key < IdKey(other)
                    }), !unreadable else { return false }
                    position = found
                }
                splice(table, position..<position, row.line.text + span.eol)
            }
            return true
        }

        /// The order of one customer's rows in a dated table: newest first, the later entry first.
        static func precedes(_ a: IndexRow, _ b: IndexRow) -> Bool {
            a.day != b.day ? a.day > b.day : a.minute != b.minute ? a.minute > b.minute : a.sequence > b.sequence
        }

        /// Where an old row of the customer is in a dated table: among the rows of its minute,
        /// the first not used yet that is exactly the row.
        func locate(_ row: IndexRow, _ table: IndexTable, _ span: Span, _ used: inout Set<Int>) -> Int? {
            let moment = Moment(day: row.day, minute: row.minute)
            var unreadable = false
            guard let groupStart = firstLine(in: span.rows, where: { start in
                guard let other = self.moment(table, start) else { unreadable = true; return nil }
                return !(moment < other)
            }), !unreadable else { return nil }
            var position = groupStart
            while position < span.rows.upperBound {
                guard let other = self.moment(table, position), other == moment else { return nil }
                if !used.contains(position), take(row.line.text, at: position, span.eol, within: span.rows.upperBound) != nil {
                    used.insert(position)
                    return position
                }
                position = lineEnd(position).1
            }
            return nil
        }

        /// The id of the customer a dated row links to: the file name's id, confirmed by the
        /// leads row of that id showing the same name and link. nil when it cannot be told.
        func customerId(_ start: Int, _ table: IndexTable) -> String? {
            guard let name = cell(nameCellIndex(table), ofLineAt: start) else { return nil }
            let cell = bytes(name)
            // `[name](…/ID-short-name.md)`: the link is the last parenthesis.
            guard cell.last == UInt8(ascii: ")") else { return nil }
            var open = cell.count - 1
            while open > 0, cell[open] != UInt8(ascii: "(") { open -= 1 }
            guard open > 0, cell[open - 1] == UInt8(ascii: "]") else { return nil }
            var fileStart = cell.count - 1
            while fileStart > open + 1, cell[fileStart - 1] != ASCII.slash { fileStart -= 1 }
            let id = CustomerIds.id(ofFileName: String(decoding: UnsafeBufferPointer(rebasing: cell[fileStart..<(cell.count - 1)]), as: UTF8.self))
            guard !id.isEmpty else { return nil }
            guard let leads = spans[.leads] else { return nil }
            let key = IdKey(id)
            var unreadable = false
            guard let found = firstLine(in: leads.rows, where: { start in
                guard let other = idCell(start) else { unreadable = true; return nil }
                return !(IdKey(other) < key)
            }), !unreadable, found < leads.rows.upperBound, idCell(found) == id,
                  let leadsName = self.cell(2, ofLineAt: found), bytes(leadsName).elementsEqual(cell) else { return nil }
            let next = lineEnd(found).1
            if next < leads.rows.upperBound, idCell(next) == id { return nil }
            return id
        }
    }
}

extension WorkspaceIndex {
    /// What `plannedRefresh` gives after a write that only changed customer files, made from
    /// those customers' rows alone (`IndexRowUpdate`); nil when that cannot be sure, and the
    /// index is then made from every customer file.
    /// The third value is to be called once the index file is written (under the lock): it
    /// remembers where the file's tables are, for the next update.
    public static func plannedUpdate(_ workspace: Workspace, _ changes: [CustomerWrite.Change])
        -> (Refresh, CustomerWrite.Change?, @Sendable () -> Void)? {
        let configuration = workspace.configuration
        guard misplaced(configuration) == nil, !changes.isEmpty, changes.allSatisfy({ $0.kind == .update || $0.kind == .create }),
              case .success(let real) = WorkspacePath.resolve(configuration.indexFile, root: workspace.root),
              FileAccess.exists(real), case .success(let existing) = FileSnapshot.open(real) else { return nil }
        let extraction = self.extraction(workspace, owners: false, keepText: true)
        let written = changes.map { change in
            change.kind == .create
                ? IndexRowUpdate.Written.created(IndexRowUpdate.rows(path: change.path, bytes: change.after, extraction))
                : IndexRowUpdate.Written(before: IndexRowUpdate.rows(path: change.path, bytes: change.before, extraction),
                                         after: IndexRowUpdate.rows(path: change.path, bytes: change.after, extraction))
        }
        let memory = IndexRowUpdate.LayoutMemory(root: workspace.root, indexFile: configuration.indexFile, real: real)
        // Mapped, not read: only the pages the binary searches touch are brought in.
        let rewrite = withExtendedLifetime(existing) {
            IndexRowUpdate.rewrite(existing.buffer, written, configuration: configuration, layout: memory.recall())
                ?? IndexRowUpdate.rewrite(existing.buffer, written, configuration: configuration)
        }
        IndexRowUpdate.observer?(rewrite != nil)
        switch rewrite {
        case nil: return nil
        case .unchanged(let layout)?: return (.unchanged, nil, { memory.remember(layout) })
        case .changed(let pieces, let tables, let layout)?:
            return (.updated(path: configuration.indexFile, tables: tables), .generated(configuration.indexFile, from: existing, pieces: pieces),
                    { memory.remember(layout) })
        }
    }
}

extension IndexRowUpdate {
    /// Where the index file's tables were when leadbook last wrote it, kept in
    /// `.leadbook/index-layout` (git ignores `.leadbook/`) with the file's identity as git's
    /// own index keeps it: size, inode, device, and modification and change times to the
    /// nanosecond, taken under the workspace lock right after the write. When the file still
    /// has that identity, nothing has written it since, and the next update need not search
    /// its 100 MB for markers; any difference (a hand edit, `leadbook index`, a checkout) means
    /// the file is searched again. A memory that cannot be read or written is no memory.
    public struct LayoutMemory: Sendable {
        public static let path = ".leadbook/index-layout"
        public let root: String
        public let indexFile: String
        /// Where the index file really is.
        public let real: String

        public init(root: String, indexFile: String, real: String) {
            self.root = root
            self.indexFile = indexFile
            self.real = real
        }

        /// The file's identity, or nil where it cannot be told.
        public static func identity(_ path: String) -> [Int]? {
            #if canImport(Glibc) || canImport(Musl)
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return [Int(info.st_size), Int(info.st_ino), Int(info.st_dev), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec),
                    Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec)]
            #elseif canImport(Darwin)
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return [Int(info.st_size), Int(info.st_ino), Int(info.st_dev), Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec),
                    Int(info.st_ctimespec.tv_sec), Int(info.st_ctimespec.tv_nsec)]
            #else
            return nil
            #endif
        }

        static let heading = "leadbook index layout 1"

        /// Where the memory really is: never through a link out of the workspace.
        static func place(_ root: String) -> String? {
            guard case .success(let real) = WorkspacePath.resolve(path, root: root) else { return nil }
            return real
        }

        /// The layout remembered for the file as it is now, if any.
        public func recall() -> Layout? {
            guard let identity = Self.identity(real), let path = Self.place(root),
                  case .success(let bytes) = FileAccess.read(path, limit: 4096) else { return nil }
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard lines.count >= 3 + IndexTable.allCases.count, lines[0] == Self.heading, lines[1] == indexFile,
                  lines[2] == identity.map(String.init).joined(separator: " ") else { return nil }
            var tables: [Layout.Table] = []
            for line in lines[3..<(3 + IndexTable.allCases.count)] {
                let parts = line.split(separator: " ").map(String.init)
                guard parts.count == 4, let table = IndexTable(marker: parts[0]), let start = Int(parts[1]), let end = Int(parts[2]),
                      start >= 0, end >= start, parts[3] == "lf" || parts[3] == "crlf" else { return nil }
                tables.append(Layout.Table(table: table, content: start..<end, crlf: parts[3] == "crlf"))
            }
            return Layout(tables: tables)
        }

        /// After a write (under its lock) that wrote the index file whole: where its tables
        /// are, found in the bytes written, remembered for the next update.
        public static func remember(_ written: [CustomerWrite.Change], _ workspace: Workspace) {
            let indexFile = workspace.configuration.indexFile
            guard WorkspaceIndex.misplaced(workspace.configuration) == nil,
                  let change = written.last(where: { $0.newPath == indexFile && $0.kind != .remove }),
                  case .success(let real) = WorkspacePath.resolve(indexFile, root: workspace.root) else { return }
            if let layout = change.layout {
                // Known without reading the file written.
                guard identity(real)?.first == change.count else { return }
                LayoutMemory(root: workspace.root, indexFile: indexFile, real: real).remember(layout)
                return
            }
            let bytes = change.after
            let layout = bytes.withUnsafeBufferPointer { buffer -> Layout? in
                var update = Update(buffer: buffer, configuration: workspace.configuration)
                guard update.layout() else { return nil }
                return Layout(tables: update.order.compactMap { table in
                    update.spans[table].map { Layout.Table(table: table, content: $0.content, crlf: $0.eol.count == 2) }
                })
            }
            guard let layout, identity(real)?.first == bytes.count else { return }
            LayoutMemory(root: workspace.root, indexFile: indexFile, real: real).remember(layout)
        }

        /// Remembers `layout` for the file as it is now (call it right after writing the file).
        public func remember(_ layout: Layout) {
            guard let identity = Self.identity(real) else { return }
            var text = Self.heading + "\n" + indexFile + "\n" + identity.map(String.init).joined(separator: " ") + "\n"
            for table in layout.tables {
                text += "\(table.table.rawValue) \(table.content.lowerBound) \(table.content.upperBound) \(table.crlf ? "crlf" : "lf")\n"
            }
            guard !indexFile.contains("\n"), let path = Self.place(root), FileAccess.isDirectory(WorkspaceIndex.folder(of: path)) else { return }
            try? AtomicFile.write(Array(text.utf8), to: path)
        }
    }
}

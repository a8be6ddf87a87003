import Foundation
import LeadbookText

/// An index file on disk: rewriting the tables between their markers (everything else kept
/// byte for byte) and checking it against the customer files without loading it whole.
public enum IndexFile {
    /// Where a file differs from what leadbook would write.
    public struct Difference: Sendable {
        public enum Kind: Sendable, Equatable {
            /// The line at this place differs (a row, the header, the caption, a blank line).
            case line(IndexAssembly.LineKind)
            /// The file has a row the customer files do not give.
            case extraRow(Int)
            /// The table ends before all rows; the number is the first missing row.
            case missingRow(Int)
            /// No markers for the table.
            case missingTable
        }

        public var table: IndexTable
        /// Line in the file (for a missing table, the last line).
        public var line: Int
        public var kind: Kind
        /// The line as the file has it (empty for a missing row or table).
        public var existing: [UInt8]
        /// The customer row the customer files give at that place.
        public var expected: IndexAssembly.Reference?
    }

    public struct Status: Sendable {
        public var problems: [IndexMarkerProblem] = []
        /// In the order of the file; tables missing altogether last.
        public var differences: [Difference] = []
        public var lineCount = 0
        public var isCurrent: Bool { problems.isEmpty && differences.isEmpty }
    }

    // MARK: Writing

    public enum Rewrite: Sendable {
        case unchanged
        /// The new bytes and the tables whose lines change.
        case changed([UInt8], [IndexTable])
        case problems([IndexMarkerProblem])
    }

    /// `existing` with every table's lines replaced by the assembly's, and the tables it
    /// lacks appended under their headings. Text outside the markers (and the marker lines
    /// themselves) stays byte for byte; new lines use the line ending of the begin marker.
    public static func rewrite(_ existing: [UInt8], _ assembly: IndexAssembly, owner: String? = nil) -> Rewrite {
        var scanner = IndexMarkerScanner()
        struct Span { var table: IndexTable; var range: Range<Int>; var eol: [UInt8] }
        var spans: [Span] = []
        var open: (table: IndexTable, contentStart: Int, eol: [UInt8])?
        var firstEOL: [UInt8]?
        existing.withUnsafeBufferPointer { buffer in
            forEachLine(buffer) { line, number, start, next in
                let eol = Array(buffer[(start + line.count)..<next])
                if firstEOL == nil, !eol.isEmpty { firstEOL = eol }
                switch scanner.feed(line, number: number) {
                case .begin(let table): open = (table, next, eol.isEmpty ? [ASCII.lf] : eol)
                case .end(let table):
                    if let current = open, current.table == table {
                        spans.append(Span(table: table, range: current.contentStart..<start, eol: current.eol))
                    }
                    open = nil
                case .inside, .outside: break
                }
            }
        }
        scanner.finish()
        if !scanner.problems.isEmpty { return .problems(scanner.problems.map(IndexMarkerProblem.init)) }
        // Which tables change, before building the new file (usually none do).
        // Each table's block is made once (the follow-up and feedback blocks are sorted).
        var blocks: [IndexTable: IndexAssembly.Block] = [:]
        func block(_ table: IndexTable) -> IndexAssembly.Block {
            if let made = blocks[table] { return made }
            let made = assembly.block(table, owner: owner)
            blocks[table] = made
            return made
        }
        var changed: [IndexTable] = []
        for span in spans where !assembly.matches(block(span.table), eol: span.eol, existing[span.range]) {
            changed.append(span.table)
        }
        let missing = IndexTable.allCases.filter { scanner.seen[$0] == nil }
        if changed.isEmpty && missing.isEmpty { return .unchanged }
        var output: [UInt8] = []
        // The new file in one buffer of about its size, each table added without a copy of its own.
        var size = existing.count
        for span in spans { size += assembly.byteCount(block(span.table), eol: span.eol) - span.range.count }
        output.reserveCapacity(size + 4096 * missing.count)
        var position = 0
        for span in spans {
            output.append(contentsOf: existing[position..<span.range.lowerBound])
            assembly.append(block(span.table), eol: span.eol, to: &output)
            position = span.range.upperBound
        }
        output.append(contentsOf: existing[position...])
        let eol = firstEOL ?? [ASCII.lf]
        for table in missing {
            if !output.isEmpty, output.last != ASCII.lf { output.append(contentsOf: eol) }
            var section = assembly.section(table, owner: owner, eol: eol)
            if output.isEmpty { section.removeFirst(eol.count) }
            output.append(contentsOf: section)
            changed.append(table)
        }
        return .changed(output, changed)
    }

    /// What `rewrite` needs to know of the file at `path`, found by reading it a megabyte at a
    /// time (never whole): where each table's lines are, their line ending, whether they are
    /// already the assembly's, and the marker problems.
    public struct Survey: Sendable {
        public struct Span: Sendable {
            public var table: IndexTable
            /// From the line after the begin marker to the start of the end marker's line.
            public var content: Range<Int>
            public var eol: [UInt8]
            /// The lines are exactly the assembly's, each with `eol`.
            public var current: Bool
        }

        public var spans: [Span] = []
        /// The first line ending of the file.
        public var firstEOL: [UInt8]?
        public var problems: [IndexMarkerProblem] = []
        public var missing: [IndexTable] = []
        public var size = 0
        /// The file ends with a line feed (or is empty).
        public var endsWithLineFeed = true

        public var isCurrent: Bool { problems.isEmpty && missing.isEmpty && spans.allSatisfy(\.current) }
    }

    /// The survey of the file at `path` against the assembly; nil when it cannot be read.
    public static func survey(path: String, _ assembly: IndexAssembly, owner: String? = nil) -> Survey? {
        var survey = Survey()
        var scanner = IndexMarkerScanner()
        var open: (block: IndexAssembly.Block, eol: [UInt8], position: Int, start: Int, current: Bool)?
        var blocks: [IndexTable: IndexAssembly.Block] = [:]
        var carry: [UInt8] = []
        var carryStart = 0
        var number = 0
        var last: UInt8?
        /// One line: its content, its line ending, where it starts in the file and where the next one does.
        func take(_ content: UnsafeBufferPointer<UInt8>, _ eol: UnsafeBufferPointer<UInt8>, _ start: Int, _ next: Int) {
            number += 1
            if survey.firstEOL == nil, !eol.isEmpty { survey.firstEOL = Array(eol) }
            switch scanner.feed(content, number: number) {
            case .begin(let table):
                let block = blocks[table] ?? assembly.block(table, owner: owner)
                blocks[table] = block
                open = (block, eol.isEmpty ? [ASCII.lf] : Array(eol), 0, next, true)
            case .end(let table):
                if let state = open {
                    survey.spans.append(Survey.Span(table: table, content: state.start..<start, eol: state.eol,
                                                    current: state.current && state.position == state.block.count))
                }
                open = nil
            case .inside:
                guard var state = open, state.current else { return }
                defer { open = state }
                guard state.position < state.block.count else {
                    state.current = false
                    return
                }
                let expected = assembly.line(state.block, state.position).line.bytes
                state.position += 1
                guard content.count == expected.count, eol.count == state.eol.count, eol.elementsEqual(state.eol),
                      content.isEmpty || expected.withUnsafeBufferPointer({ memcmp(content.baseAddress!, $0.baseAddress!, content.count) == 0 }) else {
                    state.current = false
                    return
                }
            case .outside: break
            }
        }
        func split(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, next: Int, at offset: Int) {
            var contentEnd = end
            if contentEnd > start, buffer[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
            take(UnsafeBufferPointer(rebasing: buffer[start..<contentEnd]), UnsafeBufferPointer(rebasing: buffer[contentEnd..<next]),
                 offset, offset + (next - start))
        }
        var base = 0
        let result = forEachChunk(path: path) { (buffer: UnsafeBufferPointer<UInt8>) -> Void in
            var start = 0
            if let byte = buffer.last { last = byte }
            while true {
                let index = UTF8Bytes.find(ASCII.lf, in: buffer, from: start, to: buffer.count)
                guard index < buffer.count else { break }
                if carry.isEmpty {
                    split(buffer, start, index, next: index + 1, at: base + start)
                } else {
                    carry.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...index]))
                    carry.withUnsafeBufferPointer { split($0, 0, $0.count - 1, next: $0.count, at: carryStart) }
                    carry.removeAll(keepingCapacity: true)
                }
                start = index + 1
            }
            if start < buffer.count {
                if carry.isEmpty { carryStart = base + start }
                carry.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<buffer.count]))
            }
            base += buffer.count
        }
        if case .failure = result { return nil }
        if !carry.isEmpty { carry.withUnsafeBufferPointer { split($0, 0, $0.count, next: $0.count, at: carryStart) } }
        survey.size = base
        survey.endsWithLineFeed = last.map { $0 == ASCII.lf } ?? true
        scanner.finish()
        survey.problems = scanner.problems.map(IndexMarkerProblem.init)
        survey.missing = IndexTable.allCases.filter { scanner.seen[$0] == nil }
        return survey
    }

    /// What `rewrite` makes of a surveyed file, as pieces written one after the other: the
    /// text outside the tables and the tables already current copied from the file as it is
    /// (`original`), the other tables made while they are written; with the tables that change
    /// and where the tables are in the new file. nil when the file need not change (or has
    /// marker problems: `survey.problems`).
    public static func rewrite(_ survey: Survey, _ assembly: IndexAssembly, owner: String? = nil, original: FileSnapshot)
        -> (pieces: [AtomicFile.Piece], tables: [IndexTable], layout: IndexRowUpdate.Layout)? {
        guard survey.problems.isEmpty, !survey.isCurrent, original.count == survey.size else { return nil }
        var pieces: [AtomicFile.Piece] = []
        var layout = IndexRowUpdate.Layout(tables: [])
        var changed: [IndexTable] = []
        var offset = 0
        var position = 0
        for span in survey.spans {
            if position < span.content.lowerBound {
                pieces.append(.original(position..<span.content.lowerBound))
                offset += span.content.lowerBound - position
            }
            let piece: AtomicFile.Piece
            if span.current {
                piece = .original(span.content)
            } else {
                piece = assembly.piece(assembly.block(span.table, owner: owner), eol: span.eol)
                changed.append(span.table)
            }
            if piece.count > 0 { pieces.append(piece) }
            layout.tables.append(.init(table: span.table, content: offset..<(offset + piece.count), crlf: span.eol.count == 2))
            offset += piece.count
            position = span.content.upperBound
        }
        if position < survey.size {
            pieces.append(.original(position..<survey.size))
            offset += survey.size - position
        }
        let eol = survey.firstEOL ?? [ASCII.lf]
        var endsWithLineFeed = survey.endsWithLineFeed
        for table in survey.missing {
            if offset > 0, !endsWithLineFeed {
                pieces.append(.bytes(eol[...]))
                offset += eol.count
            }
            var (before, after) = assembly.sectionFrame(table, eol: eol)
            if offset == 0 { before.removeFirst(eol.count) }
            let lines = assembly.piece(assembly.block(table, owner: owner), eol: eol)
            pieces += [.bytes(before[...]), lines, .bytes(after[...])]
            offset += before.count
            layout.tables.append(.init(table: table, content: offset..<(offset + lines.count), crlf: eol.count == 2))
            offset += lines.count + after.count
            endsWithLineFeed = true
            changed.append(table)
        }
        return (pieces, changed, layout)
    }

    /// Whether `rewrite` would leave the file at `path` unchanged, told by reading it a
    /// megabyte at a time instead of whole (an index of 100,000 customers is over 100 MB): every
    /// table's lines, with the line ending of its begin marker, are exactly the assembly's. nil
    /// when the file cannot be read or its markers have problems (`rewrite` tells them).
    public static func isCurrent(path: String, _ assembly: IndexAssembly, owner: String? = nil) -> Bool? {
        var scanner = IndexMarkerScanner()
        var current = true
        var open: (block: IndexAssembly.Block, eol: [UInt8], position: Int)?
        var blocks: [IndexTable: IndexAssembly.Block] = [:]
        var carry: [UInt8] = []
        var number = 0
        func take(_ content: UnsafeBufferPointer<UInt8>, _ eol: UnsafeBufferPointer<UInt8>) {
            number += 1
            switch scanner.feed(content, number: number) {
            case .begin(let table):
                let block = blocks[table] ?? assembly.block(table, owner: owner)
                blocks[table] = block
                open = (block, eol.isEmpty ? [ASCII.lf] : Array(eol), 0)
            case .end:
                if let state = open, state.position != state.block.count { current = false }
                open = nil
            case .inside:
                guard current, var state = open else { return }
                if state.position >= state.block.count {
                    current = false
                    return
                }
                let expected = assembly.line(state.block, state.position).line.bytes
                state.position += 1
                open = state
                // The line and its ending against the row and the marker's line ending.
                let line = content.count + eol.count, wanted = expected.count + state.eol.count
                guard line == wanted else {
                    current = false
                    return
                }
                for index in 0..<line {
                    let have = index < content.count ? content[index] : eol[index - content.count]
                    let want = index < expected.count ? expected[expected.startIndex + index] : state.eol[index - expected.count]
                    if have != want {
                        current = false
                        return
                    }
                }
            case .outside: break
            }
        }
        /// A line of `buffer` from `start` to `end` (the LF or the end), split as `rewrite` splits it.
        func split(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, next: Int) {
            var contentEnd = end
            if contentEnd > start, buffer[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
            take(UnsafeBufferPointer(rebasing: buffer[start..<contentEnd]), UnsafeBufferPointer(rebasing: buffer[contentEnd..<next]))
        }
        let result = forEachChunk(path: path) { buffer in
            var start = 0
            while current {
                let index = UTF8Bytes.find(ASCII.lf, in: buffer, from: start, to: buffer.count)
                guard index < buffer.count else { break }
                if carry.isEmpty {
                    split(buffer, start, index, next: index + 1)
                } else {
                    carry.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...index]))
                    carry.withUnsafeBufferPointer { split($0, 0, $0.count - 1, next: $0.count) }
                    carry.removeAll(keepingCapacity: true)
                }
                start = index + 1
            }
            if current { carry.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<buffer.count])) }
            return current
        }
        if case .failure = result { return nil }
        if current, !carry.isEmpty { carry.withUnsafeBufferPointer { split($0, 0, $0.count, next: $0.count) } }
        guard current else { return scanner.problems.isEmpty ? false : nil }
        scanner.finish()
        guard scanner.problems.isEmpty else { return nil }
        return IndexTable.allCases.allSatisfy { scanner.seen[$0] != nil }
    }

    // MARK: Checking

    /// Rows left out of a comparison: those of customer files whose rows cannot be trusted
    /// (files with errors, files not read). The rows the customer files give for them are
    /// skipped, and so are the file's rows that link to them, wherever they are.
    public struct Ignored: Sendable {
        /// Indices into the assembly's `customers`.
        public var customers: Set<Int32>
        /// The links (`[name](LINK)`) of their rows.
        public var links: Set<[UInt8]>

        public var isEmpty: Bool { customers.isEmpty && links.isEmpty }

        /// The customers of `assembly` whose path is in `paths`, and the links of every path
        /// as the file at `folder` (workspace-relative) shows them.
        public init(_ paths: Set<String>, _ assembly: IndexAssembly, folder: String) {
            var customers: Set<Int32> = []
            for (index, rows) in assembly.customers.enumerated() where paths.contains(rows.path) { customers.insert(Int32(index)) }
            self.customers = customers
            links = Set(paths.map { Array(MarkdownLink.relative($0, from: folder).utf8) })
        }

        /// The link of a row's name cell: after the first `](` whose `]` is not escaped, up to
        /// the `)` (a link's own parentheses are percent-encoded).
        static func link(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
            var index = 1
            while index + 1 < line.count {
                if line[index] == ASCII.closeBracket, line[index + 1] == ASCII.openParen {
                    var backslashes = 0
                    while index - 1 - backslashes >= 0, line[index - 1 - backslashes] == ASCII.backslash { backslashes += 1 }
                    if backslashes % 2 == 0 {
                        let start = index + 2
                        var end = start
                        while end < line.count, line[end] != ASCII.closeParen { end += 1 }
                        return end < line.count ? UnsafeBufferPointer(rebasing: line[start..<end]) : nil
                    }
                }
                index += 1
            }
            return nil
        }

        func skips(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !links.isEmpty, MarkdownRow.isTableLine(line), let link = Self.link(line) else { return false }
            return links.contains(Array(link))
        }

        func skips(_ line: (kind: IndexAssembly.LineKind, line: IndexLine, reference: IndexAssembly.Reference?)) -> Bool {
            guard case .row = line.kind, let reference = line.reference else { return false }
            return customers.contains(reference.customer)
        }
    }

    /// Compares the file at `path` with the assembly, reading it in pieces. `ignoring` rows
    /// are left out on both sides.
    public static func verify(path: String, _ assembly: IndexAssembly, owner: String? = nil,
                              ignoring: Ignored? = nil) -> Result<Status, FileAccess.ReadError> {
        var status = Status()
        var scanner = IndexMarkerScanner()
        var current: (block: IndexAssembly.Block, position: Int, differs: Bool)?
        let ignoring = ignoring?.isEmpty == false ? ignoring : nil
        // Rows left out so far in the open table, on each side: a row is named by its number
        // in the file.
        var skippedExpected = 0, skippedExisting = 0
        /// The next expected line that is not left out.
        func skipIgnored(_ state: inout (block: IndexAssembly.Block, position: Int, differs: Bool)) {
            guard let ignoring else { return }
            while state.position < state.block.count, ignoring.skips(assembly.line(state.block, state.position)) {
                state.position += 1
                skippedExpected += 1
            }
        }
        func inFile(_ row: Int) -> Int { row - skippedExpected + skippedExisting }
        func inFile(_ kind: Difference.Kind) -> Difference.Kind {
            switch kind {
            case .line(.row(let row)): return .line(.row(inFile(row)))
            case .extraRow(let row): return .extraRow(inFile(row))
            case .missingRow(let row): return .missingRow(inFile(row))
            default: return kind
            }
        }
        let result = forEachLine(path: path) { line, number in
            status.lineCount = number
            let event = scanner.feed(line, number: number)
            guard scanner.problems.isEmpty else { return }
            switch event {
            case .outside: break
            case .begin(let table):
                current = (assembly.block(table, owner: owner), 0, false)
                skippedExpected = 0
                skippedExisting = 0
            case .inside:
                guard var state = current else { return }
                defer { current = state }
                if state.differs { return }
                if let ignoring, ignoring.skips(line) {
                    skippedExisting += 1
                    return
                }
                skipIgnored(&state)
                if state.position >= state.block.count {
                    let extra = state.position - state.block.count + state.block.rowCount + 1
                    status.differences.append(Difference(table: state.block.table, line: number, kind: inFile(.extraRow(extra)),
                                                         existing: Array(line), expected: nil))
                    state.differs = true
                    return
                }
                let expected = assembly.line(state.block, state.position)
                state.position += 1
                if !same(line, expected.line, assembly) {
                    var kind = Difference.Kind.line(expected.kind)
                    var reference = expected.reference
                    if case .blank = expected.kind, state.position == state.block.count, MarkdownRow.isTableLine(line) {
                        kind = .extraRow(state.block.rowCount + 1)
                        reference = nil
                    } else if case .row(let row) = expected.kind, line.allSatisfy(MarkdownRow.isBlank) {
                        kind = .missingRow(row)
                    }
                    status.differences.append(Difference(table: state.block.table, line: number, kind: inFile(kind),
                                                         existing: Array(line), expected: reference))
                    state.differs = true
                }
            case .end:
                guard var state = current else { return }
                current = nil
                if !state.differs { skipIgnored(&state) }
                if !state.differs, state.position < state.block.count {
                    let expected = assembly.line(state.block, state.position)
                    if case .row(let row) = expected.kind {
                        status.differences.append(Difference(table: state.block.table, line: number, kind: .missingRow(inFile(row)),
                                                             existing: [], expected: expected.reference))
                    } else {
                        status.differences.append(Difference(table: state.block.table, line: number, kind: .line(expected.kind),
                                                             existing: [], expected: nil))
                    }
                }
            }
        }
        if case .failure(let error) = result { return .failure(error) }
        scanner.finish()
        status.problems = scanner.problems.map(IndexMarkerProblem.init)
        if status.problems.isEmpty {
            for table in IndexTable.allCases where scanner.seen[table] == nil {
                status.differences.append(Difference(table: table, line: max(1, status.lineCount), kind: .missingTable, existing: [], expected: nil))
            }
        }
        return .success(status)
    }

    public static func same(_ line: UnsafeBufferPointer<UInt8>, _ expected: IndexLine, _ assembly: IndexAssembly) -> Bool {
        if assembly.keepText {
            return line.elementsEqual(expected.bytes)
        }
        return LineDigest.of(line) == expected.digest
    }

    /// The whole file (an index has no size limit: it grows with the workspace).
    public static func read(_ path: String) -> Result<[UInt8], FileAccess.ReadError> {
        var bytes: [UInt8] = []
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int { bytes.reserveCapacity(size) }
        let result = forEachChunk(path: path) { bytes.append(contentsOf: $0) }
        return result.map { bytes }
    }

    // MARK: Lines

    /// Calls `body` with each line of `buffer` (without its line ending), its 1-based number,
    /// its start offset and the offset of the next line.
    public static func forEachLine(_ buffer: UnsafeBufferPointer<UInt8>,
                            _ body: (UnsafeBufferPointer<UInt8>, Int, Int, Int) -> Void) {
        var start = 0
        var number = 0
        let count = buffer.count
        while start < count {
            let end = UTF8Bytes.find(ASCII.lf, in: buffer, from: start, to: count)
            let next = end < count ? end + 1 : end
            var contentEnd = end
            if contentEnd > start, buffer[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
            number += 1
            body(UnsafeBufferPointer(rebasing: buffer[start..<contentEnd]), number, start, next)
            start = next
        }
    }

    /// Calls `body` with each line of the file at `path` (without its line ending) and its
    /// number, reading a megabyte at a time.
    public static func forEachLine(path: String, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> Result<Void, FileAccess.ReadError> {
        forEachLine(path: path) { line, number in
            body(line, number)
            return true
        }
    }

    /// The same, stopping when `body` returns false.
    public static func forEachLine(path: String, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) -> Result<Void, FileAccess.ReadError> {
        var carry: [UInt8] = []
        var number = 0
        var going = true
        func emit(_ line: UnsafeBufferPointer<UInt8>) {
            guard going else { return }
            number += 1
            var end = line.count
            if end > 0, line[end - 1] == ASCII.cr { end -= 1 }
            going = body(UnsafeBufferPointer(rebasing: line[0..<end]), number)
        }
        let result = forEachChunk(path: path) { buffer in
            guard going else { return false }
            var start = 0
            while going {
                let index = UTF8Bytes.find(ASCII.lf, in: buffer, from: start, to: buffer.count)
                guard index < buffer.count else { break }
                if carry.isEmpty {
                    emit(UnsafeBufferPointer(rebasing: buffer[start..<index]))
                } else {
                    carry.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index]))
                    carry.withUnsafeBufferPointer { emit($0) }
                    carry.removeAll(keepingCapacity: true)
                }
                start = index + 1
            }
            if going { carry.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<buffer.count])) }
            return going
        }
        if case .failure = result { return result }
        if going, !carry.isEmpty { carry.withUnsafeBufferPointer { emit($0) } }
        return .success(())
    }

    /// Calls `body` with the file's bytes, a megabyte at a time.
    public static func forEachChunk(path: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Result<Void, FileAccess.ReadError> {
        forEachChunk(path: path) { buffer in
            body(buffer)
            return true
        }
    }

    /// The same, stopping when `body` returns false.
    public static func forEachChunk(path: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Result<Void, FileAccess.ReadError> {
        if FileAccess.isDirectory(path) { return .failure(.isDirectory) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(FileAccess.exists(path) ? .permissionDenied : .notFound)
        }
        defer { try? handle.close() }
        do {
            while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
                guard data.withUnsafeBytes({ body($0.bindMemory(to: UInt8.self)) }) else { break }
            }
        } catch {
            return .failure(.other("\(error)"))
        }
        return .success(())
    }
}

/// A marker problem of an index file: its line, what is wrong, how to fix it.
public struct IndexMarkerProblem: Sendable, Equatable {
    public var line: Int
    public var words: RuleMessage<IndexMarkers>

    public var message: String { words.text }
    public var hint: String { words.hint }

    public init(_ problem: IndexMarkerScanner.Problem) {
        line = problem.line
        words = problem.words
    }
}

extension MarkdownRow {
    /// A line that looks like a table row (starts with `|` after spaces).
    public static func isTableLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in line where !isBlank(byte) { return byte == ASCII.pipe }
        return false
    }
}

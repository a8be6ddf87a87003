import LeadbookText

/// The five tables assembled from every customer's rows: the order of the rows, the window of
/// follow-ups, and the lines between each table's markers.
///
/// Order (stable, so regenerating unchanged files changes nothing):
/// - leads, grading: by id (`LX2024002` before `LX2024010`; the numeric part compared as a
///   number), then by path;
/// - plans: by customer as above, then the steps in the order of the file;
/// - follow-ups, feedback: newest first (date, then time; an entry without a time after the
///   timed ones of its day), then by customer, then the later entry of a file first.
/// Follow-ups cover `index_days` days up to the newest follow-up of the workspace, so the index
/// does not depend on the day it is made.
public struct IndexAssembly: Sendable {
    /// A row of a customer: indices into `customers` and into its `rows`.
    public struct Reference: Sendable, Equatable {
        public var customer: Int32
        public var row: Int32
    }

    public enum LineKind: Sendable, Equatable {
        case blank
        case caption
        case header
        case delimiter
        /// A data row, numbered from 1.
        case row(Int)
    }

    /// The lines between a table's two markers: a blank line, the caption (follow-ups only)
    /// and a blank line, the header, the delimiter, the rows, a blank line.
    public struct Block: Sendable {
        public var table: IndexTable
        public var fixed: [(LineKind, IndexLine)]
        public var references: [Reference]
        public var owned: Bool

        public var count: Int { fixed.count + references.count + 1 }

        public var rowCount: Int { references.count }
    }

    public let customers: [IndexRows]
    public let configuration: Configuration
    /// Customer indices sorted by id.
    public let order: [Int]
    /// The days the follow-up table covers; nil when there are no follow-ups.
    public let window: (from: LocalDate, to: LocalDate)?
    public let rank: [Int32]
    public let keepText: Bool

    public init(_ customers: [IndexRows], configuration: Configuration, keepText: Bool) {
        self.customers = customers
        self.configuration = configuration
        self.keepText = keepText
        let keys = customers.map { IdKey($0.id) }
        let order = customers.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            return customers[a].path.bytesPrecede(customers[b].path)
        }
        self.order = order
        var rank = [Int32](repeating: 0, count: customers.count)
        for (position, index) in order.enumerated() { rank[index] = Int32(position) }
        self.rank = rank
        var newest: Int32?
        for customer in customers {
            for row in customer.rows where row.table == .followUps {
                if newest.map({ row.day > $0 }) ?? true { newest = row.day }
            }
        }
        if let newest {
            let to = LocalDate(dayNumber: Int(newest))
            window = (to.adding(days: -(max(1, configuration.indexDays) - 1)), to)
        } else {
            window = nil
        }
    }

    public var words: IndexWords { IndexWords(language: configuration.language) }

    /// Every owner with customers, and every member of the team, in a stable order: the team
    /// first (as listed in leadbook.yml), then other owners by name.
    public var owners: [String] {
        var names = configuration.team.map(\.name).filter { !$0.isEmpty }
        var others = Set<String>()
        for customer in customers {
            if let owner = customer.owner, !names.contains(owner) { others.insert(owner) }
        }
        names += others.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return names
    }

    /// The block of one table, for the index (owner nil) or one owner's file.
    public func block(_ table: IndexTable, owner: String? = nil) -> Block {
        var references: [Reference] = []
        func include(_ customer: Int) -> Bool {
            owner == nil || customers[customer].owner == owner
        }
        switch table {
        case .leads, .grading, .plans:
            for customer in order where include(customer) {
                for (index, row) in customers[customer].rows.enumerated() where row.table == table {
                    references.append(Reference(customer: Int32(customer), row: Int32(index)))
                }
            }
        case .followUps, .feedback:
            let from = window.map { Int32(clamping: $0.from.dayNumber) }
            for customer in customers.indices where include(customer) {
                for (index, row) in customers[customer].rows.enumerated() where row.table == table {
                    if table == .followUps, let from, row.day < from { continue }
                    references.append(Reference(customer: Int32(customer), row: Int32(index)))
                }
            }
            references.sort { a, b in
                let ra = customers[Int(a.customer)].rows[Int(a.row)], rb = customers[Int(b.customer)].rows[Int(b.row)]
                if ra.day != rb.day { return ra.day > rb.day }
                if ra.minute != rb.minute { return ra.minute > rb.minute }
                if a.customer != b.customer { return rank[Int(a.customer)] < rank[Int(b.customer)] }
                return ra.sequence > rb.sequence
            }
        }
        var fixed: [(LineKind, IndexLine)] = [(.blank, line([]))]
        if table == .followUps {
            fixed.append((.caption, line(Array(words.followUpWindow(days: configuration.indexDays, from: window?.from, to: window?.to).utf8))))
            fixed.append((.blank, line([])))
        }
        let columns = table.columns(configuration.language, pii: configuration.indexPII)
        fixed.append((.header, line(MarkdownRow.line(columns))))
        fixed.append((.delimiter, line(MarkdownRow.delimiter(columns.count))))
        return Block(table: table, fixed: fixed, references: references, owned: owner != nil)
    }

    public func line(_ bytes: [UInt8]) -> IndexLine {
        keepText ? IndexLine(text: bytes, digest: LineDigest(high: 0, low: 0)) : IndexLine(text: [], digest: LineDigest.of(bytes))
    }

    /// Line `index` of a block: its kind, the line, and the customer row it shows.
    public func line(_ block: Block, _ index: Int) -> (kind: LineKind, line: IndexLine, reference: Reference?) {
        if index < block.fixed.count { return (block.fixed[index].0, block.fixed[index].1, nil) }
        let position = index - block.fixed.count
        if position < block.references.count {
            let reference = block.references[position]
            let customer = customers[Int(reference.customer)]
            let line = block.owned && !customer.owned.isEmpty ? customer.owned[Int(reference.row)] : customer.rows[Int(reference.row)].line
            return (.row(position + 1), line, reference)
        }
        return (.blank, line([]), nil)
    }

    /// The bytes between a table's markers, each line ended with `eol` (needs kept text).
    public func bytes(_ block: Block, eol: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(byteCount(block, eol: eol))
        append(block, eol: eol, to: &output)
        return output
    }

    /// The same bytes added to `output`, without a copy of their own.
    public func append(_ block: Block, eol: [UInt8], to output: inout [UInt8]) {
        for index in 0..<block.count {
            output.append(contentsOf: line(block, index).line.bytes)
            output.append(contentsOf: eol)
        }
    }

    /// How many bytes `bytes(block, eol:)` has.
    public func byteCount(_ block: Block, eol: [UInt8]) -> Int {
        var count = block.count * eol.count
        for index in 0..<block.count { count += line(block, index).line.bytes.count }
        return count
    }

    /// Whether `existing` is exactly what `bytes(block, eol:)` gives, without building it.
    public func matches(_ block: Block, eol: [UInt8], _ existing: ArraySlice<UInt8>) -> Bool {
        var position = existing.startIndex
        func take<Part: Collection<UInt8>>(_ part: Part) -> Bool {
            guard existing.endIndex - position >= part.count,
                  existing[position..<(position + part.count)].elementsEqual(part) else { return false }
            position += part.count
            return true
        }
        for index in 0..<block.count {
            guard take(line(block, index).line.bytes), take(eol) else { return false }
        }
        return position == existing.endIndex
    }

    public func row(_ reference: Reference) -> IndexRow {
        customers[Int(reference.customer)].rows[Int(reference.row)]
    }

    /// A table's lines as a piece of a file that is made while it is written (`AtomicFile`):
    /// handed on a megabyte at a time, never held whole.
    public func piece(_ block: Block, eol: [UInt8]) -> AtomicFile.Piece {
        let assembly = self
        return .made(count: byteCount(block, eol: eol)) { put in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1 << 20)
            for index in 0..<block.count {
                buffer.append(contentsOf: assembly.line(block, index).line.bytes)
                buffer.append(contentsOf: eol)
                if buffer.count >= 1 << 20 {
                    buffer.withUnsafeBytes { put($0) }
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            if !buffer.isEmpty { buffer.withUnsafeBytes { put($0) } }
        }
    }

    /// The lines of a section around its table (`appendSection`): before (a blank line, the
    /// heading, a blank line, the begin marker) and after (the end marker).
    func sectionFrame(_ table: IndexTable, eol: [UInt8]) -> (before: [UInt8], after: [UInt8]) {
        var before: [UInt8] = []
        for text in ["", "## " + table.title(configuration.language), "", IndexAssembly.beginMarker(table)] {
            before.append(contentsOf: text.utf8)
            before.append(contentsOf: eol)
        }
        return (before, Array(IndexAssembly.endMarker(table).utf8) + eol)
    }

    /// `document` as pieces made while the file is written, and where its tables are in it.
    public func documentPieces(owner: String? = nil, eol: [UInt8] = [0x0A]) -> ([AtomicFile.Piece], IndexRowUpdate.Layout) {
        var head: [UInt8] = []
        for text in ["# " + words.documentTitle(owner: owner.map(MarkdownRow.escaped)), "", words.introduction(customersFolder: configuration.customersFolder)] {
            head.append(contentsOf: text.utf8)
            head.append(contentsOf: eol)
        }
        var pieces: [AtomicFile.Piece] = [.bytes(head[...])]
        var offset = head.count
        var layout = IndexRowUpdate.Layout(tables: [])
        for table in IndexTable.allCases {
            let block = block(table, owner: owner)
            let (before, after) = sectionFrame(table, eol: eol)
            let lines = piece(block, eol: eol)
            pieces += [.bytes(before[...]), lines, .bytes(after[...])]
            offset += before.count
            layout.tables.append(.init(table: table, content: offset..<(offset + lines.count), crlf: eol.count == 2))
            offset += lines.count + after.count
        }
        return (pieces, layout)
    }

    /// A new index file: a title, what the file is, and every table under its heading.
    public func document(owner: String? = nil, eol: [UInt8] = [0x0A]) -> [UInt8] {
        // Each block once, and the file made in one buffer of its exact size (an index of
        // 100,000 customers is over 100 MB: no copy of a table, no growing by doubling).
        let blocks = IndexTable.allCases.map { block($0, owner: owner) }
        var head: [UInt8] = []
        func add(_ text: String) {
            head.append(contentsOf: text.utf8)
            head.append(contentsOf: eol)
        }
        // The owner's name is written in the customer files: escaped like a cell.
        add("# " + words.documentTitle(owner: owner.map(MarkdownRow.escaped)))
        add("")
        add(words.introduction(customersFolder: configuration.customersFolder))
        var output: [UInt8] = []
        output.reserveCapacity(head.count + blocks.reduce(0) { $0 + byteCount($1, eol: eol) + 1024 })
        output.append(contentsOf: head)
        for block in blocks { appendSection(block, eol: eol, to: &output) }
        return output
    }

    /// A blank line, the table's heading, a blank line, and the table between its markers.
    public func section(_ table: IndexTable, owner: String? = nil, eol: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        appendSection(block(table, owner: owner), eol: eol, to: &output)
        return output
    }

    /// The section of `block` added to `output`.
    public func appendSection(_ block: Block, eol: [UInt8], to output: inout [UInt8]) {
        func add(_ text: String) {
            output.append(contentsOf: text.utf8)
            output.append(contentsOf: eol)
        }
        add("")
        add("## " + block.table.title(configuration.language))
        add("")
        add(IndexAssembly.beginMarker(block.table))
        append(block, eol: eol, to: &output)
        add(IndexAssembly.endMarker(block.table))
    }

    public static func beginMarker(_ table: IndexTable) -> String { "<!-- leadbook:begin \(table.rawValue) -->" }
    public static func endMarker(_ table: IndexTable) -> String { "<!-- leadbook:end \(table.rawValue) -->" }
}

/// An id ordered the way people count: the letters, then the number by its value.
public struct IdKey: Comparable {
    public let prefix: Substring.UTF8View
    public let digits: Substring.UTF8View
    public let id: String

    public init(_ id: String) {
        self.id = id
        let utf8 = id.utf8
        var split = utf8.endIndex
        while split > utf8.startIndex {
            let before = utf8.index(before: split)
            guard ASCII.isDigit(utf8[before]) else { break }
            split = before
        }
        // Leading zeros do not make a number bigger.
        var significant = split
        while significant < utf8.endIndex, utf8[significant] == ASCII.zero, utf8.index(after: significant) < utf8.endIndex {
            significant = utf8.index(after: significant)
        }
        prefix = Substring(id)[..<split].utf8
        digits = Substring(id)[significant...].utf8
    }

    public static func == (a: IdKey, b: IdKey) -> Bool { a.id == b.id }

    public static func < (a: IdKey, b: IdKey) -> Bool {
        // Customers without an id go last.
        if a.id.isEmpty != b.id.isEmpty { return !a.id.isEmpty }
        if !a.prefix.elementsEqual(b.prefix) { return a.prefix.lexicographicallyPrecedes(b.prefix) }
        if a.digits.count != b.digits.count { return a.digits.count < b.digits.count }
        if !a.digits.elementsEqual(b.digits) { return a.digits.lexicographicallyPrecedes(b.digits) }
        return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }
}

import LeadbookText

/// Reads the structure of an index file line by line: which lines are leadbook's tables
/// (between `<!-- leadbook:begin NAME -->` and `<!-- leadbook:end NAME -->`) and which are the
/// team's own text.
///
/// A marker is a line holding only the HTML comment (spaces around it and inside it are
/// allowed). Markers inside fenced code blocks (``` or ~~~) are text, so a team can quote them.
/// Markers that cannot be right (an unknown table, a begin inside another table, an end
/// without its begin, a table twice, a begin never closed) are problems: nothing is written
/// until they are fixed.
public struct IndexMarkerScanner {
    public enum Event: Equatable {
        /// The team's text.
        case outside
        case begin(IndexTable)
        /// A line between the markers of a table.
        case inside(IndexTable)
        case end(IndexTable)
    }

    /// A marker that cannot be right, in the words of rule index-markers.
    public struct Problem: Equatable, Sendable {
        public var line: Int
        public var words: RuleMessage<IndexMarkers>

        public var message: String { words.text }
        public var hint: String { words.hint }
    }

    /// The table being read and the line of its begin marker.
    private(set) var open: (table: IndexTable, line: Int)?
    /// Line of the begin marker of every table seen.
    private(set) var seen: [IndexTable: Int] = [:]
    private(set) var problems: [Problem] = []
    private var fence: (byte: UInt8, count: Int)?

    public static let names = IndexTable.allCases.map(\.rawValue).joined(separator: ", ")

    /// Classifies one line (without its line ending) with its 1-based number.
    public mutating func feed(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Event {
        if let open {
            guard let marker = Self.marker(line, number: number) else { return .inside(open.table) }
            switch marker {
            case .end(let name):
                if IndexTable(marker: name) == open.table {
                    self.open = nil
                    return .end(open.table)
                }
                problems.append(Problem(line: number, words: .end(name, insideTable: open.table, begunOn: open.line)))
            case .begin(let name):
                problems.append(Problem(line: number, words: .begin(name, insideTable: open.table, begunOn: open.line)))
            case .malformed(let text):
                problems.append(Problem(line: number, words: .notAMarker(text, insideTable: open.table)))
            }
            return .inside(open.table)
        }
        if let current = fence {
            if Self.closesFence(line, current) { fence = nil }
            return .outside
        }
        if let opening = Self.opensFence(line) {
            fence = opening
            return .outside
        }
        guard let marker = Self.marker(line, number: number) else { return .outside }
        switch marker {
        case .begin(let name):
            guard let table = IndexTable(marker: name) else {
                problems.append(Problem(line: number, words: .unknownTable(name)))
                return .outside
            }
            if let earlier = seen[table] {
                problems.append(Problem(line: number, words: .twice(table, lines: earlier, number)))
            }
            seen[table] = number
            open = (table, number)
            return .begin(table)
        case .end(let name):
            problems.append(Problem(line: number, words: .endWithoutBegin(name)))
        case .malformed(let text):
            problems.append(Problem(line: number, words: .notAMarker(text)))
        }
        return .outside
    }

    /// Call after the last line: a table still open is a problem.
    public mutating func finish() {
        if let open {
            problems.append(Problem(line: open.line, words: .neverClosed(open.table)))
            self.open = nil
        }
    }

    public enum Marker: Equatable {
        case begin(String)
        case end(String)
        /// `<!-- leadbook:… -->` that is close to a marker but not one (`leadbook:begn leads`).
        case malformed(String)
    }

    public static let commentOpen = Array("<!--".utf8)
    public static let commentClose = Array("-->".utf8)
    public static let prefix = Array("leadbook:".utf8)

    /// The marker a line holds, if any.
    public static func marker(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Marker? {
        var start = 0
        var end = line.count
        if number == 1, UTF8Bytes.hasBOM(line) { start = 3 }
        while start < end, MarkdownRow.isBlank(line[start]) { start += 1 }
        while end > start, MarkdownRow.isBlank(line[end - 1]) { end -= 1 }
        guard end - start >= commentOpen.count + commentClose.count,
              line[start] == ASCII.less, matches(line, start, commentOpen), matches(line, end - commentClose.count, commentClose)
        else { return nil }
        var inner = start + commentOpen.count
        var innerEnd = end - commentClose.count
        while inner < innerEnd, MarkdownRow.isBlank(line[inner]) { inner += 1 }
        while innerEnd > inner, MarkdownRow.isBlank(line[innerEnd - 1]) { innerEnd -= 1 }
        guard innerEnd - inner > prefix.count, matches(line, inner, prefix) else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
        let words = String(decoding: UnsafeBufferPointer(rebasing: line[(inner + prefix.count)..<innerEnd]), as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let verb = words.first else { return nil }
        if words.count == 2, verb == "begin" { return .begin(words[1]) }
        if words.count == 2, verb == "end" { return .end(words[1]) }
        // Other `leadbook:` comments are the team's; only near misses of a marker are problems.
        if Suggestion.closest(to: verb, among: ["begin", "end"]) != nil { return .malformed(text) }
        return nil
    }

    public static func matches(_ line: UnsafeBufferPointer<UInt8>, _ at: Int, _ bytes: [UInt8]) -> Bool {
        guard at >= 0, at + bytes.count <= line.count else { return false }
        for (offset, byte) in bytes.enumerated() where line[at + offset] != byte { return false }
        return true
    }

    /// ``` or ~~~ (three or more), indented at most three spaces.
    public static func opensFence(_ line: UnsafeBufferPointer<UInt8>) -> (byte: UInt8, count: Int)? {
        var index = 0
        while index < line.count, index < 3, line[index] == ASCII.space { index += 1 }
        guard index < line.count, line[index] == ASCII.backtick || line[index] == MarkdownRow.tilde else { return nil }
        let byte = line[index]
        var count = 0
        while index < line.count, line[index] == byte { count += 1; index += 1 }
        guard count >= 3 else { return nil }
        if byte == ASCII.backtick, line[index...].contains(ASCII.backtick) { return nil }
        return (byte, count)
    }

    public static func closesFence(_ line: UnsafeBufferPointer<UInt8>, _ fence: (byte: UInt8, count: Int)) -> Bool {
        var index = 0
        while index < line.count, index < 3, line[index] == ASCII.space { index += 1 }
        var count = 0
        while index < line.count, line[index] == fence.byte { count += 1; index += 1 }
        guard count >= fence.count else { return false }
        return line[index...].allSatisfy(MarkdownRow.isBlank)
    }
}

import LeadbookText

/// Reconciles the three versions of one customer file that a git merge brings together (the
/// base, ours, theirs): what `leadbook merge-driver` does for git.
///
/// - the front matter key by key: a key changed on one side takes that side's value; conflict
///   markers only where both sides changed the same key to different values. `status`, `next`
///   and `grade` are derived values: when both sides changed one, the merged file's own log and
///   score decide, as `leadbook sync` would;
/// - the follow-up and feedback logs as a union: every entry of either side once, in date
///   order (an entry changed on one side, such as a ticked task, takes that change);
/// - everything else (title, notes, other sections) line by line.
///
/// Bytes that neither side changed are kept as they are.
public enum Reconciliation {
    public struct Result: Sendable {
        public var bytes: [UInt8]
        public var conflicts: Int
        /// What was decided on the way, for people ("status from the merged log: proposal"),
        /// in both languages.
        public var phrases: [Phrase]
        /// The notes in English.
        public var notes: [String] { phrases.map(\.en) }

        public init(bytes: [UInt8], conflicts: Int, phrases: [Phrase]) {
            self.bytes = bytes
            self.conflicts = conflicts
            self.phrases = phrases
        }
    }

    public static func reconcile(base: [UInt8], ours: [UInt8], theirs: [UInt8], configuration: Configuration,
                                 labels: Diff3.Labels = .init()) -> Result {
        if ours == theirs || base == theirs { return Result(bytes: ours, conflicts: 0, phrases: []) }
        if base == ours { return Result(bytes: theirs, conflicts: 0, phrases: []) }
        let marker = Array("\u{1}leadbook".utf8)
        guard let a = Version(ours), let b = Version(theirs),
              !contains(ours, marker), !contains(theirs, marker), !contains(base, marker) else {
            return textual(base, ours, theirs, labels, note: Wording<Reconciliation>.notCustomerFiles.phrase)
        }
        let o = base.isEmpty ? nil : Version(base)
        if !base.isEmpty && o == nil {
            return textual(base, ours, theirs, labels, note: Wording<Reconciliation>.baseUnreadable.phrase)
        }
        // First every key both sides changed takes ours, to read the merged customer; then the
        // derived keys among them get the values it derives, and the others conflict markers.
        let provisional = assemble(o, a, b, resolutions: [:], provisional: true, labels: labels)
        let derived = provisional.conflicted.filter { derivedKeys.contains($0) }
        guard !derived.isEmpty else {
            return provisional.conflicted.isEmpty ? provisional.result : assemble(o, a, b, resolutions: [:], provisional: false, labels: labels).result
        }
        let (resolutions, notes) = derive(derived, conflicted: provisional.conflicted, in: provisional.result.bytes, configuration: configuration)
        var final = assemble(o, a, b, resolutions: resolutions, provisional: false, labels: labels).result
        final.phrases = notes + final.phrases
        return final
    }

    public static func textual(_ base: [UInt8], _ ours: [UInt8], _ theirs: [UInt8], _ labels: Diff3.Labels, note: Phrase) -> Result {
        let merged = Diff3.combine(base: base, ours: ours, theirs: theirs, labels: labels)
        return Result(bytes: merged.bytes, conflicts: merged.conflicts, phrases: [note])
    }

    public static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Bytes.occurs(needle, in: $0) }
    }

    // MARK: - One version, in parts

    /// A customer file cut into the parts the merge works on.
    public struct Version {
        public let bytes: [UInt8]
        public let layout: RecordLayout
        /// Top-level keys with their lines (and the comment lines above them), in file order.
        public var keys: [(key: String, bytes: [UInt8])] = []
        /// Comment and blank lines after the last key.
        public var trailer: [UInt8] = []
        public let log: LogEntries
        /// The body with each section's entries replaced by a placeholder line.
        public var skeleton: [UInt8] = []

        public init?(_ bytes: [UInt8]) {
            guard let log = LogEntries.read(bytes) else { return nil }
            self.bytes = bytes
            self.layout = log.layout
            self.log = log
            let parsed: Swift.Result<YAMLNode?, Error> = bytes.withUnsafeBufferPointer { buffer in
                Swift.Result { try YAMLReader.parse(buffer, range: log.layout.frontMatter, firstLine: log.layout.frontMatterFirstLine, checked: true) }
            }
            guard case .success(let root) = parsed else { return nil }
            if let root, root.pairs == nil { return nil }
            cutFrontMatter(root?.pairs ?? [])
            guard let skeleton = Self.skeleton(bytes, log) else { return nil }
            self.skeleton = skeleton
        }

        public var lineBreak: [UInt8] { Array(layout.lineBreak.utf8) }

        public func lineStart(_ offset: Int) -> Int {
            var index = offset
            while index > layout.frontMatter.lowerBound, bytes[index - 1] != ASCII.lf { index -= 1 }
            return index
        }

        public func lineEnd(_ offset: Int) -> Int {
            var index = offset
            while index < layout.frontMatter.upperBound, bytes[index] != ASCII.lf { index += 1 }
            return min(index + 1, layout.frontMatter.upperBound)
        }

        /// Blank, or only a comment.
        public func isTrivia(_ start: Int, _ end: Int) -> Bool {
            var index = start
            while index < end, bytes[index] == ASCII.space || bytes[index] == ASCII.tab { index += 1 }
            return index == end || bytes[index] == ASCII.hash || bytes[index] == ASCII.lf || bytes[index] == ASCII.cr
        }

        /// Each key's part runs from the comment lines just above it to the next key's part.
        public mutating func cutFrontMatter(_ pairs: [YAMLPair]) {
            let range = layout.frontMatter
            guard !pairs.isEmpty else {
                trailer = Array(bytes[range])
                return
            }
            var cuts: [Int] = []
            var floor = range.lowerBound
            for (index, pair) in pairs.enumerated() {
                var cut = lineStart(pair.key.start)
                if index == 0 {
                    cut = range.lowerBound
                } else {
                    while cut > floor {
                        let previous = lineStart(cut - 1)
                        guard previous >= floor, isTrivia(previous, cut) else { break }
                        cut = previous
                    }
                }
                cuts.append(cut)
                floor = lineEnd(max(pair.value.end, pair.key.end))
            }
            let end = floor
            for (index, pair) in pairs.enumerated() {
                let stop = index + 1 < cuts.count ? cuts[index + 1] : end
                keys.append((pair.keyText, Array(bytes[cuts[index]..<stop])))
            }
            trailer = Array(bytes[end..<range.upperBound])
        }

        public static func placeholder(_ kind: LogReader.Section.Kind) -> [UInt8] {
            Array("\u{1}leadbook:\(kind == .followUps ? "follow-ups" : "feedback")\u{1}\n".utf8)
        }

        /// The body with each section's run of entries replaced by its placeholder line (a
        /// section without entries gets the placeholder after its last line). nil when a
        /// section's entries are not one run (a second section of the same kind).
        public static func skeleton(_ bytes: [UInt8], _ log: LogEntries) -> [UInt8]? {
            var replacements: [(Range<Int>, [UInt8])] = []
            for (kind, section) in [(LogReader.Section.Kind.followUps, log.followUpSection), (.feedback, log.feedbackSection)] {
                let entries = log.entries(kind)
                if let first = entries.first, let last = entries.last {
                    for (index, entry) in entries.enumerated().dropLast() where entry.end != entries[index + 1].start { return nil }
                    replacements.append((first.start..<last.contentEnd, placeholder(kind)))
                } else if let section {
                    let position = bytes.withUnsafeBufferPointer { LogEntries.contentEnd($0, section.headingStart, section.end) }
                    var text = Array(log.layout.lineBreak.utf8)
                    if position > 0, bytes[position - 1] != ASCII.lf { text = text + text }
                    replacements.append((position..<position, text + placeholder(kind)))
                }
            }
            replacements.sort { $0.0.lowerBound < $1.0.lowerBound }
            var output: [UInt8] = []
            var position = log.layout.body.lowerBound
            for (range, text) in replacements {
                output.append(contentsOf: bytes[position..<range.lowerBound])
                output.append(contentsOf: text)
                position = range.upperBound
            }
            output.append(contentsOf: bytes[position...])
            return output
        }
    }

    // MARK: - Putting the merged file together

    public struct Merged {
        public var result: Result
        /// Keys both sides changed differently (provisionally ours in a provisional merge).
        public var conflicted: [String]
    }

    public static let derivedKeys: Set<String> = Set(CustomerField.derived.map(\.key))

    /// The merged file. A key both sides changed takes `resolutions[key]` when there is one;
    /// else, in a `provisional` merge, ours (theirs when we removed it), else conflict markers.
    public static func assemble(_ o: Version?, _ a: Version, _ b: Version, resolutions: [String: [UInt8]], provisional: Bool,
                         labels: Diff3.Labels) -> Merged {
        var conflicts = 0
        var notes: [Phrase] = []
        var conflicted: [String] = []
        var output = Array(a.bytes[0..<a.layout.frontMatter.lowerBound])

        // Front matter, key by key.
        let baseKeys = Dictionary(o?.keys.map { ($0.key, $0.bytes) } ?? [], uniquingKeysWith: { first, _ in first })
        let theirKeys = Dictionary(b.keys.map { ($0.key, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let ourKeySet = Set(a.keys.map(\.key))
        var parts: [(key: String, bytes: [UInt8])] = []
        func conflict(_ key: String, _ mine: [UInt8]?, _ other: [UInt8]?) -> [UInt8] {
            conflicted.append(key)
            if let resolved = resolutions[key] { return resolved }
            if provisional { return mine ?? other ?? [] }
            conflicts += 1
            notes.append(Wording<Reconciliation>.bothChanged(key).phrase)
            var text: [UInt8] = []
            Diff3.writeConflict(ours: mine ?? [], theirs: other ?? [], labels: labels, into: &text)
            return text
        }
        for (key, mine) in a.keys {
            let old = baseKeys[key], other = theirKeys[key]
            switch (old, other) {
            case (nil, nil): parts.append((key, mine))
            case (let old?, nil):
                if mine != old { parts.append((key, conflict(key, mine, nil))) }
            case (nil, let other?):
                parts.append((key, mine == other ? mine : conflict(key, mine, other)))
            case (let old?, let other?):
                if mine == other || other == old {
                    parts.append((key, mine))
                } else if mine == old {
                    parts.append((key, other))
                } else {
                    parts.append((key, conflict(key, mine, other)))
                }
            }
        }
        for (index, (key, other)) in b.keys.enumerated() where !ourKeySet.contains(key) {
            if let old = baseKeys[key] {
                // We removed it; they kept or changed it.
                if other != old { parts.insert((key, conflict(key, nil, other)), at: insertionPoint(parts, b.keys, index)) }
            } else {
                parts.insert((key, other), at: insertionPoint(parts, b.keys, index))
            }
        }
        for part in parts { output.append(contentsOf: part.bytes) }
        let trailer = Diff3.combine(base: o?.trailer ?? [], ours: a.trailer, theirs: b.trailer, labels: labels)
        conflicts += trailer.conflicts
        output.append(contentsOf: trailer.bytes)
        output.append(contentsOf: a.bytes[a.layout.closingLine])

        // The body: free text line by line, the logs as a union.
        let skeleton = Diff3.combine(base: o?.skeleton ?? [], ours: a.skeleton, theirs: b.skeleton, labels: labels, resolve: newSections)
        conflicts += skeleton.conflicts
        if skeleton.conflicts > 0 { notes.append(Wording<Reconciliation>.bothChangedLines.phrase) }
        var body = skeleton.bytes
        for kind in [LogReader.Section.Kind.followUps, .feedback] {
            let union = self.union(kind, o, a, b, labels: labels)
            conflicts += union.conflicts
            if union.conflicts > 0 { notes.append((kind == .followUps ? Wording<Reconciliation>.bothChangedFollowUp : Wording<Reconciliation>.bothChangedFeedback).phrase) }
            body = substitute(body, kind: kind, block: union.bytes, lineBreak: a.lineBreak,
                              chinese: RecordEdit.headingsAreChinese(a.bytes, a.log.followUpSection, a.log.feedbackSection))
        }
        output.append(contentsOf: body)
        return Merged(result: Result(bytes: output, conflicts: conflicts, phrases: notes), conflicted: conflicted)
    }

    /// Settles the skeleton's chunk where both sides added log sections at the same place: a
    /// customer without them (a fresh lead), one rep logs a follow-up and the other records
    /// feedback, and each side's text there is only a new heading and its entries. Both
    /// sections are kept, follow-ups first (as `RecordEdit` places them); a section both sides
    /// added takes our heading. When the base's text there ends without a line break, both
    /// sides end its last line first, the same way. nil when either side's chunk holds anything
    /// else, or the base's is more than that: that is a conflict.
    public static func newSections(_ base: Diff3.Chunk, _ ours: Diff3.Chunk, _ theirs: Diff3.Chunk) -> [UInt8]? {
        var output: [UInt8] = []
        var (ours, theirs) = (ours, theirs)
        if !base.allSatisfy(isBlank) {
            guard let last = base.last, last.last != ASCII.lf, ours.count >= base.count, theirs.count >= base.count,
                  ours.prefix(base.count).elementsEqual(theirs.prefix(base.count)),
                  ours.prefix(base.count - 1).elementsEqual(base.dropLast()),
                  case let ended = ours[ours.startIndex + base.count - 1], ended.starts(with: last),
                  ended.dropFirst(last.count).elementsEqual([ASCII.lf]) || ended.dropFirst(last.count).elementsEqual([ASCII.cr, ASCII.lf])
            else { return nil }
            for line in ours.prefix(base.count) { output.append(contentsOf: line) }
            ours = ours.dropFirst(base.count)
            theirs = theirs.dropFirst(base.count)
        }
        guard let mine = addedSections(ours), let other = addedSections(theirs),
              !mine.sections.isEmpty, !other.sections.isEmpty else { return nil }
        let head = output.count
        for kind in [LogReader.Section.Kind.followUps, .feedback] {
            guard let lines = mine.sections[kind] ?? other.sections[kind] else { continue }
            if output.count > head, let first = lines.first, !isBlank(first) {
                output.append(contentsOf: first.last == ASCII.lf && first.dropLast().last == ASCII.cr ? [ASCII.cr, ASCII.lf] : [ASCII.lf])
            }
            for line in lines { output.append(contentsOf: line) }
        }
        for line in mine.trailing { output.append(contentsOf: line) }
        return output
    }

    /// A skeleton chunk read as added sections: for each kind, its blank lines, its heading and
    /// its placeholder; then the blank lines after the last. nil when it holds anything else.
    public static func addedSections(_ chunk: Diff3.Chunk) -> (sections: [LogReader.Section.Kind: [ArraySlice<UInt8>]], trailing: [ArraySlice<UInt8>])? {
        let placeholders = [LogReader.Section.Kind.followUps, .feedback].map { ($0, Version.placeholder($0)) }
        var sections: [LogReader.Section.Kind: [ArraySlice<UInt8>]] = [:]
        var current: [ArraySlice<UInt8>] = []
        var heading = false
        for line in chunk {
            if isBlank(line) {
                current.append(line)
            } else if let kind = placeholders.first(where: { line.elementsEqual($0.1) })?.0 {
                guard heading, sections[kind] == nil else { return nil }
                current.append(line)
                sections[kind] = current
                current = []
                heading = false
            } else {
                guard !heading, line.first == ASCII.hash else { return nil }
                current.append(line)
                heading = true
            }
        }
        return heading ? nil : (sections, current)
    }

    /// Only spaces, tabs and the line break.
    public static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == ASCII.space || $0 == ASCII.tab || $0 == ASCII.cr || $0 == ASCII.lf }
    }

    /// Where a key new on their side goes: after the key that precedes it on their side.
    public static func insertionPoint(_ parts: [(key: String, bytes: [UInt8])], _ theirs: [(key: String, bytes: [UInt8])], _ index: Int) -> Int {
        var previous = index - 1
        while previous >= 0 {
            if let found = parts.lastIndex(where: { $0.key == theirs[previous].key }) { return found + 1 }
            previous -= 1
        }
        return parts.isEmpty ? 0 : 1
    }

    /// Puts a section's merged entries where its placeholder is (a new section at the end when
    /// no side's text has a place for it).
    public static func substitute(_ body: [UInt8], kind: LogReader.Section.Kind, block: [UInt8], lineBreak: [UInt8], chinese: Bool) -> [UInt8] {
        let marker = Version.placeholder(kind)
        var output: [UInt8] = []
        output.reserveCapacity(body.count + block.count)
        var placed = false
        var index = 0
        while index < body.count {
            let lineStart = index
            while index < body.count, body[index] != ASCII.lf { index += 1 }
            index = min(index + 1, body.count)
            if body[lineStart..<index].elementsEqual(marker) {
                if !placed {
                    if block.isEmpty {
                        // No entries at all: take back the blank line put before the placeholder.
                        if output.count >= lineBreak.count * 2, output.suffix(lineBreak.count * 2).elementsEqual(lineBreak + lineBreak) {
                            output.removeLast(lineBreak.count)
                        }
                    } else {
                        output.append(contentsOf: block)
                    }
                    placed = true
                }
                continue
            }
            output.append(contentsOf: body[lineStart..<index])
        }
        if !placed && !block.isEmpty {
            let heading = RecordEdit.heading(kind, chinese: chinese)
            if let last = output.last, last != ASCII.lf { output.append(contentsOf: lineBreak) }
            if !output.isEmpty { output.append(contentsOf: lineBreak) }
            output.append(contentsOf: Array(heading.utf8) + lineBreak + lineBreak)
            output.append(contentsOf: block)
        }
        return output
    }

    // MARK: - The union of the logs

    public struct Item {
        public var content: [UInt8]
        public var gap: [UInt8]
        public var date: LocalDate?
        public var time: Int?
    }

    /// One side's entries of a kind, with their comparable lines.
    public struct Side {
        public let version: Version
        public let entries: [LogEntries.Entry]
        public let lines: [[LogEntries.Line]]

        public init(_ version: Version, _ kind: LogReader.Section.Kind) {
            self.version = version
            entries = version.log.entries(kind)
            lines = entries.map { LogEntries.lines(version.bytes, $0) }
        }

        public func item(_ index: Int) -> Item {
            let entry = entries[index]
            var content = Array(version.bytes[entry.start..<entry.contentEnd])
            if content.last != ASCII.lf { content += version.lineBreak }
            let gap = entry.isLast ? version.lineBreak : Array(version.bytes[entry.contentEnd..<entry.end])
            return Item(content: content, gap: gap, date: entry.date, time: entry.time)
        }

        public func raw(_ index: Int) -> [UInt8] {
            let entry = entries[index]
            var content = Array(version.bytes[entry.start..<entry.contentEnd])
            if content.last != ASCII.lf { content += version.lineBreak }
            return content
        }
    }

    /// For each entry of `side`, the entry of `base` it is (same text first, else same heading).
    public static func pairs(_ base: Side?, _ side: Side) -> [Int?] {
        guard let base else { return [Int?](repeating: nil, count: side.entries.count) }
        var result = [Int?](repeating: nil, count: side.entries.count)
        var taken = [Bool](repeating: false, count: base.entries.count)
        for index in side.entries.indices {
            if let match = base.entries.indices.first(where: { !taken[$0] && base.lines[$0] == side.lines[index] }) {
                result[index] = match
                taken[match] = true
            }
        }
        for index in side.entries.indices where result[index] == nil {
            if let match = base.entries.indices.first(where: { !taken[$0] && base.lines[$0].first == side.lines[index].first }) {
                result[index] = match
                taken[match] = true
            }
        }
        return result
    }

    public static func union(_ kind: LogReader.Section.Kind, _ o: Version?, _ a: Version, _ b: Version,
                      labels: Diff3.Labels) -> (bytes: [UInt8], conflicts: Int) {
        let base = o.map { Side($0, kind) }, ours = Side(a, kind), theirs = Side(b, kind)
        let ourPairs = pairs(base, ours), theirPairs = pairs(base, theirs)
        var theirsByBase: [Int: Int] = [:]
        for (index, match) in theirPairs.enumerated() { if let match { theirsByBase[match] = index } }
        var conflicts = 0
        var frame: [Item] = []
        var ourNew: [[LogEntries.Line]] = []
        for index in ours.entries.indices {
            var item = ours.item(index)
            if let match = ourPairs[index], let base, let other = theirsByBase[match] {
                let mine = ours.lines[index], theirLines = theirs.lines[other], old = base.lines[match]
                if mine == theirLines || theirLines == old {
                    // Ours as it is.
                } else if mine == old {
                    item.content = theirs.raw(other)
                } else {
                    let merged = Diff3.combine(base: base.raw(match), ours: ours.raw(index), theirs: theirs.raw(other), labels: labels)
                    conflicts += merged.conflicts
                    item.content = merged.bytes
                }
            } else if ourPairs[index] == nil {
                ourNew.append(ours.lines[index])
            }
            frame.append(item)
        }
        let ourMatched = Set(ourPairs.compactMap { $0 })
        var extra: [Item] = []
        for index in theirs.entries.indices {
            if let match = theirPairs[index] {
                if ourMatched.contains(match) { continue }
                // We dropped an entry they still have: a union keeps it.
                extra.append(theirs.item(index))
            } else if let same = ourNew.firstIndex(of: theirs.lines[index]) {
                // Both sides added the same entry.
                ourNew.remove(at: same)
            } else {
                extra.append(theirs.item(index))
            }
        }
        let ordered = interleaveByDate(frame, extra)
        var bytes: [UInt8] = []
        for (index, item) in ordered.enumerated() {
            bytes.append(contentsOf: item.content)
            if index < ordered.count - 1 { bytes.append(contentsOf: item.gap) }
        }
        return (bytes, conflicts)
    }

    /// Their entries go in among ours by date (and time when both have one); at equal times
    /// ours come first.
    public static func interleaveByDate(_ frame: [Item], _ extra: [Item]) -> [Item] {
        func before(_ x: Item, _ y: Item) -> Bool {
            guard let xDate = x.date, let yDate = y.date else { return false }
            if xDate != yDate { return xDate < yDate }
            guard let xTime = x.time, let yTime = y.time else { return false }
            return xTime < yTime
        }
        var result: [Item] = []
        result.reserveCapacity(frame.count + extra.count)
        var i = 0, j = 0
        while i < frame.count || j < extra.count {
            if j < extra.count, i == frame.count || before(extra[j], frame[i]) {
                result.append(extra[j]); j += 1
            } else {
                result.append(frame[i]); i += 1
            }
        }
        return result
    }

    // MARK: - Derived values

    /// The lines of `keys` (derived values both sides changed) as the merged file derives them,
    /// as `sync` would write them: status and next from the merged log, grade from the score
    /// (not when the score itself is in conflict). A key that cannot be derived is left out.
    public static func derive(_ keys: [String], conflicted: [String], in bytes: [UInt8],
                       configuration: Configuration) -> (resolutions: [String: [UInt8]], notes: [Phrase]) {
        let read = CustomerReader.read(path: "", bytes: bytes, configuration: configuration)
        guard let customer = read.customer, var edit = try? RecordEdit(bytes: bytes, read: read) else { return ([:], []) }
        var notes: [Phrase] = []
        var written: [String] = []
        for key in keys {
            let existing = edit.node(at: [key])?.scalarText
            do {
                switch key {
                case "status":
                    guard let (status, _) = DerivedValues.status(customer) else { continue }
                    try edit.set(["status"], to: DerivedValues.statusText(status, likeExisting: existing))
                    notes.append(Wording<Reconciliation>.statusFromLog(status).phrase)
                case "next":
                    guard let (next, _) = DerivedValues.next(customer) else { continue }
                    try edit.set(["next"], to: next.description)
                    notes.append(Wording<Reconciliation>.nextFromLog(next).phrase)
                default:
                    guard !conflicted.contains("score"), let grade = DerivedValues.grade(customer, configuration) else { continue }
                    try edit.set(["grade"], to: DerivedValues.gradeText(grade, likeExisting: existing))
                    notes.append(Wording<Reconciliation>.gradeFromScore(grade).phrase)
                }
                written.append(key)
            } catch {
                continue
            }
        }
        guard let edited = try? edit.apply(), let version = Version(edited) else { return ([:], []) }
        var resolutions: [String: [UInt8]] = [:]
        for (key, segment) in version.keys where written.contains(key) { resolutions[key] = segment }
        return (resolutions, notes)
    }
}

extension Wording where Of == Reconciliation {
    public static let notCustomerFiles = Self("not readable as customer files: merged line by line", "无法按客户文件读取：已逐行合并")
    public static let baseUnreadable = Self("the common version is not readable: merged line by line", "共同的基础版本无法读取：已逐行合并")
    public static func bothChanged(_ key: String) -> Self { Self("both sides changed `\(key)`", "双方都改了 `\(key)`") }
    public static let bothChangedLines = Self("both sides changed the same lines outside the log", "双方都改了记录之外的同几行")
    public static let bothChangedFollowUp = Self("both sides changed the same follow-up entry", "双方都改了同一条跟进")
    public static let bothChangedFeedback = Self("both sides changed the same feedback entry", "双方都改了同一条反馈")
    public static func statusFromLog(_ status: Status) -> Self {
        Self("both sides changed `status`: \(status.rawValue), the last status of the merged log",
             "双方都改了 `status`：取合并后记录里最后的状态 \(status.label)（\(status.rawValue)）")
    }
    public static func nextFromLog(_ next: LocalDate) -> Self {
        Self("both sides changed `next`: \(next), the last `next` of the merged log", "双方都改了 `next`：取合并后记录里最后的 `next`，\(next)")
    }
    public static func gradeFromScore(_ grade: Grade) -> Self {
        Self("both sides changed `grade`: \(grade.rawValue), the grade of the merged score", "双方都改了 `grade`：取合并后评分对应的等级 \(grade.rawValue)")
    }
}

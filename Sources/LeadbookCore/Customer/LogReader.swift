import LeadbookText

/// Reads the Markdown body of a customer file: its `## Follow-ups` / `## 跟进记录` and
/// `## Feedback` / `## 客户反馈` sections and their dated `###` entries.
///
/// One pass over the lines, on bytes. Everything that is not an entry heading or a known
/// `- key: value` line is free text and is left alone.
public struct LogReader {
    public struct Section: Sendable, Equatable {
        public enum Kind: Sendable { case followUps, feedback }
        public var kind: Kind
        /// Offset of the `##` heading, and one past the section's last byte.
        public var headingStart: Int
        public var end: Int
        public var line: Int
    }

    public struct Log: Sendable {
        public var followUps: [FollowUp] = []
        public var feedback: [FeedbackEntry] = []
        public var followUpSection: Section?
        public var feedbackSection: Section?
    }

    public let bytes: UnsafeBufferPointer<UInt8>
    public let end: Int
    /// False when only the structure matters (`check`): free texts (facts, counterparts,
    /// summaries, to-do texts) are not turned into strings.
    public var keepText = true
    /// Follow-ups dated before this keep their structure only (no texts).
    public var followUpTextFrom: LocalDate?

    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, firstLine: Int, findings: inout Findings,
                            keepText: Bool = true, followUpTextFrom: LocalDate? = nil) -> Log {
        let reader = LogReader(bytes: bytes, end: range.upperBound, keepText: keepText, followUpTextFrom: followUpTextFrom)
        return reader.readLog(from: range.lowerBound, line: firstLine, findings: &findings)
    }

    public func readLog(from start: Int, line firstLine: Int, findings: inout Findings) -> Log {
        var log = Log()
        var index = start
        var line = firstLine
        var fence: UInt8 = 0
        var section: Section.Kind? = nil
        // The entry being read is the last of its list in `log`, changed there in place.
        var open: Section.Kind? = nil

        while index < end {
            let lineStart = index
            let lineEnd = UTF8Bytes.find(ASCII.lf, in: bytes, from: index, to: end)
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
            index = lineEnd < end ? lineEnd + 1 : end
            defer { line += 1 }

            let first = bytes[lineStart]
            // Fenced code blocks: nothing inside them is structure.
            if (first == ASCII.backtick || first == UInt8(ascii: "~") || first == ASCII.space), let marker = fenceMarker(lineStart, contentEnd) {
                if fence == 0 { fence = marker } else if fence == marker { fence = 0 }
                continue
            }
            if fence != 0 { continue }

            if first == ASCII.hash {
                var level = 0
                var scan = lineStart
                while scan < contentEnd, bytes[scan] == ASCII.hash { level += 1; scan += 1 }
                guard scan == contentEnd || bytes[scan] == ASCII.space else { continue }
                if level <= 2 {
                    close(&open, at: lineStart, into: &log)
                    closeSection(&log, section, at: lineStart)
                    section = nil
                    if level == 2, let kind = sectionKind(scan, contentEnd) {
                        let new = Section(kind: kind, headingStart: lineStart, end: end, line: line)
                        let existing = kind == .followUps ? log.followUpSection : log.feedbackSection
                        if let existing {
                            DuplicateSection.report(kind, firstOn: existing.line, at: lineStart, &findings)
                        } else if kind == .followUps {
                            log.followUpSection = new
                        } else {
                            log.feedbackSection = new
                        }
                        section = kind
                    }
                } else if level == 3, let kind = section {
                    close(&open, at: lineStart, into: &log)
                    readHeading(kind, lineStart, scan, contentEnd, line, into: &log, &findings)
                    open = kind
                }
                continue
            }
            guard section != nil, first == ASCII.dash || first == ASCII.asterisk,
                  lineStart + 1 < contentEnd, bytes[lineStart + 1] == ASCII.space else { continue }
            switch open {
            case .followUps?: readFollowUpItem(&log.followUps[log.followUps.count - 1], lineStart + 2, contentEnd, line, &findings)
            case .feedback?: readFeedbackItem(&log.feedback[log.feedback.count - 1], lineStart + 2, contentEnd, &findings)
            case nil: break
            }
        }
        close(&open, at: end, into: &log)
        closeSection(&log, section, at: end)
        return log
    }

    /// Ends the entry being read (the last of its list) at `offset`.
    @inline(__always) public func close(_ open: inout Section.Kind?, at offset: Int, into log: inout Log) {
        switch open {
        case .followUps?: log.followUps[log.followUps.count - 1].end = offset
        case .feedback?: log.feedback[log.feedback.count - 1].end = offset
        case nil: break
        }
        open = nil
    }

    public func closeSection(_ log: inout Log, _ kind: Section.Kind?, at offset: Int) {
        switch kind {
        case .followUps?:
            if log.followUpSection?.end == end, offset < end { log.followUpSection?.end = offset }
        case .feedback?:
            if log.feedbackSection?.end == end, offset < end { log.feedbackSection?.end = offset }
        case nil: break
        }
    }

    /// "```" or "~~~" (up to three spaces in) opens or closes a fence.
    public func fenceMarker(_ start: Int, _ stop: Int) -> UInt8? {
        var scan = start
        while scan < stop, scan - start < 3, bytes[scan] == ASCII.space { scan += 1 }
        guard scan + 3 <= stop else { return nil }
        let marker = bytes[scan]
        guard marker == ASCII.backtick || marker == UInt8(ascii: "~"),
              bytes[scan + 1] == marker, bytes[scan + 2] == marker else { return nil }
        return marker
    }

    public func trimmed(_ start: Int, _ stop: Int) -> Range<Int> {
        var start = start, stop = stop
        while start < stop, bytes[start] == ASCII.space || bytes[start] == ASCII.tab { start += 1 }
        while stop > start, bytes[stop - 1] == ASCII.space || bytes[stop - 1] == ASCII.tab { stop -= 1 }
        return start..<stop
    }

    public func text(_ range: Range<Int>) -> String { UTF8Bytes.string(bytes, range) }

    public func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<range.count where ASCII.lowercased(bytes[range.lowerBound + offset]) != ASCII.lowercased(pointer[offset]) {
            return false
        }
        return true
    }

    public func sectionKind(_ start: Int, _ stop: Int) -> Section.Kind? {
        var title = trimmed(start, stop)
        while title.upperBound > title.lowerBound, bytes[title.upperBound - 1] == ASCII.hash {
            title = trimmed(title.lowerBound, title.upperBound - 1)
        }
        if equals(title, "Follow-ups") || equals(title, "Followups") || equals(title, "Follow ups")
            || equals(title, "跟进记录") {
            return .followUps
        }
        if equals(title, "Feedback") || equals(title, "客户反馈") { return .feedback }
        return nil
    }

    // MARK: - Headings

    /// `### DATE [HH:MM] CHANNEL [rest]`.
    /// The entry is appended to its list in `log`.
    public func readHeading(_ kind: Section.Kind, _ headingStart: Int, _ textStart: Int, _ stop: Int, _ line: Int,
                     into log: inout Log, _ findings: inout Findings) {
        var scan = textStart
        while scan < stop, bytes[scan] == ASCII.space { scan += 1 }
        let dateStart = scan
        while scan < stop, bytes[scan] != ASCII.space { scan += 1 }
        var date: LocalDate?
        switch LocalDate.check(bytes, dateStart..<scan) {
        case .success(let value): date = value
        case .failure(.doesNotExist):
            InvalidDate.report(.doesNotExist(text(dateStart..<scan)), at: dateStart, &findings)
        case .failure(.format):
            BadEntryHeading.report(.noDate(kind), at: dateStart, &findings)
        }
        while scan < stop, bytes[scan] == ASCII.space { scan += 1 }
        var time: Int?
        if scan + 5 <= stop, bytes[scan + 2] == ASCII.colon, (scan + 5 == stop || bytes[scan + 5] == ASCII.space),
           let hour = LocalDate.digits(bytes, scan, 2), let minute = LocalDate.digits(bytes, scan + 3, 2) {
            if hour < 24 && minute < 60 {
                time = hour * 60 + minute
            } else {
                InvalidDate.report(.notATime(text(scan..<scan + 5)), at: scan, &findings)
            }
            scan += 5
            while scan < stop, bytes[scan] == ASCII.space { scan += 1 }
        }
        readHeadingRest(kind, headingStart, scan, stop, line, date: date, time: time, into: &log, &findings)
    }

    /// The channel and the counterpart (or summary) after the date and time of a heading.
    public func readHeadingRest(_ kind: Section.Kind, _ headingStart: Int, _ start: Int, _ stop: Int, _ line: Int,
                         date: LocalDate?, time: Int?, into log: inout Log, _ findings: inout Findings) {
        var scan = start
        let channelStart = scan
        while scan < stop, bytes[scan] != ASCII.space, bytes[scan] != ASCII.openParen, !isFullWidthParen(scan) { scan += 1 }
        if time == nil, scan > channelStart, (channelStart..<scan).contains(where: { bytes[$0] == ASCII.colon }),
           (channelStart..<scan).allSatisfy({ ASCII.isDigit(bytes[$0]) || bytes[$0] == ASCII.colon }) {
            InvalidDate.report(.notATime(text(channelStart..<scan)), at: channelStart, &findings)
            while scan < stop, bytes[scan] == ASCII.space { scan += 1 }
            readHeadingRest(kind, headingStart, scan, stop, line, date: date, time: 0, into: &log, &findings)
            return
        }
        var channel: Channel?
        if channelStart == scan {
            if date != nil {
                BadEntryHeading.report(.noChannel, at: min(channelStart, stop), &findings)
            }
        } else {
            channel = UnknownChannel.check(bytes, channelStart..<scan, &findings)
        }
        let restRange = trimmed(scan, stop)
        let keepRest = keepText && (kind == .feedback || followUpTextFrom == nil || date.map { $0 >= followUpTextFrom! } ?? true)
        let rest = keepRest ? text(restRange) : ""
        switch kind {
        case .followUps:
            var entry = FollowUp(start: headingStart, line: line)
            entry.date = date
            entry.time = time
            entry.channel = channel
            entry.counterpart = rest
            log.followUps.append(entry)
        case .feedback:
            var entry = FeedbackEntry(start: headingStart, line: line)
            entry.date = date
            entry.time = time
            entry.channel = channel
            entry.summary = rest
            if restRange.isEmpty, channel != nil {
                BadEntryHeading.report(.feedbackWithoutSummary, at: stop, &findings)
            }
            log.feedback.append(entry)
        }
    }

    @inline(__always) public func isFullWidthParen(_ index: Int) -> Bool {
        index + 2 < end && bytes[index] == 0xEF && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x88
    }

    // MARK: - Items

    /// Splits `key: value` (ASCII or full-width colon). Returns the key range and the value range.
    public func splitKey(_ start: Int, _ stop: Int) -> (Range<Int>, Range<Int>)? {
        var scan = start
        let limit = min(stop, start + 48)
        while scan < limit {
            let byte = bytes[scan]
            if byte == ASCII.colon {
                return (trimmed(start, scan), trimmed(scan + 1, stop))
            }
            if byte == 0xEF, scan + 2 < stop, bytes[scan + 1] == 0xBC, bytes[scan + 2] == 0x9A {
                return (trimmed(start, scan), trimmed(scan + 3, stop))
            }
            if byte == ASCII.space && scan > start && bytes[scan - 1] != ASCII.space {
                // Keys are one word; a space before any colon means free text.
                var after = scan
                while after < limit, bytes[after] == ASCII.space { after += 1 }
                if after < limit, bytes[after] == ASCII.colon || bytes[after] == 0xEF { scan = after; continue }
                return nil
            }
            scan += 1
        }
        return nil
    }

    /// `[ ] ` or `[x] ` at `start`: the task's done flag.
    public func taskBox(_ start: Int, _ stop: Int) -> Bool? {
        guard start + 3 <= stop, bytes[start] == ASCII.openBracket, bytes[start + 2] == ASCII.closeBracket,
              start + 3 == stop || bytes[start + 3] == ASCII.space else { return nil }
        switch bytes[start + 1] {
        case ASCII.space: return false
        case ASCII.x, ASCII.X: return true
        default: return nil
        }
    }

    /// A task box typed with a Chinese keyboard or another mark: `[ｘ]`, `[√]`, `[✓]`, `［ ］`,
    /// `[　]`, `【x】`, `[]`. Returns whether it reads as done (nil: a mark that says neither),
    /// and where the box ends; nil when `start` holds no such box.
    public func oddTaskBox(_ start: Int, _ stop: Int) -> (done: Bool?, end: Int)? {
        guard start < stop, bytes[start] == ASCII.openBracket || bytes[start] >= 0xE3 else { return nil }
        func bracket(_ index: Int, _ ascii: UInt8, _ wide: (UInt8, UInt8, UInt8), _ lenticular: (UInt8, UInt8, UInt8)) -> Int? {
            guard index < stop else { return nil }
            if bytes[index] == ascii { return index + 1 }
            guard index + 3 <= stop else { return nil }
            let three = (bytes[index], bytes[index + 1], bytes[index + 2])
            return three == wide || three == lenticular ? index + 3 : nil
        }
        guard let inner = bracket(start, ASCII.openBracket, (0xEF, 0xBC, 0xBB), (0xE3, 0x80, 0x90)) else { return nil }
        var markEnd = inner
        var done: Bool?
        if let close = bracket(inner, ASCII.closeBracket, (0xEF, 0xBC, 0xBD), (0xE3, 0x80, 0x91)) {
            // `[]`: an empty box.
            guard close == stop || bytes[close] == ASCII.space else { return nil }
            return (false, close)
        }
        let byte = bytes[inner]
        if byte == ASCII.space || byte == ASCII.x || byte == ASCII.X {
            markEnd = inner + 1
            done = byte != ASCII.space
        } else {
            guard byte >= 0xC0 else { return nil }
            markEnd = inner + 1
            while markEnd < stop, bytes[markEnd] & 0xC0 == 0x80 { markEnd += 1 }
            switch Array(bytes[inner..<markEnd]) {
            case [0xE3, 0x80, 0x80]: done = false  // ideographic space
            case [0xEF, 0xBD, 0x98], [0xEF, 0xBC, 0xB8], [0xE2, 0x88, 0x9A], [0xE2, 0x9C, 0x93], [0xE2, 0x9C, 0x94],
                 [0xE2, 0x98, 0x91], [0xE2, 0x9C, 0x85]:
                done = true  // ｘ Ｘ √ ✓ ✔ ☑ ✅
            case [0xC3, 0x97], [0xE2, 0x9C, 0x97], [0xE2, 0x9C, 0x98]:
                done = nil  // × ✗ ✘: done to some, not done to others
            default:
                return nil
            }
        }
        guard let close = bracket(markEnd, ASCII.closeBracket, (0xEF, 0xBC, 0xBD), (0xE3, 0x80, 0x91)),
              close == stop || bytes[close] == ASCII.space else { return nil }
        // The ASCII boxes `[ ]` and `[x]` are read by `taskBox`.
        if close == markEnd + 1, inner == start + 1, markEnd == inner + 1 { return nil }
        return (done, close)
    }

    public func readFollowUpItem(_ entry: inout FollowUp, _ start: Int, _ stop: Int, _ line: Int, _ findings: inout Findings) {
        if let done = taskBox(start, stop) {
            if let todo = readTodo(trimmed(start + 3, stop), done: done, line: line, keep: keepsText(entry), &findings) { entry.todos.append(todo) }
            return
        }
        if bytes[start] == ASCII.openBracket || bytes[start] >= 0xE3, let box = oddTaskBox(start, stop) {
            // Read as the to-do it is meant to be (an unclear mark as an open one), so it stays
            // in show and agenda while the finding says how to write it.
            TodoBox.report(box.done, written: text(start..<box.end), box: start..<box.end, &findings)
            if let todo = readTodo(trimmed(box.end, stop), done: box.done ?? false, line: line, keep: keepsText(entry), &findings) {
                entry.todos.append(todo)
            }
            return
        }
        guard let (keyRange, valueRange) = splitKey(start, stop) else { return }
        guard let key = EntryKey.matching(bytes, keyRange), key.isFollowUpKey else {
            UnknownEntryKey.check(bytes, key: keyRange, allowed: EntryKey.followUpKeys, &findings)
            return
        }
        if valueRange.isEmpty { return }
        switch key {
        case .mood, .status, .next, .todo: break
        default:
            if keepsText(entry) { entry.facts.append((key, text(valueRange))) }
            return
        }
        switch key {
        case .mood:
            entry.mood = UnknownMood.check(bytes, valueRange, &findings)
        case .status:
            entry.status = UnknownStatus.check(bytes, valueRange, &findings)
        case .next:
            entry.next = date(valueRange, key: key, &findings)
        case .todo:
            if let todo = readTodo(valueRange, done: false, line: line, keep: keepsText(entry), &findings) { entry.todos.append(todo) }
        default:
            break
        }
    }

    public func readFeedbackItem(_ entry: inout FeedbackEntry, _ start: Int, _ stop: Int, _ findings: inout Findings) {
        guard let (keyRange, valueRange) = splitKey(start, stop) else { return }
        guard let key = EntryKey.matching(bytes, keyRange), !key.isFollowUpKey else {
            UnknownEntryKey.check(bytes, key: keyRange, allowed: EntryKey.feedbackKeys, &findings)
            return
        }
        if valueRange.isEmpty { return }
        if let bit = Self.singleValueBit(key) {
            if entry.keysWritten & bit != 0 {
                DuplicateKey.reportInEntry(text(keyRange), firstSetOn: firstLine(of: key, in: entry, before: start), at: keyRange.lowerBound, &findings)
            }
            entry.keysWritten |= bit
        }
        switch key {
        // The owner is kept even without texts: the summary names who answered late.
        case .why, .plan:
            guard keepText else { return }
        default: break
        }
        var value: String { text(valueRange) }
        switch key {
        case .type: entry.type = UnknownFeedbackType.check(bytes, valueRange, &findings)
        case .priority: entry.priority = UnknownPriority.check(bytes, valueRange, &findings)
        case .handling: entry.handling = UnknownHandling.check(bytes, valueRange, &findings)
        case .why: entry.whys.append(value)
        case .plan: entry.plan = value
        case .owner: entry.owner = value; entry.ownerAt = valueRange.lowerBound
        case .due: entry.due = date(valueRange, key: key, &findings)
        case .resolved: entry.resolved = date(valueRange, key: key, &findings)
        case .confirmed:
            var scan = valueRange.lowerBound
            while scan < valueRange.upperBound, bytes[scan] != ASCII.space { scan += 1 }
            if case .success(let day) = LocalDate.check(bytes, valueRange.lowerBound..<scan) {
                entry.confirmed = day
                entry.confirmation = keepText ? text(trimmed(scan, valueRange.upperBound)) : nil
            } else {
                InvalidDate.report(.confirmedWithoutDate, at: valueRange.lowerBound, &findings)
            }
        case .satisfaction: entry.satisfaction = InvalidSatisfaction.check(bytes, valueRange, &findings)
        default: break
        }
    }

    /// The bit of a feedback key that holds one value (`FeedbackEntry.keysWritten`); nil for
    /// `why`, one line per root cause, and for the follow-up keys.
    @inline(__always) public static func singleValueBit(_ key: EntryKey) -> UInt16? {
        switch key {
        case .type: return 1 << 0
        case .priority: return 1 << 1
        case .handling: return 1 << 2
        case .plan: return 1 << 3
        case .owner: return 1 << 4
        case .due: return 1 << 5
        case .resolved: return 1 << 6
        case .confirmed: return 1 << 7
        case .satisfaction: return 1 << 8
        default: return nil
        }
    }

    /// The line of the first `- key: value` line with a value of `entry` before `stop` (a
    /// duplicate's first line, looked for only when one is found).
    public func firstLine(of key: EntryKey, in entry: FeedbackEntry, before stop: Int) -> Int {
        var index = entry.start, line = entry.line
        var fence: UInt8 = 0
        while index < stop {
            let lineEnd = UTF8Bytes.find(ASCII.lf, in: bytes, from: index, to: stop)
            var contentEnd = lineEnd
            if contentEnd > index, bytes[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
            if let marker = fenceMarker(index, contentEnd) {
                if fence == 0 { fence = marker } else if fence == marker { fence = 0 }
            } else if fence == 0, index + 2 < contentEnd, bytes[index] == ASCII.dash || bytes[index] == ASCII.asterisk,
                      bytes[index + 1] == ASCII.space, let (keyRange, valueRange) = splitKey(index + 2, contentEnd),
                      !valueRange.isEmpty, EntryKey.matching(bytes, keyRange) == key {
                return line
            }
            index = lineEnd + 1
            line += 1
        }
        return entry.line
    }

    public func date(_ range: Range<Int>, key: EntryKey, _ findings: inout Findings) -> LocalDate? {
        switch LocalDate.check(bytes, range) {
        case .success(let date): return date
        case .failure(.doesNotExist):
            InvalidDate.report(.doesNotExist(text(range), field: key.rawValue), at: range.lowerBound, &findings)
            return nil
        case .failure(.format):
            InvalidDate.report(.notADate(text(range), field: key.rawValue), at: range.lowerBound, &findings)
            return nil
        }
    }

    /// Whether a follow-up's texts are kept (`keepText`, and not before `followUpTextFrom`).
    @inline(__always) public func keepsText(_ entry: FollowUp) -> Bool {
        guard keepText else { return false }
        guard let from = followUpTextFrom, let date = entry.date else { return true }
        return date >= from
    }

    /// Where the name starts when the word at `start` is `@name`, `^name` (or full-width ＠ ＾).
    @inline(__always) func nameMark(_ start: Int, _ stop: Int) -> Int? {
        if bytes[start] == ASCII.at || bytes[start] == UInt8(ascii: "^") { return start + 1 }
        if start + 3 < stop, bytes[start] == 0xEF, bytes[start + 1] == 0xBC, bytes[start + 2] == 0xA0 || bytes[start + 2] == 0xBE { return start + 3 }
        return nil
    }

    /// `DATE TEXT [@owner] [^requester]`; with `keep` false, the date and the names (no text).
    public func readTodo(_ range: Range<Int>, done: Bool, line: Int, keep: Bool, _ findings: inout Findings) -> Todo? {
        var scan = range.lowerBound
        while scan < range.upperBound, bytes[scan] != ASCII.space { scan += 1 }
        var date: LocalDate?
        switch LocalDate.check(bytes, range.lowerBound..<scan) {
        case .success(let day): date = day
        case .failure(.doesNotExist):
            InvalidDate.report(.doesNotExist(text(range.lowerBound..<scan)), at: range.lowerBound, &findings)
        case .failure(.format):
            TodoWithoutDate.report(at: range.lowerBound, &findings)
            scan = range.lowerBound
        }
        var textRange = trimmed(scan, range.upperBound)
        // Without texts the names are still read (short, and `unknown-responder` checks them).
        var owner: String?
        var requester: String?
        var ownerAt: Int?
        var requesterAt: Int?
        // The last words: `@name` (ASCII or full-width ＠) names who does it, `^name` (or ＾)
        // who asked for it, each once, in either order.
        for _ in 0..<2 {
            var last = textRange.upperBound
            while last > textRange.lowerBound, bytes[last - 1] != ASCII.space { last -= 1 }
            guard last < textRange.upperBound else { break }
            let nameStart: Int
            let isOwner: Bool
            if bytes[last] == ASCII.at || bytes[last] == UInt8(ascii: "^") {
                nameStart = last + 1
                isOwner = bytes[last] == ASCII.at
            } else if last + 3 < textRange.upperBound, bytes[last] == 0xEF, bytes[last + 1] == 0xBC,
                      bytes[last + 2] == 0xA0 || bytes[last + 2] == 0xBE {
                nameStart = last + 3
                isOwner = bytes[last + 2] == 0xA0
            } else { break }
            guard nameStart < textRange.upperBound, (isOwner ? owner : requester) == nil else { break }
            let name = text(nameStart..<textRange.upperBound)
            if isOwner { owner = name; ownerAt = nameStart } else { requester = name; requesterAt = nameStart }
            textRange = trimmed(textRange.lowerBound, last)
        }
        // More names before those kept (a second `@` or `^`) stay in the text, and are said.
        if owner != nil || requester != nil {
            var first = textRange.upperBound
            var scan = textRange.upperBound
            while scan > textRange.lowerBound {
                var last = scan
                while last > textRange.lowerBound, bytes[last - 1] != ASCII.space { last -= 1 }
                guard last < scan, let nameStart = nameMark(last, scan), nameStart < scan else { break }
                first = last
                scan = trimmed(textRange.lowerBound, last).upperBound
            }
            if first < textRange.upperBound {
                ExtraTodoName.report(text(first..<textRange.upperBound), at: first, &findings)
            }
        }
        var todo = Todo(date: date, text: keep ? text(textRange) : "", owner: owner, done: done, line: line, requester: requester)
        todo.ownerAt = ownerAt
        todo.requesterAt = requesterAt
        return todo
    }

}

import LeadbookText

/// Every contact is recorded within 24 hours (the toolkit, section 3; leadbook.yml
/// `record_within_hours`): `check --staged` warns on a follow-up or feedback entry the commit
/// appends to a customer file HEAD already has, dated longer than that before the commit.
///
/// What is recorded now is only what is appended. A file new to git (a first commit, files
/// moved into git, an import, a copy) is a record brought in, not a contact recorded late.
/// Old entries are history and never warned about again, also when they change place: an
/// entry that takes the place of one the commit takes out of a customer file (merged from
/// another file, or its heading corrected: the same heading, the same lines under it, or in
/// the same file the same date) is moved or corrected, which is `log-rewritten`'s business.
/// In a merge commit, what the merged branch committed was recorded there.
public enum LateEntry: RuleDefinition {
    public static let rule = Rule("late-entry", .warning,
        Phrase("A follow-up or feedback entry is committed within `record_within_hours` (24) of the contact (`check --staged`, entries appended to files HEAD has).",
               "跟进或反馈条目在联系后 `record_within_hours`（24）小时内提交（`check --staged`，只看追加到 HEAD 已有文件里的条目）。"))

    /// A customer file the commit changes: its version at HEAD (nil when it is new to git) and
    /// the staged one (nil when the commit deletes it).
    public struct Change {
        public var path: String
        public var old: [UInt8]?
        public var new: [UInt8]?
        /// The file as the branch being merged committed it (a merge commit): what it brings
        /// was recorded there, not now.
        public var merged: [UInt8]?

        public init(path: String, old: [UInt8]?, new: [UInt8]?, merged: [UInt8]? = nil) {
            self.path = path
            self.old = old
            self.new = new
            self.merged = merged
        }
    }

    /// One file: the entries of `new` that `old` (the file at HEAD; nil for a file new to git)
    /// does not have, dated more than `record_within_hours` before `now`.
    public static func check(old: [UInt8]?, new: [UInt8], path: String, now: LocalDateTime, policy: TimePolicy) -> [Diagnostic] {
        check([Change(path: path, old: old, new: new)], now: now, policy: policy)
    }

    /// The entries the commit appends, over all the customer files it changes, dated more than
    /// `record_within_hours` before `now`.
    public static func check(_ changes: [Change], now: LocalDateTime, policy: TimePolicy) -> [Diagnostic] {
        guard policy.configuration.recordWithinHours > 0 else { return [] }
        // Entries of HEAD no longer in their file, and staged entries HEAD's file lacks.
        var gone: [Record] = []
        var added: [(record: Record, entry: LogEntries.Entry, bytes: [UInt8])] = []
        for (index, change) in changes.enumerated() {
            guard let old = change.old, let before = LogEntries.read(old) else { continue }
            var kept: [Key: [Int]] = [:]
            for (position, entry) in before.entries.enumerated() {
                kept[Key(entry.kind, LogEntries.lines(old, entry).first?.text ?? []), default: []].append(position)
            }
            var stayed = [Bool](repeating: false, count: before.entries.count)
            var merged: [Key: Int] = [:]
            if let bytes = change.merged, let theirs = LogEntries.read(bytes) {
                for entry in theirs.entries { merged[Key(entry.kind, LogEntries.lines(bytes, entry).first?.text ?? []), default: 0] += 1 }
            }
            if let new = change.new, let after = LogEntries.read(new) {
                for entry in after.entries {
                    let record = Record(new, entry, file: index)
                    if let position = kept[record.heading]?.first(where: { !stayed[$0] }) {
                        stayed[position] = true
                    } else if let count = merged[record.heading], count > 0 {
                        merged[record.heading] = count - 1
                    } else {
                        added.append((record, entry, new))
                    }
                }
            }
            for (position, entry) in before.entries.enumerated() where !stayed[position] {
                gone.append(Record(old, entry, file: index))
            }
        }
        guard !added.isEmpty else { return [] }

        var byHeading: [Key: [Int]] = [:], byBody: [Key: [Int]] = [:], byDate: [DateKey: [Int]] = [:]
        for (index, record) in gone.enumerated() {
            byHeading[record.heading, default: []].append(index)
            if !record.body.bytes.isEmpty { byBody[record.body, default: []].append(index) }
            if let date = record.date { byDate[DateKey(file: record.file, kind: record.heading.kind, date: date), default: []].append(index) }
        }
        var taken = [Bool](repeating: false, count: gone.count)
        func take(_ candidates: [Int]?) -> Bool {
            guard let index = candidates?.first(where: { !taken[$0] }) else { return false }
            taken[index] = true
            return true
        }

        var findings: [Int: Findings] = [:]
        for (record, entry, bytes) in added {
            if take(byHeading[record.heading]) || take(byBody[record.body])
                || take(record.date.flatMap { byDate[DateKey(file: record.file, kind: record.heading.kind, date: $0)] }) {
                continue
            }
            guard let date = entry.date else { continue }
            let contact = LocalDateTime(date: date, minutes: entry.time ?? 0, hasTime: entry.time != nil)
            guard policy.lateRecording(of: contact, recordedAt: now) != nil else { continue }
            findings[record.file, default: Findings(source: SourceText(path: changes[record.file].path, bytes: bytes))]
                .report(Message.late(entry.kind, LogEntries.heading(bytes, entry), within: policy.configuration.recordWithinHours),
                        at: entry.start)
        }
        return findings.keys.sorted().flatMap { findings[$0]!.diagnostics }
    }

    /// Lines of an entry in a section, compared as the append-only check compares them.
    struct Key: Hashable {
        var kind: LogReader.Section.Kind
        var bytes: [UInt8]

        init(_ kind: LogReader.Section.Kind, _ bytes: ArraySlice<UInt8>) {
            self.kind = kind
            self.bytes = Array(bytes)
        }
    }

    struct DateKey: Hashable {
        var file: Int
        var kind: LogReader.Section.Kind
        var date: LocalDate
    }

    /// An entry as compared across versions: its heading line, the lines under it, its date.
    struct Record {
        var heading: Key
        var body: Key
        var date: LocalDate?
        var file: Int

        init(_ bytes: [UInt8], _ entry: LogEntries.Entry, file: Int) {
            let lines = LogEntries.lines(bytes, entry)
            heading = Key(entry.kind, lines.first?.text ?? [])
            var under: [UInt8] = []
            for line in lines.dropFirst() {
                under += line.text
                under.append(ASCII.lf)
            }
            body = Key(entry.kind, under[...])
            date = entry.date
            self.file = file
        }
    }
}

extension RuleMessage where Of == LateEntry {
    /// The same words on every commit (no count of days that grows with the clock).
    static func late(_ kind: LogReader.Section.Kind, _ heading: String, within hours: Int) -> Self {
        let what = kind == .followUps ? Phrase("follow-up `\(heading)`", "跟进条目 `\(heading)`") : Phrase("feedback `\(heading)`", "反馈条目 `\(heading)`")
        return Self(what + Phrase(" is committed more than \(hours) h after the contact; the toolkit asks for every contact to be recorded within \(hours) h",
                                  " 在联系后超过 \(hours) 小时才提交；工具包要求每次联系 \(hours) 小时内录入"),
                    hint: Phrase("record contacts while they are fresh (`leadbook log`, `leadbook feedback`); if the date is a typo, correct it before committing",
                                 "趁记忆清楚及时录入（`leadbook log`、`leadbook feedback`）；如果是日期写错了，提交前改正"))
    }
}

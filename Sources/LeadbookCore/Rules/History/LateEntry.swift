import LeadbookText

/// Every contact is recorded within 24 hours (the toolkit, section 3; leadbook.yml
/// `record_within_hours`): `check --staged` warns on a follow-up or feedback entry the commit
/// adds (one not in HEAD) that is dated longer than that before the commit. Old entries are
/// history and never warned about again.
public enum LateEntry: RuleDefinition {
    public static let rule = Rule("late-entry", .warning,
        Phrase("A follow-up or feedback entry is committed within `record_within_hours` (24) of the contact (`check --staged`, entries not in HEAD).",
               "跟进或反馈条目在联系后 `record_within_hours`（24）小时内提交（`check --staged`，只看 HEAD 里没有的条目）。"))

    /// The entries of `new` that `old` (the file at HEAD; nil for a new file) does not have,
    /// dated more than `record_within_hours` before `now`. Entries are told apart by their
    /// heading line, as the append-only check does.
    public static func check(old: [UInt8]?, new: [UInt8], path: String, now: LocalDateTime, policy: TimePolicy) -> [Diagnostic] {
        guard policy.configuration.recordWithinHours > 0, let after = LogEntries.read(new), !after.entries.isEmpty else { return [] }
        var before: [String: Int] = [:]
        if let old, let entries = LogEntries.read(old) {
            for entry in entries.entries { before[key(old, entry), default: 0] += 1 }
        }
        var findings = Findings(source: SourceText(path: path, bytes: new))
        for entry in after.entries {
            let heading = key(new, entry)
            if let count = before[heading], count > 0 {
                before[heading] = count - 1
                continue
            }
            guard let date = entry.date else { continue }
            let contact = LocalDateTime(date: date, minutes: entry.time ?? 0, hasTime: entry.time != nil)
            guard policy.lateRecording(of: contact, recordedAt: now) != nil else { continue }
            findings.report(Message.late(entry.kind, LogEntries.heading(new, entry), within: policy.configuration.recordWithinHours),
                            at: entry.start)
        }
        return findings.diagnostics
    }

    static func key(_ bytes: [UInt8], _ entry: LogEntries.Entry) -> String {
        (entry.kind == .followUps ? "f " : "b ") + LogEntries.heading(bytes, entry)
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

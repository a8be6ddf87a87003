import LeadbookText

/// The log is a ledger read top to bottom: each entry of a section is dated on or after the
/// one above it; on one day, entries that both have a time are in time order. Follow-ups and
/// feedback are ordered separately; undated entries are skipped (bad-entry-heading has them).
public enum EntryOrder: CustomerRule {
    public static let rule = Rule("entry-order", .error, Phrase("Follow-up and feedback entries are in date order, oldest first.", "跟进和反馈条目按日期排列，早的在前。"))

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let log = context.log
        check(log.followUps.lazy.map { ($0.start, $0.date, $0.time) }, .followUps, &findings)
        check(log.feedback.lazy.map { ($0.start, $0.date, $0.time) }, .feedback, &findings)
    }

    /// The entries of one section as (offset of the heading, date, minutes of the day).
    public static func check<Entries: Sequence>(_ entries: Entries, _ section: LogReader.Section.Kind, _ findings: inout Findings)
        where Entries.Element == (Int, LocalDate?, Int?) {
        var previous: (LocalDate, Int?)?
        for (start, date, time) in entries {
            guard let date else { continue }
            if let (lastDate, lastTime) = previous, date < lastDate || (date == lastDate && (time ?? Int.max) < (lastTime ?? Int.min)) {
                findings.report(Message.after(section, date, lastDate, lastTime), at: start)
            }
            previous = (date, time)
        }
    }
}

extension RuleMessage where Of == EntryOrder {
    /// A follow-up names the time of the one above it; feedback has no time in its message.
    public static func after(_ section: LogReader.Section.Kind, _ date: LocalDate, _ lastDate: LocalDate, _ lastTime: Int?) -> Self {
        let noun = section == .followUps ? "follow-up" : "feedback"
        let lastTimeText = section == .followUps ? lastTime.map { " " + LocalDateTime(date: lastDate, minutes: $0).timeText } ?? "" : ""
        let chineseNoun = section == .followUps ? "跟进" : "反馈"
        return Self("\(noun) of \(date) comes after one of \(lastDate)\(lastTimeText)",
                    "\(date) 的\(chineseNoun)排在了 \(lastDate)\(lastTimeText) 那条的后面",
                    hint: Phrase("entries are in date order, newest last: move this entry up, or fix its date",
                                 "条目按日期排列，最新的在最后：把这条往上移，或改正它的日期"))
    }
}

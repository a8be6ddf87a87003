import LeadbookText

/// A customer as known at a moment (`--as-of`): what `summary`, `explain` and `agenda` judge.
/// The file is its present; what it says of later moments is left out: log entries dated after
/// the moment, an assignment (and with it the owner), a deal, a review, a resolution or a
/// confirmation dated after it.
/// The status is the file's unless something later was left out; then the log tells it.
extension Customer {
    /// The status known at a moment: the file's `status` when nothing later was left out
    /// (`later` false), else the last status the log records by then, `contacted` when it has
    /// an entry by then, `untouched` when none.
    public static func knownStatus(written: Status?, later: Bool, lastLogged: Status?, entries: Int) -> Status {
        if !later, let written { return written }
        return lastLogged ?? (entries > 0 ? .contacted : .untouched)
    }

    /// True when the customer was captured after `asOf`: nobody knew of it yet.
    public func isLater(than asOf: LocalDateTime) -> Bool {
        created.map { $0 > asOf } ?? false
    }

    /// The customer without what happened after `asOf`; the same value when nothing did.
    /// A follow-up counts at its time (a date alone at the start of its day), as in `summary`.
    public func known(at asOf: LocalDateTime) -> Customer {
        let day = asOf.date
        func after(_ moment: LocalDateTime?) -> Bool { moment.map { $0 > asOf } ?? false }
        func after(_ date: LocalDate?) -> Bool { date.map { $0 > day } ?? false }
        let laterFollowUp = followUps.contains { after($0.moment) }
        let laterFeedback = feedback.contains { entry in
            after(entry.date.map { LocalDateTime(date: $0, minutes: entry.time ?? 0) }) || after(entry.resolved) || after(entry.confirmed)
        }
        let laterDeal = after(deal?.closed)
        guard laterFollowUp || laterFeedback || laterDeal || after(assigned) || after(score?.reviewed) else { return self }

        var known = self
        if laterFollowUp { known.followUps = followUps.filter { !after($0.moment) } }
        if laterFeedback {
            known.feedback = feedback.compactMap { entry in
                if after(entry.date.map { LocalDateTime(date: $0, minutes: entry.time ?? 0) }) { return nil }
                var entry = entry
                if after(entry.resolved) { entry.resolved = nil; entry.confirmed = nil; entry.confirmation = nil }
                if after(entry.confirmed) { entry.confirmed = nil; entry.confirmation = nil }
                return entry
            }
        }
        if laterDeal { known.deal = nil }
        // Not assigned yet: as known then, the lead had no owner (the one written came later).
        if after(assigned) { known.assigned = nil; known.owner = nil }
        if after(score?.reviewed) { known.score?.reviewed = nil; known.score?.reviewedBy = nil }
        if laterFollowUp || laterDeal {
            let lastLogged = known.followUps.last { $0.status != nil }?.status
            known.status = Self.knownStatus(written: status, later: true, lastLogged: lastLogged, entries: known.followUps.count)
            if laterFollowUp { known.next = known.followUps.last { $0.next != nil }?.next }
        }
        return known
    }
}

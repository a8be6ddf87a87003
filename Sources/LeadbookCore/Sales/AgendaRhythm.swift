import LeadbookText

// The rhythms beside the cadence (the toolkit, section 3: S a meeting every week, A an email
// or call every week): each kept, or an agenda item (`rhythm`) saying what is missing.

extension TimePolicy {
    public struct RhythmState {
        public var grade: Grade
        public var rhythm: Rhythm
        /// The last follow-up on one of the rhythm's channels.
        public var last: LocalDate?
        /// The last such follow-up, or when the customer was assigned (else captured).
        public var since: LocalDate
        public var due: LocalDate
    }

    /// The rhythm of an open customer's grade, if it has one, and when the next contact on one
    /// of its channels is due.
    public func rhythm(_ customer: Customer) -> RhythmState? {
        guard customer.isOpen, let grade = DerivedValues.workingGrade(customer, configuration),
              let rhythm = configuration.rhythms[grade] else { return nil }
        var last: LocalDate?
        for entry in customer.followUps {
            guard let date = entry.date, let channel = entry.channel, rhythm.channels.contains(channel) else { continue }
            if last.map({ date > $0 }) ?? true { last = date }
        }
        guard let since = last ?? (customer.assigned ?? customer.created)?.date else { return nil }
        return RhythmState(grade: grade, rhythm: rhythm, last: last, since: since, due: since.adding(days: rhythm.days))
    }
}

extension Agenda.Scope {
    /// The rhythm's next contact, when it is due by the horizon.
    func rhythmItems(_ customer: Customer, _ add: (Agenda.Kind, LocalDateTime, Phrase, String?) -> Void) {
        guard let state = policy.rhythm(customer) else { return }
        add(.rhythm, TimePolicy.endOfDay(state.due), Wording<Agenda>.rhythm(state).phrase, customer.owner)
    }
}

extension Rhythm {
    /// `meeting or visit`, `meeting, visit or video` / `面谈或拜访`、`面谈、拜访或线上会议`.
    public var channelsPhrase: Phrase {
        func list(_ names: [String], _ comma: String, _ or: String) -> String {
            names.count < 2 ? names.joined() : names.dropLast().joined(separator: comma) + or + names.last!
        }
        return Phrase(list(channels.map(\.rawValue), ", ", " or "), list(channels.map(\.label), "、", "或"))
    }
}

extension Wording where Of == Agenda {
    public static let rhythmLabel = Self("rhythm", "跟进节奏")

    /// `S: no meeting or visit since 2024-03-01, one every 7 days`.
    public static func rhythm(_ state: TimePolicy.RhythmState) -> Self {
        let channels = state.rhythm.channelsPhrase
        let days = state.rhythm.days
        let grade = state.grade.rawValue
        if let last = state.last {
            return Self("\(grade): no \(channels.en) since \(last), one every \(days) day\(days == 1 ? "" : "s")",
                        "\(last) 以来没有\(channels.zh)（\(grade) 级每 \(days) 天一次）")
        }
        return Self("\(grade): no \(channels.en) yet (since \(state.since)), one every \(days) day\(days == 1 ? "" : "s")",
                    "\(state.since) 以来还没有\(channels.zh)（\(grade) 级每 \(days) 天一次）")
    }
}

extension Explanation {
    /// The line under "Cadence" for the grade's rhythm: channels, days, the last one and when
    /// the next is due.
    static func rhythmLines(_ customer: Customer, _ policy: TimePolicy, asOf: LocalDateTime, late: (Wording<Explanation>) -> Phrase) -> [Phrase] {
        guard let state = policy.rhythm(customer) else { return [] }
        let overdue = state.due < asOf.date ? late(Words.overdueBy(days: asOf.date.dayNumber - state.due.dayNumber)) : .empty
        return [Words.rhythm(state).phrase + overdue]
    }
}

extension Wording where Of == Explanation {
    /// `  and meeting or visit every 7 days: last 2024-03-01, next by 2024-03-08`.
    public static func rhythm(_ state: TimePolicy.RhythmState) -> Self {
        let channels = state.rhythm.channelsPhrase
        let days = state.rhythm.days
        let last = Phrase(state.last.map { "last \($0)" } ?? "none yet since \(state.since)", state.last.map { "上次 \($0)" } ?? "\(state.since) 以来尚无")
        return Self("  and \(channels.en) every \(days) day\(days == 1 ? "" : "s"): \(last.en), next by \(state.due)",
                    "  另外每 \(days) 天一次\(channels.zh)：\(last.zh)，\(state.due) 前")
    }
}

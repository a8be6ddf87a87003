import LeadbookText

/// The agenda items of the feedback loop (the toolkit, section 5) and of to-dos between
/// people: every handling has its deadline (`fix` in hours, `negotiate` and `decline` by `due`
/// or leadbook.yml's days, no handling yet: deciding one), then the confirmation with the
/// customer; a to-do goes to its `@owner` (a member or a responder), and a `^requester` sees
/// it too, as waiting for that owner.
extension Agenda.Scope {
    /// Who an item of this name goes to: the name as leadbook.yml spells it when it is a member
    /// or a responder; else the customer's owner, and the name is said in the detail. Without
    /// a team or responders in leadbook.yml, nobody is known: the customer's owner, as before.
    func responsible(_ name: String?, _ customer: Customer) -> (owner: String?, unknown: String?) {
        guard let name, !name.isEmpty, configuration.namesOwners else { return (customer.owner, nil) }
        if let known = configuration.responder(named: name) { return (known.name, nil) }
        return (customer.owner, name)
    }

    /// One item, or nil past the horizon.
    func item(_ customer: Customer, id: String, grade: Grade?, _ kind: Agenda.Kind, _ due: LocalDateTime, _ detail: Phrase,
              owner: String?) -> Agenda.Item? {
        guard due <= horizon else { return nil }
        let important = grade == .S || grade == .A
        let overdue = due < asOf
        let urgent = overdue || due.minuteNumber - asOf.minuteNumber <= 1440
        let quadrant: Agenda.Quadrant = urgent ? (important ? .urgentImportant : .urgent) : (important ? .important : .neither)
        return Agenda.Item(owner: owner, customerId: id, customerName: customer.name ?? "", kind: kind, due: due,
                           overdue: overdue, detailPhrase: detail, quadrant: quadrant, grade: grade)
    }

    /// Each open feedback entry's next step: a handling to decide, an answer by its deadline, a
    /// confirmation after it was resolved.
    public func feedbackItems(_ customer: Customer, id: String, grade: Grade?) -> [Agenda.Item] {
        var items: [Agenda.Item] = []
        for entry in customer.feedback {
            guard let date = entry.date else { continue }
            let (owner, unknown) = responsible(entry.owner, customer)
            // A detail names the entry's owner only when the item could not go to them.
            if entry.resolved == nil {
                var detail: Phrase?
                var due: LocalDateTime?
                switch entry.handling {
                case .fix?:
                    due = policy.answerDeadline(entry)
                    // Counted from the feedback's time when its heading has one: say it.
                    let came = LocalDateTime(date: date, minutes: entry.time ?? 0, hasTime: entry.time != nil)
                    detail = Wording<Agenda>.answerWithin(entry.summary, configuration.feedbackFixHours, of: came, with: unknown,
                                                             working: configuration.businessHours != nil).phrase
                case let handling?:
                    due = policy.answerDeadline(entry)
                    detail = Wording<Agenda>.answerBy(entry.summary, handling, due: entry.due,
                                                      days: handling == .negotiate ? configuration.feedbackNegotiateDays : configuration.feedbackDeclineDays,
                                                      of: date, with: unknown).phrase
                case nil:
                    due = policy.handlingDeadline(entry).map(TimePolicy.endOfDay)
                    detail = Wording<Agenda>.decideHandling(entry.summary, configuration.feedbackHandlingDays, of: date, with: unknown).phrase
                }
                if let due, let detail, var item = item(customer, id: id, grade: grade, .feedback, due, detail, owner: owner) {
                    item.step = entry.handling == nil ? .handling : .answer
                    items.append(item)
                }
            }
            // The customer is asked by a rep: the entry's owner when a member, else the customer's.
            let rep = owner.flatMap { configuration.member(named: $0) != nil ? $0 : nil } ?? customer.owner
            if entry.confirmed == nil, let resolved = entry.resolved, let deadline = policy.confirmDeadline(entry),
               let item = item(customer, id: id, grade: grade, .confirmation, TimePolicy.endOfDay(deadline),
                               Wording<Agenda>.confirmWithin(entry.summary, resolved, configuration.feedbackConfirmDays).phrase,
                               owner: rep) {
                items.append(item)
            }
        }
        return items
    }

    /// Each open to-do with a date, for its owner; one asked for by someone else also on the
    /// requester's agenda, as waiting for the owner.
    public func todoItems(_ customer: Customer, id: String, grade: Grade?) -> [Agenda.Item] {
        var items: [Agenda.Item] = []
        for entry in customer.followUps {
            for todo in entry.todos where !todo.done {
                guard let date = todo.date else { continue }
                let (owner, unknown) = responsible(todo.owner, customer)
                let requester = todo.requester.flatMap { name -> String? in
                    let (asker, unknown) = responsible(name, customer)
                    return unknown == nil ? asker : nil
                }
                let due = TimePolicy.endOfDay(date)
                let asked = requester.flatMap { $0 == owner ? nil : $0 }
                var detail = asked.map { Wording<Agenda>.askedBy(todo.text, $0).phrase } ?? Phrase(verbatim: todo.text)
                if let unknown { detail += Wording<Agenda>.unknownOwner(unknown).phrase }
                guard var item = item(customer, id: id, grade: grade, .todo, due, detail, owner: owner) else { continue }
                item.requester = asked
                items.append(item)
                if let asked {
                    item.owner = asked
                    item.waitingFor = owner
                    item.detailPhrase = Wording<Agenda>.waitingFor(owner, todo.text).phrase
                    items.append(item)
                }
            }
        }
        return items
    }
}

extension Wording where Of == Agenda {
    /// `negotiate` or `decline`: by the entry's `due`, or the default days.
    public static func answerBy(_ summary: String, _ handling: Handling, due: LocalDate?, days: Int, of date: LocalDate, with unknown: String?) -> Self {
        let what = handling == .negotiate ? Phrase("offer an alternative", "协商替代方案") : Phrase("tell the customer honestly it cannot be done", "如实告诉客户无法解决")
        let by = due.map { Phrase("by \($0) (due)", "完成时限 \($0)") }
            ?? Phrase("within \(days) day\(days == 1 ? "" : "s") of \(date)", "\(date) 起 \(days) 天内")
        let with = unknown.map { Phrase(", with \($0)", "，协同 \($0)") } ?? Phrase(verbatim: "")
        return Self(Phrase(verbatim: summary) + Phrase(": ", "（") + what + Phrase(" ", "，") + by + with + Phrase("", "）"))
    }

    /// Feedback with no handling yet.
    public static func decideHandling(_ summary: String, _ days: Int, of date: LocalDate, with unknown: String?) -> Self {
        Self("\(summary): decide the handling (fix, negotiate or decline) within \(days) day\(days == 1 ? "" : "s") of \(date)"
                + (unknown.map { ", with \($0)" } ?? ""),
             "\(summary)（\(date) 起 \(days) 天内定下处理方式：立即解决、协商解决或无法解决" + (unknown.map { "，协同 \($0)" } ?? "") + "）")
    }

    /// A to-do on its owner's agenda, asked for by someone else.
    public static func askedBy(_ text: String, _ requester: String) -> Self {
        Self("\(text) (asked by \(requester))", "\(text)（\(requester) 提出）")
    }

    /// After a to-do whose `@name` is neither a member nor a responder (on the customer owner's agenda).
    public static func unknownOwner(_ name: String) -> Self {
        Self(" (for \(name): not in the team or responders of leadbook.yml)", "（给 \(name)：不在 leadbook.yml 的团队或响应方里）")
    }

    /// The same to-do on the requester's agenda.
    public static func waitingFor(_ owner: String?, _ text: String) -> Self {
        Self(Phrase("waiting for ", "等待 ") + (owner.map { Phrase(verbatim: $0) } ?? unassigned.phrase) + Phrase(": ", "：") + Phrase(verbatim: text))
    }
}

import LeadbookCore
import LeadbookText

/// `leadbook-bench verify DIR`: reads a generated workspace back through LeadbookCore's public
/// reader and checks what the generator promises beyond the file format: derived fields agree
/// with the log, the seed's time rules hold, names, phones and e-mails are unique, and every
/// file round-trips: rewritten without a change it keeps its bytes, and `sync` run twice
/// changes nothing the second time.
enum Verify {
    static func run(_ directory: String, limit: Int = 20) -> Int {
        let workspace = Workspace.open(root: directory)
        let configuration = workspace.configuration
        var problems: [String] = []
        var names: [String: String] = [:]
        var phones: [String: String] = [:]
        var emails: [String: String] = [:]
        let team = Set(configuration.team.map(\.name))

        func report(_ path: String, _ message: String) {
            problems.append("\(path): \(message)")
        }

        for path in workspace.customerPaths {
            guard case .success(let bytes) = FileAccess.read(workspace.absolute(path)) else {
                report(path, "cannot read")
                continue
            }
            let result = CustomerReader.read(path: path, bytes: bytes, configuration: configuration)
            for finding in result.findings.diagnostics {
                report(path, "\(finding.line):\(finding.column) \(finding.rule.id): \(finding.message)")
            }
            guard let customer = result.customer else { continue }
            check(customer, path, configuration, team, report)
            roundTrip(result, path, bytes, configuration, report)
            if let name = customer.name {
                if let other = names[name] { report(path, "name \(name) also in \(other)") } else { names[name] = path }
            }
            for contact in customer.contacts {
                if let phone = contact.phone {
                    if let other = phones[phone], other != path { report(path, "phone \(phone) also in \(other)") } else { phones[phone] = path }
                }
                if let email = contact.email {
                    if let other = emails[email], other != path { report(path, "email \(email) also in \(other)") } else { emails[email] = path }
                }
            }
        }
        for problem in problems.prefix(limit) { print(problem) }
        if problems.count > limit { print("... and \(problems.count - limit) more") }
        print("verified \(workspace.customerPaths.count) customer files: \(problems.count) problems")
        return problems.count
    }

    static func roundTrip(_ result: CustomerReader.Result, _ path: String, _ bytes: [UInt8], _ configuration: Configuration,
                          _ report: (String, String) -> Void) {
        do {
            if try RecordEdit(bytes: bytes, read: result).apply() != bytes { report(path, "rewritten without a change, its bytes change") }
        } catch {
            report(path, "cannot be rewritten: \(error)")
        }
        switch CustomerSync.sync(result, path: path, bytes: bytes, configuration: configuration) {
        case .changed(let change):
            if case .changed(let again) = CustomerSync.sync(path: path, bytes: change.after, configuration: configuration) {
                report(path, "a second sync changes it again: \(again.notes.joined(separator: ", "))")
            }
        case .skipped(_, let errors):
            report(path, "sync skips it (\(errors) errors)")
        case .unchanged:
            break
        }
    }

    static func check(_ customer: Customer, _ path: String, _ configuration: Configuration, _ team: Set<String>,
                      _ report: (String, String) -> Void) {
        let log = customer.followUps
        if let last = log.last(where: { $0.status != nil })?.status, customer.status != last {
            report(path, "status \(customer.status?.rawValue ?? "-") but the log's last status is \(last.rawValue)")
        }
        if let last = log.last(where: { $0.next != nil })?.next, customer.next != last {
            report(path, "next \(customer.next?.description ?? "-") but the log's last next is \(last)")
        }
        if let total = customer.score?.total, customer.grade != configuration.scoring.grade(forTotal: total) {
            report(path, "grade \(customer.grade?.rawValue ?? "-") does not match score \(total)")
        }
        if let owner = customer.owner, !team.contains(owner) { report(path, "owner \(owner) not in team") }
        for entry in log {
            for todo in entry.todos {
                if todo.date == nil { report(path, "to-do without date on line \(todo.line)") }
                if let owner = todo.owner, !team.contains(owner) { report(path, "to-do owner \(owner) not in team") }
            }
        }
        var previous: LocalDateTime?
        for entry in log {
            guard let moment = entry.moment else { report(path, "entry without date"); continue }
            if let previous, moment.date < previous.date || (moment.date == previous.date && entry.time != nil && previous.hasTime && moment.minutes < previous.minutes) {
                report(path, "entry of \(moment) before \(previous)")
            }
            previous = moment
        }
        // Seed rules with time in them.
        if let intent = customer.intent, let created = customer.created, let hours = configuration.slaHours[intent] {
            let limit = TimePolicy(configuration).deadline(from: created, hours: hours).minuteNumber
            if let assigned = customer.assigned, assigned.minuteNumber > limit { report(path, "assigned after the \(hours)h SLA") }
            if let first = log.first?.moment, first.minuteNumber > limit { report(path, "first follow-up after the \(hours)h SLA") }
            if let first = log.first?.moment, let assigned = customer.assigned, first < assigned { report(path, "first follow-up before assignment") }
        }
        if let grade = customer.grade, let cadence = configuration.cadenceDays[grade] {
            var closed = false
            for (position, entry) in log.enumerated() where position > 0 {
                if let status = log[position - 1].status, status.isClosed { closed = true }
                if closed { break }
                if let day = entry.date, let before = log[position - 1].date, day.dayNumber - before.dayNumber > cadence {
                    report(path, "\(day.dayNumber - before.dayNumber) days between follow-ups of a \(grade.rawValue) lead")
                }
            }
            if let owner = customer.owner, let member = configuration.member(named: owner) {
                let expected: TeamRole = grade == .S ? .manager : grade == .A ? .senior : .junior
                if member.role != expected { report(path, "\(grade.rawValue) lead owned by a \(member.role?.rawValue ?? "-")") }
            }
        }
        for item in customer.feedback {
            if item.handling == .fix, let date = item.date, let resolved = item.resolved, resolved.dayNumber - date.dayNumber > 1 {
                report(path, "fix resolved after 24 hours")
            }
            if let resolved = item.resolved, let confirmed = item.confirmed, confirmed.dayNumber - resolved.dayNumber > 3 {
                report(path, "confirmed more than 3 days after resolved")
            }
        }
        if customer.status == .won, customer.deal?.amount == nil || customer.deal?.closed == nil { report(path, "won without deal") }
        if customer.status == .lost, customer.lostReason == nil { report(path, "lost without lost_reason") }
    }
}

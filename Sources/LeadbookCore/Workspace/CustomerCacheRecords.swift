import LeadbookText

// How the records the parallel phase reduces a customer file to are written into the per-file
// cache (`CustomerCache`) and read back: every field, so that what a cached run shows is what
// a run that reads the file shows. A value that cannot be read back (a rule id this build does
// not know, a vocabulary word it does not have) fails the record, and the file is read.

extension BinaryWriter {
    public mutating func dateTime(_ value: LocalDateTime) {
        int(value.date.dayNumber)
        int(value.minutes)
        bool(value.hasTime)
    }

    mutating func optionalDateTime(_ value: LocalDateTime?) {
        bool(value != nil)
        if let value { dateTime(value) }
    }

    mutating func phrase(_ value: Phrase) {
        text(value.en)
        // Most texts from a file read the same in both languages: the Chinese only when it differs.
        bool(value.zh != value.en)
        if value.zh != value.en { text(value.zh) }
    }

    mutating func vocabulary<V: RawRepresentable>(_ value: V?) where V.RawValue == String {
        optionalText(value?.rawValue)
    }

    /// A diagnostic of the file at `path` (its own path is not repeated).
    mutating func diagnostic(_ value: Diagnostic, path: String) {
        bool(value.file != path)
        if value.file != path { text(value.file) }
        int(value.line)
        int(value.column)
        text(value.rule.id)
        phrase(value.phrase)
        phrase(value.hintPhrase)
        optionalText(value.sourceLine)
        int(value.caretOffset)
        bool(value.fix != nil)
        if let fix = value.fix {
            int(fix.range.lowerBound)
            int(fix.range.upperBound)
            data(fix.replacement)
        }
        bool(value.derived != nil)
        if let derived = value.derived {
            byte(derived.value == .grade ? 0 : derived.value == .status ? 1 : 2)
            bool(derived.written)
        }
    }

    mutating func optionalDiagnostic(_ value: Diagnostic?, path: String) {
        bool(value != nil)
        if let value { diagnostic(value, path: path) }
    }

    mutating func diagnostics(_ values: [Diagnostic], path: String) {
        unsigned(UInt64(values.count))
        for value in values { diagnostic(value, path: path) }
    }

    mutating func facts(_ value: CustomerFacts) {
        optionalText(value.id)
        optionalDiagnostic(value.idAnchor, path: value.path)
        optionalDateTime(value.created)
        optionalText(value.mergedInto)
        optionalDiagnostic(value.mergedIntoAnchor, path: value.path)
        optionalText(value.name)
        unsigned(UInt64(value.duplicateDigests.count))
        for digest in value.duplicateDigests { fixed(digest) }
    }

    mutating func indexLine(_ value: IndexLine) {
        value.bytes.withUnsafeBufferPointer { data($0) }
        fixed(value.digest.high)
        fixed(value.digest.low)
    }

    mutating func indexRows(_ value: IndexRows) {
        text(value.id)
        optionalText(value.owner)
        unsigned(UInt64(value.rows.count))
        for row in value.rows {
            byte(UInt8(IndexTable.allCases.firstIndex(of: row.table)!))
            int(Int(row.sequence))
            int(Int(row.day))
            int(Int(row.minute))
            indexLine(row.line)
        }
        unsigned(UInt64(value.owned.count))
        for line in value.owned { indexLine(line) }
        optionalInt(value.newestFollowUp.map(Int.init))
    }
}

extension BinaryReader {
    mutating func dateTime() -> LocalDateTime {
        let day = int()
        let minutes = int()
        let hasTime = bool()
        return LocalDateTime(date: LocalDate(dayNumber: day), minutes: minutes, hasTime: hasTime)
    }

    mutating func optionalDateTime() -> LocalDateTime? {
        bool() ? dateTime() : nil
    }

    mutating func phrase() -> Phrase {
        let en = text()
        return bool() ? Phrase(en, text()) : Phrase(verbatim: en)
    }

    mutating func vocabulary<V: RawRepresentable>(_ type: V.Type) -> V? where V.RawValue == String {
        guard let raw = optionalText() else { return nil }
        guard let value = V(rawValue: raw) else { fail(); return nil }
        return value
    }

    mutating func diagnostic(path: String) -> Diagnostic {
        let file = bool() ? text() : path
        let line = int()
        let column = int()
        let id = text()
        guard let rule = CustomerCache.rules[id] else {
            fail()
            return Diagnostic(file: file, line: line, column: column, rule: RuleCatalog.all[0], message: .empty, hint: .empty)
        }
        let message = phrase()
        let hint = phrase()
        let sourceLine = optionalText()
        let caretOffset = int()
        var fix: Fix?
        if bool() {
            let lower = int()
            let upper = int()
            let replacement = data()
            if lower <= upper { fix = Fix(replacing: lower..<upper, with: replacement) } else { fail() }
        }
        var derived: DerivedFinding?
        if bool() {
            let value = byte()
            derived = DerivedFinding(value == 0 ? .grade : value == 1 ? .status : .next, written: bool())
            if value > 2 { fail() }
        }
        return Diagnostic(file: file, line: line, column: column, rule: rule, message: message, hint: hint,
                          sourceLine: sourceLine, caretOffset: caretOffset, fix: fix, derived: derived)
    }

    mutating func optionalDiagnostic(path: String) -> Diagnostic? {
        bool() ? diagnostic(path: path) : nil
    }

    mutating func diagnostics(path: String) -> [Diagnostic] {
        let count = count()
        var values: [Diagnostic] = []
        values.reserveCapacity(count)
        for _ in 0..<count where !failed { values.append(diagnostic(path: path)) }
        return values
    }

    mutating func facts(path: String, root: String) -> CustomerFacts {
        var facts = CustomerFacts(path: path)
        facts.root = root
        facts.id = optionalText()
        facts.idAnchor = optionalDiagnostic(path: path)
        facts.created = optionalDateTime()
        facts.mergedInto = optionalText()
        facts.mergedIntoAnchor = optionalDiagnostic(path: path)
        facts.name = optionalText()
        let count = count()
        facts.duplicateDigests.reserveCapacity(count)
        for _ in 0..<count where !failed { facts.duplicateDigests.append(fixed()) }
        return facts
    }

    mutating func indexLine() -> IndexLine {
        let text = data()
        let high = fixed()
        return IndexLine(text: text, digest: LineDigest(high: high, low: fixed()))
    }

    mutating func indexRows(path: String) -> IndexRows {
        let id = text()
        let owner = optionalText()
        let count = count()
        var rows: [IndexRow] = []
        rows.reserveCapacity(count)
        for _ in 0..<count where !failed {
            let table = Int(byte())
            guard table < IndexTable.allCases.count else { fail(); break }
            let sequence = Int32(clamping: int())
            let day = Int32(clamping: int())
            let minute = Int16(clamping: int())
            rows.append(IndexRow(table: IndexTable.allCases[table], sequence: sequence, day: day, minute: minute, line: indexLine()))
        }
        let ownedCount = self.count()
        var owned: [IndexLine] = []
        for _ in 0..<ownedCount where !failed { owned.append(indexLine()) }
        let newest = optionalInt().map { Int32(clamping: $0) }
        return IndexRows(path: path, id: id, owner: owner, rows: rows, owned: owned, newestFollowUp: newest)
    }
}

extension CustomerCache {
    /// The rules by id, for diagnostics read back.
    static let rules: [String: Rule] = Dictionary(RuleCatalog.all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
}

extension WorkspaceCheck {
    /// What `check` keeps of a file: its diagnostics, its facts and, with the index, its rows.
    typealias FileResult = (([Diagnostic], CustomerFacts), IndexRows?)

    /// A record of `check`: whether it was made with the index's rows (then only in the
    /// cache's context: the same window), the facts (first, so that `new` reads only them),
    /// the diagnostics, the rows.
    static func coding(paths: [String], root: String, withIndex: Bool) -> CustomerCache.Coding<FileResult> {
        CustomerCache.Coding(encode: { value, writer in
            writer.bool(value.1 != nil)
            writer.facts(value.0.1)
            writer.diagnostics(value.0.0, path: value.0.1.path)
            if let rows = value.1 { writer.indexRows(rows) }
            return true
        }, decode: { reader, sameContext, index in
            let hasRows = reader.bool()
            guard hasRows == withIndex, !hasRows || sameContext else { return nil }
            let path = paths[index]
            let facts = reader.facts(path: path, root: root)
            let diagnostics = reader.diagnostics(path: path)
            return ((diagnostics, facts), hasRows ? reader.indexRows(path: path) : nil)
        })
    }

    /// The facts alone, from a record of either kind (the diagnostics and rows are skipped).
    static func factsCoding(paths: [String], root: String) -> CustomerCache.Coding<([Diagnostic], CustomerFacts)> {
        CustomerCache.Coding(encode: { value, writer in
            writer.bool(false)
            writer.facts(value.1)
            writer.diagnostics(value.0, path: value.1.path)
            return true
        }, decode: { reader, _, index in
            _ = reader.bool()
            let facts = reader.facts(path: paths[index], root: root)
            reader.skipRest()
            return ([], facts)
        })
    }
}

extension SummaryInput {
    /// A record of `summary`: made at the cache's `--as-of` only.
    static let coding = CustomerCache.Coding<Read>(encode: { value, writer in
        guard case .extracted(let extraction, let hasErrors) = value else {
            writer.byte(0)
            return true
        }
        writer.byte(hasErrors ? 2 : 1)
        switch extraction {
        case .record(let record):
            writer.byte(1)
            writer.summaryRecord(record)
        case .tombstone: writer.byte(2)
        case .later: writer.byte(3)
        case .undated: writer.byte(4)
        }
        return true
    }, decode: { reader, sameContext, _ in
        guard sameContext else { return nil }
        let tag = reader.byte()
        if tag == 0 { return .unreadable }
        guard tag <= 2 else { return nil }
        let hasErrors = tag == 2
        switch reader.byte() {
        case 1: return .extracted(.record(reader.summaryRecord()), hasErrors: hasErrors)
        case 2: return .extracted(.tombstone, hasErrors: hasErrors)
        case 3: return .extracted(.later, hasErrors: hasErrors)
        case 4: return .extracted(.undated, hasErrors: hasErrors)
        default: return nil
        }
    })
}

extension BinaryWriter {
    mutating func summaryRecord(_ value: SummaryRecord) {
        text(value.id)
        text(value.name)
        optionalText(value.source)
        vocabulary(value.grade)
        optionalText(value.owner)
        optionalText(value.region)
        optionalText(value.industry)
        dateTime(value.created)
        text(value.status.rawValue)
        int(value.reached)
        optionalInt(value.closed?.dayNumber)
        optionalInt(value.budgetCents)
        optionalInt(value.dealCents)
        optionalInt(value.cycleDays)
        optionalInt(value.responseMinutes)
        byte(value.slaMet.map { $0 ? 1 : 0 } ?? 2)
        int(value.cadenceAsked)
        int(value.cadenceDone)
        byte(value.keyFields)
        let counts = value.feedback.counts.sorted { $0.key.rawValue < $1.key.rawValue }
        unsigned(UInt64(counts.count))
        for (type, count) in counts {
            text(type.rawValue)
            int(count)
        }
        int(value.feedback.untyped)
        optionalText(value.lostReason)
        int(value.followUps)
        unsigned(UInt64(value.satisfactions.count))
        for satisfaction in value.satisfactions { int(satisfaction) }
        unsigned(UInt64(value.lateFeedback.count))
        for late in value.lateFeedback {
            int(late.number)
            optionalText(late.owner)
            text(late.step.step.rawValue)
            dateTime(late.step.due)
            int(late.step.done == nil ? 0 : 1)
            int(late.step.done?.dayNumber ?? 0)
            int(late.step.daysLate)
        }
        for days in value.funnel.days { int(days) }
        vocabulary(value.funnel.lostAt)
        text(value.screening.rawValue)
    }
}

extension BinaryReader {
    mutating func summaryRecord() -> SummaryRecord {
        let id = text()
        let name = text()
        let source = optionalText()
        let grade = vocabulary(Grade.self)
        let owner = optionalText()
        let region = optionalText()
        let industry = optionalText()
        let created = dateTime()
        guard let status = Status(rawValue: text()) else {
            fail()
            return SummaryRecord(id: id, name: name, created: created, status: .untouched)
        }
        var record = SummaryRecord(id: id, name: name, created: created, status: status)
        record.source = source
        record.grade = grade
        record.owner = owner
        record.region = region
        record.industry = industry
        record.reached = int()
        record.closed = optionalInt().map { LocalDate(dayNumber: $0) }
        record.budgetCents = optionalInt()
        record.dealCents = optionalInt()
        record.cycleDays = optionalInt()
        record.responseMinutes = optionalInt()
        switch byte() {
        case 0: record.slaMet = false
        case 1: record.slaMet = true
        case 2: record.slaMet = nil
        default: fail()
        }
        record.cadenceAsked = int()
        record.cadenceDone = int()
        record.keyFields = byte()
        let count = count()
        for _ in 0..<count where !failed {
            guard let type = FeedbackType(rawValue: text()) else { fail(); break }
            record.feedback.counts[type] = int()
        }
        record.feedback.untyped = int()
        record.lostReason = optionalText()
        record.followUps = int()
        let satisfactions = self.count()
        for _ in 0..<satisfactions where !failed { record.satisfactions.append(int()) }
        let lateCount = self.count()
        for _ in 0..<lateCount where !failed {
            let number = int()
            let owner = optionalText()
            guard let step = TimePolicy.LateStep.Step(rawValue: text()) else { fail(); break }
            let due = dateTime()
            let isDone = int() == 1
            let doneDay = int()
            let done = isDone ? LocalDate(dayNumber: doneDay) : nil
            let daysLate = int()
            record.lateFeedback.append(SummaryRecord.LateFeedback(number: number, owner: owner,
                                                                  step: TimePolicy.LateStep(step: step, due: due, done: done, daysLate: daysLate)))
        }
        for rank in record.funnel.days.indices { record.funnel.days[rank] = int() }
        record.funnel.lostAt = vocabulary(Status.self)
        if let screening = ScreeningResult.Outcome(rawValue: text()) { record.screening = screening } else { fail() }
        return record
    }
}

extension Agenda {
    /// A record of `agenda`: whether the file has errors, then the customer's items (all of
    /// them: `--owner` chooses after).
    public static let coding = CustomerCache.Coding<([Item]?, Bool)>(encode: { value, writer in
        writer.bool(value.1)
        writer.bool(value.0 != nil)
        guard let items = value.0 else { return true }
        writer.unsigned(UInt64(items.count))
        for item in items {
            writer.optionalText(item.owner)
            writer.text(item.customerId)
            writer.text(item.customerName)
            writer.text(item.kind.rawValue)
            writer.dateTime(item.due)
            writer.bool(item.overdue)
            writer.phrase(item.detailPhrase)
            writer.text(item.quadrant.rawValue)
            writer.vocabulary(item.grade)
            writer.optionalText(item.requester)
            writer.optionalText(item.waitingFor)
            writer.optionalText(item.step?.rawValue)
        }
        return true
    }, decode: { reader, sameContext, _ in
        guard sameContext else { return nil }
        let hasErrors = reader.bool()
        guard reader.bool() else { return (nil, hasErrors) }
        let count = reader.count()
        var items: [Item] = []
        items.reserveCapacity(count)
        for _ in 0..<count where !reader.failed {
            let owner = reader.optionalText()
            let customerId = reader.text()
            let customerName = reader.text()
            guard let kind = Kind(rawValue: reader.text()) else { return nil }
            let due = reader.dateTime()
            let overdue = reader.bool()
            let detail = reader.phrase()
            guard let quadrant = Quadrant(rawValue: reader.text()) else { return nil }
            let grade = reader.vocabulary(Grade.self)
            let requester = reader.optionalText()
            let waitingFor = reader.optionalText()
            let step = reader.optionalText()
            var stepValue: FeedbackStep?
            if let step { guard let known = FeedbackStep(rawValue: step) else { return nil }; stepValue = known }
            items.append(Item(owner: owner, customerId: customerId, customerName: customerName, kind: kind, due: due,
                              overdue: overdue, detailPhrase: detail, quadrant: quadrant, grade: grade,
                              requester: requester, waitingFor: waitingFor, step: stepValue))
        }
        return (items, hasErrors)
    })
}

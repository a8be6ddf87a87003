import LeadbookText

/// One line of a generated index: its bytes when the index is written, or only its fingerprint
/// when it is checked (`text` is then empty).
public struct IndexLine: Sendable {
    /// The line's bytes: once `WorkspaceIndex.map` has gathered a batch's rows, a slice of one
    /// buffer shared by all of them (a small array of its own costs a heap block of about 50
    /// bytes beside the row's 300, and an index of 100,000 customers has 466,000 rows).
    public var bytes: ArraySlice<UInt8>
    public var digest: LineDigest

    /// The line's bytes as an array of their own.
    public var text: [UInt8] { Array(bytes) }

    public init(text: [UInt8], digest: LineDigest) {
        bytes = text[...]
        self.digest = digest
    }
}

/// One row of one of the five tables, for one customer.
public struct IndexRow: Sendable {
    public var table: IndexTable
    /// Position among the customer's rows of this table (plan step, entry of the log).
    public var sequence: Int32
    /// Follow-ups and feedback: the entry's day (days since 1970) and minutes + 1 (0 when the
    /// entry has no time), to put the newest first.
    public var day: Int32
    public var minute: Int16
    /// The row as it appears in the index file.
    public var line: IndexLine
}

/// What the index needs of one customer file: its rows in the five tables, already rendered.
/// Made in the parallel read phase, so the index never holds parsed customers.
public struct IndexRows: Sendable {
    public var path: String
    public var id: String
    public var owner: String?
    public var rows: [IndexRow]
    /// The same rows as they appear in a per-owner file (other relative links), when those
    /// are made; else empty.
    public var owned: [IndexLine]
    /// The day (days since 1970) of the customer's newest dated follow-up, when it was noted
    /// (`WorkspaceIndex.collect`, which makes the follow-up rows of the window only).
    public var newestFollowUp: Int32?

    /// Drops the follow-ups before `day`: they cannot be in the index's window.
    public mutating func dropFollowUps(before day: Int32) {
        guard rows.contains(where: { $0.table == .followUps && $0.day < day }) else { return }
        var keptRows: [IndexRow] = []
        var keptOwned: [IndexLine] = []
        for (index, row) in rows.enumerated() where row.table != .followUps || row.day >= day {
            keptRows.append(row)
            if !owned.isEmpty { keptOwned.append(owned[index]) }
        }
        rows = keptRows
        owned = keptOwned
    }
}

/// How rows are made: the configuration (language, team, PII, cycles), where the generated
/// files sit (for relative links), and whether to keep the text or only fingerprints.
public struct IndexExtraction: Sendable {
    public var configuration: Configuration
    /// Workspace-relative folder of the index file ("" for the root).
    public var folder: String
    /// Folder of the per-owner files, when they are made.
    public var ownerFolder: String?
    public var keepText: Bool
    /// Follow-ups before this day are not made (checking only: the index file's own window
    /// tells where the workspace's window can start at the earliest; see
    /// `WorkspaceIndex.checkFloor`).
    public var floor: LocalDate?

    public init(configuration: Configuration, folder: String, ownerFolder: String? = nil, keepText: Bool) {
        self.configuration = configuration
        self.folder = folder
        self.ownerFolder = ownerFolder
        self.keepText = keepText
    }

    public func line(_ bytes: [UInt8]) -> IndexLine {
        guard keepText else { return IndexLine(text: [], digest: LineDigest.of(bytes)) }
        // A copy of exactly the row's size: the writer's buffer is larger and is reused.
        let copy = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            _ = buffer.initialize(from: bytes)
            count = bytes.count
        }
        return IndexLine(text: copy, digest: LineDigest(high: 0, low: 0))
    }

    /// The rows of a customer; nil for a file that is not a customer (or a merged tombstone).
    public func rows(_ customer: Customer, path: String) -> IndexRows? {
        if customer.isTombstone { return nil }
        var renderer = IndexRowRenderer(customer: customer, path: path, extraction: self)
        let (rows, owned) = renderer.rows()
        return IndexRows(path: path, id: customer.id ?? "", owner: customer.owner.flatMap { $0.isEmpty ? nil : $0 },
                         rows: rows, owned: owned)
    }
}

/// Renders one customer's rows; the cells of each table follow `IndexTable.columns`.
public struct IndexRowRenderer {
    public let customer: Customer
    public let path: String
    public let extraction: IndexExtraction
    public let words: IndexWords
    public let configuration: Configuration
    public let grade: Grade?
    /// Without `index_pii`, the masking of what people wrote (see `free`).
    public let privacy: PrivateText.Masker?
    public var row = MarkdownRow()

    public init(customer: Customer, path: String, extraction: IndexExtraction) {
        self.customer = customer
        self.path = path
        self.extraction = extraction
        self.configuration = extraction.configuration
        self.words = IndexWords(language: extraction.configuration.language)
        // The grade the score gives, so the index agrees with `sync` even before it has run.
        self.grade = DerivedValues.grade(customer, extraction.configuration) ?? customer.grade
        self.privacy = extraction.configuration.indexPII ? nil : PrivateText.Masker(contacts: customer.contacts, names: false)
    }

    /// Free text a person wrote (needs, details, tags, plans, follow-ups, to-dos, feedback):
    /// without `index_pii`, phone numbers, emails, ID-card numbers and the contacts' WeChat ids
    /// in it are masked as the summary masks them (`PrivateText`). Names stay: the tables show
    /// the first contact and each counterpart by design.
    public func free(_ text: String?) -> String? {
        guard let text, let privacy else { return text }
        return privacy.masked(text)
    }

    public mutating func rows() -> ([IndexRow], [IndexLine]) {
        var rows: [IndexRow] = []
        var ownedLines: [IndexLine] = []
        rows.reserveCapacity(2 + customer.plan.count + customer.followUps.count + customer.feedback.count)
        let main = nameMarkup(link: MarkdownLink.relative(path, from: extraction.folder))
        let owned = extraction.ownerFolder.map { nameMarkup(link: MarkdownLink.relative(path, from: $0)) }

        func add(_ table: IndexTable, _ sequence: Int, day: Int32 = 0, minute: Int16 = 0,
                 _ render: (inout IndexRowRenderer, [UInt8]) -> Void) {
            render(&self, main)
            rows.append(IndexRow(table: table, sequence: Int32(sequence), day: day, minute: minute, line: extraction.line(row.bytes)))
            if let owned {
                render(&self, owned)
                ownedLines.append(extraction.line(row.bytes))
            }
        }
        // Follow-ups more than `index_days` before this customer's newest one cannot be in the
        // window (which ends at the newest follow-up of all customers): not made at all.
        let newest = customer.followUps.compactMap(\.date).max()
        var oldest = newest.map { $0.adding(days: -(max(1, configuration.indexDays) - 1)) }
        if let floor = extraction.floor, let current = oldest, floor > current { oldest = floor }

        add(.leads, 0) { $0.leads(link: $1) }
        add(.grading, 0) { $0.grading(link: $1) }
        for (index, step) in customer.plan.enumerated() {
            add(.plans, index) { $0.plan(step, link: $1) }
        }
        for (index, entry) in customer.followUps.enumerated() {
            guard let date = entry.date, let oldest, date >= oldest else { continue }
            add(.followUps, index, day: Int32(clamping: date.dayNumber), minute: Int16(entry.time.map { $0 + 1 } ?? 0)) {
                $0.followUp(entry, link: $1)
            }
        }
        for (index, entry) in customer.feedback.enumerated() {
            guard let date = entry.date else { continue }
            add(.feedback, index, day: Int32(clamping: date.dayNumber), minute: Int16(entry.time.map { $0 + 1 } ?? 0)) {
                $0.feedback(entry, link: $1)
            }
        }
        return (rows, ownedLines)
    }

    // MARK: Cells shared by the tables

    /// `[name](link)` as it appears in a cell, made once per customer and destination.
    public func nameMarkup(link: String) -> [UInt8] {
        var cell = MarkdownRow()
        let name = customer.name.flatMap { MarkdownRow.hasText($0) ? $0 : nil } ?? customer.id ?? WorkspacePath.fileName(path)
        cell.link(name, to: link)
        return cell.bytes
    }

    public mutating func nameCell(link: [UInt8]) {
        row.beginCell()
        row.raw(link)
        row.endCell()
    }

    public var owner: String? { customer.owner }

    // MARK: 线索获取与筛选表

    public mutating func leads(link: [UInt8]) {
        row.start()
        row.cell(customer.id)
        row.beginCell()
        if let source = customer.source {
            row.text(words.source(source))
            if source == "exhibition", let event = detail("event") {
                row.plain(words.zh ? "(" : " (")
                row.text(free(event) ?? event)
                row.plain(")")
            }
        }
        for record in customer.sources {
            if let source = record.source { row.part(words.source(source), separator: words.listSeparator) }
        }
        row.endCell()
        nameCell(link: link)
        row.cell(customer.industry)
        let contact = customer.contacts.first
        row.cell(contact?.name)
        row.cell(contact?.title)
        if configuration.indexPII {
            row.beginCell()
            row.part(contact?.phone, separator: words.listSeparator)
            row.part(contact?.email, separator: words.listSeparator)
            row.endCell()
        }
        row.cell(free(customer.needs))
        row.cell(customer.intent?.rawValue)
        row.cell(words.completeness(Completeness.of(customer)))
        row.beginCell()
        if let created = customer.created { row.moment(created) }
        row.endCell()
        row.cell(owner)
        row.beginCell()
        for (key, value) in customer.sourceDetail where key != "event" || customer.source != "exhibition" {
            row.part(free(words.detailValue(key, value)), label: words.detailKey(key), separator: words.partSeparator)
        }
        row.endCell()
    }

    public func detail(_ key: String) -> String? {
        customer.sourceDetail.first { $0.0 == key }.flatMap { MarkdownRow.hasText($0.1) ? $0.1 : nil }
    }

    // MARK: 线索分级与分配表

    public mutating func grading(link: [UInt8]) {
        row.start()
        row.cell(customer.id)
        nameCell(link: link)
        row.cell(grade.map(words.grade))
        row.cell(customer.score.map(words.score))
        row.beginCell()
        for tag in customer.tags { row.part(free(tag), separator: words.listSeparator) }
        row.endCell()
        row.cell(words.assignment(owner: owner, configuration: configuration))
        row.cell(owner)
        row.beginCell()
        if let assigned = customer.assigned { row.moment(assigned) }
        row.endCell()
        row.beginCell()
        if let first = customer.followUps.compactMap(\.moment).min() { row.moment(first) }
        row.endCell()
        row.cell(grade.flatMap { grade in configuration.expectedCycleDays[grade].map { words.cycle($0, grade: grade) } })
    }

    // MARK: 客户跟进计划表

    public mutating func plan(_ step: PlanStep, link: [UInt8]) {
        row.start()
        nameCell(link: link)
        row.cell(grade.map(words.grade))
        row.cell(step.stage.map { words.vocabulary($0) })
        row.cell(free(step.goal))
        row.beginCell()
        for channel in step.channels { row.part(words.vocabulary(channel), separator: words.zh ? "+" : " + ") }
        row.endCell()
        row.cell(free(step.points))
        if let due = step.due {
            row.beginCell()
            row.date(due)
            row.endCell()
        } else {
            row.cell(free(step.dueText))
        }
        row.cell(step.owner.flatMap { MarkdownRow.hasText($0) ? $0 : nil } ?? owner)
        row.cell(free(step.expected))
        row.cell(free(step.fallback))
    }

    // MARK: 客户跟进记录表

    public static let summaryKeys: [EntryKey] = [.background, .pain, .need, .value, .decision]
    public static let changeKeys: [EntryKey] = [.change, .feedback]

    public mutating func followUp(_ entry: FollowUp, link: [UInt8]) {
        row.start()
        row.beginCell()
        if let moment = entry.moment { row.moment(moment) }
        row.endCell()
        nameCell(link: link)
        row.cell(entry.channel.map { words.vocabulary($0) })
        row.cell(free(entry.counterpart))
        row.beginCell()
        for key in Self.summaryKeys {
            for (factKey, value) in entry.facts where factKey == key {
                row.part(free(value), label: words.entryKey(key), separator: words.partSeparator)
            }
        }
        if let mood = entry.mood { row.part(words.vocabulary(mood), label: words.entryKey(.mood), separator: words.partSeparator) }
        row.endCell()
        row.beginCell()
        for key in Self.changeKeys {
            for (factKey, value) in entry.facts where factKey == key {
                row.part(free(value), label: words.entryKey(key), separator: words.partSeparator)
            }
        }
        row.endCell()
        row.cell(entry.status.map { words.vocabulary($0) })
        row.beginCell()
        for todo in entry.todos {
            if row.hasContent { row.plain(words.partSeparator) }
            if let date = todo.date {
                row.date(date)
                row.plain(" ")
            }
            row.text(free(todo.text) ?? todo.text)
            if let owner = todo.owner, MarkdownRow.hasText(owner) {
                row.plain(" @")
                row.text(owner)
            }
            if let requester = todo.requester, MarkdownRow.hasText(requester) {
                row.plain(" ^")
                row.text(requester)
            }
            if todo.done { row.plain(words.done()) }
        }
        row.endCell()
        row.cell(owner)
        row.beginCell()
        if let next = entry.next { row.date(next) }
        row.endCell()
    }

    // MARK: 客户需求分析表

    public mutating func feedback(_ entry: FeedbackEntry, link: [UInt8]) {
        row.start()
        nameCell(link: link)
        row.beginCell()
        if let date = entry.date { row.moment(LocalDateTime(date: date, minutes: entry.time ?? 0, hasTime: entry.time != nil)) }
        row.endCell()
        row.cell(entry.channel.map { words.vocabulary($0) })
        row.cell(free(entry.summary))
        row.cell(entry.type.map(words.feedbackType))
        row.cell(entry.priority.map { words.vocabulary($0) })
        row.beginCell()
        for why in entry.whys { row.part(free(why), separator: " → ") }
        row.endCell()
        row.beginCell()
        if let handling = entry.handling { row.plain(words.vocabulary(handling)) }
        row.part(free(entry.plan), separator: words.zh ? "：" : ": ")
        row.endCell()
        row.cell(entry.owner.flatMap { MarkdownRow.hasText($0) ? $0 : nil } ?? owner)
        row.beginCell()
        if let due = entry.due { row.date(due) }
        row.endCell()
        row.beginCell()
        if let confirmed = entry.confirmed {
            row.date(confirmed)
            if let text = entry.confirmation, MarkdownRow.hasText(text) {
                row.plain(" ")
                row.text(free(text) ?? text)
            }
        } else {
            row.plain(words.confirmation(resolved: entry.resolved))
        }
        row.endCell()
    }
}

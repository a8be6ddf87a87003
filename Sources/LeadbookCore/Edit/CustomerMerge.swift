import LeadbookText

/// One profile from two files of the same customer (the toolkit's section 1: a customer arriving
/// through two channels is followed up once). KEEP gets OTHER's contacts, channel, log and
/// the facts it lacked; OTHER becomes a tombstone (`merged_into: KEEP`) holding the rest of
/// its lines, or is deleted.
///
/// Nothing of OTHER is lost: its follow-up and feedback entries move to KEEP byte for byte
/// (interleaved by date), every other line of it stays in the tombstone, and the lines of
/// KEEP's front matter that the merge changes are kept, as they were, in the merge record.
public enum CustomerMerge {
    public struct Input {
        public var path: String
        public var bytes: [UInt8]
        public var customer: Customer
        /// `bytes` read for editing, when the caller has it already (else the merge reads them).
        public var edit: RecordEdit?

        public init(path: String, bytes: [UInt8], customer: Customer, edit: RecordEdit? = nil) {
            self.path = path
            self.bytes = bytes
            self.customer = customer
            self.edit = edit
        }
    }

    public struct Outcome {
        public var keep: [UInt8]
        /// OTHER as a tombstone; nil when it is to be deleted.
        public var tombstone: [UInt8]?
        /// What was done, for people, in both languages.
        public var summary: [Phrase]
    }

    public struct Problem: Error, SaidError, CustomStringConvertible {
        /// What is wrong, in both languages.
        public var phrase: Phrase
        /// The problem in English.
        public var description: String { phrase.en }
    }

    /// Titles of the section that holds merge records (leadbook does not read it as a log).
    public static let recordTitles = ["Merges", "合并记录"]

    /// Where a key copied from OTHER goes: after the nearest field before it (CustomerField's order).
    public static func anchors(for key: String) -> [String] {
        CustomerField.anchors(for: key)
    }

    public static func merge(keep: Input, other: Input, configuration: Configuration, at: LocalDateTime,
                             deleteOther: Bool) throws -> Outcome {
        var merge = try MergeDraft(keep: keep, other: other, configuration: configuration)
        merge.contacts()
        merge.sources()
        merge.tags()
        try merge.fields()
        merge.log()
        try merge.derivedValues()
        let changedLines = merge.changedFrontMatterLines()
        let tombstone = try merge.tombstone(at: at)
        merge.appendRecord(at: at, changedLines: changedLines, deleteOther: deleteOther)
        let keepBytes = try merge.keepEdit.apply()
        var summary = [Wording<Outcome>.merged(other.customer.id ?? other.path, into: keep.customer.id ?? keep.path, keep.path,
                                               merge.summaryParts()).phrase]
        summary += merge.differences.map { Wording<Outcome>.difference($0, otherId: other.customer.id ?? "OTHER").phrase }
        return Outcome(keep: keepBytes, tombstone: deleteOther ? nil : tombstone, summary: summary)
    }

    /// Text of a node on one line: scalars as they read, collections as flow (`{a: 1, b: [x, y]}`).
    public static func flowText(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let text, let style):
            // A plain value is copied as it was written (what it means to YAML tools stays the same).
            return ScalarText.render(text, replacing: style == .singleQuoted || style == .doubleQuoted ? style : nil, inFlow: true,
                                     meaning: style == .plain ? .typed : .text)
        case .sequence(let items): return "[" + items.map(flowText).joined(separator: ", ") + "]"
        case .mapping(let pairs): return "{" + pairs.map { "\($0.keyText): \(flowText($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// A value for people: text as it reads, collections on one line.
    public static func shown(_ node: YAMLNode) -> String {
        node.scalarText ?? flowText(node)
    }

    /// The same person: a shared phone or email, or the same name without a phone or email
    /// that tells them apart.
    public static func sameContact(_ a: Contact, _ b: Contact) -> Bool {
        let phoneA = a.phone.flatMap(DuplicateKeys.phone), phoneB = b.phone.flatMap(DuplicateKeys.phone)
        let emailA = a.email.flatMap(DuplicateKeys.email), emailB = b.email.flatMap(DuplicateKeys.email)
        if let phoneA, phoneA == phoneB { return true }
        if let emailA, emailA == emailB { return true }
        guard let nameA = a.name?.trimmingSpaces, !nameA.isEmpty, nameA == b.name?.trimmingSpaces else { return false }
        if let phoneA, let phoneB, phoneA != phoneB { return false }
        if let emailA, let emailB, emailA != emailB { return false }
        return true
    }
}

/// The state of one merge while it is built.
public struct MergeDraft {
    public let keep: CustomerMerge.Input
    public let other: CustomerMerge.Input
    public let configuration: Configuration
    public var keepEdit: RecordEdit
    public let otherEdit: RecordEdit
    public let keepRoot: YAMLNode
    public let otherRoot: YAMLNode

    public var contactsAdded: [String] = []
    public var filled: [Phrase] = []
    public var added: [Phrase] = []
    /// Values both files have, differently: KEEP's stays, OTHER's is noted.
    public struct Difference {
        public var what: Phrase
        public var other: Phrase
        public var kept: Phrase
    }

    public var differences: [Difference] = []
    public var derived: [Phrase] = []
    public var movedFollowUps = 0
    public var movedFeedback = 0

    public init(keep: CustomerMerge.Input, other: CustomerMerge.Input, configuration: Configuration) throws {
        self.keep = keep
        self.other = other
        self.configuration = configuration
        keepEdit = try keep.edit ?? RecordEdit(bytes: keep.bytes)
        keepEdit.chineseWhenNoSections = configuration.language == .zhCN
        var otherEdit = try other.edit ?? RecordEdit(bytes: other.bytes)
        otherEdit.chineseWhenNoSections = configuration.language == .zhCN
        self.otherEdit = otherEdit
        guard let keepRoot = keepEdit.frontMatter, let otherRoot = otherEdit.frontMatter else {
            throw CustomerMerge.Problem(phrase: Wording<CustomerMerge.Problem>.noFrontMatter.phrase)
        }
        self.keepRoot = keepRoot
        self.otherRoot = otherRoot
    }

    public var otherId: String { other.customer.id ?? "OTHER" }

    // MARK: - Contacts

    public static let contactFields = CustomerReader.contactKeys

    /// A front-matter key as a confirmation names it: the key in English, the field's label in
    /// Chinese (`decision_by` / `决策时间`); a key of no field (an `extra_fields` key) as written.
    public static func field(_ key: String) -> Phrase {
        Phrase(key, CustomerField(key: key)?.label ?? key)
    }

    public mutating func contacts() {
        let otherItems = otherRoot["contacts"]?.items ?? []
        let keepItems = keepRoot["contacts"]?.items ?? []
        var newItems: [[String]] = []
        var pool: [(Contact, YAMLNode?)] = keep.customer.contacts.enumerated().map { ($0.element, $0.offset < keepItems.count ? keepItems[$0.offset] : nil) }
        for (index, contact) in other.customer.contacts.enumerated() where index < otherItems.count {
            let node = otherItems[index]
            if let match = pool.firstIndex(where: { CustomerMerge.sameContact($0.0, contact) }) {
                guard let keepNode = pool[match].1, keepNode.pairs != nil else { continue }
                let name = pool[match].0.name ?? "?"
                if let otherName = contact.name, otherName.trimmingSpaces != name.trimmingSpaces {
                    differences.append(Difference(what: Wording<MergeDraft>.contactField(name, "name").phrase, other: Phrase(verbatim: otherName), kept: Phrase(verbatim: name)))
                }
                var previous = "name"
                for field in Self.contactFields.dropFirst() {
                    defer { if keepNode[field] != nil { previous = field } }
                    guard let value = node[field], let text = value.scalarText, !value.isEmpty else { continue }
                    if let existing = keepNode[field], !existing.isEmpty {
                        if !Self.sameValue(field, existing.scalarText ?? "", text) {
                            differences.append(Difference(what: Wording<MergeDraft>.contactField(name, field).phrase, other: Phrase(verbatim: text),
                                                          kept: Phrase(verbatim: existing.scalarText ?? "")))
                        }
                        continue
                    }
                    let rendered = field == "phone" || field == "wechat" ? CustomerDraft.quotedIfNumeric(text)
                        : ScalarText.render(text, replacing: nil, inFlow: keepNode.isFlow)
                    keepEdit.insert(key: field, rawValue: rendered, into: keepNode, after: [previous] + Self.contactFields.reversed())
                    filled.append(Wording<MergeDraft>.contactField(name, field).phrase)
                }
                continue
            }
            let keepList = keepRoot["contacts"]
            let item: [String]
            if let keepList, keepList.isFlow {
                item = [CustomerMerge.flowText(node)]
            } else {
                item = itemLines(node) ?? [CustomerMerge.flowText(node)]
            }
            newItems.append(item)
            contactsAdded.append(contact.name ?? "?")
            pool.append((contact, nil))
        }
        try? keepEdit.appendListItems(["contacts"], items: newItems, after: CustomerMerge.anchors(for: "contacts"))
    }

    public static func sameValue(_ field: String, _ a: String, _ b: String) -> Bool {
        switch field {
        case "phone": return DuplicateKeys.phone(a) == DuplicateKeys.phone(b) && DuplicateKeys.phone(a) != nil
        case "email": return a.trimmingSpaces.lowercased() == b.trimmingSpaces.lowercased()
        default: return a.trimmingSpaces == b.trimmingSpaces
        }
    }

    /// The lines of a block-list item of OTHER without its `- ` and its indentation (as
    /// `RecordEdit.appendListItem` takes them); nil when a line is indented less than the item.
    public func itemLines(_ node: YAMLNode) -> [String]? {
        if node.isFlow {
            // `{name: ..}`, alone on its line or inside `[...]`: just the item's own text.
            return [String(decoding: otherEdit.bytes[node.start..<node.end], as: UTF8.self)]
        }
        let range = node.start..<otherEdit.lineEnd(after: max(node.start, node.end - 1))
        let lines = otherEdit.lines(range)
        guard let first = lines.first else { return nil }
        var result = [first]
        let indent = String(repeating: " ", count: node.indent)
        for line in lines.dropFirst() {
            if line.trimmingSpaces.isEmpty { result.append(""); continue }
            guard line.hasPrefix(indent) else { return nil }
            result.append(String(line.dropFirst(node.indent)))
        }
        return result
    }

    // MARK: - Sources and tags

    public mutating func sources() {
        var known: Set<String> = []
        for record in keep.customer.sources { known.insert("\(record.source ?? "")|\(record.date?.description ?? "")") }
        known.insert("\(keep.customer.source ?? "")|\(keep.customer.created?.date.description ?? "")")
        var items: [String] = []
        if let source = otherRoot["source"], let text = source.scalarText, !source.isEmpty {
            let date = other.customer.created?.date
            var parts = ["source: \(ScalarText.render(text, replacing: nil, inFlow: true))"]
            if let date { parts.append("date: \(date)") }
            if let detail = otherRoot["source_detail"], !detail.isEmpty { parts.append("detail: \(CustomerMerge.flowText(detail))") }
            if known.insert("\(other.customer.source ?? text)|\(date?.description ?? "")").inserted {
                items.append("{" + parts.joined(separator: ", ") + "}")
            }
        }
        for (index, node) in (otherRoot["sources"]?.items ?? []).enumerated() {
            let record = index < other.customer.sources.count ? other.customer.sources[index] : SourceRecord()
            if known.insert("\(record.source ?? "")|\(record.date?.description ?? "")").inserted {
                items.append(CustomerMerge.flowText(node))
            }
        }
        try? keepEdit.appendListItems(["sources"], items: items.map { [$0] }, after: CustomerMerge.anchors(for: "sources"))
        if !items.isEmpty { added.append(Self.field("sources") + " +\(items.count)") }
    }

    public mutating func tags() {
        guard let otherTags = otherRoot["tags"], !otherTags.isEmpty else { return }
        guard let keepTags = keepRoot["tags"] else {
            copy("tags")
            return
        }
        guard keepTags.items != nil || keepTags.isEmpty else { return }
        var have = Set(keep.customer.tags)
        var count = 0
        var items: [[String]] = []
        for tag in other.customer.tags where have.insert(tag).inserted {
            items.append([ScalarText.render(tag, replacing: nil, inFlow: keepTags.isFlow)])
            count += 1
        }
        try? keepEdit.appendListItems(["tags"], items: items)
        if count > 0 { added.append(Self.field("tags") + " +\(count)") }
    }

    // MARK: - Other fields

    /// Keys handled elsewhere (or never copied: OTHER's id, capture and channel stay in its
    /// tombstone; status, next, grade, deal and lost reason follow the merged log and score):
    /// the fields whose `merge` is `.ownStep`.
    public static let handled: Set<String> = CustomerField.mergedByOwnStep

    public mutating func copy(_ key: String) {
        guard let range = otherEdit.pairLines(key) else { return }
        keepEdit.insertFrontMatterLines(otherEdit.lines(range), after: CustomerMerge.anchors(for: key))
        added.append(Self.field(key))
    }

    public mutating func note(_ key: String, _ otherNode: YAMLNode, _ keepNode: YAMLNode?) {
        differences.append(Difference(what: Self.field(key), other: Phrase(verbatim: CustomerMerge.shown(otherNode)),
                                      kept: keepNode.map { Phrase(verbatim: CustomerMerge.shown($0)) } ?? Phrase("none", "无")))
    }

    public mutating func fields() throws {
        for pair in otherRoot.pairs ?? [] where !Self.handled.contains(pair.keyText) && !pair.value.isEmpty {
            let key = pair.keyText
            guard let existing = keepRoot.pair(key) else {
                copy(key)
                if key == "owner", keepRoot["assigned"] == nil, otherRoot["assigned"] != nil { copy("assigned") }
                if key == "score" { try gradeFollowsCopiedScore() }
                continue
            }
            if existing.value.isEmpty {
                if let text = pair.value.scalarText {
                    try keepEdit.set([key], to: text)
                    filled.append(Self.field(key))
                } else {
                    note(key, pair.value, nil)
                }
                continue
            }
            if CustomerMerge.flowText(existing.value) != CustomerMerge.flowText(pair.value) {
                note(key, pair.value, existing.value)
            }
        }
        for key in ["grade", "assigned"] {
            guard let otherNode = otherRoot[key], !otherNode.isEmpty, !added.contains(Self.field(key)) else { continue }
            if key == "grade", keepRoot["score"] != nil || added.contains(Self.field("score")) { continue }
            if let keepNode = keepRoot[key], !keepNode.isEmpty {
                if CustomerMerge.flowText(keepNode) != CustomerMerge.flowText(otherNode) { note(key, otherNode, keepNode) }
            } else if key == "grade" {
                copy(key)
            }
        }
    }

    /// KEEP had no score and takes OTHER's: the grade is the one that score gives.
    public mutating func gradeFollowsCopiedScore() throws {
        guard let total = other.customer.score?.total else { return }
        let expected = configuration.scoring.grade(forTotal: total)
        if let keepGrade = keepRoot["grade"], !keepGrade.isEmpty {
            if keep.customer.grade != expected {
                try keepEdit.set(["grade"], to: DerivedValues.gradeText(expected, likeExisting: keepGrade.scalarText))
                derived.append(Wording<MergeDraft>.gradeChanged(keep.customer.grade?.rawValue ?? "-", expected.rawValue, scoreFrom: otherId).phrase)
            }
        } else if let otherGrade = otherRoot["grade"], other.customer.grade == expected, !otherGrade.isEmpty {
            copy("grade")
        } else {
            try keepEdit.set(["grade"], to: expected.rawValue, after: CustomerField.grade.anchors)
            derived.append(Wording<MergeDraft>.gradeSet(expected.rawValue, scoreFrom: otherId).phrase)
        }
    }

    // MARK: - The log

    public struct Dated {
        public var start: Int
        public var end: Int
        public var moment: Int
    }

    public static func moment(_ date: LocalDate?, _ time: Int?) -> Int {
        guard let date else { return Int.min }
        return date.dayNumber * 1440 + (time ?? 0)
    }

    /// For each entry of OTHER, the start of the KEEP entry it goes before (nil: the end), so
    /// that both keep their order and the result is in date order.
    public static func interleave(keep: [Dated], other: [Dated]) -> [Int?] {
        var i = 0
        var targets: [Int?] = []
        for entry in other {
            while i < keep.count, keep[i].moment <= entry.moment { i += 1 }
            targets.append(i < keep.count ? keep[i].start : nil)
        }
        return targets
    }

    public mutating func move(_ keepEntries: [Dated], _ otherEntries: [Dated], _ kind: LogReader.Section.Kind) {
        let targets = Self.interleave(keep: keepEntries, other: otherEntries)
        var before: [Int: [[String]]] = [:]
        var order: [Int] = []
        var atEnd: [[String]] = []
        for (entry, target) in zip(otherEntries, targets) {
            let lines = otherEdit.lines(entry.start..<entry.end)
            if let target {
                if before[target] == nil { order.append(target) }
                before[target, default: []].append(lines)
            } else {
                atEnd.append(lines)
            }
        }
        for target in order { keepEdit.insertEntries(before[target]!, before: target) }
        keepEdit.appendEntries(atEnd, to: kind)
    }

    public mutating func log() {
        let keepFollowUps = keep.customer.followUps.map { Dated(start: $0.start, end: $0.end, moment: Self.moment($0.date, $0.time)) }
        let otherFollowUps = other.customer.followUps.map { Dated(start: $0.start, end: $0.end, moment: Self.moment($0.date, $0.time)) }
        move(keepFollowUps, otherFollowUps, .followUps)
        movedFollowUps = otherFollowUps.count
        let keepFeedback = keep.customer.feedback.map { Dated(start: $0.start, end: $0.end, moment: Self.moment($0.date, $0.time)) }
        let otherFeedback = other.customer.feedback.map { Dated(start: $0.start, end: $0.end, moment: Self.moment($0.date, $0.time)) }
        move(keepFeedback, otherFeedback, .feedback)
        movedFeedback = otherFeedback.count
    }

    /// Status and next follow the merged log; a deal or lost reason comes along when the
    /// merged status needs it.
    public mutating func derivedValues() throws {
        // The merged follow-ups in order: KEEP's entry first on equal moments.
        var merged: [FollowUp] = []
        var i = 0
        for entry in other.customer.followUps {
            let moment = Self.moment(entry.date, entry.time)
            while i < keep.customer.followUps.count,
                  Self.moment(keep.customer.followUps[i].date, keep.customer.followUps[i].time) <= moment {
                merged.append(keep.customer.followUps[i])
                i += 1
            }
            merged.append(entry)
        }
        merged += keep.customer.followUps[i...]
        let lastStatus = merged.last(where: { $0.status != nil })?.status
        let lastNext = merged.last(where: { $0.next != nil })?.next
        let status = lastStatus ?? keep.customer.status ?? other.customer.status
        if let status, status != keep.customer.status {
            let existing = keepRoot["status"]?.scalarText
            try keepEdit.set(["status"], to: DerivedValues.statusText(status, likeExisting: existing), after: CustomerField.status.anchors)
            derived.append(Wording<CustomerSync>.status(keep.customer.status, status).phrase)
        }
        if let otherStatus = other.customer.status, otherStatus != keep.customer.status, otherStatus != status {
            differences.append(Difference(what: Self.field("status"), other: Phrase(otherStatus.rawValue, otherStatus.label),
                                          kept: status.map { Phrase($0.rawValue, $0.label) } ?? Phrase(verbatim: "-")))
        }
        let next = lastNext ?? keep.customer.next ?? other.customer.next
        if let next, next != keep.customer.next {
            try keepEdit.set(["next"], to: next.description, after: CustomerField.next.anchors)
            derived.append(Wording<CustomerSync>.next(keep.customer.next, next).phrase)
        }
        for (key, needed) in [("deal", status == .won), ("lost_reason", status == .lost)] {
            guard let otherNode = otherRoot[key], !otherNode.isEmpty else { continue }
            if let keepNode = keepRoot[key], !keepNode.isEmpty {
                if CustomerMerge.flowText(keepNode) != CustomerMerge.flowText(otherNode) { note(key, otherNode, keepNode) }
            } else if needed {
                copy(key)
            } else {
                note(key, otherNode, nil)
            }
        }
    }

    // MARK: - The record and the tombstone

    /// The lines of KEEP's front matter that the edits so far replace or change inside.
    public func changedFrontMatterLines() -> [String] {
        let bytes = keep.bytes
        let frontMatterEnd = keepEdit.layout.frontMatter.upperBound
        var lineStarts: Set<Int> = []
        for replacement in keepEdit.replacements where replacement.range.lowerBound < frontMatterEnd {
            let range = replacement.range
            if range.isEmpty && (range.lowerBound == 0 || bytes[range.lowerBound - 1] == ASCII.lf) { continue }
            var start = range.lowerBound
            while start > 0, bytes[start - 1] != ASCII.lf { start -= 1 }
            let last = range.isEmpty ? range.lowerBound : range.upperBound - 1
            while start <= last, start < bytes.count {
                lineStarts.insert(start)
                start = keepEdit.lineEnd(after: start)
            }
        }
        return lineStarts.sorted().map { keepEdit.lines($0..<keepEdit.lineEnd(after: $0)).first ?? "" }
    }

    public func summaryParts() -> [Phrase] {
        var parts = [Wording<MergeDraft>.moved(movedFollowUps, movedFeedback).phrase]
        if !contactsAdded.isEmpty { parts.append(Wording<MergeDraft>.contactsAdded(contactsAdded).phrase) }
        if !filled.isEmpty { parts.append(Wording<MergeDraft>.filled(filled).phrase) }
        if !added.isEmpty { parts.append(Wording<MergeDraft>.added(added).phrase) }
        parts += derived
        return parts
    }

    /// OTHER without its entries and with `merged_into`; also its free text (for the record
    /// when OTHER is deleted).
    public mutating func tombstone(at: LocalDateTime) throws -> [UInt8] {
        var edit = otherEdit
        guard let keepId = keep.customer.id else { throw CustomerMerge.Problem(phrase: Wording<CustomerMerge.Problem>.noId(keep.path).phrase) }
        try edit.set(["merged_into"], to: keepId, after: ["id"])
        for entry in other.customer.followUps { edit.remove(entry.start..<entry.end) }
        for entry in other.customer.feedback { edit.remove(entry.start..<entry.end) }
        freeText = Self.freeText(try edit.apply(), name: other.customer.name)
        let chinese = otherEdit.logIsChinese
        let note = "> " + Wording<MergeDraft>.mergedInto(keepId, keep.path, at: at).phrase.text(chinese ? .zhCN : .en)
        let position = edit.layout.body.lowerBound
        edit.replacements.append(RecordEdit.Replacement(range: position..<position, text: edit.lineBreak + note + edit.lineBreak))
        return try edit.apply()
    }

    public var freeText: [String] = []

    /// The body's lines that are not entries, log headings, the `# name` title or blank at the ends.
    public static func freeText(_ bytes: [UInt8], name: String?) -> [String] {
        guard let edit = try? RecordEdit(bytes: bytes) else { return [] }
        let headings = [edit.log.followUpSection, edit.log.feedbackSection].compactMap { $0?.headingStart }
        var lines: [String] = []
        var offset = edit.layout.body.lowerBound
        for line in edit.lines(edit.layout.body) {
            defer { offset = edit.lineEnd(after: offset) }
            if headings.contains(offset) { continue }
            if let name, line.trimmingSpaces == "# " + name { continue }
            lines.append(line)
        }
        while lines.first?.trimmingSpaces.isEmpty == true { lines.removeFirst() }
        while lines.last?.trimmingSpaces.isEmpty == true { lines.removeLast() }
        var compact: [String] = []
        for line in lines where !(line.trimmingSpaces.isEmpty && compact.last?.trimmingSpaces.isEmpty == true) { compact.append(line) }
        return compact
    }

    /// The record is written in the language of KEEP's log (its headings), like its section.
    public mutating func appendRecord(at: LocalDateTime, changedLines: [String], deleteOther: Bool) {
        let chinese = keepEdit.logIsChinese
        let language: Language = chinese ? .zhCN : .en
        func line(_ words: Wording<MergeDraft>) -> String { "- " + words.phrase.text(language) }
        var lines = ["### \(at) \(otherId) \(other.customer.name ?? "")".trimmingSpaces]
        lines.append(line(deleteOther ? Wording<MergeDraft>.fileDeleted(other.path) : Wording<MergeDraft>.fileTombstone(other.path, keep.customer.id ?? "")))
        lines.append(line(Wording<MergeDraft>.origin(other.customer.source ?? "-", captured: other.customer.created)))
        lines.append(line(Wording<MergeDraft>.movedHere(movedFollowUps, movedFeedback)))
        if !contactsAdded.isEmpty { lines.append(line(Wording<MergeDraft>.contactsAdded(contactsAdded))) }
        if !filled.isEmpty { lines.append(line(Wording<MergeDraft>.filledFrom(otherId, filled))) }
        if !added.isEmpty { lines.append(line(Wording<MergeDraft>.addedFrom(otherId, added))) }
        for change in derived { lines.append("- " + change.text(language)) }
        for difference in differences {
            lines.append(line(Wording<MergeDraft>.kept(difference, otherId: otherId)))
        }
        if !changedLines.isEmpty {
            let fence = changedLines.contains { $0.trimmingSpaces.hasPrefix("```") } ? "~~~" : "```"
            lines += ["", Wording<MergeDraft>.changedLines.phrase.text(language), "", fence + "yaml"]
            lines += changedLines
            lines.append(fence)
        }
        if deleteOther, !freeText.isEmpty {
            lines += ["", Wording<MergeDraft>.notesOf(otherId).phrase.text(language), ""]
            lines += freeText.map { $0.isEmpty ? ">" : "> " + $0 }
        }
        let end = keepEdit.bytes.count
        let othersAtEnd = keepEdit.replacements.indices.filter { keepEdit.replacements[$0].range.lowerBound == end }
        let sectionExists = keepEdit.section(titled: CustomerMerge.recordTitles) != nil
        if !othersAtEnd.isEmpty && !sectionExists && keepEdit.endsWithBlankLine {
            // Another section was just added at the end: keep a blank line between them.
            keepEdit.replacements.append(RecordEdit.Replacement(range: end..<end, text: keepEdit.lineBreak))
        }
        keepEdit.appendEntry(lines, toSectionTitled: CustomerMerge.recordTitles,
                             heading: chinese ? "## 合并记录" : "## Merges")
        if sectionExists, let first = othersAtEnd.first, keepEdit.replacements.last?.range.lowerBound == end {
            // The record section ends the file and a log section was just added after it: the
            // record goes into its own section, before the new one.
            let record = keepEdit.replacements.removeLast()
            keepEdit.replacements.insert(record, at: first)
        }
    }
}


extension Wording where Of == CustomerMerge.Problem {
    public static let noFrontMatter = Self("both files need a front matter", "两个文件都要有文件头")
    public static func noId(_ path: String) -> Self { Self("\(path) has no id", "\(path) 没有客户编号") }
}

extension Wording where Of == CustomerMerge.Outcome {
    public static func merged(_ otherId: String, into keepId: String, _ keepPath: String, _ parts: [Phrase]) -> Self {
        Self(Phrase("merged \(otherId) into \(keepId) (\(keepPath)): ", "已把 \(otherId) 合并到 \(keepId)（\(keepPath)）：")
             + Phrase.joined(parts, en: ", ", zh: "，"))
    }

    public static func difference(_ difference: MergeDraft.Difference, otherId: String) -> Self {
        Self("  " + Wording<MergeDraft>.kept(difference, otherId: otherId).phrase)
    }
}

extension Wording where Of == MergeDraft {
    /// A field of a contact, as a difference or a value filled: `contact 李娜 phone`.
    public static func contactField(_ name: String, _ field: String) -> Self {
        let label = CustomerReader.ContactField(rawValue: field).flatMap { ChineseKey.contactLabels[$0] } ?? field
        return Self("contact \(name) \(field)", "联系人 \(name) 的\(label)")
    }

    public static func gradeChanged(_ old: String, _ new: String, scoreFrom otherId: String) -> Self {
        Self("grade \(old) -> \(new) (the score from \(otherId))", "等级 \(old) → \(new)（评分来自 \(otherId)）")
    }

    public static func gradeSet(_ grade: String, scoreFrom otherId: String) -> Self {
        Self("grade \(grade) (the score from \(otherId))", "等级 \(grade)（评分来自 \(otherId)）")
    }

    public static func moved(_ followUps: Int, _ feedback: Int) -> Self {
        Self("\(followUps) follow-up\(followUps == 1 ? "" : "s") and \(feedback) feedback moved", "移入 \(followUps) 条跟进和 \(feedback) 条反馈")
    }

    public static func contactsAdded(_ names: [String]) -> Self {
        Self("contacts added: \(names.joined(separator: ", "))", "新增联系人：\(names.joined(separator: "、"))")
    }

    public static func filled(_ keys: [Phrase]) -> Self {
        Self(Phrase("filled: ", "补全：") + Phrase.joined(keys, en: ", ", zh: "、"))
    }

    public static func added(_ keys: [Phrase]) -> Self { Self(Phrase("added: ", "新增：") + Phrase.joined(keys, en: ", ", zh: "、")) }

    // The tombstone's note, in the language of its log.
    public static func mergedInto(_ keepId: String, _ keepPath: String, at moment: LocalDateTime) -> Self {
        Self("Merged into \(keepId) (\(keepPath)) on \(moment); its follow-ups and feedback are there now.",
             "已于 \(moment) 合并到 \(keepId)（\(keepPath)），跟进记录和客户反馈都在那里。")
    }

    // The merge record's lines.
    public static func fileDeleted(_ path: String) -> Self {
        Self("file: \(path) (deleted; it is in git history)", "文件：\(path)（已删除，可在 git 历史里找到）")
    }

    public static func fileTombstone(_ path: String, _ keepId: String) -> Self {
        Self("file: \(path) (now a tombstone: merged_into \(keepId))", "文件：\(path)（现为合并标记：merged_into \(keepId)）")
    }

    public static func origin(_ source: String, captured: LocalDateTime?) -> Self {
        Self("channel: \(source)" + (captured.map { ", captured \($0)" } ?? ""),
             "来源渠道：\(Configuration.sourceLabels[source] ?? source)" + (captured.map { "，录入于 \($0)" } ?? ""))
    }

    public static func movedHere(_ followUps: Int, _ feedback: Int) -> Self {
        Self("moved here: \(followUps) follow-up\(followUps == 1 ? "" : "s"), \(feedback) feedback", "移入：\(followUps) 条跟进，\(feedback) 条反馈")
    }

    public static func filledFrom(_ otherId: String, _ keys: [Phrase]) -> Self {
        Self(Phrase("filled from \(otherId): ", "从 \(otherId) 补全：") + Phrase.joined(keys, en: ", ", zh: "、"))
    }

    public static func addedFrom(_ otherId: String, _ keys: [Phrase]) -> Self {
        Self(Phrase("added from \(otherId): ", "从 \(otherId) 新增：") + Phrase.joined(keys, en: ", ", zh: "、"))
    }

    public static func kept(_ difference: MergeDraft.Difference, otherId: String) -> Self {
        Self(difference.what + Phrase(": kept ", "：保留 ") + difference.kept
             + Phrase("; \(otherId) had ", "；\(otherId) 原为 ") + difference.other)
    }

    public static let changedLines = Self("Front-matter lines this merge changed, as they were:", "本次合并改动的文件头行（改动前）：")
    public static func notesOf(_ otherId: String) -> Self { Self("Notes of \(otherId):", "\(otherId) 的备注：") }
}

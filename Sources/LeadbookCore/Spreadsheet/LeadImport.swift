import LeadbookText

/// Plans an import: each lead becomes a new customer file, or is added as a further source
/// into the customer it matches (in the workspace, or created from an earlier row of the same
/// sheet). Nothing is written here: the plan holds the bytes of every file to write.
///
/// A lead matches a customer when they share a phone number, an email or a normalized name
/// (DuplicateKeys). Adding it appends `{source, date, detail}` to the customer's `sources`,
/// adds the contact when the customer does not have it, and fills fields the customer has
/// empty; values that differ from the customer's are kept in the source's `detail`. A lead
/// whose source and date the customer already has (the same capture, imported again) adds
/// no source, so importing a sheet twice changes nothing the second time.
public struct LeadImport {
    public enum Outcome: Sendable {
        /// `notes`: what became of the id the row gave.
        case created(id: String, path: String, notes: [Phrase])
        /// `evidence`: what the row and the customer share; `changes`: what was added, for
        /// people; `notTaken`: the row's differing values as the source's detail writes them.
        case added(id: String, path: String, evidence: Phrase, intoRow: Int?, changes: [Phrase], notTaken: [String])
        case unchanged(id: String, path: String, evidence: Phrase, intoRow: Int?, notTaken: [String])
        case bad([LeadSheet.Problem])
    }

    public struct RowResult: Sendable {
        public var row: Int
        public var line: Int
        public var outcome: Outcome
    }

    public struct Write: Sendable {
        public var path: String
        public var bytes: [UInt8]
        public var isNew: Bool
    }

    public private(set) var results: [RowResult] = []
    /// The files to write, each once with its final bytes, in the order they were first touched.
    public var writes: [Write] {
        order.compactMap { path in
            guard let target = targets[path], target.changed, let bytes = target.bytes else { return nil }
            return Write(path: path, bytes: bytes, isNew: target.isNew)
        }
    }

    public var created: Int { results.filter { if case .created = $0.outcome { return true } else { return false } }.count }
    public var added: Int { results.filter { if case .added = $0.outcome { return true } else { return false } }.count }
    public var unchanged: Int { results.filter { if case .unchanged = $0.outcome { return true } else { return false } }.count }
    public var bad: Int { results.filter { if case .bad = $0.outcome { return true } else { return false } }.count }

    public struct Target {
        public var id: String
        public var bytes: [UInt8]?
        public var isNew: Bool
        public var hasErrors: Bool
        /// Company or person: a person's name is no duplicate evidence.
        public var kind: CustomerKind
        public var createdByRow: Int?
        public var changed = false
    }

    public let configuration: Configuration
    public let customersFolder: String
    public let readFile: (String) -> [UInt8]?
    public var targets: [String: Target] = [:]
    public var order: [String] = []
    public var index = DuplicateIndex()
    public var taken: Set<String> = []
    public var existingPaths: Set<String> = []

    /// What the plan needs of a customer of the workspace: little, so that a large workspace
    /// is read in parallel without keeping every parsed file.
    public struct Known: Sendable {
        public var path: String
        public var id: String?
        public var name: String?
        public var contacts: [Contact]
        public var kind: CustomerKind
        public var isTombstone: Bool
        public var hasErrors: Bool

        public init(path: String, customer: Customer, hasErrors: Bool) {
            self.path = path
            id = customer.id
            name = customer.name
            contacts = customer.contacts.map { contact in
                var keys = Contact()
                keys.name = contact.name
                keys.phone = contact.phone
                keys.email = contact.email
                return keys
            }
            kind = customer.kind
            isTombstone = customer.isTombstone
            self.hasErrors = hasErrors
        }

        /// Every customer file of the workspace (`CustomerFiles`; nil for files that are not
        /// read as customers), and why the files that were not read were not.
        public static func load(_ workspace: Workspace) -> CustomerFiles.Reading<Known?> {
            let paths = workspace.customerPaths
            return CustomerFiles(workspace).reduce { index, bytes -> Known? in
                let result = CustomerReader.read(path: paths[index], bytes: bytes, configuration: workspace.configuration)
                return result.customer.map { Known(path: paths[index], customer: $0, hasErrors: result.findings.errorCount > 0) }
            } unread: { _, _ in nil }
        }
    }

    /// `known` are the workspace's customers; `paths` every customer file (ids in file names
    /// are never given again); `readFile` reads a file of the workspace by its relative path.
    public init(known: [Known], paths: [String], configuration: Configuration, readFile: @escaping (String) -> [UInt8]?) {
        self.configuration = configuration
        self.customersFolder = configuration.customersFolder
        self.readFile = readFile
        existingPaths = Set(paths)
        for path in paths { taken.insert(CustomerIds.id(ofFileName: WorkspacePath.fileName(path))) }
        for customer in known {
            let id = customer.id ?? CustomerIds.id(ofFileName: WorkspacePath.fileName(customer.path))
            taken.insert(id)
            if customer.isTombstone { continue }
            targets[customer.path] = Target(id: id, bytes: nil, isNew: false, hasErrors: customer.hasErrors, kind: customer.kind)
            index.add(id: id, path: customer.path, name: customer.name, contacts: customer.contacts, kind: customer.kind)
        }
    }

    /// Plans one row: its lead, or the problems that make it a bad row.
    public mutating func add(_ row: Result<Lead, LeadSheet.Problems>, row number: Int, line: Int) {
        switch row {
        case .failure(let problems):
            results.append(RowResult(row: number, line: line, outcome: .bad(problems.items)))
        case .success(let lead):
            results.append(RowResult(row: number, line: line, outcome: plan(lead)))
        }
    }

    public mutating func plan(_ lead: Lead) -> Outcome {
        func problem(_ words: Wording<LeadImport>) -> Outcome {
            .bad([LeadSheet.Problem(row: lead.row, line: lead.line, column: nil, words)])
        }
        let contacts = lead.contact.map { [$0] } ?? []
        var matched: [(path: String, id: String, evidence: [DuplicateKeys.Evidence])] = []
        for (member, evidence) in index.matches(name: lead.name, contacts: contacts, kind: lead.kind ?? .company) {
            if let position = matched.firstIndex(where: { $0.path == member.path }) {
                matched[position].evidence += evidence.filter { !matched[position].evidence.contains($0) }
            } else {
                matched.append((member.path, member.id, evidence))
            }
        }
        if matched.count > 1 {
            return problem(.matchesSeveral(matched.map { ($0.id, Self.evidence($0.evidence)) }))
        }
        guard let match = matched.first, var target = targets[match.path] else { return create(lead) }
        let evidence = Self.evidence(match.evidence)
        if target.hasErrors {
            return problem(.matchHasErrors(match.id, evidence, match.path))
        }
        if target.bytes == nil { target.bytes = readFile(match.path) }
        guard let bytes = target.bytes else {
            return problem(.matchUnreadable(match.id, evidence, match.path))
        }
        let addition: SourceAddition
        do {
            addition = try SourceAddition(lead, to: bytes, path: match.path, configuration: configuration)
        } catch {
            return problem(.matchUnchangeable(match.id, evidence, match.path, .of(error)))
        }
        if let diagnostic = addition.newErrors.first {
            return problem(.additionInvalid(match.path, diagnostic.phrase))
        }
        index.add(id: target.id, path: match.path, name: lead.name, contacts: contacts, kind: target.kind)
        if addition.changes.isEmpty {
            return .unchanged(id: target.id, path: match.path, evidence: evidence, intoRow: target.createdByRow, notTaken: addition.notTaken)
        }
        target.bytes = addition.bytes
        target.changed = true
        targets[match.path] = target
        if !order.contains(match.path) { order.append(match.path) }
        return .added(id: target.id, path: match.path, evidence: evidence, intoRow: target.createdByRow,
                       changes: addition.changes, notTaken: addition.notTaken)
    }

    public mutating func create(_ lead: Lead) -> Outcome {
        func noFreeId(_ lead: Lead) -> Outcome {
            let words = Wording<LeadImport>.noFreeId(lead.created.date.year, maxDigits: CustomerIds.maxDigits)
            return .bad([LeadSheet.Problem(row: lead.row, line: lead.line, column: nil, words)])
        }
        if let status = lead.status, status.isClosed {
            // A won customer needs a deal and a lost one a reason, which a sheet does not carry.
            return .bad([LeadSheet.Problem(row: lead.row, line: lead.line, column: nil, Wording<LeadImport>.closedNew(status))])
        }
        var notes: [Phrase] = []
        let prefix = configuration.idPrefix
        var id: String
        if let given = lead.id, InvalidId.isValid(given, prefix: prefix), !taken.contains(given) {
            id = given
        } else {
            guard let next = CustomerIds.next(prefix: prefix, year: lead.created.date.year, taken: taken) else { return noFreeId(lead) }
            id = next
            if let given = lead.id {
                notes.append(taken.contains(given) ? Wording<LeadImport>.idTaken(given, id).phrase
                                                   : Wording<LeadImport>.notAnId(given, like: "\(prefix)\(lead.created.date.year)001", id).phrase)
            }
        }
        var draft = Self.draft(lead, id: id)
        var path = customersFolder + "/" + draft.fileName()
        while existingPaths.contains(path) || targets[path] != nil {
            taken.insert(id)
            guard let next = CustomerIds.next(prefix: prefix, year: lead.created.date.year, taken: taken) else { return noFreeId(lead) }
            id = next
            draft.id = id
            path = customersFolder + "/" + draft.fileName()
        }
        taken.insert(id)
        let bytes = Array(draft.render(chineseHeadings: configuration.language == .zhCN).utf8)
        let read = CustomerReader.read(path: path, bytes: bytes, configuration: configuration)
        if let error = read.findings.diagnostics.first(where: { $0.severity == .error }) {
            let words = Wording<LeadImport>.newFileInvalid(error.phrase, hint: error.hintPhrase)
            return .bad([LeadSheet.Problem(row: lead.row, line: lead.line, column: nil, words)])
        }
        targets[path] = Target(id: id, bytes: bytes, isNew: true, hasErrors: false, kind: draft.kind ?? .company, createdByRow: lead.row, changed: true)
        order.append(path)
        index.add(id: id, path: path, name: lead.name, contacts: lead.contact.map { [$0] } ?? [], kind: draft.kind ?? .company)
        return .created(id: id, path: path, notes: notes)
    }

    /// What a row and a customer share, for people: `same phone 13800000001, same name 华东云科技`.
    public static func evidence(_ keys: [DuplicateKeys.Evidence]) -> Phrase {
        Phrase.joined(keys.map { Wording<LeadImport>.evidence($0).phrase }, en: ", ", zh: "，")
    }

    /// The new customer file of a lead.
    public static func draft(_ lead: Lead, id: String) -> CustomerDraft {
        var draft = CustomerDraft(id: id, name: lead.name, source: lead.source, intent: lead.intent, created: lead.created)
        draft.kind = lead.kind
        draft.sourceDetail = lead.sourceDetail
        draft.contacts = lead.contact.map { [$0] } ?? []
        draft.fields = lead.fields
        draft.status = lead.status ?? .untouched
        draft.extra = lead.extra
        var note: [String] = []
        if let remark = lead.sourceRemark { note.append("来源备注: " + remark) }
        if let text = lead.note { note.append(text) }
        draft.note = note.isEmpty ? nil : markdownSafe(note.joined(separator: "\n\n"))
        return draft
    }

    /// Free text as Markdown body lines that cannot start a section or an entry: a line that
    /// starts with `#`, after at most three spaces (Markdown reads `   ### …` as a heading too),
    /// gets a backslash before it (Markdown shows it as the `#` it was).
    public static func markdownSafe(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                let indent = line.prefix { $0 == " " }
                guard indent.count <= 3, line.dropFirst(indent.count).hasPrefix("#") else { return String(line) }
                return indent + "\\" + line.dropFirst(indent.count)
            }
            .joined(separator: "\n")
    }
}

/// One lead added to one customer file's bytes: a further source, and the fields it fills.
public struct SourceAddition {
    public var bytes: [UInt8]
    /// What was added, for people: "source exhibition 2024-03-05", "contact 李娜", "industry 制造业".
    public var changes: [Phrase] = []
    /// Values of the lead that differ from the customer's and could not be kept (the lead is
    /// the same capture as one the customer has, so no source item carries them).
    public var notTaken: [String] = []
    /// Errors the file would have with the lead added.
    public var newErrors: [Diagnostic] = []

    public init(_ lead: Lead, to bytes: [UInt8], path: String, configuration: Configuration) throws {
        let before = CustomerReader.read(path: path, bytes: bytes, configuration: configuration)
        guard let customer = before.customer else { throw RecordEdit.Problem.notACustomerFile }
        var edit = try RecordEdit(bytes: bytes, read: before)
        var differing: [String] = []
        var changes: [Phrase] = []

        // Empty fields to fill, written after the list items: a key placed after a list lands
        // where the list's new item goes, and must follow it.
        var fills: [(String, String)] = []
        func fill(_ key: String, _ new: String?, _ old: String?) {
            guard let new else { return }
            guard let old else {
                fills.append((key, new))
                return
            }
            if old != new { differing.append("\(key): \(new)") }
        }
        for field in CustomerField.allCases {
            switch field {
            case .name: if lead.name != customer.name { differing.append("name: \(lead.name)") }
            case .kind: if let kind = lead.kind, kind != customer.kind { differing.append("kind: \(kind.rawValue)") }
            case .intent: if lead.intent != customer.intent { differing.append("intent: \(lead.intent.rawValue)") }
            case .status: if let status = lead.status, status != customer.status { differing.append("status: \(status.rawValue)") }
            // The row's assignment goes with the owner it fills in, never beside another owner.
            case .assigned: if customer.owner == nil, let value = lead.fields[field] { fill(field.key, value, field.written(customer)) }
            default: if let value = lead.fields[field] { fill(field.key, value, field.written(customer)) }
            }
        }
        for (key, value) in lead.extra {
            fill(key, value, customer.extra.first { $0.0 == key }?.1)
        }

        // The contact: added when the customer does not have it; what the customer's contact
        // lacks is noted.
        var newContact: Contact?
        if let contact = lead.contact {
            if let existing = customer.contacts.first(where: { Self.sameContact($0, contact) }) {
                // Under another name (a shared switchboard number, say) every detail is news.
                let other = contact.name != existing.name
                var missing: [String] = []
                if let phone = contact.phone, other || phone.duplicatePhone != existing.phone?.duplicatePhone { missing.append("phone \(phone)") }
                if let email = contact.email, other || email.lowercased() != existing.email?.lowercased() { missing.append("email \(email)") }
                if let wechat = contact.wechat, other || wechat != existing.wechat { missing.append("wechat \(wechat)") }
                if let title = contact.title, other || title != existing.title { missing.append("title \(title)") }
                if other && missing.isEmpty { missing.append("same as \(existing.name ?? "")") }
                if !missing.isEmpty { differing.append("contact \(contact.name ?? ""): \(missing.joined(separator: ", "))") }
            } else {
                newContact = contact
            }
        }

        // The source: a new item unless the customer already has this source on this date.
        let date = lead.created.date
        let sameItem = customer.sources.first { $0.source == lead.source && $0.date == date }
        let sameCapture = (customer.source == lead.source && customer.created?.date == date) || sameItem != nil
        if sameCapture {
            // What that capture's detail already records is not news.
            let recorded = sameItem?.detail ?? ""
            notTaken = differing.filter { !recorded.contains($0) }
        } else {
            var detail = lead.sourceDetail.map { "\($0.0): \($0.1)" }
            if let remark = lead.sourceRemark { detail.append(remark) }
            if let note = lead.note { detail.append(note) }
            detail += differing
            var fields = [("source", lead.source), ("date", date.description)]
            if !detail.isEmpty { fields.append(("detail", detail.joined(separator: "; "))) }
            let flow = edit.node(at: ["sources"])?.isFlow == true
            func rendered(_ field: (String, String)) -> String {
                "\(field.0): \(ScalarText.render(field.1, replacing: nil, inFlow: flow, meaning: ScalarText.meaning(of: ["sources", field.0])))"
            }
            let item = flow ? ["{" + fields.map(rendered).joined(separator: ", ") + "}"] : fields.map(rendered)
            try edit.appendListItem(["sources"], item: item, after: CustomerField.sources.anchors)
            changes.append(Wording<SourceAddition>.source(lead.source, date).phrase)
        }
        if let contact = newContact {
            let flow = edit.node(at: ["contacts"])?.isFlow == true
            try edit.appendListItem(["contacts"], item: Self.contactItem(contact, flow: flow), after: CustomerField.contacts.anchors)
            changes.append(Wording<SourceAddition>.contact(contact.name ?? "").phrase)
        }
        for (key, value) in fills {
            try edit.set([key], to: value, after: CustomerField.anchors(for: key))
            changes.append(Wording<SourceAddition>.filled(key, value).phrase)
        }
        self.changes = changes
        self.bytes = edit.hasChanges ? try edit.apply() : bytes
        if edit.hasChanges {
            let after = CustomerReader.read(path: path, bytes: self.bytes, configuration: configuration)
            newErrors = after.findings.diagnostics.filter { $0.severity == .error }
        }
    }

    /// The same person: a shared phone number or email, or the same name.
    public static func sameContact(_ a: Contact, _ b: Contact) -> Bool {
        if let x = a.phone?.duplicatePhone, x == b.phone?.duplicatePhone { return true }
        if let x = a.email.flatMap(DuplicateKeys.email), x == b.email.flatMap(DuplicateKeys.email) { return true }
        if let x = a.name?.trimmingSpreadsheetSpaces, !x.isEmpty, x == b.name?.trimmingSpreadsheetSpaces { return true }
        return false
    }

    /// A contact as list-item lines (block list) or one `{...}` (flow list).
    public static func contactItem(_ contact: Contact, flow: Bool) -> [String] {
        var fields: [(String, String)] = []
        for (key, value) in [("name", contact.name), ("title", contact.title), ("phone", contact.phone), ("email", contact.email), ("wechat", contact.wechat)] {
            guard let value, !value.isEmpty else { continue }
            let text = key == "phone" || key == "wechat" ? CustomerDraft.quotedIfNumeric(value) : ScalarText.render(value, replacing: nil, inFlow: flow)
            fields.append((key, text))
        }
        if flow { return ["{" + fields.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"] }
        return fields.map { "\($0.0): \($0.1)" }
    }
}

extension String {
    /// The phone number as duplicate detection compares it (digits, no country code).
    public var duplicatePhone: String? { DuplicateKeys.phone(self) }
}

extension Wording where Of == LeadImport {
    public static func noFreeId(_ year: Int, maxDigits: Int) -> Self {
        Self("no free id is left for \(year): its running numbers are used up to \(maxDigits) digits",
             "\(year) 年已没有可用的客户编号：\(maxDigits) 位流水号已经用完",
             hint: Phrase("give the row an unused id in the `id` column", "请在 `id`（线索编号）列给这一行填一个未使用的编号"))
    }

    /// What a row shares with a customer: `same phone 13800000001` / `电话相同：13800000001`.
    public static func evidence(_ key: DuplicateKeys.Evidence) -> Self {
        switch key.kind {
        case .phone: return Self("same phone \(key.value)", "电话相同：\(key.value)")
        case .email: return Self("same email \(key.value)", "邮箱相同：\(key.value)")
        case .name: return Self("same name \(key.value)", "企业名称相同：\(key.value)")
        }
    }

    /// `matches`: each customer's id and what the row shares with it.
    public static func matchesSeveral(_ matches: [(id: String, evidence: Phrase)]) -> Self {
        Self(Phrase("the row matches \(matches.count) customers: ", "这一行同时匹配 \(matches.count) 位客户：")
                + Phrase.joined(matches.map { $0.id + Phrase(" (", "（") + $0.evidence + Phrase(")", "）") }, en: " and ", zh: "、"),
             hint: Phrase("merge those customers first (`leadbook merge`), or correct the row", "请先合并这些客户（`leadbook merge`），或修改这一行"))
    }

    public static func matchHasErrors(_ id: String, _ evidence: Phrase, _ path: String) -> Self {
        Self(Phrase("the row matches \(id) (", "这一行匹配到 \(id)（") + evidence + Phrase("), whose file \(path) has errors", "），但它的文件 \(path) 有错误"),
             hint: Phrase("run `leadbook check \(path)`, fix the file, and import again", "请运行 `leadbook check \(path)`，改好文件后重新导入"))
    }

    public static func matchUnreadable(_ id: String, _ evidence: Phrase, _ path: String) -> Self {
        Self(Phrase("the row matches \(id) (", "这一行匹配到 \(id)（") + evidence + Phrase("), whose file \(path) cannot be read", "），但它的文件 \(path) 无法读取"),
             hint: Phrase("check the file's permissions", "请检查文件的权限"))
    }

    public static func matchUnchangeable(_ id: String, _ evidence: Phrase, _ path: String, _ reason: Phrase) -> Self {
        Self(Phrase("the row matches \(id) (", "这一行匹配到 \(id)（") + evidence + Phrase("), but \(path) cannot be changed: ", "），但 \(path) 无法修改：") + reason,
             hint: Phrase("run `leadbook check \(path)`", "请运行 `leadbook check \(path)`"))
    }

    /// `diagnostic`: the first error the customer's file would have, in both languages.
    public static func additionInvalid(_ path: String, _ diagnostic: Phrase) -> Self {
        Self(Phrase("merging the row into \(path) would make it invalid: ", "把这一行并入 \(path) 会让文件出错：") + diagnostic,
             hint: Phrase("correct the row", "请修改这一行"))
    }

    /// A row whose status is won or lost: a sheet carries no deal nor lost reason.
    public static func closedNew(_ status: Status) -> Self {
        Self("a new customer cannot start as \(status.rawValue): it needs \(status == .won ? "a `deal` (amount and date)" : "a `lost_reason`"), which the sheet does not give",
             "新客户不能以“\(status.label)”开始：需要\(status == .won ? "成交信息 `deal`（金额和日期）" : "流失原因 `lost_reason`")，表格里没有",
             hint: Phrase("leave the status empty for this row (or ignore the column with --map COLUMN=ignore), then write the status in the file",
                          "这一行请把状态留空（或用 `--map 列=ignore` 忽略这一列），导入后再在客户文件里写状态"))
    }

    public static func idTaken(_ given: String, _ id: String) -> Self {
        Self("id \(given) is taken; the new customer is \(id)", "编号 \(given) 已被占用；新客户的编号是 \(id)")
    }

    public static func notAnId(_ given: String, like example: String, _ id: String) -> Self {
        Self("`\(given)` is not an id like \(example); the new customer is \(id)", "`\(given)` 不是 \(example) 这样的编号；新客户的编号是 \(id)")
    }

    public static func newFileInvalid(_ message: Phrase, hint: Phrase) -> Self {
        Self(Phrase("the new customer file would be invalid: ", "新建的客户文件会出错：") + message, hint: hint)
    }
}

extension Wording where Of == SourceAddition {
    public static func source(_ source: String, _ date: LocalDate) -> Self {
        Self("source \(source) \(date)", "新增来源 \(Configuration.sourceLabels[source] ?? source) \(date)")
    }
    public static func contact(_ name: String) -> Self { Self("contact \(name)", "新增联系人 \(name)") }
    /// An empty field the row filled: `industry 制造业` / `补填行业 制造业`.
    public static func filled(_ key: String, _ value: String) -> Self {
        Self("\(key) \(value)", "补填\(CustomerField(key: key)?.label ?? key) \(value)")
    }
}

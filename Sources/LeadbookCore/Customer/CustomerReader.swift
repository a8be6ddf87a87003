import LeadbookText

/// Reads one customer file: bytes in, a `Customer` and its diagnostics out.
public enum CustomerReader {
    /// What reading a file gives: the customer (nil when the file could not be read as one),
    /// where its parts are, its front matter tree and every finding.
    public struct Result: Sendable {
        public var customer: Customer?
        public var layout: RecordLayout?
        public var frontMatter: YAMLNode?
        /// The log's sections and where each entry is (the entries themselves are in `customer`).
        public var log: LogReader.Log?
        public var findings: Findings
        /// The values reported as `ambiguous-scalar` (what `leadbook fix` quotes).
        public var ambiguousValues: [YAMLNode] = []
        /// Where each known top-level key is (with or without the tree).
        public var positions = FieldPositions()

        /// Where the value of `field` starts and its line, from the tree or, for a file the
        /// flat decoder read, from the positions.
        public func valuePlace(_ field: CustomerField) -> (offset: Int, line: Int)? {
            if let frontMatter {
                return frontMatter[field.key].map { ($0.start, $0.line) }
            }
            return positions[field].map { ($0.value, $0.line) }
        }
    }

    public static let frontMatterKeys = CustomerField.keys

    /// Where each known top-level key of the front matter is, found while decoding, so rules
    /// point at a field without searching the tree again.
    public struct FieldPositions: Sendable {
        public struct Position: Sendable {
            public var key: Int
            public var value: Int
            public var valueIsEmpty: Bool
            /// The value's line.
            public var line: Int = 0
        }
        public var entries = [Position?](repeating: nil, count: CustomerField.table.count)

        public mutating func record(_ field: CustomerField, key: Int, value: YAMLNode) {
            let empty = value.isEmpty || value.scalarText?.isEmpty == true
            entries[field.rawValue] = Position(key: key, value: value.start, valueIsEmpty: empty, line: value.line)
        }

        public subscript(_ field: CustomerField) -> Position? { entries[field.rawValue] }
    }

    /// `text: false` reads only what checks need: the log's free texts are not kept (the
    /// front matter is read in full).
    /// `followUpTextFrom`: follow-ups before that day keep their structure but not their texts
    /// (the index needs the texts of recent follow-ups only).
    /// `tree: false`: the caller needs no front matter tree (`frontMatter`), so the flat
    /// decoder (`FlatFrontMatter`) reads the front matter when it can; the customer, its
    /// positions and every diagnostic are the same either way.
    public static func read(path: String, bytes: [UInt8], configuration: Configuration, text: Bool = true,
                            followUpTextFrom: LocalDate? = nil, tree: Bool = true) -> Result {
        var findings = Findings(source: SourceText(path: path, bytes: bytes))
        return bytes.withUnsafeBufferPointer { buffer in
            read(buffer, configuration: configuration, findings: &findings, text: text, followUpTextFrom: followUpTextFrom, tree: tree)
        }
    }

    public static func read(_ buffer: UnsafeBufferPointer<UInt8>, configuration: Configuration, findings: inout Findings, text: Bool = true,
                     followUpTextFrom: LocalDate? = nil, tree: Bool = true) -> Result {
        var result = Result(customer: nil, layout: nil, frontMatter: nil, log: nil, findings: findings)
        let contentStart = UTF8Bytes.hasBOM(buffer) ? 3 : 0
        if buffer.count == contentStart || buffer[contentStart...].allSatisfy({ $0 == ASCII.space || $0 == ASCII.lf || $0 == ASCII.cr || $0 == ASCII.tab }) {
            EmptyFile.report(&result.findings)
            return result
        }
        switch UTF8Bytes.check(buffer) {
        case .nul(let nul)?:
            NulByte.report(at: nul, &result.findings)
            return result
        case .invalid(let invalid)?:
            InvalidUTF8.report(customerFileAt: invalid, byte: buffer[invalid], &result.findings)
            return result
        case nil:
            break
        }
        if LineTooLong.check(buffer, &result.findings) { return result }
        if ConflictMarkers.check(buffer, &result.findings) { return result }
        let layout: RecordLayout
        switch RecordLayout.read(buffer) {
        case .failure(.noFrontMatter):
            if buffer.count >= contentStart + 4, buffer[contentStart] == ASCII.dash, buffer[contentStart + 3] == ASCII.cr,
               !buffer.contains(ASCII.lf) {
                NoFrontMatter.report(.carriageReturnLineEndings, at: contentStart, &result.findings)
                return result
            }
            NoFrontMatter.report(.missing, at: contentStart, &result.findings)
            return result
        case .failure(.unclosed(let offset)):
            UnclosedFrontMatter.report(at: offset, &result.findings)
            return result
        case .success(let value):
            layout = value
        }
        result.layout = layout
        LoneCarriageReturn.check(buffer, layout.frontMatter.upperBound..<buffer.count, &result.findings)
        if !tree, let (decoded, positions) = FlatFrontMatter.decode(buffer, layout: layout, configuration: configuration) {
            var customer = decoded
            let log = LogReader.read(buffer, range: layout.body, firstLine: layout.bodyFirstLine, findings: &result.findings, keepText: text,
                                     followUpTextFrom: followUpTextFrom)
            customer.followUps = log.followUps
            customer.feedback = log.feedback
            result.customer = customer
            result.log = log
            result.positions = positions
            runRules(customer, nil, layout, log, configuration, positions, &result.findings)
            return result
        }
        // Every problem of the front matter at once: the reader reads past typing mistakes and
        // resumes at the next top-level key after any other problem.
        let reading = YAMLReader.read(buffer, range: layout.frontMatter, firstLine: layout.frontMatterFirstLine, checked: true)
        for problem in reading.errors {
            YAMLSyntax.report(problem, &result.findings)
        }
        for note in reading.notes {
            switch note.kind {
            case .chineseQuotes(let inFlow): ChineseQuotes.report(note, inFlow: inFlow, in: buffer, &result.findings)
            case .listComma: ChineseComma.report(note, in: buffer, &result.findings)
            }
        }
        var root = reading.root
        if root == nil && !reading.errors.isEmpty { return result }
        if let root, root.pairs == nil {
            FrontMatterNotMap.report(.customerFile(root.kindDescription), at: root.start, &result.findings)
            return result
        }
        var decoder = FieldDecoder(findings: result.findings)
        var positions = FieldPositions()
        var customer = decodeFrontMatter(root, configuration: configuration, &decoder, positions: &positions)
        let log = LogReader.read(buffer, range: layout.body, firstLine: layout.bodyFirstLine, findings: &decoder.findings, keepText: text,
                                 followUpTextFrom: followUpTextFrom)
        customer.followUps = log.followUps
        customer.feedback = log.feedback
        result.findings = decoder.findings
        result.ambiguousValues = decoder.ambiguous
        result.positions = positions
        // Chinese keys read as the fields they name: the tree says so too.
        let renamed = decoder.findings.diagnostics.compactMap { diagnostic -> (Int, String)? in
            guard diagnostic.rule == ChineseKey.rule, let fix = diagnostic.fix else { return nil }
            return (fix.range.lowerBound, String(decoding: fix.replacement, as: UTF8.self))
        }
        if !renamed.isEmpty { root = root?.renamingKeys(Dictionary(renamed, uniquingKeysWith: { first, _ in first })) }
        // A front matter with a YAML problem is not read as a customer (other tools cannot read
        // it either); its values were checked all the same. The checks across fields wait until
        // no line of it was skipped.
        guard reading.errors.isEmpty else {
            if reading.complete { runRules(customer, root, layout, log, configuration, positions, &result.findings) }
            return result
        }
        result.customer = customer
        result.frontMatter = root
        result.log = log
        runRules(customer, root, layout, log, configuration, positions, &result.findings)
        return result
    }

    public static func runRules(_ customer: Customer, _ root: YAMLNode?, _ layout: RecordLayout, _ log: LogReader.Log,
                                _ configuration: Configuration, _ positions: FieldPositions, _ findings: inout Findings) {
        let context = CustomerContext(customer: customer, frontMatter: root, layout: layout, log: log,
                                      configuration: configuration, positions: positions)
        for rule in CustomerRules.all {
            rule.check(context, &findings)
        }
    }

    // MARK: - Front matter

    public static func decodeFrontMatter(_ root: YAMLNode?, configuration: Configuration, _ decoder: inout FieldDecoder,
                                  positions: inout FieldPositions) -> Customer {
        var customer = Customer()
        let readers = CustomerField.readers
        for pair in root?.pairs ?? [] {
            let value = pair.value
            let key = pair.keyText
            guard let field = CustomerField(key: key) else {
                if !configuration.extraFields.contains(key) {
                    let chinese = ChineseKey.checkFrontMatter(pair, in: root, &decoder.findings)
                    if let meant = chinese.field {
                        // A Chinese name that `fix` renames: read as the field it names.
                        positions.record(meant, key: pair.key.start, value: value)
                        readers[meant.rawValue](&customer, value, meant.key, &decoder, configuration)
                        continue
                    }
                    if !chinese.reported { decoder.unknownKey(pair, known: frontMatterKeys, in: .frontMatter) }
                }
                customer.extra.append((key, value.scalarText ?? "…"))
                continue
            }
            positions.record(field, key: pair.key.start, value: value)
            readers[field.rawValue](&customer, value, key, &decoder, configuration)
        }
        // Fields whose reading depends on another field (source_detail on source).
        for (key, read) in CustomerField.lastReaders {
            if let node = root?[key] { read(&customer, node, key, &decoder, configuration) }
        }
        return customer
    }

    public static func source(_ node: YAMLNode, _ configuration: Configuration, _ decoder: inout FieldDecoder) -> String? {
        guard let text = decoder.string(node, "source") else { return nil }
        return UnknownSource.check(text, configuration, at: node.start, &decoder.findings)
    }

    public static let detailKeys: [String: [String]] = [
        "exhibition": ["booth", "minutes", "products", "reason", "event"],
        "website": ["page", "keywords", "complete"],
        "referral": ["referrer", "relation", "scene"],
    ]

    public static func sourceDetail(_ node: YAMLNode, source: String?, _ decoder: inout FieldDecoder) -> [(String, String)] {
        var lists: [String: [String]] = [:]
        return sourceDetail(node, source: source, &decoder, lists: &lists)
    }

    /// The same, with the items of the values written as lists, by key.
    public static func sourceDetail(_ node: YAMLNode, source: String?, _ decoder: inout FieldDecoder,
                                    lists: inout [String: [String]]) -> [(String, String)] {
        guard let pairs = decoder.map(node, "source_detail", example: "source_detail: {booth: A12, minutes: 30}") else { return [] }
        var detail: [(String, String)] = []
        for pair in pairs {
            let key = pair.keyText
            // The known keys hold text, but for exhibition `minutes` and website `complete` (yes or no).
            var checkedAsText = key != "complete" || source != "website"
            if let source, let known = detailKeys[source], !known.contains(key) {
                decoder.unknownKey(pair, known: known, in: .sourceDetail(source: source))
                checkedAsText = false
            }
            if key == "minutes" && source == "exhibition" {
                if let minutes = decoder.integer(pair.value, "source_detail.minutes") { detail.append((key, String(minutes))) }
                continue
            }
            if let items = pair.value.items {
                // Values of an unknown key are the team's own (as unknown fields): not checked.
                let texts = items.compactMap { checkedAsText ? decoder.text($0, "source_detail.\(key)") : $0.scalarText }
                lists[key] = texts
                detail.append((key, texts.joined(separator: "、")))
            } else if let text = pair.value.scalarText {
                if checkedAsText { _ = decoder.text(pair.value, "source_detail.\(key)") }
                detail.append((key, text))
            }
        }
        return detail
    }

    public static func sources(_ node: YAMLNode, _ configuration: Configuration, _ decoder: inout FieldDecoder) -> [SourceRecord] {
        var records: [SourceRecord] = []
        for item in decoder.mapList(node, "sources", example: "- {source: exhibition, date: 2024-03-02, detail: 展位A12}") {
            var record = SourceRecord()
            for pair in item.pairs ?? [] {
                switch pair.keyText {
                case "source": record.source = source(pair.value, configuration, &decoder)
                case "date": record.date = decoder.date(pair.value, "sources.date")
                case "detail":
                    if let pairs = pair.value.pairs {
                        record.detail = pairs.map { "\($0.keyText): \($0.value.scalarText ?? (($0.value.items ?? []).compactMap(\.scalarText).joined(separator: "、")))" }.joined(separator: "; ")
                        record.detailMap = pairs.map { pair in
                            (pair.keyText, pair.value.items.map { .list($0.compactMap(\.scalarText)) } ?? .text(pair.value.scalarText ?? ""))
                        }
                    } else {
                        record.detail = decoder.text(pair.value, "sources.detail")
                    }
                default: decoder.unknownKey(pair, known: ["source", "date", "detail"], in: .field("sources"))
                }
            }
            if item["source"] == nil {
                MissingField.report(.sourcesItemWithoutSource, at: item.start, &decoder.findings)
            }
            records.append(record)
        }
        return records
    }

    public enum ContactField: String, CaseIterable { case name, title, phone, email, wechat, prefers, role }
    public static let contactNames = KeyNames<ContactField>()
    public static var contactKeys: [String] { contactNames.names }

    public static func contacts(_ node: YAMLNode, _ decoder: inout FieldDecoder) -> [Contact] {
        var contacts: [Contact] = []
        for item in decoder.mapList(node, "contacts", example: "- {name: 张伟, title: 技术总监, phone: \"13800000001\"}") {
            var contact = Contact()
            for pair in item.pairs ?? [] {
                var part = contactNames(pair.keyText)
                var chinese = false
                if part == nil {
                    (chinese, part) = ChineseKey.checkContact(pair, in: item, &decoder.findings)
                }
                switch part {
                case .name?: contact.name = decoder.text(pair.value, "contacts.name")
                case .title?: contact.title = decoder.text(pair.value, "contacts.title")
                case .phone?: contact.phone = decoder.text(pair.value, "contacts.phone")
                case .email?: contact.email = decoder.text(pair.value, "contacts.email")
                case .wechat?: contact.wechat = decoder.text(pair.value, "contacts.wechat")
                case .prefers?: contact.prefers = decoder.vocabulary(pair.value, "contacts.prefers", ContactPreference.self)
                case .role?: contact.role = decoder.vocabulary(pair.value, "contacts.role", ContactRole.self)
                case nil:
                    if !chinese { decoder.unknownKey(pair, known: contactKeys, in: .contact) }
                }
            }
            if contact.name == nil {
                MissingField.report(.contactWithoutName, at: item.start, &decoder.findings)
            }
            contacts.append(contact)
        }
        return contacts
    }

    public enum ScoreField: String, CaseIterable {
        case size, budget, urgency, decision
        case reviewedBy = "reviewed_by"
        case reviewed
    }
    public static let scoreNames = KeyNames<ScoreField>()

    public static func score(_ node: YAMLNode, _ scoring: Configuration.Scoring, _ decoder: inout FieldDecoder) -> Score? {
        guard let pairs = decoder.map(node, "score", example: "score: {size: 25, budget: 25, urgency: 20, decision: 20}") else { return nil }
        var score = Score()
        for pair in pairs {
            switch scoreNames(pair.keyText) {
            case .size?: score.size = decoder.integer(pair.value, "score.size", maximum: scoring.maxSize)
            case .budget?: score.budget = decoder.integer(pair.value, "score.budget", maximum: scoring.maxBudget)
            case .urgency?: score.urgency = decoder.integer(pair.value, "score.urgency", maximum: scoring.maxUrgency)
            case .decision?: score.decision = decoder.integer(pair.value, "score.decision", maximum: scoring.maxDecision)
            case .reviewedBy?: score.reviewedBy = decoder.text(pair.value, "score.reviewed_by")
            case .reviewed?: score.reviewed = decoder.date(pair.value, "score.reviewed")
            case nil: decoder.unknownKey(pair, known: scoreNames.names, in: .field("score"))
            }
        }
        return score
    }

    public enum PlanField: String, CaseIterable { case stage, goal, channels, points, due, owner, expected, fallback }
    public static let planNames = KeyNames<PlanField>()

    public static func plan(_ node: YAMLNode, _ decoder: inout FieldDecoder) -> [PlanStep] {
        var steps: [PlanStep] = []
        for item in decoder.mapList(node, "plan", example: "- {stage: initial-contact, goal: 确认决策链, due: 2024-03-01}") {
            var step = PlanStep()
            for pair in item.pairs ?? [] {
                switch planNames(pair.keyText) {
                case .stage?: step.stage = decoder.vocabulary(pair.value, "plan.stage", Stage.self)
                case .goal?: step.goal = decoder.text(pair.value, "plan.goal")
                case .channels?:
                    let nodes = pair.value.items ?? (pair.value.isEmpty ? [] : [pair.value])
                    for channelNode in nodes {
                        if let channel = decoder.vocabulary(channelNode, "plan.channels", Channel.self) { step.channels.append(channel) }
                    }
                case .points?: step.points = decoder.text(pair.value, "plan.points")
                case .due?:
                    // A date, or a recurring time as text (the toolkit's 每周一, every Monday).
                    if let text = pair.value.scalarText, Self.looksLikeDate(text) {
                        step.due = decoder.date(pair.value, "plan.due")
                        // Not a date (`2024-3-20`): an error, and the text as written for `show`.
                        if step.due == nil { step.dueText = text }
                    } else {
                        step.dueText = decoder.text(pair.value, "plan.due")
                        if let text = step.dueText {
                            step.weekly = WeeklyDays(text)
                            if step.weekly == nil { InvalidPlanDue.report(text, at: pair.value.start, &decoder.findings) }
                        }
                    }
                case .owner?: step.owner = decoder.text(pair.value, "plan.owner")
                case .expected?: step.expected = decoder.text(pair.value, "plan.expected")
                case .fallback?: step.fallback = decoder.text(pair.value, "plan.fallback")
                case nil: decoder.unknownKey(pair, known: planNames.names, in: .planStep)
                }
            }
            steps.append(step)
        }
        return steps
    }

    /// `YYYY-...`: written as a date (and then it must be one).
    public static func looksLikeDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(5))
        return bytes.count == 5 && bytes[0..<4].allSatisfy(ASCII.isDigit) && bytes[4] == ASCII.dash
    }

    public static func deal(_ node: YAMLNode, _ decoder: inout FieldDecoder) -> Deal? {
        guard let pairs = decoder.map(node, "deal", example: "deal: {amount: 180000, closed: 2024-04-02}") else { return nil }
        var deal = Deal()
        for pair in pairs {
            switch pair.keyText {
            case "amount": deal.amount = decoder.number(pair.value, "deal.amount")
            case "closed": deal.closed = decoder.date(pair.value, "deal.closed")
            default: decoder.unknownKey(pair, known: ["amount", "closed"], in: .field("deal"))
            }
        }
        return deal
    }
}

import LeadbookText

/// `leadbook show`: one customer as data (JSON) or as a readable page (text).
public enum CustomerView {
    /// With `source` (the file's bytes), each entry also carries its Markdown as written
    /// (`text`: heading, items and free notes, without the blank lines after it).
    public static func json(_ customer: Customer, path: String, configuration: Configuration, source: [UInt8]? = nil) -> JSON {
        var members: [(String, JSON)] = [("file", .string(path))]
        for definition in CustomerField.table {
            members.append((definition.key, definition.access.json?(customer) ?? definition.access.value(customer)?.json ?? .null))
        }
        members += [
            ("extra", .object(customer.extra.map { ($0.0, .string($0.1)) })),
            ("derived", .object([
                ("score_total", .optional(customer.score?.total)),
                ("grade", .optional(customer.score?.total.map { configuration.scoring.grade(forTotal: $0).rawValue })),
                ("completeness", .string(Completeness.of(customer).rawValue)),
                ("key_fields_filled", .array(Completeness.filled(customer).map(JSON.string))),
            ])),
            ("follow_ups", .array(customer.followUps.map { withText(followUpJSON($0), source, $0.start, $0.end) })),
            ("feedback", .array(customer.feedback.map { withText(feedbackJSON($0), source, $0.start, $0.end) })),
        ]
        return .object(members)
    }

    // MARK: - The JSON and rows of the fields with parts (CustomerField's entries use them)

    /// Lists stay lists: `{page: 企业解决方案, keywords: [数据安全, 服务器升级]}` is an object
    /// with a string and an array.
    public static func sourceJSON(_ record: SourceRecord) -> JSON {
        let detail: JSON = record.detailMap.map { pairs in .object(pairs.map { ($0.0, detailJSON($0.1)) }) } ?? .optional(record.detail)
        return .object([("source", .optional(record.source)), ("date", .optional(record.date)), ("detail", detail)])
    }

    @Sendable public static func sourceDetailJSON(_ customer: Customer) -> JSON {
        .object(customer.sourceDetail.map { key, text in
            (key, customer.sourceDetailLists[key].map { .array($0.map(JSON.string)) } ?? .string(text))
        })
    }

    public static func detailJSON(_ value: DetailValue) -> JSON {
        switch value {
        case .text(let text): return .string(text)
        case .list(let items): return .array(items.map(JSON.string))
        }
    }

    public static func contactJSON(_ contact: Contact) -> JSON {
        .object([
            ("name", .optional(contact.name)), ("title", .optional(contact.title)), ("phone", .optional(contact.phone)),
            ("email", .optional(contact.email)), ("wechat", .optional(contact.wechat)),
            ("prefers", .optional(contact.prefers?.rawValue)), ("role", .optional(contact.role?.rawValue)),
        ])
    }

    public static func scoreJSON(_ customer: Customer) -> JSON {
        guard let score = customer.score else { return .null }
        return .object([
            ("size", .optional(score.size)), ("budget", .optional(score.budget)), ("urgency", .optional(score.urgency)),
            ("decision", .optional(score.decision)), ("total", .optional(score.total)),
            ("reviewed_by", .optional(score.reviewedBy)), ("reviewed", .optional(score.reviewed)),
        ])
    }

    public static func planStepJSON(_ step: PlanStep) -> JSON {
        .object([
            ("stage", .optional(step.stage?.rawValue)), ("goal", .optional(step.goal)),
            ("channels", .array(step.channels.map { .string($0.rawValue) })), ("points", .optional(step.points)),
            ("due", step.due.map { .string($0.description) } ?? .optional(step.dueText)),
            ("weekdays", step.weekly.map { weekly in .array(weekly.days.map { .string(WeeklyDays.englishNames[$0].lowercased()) }) } ?? .null),
            ("owner", .optional(step.owner)),
            ("expected", .optional(step.expected)), ("fallback", .optional(step.fallback)),
        ])
    }

    public static func dealJSON(_ customer: Customer) -> JSON {
        customer.deal.map { deal in .object([("amount", .optional(deal.amount)), ("closed", .optional(deal.closed))]) } ?? .null
    }

    /// `90 = size 25/30 + budget 25/30 + urgency 20/20 + decision 20/20 -> S`, when the score is complete.
    public static func scoreLines(_ customer: Customer, _ configuration: Configuration) -> [Phrase] {
        guard let score = customer.score, let total = score.total else { return [] }
        return [Wording<CustomerView>.score(total, score, configuration.scoring).phrase]
    }

    public static func dealLines(_ customer: Customer, _ configuration: Configuration) -> [Phrase] {
        guard let deal = customer.deal else { return [] }
        return [Wording<CustomerView>.deal(deal.amount.map { Money.format($0) } ?? "?", closed: deal.closed?.description ?? "?").phrase]
    }

    /// One row per contact.
    public static func contactLines(_ customer: Customer, _ configuration: Configuration) -> [Phrase] {
        customer.contacts.map { contact in
            let parts = [contact.name, contact.title, contact.phone, contact.email]
            return Phrase(
                (parts + [contact.role?.rawValue]).compactMap { $0 }.joined(separator: ", "),
                (parts + [contact.role?.label]).compactMap { $0 }.joined(separator: "，"))
        }
    }

    /// An entry's object with its source text (CRLF read as LF) added last.
    public static func withText(_ entry: JSON, _ source: [UInt8]?, _ start: Int, _ end: Int) -> JSON {
        guard let source, case .object(var members) = entry, start <= end, end <= source.count else { return entry }
        var stop = end
        while stop > start, source[stop - 1] == ASCII.lf || source[stop - 1] == ASCII.cr || source[stop - 1] == ASCII.space {
            stop -= 1
        }
        let text = String(decoding: source[start..<stop], as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        members.append(("text", .string(text)))
        return .object(members)
    }

    public static func todoJSON(_ todo: Todo) -> JSON {
        .object([("date", .optional(todo.date)), ("text", .string(todo.text)), ("owner", .optional(todo.owner)), ("done", .bool(todo.done))]
                + (todo.requester.map { [("requester", JSON.string($0))] } ?? []))
    }

    public static func followUpJSON(_ entry: FollowUp) -> JSON {
        var members: [(String, JSON)] = [
            ("line", .int(entry.line)), ("date", .optional(entry.date)),
            ("time", .optional(entry.time.map { LocalDateTime(date: entry.date ?? LocalDate(dayNumber: 0), minutes: $0).timeText })),
            ("channel", .optional(entry.channel?.rawValue)), ("counterpart", .string(entry.counterpart)),
        ]
        for (key, value) in entry.facts { members.append((key.rawValue, .string(value))) }
        members += [
            ("mood", .optional(entry.mood?.rawValue)), ("status", .optional(entry.status?.rawValue)),
            ("next", .optional(entry.next)), ("todos", .array(entry.todos.map(todoJSON))),
        ]
        return .object(members)
    }

    public static func feedbackJSON(_ entry: FeedbackEntry) -> JSON {
        .object([
            ("line", .int(entry.line)), ("date", .optional(entry.date)), ("channel", .optional(entry.channel?.rawValue)),
            ("summary", .string(entry.summary)), ("type", .optional(entry.type?.rawValue)),
            ("priority", .optional(entry.priority?.rawValue)), ("why", .array(entry.whys.map(JSON.string))),
            ("handling", .optional(entry.handling?.rawValue)), ("plan", .optional(entry.plan)), ("owner", .optional(entry.owner)),
            ("due", .optional(entry.due)), ("resolved", .optional(entry.resolved)),
            ("confirmed", .optional(entry.confirmed)), ("confirmation", .optional(entry.confirmation)),
            ("satisfaction", .optional(entry.satisfaction)),
        ])
    }

    /// The page in English, 100 cells wide (the English view, for tests).
    public static func text(_ customer: Customer, path: String, configuration: Configuration) -> String {
        text(customer, path: path, configuration: configuration, style: ViewStyle(language: .en))
    }

    /// A page for the terminal in `style`'s language: a value too long for the width goes on
    /// in the next lines, under itself (a page shows all of it; `agenda` cuts instead).
    /// With `source` (the file's bytes), every other line of an entry (free text, a key
    /// leadbook does not know) follows its typed lines as written.
    public static func text(_ customer: Customer, path: String, configuration: Configuration, style: ViewStyle,
                            source: [UInt8]? = nil) -> String {
        let language = style.language
        typealias Words = Wording<CustomerView>
        var lines: [String] = []
        let labelCells = 14
        func row(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            let pieces = DisplayWidth.wrap(value, to: max(20, style.width - 2 - labelCells))
            lines.append("  " + label.padded(to: labelCells) + pieces[0])
            for piece in pieces.dropFirst() { lines.append(String(repeating: " ", count: 2 + labelCells) + piece) }
        }
        /// A line of the log, wrapped to the width; the lines that follow it are indented `more`.
        func logLine(_ indent: Int, _ text: String, more: Int) {
            let pieces = DisplayWidth.wrap(text, to: max(20, style.width - indent - more), first: max(20, style.width - indent))
            lines.append(String(repeating: " ", count: indent) + pieces[0])
            for piece in pieces.dropFirst() { lines.append(String(repeating: " ", count: indent + more) + piece) }
        }
        lines.append("\(customer.id ?? "?")  \(customer.name ?? "")")
        lines.append("  " + path)
        lines.append("")
        var completenessShown = false
        for (field, label, rank, format) in CustomerField.shownRows {
            if !completenessShown && rank > completenessRank {
                completenessRow(customer, language, row)
                completenessShown = true
            }
            let shownLabel = language == .zhCN ? field.label : label
            for value in values(field, format, customer, configuration, in: language) { row(shownLabel, value) }
        }
        if !completenessShown { completenessRow(customer, language, row) }
        if !customer.plan.isEmpty {
            lines.append("")
            lines.append(Words.plan(customer.plan.count).phrase.text(language))
            for step in customer.plan { planLines(step, language, logLine) }
        }
        if !customer.followUps.isEmpty {
            lines.append("")
            lines.append(Words.followUps(customer.followUps.count).phrase.text(language))
            for entry in customer.followUps {
                var heading = (entry.moment?.description ?? "?") + " " + (entry.channel?.label(in: language) ?? "?")
                if !entry.counterpart.isEmpty { heading += " " + entry.counterpart }
                if let status = entry.status { heading += "  -> " + status.label(in: language) }
                logLine(2, heading, more: 2)
                for (key, value) in entry.facts { logLine(4, keyed(key, value, language), more: 4) }
                if let mood = entry.mood { logLine(4, keyed(.mood, mood.label(in: language), language), more: 4) }
                for todo in entry.todos {
                    logLine(4, "[\(todo.done ? "x" : " ")] \(todo.date?.description ?? "?") \(todo.text)\(todo.owner.map { " @" + $0 } ?? "")\(todo.requester.map { " ^" + $0 } ?? "")", more: 4)
                }
                if let next = entry.next { logLine(4, keyed(.next, next.description, language), more: 4) }
                for line in otherLines(source, entry.start, entry.end) { logLine(4, line, more: 4) }
            }
        }
        if !customer.feedback.isEmpty {
            lines.append("")
            lines.append(Words.feedback(customer.feedback.count).phrase.text(language))
            for entry in customer.feedback {
                var when = entry.date?.description ?? "?"
                if let date = entry.date, let time = entry.time { when = LocalDateTime(date: date, minutes: time).description }
                if let channel = entry.channel { when += " " + channel.label(in: language) }
                var heading = Phrase(verbatim: when + " " + (entry.type?.label(in: language) ?? "?") + "/"
                                     + (entry.priority?.label(in: language) ?? "?") + " " + entry.summary)
                if let resolved = entry.resolved { heading += Phrase(verbatim: "  ") + Words.resolved(resolved).phrase }
                if let confirmed = entry.confirmed { heading += Phrase(", ", "，") + Words.confirmed(confirmed).phrase }
                if let satisfaction = entry.satisfaction { heading += Phrase(", ", "，") + Words.satisfaction(satisfaction).phrase }
                logLine(2, heading.text(language), more: 2)
                for why in entry.whys { logLine(4, keyed(.why, why, language), more: 4) }
                if let handling = entry.handling { logLine(4, keyed(.handling, handling.label(in: language), language), more: 4) }
                if let plan = entry.plan { logLine(4, keyed(.plan, plan, language), more: 4) }
                if let owner = entry.owner { logLine(4, keyed(.owner, owner, language), more: 4) }
                if let due = entry.due { logLine(4, keyed(.due, due.description, language), more: 4) }
                if let result = entry.confirmation, !result.isEmpty { logLine(4, keyed(.confirmed, result, language), more: 4) }
                for line in otherLines(source, entry.start, entry.end) { logLine(4, line, more: 4) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines of an entry (after its heading) that its typed values do not show: free
    /// text and `- key: value` lines with a key leadbook does not know, as written (blank
    /// lines left out). Known keys and to-dos are shown from their values.
    static func otherLines(_ source: [UInt8]?, _ start: Int, _ end: Int) -> [String] {
        guard let source, start < end, end <= source.count else { return [] }
        let text = String(decoding: source[start..<end], as: UTF8.self)
        var lines: [String] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index > 0 {
            let line = String(raw).trimmingSpaces
            guard !line.isEmpty, !isTyped(line) else { continue }
            lines.append(line)
        }
        return lines
    }

    /// A `- key: value` line of a known key (any spelling), or a to-do.
    static func isTyped(_ line: String) -> Bool {
        var item = Substring(line)
        guard let marker = item.first, marker == "-" || marker == "*" || marker == "+" else { return false }
        item = item.dropFirst().drop { $0 == " " || $0 == "\u{3000}" }
        if item.hasPrefix("[") || item.hasPrefix("［") || item.hasPrefix("【") { return true }
        guard let colon = item.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return false }
        var key = Array(String(item[..<colon]).trimmingSpaces.utf8)
        guard !key.isEmpty else { return false }
        return key.withUnsafeMutableBufferPointer { buffer in
            EntryKey.matching(UnsafeBufferPointer(buffer), 0..<buffer.count) != nil
        }
    }

    /// `background: 服务器月均宕机5次` / `背景：服务器月均宕机5次`: a line of an entry, by its key.
    static func keyed(_ key: EntryKey, _ value: String, _ language: Language) -> String {
        language == .zhCN ? key.label + "：" + value : key.rawValue + ": " + value
    }

    /// A plan step: when (a date, the weekdays it comes back on, or the text as written), its
    /// stage and owner, then each part the step writes.
    static func planLines(_ step: PlanStep, _ language: Language, _ logLine: (Int, String, Int) -> Void) {
        typealias Words = Wording<CustomerView>
        let when = step.due?.description ?? step.weekly?.phrase.text(language) ?? step.dueText ?? "?"
        var heading = when
        if let stage = step.stage { heading += "  " + (language == .zhCN ? stage.label : stage.words) }
        if let owner = step.owner { heading += "  @" + owner }
        logLine(2, heading, 2)
        let channels = step.channels.map { $0.label(in: language) }.joined(separator: language == .zhCN ? "、" : ", ")
        for (label, value) in [(Words.planGoal, step.goal), (Words.planChannels, channels), (Words.planPoints, step.points),
                               (Words.planExpected, step.expected), (Words.planFallback, step.fallback)] {
            guard let value = value?.replacingNewlines(), !value.isEmpty else { continue }
            logLine(4, label.phrase.text(language) + Words.separator.phrase.text(language) + value, 4)
        }
    }

    /// The completeness row comes after the field rows of lower rank (CustomerField's `show`).
    public static let completenessRank = 160

    public static func completenessRow(_ customer: Customer, _ language: Language, _ row: (String, String?) -> Void) {
        let completeness = Completeness.of(customer)
        let words = Wording<CustomerView>.completeness(completeness, filled: Completeness.filled(customer).count, of: Completeness.keyFields.count)
        row(Wording<CustomerView>.completenessLabel.phrase.text(language), words.phrase.text(language))
    }

    /// A field's values on the page in English.
    public static func values(_ field: CustomerField, _ format: CustomerField.ShowFormat, _ customer: Customer,
                              _ configuration: Configuration) -> [String] {
        values(field, format, customer, configuration, in: .en)
    }

    /// A field's values on the page: one for most fields, none when it is empty. A value of a
    /// closed set is shown as the language says it: `qualified (需求明确)` in English, `需求明确`
    /// in Chinese; a source by its Chinese name in Chinese (展会).
    public static func values(_ field: CustomerField, _ format: CustomerField.ShowFormat, _ customer: Customer,
                              _ configuration: Configuration, in language: Language) -> [String] {
        if case .lines(let lines) = format { return lines(customer, configuration).map { $0.text(language) } }
        guard let value = field.definition.access.value(customer) else { return [] }
        let chinese = language == .zhCN
        switch (value, format) {
        case (.text(let text), _) where field == .source: return [chinese ? Configuration.sourceLabels[text] ?? text : text]
        case (.text(let text), .oneLine): return [text.replacingNewlines()]
        case (.choice(_, let label), _) where chinese: return [label]
        case (.choice(let raw, let label), .valueAndLabel): return ["\(raw) (\(label))"]
        case (.amount(let amount), _): return [Money.format(amount)]
        case (.texts(let texts), _) where chinese: return [texts.joined(separator: "、")]
        default: return [value.written]
        }
    }
}

extension Wording where Of == CustomerView {
    public static func plan(_ count: Int) -> Self { Self("plan (\(count)):", "跟进计划（\(count) 项）：") }
    public static let planGoal = Self("goal", "跟进目标")
    public static let planChannels = Self("channels", "跟进方式")
    public static let planPoints = Self("points", "沟通要点")
    public static let planExpected = Self("expected", "预期成果")
    public static let planFallback = Self("fallback", "应急预案")
    public static let separator = Self(": ", "：")
    public static func followUps(_ count: Int) -> Self { Self("follow-ups (\(count)):", "跟进记录（\(count) 条）：") }
    public static func feedback(_ count: Int) -> Self { Self("feedback (\(count)):", "客户反馈（\(count) 条）：") }
    public static func resolved(_ date: LocalDate) -> Self { Self("resolved \(date)", "\(date) 已解决") }
    public static func confirmed(_ date: LocalDate) -> Self { Self("confirmed \(date)", "\(date) 已确认") }
    public static func satisfaction(_ score: Int) -> Self { Self("satisfaction \(score)/5", "满意度 \(score)/5") }
    public static let completenessLabel = Self("completeness", "信息完整度")

    public static func completeness(_ completeness: Completeness, filled: Int, of keyFields: Int) -> Self {
        Self("\(completeness.rawValue) (\(completeness.label), \(filled)/\(keyFields) key fields)",
             "\(completeness.label)（关键信息 \(filled)/\(keyFields) 项）")
    }

    public static func score(_ total: Int, _ score: Score, _ scoring: Configuration.Scoring) -> Self {
        let grade = scoring.grade(forTotal: total).rawValue
        let (size, budget, urgency, decision) = (score.size!, score.budget!, score.urgency!, score.decision!)
        return Self(
            "\(total) = size \(size)/\(scoring.maxSize) + budget \(budget)/\(scoring.maxBudget) + urgency \(urgency)/\(scoring.maxUrgency) + decision \(decision)/\(scoring.maxDecision) -> \(grade)",
            "\(total) = 规模 \(size)/\(scoring.maxSize) + 预算 \(budget)/\(scoring.maxBudget) + 紧迫度 \(urgency)/\(scoring.maxUrgency) + 决策链 \(decision)/\(scoring.maxDecision) -> \(grade)")
    }

    public static func deal(_ amount: String, closed: String) -> Self { Self("\(amount) closed \(closed)", "\(amount)，\(closed) 成交") }
}

/// Amounts in CNY, as people read them.
public enum Money {
    /// `198000` -> `198,000`; decimals rounded to the fen (`1.999` -> `2`). Amounts are read
    /// with at most 15 digits before the point, so the fen always fit an `Int`; the whole
    /// part is kept apart from the fraction so that it stays exact.
    public static func format(_ amount: Double) -> String {
        let value = abs(amount)
        let whole = value.rounded(.down)
        let fen = Int(whole) * 100 + Int(((value - whole) * 100).rounded())
        return SummaryText.money(cents: amount < 0 ? -fen : fen)
    }
}

extension String {
    /// Left-aligned in `width` terminal cells (Chinese characters count two).
    public func padded(to width: Int) -> String {
        let current = DisplayWidth.of(self)
        return current >= width ? self : self + String(repeating: " ", count: width - current)
    }

    public func replacingNewlines() -> String {
        String(unicodeScalars.map { $0 == "\n" ? " " : Character($0) }).trimmingSpaces
    }
}

import LeadbookText

/// One lead of an imported sheet: the values of a row, read and checked.
public struct Lead: Sendable {
    public var row: Int
    public var line: Int
    /// The id the sheet gave (线索编号), used for a new customer when it is free.
    public var id: String?
    public var name: String
    public var kind: CustomerKind?
    public var source: String
    public var sourceDetail: [(String, String)] = []
    /// What followed the source in brackets (`展会(数博会)`) when the source has no detail key for it.
    public var sourceRemark: String?
    public var contact: Contact?
    public var intent: Intent
    public var created: LocalDateTime
    public var status: Status?
    /// The other fields the row gives (industry, budget, owner, ...), as the front matter writes
    /// them: `200000`, `2024-04-01`, the text.
    public var fields: [CustomerField: String] = [:]
    public var note: String?
    public var extra: [(String, String)] = []

    public init(row: Int, line: Int, name: String, source: String, intent: Intent, created: LocalDateTime) {
        self.row = row
        self.line = line
        self.name = name
        self.source = source
        self.intent = intent
        self.created = created
    }
}

/// A sheet of leads: which column holds which field, and each row read into a `Lead`.
public struct LeadSheet: Sendable {
    public struct Column: Sendable {
        public var index: Int
        public var header: String
        public var field: LeadField

        /// The spreadsheet's column letter: A, B, ..., Z, AA, ...
        public var letter: String { LeadSheet.letter(index) }
        /// `J (初步意向等级)`.
        public var display: String { header.isEmpty ? letter : "\(letter) (\(header))" }
        /// `column J (初步意向等级)`, `J 列（初步意向等级）`.
        public var place: Phrase { LeadSheet.place(display) }
    }

    /// A column as `display` writes it (`J (初步意向等级)`, `D`), for people: `column J
    /// (初步意向等级)`, `J 列（初步意向等级）`.
    public static func place(_ display: String) -> Phrase {
        let letters = display.prefix { $0 >= "A" && $0 <= "Z" }
        let rest = display.dropFirst(letters.count)
        guard !letters.isEmpty, rest.hasPrefix(" ("), rest.hasSuffix(")") else { return Phrase("column \(display)", "\(display) 列") }
        return Phrase("column \(display)", "\(letters) 列（\(rest.dropFirst(2).dropLast())）")
    }

    /// A problem of the header or of one row.
    public struct Problem: Sendable, Equatable {
        /// The spreadsheet row (the header is row 1); nil for the file as a whole.
        public var row: Int?
        public var line: Int
        /// The column, as `J (初步意向等级)`.
        public var column: String?
        /// What is wrong and how to fix it, in both languages.
        public var phrase: Phrase
        public var hintPhrase: Phrase
        /// The column's index, to list a row's problems from left to right.
        public var columnIndex: Int?

        /// The English views.
        public var message: String { phrase.en }
        public var hint: String { hintPhrase.en }

        public init(row: Int?, line: Int, column: String?, phrase: Phrase, hint: Phrase, columnIndex: Int? = nil) {
            self.row = row
            self.line = line
            self.column = column
            self.phrase = phrase
            self.hintPhrase = hint
            self.columnIndex = columnIndex
        }

        /// A problem in the words of whoever found it: the sheet, the import, a rule.
        public init<Of>(row: Int?, line: Int, column: String?, _ words: Wording<Of>, columnIndex: Int? = nil) {
            self.init(row: row, line: line, column: column, phrase: words.phrase, hint: words.hintPhrase, columnIndex: columnIndex)
        }
    }

    /// The problems of a header or a row, all of them (an `Error` for `Result`).
    public struct Problems: Error, Sendable {
        public var items: [Problem]
    }

    public var columns: [Column]
    /// Columns that are read but not imported because leadbook computes or keeps them.
    public var ignored: [Column] { columns.filter { $0.field == .ignore && !mappedToIgnore.contains($0.index) } }
    public var mappedToIgnore: Set<Int> = []
    /// True when the rows come from a workbook: a hint then says to save it, not to export a CSV.
    public var fromWorkbook = false

    public static func letter(_ index: Int) -> String {
        var index = index
        var letters = ""
        repeat {
            letters = String(UnicodeScalar(UInt8(0x41 + index % 26))) + letters
            index = index / 26 - 1
        } while index >= 0
        return letters
    }

    /// Reads the header row. `maps` are the `--map COLUMN=FIELD` pairs (COLUMN a header as
    /// written, or a column letter); `blankColumns` are the indexes of columns with no value in
    /// any row (a column without a header is only a problem when it has values).
    public static func read(header: CSVReader.Record, maps: [(String, LeadField)], blankColumns: Set<Int>,
                            hasDefaultSource: Bool, configuration: Configuration) -> Result<LeadSheet, Problems> {
        var problems: [Problem] = []
        func problem(_ words: Wording<LeadSheet>, column: String? = nil) {
            problems.append(Problem(row: 1, line: header.line, column: column, words))
        }
        for problem in header.problems {
            problems.append(Problem(row: 1, line: problem.line, column: nil, Wording<LeadSheet>.headerQuotes(problem.phrase)))
        }
        guard problems.isEmpty else { return .failure(Problems(items: problems)) }
        let headers = header.fields.map(\.trimmingSpreadsheetSpaces)
        if headers.count == 1, let only = headers.first, only.contains(";") || only.contains("\t") {
            problem(.notCommaSeparated)
            return .failure(Problems(items: problems))
        }
        var mapped: [Int: LeadField] = [:]
        var ignoredByMap: Set<Int> = []
        for (name, field) in maps {
            if let index = headers.firstIndex(of: name.trimmingSpreadsheetSpaces) ?? columnIndex(letter: name, count: headers.count) {
                mapped[index] = field
                if field == .ignore { ignoredByMap.insert(index) }
            } else {
                problem(.mapsNoColumn(name, headers: headers))
            }
        }
        var columns: [Column] = []
        for (index, text) in headers.enumerated() {
            if let field = mapped[index] {
                columns.append(Column(index: index, header: text, field: field))
                continue
            }
            if text.isEmpty {
                if !blankColumns.contains(index) {
                    problem(.noHeader(letter(index)), column: letter(index))
                }
                columns.append(Column(index: index, header: text, field: .ignore))
                continue
            }
            guard let field = LeadField.recognize(header: text, configuration: configuration) else {
                problem(.unknownColumn(letter(index), text, fields: LeadField.names(configuration)), column: "\(letter(index)) (\(text))")
                continue
            }
            columns.append(Column(index: index, header: text, field: field))
        }
        // A field filled by two columns.
        var seen: [LeadField: Column] = [:]
        for column in columns where column.field.isSingle {
            if let first = seen[column.field] {
                problem(.twoColumns(first, column), column: column.display)
            } else {
                seen[column.field] = column
            }
        }
        let fields = Set(columns.map(\.field))
        if !fields.contains(.field(.name)) {
            problem(.noNameColumn)
        }
        if !fields.contains(.field(.intent)) {
            problem(.noIntentColumn)
        }
        if !fields.contains(.field(.source)) && !hasDefaultSource {
            problem(.noSourceColumn)
        }
        guard problems.isEmpty else { return .failure(Problems(items: problems)) }
        return .success(LeadSheet(columns: columns, mappedToIgnore: ignoredByMap))
    }

    public static func columnIndex(letter: String, count: Int) -> Int? {
        guard !letter.isEmpty, letter.count <= 3, letter.unicodeScalars.allSatisfy({ $0.value >= 0x41 && $0.value <= 0x5A }) else { return nil }
        var index = 0
        for scalar in letter.unicodeScalars { index = index * 26 + Int(scalar.value - 0x40) }
        return index - 1 < count ? index - 1 : nil
    }

    /// Reads one row. `defaultSource` is `--source`; `defaultCreated` is used when 获取时间 is empty.
    public func lead(_ record: CSVReader.Record, defaultSource: String?, defaultCreated: LocalDateTime,
                     configuration: Configuration) -> Result<Lead, Problems> {
        var problems: [Problem] = []
        for problem in record.problems {
            let column = columns.first { $0.index == problem.field }?.display ?? LeadSheet.letter(problem.field)
            if let hint = problem.hintPhrase {
                problems.append(Problem(row: record.row, line: problem.line, column: column, phrase: problem.phrase, hint: hint,
                                        columnIndex: problem.field))
            } else {
                problems.append(Problem(row: record.row, line: problem.line, column: column, Wording<LeadSheet>.quotes(problem.phrase),
                                        columnIndex: problem.field))
            }
        }
        func report(_ column: Column?, _ phrase: Phrase, _ hint: Phrase) {
            problems.append(Problem(row: record.row, line: record.line, column: column?.display, phrase: phrase, hint: hint,
                                    columnIndex: column?.index))
        }
        func report(_ column: Column?, _ words: Wording<LeadSheet>) { report(column, words.phrase, words.hintPhrase) }
        func report<Of>(_ column: Column?, said words: Wording<Of>) { report(column, words.phrase, words.hintPhrase) }
        func report(_ column: Column?, _ problem: SpreadsheetValue.Problem) { report(column, problem.phrase, problem.hintPhrase) }
        var values: [LeadField: (Column, String)] = [:]
        var notes: [(Column, String)] = []
        for column in columns {
            let raw = column.index < record.fields.count ? record.fields[column.index] : ""
            let value = Self.normalizedLineBreaks(raw).trimmingSpreadsheetSpaces
            guard !value.isEmpty else { continue }
            switch column.field {
            case .ignore, .number: continue
            case .note: notes.append((column, value))
            default: values[column.field] = (column, value)
            }
        }
        if record.fields.count > columns.count {
            let extra = record.fields[columns.count...].filter { !$0.trimmingSpreadsheetSpaces.isEmpty }
            if !extra.isEmpty {
                report(nil, .moreCells(record.fields.count, columns: columns.count))
            }
        }
        func text(_ field: LeadField) -> String? { values[field]?.1 }
        func parse<T>(_ field: LeadField, _ parser: (String) -> Result<T, SpreadsheetValue.Problem>) -> T? {
            guard let (column, value) = values[field] else { return nil }
            switch parser(value) {
            case .success(let parsed): return parsed
            case .failure(let problem):
                report(column, problem)
                return nil
            }
        }

        let name = text(.field(.name))
        if name == nil {
            report(columns.first { $0.field == .field(.name) }, .noName)
        }
        // Source, with a detail in brackets: 展会(数博会).
        var source: String?
        var remark: String?
        if let (column, value) = values[.field(.source)] {
            if let known = configuration.source(named: value) {
                source = known
            } else if let (base, inside) = Self.splitBracket(value), let known = configuration.source(named: base) {
                source = known
                remark = inside
            } else {
                report(column, said: UnknownSource.Message.unknown(value, configuration))
            }
        } else if let defaultSource {
            source = defaultSource
        } else {
            report(columns.first { $0.field == .field(.source) }, .noSource)
        }
        var intent: Intent?
        if values[.field(.intent)] != nil {
            intent = parse(.field(.intent), SpreadsheetValue.intent)
        } else {
            report(columns.first { $0.field == .field(.intent) }, .noIntent)
        }
        let created = values[.field(.created)] == nil ? defaultCreated : parse(.field(.created), SpreadsheetValue.dateTime)

        var lead = Lead(row: record.row, line: record.line, name: name ?? "", source: source ?? "", intent: intent ?? .C,
                        created: created ?? defaultCreated)
        for field in CustomerField.allCases where values[.field(field)] != nil {
            switch field {
            case .name, .source, .intent, .created:
                break  // read above
            case .id:
                lead.id = text(.field(.id))
            case .kind:
                lead.kind = parse(.field(.kind)) { text in
                    guard let kind = CustomerKind(text: text) else {
                        return .failure(SpreadsheetValue.Problem(said: Wording<LeadSheet>.unknownKind(text)))
                    }
                    return .success(kind)
                }
            case .status:
                lead.status = parse(.field(.status)) { text in
                    guard let status = Status(text: text) else {
                        return .failure(SpreadsheetValue.Problem(said: UnknownStatus.message(text)))
                    }
                    return .success(status)
                }
            case .owner:
                let (column, owner) = values[.field(.owner)]!
                let team = configuration.team
                if !team.isEmpty && configuration.member(named: owner) == nil {
                    report(column, said: UnknownOwner.Message.notInTeam(owner, team: team.map(\.name)))
                } else {
                    lead.fields[.owner] = owner
                }
            default:
                lead.fields[field] = parse(.field(field)) { SpreadsheetValue.written($0, as: field.type) }
            }
        }
        // An owner is assigned when the lead is captured, as `new --owner` records it: the row's
        // 获取时间, or the import's `--at` (now) for a row without one.
        if lead.fields[.owner] != nil, lead.fields[.assigned] == nil {
            lead.fields[.assigned] = lead.created.description
        }

        // Source details: the columns, then the bracket remark when the source has a key for it.
        for column in columns {
            guard case .sourceDetail(let key) = column.field, let (_, value) = values[column.field] else { continue }
            guard let source else { continue }
            guard LeadField.sourceDetailKeys[source]?.contains(key) == true else {
                report(column, .detailOfOtherSources(key, Self.sourcesWith(key), source: source))
                continue
            }
            if key == "minutes" {
                var minutes = value
                for suffix in ["分钟", "分", "min", "minutes"] where minutes.hasSuffix(suffix) {
                    minutes = String(minutes.dropLast(suffix.count)).trimmingSpreadsheetSpaces
                    break
                }
                switch SpreadsheetValue.count(minutes) {
                case .success(let number): lead.sourceDetail.append((key, String(number)))
                case .failure(let problem): report(column, problem)
                }
                continue
            }
            lead.sourceDetail.append((key, value))
        }
        if let remark, let source {
            if let key = Self.remarkKeys[source], !lead.sourceDetail.contains(where: { $0.0 == key }) {
                lead.sourceDetail.append((key, remark))
            } else {
                lead.sourceRemark = remark
            }
        }

        // The contact.
        var contact = Contact()
        contact.name = text(.contact)
        contact.title = text(.title)
        contact.phone = parse(.phone) { text in
            SpreadsheetValue.phone(text).mapError { problem in
                guard fromWorkbook, problem == SpreadsheetValue.Problem(.phoneAsNumber(text)) else { return problem }
                return SpreadsheetValue.Problem(.phoneAsNumberInWorkbook(text))
            }
        }
        contact.email = parse(.email, SpreadsheetValue.email)
        contact.wechat = text(.wechat)
        if let (column, value) = values[.contactInfo] {
            switch SpreadsheetValue.contactInfo(value) {
            case .failure(let problem): report(column, problem)
            case .success(let info):
                let parts: [(String?, String?, (String, String) -> Wording<LeadSheet>)] = [
                    (contact.phone, info.phone, Wording.phoneDiffers), (contact.email, info.email, Wording.emailDiffers),
                    (contact.wechat, info.wechat, Wording.wechatDiffers),
                ]
                for (current, found, differs) in parts {
                    if let current, let found, current != found {
                        report(column, differs(found, current))
                    }
                }
                contact.phone = contact.phone ?? info.phone
                contact.email = contact.email ?? info.email
                contact.wechat = contact.wechat ?? info.wechat
            }
        }
        if contact.name == nil {
            if contact.phone != nil || contact.email != nil || contact.wechat != nil || contact.title != nil {
                let column = columns.first { $0.field == .contact }
                report(column, .noContactName)
            }
        } else {
            lead.contact = contact
        }

        // Notes: one column as it is; several as `header: value` lines.
        if notes.count == 1, LeadField.recognize(header: notes[0].0.header, configuration: configuration) == .note {
            lead.note = notes[0].1
        } else if !notes.isEmpty {
            lead.note = notes.map { "\($0.0.header.isEmpty ? $0.0.letter : $0.0.header): \($0.1)" }.joined(separator: "\n")
        }
        for column in columns {
            if case .extra(let key) = column.field, let (_, value) = values[column.field] { lead.extra.append((key, value)) }
        }
        guard problems.isEmpty else {
            // Left to right; problems of the whole row last.
            let sorted = problems.enumerated().sorted { ($0.element.columnIndex ?? Int.max, $0.offset) < ($1.element.columnIndex ?? Int.max, $1.offset) }
            return .failure(Problems(items: sorted.map(\.element)))
        }
        return .success(lead)
    }

    /// The `source_detail` key a bracketed remark after the source fills.
    public static let remarkKeys = ["exhibition": "event", "website": "page", "referral": "referrer"]

    public static func sourcesWith(_ key: String) -> [String] {
        LeadField.sourceDetailKeys.filter { $0.value.contains(key) }.map(\.key).sorted()
    }

    /// `展会(数博会)` -> (`展会`, `数博会`).
    public static func splitBracket(_ text: String) -> (String, String)? {
        for (open, close) in [("(", ")"), ("（", "）")] as [(Character, Character)] where text.last == close {
            guard let start = text.firstIndex(of: open), start != text.startIndex else { continue }
            let base = String(text[..<start]).trimmingSpreadsheetSpaces
            let inside = String(text[text.index(after: start)..<text.index(before: text.endIndex)]).trimmingSpreadsheetSpaces
            if !base.isEmpty && !inside.isEmpty { return (base, inside) }
        }
        return nil
    }

    /// A spreadsheet cell's line breaks (CRLF or CR) as LF.
    public static func normalizedLineBreaks(_ text: String) -> String {
        guard text.utf8.contains(ASCII.cr) else { return text }
        var scalars: [Unicode.Scalar] = []
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" { scalars.append("\n"); previousCR = true; continue }
            if scalar == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            scalars.append(scalar)
        }
        return String(String.UnicodeScalarView(scalars))
    }
}

extension Wording where Of == LeadSheet {
    private static let quoting = Phrase("a quoted field ends with a quote followed by a comma or a line break; write a quote inside it as \"\"",
                                        "带引号的单元格以引号结束，后面紧跟逗号或换行；单元格里的引号要写成 \"\"")

    /// A quoting problem of the header row (`problem` is what the CSV reader says).
    public static func headerQuotes(_ problem: Phrase) -> Self { Self(Phrase("the header row: ", "表头：") + problem, hint: quoting) }
    /// A quoting problem of a row's cell.
    public static func quotes(_ problem: Phrase) -> Self { Self(problem, hint: quoting) }

    public static let notCommaSeparated = Self("the header has one column: the file is not separated by commas",
                                               "表头只有一列：文件不是用逗号分隔的",
                                               hint: Phrase("save the sheet as CSV (comma-separated); files separated by semicolons or tabs are not read",
                                                            "请把表格另存为 CSV（逗号分隔）；用分号或制表符分隔的文件无法读取"))

    public static func mapsNoColumn(_ name: String, headers: [String]) -> Self {
        let near = Suggestion.closest(to: name, among: headers)
        return Self("--map names a column `\(name)` that the file does not have", "`--map` 指定的列 `\(name)` 在文件里不存在",
                    hint: Phrase((near.map { "did you mean `\($0)`? " } ?? "") + "the columns are: \(headers.joined(separator: ", "))",
                                 (near.map { "是不是要写 `\($0)`？" } ?? "") + "文件的列有：\(headers.joined(separator: "、"))"))
    }

    public static func noHeader(_ letter: String) -> Self {
        Self("column \(letter) has values but no header", "\(letter) 列有内容但没有表头",
             hint: Phrase("add a header, or pass --map \(letter)=FIELD (or =note, or =ignore)",
                          "请补上表头，或加 `--map \(letter)=字段`（也可以 `=note` 或 `=ignore`）"))
    }

    public static func unknownColumn(_ letter: String, _ header: String, fields names: [String]) -> Self {
        let near = Suggestion.closest(to: LeadField.normalizedHeader(header), among: names)
        return Self("column \(letter) (\(header)) is not a field leadbook knows", "\(letter) 列（\(header)）不是 leadbook 认识的字段",
                    hint: Phrase("map it: --map \(header)=FIELD" + (near.map { " (did you mean \($0)?)" } ?? "")
                                    + ", --map \(header)=note to keep it in the note, or --map \(header)=ignore; fields: \(names.joined(separator: ", "))",
                                 "请指定对应的字段：`--map \(header)=字段`" + (near.map { "（是不是 `\($0)`？）" } ?? "")
                                    + "；要写进备注用 `--map \(header)=note`，不导入用 `--map \(header)=ignore`；字段有：\(names.joined(separator: "、"))"))
    }

    public static func twoColumns(_ first: LeadSheet.Column, _ second: LeadSheet.Column) -> Self {
        let map = "--map \(second.header.isEmpty ? second.letter : second.header)=ignore"
        return Self("columns \(first.display) and \(second.display) both hold `\(second.field.name)`",
                    "\(first.place.zh)和\(second.place.zh)都是 `\(second.field.name)`",
                    hint: Phrase("map one of them to another field or ignore it: \(map)", "请把其中一列对应到别的字段，或忽略它：`\(map)`"))
    }

    public static let noNameColumn = Self("the file has no column for the company name", "文件里没有企业名称列",
                                          hint: Phrase("name one column 企业名称 (or name), or pass --map COLUMN=name",
                                                       "请把一列的表头写成 企业名称（或 name），或加 `--map 列=name`"))
    public static let noIntentColumn = Self("the file has no column for the initial intent", "文件里没有初步意向等级列",
                                            hint: Phrase("add a column 初步意向等级 (or intent) with A, B or C, or pass --map COLUMN=intent",
                                                         "请加一列 初步意向等级（或 intent），填 A、B 或 C，或加 `--map 列=intent`"))
    public static let noSourceColumn = Self("the file has no column for the source", "文件里没有来源渠道列",
                                            hint: Phrase("add a column 来源渠道 (or source), or pass --source SOURCE for every row",
                                                         "请加一列 来源渠道（或 source），或用 `--source 来源` 给所有行指定来源"))

    public static func moreCells(_ cells: Int, columns: Int) -> Self {
        Self("the row has \(cells) cells but the header has \(columns) columns", "这一行有 \(cells) 个单元格，表头却只有 \(columns) 列",
             hint: Phrase("a comma inside a value must be in a quoted field; check the row's quotes",
                          "值里的逗号必须放在带引号的单元格里；请检查这一行的引号"))
    }

    public static let noName = Self("the company name is empty", "企业名称为空",
                                    hint: Phrase("every lead needs a name (企业名称)", "每条线索都要有企业名称"))
    public static let noSource = Self("the source is empty", "来源渠道为空",
                                      hint: Phrase("fill 来源渠道, or pass --source SOURCE for the rows without one",
                                                   "请填写来源渠道，或用 `--source 来源` 给没有来源的行指定"))
    public static let noIntent = Self("the initial intent is empty", "初步意向等级为空",
                                      hint: Phrase("write A, B or C (初步意向等级)", "请填写 A、B 或 C"))
    public static func unknownKind(_ text: String) -> Self {
        Self("unknown kind `\(text)`", "无法识别的客户类型 `\(text)`",
             hint: Phrase("write company (企业) or person (个人)", "请写 企业（company）或 个人（person）"))
    }

    public static func detailOfOtherSources(_ key: String, _ sources: [String], source: String) -> Self {
        func label(_ source: String) -> String { Configuration.sourceLabels[source] ?? source }
        return Self("`\(key)` is a detail of \(sources.joined(separator: " and ")) leads, and this row's source is \(source)",
                    "`\(key)` 只用于来源为\(sources.map(label).joined(separator: "、"))的线索，这一行的来源是\(label(source))",
                    hint: Phrase("leave the cell empty for this row, or put the text in 备注", "这一行请把该单元格留空，或把内容写进备注"))
    }

    // A contact detail given twice, in its own column and in 联系方式.
    private static let keepOne = Phrase("keep one of them; the other can go in 备注", "请只保留一个，另一个可以写进备注")
    public static func phoneDiffers(_ found: String, from current: String) -> Self {
        Self("the phone number `\(found)` differs from `\(current)` in another column", "电话号码 `\(found)` 与另一列的 `\(current)` 不一致", hint: keepOne)
    }
    public static func emailDiffers(_ found: String, from current: String) -> Self {
        Self("the email `\(found)` differs from `\(current)` in another column", "邮箱 `\(found)` 与另一列的 `\(current)` 不一致", hint: keepOne)
    }
    public static func wechatDiffers(_ found: String, from current: String) -> Self {
        Self("the WeChat id `\(found)` differs from `\(current)` in another column", "微信号 `\(found)` 与另一列的 `\(current)` 不一致", hint: keepOne)
    }

    public static let noContactName = Self("contact details are given but the contact's name is empty", "填了联系方式，但联系人姓名为空",
                                           hint: Phrase("fill 联系人 (a contact needs a name; a role such as 采购部 works)",
                                                        "请填写联系人（联系人要有称呼；写部门或职务如“采购部”也可以）"))
}

import Foundation
import LeadbookCore
import LeadbookText

/// `leadbook import FILE.csv|FILE.xlsx`: leads from a spreadsheet become customer files, or
/// further sources of the customers they match.
public enum ImportCommand: Command {
    public static let spec = CommandSpec(
        name: "import",
        summary: Phrase("create customers from a workbook (.xlsx) or a CSV sheet (UTF-8 or GB18030), merging rows that match existing customers",
                        "从工作簿（.xlsx）或 CSV 表格（UTF-8 或 GB18030）导入客户，与已有客户匹配的行并入该客户"),
        usage: "leadbook import FILE.xlsx|FILE.csv [-C DIR] [--sheet NAME] [--source S] [--encoding utf-8|gb18030] [--map COLUMN=FIELD]... [--at DATETIME] [--dry-run] [--skip-bad]",
        options: [
            .workspace,
            OptionSpec("sheet", value: "NAME", help: Phrase("the worksheet of a workbook to import (default: the first)",
                                                            "要导入的工作表（默认：第一个）")),
            OptionSpec("source", value: "S", help: Phrase("the source of rows whose 来源渠道 (source) is empty, or of every row when the sheet has no such column",
                                                          "来源渠道为空的行使用的来源；表格没有来源渠道列时，所有行都用它")),
            OptionSpec("encoding", value: "ENC", help: Phrase("of a CSV file: utf-8 or gb18030 (default: UTF-8 when the bytes are valid UTF-8, else GB18030)",
                                                              "CSV 文件的编码：utf-8 或 gb18030（默认：内容是有效的 UTF-8 就按 UTF-8，否则按 GB18030）")),
            OptionSpec("map", value: "COLUMN=FIELD", repeatable: true, help: Phrase("read a column (header or letter) as a field, `note` or `ignore`",
                                                                                    "把某一列（表头或列字母）当作某个字段、`note`（备注）或 `ignore`（不导入）")),
            OptionSpec("at", value: "DATETIME", help: Phrase("`created` of rows whose 获取时间 (created) is empty (default: now)",
                                                             "获取时间为空的行使用的 `created`（默认：现在）")),
            OptionSpec("dry-run", help: Phrase("print what would be created and added, and write nothing", "只列出会新建和并入的内容，不写任何文件")),
            OptionSpec("skip-bad", help: Phrase("import the good rows even when some rows are bad (the bad ones are skipped)",
                                                "有问题的行跳过，照样导入其余的行")),
        ],
        details: Phrase("""
        The first row names the columns, in English or as in the toolkit's capture table: 序号 (no),
        线索编号 (id), 来源渠道 (source), 企业名称 (name), 所属行业 (industry), 区域 (region),
        联系人 (contact), 职位 (title), 联系方式 (contact_info: phone and/or email), 电话 (phone),
        邮箱 (email), 需求关键词 (needs), 预算 (budget), 初步意向等级 (intent), 获取时间 (created),
        负责人 (owner), 备注 (note). Name, intent and source are required.
        A row that shares a phone, an email or a normalized name with a customer (or with an
        earlier row) is added to that customer as a further source; it is never created twice.
        A bad row is reported with its row number and column; with any bad row nothing is
        written unless --skip-bad. Exit 1 when a row is bad.
        A workbook (.xlsx, .xlsm; Excel, WPS, LibreOffice) is read from its first worksheet, or the
        one --sheet names; dates are read as dates and text cells as written (leading zeros
        kept). An .xls workbook is refused: save it as .xlsx. See docs/import-export.md.
        """, """
        第一行是表头，可以用英文，也可以用工具包线索登记表的写法：序号（no）、线索编号（id）、
        来源渠道（source）、企业名称（name）、所属行业（industry）、区域（region）、联系人（contact）、
        职位（title）、联系方式（contact_info：电话和/或邮箱）、电话（phone）、邮箱（email）、
        需求关键词（needs）、预算（budget）、初步意向等级（intent）、获取时间（created）、
        负责人（owner）、备注（note）。企业名称、初步意向等级和来源渠道必填。
        与已有客户（或表格中前面的行）电话、邮箱或规范化后的企业名称相同的行，作为新的来源并入
        该客户，不会重复建档。有问题的行会报出行号和列；只要有一行有问题，就什么都不写，除非加
        --skip-bad。有问题的行时退出码为 1。
        工作簿（.xlsx、.xlsm；Excel、WPS、LibreOffice 保存的都可以）读第一个工作表，或 --sheet 指定的
        工作表；日期按日期读，文本单元格按原样读（开头的 0 不会丢）。不读 .xls：请先另存为 .xlsx。
        详见 docs/import-export.md。
        """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        let console = context.console
        func usage(_ message: Phrase) -> ExitCode {
            context.complain(message, spec.name, usage: spec.usage)
            return .failure
        }
        guard arguments.positionals.count == 1, let file = arguments.positionals.first else {
            return usage(arguments.positionals.isEmpty ? Message.nameTheFile : Message.oneFile)
        }
        var encoding: SpreadsheetText.Encoding?
        if let name = arguments.value("encoding") {
            guard let known = SpreadsheetText.Encoding(name: name) else { return usage(Message.unknownEncoding(name)) }
            encoding = known
        }
        guard let opened = context.openWorkspace(arguments) else { return .failure }
        let configuration = opened.configuration
        var defaultSource: String?
        if let text = arguments.value("source") {
            guard let source = configuration.source(named: text) else {
                return usage(Message.unknownSource(UnknownSource.Message.unknown(text, configuration)))
            }
            defaultSource = source
        }
        var maps: [(String, LeadField)] = []
        for text in arguments.values("map") {
            guard let equals = text.lastIndex(of: "="), equals != text.startIndex else {
                return usage(Message.notAMap(text))
            }
            let column = String(text[..<equals]), name = String(text[text.index(after: equals)...])
            guard let field = LeadField(name: name, configuration: configuration) else {
                let names = LeadField.names(configuration)
                let near = Suggestion.closest(to: name, among: names)
                return usage(Message.unknownField(text, name, near: near, fields: names))
            }
            maps.append((column, field))
        }
        guard let at = context.moment(arguments, "at", "import", opened) else { return .failure }
        let dryRun = arguments.flag("dry-run"), skipBad = arguments.flag("skip-bad")

        // The sheet.
        let path = context.absolute(file)
        let bytes: [UInt8]
        switch FileAccess.read(path) {
        case .success(let read): bytes = read
        case .failure(let error):
            context.complain(Message.cannotRead(file, error.phrase), spec.name)
            return .failure
        }
        let header: CSVReader.Record
        var records: [CSVReader.Record]
        let readAs: (Int) -> Phrase
        let isWorkbook = Workbook.isWorkbook(bytes) || Workbook.isWorkbookName(file)
        if isWorkbook {
            // A workbook: its rows are read into the records a CSV file gives.
            if encoding != nil { return usage(Message.encodingOfWorkbook) }
            do throws(WorkbookProblem) {
                let workbook = try Workbook(bytes)
                let table = try workbook.table(try workbook.sheet(named: arguments.value("sheet")))
                header = table.header
                records = table.records
                readAs = { Message.readSheet(file, sheet: table.sheet.name, rows: $0) }
            } catch {
                console.err(Message.undecodable(file, line: nil, error.phrase, hint: error.hintPhrase))
                return .findings
            }
            guard !header.fields.isEmpty else {
                console.err(Message.emptySheet(file))
                return .findings
            }
        } else {
            if arguments.value("sheet") != nil { return usage(Message.sheetOfCSV) }
            let decoded: SpreadsheetText.Decoded
            switch SpreadsheetText.decode(bytes, as: encoding) {
            case .success(let value): decoded = value
            case .failure(let problem):
                console.err(Message.undecodable(file, line: problem.line, problem.phrase, hint: problem.hintPhrase))
                return .findings
            }
            records = CSVReader.read(decoded.bytes)
            guard !records.isEmpty else {
                console.err(Message.empty(file))
                return .findings
            }
            header = records.removeFirst()
            readAs = { Message.read(file, encoding: decoded.encoding == .gb18030 ? "GB18030" : "UTF-8", rows: $0) }
        }
        records.removeAll { $0.isBlank && $0.problems.isEmpty }
        var blankColumns = Set(header.fields.indices)
        for record in records {
            for (index, field) in record.fields.enumerated() where !field.trimmingSpreadsheetSpaces.isEmpty { blankColumns.remove(index) }
        }
        let sheet: LeadSheet
        switch LeadSheet.read(header: header, maps: maps, blankColumns: blankColumns, hasDefaultSource: defaultSource != nil, configuration: configuration) {
        case .success(var read):
            read.fromWorkbook = isWorkbook
            sheet = read
        case .failure(let problems):
            for problem in problems.items { console.err(describe(problem, file, sheet: isWorkbook)) }
            context.complain(Message.badHeader(file, problems.items.count), spec.name)
            return .findings
        }

        // The plan, under the lock so no other command changes the customers meanwhile.
        guard let write = context.openWrite(opened, dryRun: dryRun, "import") else { return .failure }
        defer { write.release() }
        let workspace = write.workspace
        let loaded = LeadImport.Known.load(workspace)
        context.tellUnread(loaded.unread)
        let known = loaded.values.compactMap { $0 }
        let broken = zip(workspace.customerPaths, loaded.values).filter { $0.1?.hasErrors ?? true }.map(\.0)
        var plan = LeadImport(known: known, paths: workspace.customerPaths, configuration: configuration) { relative in
            if case .success(let bytes) = write.read(relative) { return bytes }
            return nil
        }
        for record in records {
            plan.add(sheet.lead(record, defaultSource: defaultSource, defaultCreated: at, configuration: configuration), row: record.row, line: record.line)
        }

        console.out(readAs(records.count))
        for column in sheet.ignored where !column.header.isEmpty {
            console.out(Message.notImported(column.place))
        }
        for result in plan.results {
            if case .bad(let problems) = result.outcome {
                for problem in problems { console.err(describe(problem, file, sheet: isWorkbook)) }
            }
        }
        if plan.bad > 0 && !skipBad {
            let good = plan.results.count - plan.bad
            context.complain(Message.badRows(plan.bad, in: file, good: good), spec.name)
            return .findings
        }
        for result in plan.results {
            if let line = describe(result) { console.out(line) }
        }
        // Every file is written, or none.
        do {
            for planned in plan.writes {
                if planned.isNew {
                    try write.create(planned.path, planned.bytes)
                } else {
                    switch write.read(planned.path) {
                    case .success(let before): try write.update(planned.path, from: before, to: planned.bytes)
                    case .failure(let diagnostic):
                        console.err(DiagnosticReport.text(diagnostic, style: .init(color: false, language: context.language)))
                        return .failure
                    }
                }
            }
            try write.commit()
        } catch {
            if case .exists(let path) = error {
                context.complain(Message.notOverwritten(path), spec.name)
                return .failure
            }
            return context.refuse(error, "import")
        }
        console.out(Message.done(created: plan.created, added: plan.added, unchanged: plan.unchanged, skipped: plan.bad, dryRun: dryRun))
        CustomerSet.warnAboutErrors(broken, "import", context)
        return plan.bad > 0 ? .findings : .ok
    }

    /// `leads.csv:7: row 7, column J (初步意向等级): unknown intent `D`` and its hint; of a
    /// workbook's `sheet`, `leads.xlsx: row 7, column J (初步意向等级): ...` (its `line` is the row).
    static func describe(_ problem: LeadSheet.Problem, _ file: String, sheet: Bool = false) -> Phrase {
        if sheet {
            var place = [Message.row(problem.line)]
            if let column = problem.column { place.append(LeadSheet.place(column)) }
            return Message.sheetProblem(file, place: place, problem.phrase, hint: problem.hintPhrase)
        }
        var place: [Phrase] = []
        if let row = problem.row, row > 1 { place.append(Message.row(row)) }
        if let column = problem.column, problem.row.map({ $0 > 1 }) ?? false { place.append(LeadSheet.place(column)) }
        return Message.problem(file, line: problem.line, place: place, problem.phrase, hint: problem.hintPhrase)
    }

    static func describe(_ result: LeadImport.RowResult) -> Phrase? {
        switch result.outcome {
        case .bad: return nil
        case .created(let id, let path, let notes):
            return Message.created(row: result.row, id, path, notes)
        case .added(let id, let path, let evidence, let intoRow, let changes, let notTaken):
            return Message.added(row: result.row, id, path, how: Message.how(evidence, intoRow: intoRow), changes, notTaken: notTaken)
        case .unchanged(let id, let path, let evidence, let intoRow, let notTaken):
            return Message.unchanged(row: result.row, id, path, how: Message.how(evidence, intoRow: intoRow), notTaken: notTaken)
        }
    }
}

extension ImportCommand {
    /// What `leadbook import` says of the sheet, its rows and what was written.
    enum Message {
        static let nameTheFile = Phrase("name the workbook (.xlsx) or CSV file to import", "请指定要导入的工作簿（.xlsx）或 CSV 文件")
        static let oneFile = Phrase("import one file at a time", "一次只能导入一个文件")
        static func unknownEncoding(_ name: String) -> Phrase {
            Phrase("--encoding must be utf-8 or gb18030, not `\(name)`", "--encoding 只能是 utf-8 或 gb18030，不能是 `\(name)`")
        }
        /// `--source` names no source of leadbook.yml, in the words of the rule unknown-source.
        static func unknownSource<Of>(_ message: Wording<Of>) -> Phrase {
            Phrase("--source: \(message.phrase.en); \(message.hintPhrase.en)", "--source：\(message.phrase.zh)；\(message.hintPhrase.zh)")
        }
        static func notAMap(_ text: String) -> Phrase {
            Phrase("--map takes COLUMN=FIELD, not `\(text)`", "--map 的写法是 列=字段，不是 `\(text)`")
        }
        static func unknownField(_ map: String, _ name: String, near: String?, fields: [String]) -> Phrase {
            Phrase("--map \(map): unknown field `\(name)`" + (near.map { "; did you mean \($0)?" } ?? "") + "\nfields: \(fields.joined(separator: ", "))",
                   "--map \(map)：没有 `\(name)` 这个字段" + (near.map { "；是不是要写 \($0)？" } ?? "") + "\n字段有：\(fields.joined(separator: "、"))")
        }
        static func cannotRead(_ file: String, _ reason: Phrase) -> Phrase { Phrase("cannot read \(file): ", "无法读取 \(file)：") + reason }
        static func undecodable(_ file: String, line: Int?, _ message: Phrase, hint: Phrase) -> Phrase {
            let place = "\(file)\(line.map { ":\($0)" } ?? "")"
            return Phrase(place + ": ", place + "：") + message + Phrase("\n  hint: ", "\n  提示：") + hint + "\n"
        }
        static let encodingOfWorkbook = Phrase("--encoding is for CSV files; a workbook's text is always Unicode",
                                                "--encoding 只用于 CSV 文件；工作簿里的文字总是 Unicode，不需要指定编码")
        static let sheetOfCSV = Phrase("--sheet is for workbooks (.xlsx); a CSV file has one sheet",
                                       "--sheet 只用于工作簿（.xlsx）；CSV 文件只有一个表")
        static func readSheet(_ file: String, sheet: String, rows: Int) -> Phrase {
            Phrase("\(file): sheet `\(sheet)`, \(DiagnosticReport.plural(rows, "row"))\n", "\(file)：工作表 `\(sheet)`，\(rows) 行\n")
        }
        static func emptySheet(_ file: String) -> Phrase {
            Phrase("\(file): the sheet is empty\n  hint: the first row names the columns (企业名称, 来源渠道, 初步意向等级, ...)\n",
                   "\(file)：工作表是空的\n  提示：第一行应是表头（企业名称、来源渠道、初步意向等级……）\n")
        }
        /// A bad row of a workbook: `leads.xlsx: row 7, column J (初步意向等级): unknown intent `D`` and its hint.
        static func sheetProblem(_ file: String, place: [Phrase], _ message: Phrase, hint: Phrase) -> Phrase {
            Phrase("\(file): ", "\(file)：") + Phrase.joined(place, en: ", ", zh: "，") + Phrase(": ", "：")
                + message + Phrase("\n  hint: ", "\n  提示：") + hint + "\n"
        }
        static func empty(_ file: String) -> Phrase {
            Phrase("\(file): the file is empty\n  hint: the first row names the columns (企业名称, 来源渠道, 初步意向等级, ...)\n",
                   "\(file)：文件是空的\n  提示：第一行应是表头（企业名称、来源渠道、初步意向等级……）\n")
        }
        static func badHeader(_ file: String, _ count: Int) -> Phrase {
            Phrase("the header of \(file) has \(DiagnosticReport.plural(count, "problem")); nothing was written",
                   "\(file) 的表头有 \(count) 个问题；没有写入任何文件")
        }
        static func read(_ file: String, encoding: String, rows: Int) -> Phrase {
            Phrase("\(file): \(encoding), \(DiagnosticReport.plural(rows, "row"))\n", "\(file)：\(encoding)，\(rows) 行\n")
        }
        static func notImported(_ column: Phrase) -> Phrase {
            column + Phrase(" is not imported: leadbook computes or keeps it\n", "不导入：这一项由 leadbook 计算或维护\n")
        }
        static func badRows(_ bad: Int, in file: String, good: Int) -> Phrase {
            Phrase("\(DiagnosticReport.plural(bad, "bad row")) in \(file); nothing was written (fix \(bad == 1 ? "it" : "them"), or pass --skip-bad to import the other \(DiagnosticReport.plural(good, "row")))",
                   "\(file) 有 \(bad) 行有问题；没有写入任何文件（请改好这些行，或加 --skip-bad 只导入其余 \(good) 行）")
        }
        static func notOverwritten(_ path: String) -> Phrase { Phrase("\(path) already exists; not overwritten", "\(path) 已存在；没有覆盖") }
        static func done(created: Int, added: Int, unchanged: Int, skipped: Int, dryRun: Bool) -> Phrase {
            Phrase("\(created) created, \(added) added, \(unchanged) unchanged, \(skipped) skipped" + (dryRun ? " (dry run: nothing written)" : "") + "\n",
                   "新建 \(created) 位，并入 \(added) 位，无变化 \(unchanged) 位，跳过 \(skipped) 行" + (dryRun ? "（试运行：没有写入任何文件）" : "") + "\n")
        }
        static func row(_ row: Int) -> Phrase { Phrase("row \(row)", "第 \(row) 行") }
        /// A bad row: `leads.csv:7: row 7, column J (初步意向等级): unknown intent `D`` and its hint.
        static func problem(_ file: String, line: Int, place: [Phrase], _ message: Phrase, hint: Phrase) -> Phrase {
            Phrase("\(file):\(line): ", "\(file):\(line)：")
                + (place.isEmpty ? .empty : Phrase.joined(place, en: ", ", zh: "，") + Phrase(": ", "："))
                + message + Phrase("\n  hint: ", "\n  提示：") + hint + "\n"
        }
        /// How a row was matched to a customer: the evidence, after the row it was created from.
        static func how(_ evidence: Phrase, intoRow: Int?) -> Phrase {
            (intoRow.map { Phrase("created from row \($0); ", "由第 \($0) 行新建；") } ?? .empty) + evidence
        }
        static func created(row: Int, _ id: String, _ path: String, _ notes: [Phrase]) -> Phrase {
            Phrase("row \(row): created \(id) \(path)", "第 \(row) 行：新建 \(id) \(path)")
                + (notes.isEmpty ? .empty : Phrase(" (", "（") + Phrase.joined(notes, en: "; ", zh: "；") + Phrase(")", "）")) + "\n"
        }
        static func added(row: Int, _ id: String, _ path: String, how: Phrase, _ changes: [Phrase], notTaken: [String]) -> Phrase {
            Phrase("row \(row): added to \(id) \(path) (", "第 \(row) 行：并入 \(id) \(path)（") + how + Phrase("): ", "）：")
                + Phrase.joined(changes, en: ", ", zh: "，")
                + (notTaken.isEmpty ? .empty : Phrase("; kept the customer's \(notTaken.joined(separator: "; "))",
                                                      "；保留客户原有的值，未采用 \(notTaken.joined(separator: "；"))")) + "\n"
        }
        static func unchanged(row: Int, _ id: String, _ path: String, how: Phrase, notTaken: [String]) -> Phrase {
            Phrase("row \(row): unchanged: \(id) \(path) already has this lead (", "第 \(row) 行：无变化：\(id) \(path) 已有这条线索（") + how + Phrase(")", "）")
                + (notTaken.isEmpty ? .empty : Phrase("; kept the customer's values, not \(notTaken.joined(separator: "; "))",
                                                      "；保留客户原有的值，未采用 \(notTaken.joined(separator: "；"))")) + "\n"
        }
    }
}

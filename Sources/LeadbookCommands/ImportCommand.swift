import Foundation
import LeadbookCore
import LeadbookText

/// `leadbook import FILE.csv`: leads from a spreadsheet become customer files, or further
/// sources of the customers they match.
public enum ImportCommand: Command {
    public static let spec = CommandSpec(
        name: "import",
        summary: "create customers from a CSV sheet (UTF-8 or GB18030), merging rows that match existing customers",
        usage: "leadbook import FILE.csv [-C DIR] [--source S] [--encoding utf-8|gb18030] [--map COLUMN=FIELD]... [--at DATETIME] [--dry-run] [--skip-bad]",
        options: [
            .workspace,
            OptionSpec("source", value: "S", help: "the source of rows whose 来源渠道 (source) is empty, or of every row when the sheet has no such column"),
            OptionSpec("encoding", value: "ENC", help: "utf-8 or gb18030 (default: UTF-8 when the bytes are valid UTF-8, else GB18030)"),
            OptionSpec("map", value: "COLUMN=FIELD", repeatable: true, help: "read a column (header or letter) as a field, `note` or `ignore`"),
            OptionSpec("at", value: "DATETIME", help: "`created` of rows whose 获取时间 (created) is empty (default: now)"),
            OptionSpec("dry-run", help: "print what would be created and added, and write nothing"),
            OptionSpec("skip-bad", help: "import the good rows even when some rows are bad (the bad ones are skipped)"),
        ],
        details: """
        The first row names the columns, in English or as in the toolkit's capture table: 序号 (no),
        线索编号 (id), 来源渠道 (source), 企业名称 (name), 所属行业 (industry), 区域 (region),
        联系人 (contact), 职位 (title), 联系方式 (contact_info: phone and/or email), 电话 (phone),
        邮箱 (email), 需求关键词 (needs), 预算 (budget), 初步意向等级 (intent), 获取时间 (created),
        负责人 (owner), 备注 (note). Name, intent and source are required.
        A row that shares a phone, an email or a normalized name with a customer (or with an
        earlier row) is added to that customer as a further source; it is never created twice.
        A bad row is reported with its row number and column; with any bad row nothing is
        written unless --skip-bad. Exit 1 when a row is bad. See docs/import-export.md.
        """)

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        let console = context.console
        func usage(_ message: String) -> ExitCode {
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
                let message = UnknownSource.Message.unknown(text, configuration)
                return usage(OptionValue.Message.unknownWord(message.text, hint: message.hint, "source"))
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
            context.complain(Message.cannotRead(file, error.description), spec.name)
            return .failure
        }
        let decoded: SpreadsheetText.Decoded
        switch SpreadsheetText.decode(bytes, as: encoding) {
        case .success(let value): decoded = value
        case .failure(let problem):
            console.err(Message.undecodable(file, line: problem.line, problem.message, hint: problem.hint))
            return .findings
        }
        var records = CSVReader.read(decoded.bytes)
        guard !records.isEmpty else {
            console.err(Message.empty(file))
            return .findings
        }
        let header = records.removeFirst()
        records.removeAll { $0.isBlank && $0.problems.isEmpty }
        var blankColumns = Set(header.fields.indices)
        for record in records {
            for (index, field) in record.fields.enumerated() where !field.trimmingSpreadsheetSpaces.isEmpty { blankColumns.remove(index) }
        }
        let sheet: LeadSheet
        switch LeadSheet.read(header: header, maps: maps, blankColumns: blankColumns, hasDefaultSource: defaultSource != nil, configuration: configuration) {
        case .success(let read): sheet = read
        case .failure(let problems):
            for problem in problems.items { console.err(describe(problem, file)) }
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

        console.out(Message.read(file, encoding: decoded.encoding == .gb18030 ? "GB18030" : "UTF-8", rows: records.count))
        for column in sheet.ignored where !column.header.isEmpty {
            console.out(Message.notImported(column.display))
        }
        for result in plan.results {
            if case .bad(let problems) = result.outcome {
                for problem in problems { console.err(describe(problem, file)) }
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

    /// `leads.csv:7: row 7, column J (初步意向等级): unknown intent `D`` and its hint.
    static func describe(_ problem: LeadSheet.Problem, _ file: String) -> String {
        var place: [String] = []
        if let row = problem.row, row > 1 { place.append(Message.row(row)) }
        if let column = problem.column, problem.row.map({ $0 > 1 }) ?? false { place.append(Message.column(column)) }
        return Message.problem(file, line: problem.line, place: place, problem.message, hint: problem.hint)
    }

    static func describe(_ result: LeadImport.RowResult) -> String? {
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
        static let nameTheFile = "name the CSV file to import"
        static let oneFile = "import one file at a time"
        static func unknownEncoding(_ name: String) -> String { "--encoding must be utf-8 or gb18030, not `\(name)`" }
        static func notAMap(_ text: String) -> String { "--map takes COLUMN=FIELD, not `\(text)`" }
        static func unknownField(_ map: String, _ name: String, near: String?, fields: [String]) -> String {
            "--map \(map): unknown field `\(name)`" + (near.map { "; did you mean \($0)?" } ?? "") + "\nfields: \(fields.joined(separator: ", "))"
        }
        static func cannotRead(_ file: String, _ reason: String) -> String { "cannot read \(file): \(reason)" }
        static func undecodable(_ file: String, line: Int?, _ message: String, hint: String) -> String {
            "\(file)\(line.map { ":\($0)" } ?? ""): \(message)\n  hint: \(hint)\n"
        }
        static func empty(_ file: String) -> String {
            "\(file): the file is empty\n  hint: the first row names the columns (企业名称, 来源渠道, 初步意向等级, ...)\n"
        }
        static func badHeader(_ file: String, _ count: Int) -> String {
            "the header of \(file) has \(DiagnosticReport.plural(count, "problem")); nothing was written"
        }
        static func read(_ file: String, encoding: String, rows: Int) -> String { "\(file): \(encoding), \(DiagnosticReport.plural(rows, "row"))\n" }
        static func notImported(_ column: String) -> String { "column \(column) is not imported: leadbook computes or keeps it\n" }
        static func badRows(_ bad: Int, in file: String, good: Int) -> String {
            "\(DiagnosticReport.plural(bad, "bad row")) in \(file); nothing was written (fix \(bad == 1 ? "it" : "them"), or pass --skip-bad to import the other \(DiagnosticReport.plural(good, "row")))"
        }
        static func notOverwritten(_ path: String) -> String { "\(path) already exists; not overwritten" }
        static func done(created: Int, added: Int, unchanged: Int, skipped: Int, dryRun: Bool) -> String {
            "\(created) created, \(added) added, \(unchanged) unchanged, \(skipped) skipped" + (dryRun ? " (dry run: nothing written)" : "") + "\n"
        }
        static func row(_ row: Int) -> String { "row \(row)" }
        static func column(_ column: String) -> String { "column \(column)" }
        /// A bad row: `leads.csv:7: row 7, column J (初步意向等级): unknown intent `D`` and its hint.
        static func problem(_ file: String, line: Int, place: [String], _ message: String, hint: String) -> String {
            "\(file):\(line): \(place.isEmpty ? "" : place.joined(separator: ", ") + ": ")\(message)\n  hint: \(hint)\n"
        }
        /// How a row was matched to a customer: the evidence, after the row it was created from.
        static func how(_ evidence: String, intoRow: Int?) -> String { (intoRow.map { "created from row \($0); " } ?? "") + evidence }
        static func created(row: Int, _ id: String, _ path: String, _ notes: [String]) -> String {
            "row \(row): created \(id) \(path)" + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))") + "\n"
        }
        static func added(row: Int, _ id: String, _ path: String, how: String, _ changes: [String], notTaken: [String]) -> String {
            "row \(row): added to \(id) \(path) (\(how)): \(changes.joined(separator: ", "))"
                + (notTaken.isEmpty ? "" : "; kept the customer's \(notTaken.joined(separator: "; "))") + "\n"
        }
        static func unchanged(row: Int, _ id: String, _ path: String, how: String, notTaken: [String]) -> String {
            "row \(row): unchanged: \(id) \(path) already has this lead (\(how))"
                + (notTaken.isEmpty ? "" : "; kept the customer's values, not \(notTaken.joined(separator: "; "))") + "\n"
        }
    }
}

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
            console.err("leadbook import: \(message)\nusage: \(spec.usage)\n")
            return .failure
        }
        guard arguments.positionals.count == 1, let file = arguments.positionals.first else {
            return usage(arguments.positionals.isEmpty ? "name the CSV file to import" : "import one file at a time")
        }
        var encoding: SpreadsheetText.Encoding?
        if let name = arguments.value("encoding") {
            guard let known = SpreadsheetText.Encoding(name: name) else { return usage("--encoding must be utf-8 or gb18030, not `\(name)`") }
            encoding = known
        }
        guard let opened = context.openWorkspace(arguments) else { return .failure }
        let configuration = opened.configuration
        var defaultSource: String?
        if let text = arguments.value("source") {
            guard let source = configuration.source(named: text) else {
                let message = UnknownSource.Message.unknown(text, configuration)
                return usage("--source: \(message.text); \(message.hint)")
            }
            defaultSource = source
        }
        var maps: [(String, LeadField)] = []
        for text in arguments.values("map") {
            guard let equals = text.lastIndex(of: "="), equals != text.startIndex else {
                return usage("--map takes COLUMN=FIELD, not `\(text)`")
            }
            let column = String(text[..<equals]), name = String(text[text.index(after: equals)...])
            guard let field = LeadField(name: name, configuration: configuration) else {
                let names = LeadField.names(configuration)
                let near = Suggestion.closest(to: name, among: names)
                return usage("--map \(text): unknown field `\(name)`" + (near.map { "; did you mean \($0)?" } ?? "") + "\nfields: \(names.joined(separator: ", "))")
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
            console.err("leadbook import: cannot read \(file): \(error.description)\n")
            return .failure
        }
        let decoded: SpreadsheetText.Decoded
        switch SpreadsheetText.decode(bytes, as: encoding) {
        case .success(let value): decoded = value
        case .failure(let problem):
            console.err("\(file)\(problem.line.map { ":\($0)" } ?? ""): \(problem.message)\n  hint: \(problem.hint)\n")
            return .findings
        }
        var records = CSVReader.read(decoded.bytes)
        guard !records.isEmpty else {
            console.err("\(file): the file is empty\n  hint: the first row names the columns (企业名称, 来源渠道, 初步意向等级, ...)\n")
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
            console.err("leadbook import: the header of \(file) has \(DiagnosticReport.plural(problems.items.count, "problem")); nothing was written\n")
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

        console.out("\(file): \(decoded.encoding == .gb18030 ? "GB18030" : "UTF-8"), \(DiagnosticReport.plural(records.count, "row"))\n")
        for column in sheet.ignored where !column.header.isEmpty {
            console.out("column \(column.display) is not imported: leadbook computes or keeps it\n")
        }
        for result in plan.results {
            if case .bad(let problems) = result.outcome {
                for problem in problems { console.err(describe(problem, file)) }
            }
        }
        if plan.bad > 0 && !skipBad {
            let good = plan.results.count - plan.bad
            console.err("leadbook import: \(DiagnosticReport.plural(plan.bad, "bad row")) in \(file); nothing was written (fix \(plan.bad == 1 ? "it" : "them"), or pass --skip-bad to import the other \(DiagnosticReport.plural(good, "row")))\n")
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
                        console.err(DiagnosticReport.text(diagnostic, style: .init(color: false)))
                        return .failure
                    }
                }
            }
            try write.commit()
        } catch {
            if case .exists(let path) = error {
                console.err("leadbook import: \(path) already exists; not overwritten\n")
                return .failure
            }
            return context.refuse(error, "import")
        }
        console.out("\(plan.created) created, \(plan.added) added, \(plan.unchanged) unchanged, \(plan.bad) skipped"
                    + (dryRun ? " (dry run: nothing written)" : "") + "\n")
        CustomerSet.warnAboutErrors(broken, "import", context)
        return plan.bad > 0 ? .findings : .ok
    }

    /// `leads.csv:7: row 7, column J (初步意向等级): unknown intent `D`` and its hint.
    static func describe(_ problem: LeadSheet.Problem, _ file: String) -> String {
        var place: [String] = []
        if let row = problem.row, row > 1 { place.append("row \(row)") }
        if let column = problem.column, problem.row.map({ $0 > 1 }) ?? false { place.append("column \(column)") }
        let prefix = place.isEmpty ? "" : place.joined(separator: ", ") + ": "
        return "\(file):\(problem.line): \(prefix)\(problem.message)\n  hint: \(problem.hint)\n"
    }

    static func describe(_ result: LeadImport.RowResult) -> String? {
        let row = "row \(result.row): "
        switch result.outcome {
        case .bad: return nil
        case .created(let id, let path, let notes):
            return row + "created \(id) \(path)" + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))") + "\n"
        case .added(let id, let path, let evidence, let intoRow, let changes, let notTaken):
            let how = (intoRow.map { "created from row \($0); " } ?? "") + evidence
            return row + "added to \(id) \(path) (\(how)): \(changes.joined(separator: ", "))"
                + (notTaken.isEmpty ? "" : "; kept the customer's \(notTaken.joined(separator: "; "))") + "\n"
        case .unchanged(let id, let path, let evidence, let intoRow, let notTaken):
            let how = (intoRow.map { "created from row \($0); " } ?? "") + evidence
            return row + "unchanged: \(id) \(path) already has this lead (\(how))"
                + (notTaken.isEmpty ? "" : "; kept the customer's values, not \(notTaken.joined(separator: "; "))") + "\n"
        }
    }
}

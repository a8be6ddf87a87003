import LeadbookCore
import LeadbookText

/// `leadbook export`: every customer as one row of a workbook (.xlsx), a CSV (for Excel) or a
/// JSON table.
public enum ExportCommand: Command {
    public static let spec = CommandSpec(
        name: "export",
        summary: Phrase("every customer as one row of a workbook (.xlsx), a CSV table for Excel (UTF-8 with BOM) or JSON",
                        "导出客户表：每位客户一行，工作簿（.xlsx）、CSV（UTF-8 带 BOM，可直接用 Excel 打开）或 JSON"),
        usage: "leadbook export [-C DIR] [--format csv|json|xlsx] [--out FILE] [--fields a,b,...]",
        options: [
            .workspace,
            OptionSpec("format", value: "FORMAT", help: Phrase("csv (default; xlsx when --out ends in .xlsx), json or xlsx",
                                                               "csv（默认；--out 以 .xlsx 结尾时为 xlsx）、json 或 xlsx")),
            OptionSpec("out", value: "FILE", help: Phrase("write to FILE instead of standard output (required for xlsx)",
                                                          "写入 FILE，而不是输出到终端（xlsx 必须指定）")),
            OptionSpec("fields", value: "LIST", help: Phrase("the columns, in order, separated by commas (default: \(defaultFields))",
                                                             "要导出的列，按顺序用英文逗号分隔（默认：\(defaultFields)）")),
        ],
        details: Phrase("""
        Tombstones (customers merged into another) are left out; customers are in id order.
        CSV headers and values are in Chinese when leadbook.yml has `language: zh-CN` (the
        default), else in English (--lang chooses them too); `leadbook import` reads both. A cell
        that starts with =, +, -, @, a tab or a carriage return gets a leading ' so a spreadsheet
        does not run it as a formula. JSON always uses the English field names and values.
        xlsx (with --out FILE.xlsx) is one sheet with the same columns and headers: every text a
        text cell (leading zeros kept, no formula anywhere), dates as dates, amounts as numbers,
        the header row frozen.

        fields:
        \(fieldList(.en))
        """, """
        已合并到其他客户的档案不导出；客户按编号排序。leadbook.yml 设置 `language: zh-CN`（默认）时，
        CSV 的表头和取值用中文，否则用英文（也可以用 --lang 指定）；`leadbook import` 两种都能读。
        以 =、+、-、@、制表符或回车开头的单元格前面会加一个 '，防止表格软件把它当作公式执行。
        JSON 始终使用英文字段名和取值。
        xlsx（用 --out 文件.xlsx）是一个工作表，列和表头与 CSV 相同：文字都是文本单元格（开头的 0
        不会丢，也没有任何公式），日期是日期，金额是数字，表头行冻结。

        字段：
        \(fieldList(.zhCN))
        """))

    static let defaultFields = CustomerColumn.defaults.map(\.rawValue).joined(separator: ",")

    /// Every column: its name, its Chinese header and what it holds.
    static func fieldList(_ language: Language) -> String {
        CustomerColumn.allCases.map { column in
            "  \(column.rawValue.padded(to: 14)) \(column.label.padded(to: 12)) \(column.summaryPhrase.text(language))"
        }.joined(separator: "\n")
    }

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        let console = context.console
        let out = arguments.value("out")
        let byName = out.map { $0.lowercased().hasSuffix(".xlsx") } == true ? "xlsx" : "csv"
        guard let format = choice(arguments, "format", ["csv", "json", "xlsx"], default: byName, context) else { return .failure }
        if format == "xlsx" && out == nil {
            context.complain(Message.xlsxNeedsOut, spec.name, usage: spec.usage)
            return .failure
        }
        if !arguments.positionals.isEmpty {
            context.complain(Message.unexpected(arguments.positionals[0]), spec.name, usage: spec.usage)
            return .failure
        }
        var columns = CustomerColumn.defaults
        if let list = arguments.value("fields") {
            columns = []
            for name in list.split(separator: ",", omittingEmptySubsequences: false).map({ String($0).trimmingSpreadsheetSpaces }) {
                guard let column = CustomerColumn(header: name) else {
                    let near = Suggestion.closest(to: name, among: CustomerColumn.allCases.map(\.rawValue))
                    context.complain(Message.unknownField(name, near: near, fields: CustomerColumn.allCases.map(\.rawValue)), spec.name)
                    return .failure
                }
                if columns.contains(column) {
                    context.complain(Message.fieldTwice(column.rawValue), spec.name)
                    return .failure
                }
                columns.append(column)
            }
        }
        guard let workspace = context.openWorkspace(arguments) else { return .failure }
        // The table is the team's data: its headers follow leadbook.yml unless --lang says otherwise.
        let labels = (context.languageOption ?? workspace.configuration.language) == .zhCN
        if format == "xlsx", let out {
            return writeWorkbook(workspace, columns: columns, labels: labels, to: out, context)
        }
        let tableFormat: CustomerTable.Format = format == "json" ? .json : .csv
        let (lines, broken, unread) = CustomerTable.lines(workspace, columns: columns, labels: labels, format: tableFormat)
        let header = CustomerTable.header(columns, labels: labels)
        // The table goes out in pieces as it is made, never as one string.
        if let out = arguments.value("out") {
            let path = context.absolute(out)
            do {
                try AtomicFile.write(to: path) { put in
                    CustomerTable.write(lines, header: header, format: tableFormat) { piece in
                        var piece = piece
                        piece.withUTF8 { put(UnsafeRawBufferPointer($0)) }
                    }
                }
            } catch {
                context.complain(.of(error), spec.name)
                return .failure
            }
            console.out(Message.exported(lines.count, to: out))
        } else {
            CustomerTable.write(lines, header: header, format: tableFormat) { console.out($0) }
        }
        context.tellUnread(unread)
        CustomerSet.warnAboutErrors(broken, "export", context)
        return broken.isEmpty ? .ok : .findings
    }
}

extension ExportCommand {
    /// `--format xlsx`: the workbook, written atomically to `out`.
    static func writeWorkbook(_ workspace: Workspace, columns: [CustomerColumn], labels: Bool, to out: String,
                              _ context: CommandContext) -> ExitCode {
        let (rows, broken, unread) = WorkbookExport.rows(workspace, columns: columns, labels: labels)
        let header = CustomerTable.header(columns, labels: labels)
        let long = WorkbookExport.longTexts(rows)
        guard long.isEmpty else {
            // Excel would cut these texts or "repair" the workbook: nothing is written.
            for text in long {
                context.console.err(Message.tooLongForACell(text, column: header[text.column]))
            }
            context.complain(Message.notWritten(long.count, to: out), spec.name)
            return .findings
        }
        let bytes = WorkbookExport.workbook(header: header, rows: rows.map(\.cells),
                                            sheetName: labels ? "客户" : "Customers")
        do {
            try AtomicFile.write(to: context.absolute(out)) { put in bytes.withUnsafeBytes { put($0) } }
        } catch {
            context.complain(.of(error), spec.name)
            return .failure
        }
        context.console.out(Message.exported(rows.count, to: out))
        context.tellUnread(unread)
        CustomerSet.warnAboutErrors(broken, "export", context)
        return broken.isEmpty ? .ok : .findings
    }
}

extension ExportCommand {
    /// What `leadbook export` says besides the table it writes.
    enum Message {
        static let xlsxNeedsOut = Phrase("--format xlsx writes a file: pass --out FILE.xlsx", "--format xlsx 要写入文件：请加 `--out 文件.xlsx`")
        static func unexpected(_ argument: String) -> Phrase { Phrase("unexpected argument `\(argument)`", "多余的参数 `\(argument)`") }
        /// The unknown field, then a line that lists the fields there are.
        static func unknownField(_ name: String, near: String?, fields: [String]) -> Phrase {
            Phrase("unknown field `\(name)`" + (near.map { "; did you mean \($0)?" } ?? "") + "\nfields: \(fields.joined(separator: ", "))",
                   "没有 `\(name)` 这个字段" + (near.map { "；是不是要写 \($0)？" } ?? "") + "\n字段有：\(fields.joined(separator: "、"))")
        }
        static func fieldTwice(_ field: String) -> Phrase { Phrase("--fields names `\(field)` twice", "--fields 里 `\(field)` 写了两次") }
        static func tooLongForACell(_ text: WorkbookExport.LongText, column: String) -> Phrase {
            let length = Workbook.grouped(text.length), limit = Workbook.grouped(WorkbookExport.cellTextLimit)
            let id = text.id.isEmpty ? text.path : text.id
            return Phrase("\(text.path): customer \(id), column `\(column)`: the text has \(length) characters, more than the \(limit) an Excel cell holds\n",
                          "\(text.path)：客户 \(id) 的 `\(column)` 有 \(length) 个字符，超过了 Excel 一个单元格能放的 \(limit) 个\n")
        }
        static func notWritten(_ count: Int, to path: String) -> Phrase {
            Phrase("\(count) text\(count == 1 ? " is" : "s are") too long for a workbook, so \(path) was not written; export with `--format csv` instead, or shorten \(count == 1 ? "it" : "them")",
                   "有 \(count) 处文字太长，放不进工作簿，所以没有写入 \(path)；请改用 `--format csv` 导出，或把文字删短")
        }
        static func exported(_ count: Int, to path: String) -> Phrase {
            Phrase("exported \(count) customer\(count == 1 ? "" : "s") to \(path)\n", "已导出 \(count) 位客户到 \(path)\n")
        }
    }
}

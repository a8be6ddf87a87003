import LeadbookCore
import LeadbookText

/// `leadbook export`: every customer as one row of a CSV (for Excel) or JSON table.
public enum ExportCommand: Command {
    public static let spec = CommandSpec(
        name: "export",
        summary: "every customer as one row of a CSV table for Excel (UTF-8 with BOM) or JSON",
        usage: "leadbook export [-C DIR] [--format csv|json] [--out FILE] [--fields a,b,...]",
        options: [
            .workspace,
            OptionSpec("format", value: "FORMAT", help: "csv (default) or json"),
            OptionSpec("out", value: "FILE", help: "write to FILE instead of standard output"),
            OptionSpec("fields", value: "LIST", help: "the columns, in order, separated by commas (default: \(CustomerColumn.defaults.map(\.rawValue).joined(separator: ",")))"),
        ],
        details: """
        Tombstones (customers merged into another) are left out; customers are in id order.
        CSV headers and values are in Chinese when leadbook.yml has `language: zh-CN` (the
        default), else in English; `leadbook import` reads both. A cell that starts with =, +, -,
        @, a tab or a carriage return gets a leading ' so a spreadsheet does not run it as a
        formula. JSON always uses the English field names and values.

        fields:
        \(CustomerColumn.allCases.map { "  \($0.rawValue.padded(to: 14)) \($0.label.padded(to: 12)) \($0.summary)" }.joined(separator: "\n"))
        """)

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        let console = context.console
        guard let format = choice(arguments, "format", ["csv", "json"], default: "csv", context) else { return .failure }
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
        let labels = workspace.configuration.language == .zhCN
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
                context.complain("\(error)", spec.name)
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
    /// What `leadbook export` says besides the table it writes.
    enum Message {
        static func unexpected(_ argument: String) -> String { "unexpected argument `\(argument)`" }
        /// The unknown field, then a line that lists the fields there are.
        static func unknownField(_ name: String, near: String?, fields: [String]) -> String {
            "unknown field `\(name)`" + (near.map { "; did you mean \($0)?" } ?? "") + "\nfields: \(fields.joined(separator: ", "))"
        }
        static func fieldTwice(_ field: String) -> String { "--fields names `\(field)` twice" }
        static func exported(_ count: Int, to path: String) -> String { "exported \(count) customer\(count == 1 ? "" : "s") to \(path)\n" }
    }
}

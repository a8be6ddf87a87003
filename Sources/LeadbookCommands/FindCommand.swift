import LeadbookCore
import LeadbookText

/// `leadbook find TEXT`: every customer that holds a piece of text, and where.
public enum FindCommand: Command {
    public static let spec = CommandSpec(
        name: "find",
        summary: Phrase("every customer whose name, contacts, phones, emails, tags or log hold TEXT, and where",
                        "列出名称、联系人、电话、邮箱、标签或跟进记录中含有 TEXT 的客户，以及出现的位置"),
        usage: "leadbook find TEXT [-C DIR] [--format text|json]",
        options: [.workspace, OptionSpec("format", value: "FORMAT", help: Phrase("text (default) or json (for jq and scripts)",
                                                                              "text（默认）或 json（供 jq 和脚本使用）"))],
        details: Phrase(
            """
            Latin letters match in either case (`Hengli` finds `hengli`); a phone number matches by
            its digits, without spaces or dashes (`138 0000 0031` finds 13800000031; at least 4
            digits). A log match names its section, the entry's date and the line. Every command that
            takes an ID also takes a piece of text that names one customer only (`leadbook show
            恒力`); find lists them all. Tombstones left by `merge` are not listed. Exit 0 when a
            customer holds TEXT, 1 when none does or some files could not be searched.
            """,
            """
            拉丁字母不区分大小写（`Hengli` 能找到 `hengli`）；电话按数字比较，不管空格和短横线
            （`138 0000 0031` 能找到 13800000031；至少 4 位数字）。在跟进记录里找到时，会写出所在
            部分、那一条的日期和行号。所有接受客户编号的命令，也接受只对应一位客户的名称片段
            （`leadbook show 恒力`）；find 列出全部匹配的客户。`merge` 留下的墓碑文件不列出。
            有客户含有 TEXT 时退出码为 0；没有，或有文件无法搜索时为 1。
            """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let format = choice(arguments, "format", ["text", "json"], default: "text", context) else { return .failure }
        guard arguments.positionals.count == 1, let query = CustomerSearch.Query(arguments.positionals[0]) else {
            context.complain(Message.oneText, spec.name, usage: spec.usage)
            return .failure
        }
        guard let workspace = context.openWorkspace(arguments) else { return .failure }
        let found = CustomerSearch.find(query, in: workspace)
        if format == "json" {
            context.console.out(json(query, found).rendered() + "\n")
        } else {
            context.console.out(text(query, found, context.language))
        }
        context.tellUnread(found.unread)
        CustomerSet.warnAboutErrors(found.filesWithErrors, spec.name, context, consequence: Message.notSearched)
        return found.customers.isEmpty || !found.filesWithErrors.isEmpty || !found.unread.isEmpty ? .findings : .ok
    }

    /// One block per customer: its id, name, owner and status, its file, then each place the
    /// text was found; then the count.
    public static func text(_ query: CustomerSearch.Query, _ found: CustomerSearch.Found, _ language: Language) -> String {
        guard !found.customers.isEmpty else { return Message.nothing(query.text).text(language) + "\n" }
        var output = ""
        for customer in found.customers {
            let status = customer.status.map { "  " + $0.label(in: language) } ?? ""
            output += "\(customer.id ?? "-")  \(customer.name ?? "-")  \(customer.owner ?? "-")\(status)\n"
            output += "  \(customer.path)\n"
            for match in customer.matches { output += "  " + Message.place(match).text(language) + "\n" }
            output += "\n"
        }
        return output + Message.count(found.customers.count).text(language) + "\n"
    }

    /// The same as JSON: the text, and per customer its id, name, owner, status (the English
    /// value), file and matches (field, value, and for the log its line and the entry's date).
    public static func json(_ query: CustomerSearch.Query, _ found: CustomerSearch.Found) -> JSON {
        .object([
            ("text", .string(query.text)),
            ("customers", .array(found.customers.map { customer in
                .object([
                    ("id", .optional(customer.id)), ("name", .optional(customer.name)), ("owner", .optional(customer.owner)),
                    ("status", .optional(customer.status?.rawValue)), ("file", .string(customer.path)),
                    ("matches", .array(customer.matches.map { match in
                        .object([("field", .string(match.field.rawValue)), ("value", .string(match.value)),
                                 ("line", .optional(match.line)), ("date", .optional(match.date))])
                    })),
                ])
            })),
            ("count", .int(found.customers.count)),
        ])
    }
}

extension FindCommand {
    /// What `leadbook find` says.
    enum Message {
        static let oneText = Phrase("give one text to look for (quote it when it has spaces)", "请给出一段要查找的文字（含空格时加引号）")
        static let notSearched = Phrase("they were not searched; ", "这些文件没有搜索；")
        static func nothing(_ text: String) -> Phrase {
            Phrase("no customer holds `\(text)`", "没有客户含有 `\(text)`")
        }
        static func count(_ count: Int) -> Phrase {
            Phrase("\(DiagnosticReport.plural(count, "customer"))", "共 \(count) 位客户")
        }
        /// `contact 王磊`, `follow-up 2024-03-02, line 54: ...`.
        static func place(_ match: CustomerSearch.Match) -> Phrase {
            let field = match.field.phrase
            guard let line = match.line else { return field + Phrase(" ", "：") + match.value }
            let date = match.date.map { " \($0.description)" } ?? ""
            return field + Phrase("\(date), line \(line): ", "\(date)，第 \(line) 行：") + match.value
        }
    }
}

import Foundation
import LeadbookCore
import LeadbookText

/// `leadbook new`: a new customer file with the next free id, unless the customer is already
/// in the workspace.
public enum NewCommand: Command {
    public static let spec = CommandSpec(
        name: "new",
        summary: Phrase("capture a new lead: create its customer file with the next free id",
                        "录入新线索：用下一个空闲编号创建它的客户文件"),
        usage: "leadbook new " + (fieldOptions.map { field in
            let option = field.option, words = "--\(option.flag) \(option.usage)"
            return option.required ? words : "[\(words)]" + (option.repeatable ? "..." : "")
        } + ["[--note TEXT]", "[--at DATETIME]", "[--force]", "[--no-cache]", "[-C DIR]"]).joined(separator: " "),
        options: [.workspace]
            + fieldOptions.map { OptionSpec($0.option.flag, value: $0.option.value, repeatable: $0.option.repeatable, help: $0.option.help) }
            + [
                OptionSpec("note", value: "TEXT", help: Phrase("a remark written under the heading", "写在标题下的备注")),
                OptionSpec("at", value: "DATETIME", help: Phrase(
                    "when the lead was captured (default: now in the workspace's time zone)",
                    "获取线索的时间（默认：工作区时区的当前时间）")),
                OptionSpec("force", help: Phrase(
                    "create it even when it looks like a customer already in the workspace",
                    "即使看起来和工作区里已有的客户重复，也照样创建")),
                .noCache,
            ],
        details: Phrase("""
        The id is the id prefix, the year of capture and the next running number of that year
        in the whole workspace (LX2024016); the file is customers/<id>-<short name>.md. When the
        name, a phone or an email matches a customer already there, nothing is written, the
        matches are listed and the exit code is 1 (--force creates it anyway). Prints the new
        file's path, relative to the workspace.
        """, """
        编号由编号前缀、获取年份和整个工作区里该年的下一个流水号组成（LX2024016）；
        文件是 customers/<编号>-<简称>.md。名称、电话或邮箱和已有客户相同时，什么都不写，
        列出相同的客户，退出码为 1（加 --force 照样创建）。输出新文件相对于工作区的路径。
        """))

    /// The options of the fields (CustomerField's `new` options), in their order.
    static let fieldOptions = CustomerField.newOptions

    static func flag(_ field: CustomerField) -> String { field.definition.option!.flag }

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        context.refusing(spec.name) { try execute(arguments, context) }
    }

    static func execute(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
        guard arguments.positionals.isEmpty else {
            throw Refusal.usage(Message.unexpected(arguments.positionals[0], usage: spec.usage))
        }
        guard var opened = context.openWorkspace(arguments) else { return .failure }
        opened.cache = context.cacheSetting(arguments)
        let configuration = opened.configuration
        let missing = fieldOptions.filter { $0.option.required && arguments.value($0.option.flag) == nil }.map(\.option.flag)
        if !missing.isEmpty { throw Refusal.usage(Message.needs(missing)) }
        let sourceText = try OptionValue.oneLine(arguments.value(flag(.source))!, flag(.source))
        guard configuration.source(named: sourceText) != nil else {
            throw Refusal.usage(OptionValue.Message.unknownWord(UnknownSource.Message.unknown(sourceText, configuration), flag(.source)))
        }
        let created = try context.moment(arguments, "at", opened)
        var draft = CustomerDraft(id: "", name: try OptionValue.oneLine(arguments.value(flag(.name))!, flag(.name)), source: sourceText,
                                  intent: try OptionValue.vocabulary(arguments.value(flag(.intent))!, flag(.intent), Intent.self), created: created)
        draft.kind = try arguments.value(flag(.kind)).map { try OptionValue.vocabulary($0, flag(.kind), CustomerKind.self) }
        // The fields without rules of their own: their value read by their type.
        for (field, option) in fieldOptions {
            switch field {
            case .name, .source, .intent, .kind, .contacts, .sourceDetail, .owner: continue
            default:
                guard let text = arguments.value(option.flag) else { continue }
                draft.fields[field] = try written(text, field.type, option.flag)
            }
        }
        draft.contacts = try arguments.values(flag(.contacts)).map(contact)
        draft.sourceDetail = try arguments.values(flag(.sourceDetail)).map { text in
            let (key, value) = try OptionValue.pair(text, flag(.sourceDetail))
            guard !key.isEmpty, key.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == UInt8(ascii: "_") }) else {
                throw Refusal.usage(Message.notADetailKey(key, flag(.sourceDetail)))
            }
            return (key, try OptionValue.oneLine(value, "\(flag(.sourceDetail)) \(key)"))
        }
        if let owner = arguments.value(flag(.owner)) {
            draft.fields[.owner] = try OptionValue.member(owner, flag(.owner), configuration)
            draft.fields[.assigned] = created.description
        }
        if let note = arguments.value("note") {
            if let problem = LogText.linesProblem(note) { throw Refusal.usage(Message.badNote(problem)) }
            for line in note.split(separator: "\n") where String(line).trimmingSpaces.hasPrefix("#") || line.hasPrefix("---") {
                throw Refusal.usage(Message.noteLineIsMarkup(String(line)))
            }
            draft.note = note
        }

        let write = try context.openWrite(opened)
        defer { write.release() }
        let workspace = write.workspace
        let reading = WorkspaceCheck.facts(workspace)
        let facts = reading.values
        context.tellUnread(reading.unread)
        CustomerSet.warnAboutErrors(reading.unreadPaths, spec.name, context, consequence: Message.notCompared)
        if !arguments.flag("force") {
            let candidates = facts.indices.filter { !facts[$0].isTombstone && !facts[$0].duplicateDigests.isEmpty }
            let table = DuplicateKeyTable(candidates.map { facts[$0].duplicateDigests })
            let keys = DuplicateKeys.keys(name: draft.name, contacts: draft.contacts, kind: draft.kind ?? .company)
            let matches = table.matches(keys.map(\.digest))
            if !matches.isEmpty {
                var message = Message.looksLike(draft.name, matches.count)
                for (member, digests) in matches {
                    let fact = facts[candidates[member]]
                    let evidence = Phrase.joined(keys.filter { digests.contains($0.digest) }.map(Message.same), en: ", ", zh: "，")
                    message += Message.lookalike(fact.id ?? "?", fact.name ?? "", fact.path, evidence)
                }
                message += Message.logOnIt(facts[candidates[matches[0].member]].id)
                throw Refusal.finding(message)
            }
        }
        let ids = facts.map { $0.id ?? CustomerIds.id(ofFileName: WorkspacePath.fileName($0.path)) }
        guard let id = CustomerIds.next(prefix: configuration.idPrefix, year: created.date.year, taken: Set(ids)) else {
            throw Refusal.finding(Message.noFreeId(created.date.year, maxDigits: CustomerIds.maxDigits))
        }
        draft.id = id
        let path = configuration.customersFolder + "/" + draft.fileName()
        if FileAccess.exists(workspace.absolute(path)) {
            throw Refusal.usage(EditableCustomer.Message.exists(path))
        }
        let bytes = Array(draft.render(chineseHeadings: configuration.language == .zhCN).utf8)
        do {
            try write.create(path, bytes)
        } catch {
            guard case .newErrors(_, let problems) = error else { throw error }
            throw Refusal.usage((Message.wouldHaveErrors + Phrase.joined(problems.map(DiagnosticReport.phrase), en: "", zh: ""))
                                    .map { String($0.dropLast()) })
        }
        let folder = workspace.absolute(configuration.customersFolder)
        if !FileAccess.isDirectory(folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw Refusal.usage(Message.cannotCreateFolder(configuration.customersFolder, error.localizedDescription))
            }
        }
        try write.commit()
        context.console.out(Message.created(path))
        return .ok
    }

    /// An option's value read by the type of its field, as the front matter writes it.
    static func written(_ text: String, _ type: CustomerField.ValueType, _ option: String) throws -> String {
        switch type {
        case .wholeNumber: return String(try OptionValue.count(text, option))
        case .amount: return try OptionValue.amountDigits(text, option)
        case .date: return try OptionValue.date(text, option).description
        case .dateTime:
            guard let moment = LocalDateTime(text) else {
                throw Refusal.usage(Message.notAMoment(text, option))
            }
            return moment.description
        case .text, .choice, .textList, .map, .mapList: return try OptionValue.oneLine(text, option)
        }
    }

    /// `name,title,phone,email` (ASCII or full-width commas; empty parts are left out).
    static func contact(_ text: String) throws -> Contact {
        let parts = try OptionValue.oneLine(text, "contact").split(omittingEmptySubsequences: false) { $0 == "," || $0 == "，" }
            .map { String($0).trimmingSpaces }
        guard parts.count <= 4, let name = parts.first, !name.isEmpty else {
            throw Refusal.usage(Message.notAContact(text))
        }
        var contact = Contact()
        contact.name = name
        if parts.count > 1, !parts[1].isEmpty { contact.title = parts[1] }
        if parts.count > 2, !parts[2].isEmpty {
            guard DuplicateKeys.phone(parts[2]) != nil else { throw Refusal.usage(Message.notAPhone(parts[2])) }
            contact.phone = parts[2]
        }
        if parts.count > 3, !parts[3].isEmpty {
            guard DuplicateKeys.email(parts[3]) != nil else { throw Refusal.usage(Message.notAnEmail(parts[3])) }
            contact.email = parts[3]
        }
        return contact
    }
}

extension NewCommand {
    /// What `leadbook new` says.
    enum Message {
        /// The new file's path alone on standard output, in both languages, so that a script
        /// (or `$EDITOR "$(leadbook new ...)"`) can take it.
        static func created(_ path: String) -> Phrase { Phrase(verbatim: path + "\n") }
        static func badNote(_ problem: Phrase) -> Phrase { "--note " + problem }
        static func noFreeId(_ year: Int, maxDigits: Int) -> Phrase {
            Phrase("no free id is left for \(year): its running numbers are used up to \(maxDigits) digits; nothing was written",
                   "\(year) 年已经没有空闲编号：流水号已经用满 \(maxDigits) 位，什么都没有写")
        }
        static func unexpected(_ argument: String, usage: String) -> Phrase {
            Phrase("unexpected `\(argument)`; the name goes in --name\nusage: \(usage)",
                   "多了一个 `\(argument)`；名称请写在 --name 后面\n用法：\(usage)")
        }
        static func needs(_ options: [String]) -> Phrase {
            Phrase("a new customer needs \(options.map { "--" + $0 }.joined(separator: ", "))",
                   "新客户必须写 \(options.map { "--" + $0 }.joined(separator: "、"))")
        }
        static func notADetailKey(_ key: String, _ option: String) -> Phrase {
            Phrase("--\(option): `\(key)` is not a key (lower-case letters, like booth or referrer)",
                   "--\(option)：`\(key)` 不能做键（只用小写英文字母，比如 booth 或 referrer）")
        }
        static func noteLineIsMarkup(_ line: String) -> Phrase {
            Phrase("--note: the line `\(line)` would be read as a heading or a separator",
                   "--note：`\(line)` 这一行会被当成标题或分隔线")
        }
        /// Why the new customer looks like one already there: `same phone 13800000001`.
        static func same(_ evidence: DuplicateKeys.Evidence) -> Phrase {
            switch evidence.kind {
            case .name: return Phrase("same name \(evidence.value)", "名称相同（\(evidence.value)）")
            case .phone: return Phrase("same phone \(evidence.value)", "电话相同（\(evidence.value)）")
            case .email: return Phrase("same email \(evidence.value)", "邮箱相同（\(evidence.value)）")
            }
        }
        static let notCompared = Phrase("they were not compared with the new customer; ", "没有拿它们和新客户比对；")
        /// The first line of a refusal for a likely duplicate; a `lookalike` line for each match and `logOnIt` follow.
        static func looksLike(_ name: String, _ count: Int) -> Phrase {
            Phrase("\(name) looks like \(count == 1 ? "a customer" : "customers") already in the workspace; nothing was written:\n",
                   "\(name) 和工作区里已有的 \(count) 位客户像是同一家，什么都没有写：\n")
        }
        static func lookalike(_ id: String, _ name: String, _ path: String, _ evidence: Phrase) -> Phrase {
            Phrase("  \(id) \(name) (\(path)): \(evidence.en)\n", "  \(id) \(name)（\(path)）：\(evidence.zh)\n")
        }
        static func logOnIt(_ id: String?) -> Phrase {
            Phrase("log on it with `leadbook log \(id ?? "ID") ...`, or pass --force to create a new customer anyway",
                   "请用 `leadbook log \(id ?? "编号") ...` 在已有客户上记录跟进；确实是新客户的话，加 --force 照样创建")
        }
        /// The first line; the errors follow, one a line.
        static let wouldHaveErrors = Phrase("the new file would have errors; nothing was written:\n", "新文件会有错误，什么都没有写：\n")
        static func cannotCreateFolder(_ folder: String, _ reason: String) -> Phrase {
            Phrase("cannot create the folder \(folder): \(reason)", "无法创建文件夹 \(folder)：\(reason)")
        }
        static func notAMoment(_ text: String, _ option: String) -> Phrase {
            Phrase("--\(option) must be a date and time like 2024-03-05 09:30, not `\(text)`",
                   "--\(option) 要写日期和时间，比如 2024-03-05 09:30，不能写 `\(text)`")
        }
        static func notAContact(_ text: String) -> Phrase {
            Phrase("--contact is \"NAME,TITLE,PHONE,EMAIL\" (a name first, the rest may be empty), not `\(text)`",
                   "--contact 的写法是 \"姓名,职位,电话,邮箱\"（先写姓名，其余可以留空），不能写 `\(text)`")
        }
        static func notAPhone(_ text: String) -> Phrase {
            Phrase("--contact: `\(text)` is not a phone number", "--contact：`\(text)` 不是电话号码")
        }
        static func notAnEmail(_ text: String) -> Phrase {
            Phrase("--contact: `\(text)` is not an email address", "--contact：`\(text)` 不是邮箱地址")
        }
    }
}

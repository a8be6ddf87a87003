import Foundation
import LeadbookCore
import LeadbookText

/// `leadbook new`: a new customer file with the next free id, unless the customer is already
/// in the workspace.
public enum NewCommand: Command {
    public static let spec = CommandSpec(
        name: "new",
        summary: "capture a new lead: create its customer file with the next free id",
        usage: "leadbook new " + (fieldOptions.map { field in
            let option = field.option, words = "--\(option.flag) \(option.usage)"
            return option.required ? words : "[\(words)]" + (option.repeatable ? "..." : "")
        } + ["[--note TEXT]", "[--at DATETIME]", "[--force]", "[-C DIR]"]).joined(separator: " "),
        options: [.workspace]
            + fieldOptions.map { OptionSpec($0.option.flag, value: $0.option.value, repeatable: $0.option.repeatable, help: $0.option.help) }
            + [
                OptionSpec("note", value: "TEXT", help: "a remark written under the heading"),
                OptionSpec("at", value: "DATETIME", help: "when the lead was captured (default: now in the workspace's time zone)"),
                OptionSpec("force", help: "create it even when it looks like a customer already in the workspace"),
            ],
        details: """
        The id is the id prefix, the year of capture and the next running number of that year
        in the whole workspace (LX2024016); the file is customers/<id>-<short name>.md. When the
        name, a phone or an email matches a customer already there, nothing is written, the
        matches are listed and the exit code is 1 (--force creates it anyway). Prints the new
        file's path, relative to the workspace.
        """)

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
        guard let opened = context.openWorkspace(arguments) else { return .failure }
        let configuration = opened.configuration
        let missing = fieldOptions.filter { $0.option.required && arguments.value($0.option.flag) == nil }.map(\.option.flag)
        if !missing.isEmpty { throw Refusal.usage(Message.needs(missing)) }
        let sourceText = try OptionValue.oneLine(arguments.value(flag(.source))!, flag(.source))
        guard configuration.source(named: sourceText) != nil else {
            let message = UnknownSource.Message.unknown(sourceText, configuration)
            throw Refusal.usage(OptionValue.Message.unknownWord(message.text, hint: message.hint, flag(.source)))
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
            if let problem = LogText.problemAsLines(note) { throw Refusal.usage(Message.badNote(problem)) }
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
                    let evidence = keys.filter { digests.contains($0.digest) }.map(\.description).joined(separator: ", ")
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
            throw Refusal.usage(Message.wouldHaveErrors
                                + problems.map { DiagnosticReport.text($0, style: .init(color: false, language: context.language)) }.joined().dropLast())
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
        context.console.out(path + "\n")
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
        static func badNote(_ problem: String) -> String { "--note \(problem)" }
        static func noFreeId(_ year: Int, maxDigits: Int) -> String {
            "no free id is left for \(year): its running numbers are used up to \(maxDigits) digits; nothing was written"
        }
        static func unexpected(_ argument: String, usage: String) -> String { "unexpected `\(argument)`; the name goes in --name\nusage: \(usage)" }
        static func needs(_ options: [String]) -> String { "a new customer needs \(options.map { "--" + $0 }.joined(separator: ", "))" }
        static func notADetailKey(_ key: String, _ option: String) -> String {
            "--\(option): `\(key)` is not a key (lower-case letters, like booth or referrer)"
        }
        static func noteLineIsMarkup(_ line: String) -> String { "--note: the line `\(line)` would be read as a heading or a separator" }
        static let notCompared = "they were not compared with the new customer; "
        /// The first line of a refusal for a likely duplicate; a `lookalike` line for each match and `logOnIt` follow.
        static func looksLike(_ name: String, _ count: Int) -> String {
            "\(name) looks like \(count == 1 ? "a customer" : "customers") already in the workspace; nothing was written:\n"
        }
        static func lookalike(_ id: String, _ name: String, _ path: String, _ evidence: String) -> String { "  \(id) \(name) (\(path)): \(evidence)\n" }
        static func logOnIt(_ id: String?) -> String { "log on it with `leadbook log \(id ?? "ID") ...`, or pass --force to create a new customer anyway" }
        /// The first line; the errors follow, one a line.
        static let wouldHaveErrors = "the new file would have errors; nothing was written:\n"
        static func cannotCreateFolder(_ folder: String, _ reason: String) -> String { "cannot create the folder \(folder): \(reason)" }
        static func notAMoment(_ text: String, _ option: String) -> String { "--\(option) must be a date and time like 2024-03-05 09:30, not `\(text)`" }
        static func notAContact(_ text: String) -> String {
            "--contact is \"NAME,TITLE,PHONE,EMAIL\" (a name first, the rest may be empty), not `\(text)`"
        }
        static func notAPhone(_ text: String) -> String { "--contact: `\(text)` is not a phone number" }
        static func notAnEmail(_ text: String) -> String { "--contact: `\(text)` is not an email address" }
    }
}

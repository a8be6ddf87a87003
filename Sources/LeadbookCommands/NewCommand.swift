import Foundation
import LeadbookCore
import LeadbookText

/// `leadbook new`: a new customer file with the next free id, unless the customer is already
/// in the workspace.
public enum NewCommand: Command {
    public static let spec = CommandSpec(
        name: "new",
        summary: "capture a new lead: create its customer file with the next free id",
        usage: "leadbook new --name N --source S --intent A|B|C [--industry I] [--region R] [--employees N] [--budget CNY] [--needs TEXT] [--contact \"name,title,phone,email\"]... [--detail KEY=VALUE]... [--decision-by DATE] [--kind company|person] [--owner NAME] [--note TEXT] [--at DATETIME] [--force] [-C DIR]",
        options: [
            .workspace,
            OptionSpec("name", value: "NAME", help: "the company (or person) name"),
            OptionSpec("source", value: "SOURCE", help: "where the lead came from: one of leadbook.yml `sources` (exhibition, website, referral, ... or 展会, 官网表单, ...)"),
            OptionSpec("intent", value: "A|B|C", help: "initial intent: A clear and urgent, B a need without details, C only collecting material"),
            OptionSpec("industry", value: "TEXT", help: "industry"),
            OptionSpec("region", value: "TEXT", help: "region"),
            OptionSpec("employees", value: "N", help: "number of employees"),
            OptionSpec("budget", value: "CNY", help: "budget in CNY, digits only"),
            OptionSpec("needs", value: "TEXT", help: "need keywords or description"),
            OptionSpec("contact", value: "\"NAME,TITLE,PHONE,EMAIL\"", repeatable: true, help: "a contact; leave parts empty: \"张伟,,13800000001\""),
            OptionSpec("detail", value: "KEY=VALUE", repeatable: true, help: "source detail: booth=A12, minutes=30, page=..., referrer=..."),
            OptionSpec("decision-by", value: "DATE", help: "expected decision date"),
            OptionSpec("kind", value: "KIND", help: "company (default) or person"),
            OptionSpec("owner", value: "NAME", help: "the rep who follows it (a team member); `assigned` is set to the capture time"),
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

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        context.refusing(spec.name) { try execute(arguments, context) }
    }

    static func execute(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
        guard arguments.positionals.isEmpty else {
            throw Refusal.usage("unexpected `\(arguments.positionals[0])`; the name goes in --name\nusage: \(spec.usage)")
        }
        guard var workspace = context.openWorkspace(arguments) else { return .failure }
        let configuration = workspace.configuration
        let missing = ["name", "source", "intent"].filter { arguments.value($0) == nil }
        if !missing.isEmpty { throw Refusal.usage("a new customer needs \(missing.map { "--" + $0 }.joined(separator: ", "))") }
        let sourceText = try OptionValue.oneLine(arguments.value("source")!, "source")
        guard configuration.source(named: sourceText) != nil else {
            let message = UnknownSource.Message.unknown(sourceText, configuration)
            throw Refusal.usage("--source: \(message.text); \(message.hint)")
        }
        let created = try context.moment(arguments, "at", workspace)
        var draft = CustomerDraft(id: "", name: try OptionValue.oneLine(arguments.value("name")!, "name"), source: sourceText,
                                  intent: try OptionValue.vocabulary(arguments.value("intent")!, "intent", Intent.self), created: created)
        draft.kind = try arguments.value("kind").map { try OptionValue.vocabulary($0, "kind", CustomerKind.self) }
        draft.industry = try arguments.value("industry").map { try OptionValue.oneLine($0, "industry") }
        draft.region = try arguments.value("region").map { try OptionValue.oneLine($0, "region") }
        draft.employees = try arguments.value("employees").map { try OptionValue.count($0, "employees") }
        draft.budget = try arguments.value("budget").map { try OptionValue.amount($0, "budget") }
        draft.needs = try arguments.value("needs").map { try OptionValue.oneLine($0, "needs") }
        draft.decisionBy = try arguments.value("decision-by").map { try OptionValue.date($0, "decision-by") }
        draft.contacts = try arguments.values("contact").map(contact)
        draft.sourceDetail = try arguments.values("detail").map { text in
            let (key, value) = try OptionValue.pair(text, "detail")
            guard !key.isEmpty, key.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == UInt8(ascii: "_") }) else {
                throw Refusal.usage("--detail: `\(key)` is not a key (lower-case letters, like booth or referrer)")
            }
            return (key, try OptionValue.oneLine(value, "detail \(key)"))
        }
        if let owner = arguments.value("owner") {
            draft.owner = try OptionValue.member(owner, "owner", configuration)
            draft.assigned = created
        }
        if let note = arguments.value("note") {
            for line in note.split(separator: "\n") where String(line).trimmingSpaces.hasPrefix("#") || line.hasPrefix("---") {
                throw Refusal.usage("--note: the line `\(line)` would be read as a heading or a separator")
            }
            draft.note = note
        }

        let lock = try context.lock(&workspace, spec.name)
        defer { lock.release() }
        let facts = WorkspaceCheck.facts(workspace)
        if !arguments.flag("force") {
            let candidates = facts.indices.filter { !facts[$0].isTombstone && !facts[$0].duplicateDigests.isEmpty }
            let table = DuplicateKeyTable(candidates.map { facts[$0].duplicateDigests })
            let keys = DuplicateKeys.keys(name: draft.name, contacts: draft.contacts, kind: draft.kind ?? .company)
            let matches = table.matches(keys.map(\.digest))
            if !matches.isEmpty {
                var message = "\(draft.name) looks like \(matches.count == 1 ? "a customer" : "customers") already in the workspace; nothing was written:\n"
                for (member, digests) in matches {
                    let fact = facts[candidates[member]]
                    let evidence = keys.filter { digests.contains($0.digest) }.map(\.description).joined(separator: ", ")
                    message += "  \(fact.id ?? "?") \(fact.name ?? "") (\(fact.path)): \(evidence)\n"
                }
                message += "log on it with `leadbook log \(facts[candidates[matches[0].member]].id ?? "ID") ...`, or pass --force to create a new customer anyway"
                throw Refusal.finding(message)
            }
        }
        let ids = facts.map { $0.id ?? CustomerIds.id(ofFileName: WorkspacePath.fileName($0.path)) }
        draft.id = CustomerIds.next(prefix: configuration.idPrefix, year: created.date.year, taken: Set(ids))
        let path = configuration.customersFolder + "/" + draft.fileName()
        if FileAccess.exists(workspace.absolute(path)) {
            throw Refusal.usage("\(path) is already there; nothing was written")
        }
        let bytes = Array(draft.render(chineseHeadings: configuration.language == .zhCN).utf8)
        let problems = CustomerReader.read(path: path, bytes: bytes, configuration: configuration).findings.diagnostics
            .filter { $0.severity == .error }
        if !problems.isEmpty {
            throw Refusal.usage("the new file would have errors; nothing was written:\n"
                                + problems.map { DiagnosticReport.text($0, style: .init(color: false)) }.joined().dropLast())
        }
        let folder = workspace.absolute(configuration.customersFolder)
        if !FileAccess.isDirectory(folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw Refusal.usage("cannot create the folder \(configuration.customersFolder): \(error.localizedDescription)")
            }
        }
        try context.write(bytes, to: path, in: workspace)
        context.console.out(path + "\n")
        return .ok
    }

    /// `name,title,phone,email` (ASCII or full-width commas; empty parts are left out).
    static func contact(_ text: String) throws -> Contact {
        let parts = try OptionValue.oneLine(text, "contact").split(omittingEmptySubsequences: false) { $0 == "," || $0 == "，" }
            .map { String($0).trimmingSpaces }
        guard parts.count <= 4, let name = parts.first, !name.isEmpty else {
            throw Refusal.usage("--contact is \"NAME,TITLE,PHONE,EMAIL\" (a name first, the rest may be empty), not `\(text)`")
        }
        var contact = Contact()
        contact.name = name
        if parts.count > 1, !parts[1].isEmpty { contact.title = parts[1] }
        if parts.count > 2, !parts[2].isEmpty {
            guard DuplicateKeys.phone(parts[2]) != nil else { throw Refusal.usage("--contact: `\(parts[2])` is not a phone number") }
            contact.phone = parts[2]
        }
        if parts.count > 3, !parts[3].isEmpty {
            guard DuplicateKeys.email(parts[3]) != nil else { throw Refusal.usage("--contact: `\(parts[3])` is not an email address") }
            contact.email = parts[3]
        }
        return contact
    }
}

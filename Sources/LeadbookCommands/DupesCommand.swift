import LeadbookCore
import LeadbookText

/// `leadbook dupes`: the groups of customers that look like one customer, with the evidence.
public enum DupesCommand: Command {
    public static let spec = CommandSpec(
        name: "dupes",
        summary: "list customers that look like the same customer (shared phone, email or name)",
        usage: "leadbook dupes [-C DIR] [--format text|json]",
        options: [.workspace, OptionSpec("format", value: "FORMAT", help: "text (default) or json")],
        details: """
        Two customers match when they share a phone (digits only, without +86 / 0086), an email
        (in any case) or a company name (full-width and half-width alike, without spaces,
        punctuation and suffixes such as 有限公司 or Co., Ltd.). Customers joined through any
        chain of matches form one group. Tombstones of merged customers are left out. In each
        group the customer captured first comes first: the one to keep in `leadbook merge`.
        Exit 0 when there are none, 1 when there are groups (or files that could not be read).
        """)

    public struct Group {
        public var customers: [CustomerFacts]
        /// Each shared key and the ids that have it.
        public var evidence: [(DuplicateKeys.Evidence, [String])]
    }

    /// The groups of a workspace's facts, oldest customer first in each, groups by their first.
    /// Only the files of a group are read again, for the values they share.
    public static func groups(_ facts: [CustomerFacts], _ configuration: Configuration) -> [Group] {
        var members: [Int] = []
        for (position, fact) in facts.enumerated() where !fact.isTombstone && !fact.duplicateDigests.isEmpty {
            members.append(position)
        }
        let table = DuplicateKeyTable(members.map { facts[$0].duplicateDigests })
        var result: [Group] = []
        for (group, digests) in table.groups() {
            let customers = group.map { facts[members[$0]] }.sorted { PossibleDuplicate.isNewer($1, than: $0) }
            var values: [UInt64: DuplicateKeys.Evidence] = [:]
            var holders: [UInt64: [String]] = [:]
            var work = DuplicateKeys.Work()
            for customer in customers {
                for key in DuplicateKeys.shared(customer.duplicateKeys(configuration)?.keys ?? [], digests: digests, work: &work) {
                    values[key.evidence.digest] = key.evidence
                    holders[key.evidence.digest, default: []].append(id(customer))
                }
            }
            let evidence = digests.compactMap { digest in values[digest].map { ($0, holders[digest] ?? []) } }
                .sorted { ($0.0.kind.rawValue, $0.0.value) < ($1.0.kind.rawValue, $1.0.value) }
            result.append(Group(customers: customers, evidence: evidence))
        }
        return result.sorted { PossibleDuplicate.isNewer($1.customers[0], than: $0.customers[0]) }
    }

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let format = choice(arguments, "format", ["text", "json"], default: "text", context) else { return .failure }
        guard arguments.positionals.isEmpty else {
            context.complain(Message.unexpected(arguments.positionals[0]), spec.name, usage: spec.usage)
            return .failure
        }
        guard let workspace = context.openWorkspace(arguments) else { return .failure }
        let facts = WorkspaceCheck.facts(workspace)
        let groups = groups(facts.values, workspace.configuration)
        if format == "json" {
            context.console.out(json(groups).rendered() + "\n")
        } else {
            context.console.out(text(groups))
        }
        context.tellUnread(facts.unread)
        CustomerSet.warnAboutErrors(facts.unreadPaths, "dupes", context, consequence: Message.notCompared)
        return groups.isEmpty && facts.unread.isEmpty ? .ok : .findings
    }

    static func id(_ fact: CustomerFacts) -> String { fact.id ?? fact.path }

    public static func text(_ groups: [Group]) -> String {
        var output = ""
        for group in groups {
            for customer in group.customers {
                output += "\(id(customer)) \(customer.name ?? "")  \(customer.path)\(customer.created.map { "  created \($0)" } ?? "")\n"
            }
            for (key, ids) in group.evidence {
                output += "  \(key): \(ids.joined(separator: ", "))\n"
            }
            let keep = id(group.customers[0])
            for other in group.customers.dropFirst() {
                output += "  to merge: leadbook merge \(keep) \(id(other))\n"
            }
            output += "\n"
        }
        let customers = groups.reduce(0) { $0 + $1.customers.count }
        output += groups.isEmpty ? "no possible duplicates\n"
            : "\(groups.count) group\(groups.count == 1 ? "" : "s") of possible duplicates (\(customers) customers)\n"
        return output
    }

    public static func json(_ groups: [Group]) -> JSON {
        .object([
            ("groups", .array(groups.map { group in
                .object([
                    ("customers", .array(group.customers.map { customer in
                        .object([("id", .optional(customer.id)), ("name", .optional(customer.name)), ("file", .string(customer.path)),
                                 ("created", .optional(customer.created))])
                    })),
                    ("evidence", .array(group.evidence.map { key, ids in
                        .object([("kind", .string(key.kind.rawValue)), ("value", .string(key.value)), ("ids", .array(ids.map(JSON.string)))])
                    })),
                    ("keep", .string(id(group.customers[0]))),
                ])
            })),
            ("count", .int(groups.count)),
        ])
    }
}

extension DupesCommand {
    /// What `leadbook dupes` says besides the groups it finds.
    enum Message {
        static func unexpected(_ argument: String) -> String { "unexpected `\(argument)`" }
        static let notCompared = "they were not compared; "
    }
}

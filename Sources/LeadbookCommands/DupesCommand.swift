import LeadbookCore
import LeadbookText

/// `leadbook dupes`: the groups of customers that look like one customer, with the evidence.
public enum DupesCommand: Command {
    public static let spec = CommandSpec(
        name: "dupes",
        summary: Phrase("list customers that look like the same customer (shared phone, email or name)",
                        "列出疑似同一客户的多个客户文件（电话、邮箱或名称相同）"),
        usage: "leadbook dupes [-C DIR] [--format text|json]",
        options: [.workspace, OptionSpec("format", value: "FORMAT", help: Phrase("text (default) or json", "text（默认）或 json"))],
        details: Phrase("""
            Two customers match when they share a phone (digits only, without +86 / 0086), an email
            (in any case) or a company name (full-width and half-width alike, without spaces,
            punctuation and suffixes such as 有限公司 or Co., Ltd.). Customers joined through any
            chain of matches form one group. Tombstones of merged customers are left out. In each
            group the customer captured first comes first: the one to keep in `leadbook merge`.
            Exit 0 when there are none, 1 when there are groups (or files that could not be read).
            """, """
            两位客户电话相同（只比数字，不含 +86 / 0086）、邮箱相同（不分大小写）或公司名称相同
            （全角半角视为相同，忽略空格、标点和“有限公司”“Co., Ltd.”等后缀）即视为匹配。经由任意
            一串匹配连在一起的客户算作一组。已合并客户留下的占位文件不计在内。每组中最早获取的客户
            排在最前：`leadbook merge` 时保留它。没有疑似重复时退出码为 0，有疑似重复（或有文件
            无法读取）时为 1。
            """))

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
            context.console.out(text(groups, style: context.viewStyle))
        }
        context.tellUnread(facts.unread)
        CustomerSet.warnAboutErrors(facts.unreadPaths, "dupes", context, consequence: Message.notCompared)
        return groups.isEmpty && facts.unread.isEmpty ? .ok : .findings
    }

    static func id(_ fact: CustomerFacts) -> String { fact.id ?? fact.path }

    /// The groups in `style`'s language; a customer's name is cut to keep its line within
    /// the width (ids, paths and dates never are).
    public static func text(_ groups: [Group], style: ViewStyle) -> String {
        let language = style.language
        var output = ""
        for group in groups {
            for customer in group.customers {
                let head = id(customer) + " "
                let tail = "  \(customer.path)" + (customer.created.map { Message.created($0).text(language) } ?? "")
                let room = max(12, style.width - DisplayWidth.of(head) - DisplayWidth.of(tail))
                output += head + DisplayWidth.cut(customer.name ?? "", to: room) + tail + "\n"
            }
            for (key, ids) in group.evidence {
                output += "  " + Message.evidence(key, ids).text(language) + "\n"
            }
            let keep = id(group.customers[0])
            for other in group.customers.dropFirst() {
                output += "  " + Message.toMerge(keep, id(other)).text(language) + "\n"
            }
            output += "\n"
        }
        let customers = groups.reduce(0) { $0 + $1.customers.count }
        output += (groups.isEmpty ? Message.none : Message.groups(groups.count, customers: customers)).text(language) + "\n"
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
    /// What `leadbook dupes` says.
    enum Message {
        static func unexpected(_ argument: String) -> Phrase { Phrase("unexpected `\(argument)`", "多余的参数 `\(argument)`") }
        static let notCompared = Phrase("they were not compared; ", "这些文件没有参与比较；")
        static func created(_ moment: LocalDateTime) -> Phrase { Phrase("  created \(moment)", "  获取时间 \(moment)") }

        static func evidence(_ key: DuplicateKeys.Evidence, _ ids: [String]) -> Phrase {
            let zh: String
            switch key.kind {
            case .phone: zh = "电话相同"
            case .email: zh = "邮箱相同"
            case .name: zh = "名称相同"
            }
            return Phrase("same \(key.kind.rawValue) \(key.value): \(ids.joined(separator: ", "))",
                          "\(zh) \(key.value)：\(ids.joined(separator: "、"))")
        }

        static func toMerge(_ keep: String, _ other: String) -> Phrase {
            Phrase("to merge: leadbook merge \(keep) \(other)", "合并：leadbook merge \(keep) \(other)")
        }

        static let none = Phrase("no possible duplicates", "没有疑似重复的客户")

        static func groups(_ count: Int, customers: Int) -> Phrase {
            Phrase("\(count) group\(count == 1 ? "" : "s") of possible duplicates (\(customers) customers)",
                   "\(count) 组疑似重复（共 \(customers) 位客户）")
        }
    }
}

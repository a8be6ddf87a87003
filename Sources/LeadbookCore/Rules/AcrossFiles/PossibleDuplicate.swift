import LeadbookText

/// The toolkit, section 1: the same customer arriving through two channels is merged into one
/// profile, so it is not followed up twice. Each pair of customers sharing a key (see
/// `DuplicateKeys`) is one warning, on the newer of the two, naming the other file and the
/// shared values, at the first shared value.
///
/// Files are compared by the digests of their keys; only the files of a pair are read again
/// for the values and the line to show.
public enum PossibleDuplicate: WorkspaceRule {
    public static let rule = Rule("possible-duplicate", .warning,
        Phrase("Two customers that share a phone, an email or a company name are one customer (merge them).",
               "电话、邮箱或公司名称相同的两位客户是同一位客户（把他们合并）。"))

    public static func check(_ facts: [CustomerFacts], _ configuration: Configuration, _ diagnostics: inout [Diagnostic]) {
        var members: [Int] = []
        for position in facts.indices where !facts[position].isTombstone && !facts[position].duplicateDigests.isEmpty {
            members.append(position)
        }
        let table = DuplicateKeyTable(members.map { facts[$0].duplicateDigests })
        var reread: [Int: (keys: [DuplicateKeys.Located], source: SourceText)?] = [:]
        for (a, b, digests) in table.pairs() {
            let first = facts[members[a]], second = facts[members[b]]
            let newerIndex = isNewer(second, than: first) ? members[b] : members[a]
            let (older, newer) = newerIndex == members[b] ? (first, second) : (second, first)
            if reread[newerIndex] == nil { reread[newerIndex] = newer.duplicateKeys(configuration) }
            guard let (keys, source) = reread[newerIndex] ?? nil else { continue }
            var work = DuplicateKeys.Work()
            let shared = DuplicateKeys.shared(keys, digests: digests, work: &work)
                .sorted { ($0.evidence.kind.rawValue, $0.evidence.value) < ($1.evidence.kind.rawValue, $1.evidence.value) }
            // The file changed since it was read: its keys no longer say what was shared.
            guard let anchor = shared.first else { continue }
            let location = source.location(of: anchor.offset, onLine: anchor.line)
            diagnostics.append(Diagnostic(file: newer.path, line: location.line, column: location.column,
                                          Message.sameCustomer(newer, as: older, sharing: shared.map(\.evidence)),
                                          sourceLine: location.text, caretOffset: location.caret))
        }
    }

    /// The customer captured later (by `created`, then by path) is the newer one.
    public static func isNewer(_ a: CustomerFacts, than b: CustomerFacts) -> Bool {
        switch (a.created, b.created) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return false
        case (nil, _?): return true
        default: return b.path.utf8.lexicographicallyPrecedes(a.path.utf8)
        }
    }
}

extension RuleMessage where Of == PossibleDuplicate {
    /// On the newer of two customers, naming the older one and the values they share.
    public static func sameCustomer(_ newer: CustomerFacts, as older: CustomerFacts, sharing evidence: [DuplicateKeys.Evidence]) -> Self {
        let who = older.id.map { "\($0)\(older.name.map { " " + $0 } ?? "")" }
        return Self(Phrase("looks like the same customer as \(older.path)\(who.map { " (\($0))" } ?? ""): ",
                           "看起来和 \(older.path)\(who.map { "（\($0)）" } ?? " ")是同一位客户：")
                        + Phrase.joined(evidence.map(\.phrase), en: ", ", zh: "，"),
                    hint: Phrase("if it is, `leadbook merge \(older.id ?? "KEEP") \(newer.id ?? "OTHER")` makes one profile of the two (`leadbook dupes` lists every group)",
                                 "如果是，用 `leadbook merge \(older.id ?? "KEEP") \(newer.id ?? "OTHER")` 把两份资料合成一份（`leadbook dupes` 列出所有疑似重复）"))
    }
}

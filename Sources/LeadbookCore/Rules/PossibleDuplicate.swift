extension Rule {
    public static let possibleDuplicate = Rule("possible-duplicate", .warning,
        "Two customers that share a phone, an email or a company name are one customer (merge them).")
}

/// Seed section 1: the same customer arriving through two channels is merged into one
/// profile, so it is not followed up twice. Each pair of customers sharing a key (see
/// `DuplicateKeys`) is one warning, on the newer of the two, naming the other file.
public enum PossibleDuplicate: WorkspaceRule {
    public static let rule = Rule.possibleDuplicate

    public static func check(_ facts: [CustomerFacts], _ configuration: Configuration, _ diagnostics: inout [Diagnostic]) {
        var index = DuplicateIndex()
        var positions: [Int] = []
        for (position, fact) in facts.enumerated() where !fact.isTombstone && !fact.duplicateKeys.isEmpty {
            index.add(id: fact.id ?? "", path: fact.path, name: fact.name, keys: fact.duplicateKeys.map(\.evidence))
            positions.append(position)
        }
        for (a, b, evidence) in index.pairs() {
            let first = facts[positions[a]], second = facts[positions[b]]
            let (older, newer) = isNewer(second, than: first) ? (first, second) : (second, first)
            guard let anchor = newer.duplicateKeys.first(where: { $0.evidence == evidence[0] }) else { continue }
            let other = older.id.map { "\(older.path) (\($0)\(older.name.map { " " + $0 } ?? ""))" } ?? older.path
            let keep = older.id ?? "KEEP", drop = newer.id ?? "OTHER"
            // The column is a byte column until WorkspaceCheck attaches the line's text.
            diagnostics.append(Diagnostic(
                file: newer.path, line: Int(anchor.line), column: Int(anchor.byteColumn) + 1, severity: rule.severity,
                rule: rule.id, message: "looks like the same customer as \(other): \(evidence.map(\.description).joined(separator: ", "))",
                hint: "if it is, `leadbook merge \(keep) \(drop)` makes one profile of the two (`leadbook dupes` lists every group)"))
        }
    }

    /// The customer captured later (by `created`, then by path) is the newer one.
    static func isNewer(_ a: CustomerFacts, than b: CustomerFacts) -> Bool {
        switch (a.created, b.created) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return false
        case (nil, _?): return true
        default: return b.path.utf8.lexicographicallyPrecedes(a.path.utf8)
        }
    }
}

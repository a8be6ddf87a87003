import LeadbookText

/// How the pipeline moved since a git revision: customers new since then, advanced, moved
/// back, won, lost, stalled (open, same status, no follow-up entry since), and removed.
public struct PipelineMovement: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case new, advanced, movedBack = "moved-back", won, lost, stalled, removed
    }

    public struct Item: Sendable, Equatable {
        public var id: String
        public var name: String
        /// The status at the revision (nil for a new customer).
        public var before: Status?
        /// The status now (nil for a removed customer).
        public var after: Status?
    }

    /// What the comparison needs of a customer file at the revision.
    public struct Snapshot: Sendable {
        public var id: String
        public var name: String
        public var status: Status
        public var followUps: Int
        public var created: LocalDate?
    }

    /// The revision as given and the commit it names.
    public var revision: String
    public var commit: String
    public var groups: [(kind: Kind, items: [Item])]

    public func items(_ kind: Kind) -> [Item] {
        groups.first { $0.kind == kind }?.items ?? []
    }

    /// A file at the revision, read as the summary reads today's files (its status at the
    /// as-of moment), so an unchanged file never shows as moved: nil for a tombstone, a file
    /// without an id or `created`, or a customer captured after the as-of moment.
    public static func snapshot(_ customer: Customer, configuration: Configuration, asOf: LocalDateTime) -> Snapshot? {
        guard case .record(let record) = SummaryRecord.extract(customer, configuration: configuration, asOf: asOf),
              !record.id.isEmpty else { return nil }
        return Snapshot(id: record.id, name: record.name, status: record.status, followUps: record.followUps,
                        created: record.created.date)
    }

    /// `now`: every customer now (tombstones left out), at the as-of moment; the period selects
    /// which are reported, as everywhere in the summary.
    public init(revision: String, commit: String, before: [Snapshot], now: [SummaryRecord], period: SummaryPeriod) {
        self.revision = revision
        self.commit = commit
        var old: [String: Snapshot] = [:]
        for snapshot in before where old[snapshot.id] == nil { old[snapshot.id] = snapshot }
        var found: [Kind: [Item]] = [:]
        var present: Set<String> = []
        for record in now {
            present.insert(record.id)
            guard period.contains(record.created.date) else { continue }
            guard let was = old[record.id] else {
                found[.new, default: []].append(Item(id: record.id, name: record.name, before: nil, after: record.status))
                continue
            }
            let item = Item(id: record.id, name: record.name, before: was.status, after: record.status)
            let kind: Kind?
            if record.status == was.status {
                kind = record.isOpen && record.followUps <= was.followUps ? .stalled : nil
            } else if record.status == .won {
                kind = .won
            } else if record.status == .lost {
                kind = .lost
            } else if record.status.rank > was.status.rank {
                kind = .advanced
            } else {
                kind = .movedBack
            }
            if let kind { found[kind, default: []].append(item) }
        }
        for snapshot in old.values where !present.contains(snapshot.id) {
            guard snapshot.created.map(period.contains) ?? period.isAll else { continue }
            found[.removed, default: []].append(Item(id: snapshot.id, name: snapshot.name, before: snapshot.status, after: nil))
        }
        groups = Kind.allCases.map { kind in
            (kind, (found[kind] ?? []).sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) })
        }
    }
}

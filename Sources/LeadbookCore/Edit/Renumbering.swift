import LeadbookText

/// Two customers with one id (two branches each created the next id): the customer created
/// first keeps it, every other one gets the next free id, its file is renamed (keeping the
/// short name after the id), and tombstones that meant it follow.
public enum Renumbering {
    /// What renumbering needs of a customer file.
    public struct Customer: Sendable {
        public var path: String
        public var id: String
        public var created: LocalDateTime?
        public var mergedInto: String?

        public init(path: String, id: String, created: LocalDateTime?, mergedInto: String?) {
            self.path = path
            self.id = id
            self.created = created
            self.mergedInto = mergedInto
        }
    }

    public struct Move: Sendable, Equatable {
        public var oldId: String
        public var newId: String
        public var path: String
        public var newPath: String
    }

    /// `merged_into` in `path` changes from `oldId` to `newId`.
    public struct Reference: Sendable, Equatable {
        public var path: String
        public var oldId: String
        public var newId: String
    }

    public struct Plan: Sendable {
        /// Each duplicated id and the file that keeps it.
        public var kept: [(id: String, path: String)] = []
        public var moves: [Move] = []
        public var references: [Reference] = []
        /// Tombstones naming a renumbered id whose meaning could not be told: left as they are.
        public var unresolved: [(path: String, id: String)] = []
        /// Files that need a new id when none is left (the highest id in use has
        /// `CustomerIds.maxDigits` digits of nines): nothing may be renumbered.
        public var withoutFreeId: [String] = []
    }

    /// The duplicated ids (all, or only `only`), in id order, each with its files.
    public static func duplicates(_ customers: [Customer], only: String? = nil) -> [(id: String, files: [Customer])] {
        var byId: [String: [Customer]] = [:]
        for customer in customers where !customer.id.isEmpty {
            byId[customer.id, default: []].append(customer)
        }
        return byId.filter { $0.value.count > 1 && (only == nil || $0.key == only) }
            .map { (id: $0.key, files: $0.value) }
            .sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    }

    /// Created first keeps the id: by `created`, then by file name, then by path. A file
    /// without a readable `created` counts as created last.
    public static func keeperFirst(_ lhs: Customer, _ rhs: Customer) -> Bool {
        switch (lhs.created, rhs.created) {
        case (let a?, let b?) where a != b: return a < b
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        let (a, b) = (WorkspacePath.fileName(lhs.path), WorkspacePath.fileName(rhs.path))
        if a != b { return a.utf8.lexicographicallyPrecedes(b.utf8) }
        return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8)
    }

    /// The ids after the highest one in use: `<prefix><number + 1>`, as many digits as the
    /// highest id has; nil once the next number would pass `CustomerIds.maxDigits`.
    public struct IdAllocator {
        public let prefix: String
        public var highest: UInt64
        public var width: Int

        public init(ids: [String], prefix: String) {
            self.prefix = prefix
            highest = 0
            width = 7
            for id in ids where InvalidId.isValid(id, prefix: prefix) {
                let digits = id.dropFirst(prefix.count)
                guard let value = UInt64(digits) else { continue }
                if value > highest || (value == highest && digits.count > width) {
                    highest = value
                    width = digits.count
                }
            }
        }

        public mutating func next() -> String? {
            let digits = String(highest + 1)
            guard digits.utf8.count <= CustomerIds.maxDigits else { return nil }
            highest += 1
            return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
    }

    /// The file name with the new id in place of the old one (`LX2024016-hengda.md` ->
    /// `LX2024021-hengda.md`); a name that does not begin with the id gets it in front.
    public static func renamed(_ path: String, from oldId: String, to newId: String) -> String {
        let name = WorkspacePath.fileName(path)
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        if FileNameMismatch.matches(fileName: name, id: oldId) {
            return folder + newId + String(name.dropFirst(oldId.count))
        }
        return folder + newId + "-" + name
    }

    /// Plans the renumbering. `meaning` tells, for a tombstone naming a duplicated id, which of
    /// the files it meant (nil when that cannot be told).
    public static func plan(_ customers: [Customer], only: String? = nil, prefix: String,
                            meaning: (_ tombstone: String, _ id: String, _ candidates: [String]) -> String?) -> Plan {
        var plan = Plan()
        var allocator = IdAllocator(ids: customers.map(\.id), prefix: prefix)
        let taken = Set(customers.map(\.path))
        for (id, files) in duplicates(customers, only: only) {
            let ordered = files.sorted(by: keeperFirst)
            plan.kept.append((id, ordered[0].path))
            var newIds: [String: String] = [:]
            for file in ordered.dropFirst() {
                guard let newId = allocator.next() else {
                    plan.withoutFreeId.append(file.path)
                    continue
                }
                var newPath = renamed(file.path, from: id, to: newId)
                if taken.contains(newPath) { newPath = renamed(file.path, from: id, to: newId + "-" + id) }
                plan.moves.append(Move(oldId: id, newId: newId, path: file.path, newPath: newPath))
                newIds[file.path] = newId
            }
            let candidates = ordered.map(\.path)
            for tombstone in customers where tombstone.mergedInto == id && !candidates.contains(tombstone.path) {
                guard let meant = meaning(tombstone.path, id, candidates) else {
                    plan.unresolved.append((tombstone.path, id))
                    continue
                }
                if let newId = newIds[meant] {
                    plan.references.append(Reference(path: tombstone.path, oldId: id, newId: newId))
                }
            }
        }
        return plan
    }
}

import LeadbookText

extension DuplicateKeys.Evidence {
    /// A 64-bit digest of the key (FNV-1a over its kind and value): what `check` keeps of each
    /// key of each file. Two different keys of a workspace share a digest with a chance of
    /// about one in 10^8 for 100,000 customers; the evidence shown is read again from the
    /// files, so such a pair would show no shared value.
    public var digest: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        switch kind {
        case .phone: mix(1)
        case .email: mix(2)
        case .name: mix(3)
        }
        for byte in value.utf8 { mix(byte) }
        return hash
    }
}

/// The duplicate keys of a whole workspace as digests in one sorted array (16 bytes a key, no
/// strings), and what shares them: pairs for `check`, groups for `dupes`, matches for `new`.
public struct DuplicateKeyTable: Sendable {
    /// (digest, member), sorted.
    public let entries: [(digest: UInt64, member: Int32)]
    public let count: Int

    /// `digests[i]` are the keys of member `i` (each digest once per member).
    public init(_ digests: [[UInt64]]) {
        var entries: [(digest: UInt64, member: Int32)] = []
        entries.reserveCapacity(digests.reduce(0) { $0 + $1.count })
        for (member, keys) in digests.enumerated() {
            for key in keys { entries.append((key, Int32(member))) }
        }
        entries.sort { $0.digest != $1.digest ? $0.digest < $1.digest : $0.member < $1.member }
        self.entries = entries
        count = digests.count
    }

    /// Each digest held by more than one member, with those members in order.
    public func shared() -> [(digest: UInt64, members: [Int])] {
        var result: [(UInt64, [Int])] = []
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count, entries[end].digest == entries[start].digest { end += 1 }
            if end - start > 1 {
                var members: [Int] = []
                for index in start..<end where members.last != Int(entries[index].member) { members.append(Int(entries[index].member)) }
                if members.count > 1 { result.append((entries[start].digest, members)) }
            }
            start = end
        }
        return result
    }

    /// Pairs of members (the lower first) that share keys, with the shared digests. A key
    /// shared by more than `cliqueLimit` members (a switchboard number, a placeholder) pairs
    /// each of them with the first one only, so the pairs stay few.
    public func pairs(cliqueLimit: Int = 10) -> [(Int, Int, [UInt64])] {
        var together: [Int: [UInt64]] = [:]
        let width = max(count, 1)
        for (digest, members) in shared() {
            if members.count <= cliqueLimit {
                for a in 0..<members.count {
                    for b in (a + 1)..<members.count { together[members[a] * width + members[b], default: []].append(digest) }
                }
            } else {
                for member in members.dropFirst() { together[members[0] * width + member, default: []].append(digest) }
            }
        }
        return together.map { ($0.key / width, $0.key % width, $0.value) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    /// Members joined by shared keys (through any chain of them), each group in order, with
    /// the digests shared inside it; groups ordered by their first member.
    public func groups() -> [(members: [Int], digests: [UInt64])] {
        var parent = Array(0..<count)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { parent[index] = parent[parent[index]]; index = parent[index] }
            return index
        }
        let shared = shared()
        for (_, members) in shared {
            for member in members.dropFirst() {
                let a = root(members[0]), b = root(member)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var byRoot: [Int: (members: [Int], digests: [UInt64])] = [:]
        for (digest, members) in shared {
            byRoot[root(members[0]), default: ([], [])].digests.append(digest)
            for member in members { byRoot[root(member), default: ([], [])].members.append(member) }
        }
        return byRoot.keys.sorted().map { key in
            let group = byRoot[key]!
            return (Array(Set(group.members)).sorted(), group.digests)
        }
    }

    /// The members that have any of `digests`, in order, with the digests each has.
    public func matches(_ digests: [UInt64]) -> [(member: Int, digests: [UInt64])] {
        var found: [Int: [UInt64]] = [:]
        for digest in Set(digests) {
            var low = 0, high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if entries[middle].digest < digest { low = middle + 1 } else { high = middle }
            }
            while low < entries.count, entries[low].digest == digest {
                found[Int(entries[low].member), default: []].append(digest)
                low += 1
            }
        }
        return found.keys.sorted().map { ($0, found[$0]!) }
    }
}

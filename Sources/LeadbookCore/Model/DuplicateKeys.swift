/// What makes two customers the same customer (seed section 1: one profile per customer, no
/// double follow-up): a shared phone number, a shared email, or the same normalized name.
public enum DuplicateKeys {
    /// Digits only, without the +86 / 0086 country code: "+86 138-0000-0001" -> "13800000001".
    public static func phone(_ text: String) -> String? {
        var digits = String(text.unicodeScalars.compactMap { scalar -> Character? in
            if scalar.value >= 0x30 && scalar.value <= 0x39 { return Character(scalar) }
            if scalar.value >= 0xFF10 && scalar.value <= 0xFF19 { return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!) }
            return nil
        })
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("+86") || trimmed.hasPrefix("＋86") {
            digits.removeFirst(2)
        } else if digits.hasPrefix("0086") {
            digits.removeFirst(4)
        }
        return digits.count >= 5 ? digits : nil
    }

    /// Lower-cased and trimmed.
    public static func email(_ text: String) -> String? {
        let value = text.trimmingSpaces.lowercased()
        return value.contains("@") ? value : nil
    }

    /// Company suffixes that do not tell two companies apart.
    static let suffixes = [
        "股份有限公司", "有限责任公司", "有限公司", "集团有限公司", "集团", "公司",
        "coltd", "co", "ltd", "limited", "inc", "corp", "corporation", "llc", "gmbh",
    ]

    /// Full-width to half-width, lower-cased, spaces and punctuation removed, company suffixes removed.
    public static func name(_ text: String) -> String? {
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }   // full-width ASCII
            if value == 0x3000 { continue }                               // ideographic space
            guard let normalized = Unicode.Scalar(value) else { continue }
            let properties = normalized.properties
            if properties.isWhitespace || properties.generalCategory.isPunctuation || properties.generalCategory == .mathSymbol
                || properties.generalCategory == .otherSymbol || properties.generalCategory == .modifierSymbol { continue }
            scalars.append(normalized)
        }
        var result = String(String.UnicodeScalarView(scalars)).lowercased()
        var changed = true
        while changed {
            changed = false
            for suffix in suffixes where result.hasSuffix(suffix) && result.count > suffix.count {
                result.removeLast(suffix.count)
                changed = true
            }
        }
        return result.isEmpty ? nil : result
    }

    /// Why two customers look like one: the evidence, for messages.
    public struct Evidence: Hashable, Sendable, CustomStringConvertible {
        public enum Kind: String, Sendable { case phone, email, name }
        public var kind: Kind
        public var value: String
        public var description: String { "same \(kind.rawValue) \(value)" }
    }

    /// The keys of one customer. A person's name alone is no evidence (many people share a
    /// name); their phone or email is.
    public static func keys(name: String?, contacts: [Contact], kind: CustomerKind = .company) -> [Evidence] {
        var keys: [Evidence] = []
        if kind == .company, let name, let normalized = self.name(name) { keys.append(Evidence(kind: .name, value: normalized)) }
        for contact in contacts {
            if let phone = contact.phone.flatMap(phone) { keys.append(Evidence(kind: .phone, value: phone)) }
            if let email = contact.email.flatMap(email) { keys.append(Evidence(kind: .email, value: email)) }
        }
        return Array(Set(keys)).sorted { ($0.kind.rawValue, $0.value) < ($1.kind.rawValue, $1.value) }
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}

/// Finds the customers that share a key with a given one.
public struct DuplicateIndex: Sendable {
    public struct Member: Sendable {
        public var id: String
        public var path: String
        public var name: String
    }

    var members: [Member] = []
    var byKey: [DuplicateKeys.Evidence: [Int]] = [:]

    public init() {}

    public mutating func add(id: String, path: String, name: String?, contacts: [Contact], kind: CustomerKind = .company) {
        add(id: id, path: path, name: name, keys: DuplicateKeys.keys(name: name, contacts: contacts, kind: kind))
    }

    /// Adds a customer whose keys are already computed (`CustomerFacts.duplicateKeys`).
    public mutating func add(id: String, path: String, name: String?, keys: [DuplicateKeys.Evidence]) {
        let index = members.count
        members.append(Member(id: id, path: path, name: name ?? ""))
        for key in Set(keys) { byKey[key, default: []].append(index) }
    }

    /// Existing customers that match, with the evidence for each, in the order they were added.
    public func matches(name: String?, contacts: [Contact], kind: CustomerKind = .company) -> [(Member, [DuplicateKeys.Evidence])] {
        var found: [Int: [DuplicateKeys.Evidence]] = [:]
        for key in DuplicateKeys.keys(name: name, contacts: contacts, kind: kind) {
            for index in byKey[key] ?? [] { found[index, default: []].append(key) }
        }
        return found.keys.sorted().map { (members[$0], found[$0]!) }
    }

    /// Groups of customers joined by shared keys (connected components), each with its evidence.
    public func groups() -> [([Member], [DuplicateKeys.Evidence])] {
        var parent = Array(members.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        var evidence: [DuplicateKeys.Evidence] = []
        for (key, indices) in byKey where indices.count > 1 {
            evidence.append(key)
            for index in indices.dropFirst() {
                let a = root(indices[0]), b = root(index)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for index in members.indices { groups[root(index), default: []].append(index) }
        var result: [([Member], [DuplicateKeys.Evidence])] = []
        for (_, indices) in groups.sorted(by: { $0.key < $1.key }) where indices.count > 1 {
            let set = Set(indices)
            let keys = evidence.filter { key in (byKey[key] ?? []).contains { set.contains($0) } }
                .sorted { ($0.kind.rawValue, $0.value) < ($1.kind.rawValue, $1.value) }
            result.append((indices.map { members[$0] }, keys))
        }
        return result
    }
}

extension DuplicateIndex {
    /// The members added so far, in order.
    public var all: [Member] { members }

    /// Pairs of members (indices into `all`, the lower first) that share keys, with the shared
    /// keys. A key shared by more than `cliqueLimit` members (a switchboard number, a
    /// placeholder) pairs each of them with the first one only, so the pairs stay few.
    public func pairs(cliqueLimit: Int = 10) -> [(Int, Int, [DuplicateKeys.Evidence])] {
        var shared: [Int: [DuplicateKeys.Evidence]] = [:]
        let width = members.count
        for (key, indices) in byKey where indices.count > 1 {
            if indices.count <= cliqueLimit {
                for a in 0..<indices.count {
                    for b in (a + 1)..<indices.count {
                        let low = min(indices[a], indices[b]), high = max(indices[a], indices[b])
                        shared[low * width + high, default: []].append(key)
                    }
                }
            } else {
                let first = indices.min()!
                for index in indices where index != first {
                    shared[first * width + index, default: []].append(key)
                }
            }
        }
        return shared.map { (code, keys) in
            (code / width, code % width, keys.sorted { ($0.kind.rawValue, $0.value) < ($1.kind.rawValue, $1.value) })
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    /// The members that have `key`, in the order they were added.
    public func members(with key: DuplicateKeys.Evidence) -> [Member] {
        (byKey[key] ?? []).map { members[$0] }
    }
}

import Foundation
import LeadbookText

/// What makes two customers the same customer (the toolkit's section 1: one profile per customer, no
/// double follow-up): a shared phone number, a shared email, or the same normalized name.
public enum DuplicateKeys {
    /// Digits only, without the +86 / 0086 country code: "+86 138-0000-0001" -> "13800000001".
    /// Full-width digits count as digits. Works on the UTF-8 bytes: `check` computes it for
    /// every contact of every file.
    public static func phone(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var digits: [UInt8] = []
            digits.reserveCapacity(16)
            guard let drop = phoneDigits(bytes, into: &digits) else { return nil }
            return String(decoding: digits[drop...], as: UTF8.self)
        }
    }

    /// Lower-cased and trimmed.
    public static func email(_ text: String) -> String? {
        var text = text
        let ascii = text.withUTF8 { bytes -> String?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .none }
            var start = 0, end = bytes.count
            while start < end, bytes[start] == ASCII.space || bytes[start] == ASCII.tab { start += 1 }
            while end > start, bytes[end - 1] == ASCII.space || bytes[end - 1] == ASCII.tab { end -= 1 }
            guard bytes[start..<end].contains(ASCII.at) else { return .some(nil) }
            return .some(String(decoding: bytes[start..<end].map(ASCII.lowercased), as: UTF8.self))
        }
        if let ascii { return ascii }
        let value = text.trimmingSpaces.lowercased()
        return value.contains("@") ? value : nil
    }

    /// Company suffixes that do not tell two companies apart.
    public static let suffixes = [
        "股份有限公司", "有限责任公司", "有限公司", "集团有限公司", "集团", "公司",
        "coltd", "co", "ltd", "limited", "inc", "corp", "corporation", "llc", "gmbh",
    ]

    public static let suffixScalars: [[Unicode.Scalar]] = suffixes.map { Array($0.unicodeScalars) }

    /// Whether an ASCII character stays in a normalized name (letters and digits, and the few
    /// symbols that are neither punctuation nor the symbol classes removed below).
    public static let keptASCII: [Bool] = (0..<128).map { value in
        guard let scalar = Unicode.Scalar(value) else { return false }
        return !dropped(scalar.properties)
    }

    public static func dropped(_ properties: Unicode.Scalar.Properties) -> Bool {
        let category = properties.generalCategory
        return properties.isWhitespace || category.isPunctuation || category == .mathSymbol
            || category == .otherSymbol || category == .modifierSymbol
    }

    /// Full-width to half-width, lower-cased, spaces and punctuation removed, company suffixes
    /// removed. ASCII and the common CJK ideographs take a fast path; other characters are
    /// classified by their Unicode properties, after canonical composition (NFC), so `Café`
    /// typed with a composed é and with `e` and a combining accent is one name.
    public static func name(_ text: String) -> String? {
        composedName(needsComposition(text) ? text.precomposedStringWithCanonicalMapping : text)
    }

    /// False when every character is one that canonical composition leaves alone and that
    /// composes with nothing: ASCII, the CJK unified ideographs, full-width ASCII and the
    /// ideographic space (almost every name leadbook sees).
    public static func needsComposition(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 || (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0xFF01 && value <= 0xFF5E) || value == 0x3000 { continue }
            return true
        }
        return false
    }

    static func composedName(_ text: String) -> String? {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count / 2 + 4)
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }   // full-width ASCII
            if value < 0x80 {
                guard keptASCII[Int(value)] else { continue }
                if value >= 0x41 && value <= 0x5A { value += 0x20 }
                scalars.append(Unicode.Scalar(UInt8(value)))
                continue
            }
            if value >= 0x4E00 && value <= 0x9FFF {                     // CJK unified ideographs
                scalars.append(Unicode.Scalar(value)!)
                continue
            }
            if value == 0x3000 { continue }                               // ideographic space
            guard let normalized = Unicode.Scalar(value), !dropped(normalized.properties) else { continue }
            if normalized.properties.changesWhenLowercased {
                scalars.append(contentsOf: normalized.properties.lowercaseMapping.unicodeScalars)
            } else {
                scalars.append(normalized)
            }
        }
        var changed = true
        while changed {
            changed = false
            for suffix in suffixScalars where scalars.count > suffix.count && scalars.suffix(suffix.count).elementsEqual(suffix) {
                scalars.removeLast(suffix.count)
                changed = true
            }
        }
        return scalars.isEmpty ? nil : String(String.UnicodeScalarView(scalars))
    }

    /// Why two customers look like one: the evidence, for messages.
    public struct Evidence: Hashable, Sendable, CustomStringConvertible {
        public enum Kind: String, Sendable { case phone, email, name }
        public var kind: Kind
        public var value: String
        public var description: String { "same \(kind.rawValue) \(value)" }
        /// The evidence in both languages: `same phone 13800000001`, `电话相同 13800000001`.
        public var phrase: Phrase {
            let chinese: String
            switch kind {
            case .phone: chinese = "电话相同"
            case .email: chinese = "邮箱相同"
            case .name: chinese = "公司名称相同"
            }
            return Phrase(description, "\(chinese) \(value)")
        }
    }

    /// The keys of one customer. A person's name alone is no evidence (many people share a
    /// name); their phone or email is.
    public static func keys(name: String?, contacts: [Contact], kind: CustomerKind) -> [Evidence] {
        var keys: [Evidence] = []
        if kind == .company, let name, let normalized = self.name(name) { keys.append(Evidence(kind: .name, value: normalized)) }
        for contact in contacts {
            if let phone = contact.phone.flatMap(phone) { keys.append(Evidence(kind: .phone, value: phone)) }
            if let email = contact.email.flatMap(email) { keys.append(Evidence(kind: .email, value: email)) }
        }
        return Array(Set(keys)).sorted { ($0.kind.rawValue, $0.value) < ($1.kind.rawValue, $1.value) }
    }
}

extension DuplicateKeys {
    /// A key of a customer file and where it is written.
    public struct Located: Sendable {
        public var evidence: Evidence
        /// Byte offset of the value, and its 1-based line.
        public var offset: Int
        public var line: Int
    }

    /// The work of finding and matching keys, counted for the tests that keep it linear in
    /// the contacts of a file (150,000 contacts fit in a file): one step per table lookup.
    public struct Work: Sendable {
        public var lookups = 0
        public init() {}
    }

    /// The keys of a read customer file (each once, at its first place): the company name,
    /// then each contact's phone and email.
    public static func located(_ customer: Customer, frontMatter: YAMLNode) -> [Located] {
        var work = Work()
        return located(customer, frontMatter: frontMatter, work: &work)
    }

    public static func located(_ customer: Customer, frontMatter: YAMLNode, work: inout Work) -> [Located] {
        var keys: [Located] = []
        var seen: Set<Evidence> = []
        func add(_ kind: Evidence.Kind, _ value: String?, _ node: YAMLNode?) {
            guard let value, let node else { return }
            let evidence = Evidence(kind: kind, value: value)
            work.lookups += 1
            guard seen.insert(evidence).inserted else { return }
            keys.append(Located(evidence: evidence, offset: node.start, line: node.line))
        }
        if customer.kind == .company, let name = customer.name {
            add(.name, self.name(name), frontMatter["name"])
        }
        let items = (frontMatter["contacts"]?.items ?? []).filter { $0.pairs != nil }   // as `contacts` were read
        for (index, contact) in customer.contacts.enumerated() where index < items.count {
            add(.phone, contact.phone.flatMap(phone), items[index]["phone"])
            add(.email, contact.email.flatMap(email), items[index]["email"])
        }
        return keys
    }

    /// The digests of the keys of a read customer (each once, in the order of `located`): what
    /// `check` keeps of each file. Made from the values alone, on their bytes, without the
    /// front matter tree or the evidence strings; repeats are found in the array while it is
    /// short (a file has a few keys) and by a set once it is long (a file may hold 150,000
    /// contacts).
    public static func digests(_ customer: Customer) -> [UInt64] {
        var digests: [UInt64] = []
        var seen = Set<UInt64>()
        func add(_ digest: UInt64?) {
            guard let digest else { return }
            if digests.count < 16 {
                guard !digests.contains(digest) else { return }
                if digests.count == 15 { seen = Set(digests + [digest]) }
            } else {
                guard seen.insert(digest).inserted else { return }
            }
            digests.append(digest)
        }
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        if customer.kind == .company, let name = customer.name {
            add(nameDigest(name, scratch: &scratch))
        }
        for contact in customer.contacts {
            if let phone = contact.phone { add(phoneDigest(phone, scratch: &scratch)) }
            if let email = contact.email { add(emailDigest(email)) }
        }
        return digests
    }

    /// FNV-1a over the kind's byte and the value's bytes: `Evidence.digest` without the string.
    @inline(__always) static func digest(_ kind: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        hash = (hash ^ UInt64(kind)) &* 0x0000_0100_0000_01B3
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The digest of `phone(text)`'s key, or nil when it gives none.
    static func phoneDigest(_ text: String, scratch: inout [UInt8]) -> UInt64? {
        var text = text
        return text.withUTF8 { bytes -> UInt64? in
            guard let drop = phoneDigits(bytes, into: &scratch) else { return nil }
            return scratch.withUnsafeBufferPointer { digest(1, UnsafeBufferPointer(rebasing: $0[drop...])) }
        }
    }

    /// The digits of a phone number into `digits`, and how many of them are the country code;
    /// nil when fewer than five remain.
    static func phoneDigits(_ bytes: UnsafeBufferPointer<UInt8>, into digits: inout [UInt8]) -> Int? {
        digits.removeAll(keepingCapacity: true)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if ASCII.isDigit(byte) {
                digits.append(byte)
            } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC, bytes[index + 2] >= 0x90, bytes[index + 2] <= 0x99 {
                digits.append(bytes[index + 2] - 0x90 + ASCII.zero)   // U+FF10...U+FF19
                index += 2
            }
            index += 1
        }
        var start = 0
        while start < bytes.count, bytes[start] == ASCII.space || bytes[start] == ASCII.tab { start += 1 }
        @inline(__always) func at(_ offset: Int) -> UInt8 { start + offset < bytes.count ? bytes[start + offset] : 0 }
        var drop = 0
        if (at(0) == ASCII.plus && at(1) == 0x38 && at(2) == 0x36)
            || (at(0) == 0xEF && at(1) == 0xBC && at(2) == 0x8B && at(3) == 0x38 && at(4) == 0x36) {
            drop = min(2, digits.count)      // +86 or ＋86
        } else if digits.count >= 4, digits[0] == 0x30, digits[1] == 0x30, digits[2] == 0x38, digits[3] == 0x36 {
            drop = 4                         // 0086
        }
        guard digits.count - drop >= 5 else { return nil }
        return drop
    }

    /// The digest of `email(text)`'s key, or nil when it gives none.
    static func emailDigest(_ text: String) -> UInt64? {
        var text = text
        let ascii = text.withUTF8 { bytes -> UInt64?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .none }
            var start = 0, end = bytes.count
            while start < end, bytes[start] == ASCII.space || bytes[start] == ASCII.tab { start += 1 }
            while end > start, bytes[end - 1] == ASCII.space || bytes[end - 1] == ASCII.tab { end -= 1 }
            guard bytes[start..<end].contains(ASCII.at) else { return .some(nil) }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            hash = (hash ^ 2) &* 0x0000_0100_0000_01B3
            for index in start..<end { hash = (hash ^ UInt64(ASCII.lowercased(bytes[index]))) &* 0x0000_0100_0000_01B3 }
            return .some(hash)
        }
        if let ascii { return ascii }
        return email(text).map { Evidence(kind: .email, value: $0).digest }
    }

    /// The company suffixes as UTF-8, with their length in characters.
    static let suffixBytes: [(bytes: [UInt8], scalars: Int)] = suffixes.map { (Array($0.utf8), $0.unicodeScalars.count) }

    /// Whether `bytes` ends with `suffix`.
    @inline(__always) static func endsWith(_ bytes: [UInt8], _ suffix: [UInt8]) -> Bool {
        let count = bytes.count, length = suffix.count
        guard count >= length else { return false }
        return bytes.withUnsafeBufferPointer { bytes in
            suffix.withUnsafeBufferPointer { suffix in
                for index in 0..<length where bytes[count - length + index] != suffix[index] { return false }
                return true
            }
        }
    }

    /// The digest of `name(text)`'s key, or nil when it gives none. The usual names (ASCII,
    /// CJK ideographs, full-width ASCII, the ideographic space) are normalized on their bytes;
    /// any other character takes `name`.
    static func nameDigest(_ text: String, scratch: inout [UInt8]) -> UInt64? {
        var text = text
        let fast = text.withUTF8 { bytes -> UInt64?? in
            scratch.removeAll(keepingCapacity: true)
            var scalars = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 {
                    index += 1
                    guard keptASCII[Int(lead)] else { continue }
                    scratch.append(lead >= 0x41 && lead <= 0x5A ? lead + 0x20 : lead)
                    scalars += 1
                    continue
                }
                guard index + 2 < count, lead >= 0xE3, lead <= 0xEF else { return .none }
                let second = bytes[index + 1], third = bytes[index + 2]
                if lead >= 0xE4 && lead <= 0xE9 {
                    // U+4E00...U+9FFF: E4 B8 80 ... E9 BF BF.
                    guard lead != 0xE4 || second >= 0xB8 else { return .none }
                    scratch.append(lead)
                    scratch.append(second)
                    scratch.append(third)
                    scalars += 1
                } else if lead == 0xE3 && second == 0x80 && third == 0x80 {
                    // U+3000, the ideographic space: dropped.
                } else if lead == 0xEF && (second == 0xBC || (second == 0xBD && third <= 0x9E)) && (second != 0xBC || third >= 0x81) {
                    // U+FF01...U+FF5E: full-width ASCII, as ASCII.
                    let value = (UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)) + 0xF000 - 0xFEE0
                    let ascii = UInt8(value)
                    if keptASCII[Int(ascii)] {
                        scratch.append(ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii)
                        scalars += 1
                    }
                } else {
                    return .none
                }
                index += 3
            }
            var changed = true
            while changed {
                changed = false
                for suffix in suffixBytes where scalars > suffix.scalars && endsWith(scratch, suffix.bytes) {
                    scratch.removeLast(suffix.bytes.count)
                    scalars -= suffix.scalars
                    changed = true
                }
            }
            guard !scratch.isEmpty else { return .some(nil) }
            return .some(scratch.withUnsafeBufferPointer { digest(3, $0) })
        }
        if let fast { return fast }
        return name(text).map { Evidence(kind: .name, value: $0).digest }
    }

    /// The keys among `keys` whose digest is one of `digests`, in the order of `keys`.
    public static func shared(_ keys: [Located], digests: [UInt64], work: inout Work) -> [Located] {
        let wanted = Set(digests)
        work.lookups += digests.count
        var result: [Located] = []
        for key in keys {
            work.lookups += 1
            if wanted.contains(key.evidence.digest) { result.append(key) }
        }
        return result
    }
}

extension Unicode.GeneralCategory {
    public var isPunctuation: Bool {
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

    public var members: [Member] = []
    /// The first member with each key; `shared` holds every member of a key held by more
    /// than one (most keys belong to one customer, so most need no list).
    public var firstWith: [DuplicateKeys.Evidence: Int] = [:]
    public var shared: [DuplicateKeys.Evidence: [Int]] = [:]

    public init() {}

    /// The members with `key`, in the order they were added.
    public func indices(_ key: DuplicateKeys.Evidence) -> [Int] {
        if let all = shared[key] { return all }
        return firstWith[key].map { [$0] } ?? []
    }

    public mutating func add(id: String, path: String, name: String?, contacts: [Contact], kind: CustomerKind) {
        add(id: id, path: path, name: name, keys: DuplicateKeys.keys(name: name, contacts: contacts, kind: kind))
    }

    /// Adds a customer whose keys are already computed.
    public mutating func add(id: String, path: String, name: String?, keys: [DuplicateKeys.Evidence]) {
        let index = members.count
        members.append(Member(id: id, path: path, name: name ?? ""))
        var seen: Set<DuplicateKeys.Evidence> = []
        for key in keys where seen.insert(key).inserted {
            if let first = firstWith[key] {
                shared[key, default: [first]].append(index)
            } else {
                firstWith[key] = index
            }
        }
    }

    /// Existing customers that match, with the evidence for each, in the order they were added.
    public func matches(name: String?, contacts: [Contact], kind: CustomerKind) -> [(Member, [DuplicateKeys.Evidence])] {
        var found: [Int: [DuplicateKeys.Evidence]] = [:]
        for key in DuplicateKeys.keys(name: name, contacts: contacts, kind: kind) {
            for index in indices(key) { found[index, default: []].append(key) }
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
        for (key, indices) in shared {
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
            let keys = evidence.filter { key in (shared[key] ?? []).contains { set.contains($0) } }
                .sorted { ($0.kind.rawValue, $0.value) < ($1.kind.rawValue, $1.value) }
            result.append((indices.map { members[$0] }, keys))
        }
        return result
    }
}

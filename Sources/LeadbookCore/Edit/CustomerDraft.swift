import LeadbookText

/// A new customer file: the front matter in the field order of the spec, a heading, and an
/// empty Follow-ups section. Used by `new` and `import`.
public struct CustomerDraft: Sendable {
    public var id: String
    public var name: String
    public var kind: CustomerKind?
    public var industry: String?
    public var region: String?
    public var employees: Int?
    public var revenue: Double?
    public var source: String
    /// `source_detail` keys and values (written as text; lists as `[a, b]` when given as arrays).
    public var sourceDetail: [(String, String)] = []
    public var contacts: [Contact] = []
    public var needs: String?
    public var budget: Double?
    public var decisionBy: LocalDate?
    public var intent: Intent
    public var owner: String?
    public var created: LocalDateTime
    public var assigned: LocalDateTime?
    public var status: Status = .untouched
    /// Extra keys (listed under extra_fields), written last.
    public var extra: [(String, String)] = []
    /// Free text under the heading (the capture remark).
    public var note: String?

    public init(id: String, name: String, source: String, intent: Intent, created: LocalDateTime) {
        self.id = id
        self.name = name
        self.source = source
        self.intent = intent
        self.created = created
    }

    public static func value(_ text: String) -> String { ScalarText.render(text, replacing: nil, inFlow: false) }

    /// A string that YAML tools other than leadbook would read as a number (a phone number).
    public static func quotedIfNumeric(_ text: String) -> String {
        let looksNumeric = !text.isEmpty && text.utf8.allSatisfy { ASCII.isDigit($0) || $0 == ASCII.plus || $0 == ASCII.dash }
        return looksNumeric ? ScalarText.doubleQuoted(text) : value(text)
    }

    /// The file's text (LF line endings).
    public func render(chineseHeadings: Bool = false) -> String {
        var lines = ["---", "id: \(id)", "name: \(Self.value(name))"]
        if let kind, kind != .company { lines.append("kind: \(kind.rawValue)") }
        if let industry { lines.append("industry: \(Self.value(industry))") }
        if let region { lines.append("region: \(Self.value(region))") }
        if let employees { lines.append("employees: \(employees)") }
        if let revenue { lines.append("revenue: \(Money.plain(revenue))") }
        lines.append("source: \(Self.value(source))")
        if !sourceDetail.isEmpty {
            lines.append("source_detail:")
            for (key, text) in sourceDetail { lines.append("  \(key): \(Self.value(text))") }
        }
        if !contacts.isEmpty {
            lines.append("contacts:")
            for contact in contacts {
                var first = true
                func add(_ key: String, _ text: String?) {
                    guard let text, !text.isEmpty else { return }
                    lines.append((first ? "  - " : "    ") + "\(key): " + (key == "phone" || key == "wechat" ? Self.quotedIfNumeric(text) : Self.value(text)))
                    first = false
                }
                add("name", contact.name)
                add("title", contact.title)
                add("phone", contact.phone)
                add("email", contact.email)
                add("wechat", contact.wechat)
                add("prefers", contact.prefers?.rawValue)
                add("role", contact.role?.rawValue)
            }
        }
        if let needs { lines.append("needs: \(Self.value(needs))") }
        if let budget { lines.append("budget: \(Money.plain(budget))") }
        if let decisionBy { lines.append("decision_by: \(decisionBy)") }
        lines.append("intent: \(intent.rawValue)")
        if let owner { lines.append("owner: \(Self.value(owner))") }
        lines.append("created: \(created)")
        if let assigned { lines.append("assigned: \(assigned)") }
        lines.append("status: \(status.rawValue)")
        for (key, text) in extra { lines.append("\(key): \(Self.value(text))") }
        lines.append("---")
        lines.append("")
        lines.append("# \(name)")
        lines.append("")
        if let note, !note.isEmpty {
            lines.append(note)
            lines.append("")
        }
        lines.append(RecordEdit.heading(.followUps, chinese: chineseHeadings))
        return lines.joined(separator: "\n") + "\n"
    }

    /// A file name for the customer: the id and a short name (`LX2024016-华东云.md`), so two
    /// customers that got the same id on two branches are two files, not a git conflict.
    public func fileName() -> String {
        let short = Self.slug(name)
        return short.isEmpty ? "\(id).md" : "\(id)-\(short).md"
    }

    /// The name without company suffixes, characters unsafe in file names removed, at most 12 characters.
    public static func slug(_ name: String) -> String {
        var base = name
        for suffix in ["股份有限公司", "有限责任公司", "有限公司", "集团", "公司"] where base.hasSuffix(suffix) && base.count > suffix.count {
            base.removeLast(suffix.count)
            break
        }
        let allowed = base.unicodeScalars.compactMap { scalar -> Character? in
            let value = scalar.value
            if (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) { return Character(Unicode.Scalar(value | (value >= 0x41 && value <= 0x5A ? 0x20 : 0))!) }
            if value == 0x2D || value == 0x5F { return "-" }
            if value == 0x20 { return "-" }
            if value >= 0x3400 && scalar.properties.isAlphabetic { return Character(scalar) }
            return nil
        }
        var slug = String(allowed.prefix(12))
        while slug.hasPrefix("-") { slug.removeFirst() }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }
}

extension Money {
    /// An amount as YAML digits: `200000`, `150000.5`.
    public static func plain(_ amount: Double) -> String {
        if amount.rounded() == amount, abs(amount) < 1e15 { return String(Int(amount)) }
        return String(amount)
    }
}

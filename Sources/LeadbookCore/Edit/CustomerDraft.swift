import Foundation
import LeadbookText

/// A new customer file: the front matter in the order of `CustomerField`, a heading, and an
/// empty Follow-ups section. Used by `new` and `import`.
public struct CustomerDraft: Sendable {
    public var id: String
    public var name: String
    public var kind: CustomerKind?
    public var source: String
    /// `source_detail` keys and values (written as text; lists as `[a, b]` when given as arrays).
    public var sourceDetail: [(String, String)] = []
    public var contacts: [Contact] = []
    public var intent: Intent
    public var created: LocalDateTime
    public var status: Status = .untouched
    /// The other fields (industry, budget, owner, assigned, ...), as the front matter writes
    /// them: `200000`, `2024-04-01`, the text (quoted when YAML needs it).
    public var fields: [CustomerField: String] = [:]
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
        var lines = ["---"]
        for field in CustomerField.allCases {
            let key = field.key
            switch field {
            case .id: lines.append("\(key): \(id)")
            case .name: lines.append("\(key): \(Self.value(name))")
            case .kind: if let kind, kind != .company { lines.append("\(key): \(kind.rawValue)") }
            case .source: lines.append("\(key): \(Self.value(source))")
            case .sourceDetail:
                guard !sourceDetail.isEmpty else { continue }
                lines.append("\(key):")
                for (detail, text) in sourceDetail {
                    lines.append("  \(detail): \(ScalarText.render(text, replacing: nil, inFlow: false, meaning: ScalarText.meaning(of: [key, detail])))")
                }
            case .contacts:
                guard !contacts.isEmpty else { continue }
                lines.append("\(key):")
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
            case .intent: lines.append("\(key): \(intent.rawValue)")
            case .created: lines.append("\(key): \(created)")
            case .status: lines.append("\(key): \(status.rawValue)")
            default:
                guard let text = fields[field] else { continue }
                lines.append("\(key): \(field.type == .text ? Self.value(text) : text)")
            }
        }
        for (key, text) in extra { lines.append("\(key): \(Self.value(text))") }
        lines.append("---")
        lines.append("")
        // One line: the other lines of a name from a sheet's cell (Alt+Enter) would be Markdown
        // of their own under the heading (`### 2030-01-01 电话 …` looks like a follow-up).
        lines.append("# " + name.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " "))
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

    /// The name without company suffixes, in canonical composition (NFC), with its letters and
    /// digits (é, ö, 华东云 stay as they are; ASCII letters in lower case), spaces, `-` and `_`
    /// as `-`, everything else (characters unsafe in file names) removed; at most 12 characters.
    public static func slug(_ name: String) -> String {
        var base = DuplicateKeys.needsComposition(name) ? name.precomposedStringWithCanonicalMapping : name
        for suffix in ["股份有限公司", "有限责任公司", "有限公司", "集团", "公司"] where base.hasSuffix(suffix) && base.count > suffix.count {
            base.removeLast(suffix.count)
            break
        }
        var kept = String.UnicodeScalarView()
        for scalar in base.unicodeScalars {
            let value = scalar.value
            if (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) {
                kept.append(scalar)
            } else if (0x41...0x5A).contains(value) {
                kept.append(Unicode.Scalar(value | 0x20)!)
            } else if value == 0x2D || value == 0x5F || value == 0x20 {
                kept.append("-")
            } else if value >= 0x80 && Self.keptInSlug(scalar.properties.generalCategory) {
                kept.append(scalar)
            }
        }
        var slug = String(String(kept).prefix(12))
        while slug.hasPrefix("-") { slug.removeFirst() }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }

    /// Letters, digits and the marks that stay on them after composition (in any script).
    static func keptInSlug(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
             .nonspacingMark, .spacingMark:
            return true
        default:
            return false
        }
    }
}

extension Money {
    /// An amount as YAML digits: `200000`, `150000.5`.
    public static func plain(_ amount: Double) -> String {
        if amount.rounded() == amount, abs(amount) < 1e15 { return String(Int(amount)) }
        return String(amount)
    }

    /// Amount digits as typed (`+007.50`), written the way `plain` writes their value
    /// (`7.5`) but from the digits, so 15 digits and two decimals stay exact where a Double
    /// would round 999999999999999.99 up to 16 digits. nil when `text` is not such a numeral.
    public static func plain(digits text: String) -> String? {
        guard FieldDecoder.isNumeral(text), FieldDecoder.parseNumber(text) != nil else { return nil }
        var body = Substring(text)
        if body.hasPrefix("+") { body = body.dropFirst() }
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = String(parts[0].drop(while: { $0 == "0" }))
        if whole.isEmpty { whole = "0" }
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let digits = fraction.isEmpty ? whole : whole + "." + fraction
        return negative && digits != "0" ? "-" + digits : digits
    }
}

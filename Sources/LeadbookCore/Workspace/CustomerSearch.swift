import LeadbookText

/// Customers found by a piece of text instead of their id: what reps remember is a company's
/// name, a contact's name or a phone number. `CustomerLookup` resolves such a piece to one
/// customer (name, contacts' names, phones, the short name in the file name), `leadbook find`
/// lists every customer that holds it (also emails, tags and the log's lines).
///
/// Latin letters compare without case; a phone compares by its digits only, without the
/// country code, so `138 0000 0031`, `138-0000-0031`, `+86 13800000031` and `13800000031` are
/// one number, and a piece of at least `minimumPhoneDigits` digits finds the numbers that
/// contain it. Tombstones are never found: they stand for the customer they were merged into.
public enum CustomerSearch {
    /// Fewer digits than this are too common to name a phone number (an extension, a year).
    public static let minimumPhoneDigits = 4

    /// Where a text was found (the values are stable: `find --format json` writes them).
    public enum Field: String, Sendable, CaseIterable {
        case name, contact, phone, email, tag
        case fileName = "file_name"
        case followUp = "follow_up"
        case feedback
        /// A line of the body outside any entry (a heading, a note).
        case body

        /// How the field is named to a person.
        public var phrase: Phrase {
            switch self {
            case .name: return Phrase("name", "名称")
            case .contact: return Phrase("contact", "联系人")
            case .phone: return Phrase("phone", "电话")
            case .email: return Phrase("email", "邮箱")
            case .tag: return Phrase("tag", "标签")
            case .fileName: return Phrase("file name", "文件名")
            case .followUp: return Phrase("follow-up", "跟进记录")
            case .feedback: return Phrase("feedback", "客户反馈")
            case .body: return Phrase("file", "正文")
            }
        }
    }

    /// One place a text was found.
    public struct Match: Sendable, Equatable {
        public var field: Field
        /// The value that holds the text: the name, the phone as written, the log's line (trimmed).
        public var value: String
        /// The text is the whole value (the full name, the full number), not a piece of it.
        public var whole: Bool
        /// The line of a log match (1-based) and the date of its entry.
        public var line: Int?
        public var date: LocalDate?

        public init(field: Field, value: String, whole: Bool, line: Int? = nil, date: LocalDate? = nil) {
            self.field = field
            self.value = value
            self.whole = whole
            self.line = line
            self.date = date
        }
    }

    /// A customer a text names, with what a person needs to tell it from the others.
    public struct Candidate: Sendable {
        public var path: String
        public var id: String?
        public var name: String?
        public var owner: String?
        public var status: Status?
        public var matches: [Match]
        /// The file does not read as a customer (its fields cannot be compared), but its name holds the text.
        public var unreadable: Bool = false

        /// Some value is the whole text.
        public var isWhole: Bool { matches.contains(where: \.whole) }
    }

    /// The text looked for, prepared once for comparing bytes.
    public struct Query: Sendable {
        public let text: String
        /// The UTF-8 bytes with ASCII letters in lower case.
        let lowered: [UInt8]
        /// The digits, when the text is a phone number or a piece of one (digits, spaces and
        /// `+-().` only, at least `minimumPhoneDigits` digits).
        let digits: [UInt8]?
        /// Only digits and separators, however few (too few digits then name no phone).
        let isNumber: Bool

        /// nil when the text is empty or only spaces.
        public init?(_ text: String) {
            let trimmed = text.trimmingSpaces
            guard !trimmed.isEmpty else { return nil }
            self.text = trimmed
            lowered = CustomerSearch.lowered(Array(trimmed.utf8))
            var count = 0
            var phoneLike = true
            for scalar in trimmed.unicodeScalars {
                if (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value) {
                    count += 1   // digits, full-width ones too
                } else if !(scalar.isASCII && CustomerSearch.isPhoneSeparator(UInt8(scalar.value))) && scalar != "＋" {
                    phoneLike = false
                    break
                }
            }
            digits = phoneLike && count >= CustomerSearch.minimumPhoneDigits ? CustomerSearch.digits(trimmed) : nil
            isNumber = phoneLike && count > 0
        }
    }

    static func isPhoneSeparator(_ byte: UInt8) -> Bool {
        byte == ASCII.space || byte == ASCII.dash || byte == ASCII.plus || byte == ASCII.openParen
            || byte == ASCII.closeParen || byte == ASCII.dot
    }

    /// ASCII letters in lower case; every other byte as it is (UTF-8 sequences hold no ASCII bytes).
    static func lowered(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// True when `needle` occurs in `haystack` (both already lowered).
    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { UTF8Bytes.occurs(needle, in: $0) }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { UTF8Bytes.occurs(needle, in: $0) }
    }

    /// The text in `value`: nil when it is not there, else whether it is the whole value.
    static func compare(_ query: Query, _ value: String) -> Bool? {
        let lowered = Self.lowered(Array(value.trimmingSpaces.utf8))
        if lowered == query.lowered { return true }
        return contains(lowered, query.lowered) ? false : nil
    }

    /// The digits of a phone number, without the +86 / 0086 country code (`DuplicateKeys.phone`,
    /// as `check` compares phones for duplicates); a short number's digits as they are.
    static func digits(_ phone: String) -> [UInt8] {
        if let national = DuplicateKeys.phone(phone) { return Array(national.utf8) }
        return phone.utf8.filter(ASCII.isDigit)
    }

    /// The phone in `phone`: by its digits when the text is a number, else as text.
    static func comparePhone(_ query: Query, _ phone: String) -> Bool? {
        if let wanted = query.digits {
            let digits = Self.digits(phone)
            if digits == wanted { return true }
            return contains(digits, wanted) ? false : nil
        }
        return query.isNumber ? nil : compare(query, phone)
    }

    /// The short name a customer file's name carries after its id (`hengli` of
    /// `LX2024002-hengli.md`, `华东云` of `LX2024016-华东云.md`); empty when there is none.
    public static func shortName(ofPath path: String) -> String {
        var name = Substring(WorkspacePath.fileName(path))
        if name.hasSuffix(".md") { name = name.dropLast(3) }
        guard let separator = name.firstIndex(where: { $0 == "-" || $0 == "_" }) else { return "" }
        return String(name[name.index(after: separator)...])
    }

    /// Where `query` occurs in the customer's name and its contacts' names and phones (and
    /// emails, with `emails`).
    static func nameAndContacts(_ query: Query, _ customer: Customer, emails: Bool) -> [Match] {
        var matches: [Match] = []
        if let name = customer.name, let whole = compare(query, name) {
            matches.append(Match(field: .name, value: name, whole: whole))
        }
        for contact in customer.contacts {
            if let name = contact.name, let whole = compare(query, name) {
                matches.append(Match(field: .contact, value: name, whole: whole))
            }
            if let phone = contact.phone, let whole = comparePhone(query, phone) {
                matches.append(Match(field: .phone, value: phone, whole: whole))
            }
            if emails, let email = contact.email, let whole = compare(query, email) {
                matches.append(Match(field: .email, value: email, whole: whole))
            }
        }
        return matches
    }

    /// Where `query` names the customer: its name, its contacts' names and phones, and the short
    /// name in its file name (what `CustomerLookup` resolves a piece of text with).
    public static func naming(_ query: Query, _ customer: Customer, path: String) -> [Match] {
        var matches = nameAndContacts(query, customer, emails: false)
        let short = shortName(ofPath: path)
        if !short.isEmpty, matches.isEmpty, let whole = compare(query, short) {
            matches.append(Match(field: .fileName, value: WorkspacePath.fileName(path), whole: whole))
        }
        return matches
    }

    /// Everywhere `query` occurs in a customer: name, contacts (names, phones, emails), tags,
    /// and every line of the body (`bytes[layout.body]`), with the entry each line belongs to.
    public static func everywhere(_ query: Query, _ customer: Customer, bytes: [UInt8], body: Range<Int>?, firstLine: Int) -> [Match] {
        var matches = nameAndContacts(query, customer, emails: true)
        for tag in customer.tags {
            if let whole = compare(query, tag) { matches.append(Match(field: .tag, value: tag, whole: whole)) }
        }
        guard let body else { return matches }
        // The body lowered once; most files do not hold the text at all, and their lines are
        // never looked at one by one.
        let lowered = Self.lowered(Array(bytes[body]))
        guard contains(lowered, query.lowered) else { return matches }
        // The entries in file order, to tell which one a line belongs to.
        var entries: [(start: Int, end: Int, field: Field, date: LocalDate?)] = []
        for entry in customer.followUps { entries.append((entry.start, entry.end, .followUp, entry.date)) }
        for entry in customer.feedback { entries.append((entry.start, entry.end, .feedback, entry.date)) }
        entries.sort { $0.start < $1.start }
        var lineStart = body.lowerBound
        var line = firstLine
        var entry = 0
        while lineStart < body.upperBound {
            var lineEnd = lineStart
            while lineEnd < body.upperBound && bytes[lineEnd] != ASCII.lf { lineEnd += 1 }
            if contains(lowered[(lineStart - body.lowerBound)..<(lineEnd - body.lowerBound)], query.lowered) {
                while entry < entries.count && entries[entry].end <= lineStart { entry += 1 }
                let inEntry = entry < entries.count && entries[entry].start <= lineStart
                var text = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
                if text.hasSuffix("\r") { text.removeLast() }
                matches.append(Match(field: inEntry ? entries[entry].field : .body, value: text.trimmingSpaces, whole: false,
                                     line: line, date: inEntry ? entries[entry].date : nil))
            }
            lineStart = lineEnd + 1
            line += 1
        }
        return matches
    }

    /// What a piece of text resolves to among the customers it names.
    public enum Resolution: Sendable {
        case one(Candidate)
        /// Several customers (or a file that cannot be read besides one): never acted on.
        case ambiguous([Candidate])
        case none
    }

    /// One customer when it is the only one the text names, or the only one with a value that
    /// is the whole text (the full name of one customer is not a piece of another's); a file
    /// that does not read as a customer but whose name holds the text makes any answer unsure.
    public static func resolve(_ candidates: [Candidate]) -> Resolution {
        guard !candidates.isEmpty else { return .none }
        let customers = candidates.filter { !$0.unreadable }
        let unreadable = candidates.filter(\.unreadable)
        let whole = customers.filter(\.isWhole)
        let chosen = whole.count == 1 ? whole[0] : whole.isEmpty && customers.count == 1 ? customers[0] : nil
        if let chosen, unreadable.isEmpty { return .one(chosen) }
        return .ambiguous(sorted(candidates))
    }

    /// Candidates in the order of their ids (then paths), the whole matches first.
    public static func sorted(_ candidates: [Candidate]) -> [Candidate] {
        candidates.sorted {
            if $0.isWhole != $1.isWhole { return $0.isWhole }
            if ($0.id ?? "") != ($1.id ?? "") { return ($0.id ?? "") < ($1.id ?? "") }
            return $0.path < $1.path
        }
    }

    /// Up to `limit` of `names` nearest to `text` (for "did you mean"): a name is as near as
    /// the part of it most like the text, so `成都天府食品` is near `成都天傅`.
    public static func nearest(to text: String, among names: [String], limit: Int = 3) -> [String] {
        let wanted = Array(text.lowercased().unicodeScalars)
        guard wanted.count >= 2 else { return [] }
        let allowed = wanted.count <= 4 ? 1 : 2
        var scored: [(distance: Int, name: String)] = []
        for name in Set(names) {
            let scalars = Array(name.lowercased().unicodeScalars)
            var best = Int.max
            for width in max(1, wanted.count - 1)...(wanted.count + 1) where width <= scalars.count {
                for start in 0...(scalars.count - width) {
                    best = min(best, Suggestion.editDistance(wanted, Array(scalars[start..<(start + width)])))
                    if best == 0 { break }
                }
            }
            if scalars.count < wanted.count - 1 { best = Suggestion.editDistance(wanted, scalars) }
            if best <= allowed { scored.append((best, name)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        return scored.prefix(limit).map(\.name)
    }

    /// What `leadbook find` found: the customers that hold the text, in the order of their
    /// paths, and the files that could not be searched.
    public struct Found: Sendable {
        public var customers: [Candidate]
        /// Files that do not read as customers (their errors stop them being searched). A file
        /// with errors that still reads as a customer is searched as far as it reads.
        public var filesWithErrors: [String]
        /// Why the files that were not read at all were not.
        public var unread: [Diagnostic]
    }

    /// Every customer of the workspace that holds `query` anywhere (`everywhere`), read through
    /// `CustomerFiles`; tombstones are skipped.
    public static func find(_ query: Query, in workspace: Workspace) -> Found {
        let paths = workspace.customerPaths
        let configuration = workspace.configuration
        let reading = CustomerFiles(workspace).reduce { index, bytes -> (Candidate?, Bool) in
            // The log is searched in its bytes: its texts need not become strings.
            let result = CustomerReader.read(path: paths[index], bytes: bytes, configuration: configuration, text: false, tree: false)
            guard let customer = result.customer else { return (nil, true) }
            guard !customer.isTombstone else { return (nil, false) }
            let matches = everywhere(query, customer, bytes: bytes, body: result.layout?.body, firstLine: result.layout?.bodyFirstLine ?? 1)
            guard !matches.isEmpty else { return (nil, false) }
            return (Candidate(path: paths[index], id: customer.id, name: customer.name, owner: customer.owner,
                              status: customer.status, matches: matches), false)
        } unread: { _, _ in (nil, false) }
        var found = Found(customers: [], filesWithErrors: [], unread: reading.unread)
        for (index, (candidate, hasErrors)) in reading.values.enumerated() {
            if let candidate { found.customers.append(candidate) }
            if hasErrors { found.filesWithErrors.append(paths[index]) }
        }
        return found
    }
}

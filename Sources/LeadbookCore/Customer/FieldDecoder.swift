import LeadbookText

/// Reads typed values out of YAML nodes, reporting a diagnostic for each value of the wrong type.
///
/// The type comes from the field, never from how the value looks: `phone: 013800000001` is
/// text, `employees: "500"` is the number 500.
public struct FieldDecoder {
    public var findings: Findings
    /// The plain values of text fields that other YAML tools read as something else
    /// (`ambiguous-scalar`), in the order they were read: what `leadbook fix` quotes.
    public var ambiguous: [YAMLNode] = []

    public init(findings: Findings) {
        self.findings = findings
    }

    public mutating func wrongType(_ node: YAMLNode, _ field: String, expected: WrongType.Expected, example: String? = nil) {
        WrongType.report(.expected(expected, field: field, found: node, example: example), at: node.start, &findings)
    }

    /// Text of a scalar; nil (and a diagnostic) for a list or map; nil for an empty value.
    public mutating func string(_ node: YAMLNode, _ field: String) -> String? {
        switch node.content {
        case .scalar(_, .empty): return nil
        case .scalar(let text, _): return text.isEmpty ? nil : text
        default:
            wrongType(node, field, expected: .text)
            return nil
        }
    }

    /// Text of a text field, as `string`; a plain value that other YAML tools would read as
    /// a number, a date, yes/no or null is reported (`ambiguous-scalar`).
    public mutating func text(_ node: YAMLNode, _ field: String) -> String? {
        guard let text = string(node, field) else { return nil }
        if AmbiguousScalar.check(node, text, field: field, &findings) { ambiguous.append(node) }
        return text
    }

    /// A list of texts of a text field (`tags`), each item as `text`.
    public mutating func textList(_ node: YAMLNode, _ field: String) -> [String] {
        if node.isEmpty { return [] }
        guard let items = node.items else {
            wrongType(node, field, expected: .list)
            return []
        }
        var result: [String] = []
        for item in items {
            if let text = text(item, field) { result.append(text) }
        }
        return result
    }

    public mutating func integer(_ node: YAMLNode, _ field: String, minimum: Int = 0, maximum: Int = Int.max) -> Int? {
        guard let text = string(node, field) else { return nil }
        guard let value = Self.parseInteger(text) ?? fullWidth(node, text, field, Self.parseInteger) else {
            if Self.parseInteger(text.removingSeparators()) != nil {
                WrongType.report(.separators(.wholeNumber, field: field, text: text), at: node.start, &findings)
            } else if text.hasPrefix("-"), Self.isDigits(String(text.dropFirst())) {
                OutOfRange.report(.wholeNumberTooSmall(field, text, minimum: minimum), at: node.start, &findings)
            } else if Self.isDigits(text.hasPrefix("+") ? String(text.dropFirst()) : text) {
                OutOfRange.report(.wholeNumberTooLarge(field, text), at: node.start, &findings)
            } else {
                wrongType(node, field, expected: .wholeNumber)
            }
            return nil
        }
        if value < minimum || value > maximum {
            OutOfRange.report(.outside(field, value, minimum: minimum, maximum: maximum), at: node.start, &findings)
            return nil
        }
        return value
    }

    public mutating func number(_ node: YAMLNode, _ field: String) -> Double? {
        guard let text = string(node, field) else { return nil }
        guard let value = Self.parseNumber(text) ?? fullWidth(node, text, field, Self.parseNumber) else {
            if Self.isNumeral(text) {
                OutOfRange.report(.amountTooLarge(field, text), at: node.start, &findings)
                return nil
            }
            if Self.parseNumber(text.removingSeparators()) != nil {
                WrongType.report(.separators(.amount, field: field, text: text), at: node.start, &findings)
            } else {
                wrongType(node, field, expected: .amount)
            }
            return nil
        }
        if value < 0 {
            OutOfRange.report(.negativeAmount(field), at: node.start, &findings)
            return nil
        }
        return value
    }

    public mutating func date(_ node: YAMLNode, _ field: String) -> LocalDate? {
        guard let text = string(node, field) else { return nil }
        switch Self.checkText(text, LocalDate.check) {
        case .success(let date): return date
        case .failure(.doesNotExist):
            InvalidDate.report(.doesNotExist(text, field: field), at: node.start, &findings)
        case .failure(.format):
            if let date = fullWidth(node, text, field, { try? Self.checkText($0, LocalDate.check).get() }) { return date }
            InvalidDate.report(.notADate(text, field: field), at: node.start, &findings)
        }
        return nil
    }

    public mutating func dateTime(_ node: YAMLNode, _ field: String) -> LocalDateTime? {
        guard let text = string(node, field) else { return nil }
        switch Self.checkText(text, LocalDateTime.check) {
        case .success(let value): return value
        case .failure(.doesNotExist):
            InvalidDate.report(.dateTimeDoesNotExist(text, field: field), at: node.start, &findings)
        case .failure(.format):
            if let value = fullWidth(node, text, field, { try? Self.checkText($0, LocalDateTime.check).get() }) { return value }
            InvalidDate.report(.notADateTime(text, field: field), at: node.start, &findings)
        }
        return nil
    }

    /// A value typed with full-width digits (`２０２４-05-12`): reported (full-width-digits) and
    /// read as its ASCII form, when that form reads.
    public mutating func fullWidth<T>(_ node: YAMLNode, _ text: String, _ field: String, _ read: (String) -> T?) -> T? {
        guard text.utf8.contains(where: { $0 >= 0xEF }), let ascii = FullWidthDigits.ascii(text), let value = read(ascii) else { return nil }
        FullWidthDigits.report(node, text, ascii: ascii, field: field, &findings)
        return value
    }

    public mutating func vocabulary<V: Vocabulary>(_ node: YAMLNode, _ field: String, _ type: V.Type) -> V? {
        guard let text = string(node, field) else { return nil }
        return V.UnknownRule.check(text, at: node.start, &findings)
    }

    /// A list of texts: `[a, b]` or `- a` lines.
    public mutating func stringList(_ node: YAMLNode, _ field: String) -> [String] {
        if node.isEmpty { return [] }
        guard let items = node.items else {
            wrongType(node, field, expected: .list)
            return []
        }
        var result: [String] = []
        for item in items {
            if let text = string(item, field) { result.append(text) }
        }
        return result
    }

    /// Items of a list of maps, reporting items that are not maps.
    public mutating func mapList(_ node: YAMLNode, _ field: String, example: String) -> [YAMLNode] {
        if node.isEmpty { return [] }
        guard let items = node.items else {
            wrongType(node, field, expected: .list, example: example)
            return []
        }
        var maps: [YAMLNode] = []
        for item in items {
            if item.pairs != nil { maps.append(item) } else { wrongType(item, field, expected: .mapItem, example: example) }
        }
        return maps
    }

    public mutating func map(_ node: YAMLNode, _ field: String, example: String) -> [YAMLPair]? {
        if node.isEmpty { return nil }
        guard let pairs = node.pairs else {
            wrongType(node, field, expected: .map, example: example)
            return nil
        }
        return pairs
    }

    public mutating func unknownKey(_ pair: YAMLPair, known: [String], in place: UnknownField.Place) {
        UnknownField.report(pair.keyText, known: known, in: place, at: pair.key.start, &findings)
    }

    // MARK: - Text to values

    public static func checkText<T>(_ text: String, _ check: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Result<T, DateProblem>) -> Result<T, DateProblem> {
        var text = text
        return text.withUTF8 { check($0, 0..<$0.count) }
    }

    public static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ASCII.isDigit($0) }
    }

    /// Digits with an optional sign; nil past Int64.
    public static func parseInteger(_ text: String) -> Int? {
        var utf8 = Substring(text).utf8[...]
        var negative = false
        if let first = utf8.first, first == ASCII.dash || first == ASCII.plus {
            negative = first == ASCII.dash
            utf8 = utf8.dropFirst()
        }
        guard !utf8.isEmpty else { return nil }
        var value = 0
        for byte in utf8 {
            guard ASCII.isDigit(byte) else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(byte - ASCII.zero))
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    /// Digits with an optional sign and decimal part, of any length.
    public static func isNumeral(_ text: String) -> Bool {
        var utf8 = Substring(text).utf8[...]
        if let first = utf8.first, first == ASCII.dash || first == ASCII.plus { utf8 = utf8.dropFirst() }
        let parts = utf8.split(separator: ASCII.dot, maxSplits: 1, omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(ASCII.isDigit) }
    }

    /// Digits with an optional sign and decimal part; at most 15 digits before the point, so
    /// every amount is exact.
    public static func parseNumber(_ text: String) -> Double? {
        let utf8 = Array(text.utf8)
        var index = 0
        if index < utf8.count, utf8[index] == ASCII.dash || utf8[index] == ASCII.plus { index += 1 }
        var digits = 0
        while index < utf8.count, ASCII.isDigit(utf8[index]) { index += 1; digits += 1 }
        if index < utf8.count, utf8[index] == ASCII.dot {
            index += 1
            var fraction = 0
            while index < utf8.count, ASCII.isDigit(utf8[index]) { index += 1; fraction += 1 }
            guard fraction > 0 else { return nil }
        }
        guard digits > 0, index == utf8.count, digits <= 15 else { return nil }
        return Double(text)
    }
}

/// The known keys of a map, matched by their bytes: a `switch` over strings compares
/// slowly whenever they differ, which is most of the time.
public struct KeyNames<Field> {
    public let byLength: [[([UInt8], Field)]]
    /// The keys, in the order given.
    public let names: [String]

    /// The keys and what each names.
    public init(_ keys: [(String, Field)]) {
        byLength = Self.table(keys)
        names = keys.map(\.0)
    }

    public func callAsFunction(_ key: String) -> Field? {
        var key = key
        return key.withUTF8 { Self.match($0, in: byLength) }
    }

    /// The keys' bytes grouped by length, for `match`.
    public static func table(_ keys: [(String, Field)]) -> [[([UInt8], Field)]] {
        var table = [[([UInt8], Field)]](repeating: [], count: 32)
        for (name, field) in keys {
            precondition(name.utf8.count < table.count, "a key of 32 bytes or more")
            table[name.utf8.count].append((Array(name.utf8), field))
        }
        return table
    }

    /// What the key spelled by `buffer` names in `table`, comparing only keys of its length.
    public static func match(_ buffer: UnsafeBufferPointer<UInt8>, in table: [[([UInt8], Field)]]) -> Field? {
        let count = buffer.count
        guard count < table.count else { return nil }
        candidates: for (name, field) in table[count] {
            for index in 0..<count where name[index] != buffer[index] { continue candidates }
            return field
        }
        return nil
    }
}

extension KeyNames where Field: RawRepresentable & CaseIterable, Field.RawValue == String {
    /// Every case, named by its raw value.
    public init() {
        self.init(Field.allCases.map { ($0.rawValue, $0) })
    }
}

extension String {
    /// The text without the given separator characters (`200,000` -> `200000`).
    public func removingSeparators() -> String {
        String(unicodeScalars.filter { $0 != "," && $0 != "_" && $0 != "，" })
    }
}

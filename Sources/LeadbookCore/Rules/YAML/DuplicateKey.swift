import LeadbookText

/// A key set twice in one map: which value holds would be a guess.
public enum DuplicateKey: RuleDefinition {
    public static let rule = Rule("duplicate-key", .error, "A key appears once in a map.")

    public static func report(_ key: String, firstSetOn line: Int, at offset: Int, _ findings: inout Findings) {
        findings.report(Message.twice(key, firstSetOn: line), at: offset)
    }
}

extension RuleMessage where Of == DuplicateKey {
    public static func twice(_ key: String, firstSetOn line: Int) -> Self {
        Self("duplicate key `\(key)` (first set on line \(line))", hint: "keep one of the two; a key may appear only once in a map")
    }
}

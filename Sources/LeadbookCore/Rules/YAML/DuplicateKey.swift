import LeadbookText

/// A key set twice in one map: which value holds would be a guess.
public enum DuplicateKey: RuleDefinition {
    public static let rule = Rule("duplicate-key", .error, Phrase("A key appears once in a map.", "同一个映射里每个键只出现一次。"))

    public static func report(_ key: String, firstSetOn line: Int, at offset: Int, _ findings: inout Findings) {
        findings.report(Message.twice(key, firstSetOn: line), at: offset)
    }
}

extension RuleMessage where Of == DuplicateKey {
    public static func twice(_ key: String, firstSetOn line: Int) -> Self {
        Self("duplicate key `\(key)` (first set on line \(line))", "键 `\(key)` 重复了（第 \(line) 行已经写过）",
             hint: Phrase("keep one of the two; a key may appear only once in a map", "两处只留一处；同一个映射里一个键只能出现一次"))
    }
}

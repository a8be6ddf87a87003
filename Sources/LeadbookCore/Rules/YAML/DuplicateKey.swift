import LeadbookText

/// A key set twice in one map, or in one feedback entry (`- 满意度: 3` and `- 满意度: 1`):
/// which value holds would be a guess.
public enum DuplicateKey: RuleDefinition {
    public static let rule = Rule("duplicate-key", .error, Phrase(
        "A key appears once in a map, and once in a feedback entry (`why` may repeat).",
        "同一个映射里每个键只出现一次；一条反馈里每个键也只出现一次（`原因` 可以写多条）。"))

    public static func report(_ key: String, firstSetOn line: Int, at offset: Int, _ findings: inout Findings) {
        findings.report(Message.twice(key, firstSetOn: line), at: offset)
    }

    /// A `- key: value` line of a feedback entry whose key already has a value in the entry.
    public static func reportInEntry(_ key: String, firstSetOn line: Int, at offset: Int, _ findings: inout Findings) {
        findings.report(Message.twiceInEntry(key, firstSetOn: line), at: offset)
    }
}

extension RuleMessage where Of == DuplicateKey {
    public static func twice(_ key: String, firstSetOn line: Int) -> Self {
        Self("duplicate key `\(key)` (first set on line \(line))", "键 `\(key)` 重复了（第 \(line) 行已经写过）",
             hint: Phrase("keep one of the two; a key may appear only once in a map", "两处只留一处；同一个映射里一个键只能出现一次"))
    }

    public static func twiceInEntry(_ key: String, firstSetOn line: Int) -> Self {
        Self("`\(key)` is written twice in this feedback entry (first on line \(line))", "这条反馈里 `\(key)` 写了两次（第 \(line) 行已经写过）",
             hint: Phrase("keep the line that is right and remove the other; a feedback entry holds one value per key (only `why` may repeat)",
                          "只留对的那一行，删掉另一行；一条反馈每个键只有一个值（只有 `原因` 可以写多条）"))
    }
}

import LeadbookText

/// A Chinese comma `，` or enumeration comma `、` between the items of a `[...]` list
/// (`tags: [老客户推荐，价格敏感]`): YAML separates items with the ASCII comma only, so the list
/// holds one item where two were meant. A warning (the file reads the same in every tool);
/// `leadbook fix` writes `, `. In a block list (`- 老客户推荐，价格敏感`) a Chinese comma is
/// text, as a sentence may hold one, and is not reported.
public enum ChineseComma: RuleDefinition {
    public static let rule = Rule("chinese-comma", .warning,
        Phrase("The items of a `[...]` list are separated by the ASCII `,`, not `，` or `、` (`leadbook fix` changes them).",
        "`[...]` 列表的各项用英文逗号 `,` 分隔，不用 `，` 或 `、`（`leadbook fix` 可以自动改）"))

    /// `bytes`: the file the note was read from.
    public static func report(_ note: YAMLNote, in bytes: UnsafeBufferPointer<UInt8>, _ findings: inout Findings) {
        let range = note.range
        guard range.upperBound <= bytes.count else { return }
        let mark = UTF8Bytes.string(bytes, range)
        let spaced = range.upperBound < bytes.count && bytes[range.upperBound] == ASCII.space
        findings.report(Message.separator(mark), at: range.lowerBound, fix: Fix(replacing: range, with: spaced ? "," : ", "))
    }
}

extension RuleMessage where Of == ChineseComma {
    public static func separator(_ mark: String) -> Self {
        Self("`\(mark)` inside a `[...]` list item; YAML separates items with the ASCII comma `,`, so this is one item",
             "`[...]` 列表里用了 `\(mark)`，YAML 只认英文逗号 `,`，所以这里被读成了一项",
             hint: Phrase("write `, ` between the items; `leadbook fix` changes it", "各项之间改用 `, `；`leadbook fix` 可以自动修改"))
    }
}

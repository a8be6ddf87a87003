import LeadbookText

/// A NUL byte means a binary or damaged file (or UTF-16): it is not read further.
public enum NulByte: RuleDefinition {
    public static let rule = Rule("nul-byte", .error, Phrase("A file contains no NUL bytes.", "文件里没有 NUL 字节。"))

    public static func report(at offset: Int, _ findings: inout Findings) {
        findings.report(Message.notText(offset: offset), at: offset, showLine: false)
    }
}

extension RuleMessage where Of == NulByte {
    public static func notText(offset: Int) -> Self {
        Self("NUL byte at byte offset \(offset): this is not a text file", "第 \(offset) 字节处有 NUL 字节：这不是文本文件",
             hint: Phrase("restore the file from git (`git checkout -- FILE`) or remove the NUL bytes",
                          "从 git 恢复这个文件（`git checkout -- FILE`），或删掉 NUL 字节"))
    }
}

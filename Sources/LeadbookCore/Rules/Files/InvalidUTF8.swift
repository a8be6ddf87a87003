import LeadbookText

/// Customer files and leadbook.yml are UTF-8. A file saved as GBK is the usual case; the
/// message names the first byte that is not UTF-8.
public enum InvalidUTF8: RuleDefinition {
    public static let rule = Rule("invalid-utf8", .error, Phrase("A file is UTF-8 text.", "文件是 UTF-8 文本。"))

    /// A customer file: its bytes are not text, so no line is shown.
    public static func report(customerFileAt offset: Int, byte: UInt8, _ findings: inout Findings) {
        findings.report(Message.customerFile(offset: offset, byte: byte), at: offset, showLine: false)
    }

    public static func report(configurationAt offset: Int, _ findings: inout Findings) {
        findings.report(Message.configuration(offset: offset), at: offset)
    }
}

extension RuleMessage where Of == InvalidUTF8 {
    public static func customerFile(offset: Int, byte: UInt8) -> Self {
        Self("invalid UTF-8 at byte offset \(offset) (byte 0x\(String(byte, radix: 16, uppercase: true)))",
             "第 \(offset) 字节处不是有效的 UTF-8（字节 0x\(String(byte, radix: 16, uppercase: true))）",
             hint: Phrase("save the file as UTF-8 (files saved as GBK show this; re-save them as UTF-8 in your editor)",
                          "把文件存为 UTF-8（存成 GBK 的文件会这样；在编辑器里另存为 UTF-8 即可）"))
    }

    public static func configuration(offset: Int) -> Self {
        Self("invalid UTF-8 at byte offset \(offset)", "第 \(offset) 字节处不是有效的 UTF-8", hint: Phrase("save leadbook.yml as UTF-8", "把 leadbook.yml 存为 UTF-8"))
    }
}

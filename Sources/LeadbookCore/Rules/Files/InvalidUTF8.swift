import LeadbookText

/// Customer files and leadbook.yml are UTF-8. A file saved as GBK is the usual case; the
/// message names the first byte that is not UTF-8.
public enum InvalidUTF8: RuleDefinition {
    public static let rule = Rule("invalid-utf8", .error, "A file is UTF-8 text.")

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
             hint: "save the file as UTF-8 (files saved as GBK show this; re-save them as UTF-8 in your editor)")
    }

    public static func configuration(offset: Int) -> Self {
        Self("invalid UTF-8 at byte offset \(offset)", hint: "save leadbook.yml as UTF-8")
    }
}

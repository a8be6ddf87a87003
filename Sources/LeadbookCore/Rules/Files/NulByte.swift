import LeadbookText

/// A NUL byte means a binary or damaged file (or UTF-16): it is not read further.
public enum NulByte: RuleDefinition {
    public static let rule = Rule("nul-byte", .error, "A file contains no NUL bytes.")

    public static func report(at offset: Int, _ findings: inout Findings) {
        findings.report(Message.notText(offset: offset), at: offset, showLine: false)
    }
}

extension RuleMessage where Of == NulByte {
    public static func notText(offset: Int) -> Self {
        Self("NUL byte at byte offset \(offset): this is not a text file",
             hint: "restore the file from git (`git checkout -- FILE`) or remove the NUL bytes")
    }
}

import LeadbookText

/// A customer file larger than `WorkspaceCheck.maxCustomerFileSize` is not read.
public enum FileTooLarge: RuleDefinition {
    public static let rule = Rule("file-too-large", .error, "A customer file is at most 16 MB.")

    public static func diagnostic(file path: String, size: Int) -> Diagnostic {
        Diagnostic(file: path, Message.tooLarge(size: size))
    }
}

extension RuleMessage where Of == FileTooLarge {
    public static func tooLarge(size: Int) -> Self {
        Self("the file is \(size / (1024 * 1024)) MB; customer files are at most 16 MB",
             hint: "move attachments and pasted data out of the file (link to them instead)")
    }
}

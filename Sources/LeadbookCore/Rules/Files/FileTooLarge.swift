import LeadbookText

/// A customer file larger than `CustomerFiles.maxSize` is not read.
public enum FileTooLarge: RuleDefinition {
    public static let rule = Rule("file-too-large", .error, "A customer file is at most 16 MB.")

    public static func diagnostic(file path: String, size: Int) -> Diagnostic {
        Diagnostic(file: path, Message.tooLarge(size: size))
    }
}

extension RuleMessage where Of == FileTooLarge {
    public static func tooLarge(size: Int) -> Self {
        let limit = CustomerFiles.maxSize / (1024 * 1024)
        let megabytes = size / (1024 * 1024)
        // A file just over the limit would read "16 MB" rounded down: say so instead.
        let shown = megabytes > limit ? "\(megabytes) MB" : "more than \(limit) MB"
        return Self("the file is \(shown); customer files are at most \(limit) MB",
                    hint: "move attachments and pasted data out of the file (link to them instead)")
    }
}

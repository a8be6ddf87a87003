import LeadbookText

/// A customer file larger than `CustomerFiles.maxSize` is not read.
public enum FileTooLarge: RuleDefinition {
    public static let rule = Rule("file-too-large", .error, Phrase("A customer file is at most 16 MB.", "客户文件最大 16 MB。"))

    public static func diagnostic(file path: String, size: Int) -> Diagnostic {
        Diagnostic(file: path, Message.tooLarge(size: size))
    }
}

extension RuleMessage where Of == FileTooLarge {
    public static func tooLarge(size: Int) -> Self {
        let limit = CustomerFiles.maxSize / (1024 * 1024)
        let megabytes = size / (1024 * 1024)
        // A file just over the limit would read "16 MB" rounded down: say so instead.
        let shown = megabytes > limit ? Phrase(verbatim: "\(megabytes) MB") : Phrase("more than \(limit) MB", "超过 \(limit) MB")
        return Self(Phrase("the file is ", "文件大小为 ") + shown + Phrase("; customer files are at most \(limit) MB", "；客户文件最大 \(limit) MB"),
                    hint: Phrase("move attachments and pasted data out of the file (link to them instead)", "把附件和粘贴进来的数据移出文件（改为放链接）"))
    }
}

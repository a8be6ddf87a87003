import LeadbookText

/// Every `.md` name under the customers folder is a customer file: a folder or a device with
/// such a name is reported, not skipped.
public enum NotAFile: RuleDefinition {
    public static let rule = Rule("not-a-file", .error, Phrase("Every `.md` path under the customers folder is a regular file.", "客户文件夹下每个 `.md` 路径都是普通文件。"))

    public static func diagnostic(_ message: Message, file path: String) -> Diagnostic {
        Diagnostic(file: path, message)
    }
}

extension RuleMessage where Of == NotAFile {
    public static func folder(_ name: String) -> Self {
        Self("`\(name)` is a folder, not a customer file", "`\(name)` 是文件夹，不是客户文件",
             hint: Phrase("rename the folder so its name does not end in .md", "给文件夹改个名，不要以 .md 结尾"))
    }

    public static func notRegular(_ name: String) -> Self {
        Self("`\(name)` is not a regular file", "`\(name)` 不是普通文件", hint: Phrase("replace it with a regular text file", "换成普通的文本文件"))
    }
}

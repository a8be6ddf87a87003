import LeadbookText

/// Every `.md` name under the customers folder is a customer file: a folder or a device with
/// such a name is reported, not skipped.
public enum NotAFile: RuleDefinition {
    public static let rule = Rule("not-a-file", .error, "Every `.md` path under the customers folder is a regular file.")

    public static func diagnostic(_ message: Message, file path: String) -> Diagnostic {
        Diagnostic(file: path, message)
    }
}

extension RuleMessage where Of == NotAFile {
    public static func folder(_ name: String) -> Self {
        Self("`\(name)` is a folder, not a customer file", hint: "rename the folder so its name does not end in .md")
    }

    public static func notRegular(_ name: String) -> Self {
        Self("`\(name)` is not a regular file", hint: "replace it with a regular text file")
    }
}

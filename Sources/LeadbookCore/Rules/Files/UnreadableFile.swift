import LeadbookText

/// A file leadbook must read and cannot: a customer file, a folder of customers, leadbook.yml,
/// the index file, a staged file. The finding is about the file as a whole.
public enum UnreadableFile: RuleDefinition {
    public static let rule = Rule("unreadable-file", .error, "Every file under the customers folder can be read.")

    public static func diagnostic(_ message: Message, file path: String) -> Diagnostic {
        Diagnostic(file: path, message)
    }
}

extension RuleMessage where Of == UnreadableFile {
    public static func customerFile(_ reason: String) -> Self {
        Self("cannot read the file: \(reason)", hint: "check the file's permissions, or restore it from git")
    }

    public static func folder(_ reason: String) -> Self {
        Self("cannot list the folder: \(reason)", hint: "check the folder's permissions")
    }

    public static func configuration(_ reason: String) -> Self {
        Self("cannot read leadbook.yml: \(reason)", hint: "check the file's permissions")
    }

    public static func indexFile(_ reason: String) -> Self {
        Self("cannot read the index file: \(reason)", hint: "check the file's permissions, or delete it and run `leadbook index`")
    }

    public static var stagedFile: Self {
        Self("cannot read the staged file from git", hint: "run `git status` and `git add` the file again")
    }

    /// A `.md` link whose target does not exist.
    public static func brokenLink(_ name: String) -> Self {
        Self("`\(name)` is a symbolic link to nothing (or a loop of links)",
             hint: "remove the link, or point it at a file inside the workspace")
    }
}

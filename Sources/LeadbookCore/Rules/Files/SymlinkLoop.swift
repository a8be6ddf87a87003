import LeadbookText

/// Links under the customers folder are followed; one that leads back to a folder already
/// read would make every customer in it count twice.
public enum SymlinkLoop: RuleDefinition {
    public static let rule = Rule("symlink-loop", .error, "Symbolic links under the customers folder do not loop.")

    public static func diagnostic(_ message: Message, file path: String) -> Diagnostic {
        Diagnostic(file: path, message)
    }
}

extension RuleMessage where Of == SymlinkLoop {
    public static func backToFolderRead(_ name: String) -> Self {
        Self("`\(name)` links back to a folder already read (a loop)", hint: "remove the link; every customer file should be reachable once")
    }
}

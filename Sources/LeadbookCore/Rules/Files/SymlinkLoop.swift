import LeadbookText

/// Links under the customers folder are followed; one that leads back to a folder already
/// read would make every customer in it count twice.
public enum SymlinkLoop: RuleDefinition {
    public static let rule = Rule("symlink-loop", .error, Phrase("Symbolic links under the customers folder do not loop.", "客户文件夹下的符号链接不能绕成环。"))

    public static func diagnostic(_ message: Message, file path: String) -> Diagnostic {
        Diagnostic(file: path, message)
    }
}

extension RuleMessage where Of == SymlinkLoop {
    public static func backToFolderRead(_ name: String) -> Self {
        Self("`\(name)` links back to a folder already read (a loop)", "`\(name)` 链接回一个已经读过的文件夹（绕成了环）",
             hint: Phrase("remove the link; every customer file should be reachable once", "删掉这个链接；每个客户文件只应能走到一次"))
    }
}

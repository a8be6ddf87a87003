import LeadbookText

/// A file leadbook must read and cannot: a customer file, a folder of customers, leadbook.yml,
/// the index file, a staged file. The finding is about the file as a whole.
public enum UnreadableFile: RuleDefinition {
    public static let rule = Rule("unreadable-file", .error, Phrase("Every file under the customers folder can be read.", "客户文件夹下的每个文件都能读取。"))

    public static func diagnostic(_ message: Message, file path: String) -> Diagnostic {
        Diagnostic(file: path, message)
    }
}

extension RuleMessage where Of == UnreadableFile {
    public static func customerFile(_ reason: Phrase) -> Self {
        Self(Phrase("cannot read the file: ", "无法读取文件：") + reason, hint: Phrase("check the file's permissions, or restore it from git", "检查文件权限，或从 git 恢复它"))
    }

    public static func folder(_ reason: Phrase) -> Self {
        Self(Phrase("cannot list the folder: ", "无法列出文件夹内容：") + reason, hint: Phrase("check the folder's permissions", "检查文件夹权限"))
    }

    public static func configuration(_ reason: Phrase) -> Self {
        Self(Phrase("cannot read leadbook.yml: ", "无法读取 leadbook.yml：") + reason, hint: Phrase("check the file's permissions", "检查文件权限"))
    }

    public static func indexFile(_ reason: Phrase) -> Self {
        Self(Phrase("cannot read the index file: ", "无法读取索引文件：") + reason,
             hint: Phrase("check the file's permissions, or delete it and run `leadbook index`", "检查文件权限，或删掉它再运行 `leadbook index`"))
    }

    /// The same, for a reason the system gives (the same in both languages).
    public static func customerFile(_ reason: String) -> Self { customerFile(Phrase(verbatim: reason)) }
    public static func folder(_ reason: String) -> Self { folder(Phrase(verbatim: reason)) }
    public static func configuration(_ reason: String) -> Self { configuration(Phrase(verbatim: reason)) }
    public static func indexFile(_ reason: String) -> Self { indexFile(Phrase(verbatim: reason)) }

    public static var stagedFile: Self {
        Self("cannot read the staged file from git", "无法从 git 读取暂存区里的文件", hint: Phrase("run `git status` and `git add` the file again", "运行 `git status`，再 `git add` 一次这个文件"))
    }

    /// A `.md` link whose target does not exist.
    public static func brokenLink(_ name: String) -> Self {
        Self("`\(name)` is a symbolic link to nothing (or a loop of links)", "`\(name)` 是指向不存在目标的符号链接（或链接绕成了环）",
             hint: Phrase("remove the link, or point it at a file inside the workspace", "删掉这个链接，或让它指向工作区里的文件"))
    }
}

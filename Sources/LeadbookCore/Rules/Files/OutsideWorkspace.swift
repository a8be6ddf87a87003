import LeadbookText

/// leadbook neither reads nor writes outside the workspace, also through a link.
public enum OutsideWorkspace: RuleDefinition {
    public static let rule = Rule("outside-workspace", .error, Phrase("Files and links stay inside the workspace.", "文件和链接都在工作区之内。"))

    public static func diagnostic(_ message: Message, file path: String) -> Diagnostic {
        Diagnostic(file: path, message)
    }
}

extension RuleMessage where Of == OutsideWorkspace {
    public static func customersFolder(_ folder: String, leadsTo resolved: String) -> Self {
        Self("the customers folder `\(folder)` leads to \(resolved), outside the workspace", "客户文件夹 `\(folder)` 指向工作区之外的 \(resolved)",
             hint: Phrase("keep the customer files inside the workspace: replace the link with the folder itself",
                          "客户文件要放在工作区里：把链接换成文件夹本身"))
    }

    public static func link(_ name: String, leadsTo resolved: String) -> Self {
        Self("`\(name)` links to \(resolved), outside the workspace", "`\(name)` 链接到工作区之外的 \(resolved)",
             hint: Phrase("copy the file into the workspace instead of linking to it", "把文件复制到工作区里，不要用链接"))
    }

    /// A file or folder leadbook reads or writes (leadbook.yml, the index file, `.leadbook/lock`,
    /// .gitattributes, a customer file, a folder on the way to one) is a link out of the workspace.
    public static func path(_ link: String, leadsTo resolved: String) -> Self {
        Self("`\(link)` is a link to \(resolved), outside the workspace; leadbook neither reads nor writes through it",
             "`\(link)` 链接到工作区之外的 \(resolved)；leadbook 不会通过它读写",
             hint: Phrase("replace the link with the file or folder itself, inside the workspace", "把链接换成工作区里的文件或文件夹本身"))
    }

    /// The same for a link that leads nowhere.
    public static func brokenLink(_ link: String, to destination: String) -> Self {
        Self("`\(link)` is a link to \(destination), which does not exist (or a loop of links); leadbook neither reads nor writes through it",
             "`\(link)` 链接到的 \(destination) 不存在（或链接绕成了环）；leadbook 不会通过它读写",
             hint: Phrase("remove the link, or replace it with the file or folder itself", "删掉这个链接，或换成文件或文件夹本身"))
    }
}

import LeadbookText

/// leadbook neither reads nor writes outside the workspace, also through a link.
public enum OutsideWorkspace: RuleDefinition {
    public static let rule = Rule("outside-workspace", .error, "Files and links stay inside the workspace.")

    public static func diagnostic(_ message: Message, file path: String) -> Diagnostic {
        Diagnostic(file: path, message)
    }
}

extension RuleMessage where Of == OutsideWorkspace {
    public static func customersFolder(_ folder: String, leadsTo resolved: String) -> Self {
        Self("the customers folder `\(folder)` leads to \(resolved), outside the workspace",
             hint: "keep the customer files inside the workspace: replace the link with the folder itself")
    }

    public static func link(_ name: String, leadsTo resolved: String) -> Self {
        Self("`\(name)` links to \(resolved), outside the workspace", hint: "copy the file into the workspace instead of linking to it")
    }

    /// A file or folder leadbook reads or writes (leadbook.yml, the index file, `.leadbook/lock`,
    /// .gitattributes, a customer file, a folder on the way to one) is a link out of the workspace.
    public static func path(_ link: String, leadsTo resolved: String) -> Self {
        Self("`\(link)` is a link to \(resolved), outside the workspace; leadbook neither reads nor writes through it",
             hint: "replace the link with the file or folder itself, inside the workspace")
    }

    /// The same for a link that leads nowhere.
    public static func brokenLink(_ link: String, to destination: String) -> Self {
        Self("`\(link)` is a link to \(destination), which does not exist (or a loop of links); leadbook neither reads nor writes through it",
             hint: "remove the link, or replace it with the file or folder itself")
    }
}

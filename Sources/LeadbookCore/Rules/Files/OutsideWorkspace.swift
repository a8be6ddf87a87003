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
}

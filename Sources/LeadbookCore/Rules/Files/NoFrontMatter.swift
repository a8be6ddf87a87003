import LeadbookText

/// A customer file starts with its front matter: a `---` line, `key: value` lines, `---`.
public enum NoFrontMatter: RuleDefinition {
    public static let rule = Rule("no-front-matter", .error, "A customer file starts with a `---` front-matter line.")

    public static func report(_ message: Message, at offset: Int, _ findings: inout Findings) {
        findings.report(message, at: offset)
    }
}

extension RuleMessage where Of == NoFrontMatter {
    public static var missing: Self {
        Self("no front matter: a customer file starts with a `---` line",
             hint: "start the file with `---`, the customer's `key: value` lines, and `---`; or move the file out of the customers folder")
    }

    /// `---\r` and no line feed anywhere: the file has one long line to a reader.
    public static var carriageReturnLineEndings: Self {
        Self("lines end with a carriage return alone (old Mac line endings)", hint: "save the file with LF or CRLF line endings")
    }
}

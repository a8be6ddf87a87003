import LeadbookText

/// A value's type comes from its field, never from how it looks: `phone: 013800000001` is
/// text, `employees: "500"` is the number 500, `employees: 五百` is wrong. leadbook.yml's
/// settings have their own forms (a language, an offset, a path inside the workspace).
public enum WrongType: RuleDefinition {
    public static let rule = Rule("wrong-type", .error, "A field's value has the field's type (text, whole number, number, list, map).")

    /// What a field holds, as messages name it.
    public enum Expected {
        case text, wholeNumber, amount, list, map, mapItem

        public var description: String {
            switch self {
            case .text: return "text"
            case .wholeNumber: return "a whole number"
            case .amount: return "a number (CNY)"
            case .list: return "a list"
            case .map: return "a map"
            case .mapItem: return "a map of `key: value`"
            }
        }

        /// How to write a value of the type, when the field has no example of its own.
        public func example(_ field: String) -> String {
            switch self {
            case .text: return "\(field): some text"
            case .wholeNumber: return "\(field): 500"
            case .amount: return "\(field): 200000"
            case .list: return "\(field): [first, second]"
            case .map, .mapItem: return "\(field): {key: value}"
            }
        }
    }

    public static func report(_ message: Message, at offset: Int, _ findings: inout Findings) {
        findings.report(message, at: offset)
    }
}

extension RuleMessage where Of == WrongType {
    /// `found` is the value: its text, or what it is when it is no text ("a list"). `example`
    /// is the field's own, when it has one.
    public static func expected(_ expected: WrongType.Expected, field: String, found node: YAMLNode, example: String? = nil) -> Self {
        let shown = node.scalarText.map { "`\($0)`" } ?? node.kindDescription
        return Self("`\(field)` must be \(expected.description), not \(shown)", hint: "write it like `\(example ?? expected.example(field))`")
    }

    /// `200,000`, `1_200`: a number written with separators.
    public static func separators(_ expected: WrongType.Expected, field: String, text: String) -> Self {
        Self("`\(field)` must be \(expected == .wholeNumber ? "a whole number" : "a number") without separators, not `\(text)`",
             hint: "write the digits only: `\(field): \(text.removingSeparators())`")
    }

    public static func language(_ text: String) -> Self {
        Self("`language` must be zh-CN or en, not `\(text)`", hint: "write `language: zh-CN` or `language: en`")
    }

    public static func timezone(_ text: String) -> Self {
        Self("`timezone` must be an offset such as +08:00, not `\(text)`", hint: "write `timezone: \"+08:00\"`")
    }

    public static func idPrefix(_ text: String) -> Self {
        Self("`id_prefix` must be ASCII letters, not `\(text)`", hint: "write `id_prefix: LX`")
    }

    public static func folderOutsideWorkspace(_ field: String, _ text: String, example: String) -> Self {
        Self("`\(field)` must be a folder inside the workspace, not `\(text)`",
             hint: "write a relative path without `..`, for example `\(field): \(example)`")
    }

    public static func fileOutsideWorkspace(_ field: String, _ text: String, example: String) -> Self {
        Self("`\(field)` must be a file inside the workspace, not `\(text)`",
             hint: "write a relative path without `..`, for example `\(field): \(example)`")
    }

    public static func inGitFolder(_ field: String, _ text: String, example: String) -> Self {
        Self("`\(field)` must not be inside .git, git's own folder (its configuration and the hooks it runs), not `\(text)`",
             hint: "write a path of the workspace outside .git, for example `\(field): \(example)`")
    }

    public static func indexPII(_ text: String) -> Self {
        Self("`index_pii` must be true or false, not `\(text)`", hint: "write `index_pii: true` to show phones and emails in the index")
    }

    /// `index:` inside the customers folder would be read as a customer.
    public static func indexInCustomersFolder(_ index: String, folder: String) -> Self {
        Self("the index file \(index) is inside the customers folder, where it would be read as a customer; set `index:` in leadbook.yml to a path outside `\(folder)`",
             hint: "write `index: INDEX.md`")
    }

    /// `index:` naming leadbook.yml or a file of leadbook's own.
    public static func indexNotMarkdown(_ index: String) -> Self {
        Self("the index file cannot be \(index); set `index:` in leadbook.yml to a Markdown file such as INDEX.md",
             hint: "write `index: INDEX.md`")
    }
}

import LeadbookText

/// A value's type comes from its field, never from how it looks: `phone: 013800000001` is
/// text, `employees: "500"` is the number 500, `employees: 五百` is wrong. leadbook.yml's
/// settings have their own forms (a language, an offset, a path inside the workspace).
public enum WrongType: RuleDefinition {
    public static let rule = Rule("wrong-type", .error, Phrase("A field's value has the field's type (text, whole number, number, list, map).",
                                                         "字段的值符合字段的类型（文本、整数、数字、列表、映射）。"))

    /// What a field holds, as messages name it.
    public enum Expected {
        case text, wholeNumber, amount, list, map, mapItem

        public var description: Phrase {
            switch self {
            case .text: return Phrase("text", "文本")
            case .wholeNumber: return Phrase("a whole number", "整数")
            case .amount: return Phrase("a number (CNY)", "数字（人民币）")
            case .list: return Phrase("a list", "列表")
            case .map: return Phrase("a map", "映射")
            case .mapItem: return Phrase("a map of `key: value`", "由 `key: value` 组成的映射")
            }
        }

        /// How to write a value of the type, when the field has no example of its own.
        public func example(_ field: String) -> Phrase {
            switch self {
            case .text: return Phrase("\(field): some text", "\(field): 一段文字")
            case .wholeNumber: return Phrase(verbatim: "\(field): 500")
            case .amount: return Phrase(verbatim: "\(field): 200000")
            case .list: return Phrase("\(field): [first, second]", "\(field): [第一项, 第二项]")
            case .map, .mapItem: return Phrase(verbatim: "\(field): {key: value}")
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
        let shown = node.isEmpty ? node.kindDescription : node.scalarText.map { Phrase("`\($0)`", " `\($0)`") } ?? node.kindDescription
        let written = example.map { Phrase(verbatim: $0) } ?? expected.example(field)
        return Self(Phrase("`\(field)` must be ", "`\(field)` 必须是") + expected.description + Phrase(", not ", "，不能是") + shown,
                    hint: Phrase("write it like `", "写成 `") + written + Phrase("`", "` 这样"))
    }

    /// `200,000`, `1_200`: a number written with separators.
    public static func separators(_ expected: WrongType.Expected, field: String, text: String) -> Self {
        Self("`\(field)` must be \(expected == .wholeNumber ? "a whole number" : "a number") without separators, not `\(text)`",
             "`\(field)` 必须是不带分隔符的\(expected == .wholeNumber ? "整数" : "数字")，不能是 `\(text)`",
             hint: Phrase("write the digits only: `\(field): \(text.removingSeparators())`", "只写数字：`\(field): \(text.removingSeparators())`"))
    }

    public static func language(_ text: String) -> Self {
        Self("`language` must be zh-CN or en, not `\(text)`", "`language` 必须是 zh-CN 或 en，不能是 `\(text)`",
             hint: Phrase("write `language: zh-CN` or `language: en`", "写成 `language: zh-CN` 或 `language: en`"))
    }

    public static func timezone(_ text: String) -> Self {
        Self("`timezone` must be an offset such as +08:00, not `\(text)`", "`timezone` 必须是 +08:00 这样的时差，不能是 `\(text)`",
             hint: Phrase("write `timezone: \"+08:00\"`", "写成 `timezone: \"+08:00\"`"))
    }

    /// A `business_hours.days` item that names no weekday.
    public static func weekday(_ text: String) -> Self {
        Self("`business_hours.days` lists weekdays such as mon or 周一, not `\(text)`", "`business_hours.days` 要写星期几，例如 mon 或 周一，不能是 `\(text)`",
             hint: Phrase("write `days: [mon, tue, wed, thu, fri]` (or `[周一, 周二, 周三, 周四, 周五]`)", "写成 `days: [周一, 周二, 周三, 周四, 周五]`（或 `[mon, tue, wed, thu, fri]`）"))
    }

    /// `business_hours.from` / `to` that is no time of day.
    public static func timeOfDay(_ field: String, _ text: String) -> Self {
        Self("`\(field)` must be a time of day such as \"09:00\", not `\(text)`", "`\(field)` 必须是 \"09:00\" 这样的时刻，不能是 `\(text)`",
             hint: Phrase("write hours and minutes in quotes, for example `from: \"09:00\"`, `to: \"18:00\"`",
                          "用引号写时和分，例如 `from: \"09:00\"`、`to: \"18:00\"`"))
    }

    public static func idPrefix(_ text: String) -> Self {
        Self("`id_prefix` must be ASCII letters, not `\(text)`", "`id_prefix` 必须是英文字母，不能是 `\(text)`", hint: Phrase("write `id_prefix: LX`", "写成 `id_prefix: LX`"))
    }

    public static func folderOutsideWorkspace(_ field: String, _ text: String, example: String) -> Self {
        Self("`\(field)` must be a folder inside the workspace, not `\(text)`", "`\(field)` 必须是工作区里的文件夹，不能是 `\(text)`",
             hint: relativePath(field, example))
    }

    public static func fileOutsideWorkspace(_ field: String, _ text: String, example: String) -> Self {
        Self("`\(field)` must be a file inside the workspace, not `\(text)`", "`\(field)` 必须是工作区里的文件，不能是 `\(text)`",
             hint: relativePath(field, example))
    }

    static func relativePath(_ field: String, _ example: String) -> Phrase {
        Phrase("write a relative path without `..`, for example `\(field): \(example)`", "写不含 `..` 的相对路径，例如 `\(field): \(example)`")
    }

    public static func inGitFolder(_ field: String, _ text: String, example: String) -> Self {
        Self("`\(field)` must not be inside .git, git's own folder (its configuration and the hooks it runs), not `\(text)`",
             "`\(field)` 不能在 .git 里面（那是 git 自己的文件夹，放着它的配置和它运行的钩子），不能是 `\(text)`",
             hint: Phrase("write a path of the workspace outside .git, for example `\(field): \(example)`",
                          "写工作区里 .git 之外的路径，例如 `\(field): \(example)`"))
    }

    public static func indexPII(_ text: String) -> Self {
        Self("`index_pii` must be true or false, not `\(text)`", "`index_pii` 必须是 true 或 false，不能是 `\(text)`",
             hint: Phrase("write `index_pii: true` to show phones and emails in the index", "写 `index_pii: true` 就会在索引里显示电话和邮箱"))
    }

    /// `index:` inside the customers folder would be read as a customer.
    public static func indexInCustomersFolder(_ index: String, folder: String) -> Self {
        Self("the index file \(index) is inside the customers folder, where it would be read as a customer; set `index:` in leadbook.yml to a path outside `\(folder)`",
             "索引文件 \(index) 在客户文件夹里，会被当成客户文件来读；把 leadbook.yml 的 `index:` 设成 `\(folder)` 之外的路径",
             hint: Phrase("write `index: INDEX.md`", "写成 `index: INDEX.md`"))
    }

    /// `index:` naming leadbook.yml or a file of leadbook's own.
    public static func indexNotMarkdown(_ index: String) -> Self {
        Self("the index file cannot be \(index); set `index:` in leadbook.yml to a Markdown file such as INDEX.md",
             "索引文件不能是 \(index)；把 leadbook.yml 的 `index:` 设成 INDEX.md 这样的 Markdown 文件",
             hint: Phrase("write `index: INDEX.md`", "写成 `index: INDEX.md`"))
    }
}

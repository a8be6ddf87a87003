import LeadbookText

/// leadbook reads a small subset of YAML, the one the format needs; a feature outside it is
/// named, never guessed at.
public enum YAMLUnsupported: RuleDefinition {
    public static let rule = Rule("yaml-unsupported", .error, Phrase("The front matter uses only the supported YAML subset (no anchors, aliases, tags, multi-line flow, several documents).",
                                                               "文件头只用支持的 YAML 子集（不用锚点、别名、标签、跨行的 [...]/{...}、多个文档）。"))

    public static func report(_ problem: YAMLProblem.Unsupported, at offset: Int, _ findings: inout Findings) {
        findings.report(Message.feature(problem), at: offset)
    }
}

extension RuleMessage where Of == YAMLUnsupported {
    public static func feature(_ problem: YAMLProblem.Unsupported) -> Self {
        let subset = Phrase("write the value out in full; leadbook reads a simple subset of YAML", "把值完整写出来；leadbook 只读 YAML 的一个简单子集")
        switch problem {
        case .anchor:
            return Self("anchors (&name) are not supported", "不支持锚点（&name）", hint: subset)
        case .alias:
            return Self("aliases (*name) are not supported", "不支持别名（*name）", hint: subset)
        case .tag:
            return Self("tags (!name) are not supported", "不支持标签（!name）",
                        hint: Phrase("remove the tag; every value is read by its field's type", "删掉标签；每个值都按它所属字段的类型来读"))
        case .directive:
            return Self("directives (%YAML, %TAG) are not supported", "不支持指令（%YAML、%TAG）", hint: Phrase("remove the directive line", "删掉这行指令"))
        case .documents:
            return Self("a second document marker: only one document is supported", "出现了第二个文档标记：只支持一个文档",
                        hint: Phrase("remove the `---` or `...` line, or indent it if it belongs to a value", "删掉这行 `---` 或 `...`；如果它属于某个值，就把它缩进"))
        case .contentOnDocumentStart:
            return Self("a value on the `---` line", "`---` 行上写了值",
                        hint: Phrase("put the value on the next line; `---` stands alone", "把值移到下一行；`---` 要单独占一行"))
        case .complexKey:
            return Self("complex keys (`? key`) are not supported", "不支持复杂键（`? key`）",
                        hint: Phrase("write `key: value` with a plain or quoted key", "写成 `key: value`，键用普通文本或加引号"))
        case .emptyKey:
            return Self("a value without a key", "这个值没有键", hint: Phrase("write `key: value`", "写成 `key: value`"))
        case .flowKey:
            return Self("a list or map used as a key is not supported", "不支持用列表或映射当键",
                        hint: Phrase("use a plain or quoted text as the key", "键用普通文本或加引号的文本"))
        case .multiLineFlow:
            return Self("a [...] or {...} collection must end on the line where it starts", "[...] 或 {...} 必须在开始的那一行结束",
                        hint: Phrase("close the bracket on the same line, or write the items as a block list (`- item` lines)",
                                     "在同一行把括号闭合，或者把各项写成块列表（每行一个 `- 项`）"))
        case .pairInFlowSequence:
            return Self("`key: value` inside [...] is not supported", "不支持在 [...] 里写 `key: value`",
                        hint: Phrase("use a map {key: value} or a block list", "改用映射 {key: value} 或块列表"))
        case .multiLineKey:
            return Self("a quoted key must end on its own line", "加引号的键必须在同一行结束",
                        hint: Phrase("close the quote before the end of the line", "在行尾之前把引号闭合"))
        case .ambiguousColon:
            return Self("`:` inside a value in [...] or {...}", "[...] 或 {...} 里的值含有 `:`",
                        hint: Phrase("quote the value, for example \"10:30\"", "给值加上引号，例如 \"10:30\""))
        case .continuationText:
            return Self("a value continued on the next line contains `: ` or ` #`", "续写到下一行的值里含有 `: ` 或 ` #`",
                        hint: Phrase("quote the value, or use a block scalar (`key: |` and the text indented below)",
                                     "给值加上引号，或改用块文本（写 `key: |`，文字缩进写在下面）"))
        case .tooDeep:
            return Self("nesting deeper than 64 levels", "嵌套超过 64 层",
                        hint: Phrase("flatten the structure; front matter needs only a few levels", "减少嵌套层数；文件头只需要几层"))
        case .explicitIndentAtRoot:
            return Self("a block scalar with an indentation indicator outside a key or list item", "带缩进指示符的块文本不在键或列表项之下",
                        hint: Phrase("put the block scalar under a key", "把块文本放到某个键下面"))
        case .blockScalarSpaces:
            return Self("a blank line before the text of a block scalar has more spaces than the text", "块文本正文之前的空行比正文的空格还多",
                        hint: Phrase("remove the trailing spaces of the blank line", "删掉这个空行里多余的空格"))
        }
    }
}

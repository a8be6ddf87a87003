import LeadbookText

/// leadbook reads a small subset of YAML, the one the format needs; a feature outside it is
/// named, never guessed at.
public enum YAMLUnsupported: RuleDefinition {
    public static let rule = Rule("yaml-unsupported", .error, "The front matter uses only the supported YAML subset (no anchors, aliases, tags, multi-line flow, several documents).")

    public static func report(_ problem: YAMLProblem.Unsupported, at offset: Int, _ findings: inout Findings) {
        findings.report(Message.feature(problem), at: offset)
    }
}

extension RuleMessage where Of == YAMLUnsupported {
    public static func feature(_ problem: YAMLProblem.Unsupported) -> Self {
        let subset = "write the value out in full; leadbook reads a simple subset of YAML"
        switch problem {
        case .anchor:
            return Self("anchors (&name) are not supported", hint: subset)
        case .alias:
            return Self("aliases (*name) are not supported", hint: subset)
        case .tag:
            return Self("tags (!name) are not supported", hint: "remove the tag; every value is read by its field's type")
        case .directive:
            return Self("directives (%YAML, %TAG) are not supported", hint: "remove the directive line")
        case .documents:
            return Self("a second document marker: only one document is supported",
                        hint: "remove the `---` or `...` line, or indent it if it belongs to a value")
        case .contentOnDocumentStart:
            return Self("a value on the `---` line", hint: "put the value on the next line; `---` stands alone")
        case .complexKey:
            return Self("complex keys (`? key`) are not supported", hint: "write `key: value` with a plain or quoted key")
        case .emptyKey:
            return Self("a value without a key", hint: "write `key: value`")
        case .flowKey:
            return Self("a list or map used as a key is not supported", hint: "use a plain or quoted text as the key")
        case .multiLineFlow:
            return Self("a [...] or {...} collection must end on the line where it starts",
                        hint: "close the bracket on the same line, or write the items as a block list (`- item` lines)")
        case .pairInFlowSequence:
            return Self("`key: value` inside [...] is not supported", hint: "use a map {key: value} or a block list")
        case .multiLineKey:
            return Self("a quoted key must end on its own line", hint: "close the quote before the end of the line")
        case .ambiguousColon:
            return Self("`:` inside a value in [...] or {...}", hint: "quote the value, for example \"10:30\"")
        case .continuationText:
            return Self("a value continued on the next line contains `: ` or ` #`",
                        hint: "quote the value, or use a block scalar (`key: |` and the text indented below)")
        case .tooDeep:
            return Self("nesting deeper than 64 levels", hint: "flatten the structure; front matter needs only a few levels")
        case .explicitIndentAtRoot:
            return Self("a block scalar with an indentation indicator outside a key or list item", hint: "put the block scalar under a key")
        case .blockScalarSpaces:
            return Self("a blank line before the text of a block scalar has more spaces than the text",
                        hint: "remove the trailing spaces of the blank line")
        }
    }
}

/// Why a front matter could not be read, at a byte offset of the file.
public struct YAMLSyntaxError: Error, Sendable, Equatable {
    public let offset: Int
    public let rule: String
    public let message: String
    public let hint: String

    public init(_ offset: Int, _ problem: YAMLProblem) {
        self.offset = offset
        self.rule = problem.rule
        self.message = problem.message
        self.hint = problem.hint
    }
}

/// The messages of the YAML reader, one place for all of them.
public struct YAMLProblem {
    public let rule: String
    public let message: String
    public let hint: String

    public static let syntax = "yaml-syntax"
    public static let unsupported = "yaml-unsupported"
    public static let tabIndent = "yaml-tab-indent"
    public static let duplicate = "duplicate-key"

    public static let tab = YAMLProblem(rule: tabIndent, message: "tab character in indentation",
        hint: "indent with spaces only; YAML does not allow tabs for indentation")
    public static let anchor = YAMLProblem(rule: unsupported, message: "anchors (&name) are not supported",
        hint: "write the value out in full; leadbook reads a simple subset of YAML")
    public static let alias = YAMLProblem(rule: unsupported, message: "aliases (*name) are not supported",
        hint: "write the value out in full; leadbook reads a simple subset of YAML")
    public static let tag = YAMLProblem(rule: unsupported, message: "tags (!name) are not supported",
        hint: "remove the tag; every value is read by its field's type")
    public static let directive = YAMLProblem(rule: unsupported, message: "directives (%YAML, %TAG) are not supported",
        hint: "remove the directive line")
    public static let documents = YAMLProblem(rule: unsupported, message: "a second document marker: only one document is supported",
        hint: "remove the `---` or `...` line, or indent it if it belongs to a value")
    public static let contentOnDocumentStart = YAMLProblem(rule: unsupported, message: "a value on the `---` line",
        hint: "put the value on the next line; `---` stands alone")
    public static let complexKey = YAMLProblem(rule: unsupported, message: "complex keys (`? key`) are not supported",
        hint: "write `key: value` with a plain or quoted key")
    public static let emptyKey = YAMLProblem(rule: unsupported, message: "a value without a key",
        hint: "write `key: value`")
    public static let flowKey = YAMLProblem(rule: unsupported, message: "a list or map used as a key is not supported",
        hint: "use a plain or quoted text as the key")
    public static let multiLineFlow = YAMLProblem(rule: unsupported, message: "a [...] or {...} collection must end on the line where it starts",
        hint: "close the bracket on the same line, or write the items as a block list (`- item` lines)")
    public static let pairInFlowSequence = YAMLProblem(rule: unsupported, message: "`key: value` inside [...] is not supported",
        hint: "use a map {key: value} or a block list")
    public static let multiLineKey = YAMLProblem(rule: unsupported, message: "a quoted key must end on its own line",
        hint: "close the quote before the end of the line")
    public static let ambiguousColon = YAMLProblem(rule: unsupported, message: "`:` inside a value in [...] or {...}",
        hint: "quote the value, for example \"10:30\"")
    public static let continuationText = YAMLProblem(rule: unsupported,
        message: "a value continued on the next line contains `: ` or ` #`",
        hint: "quote the value, or use a block scalar (`key: |` and the text indented below)")
    public static let tooDeep = YAMLProblem(rule: unsupported, message: "nesting deeper than 64 levels",
        hint: "flatten the structure; front matter needs only a few levels")
    public static let explicitIndentAtRoot = YAMLProblem(rule: unsupported,
        message: "a block scalar with an indentation indicator outside a key or list item",
        hint: "put the block scalar under a key")
    public static let blockScalarSpaces = YAMLProblem(rule: unsupported,
        message: "a blank line before the text of a block scalar has more spaces than the text",
        hint: "remove the trailing spaces of the blank line")
    public static let loneCarriageReturn = YAMLProblem(rule: syntax, message: "carriage return without a line feed",
        hint: "save the file with LF or CRLF line endings")
    public static let nul = YAMLProblem(rule: syntax, message: "NUL byte in front matter",
        hint: "the file is probably binary or damaged; remove the NUL byte")

    public static func reserved(_ char: UInt8) -> YAMLProblem {
        YAMLProblem(rule: syntax, message: "a value cannot start with `\(Character(Unicode.Scalar(char)))`",
            hint: "quote the value, for example \"\(Character(Unicode.Scalar(char)))...\"")
    }
    public static func duplicateKey(_ key: String, line: Int) -> YAMLProblem {
        YAMLProblem(rule: duplicate, message: "duplicate key `\(key)` (first set on line \(line))",
            hint: "keep one of the two; a key may appear only once in a map")
    }
    public static let unterminatedDouble = YAMLProblem(rule: syntax, message: "unterminated double-quoted value",
        hint: "add the closing `\"`")
    public static let unterminatedSingle = YAMLProblem(rule: syntax, message: "unterminated single-quoted value",
        hint: "add the closing `'`")
    public static let unterminatedFlow = YAMLProblem(rule: syntax, message: "unclosed [ or {",
        hint: "add the closing bracket on the same line")
    public static func badEscape(_ text: String) -> YAMLProblem {
        YAMLProblem(rule: syntax, message: "invalid escape `\(text)` in a double-quoted value",
            hint: "write `\\\\` for a backslash, or use single quotes")
    }
    public static let textAfterValue = YAMLProblem(rule: syntax, message: "unexpected text after the value",
        hint: "quote the whole value, or start a comment with ` #`")
    public static let colonInValue = YAMLProblem(rule: syntax, message: "`: ` inside a value",
        hint: "quote the value (\"...\"), or put the nested key on its own, indented line")
    public static let dashAfterKey = YAMLProblem(rule: syntax, message: "a list cannot start on the same line as its key",
        hint: "put each `- item` on its own line below the key")
    public static let badIndentation = YAMLProblem(rule: syntax, message: "unexpected indentation",
        hint: "align this line with the keys (or `-` items) it belongs to")
    public static let expectedKey = YAMLProblem(rule: syntax, message: "expected `key: value`",
        hint: "write a key, a colon and a space before the value (`key: value`)")
    public static let itemInMapping = YAMLProblem(rule: syntax, message: "a list item where a key was expected",
        hint: "indent the `- item` under the key it belongs to")
    public static let missingColonSpace = YAMLProblem(rule: syntax, message: "missing space after `:`",
        hint: "write `key: value` with a space after the colon")
    public static let unexpectedContent = YAMLProblem(rule: syntax, message: "unexpected content after the end of the front matter's top level",
        hint: "check the indentation of this line")
    public static let badBlockHeader = YAMLProblem(rule: syntax, message: "invalid block scalar header",
        hint: "write `|` or `>` (optionally with `-`, `+` or an indentation digit) and nothing else on the line")
    public static let flowSeparator = YAMLProblem(rule: syntax, message: "expected `,` or the closing bracket",
        hint: "separate the items with commas")
    public static let emptyFlowEntry = YAMLProblem(rule: syntax, message: "empty item in [...] or {...}",
        hint: "remove the extra comma")
    public static let expectedFlowColon = YAMLProblem(rule: syntax, message: "expected `:` after the key",
        hint: "write {key: value, ...}")
    public static let unclosedDouble = YAMLProblem(rule: syntax,
        message: "the `\"` opened here is not closed before the next key",
        hint: "add the closing `\"` at the end of the value (a value that goes on must indent its next lines)")
    public static let unclosedSingle = YAMLProblem(rule: syntax,
        message: "the `'` opened here is not closed before the next key",
        hint: "add the closing `'` at the end of the value (a value that goes on must indent its next lines)")
    public static let notScalarRoot = YAMLProblem(rule: syntax, message: "unexpected value",
        hint: "front matter is a list of `key: value` lines")
}

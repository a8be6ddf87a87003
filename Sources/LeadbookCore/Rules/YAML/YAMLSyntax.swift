import LeadbookText

/// The front matter (and leadbook.yml) is well-formed YAML; the reader stops at the first
/// problem and points at it.
public enum YAMLSyntax: RuleDefinition {
    public static let rule = Rule("yaml-syntax", .error, "The front matter is well-formed YAML.")

    /// The YAML reader's error, reported under the rule of its problem: this one, or
    /// yaml-unsupported, yaml-tab-indent, yaml-control-character or duplicate-key.
    public static func report(_ error: YAMLSyntaxError, _ findings: inout Findings) {
        switch error.problem {
        case .syntax(let problem): findings.report(Message.problem(problem), at: error.offset)
        case .unsupported(let problem): YAMLUnsupported.report(problem, at: error.offset, &findings)
        case .tabIndent: YAMLTabIndent.report(at: error.offset, &findings)
        case .controlCharacter(let scalar): YAMLControlCharacter.report(scalar, at: error.offset, &findings)
        case .duplicateKey(let key, let line): DuplicateKey.report(key, firstSetOn: line, at: error.offset, &findings)
        }
    }
}

extension RuleMessage where Of == YAMLSyntax {
    public static func problem(_ problem: YAMLProblem.Syntax) -> Self {
        switch problem {
        case .loneCarriageReturn:
            return Self("carriage return without a line feed", hint: "save the file with LF or CRLF line endings")
        case .nul:
            return Self("NUL byte in front matter", hint: "the file is probably binary or damaged; remove the NUL byte")
        case .reserved(let byte):
            let char = Character(Unicode.Scalar(byte))
            return Self("a value cannot start with `\(char)`", hint: "quote the value, for example \"\(char)...\"")
        case .unterminatedDouble:
            return Self("unterminated double-quoted value", hint: "add the closing `\"`")
        case .unterminatedSingle:
            return Self("unterminated single-quoted value", hint: "add the closing `'`")
        case .unterminatedFlow:
            return Self("unclosed [ or {", hint: "add the closing bracket on the same line")
        case .badEscape(let text):
            return Self("invalid escape `\(text)` in a double-quoted value", hint: "write `\\\\` for a backslash, or use single quotes")
        case .textAfterValue:
            return Self("unexpected text after the value", hint: "quote the whole value, or start a comment with ` #`")
        case .colonInValue:
            return Self("`: ` inside a value", hint: "quote the value (\"...\"), or put the nested key on its own, indented line")
        case .dashAfterKey:
            return Self("a list cannot start on the same line as its key", hint: "put each `- item` on its own line below the key")
        case .badIndentation:
            return Self("unexpected indentation", hint: "align this line with the keys (or `-` items) it belongs to")
        case .expectedKey:
            return Self("expected `key: value`", hint: "write a key, a colon and a space before the value (`key: value`)")
        case .itemInMapping:
            return Self("a list item where a key was expected", hint: "indent the `- item` under the key it belongs to")
        case .missingColonSpace:
            return Self("missing space after `:`", hint: "write `key: value` with a space after the colon")
        case .unexpectedContent:
            return Self("unexpected content after the end of the front matter's top level", hint: "check the indentation of this line")
        case .badBlockHeader:
            return Self("invalid block scalar header",
                        hint: "write `|` or `>` (optionally with `-`, `+` or an indentation digit) and nothing else on the line")
        case .flowSeparator:
            return Self("expected `,` or the closing bracket", hint: "separate the items with commas")
        case .emptyFlowEntry:
            return Self("empty item in [...] or {...}", hint: "remove the extra comma")
        case .expectedFlowColon:
            return Self("expected `:` after the key", hint: "write {key: value, ...}")
        case .unclosedDouble:
            return Self("the `\"` opened here is not closed before the next key",
                        hint: "add the closing `\"` at the end of the value (a value that goes on must indent its next lines)")
        case .unclosedSingle:
            return Self("the `'` opened here is not closed before the next key",
                        hint: "add the closing `'` at the end of the value (a value that goes on must indent its next lines)")
        case .notScalarRoot:
            return Self("unexpected value", hint: "front matter is a list of `key: value` lines")
        }
    }
}

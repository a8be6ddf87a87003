import LeadbookText

/// The front matter (and leadbook.yml) is well-formed YAML. The reader points at the exact
/// spot of each problem; in a customer file it then resumes at the next top-level key, so one
/// problem does not hide the others.
public enum YAMLSyntax: RuleDefinition {
    public static let rule = Rule("yaml-syntax", .error, Phrase("The front matter is well-formed YAML.",
        "文件头是格式正确的 YAML"))

    /// The YAML reader's error, reported under the rule of its problem: this one, or
    /// yaml-unsupported, yaml-tab-indent, yaml-control-character, duplicate-key,
    /// full-width-colon or full-width-space; with its fix when the reader found a certain one.
    public static func report(_ error: YAMLSyntaxError, _ findings: inout Findings) {
        let fix = error.repair.map { Fix(replacing: $0.range, with: $0.replacement) }
        switch error.problem {
        case .syntax(let problem): findings.report(Message.problem(problem), at: error.offset, fix: fix)
        case .unsupported(let problem): YAMLUnsupported.report(problem, at: error.offset, &findings)
        case .tabIndent: YAMLTabIndent.report(at: error.offset, &findings)
        case .controlCharacter(let scalar): YAMLControlCharacter.report(scalar, at: error.offset, &findings)
        case .duplicateKey(let key, let line): DuplicateKey.report(key, firstSetOn: line, at: error.offset, &findings)
        case .fullWidthColon: FullWidthColon.report(at: error.offset, fix: fix, &findings)
        case .fullWidthSpace(let place): FullWidthSpace.report(place, at: error.offset, fix: fix, &findings)
        }
    }
}

extension RuleMessage where Of == YAMLSyntax {
    public static func problem(_ problem: YAMLProblem.Syntax) -> Self {
        switch problem {
        case .loneCarriageReturn:
            return Self("carriage return without a line feed", "回车符后面没有换行符",
                        hint: Phrase("save the file with LF or CRLF line endings", "把文件的换行方式存成 LF 或 CRLF"))
        case .nul:
            return Self("NUL byte in front matter", "文件头里有 NUL 字节",
                        hint: Phrase("the file is probably binary or damaged; remove the NUL byte", "文件可能是二进制文件或已损坏；删掉这个 NUL 字节"))
        case .reserved(let byte):
            let char = Character(Unicode.Scalar(byte))
            return Self("a value cannot start with `\(char)`", "值不能以 `\(char)` 开头",
                        hint: Phrase("quote the value, for example \"\(char)...\"", "给值加上英文引号，例如 \"\(char)...\""))
        case .unterminatedDouble:
            return Self("unterminated double-quoted value", "双引号没有闭合",
                        hint: Phrase("add the closing `\"`", "在值的末尾补上 `\"`"))
        case .unterminatedSingle:
            return Self("unterminated single-quoted value", "单引号没有闭合",
                        hint: Phrase("add the closing `'`", "在值的末尾补上 `'`"))
        case .unterminatedFlow:
            return Self("unclosed [ or {", "[ 或 { 没有闭合",
                        hint: Phrase("add the closing bracket on the same line", "在同一行补上右括号"))
        case .badEscape(let text):
            return Self("invalid escape `\(text)` in a double-quoted value", "双引号里的转义 `\(text)` 无效",
                        hint: Phrase("write `\\\\` for a backslash, or use single quotes", "反斜杠要写成 `\\\\`，或者改用单引号"))
        case .textAfterValue:
            return Self("unexpected text after the value", "值后面多了文字",
                        hint: Phrase("quote the whole value, or start a comment with ` #`", "把整个值放进引号里，或者用 ` #` 开始注释"))
        case .colonInValue:
            return Self("`: ` inside a value", "值里有 `: `",
                        hint: Phrase("quote the value (\"...\"), or put the nested key on its own, indented line",
                                     "给值加上英文引号（\"...\"），或者把下一级的键单独写一行并缩进"))
        case .dashAfterKey:
            return Self("a list cannot start on the same line as its key", "列表不能和它的键写在同一行",
                        hint: Phrase("put each `- item` on its own line below the key", "在键的下面每行写一个 `- 项`"))
        case .badIndentation:
            return Self("unexpected indentation", "缩进不对",
                        hint: Phrase("align this line with the keys (or `-` items) it belongs to", "让这一行和它所属的键（或 `-` 项）对齐"))
        case .indentation(let indentation):
            return misaligned(indentation)
        case .expectedKey:
            return Self("expected `key: value`", "这里应该是 `键: 值`",
                        hint: Phrase("write a key, a colon and a space before the value (`key: value`)",
                                     "在值的前面写键、英文冒号和一个空格（`key: value`）"))
        case .itemInMapping:
            return Self("a list item where a key was expected", "这里应该是键，却写了列表项",
                        hint: Phrase("indent the `- item` under the key it belongs to", "把 `- 项` 缩进到它所属的键下面"))
        case .missingColonSpace:
            return Self("missing space after `:`", "`:` 后面少了空格",
                        hint: Phrase("write `key: value` with a space after the colon", "写成 `key: value`，冒号后面加一个空格"))
        case .unexpectedContent:
            return Self("unexpected content after the end of the front matter's top level", "文件头顶层结束之后还有内容",
                        hint: Phrase("check the indentation of this line", "检查这一行的缩进"))
        case .badBlockHeader:
            return Self("invalid block scalar header", "多行文本（`|` 或 `>`）的开头写法不对",
                        hint: Phrase("write `|` or `>` (optionally with `-`, `+` or an indentation digit) and nothing else on the line",
                                     "这一行只写 `|` 或 `>`（可以带 `-`、`+` 或一个缩进数字），不要写别的"))
        case .flowSeparator:
            return Self("expected `,` or the closing bracket", "这里应该是 `,` 或右括号",
                        hint: Phrase("separate the items with commas", "各项之间用英文逗号 `,` 分隔"))
        case .emptyFlowEntry:
            return Self("empty item in [...] or {...}", "[...] 或 {...} 里有空项",
                        hint: Phrase("remove the extra comma", "删掉多余的逗号"))
        case .expectedFlowColon:
            return Self("expected `:` after the key", "键后面应该有 `:`",
                        hint: Phrase("write {key: value, ...}", "写成 {key: value, ...}"))
        case .unclosedDouble:
            return Self("the `\"` opened here is not closed before the next key", "这里开始的 `\"` 到下一个键之前都没有闭合",
                        hint: Phrase("add the closing `\"` at the end of the value (a value that goes on must indent its next lines)",
                                     "在值的末尾补上 `\"`（值要写到下一行时，下一行要缩进）"))
        case .unclosedSingle:
            return Self("the `'` opened here is not closed before the next key", "这里开始的 `'` 到下一个键之前都没有闭合",
                        hint: Phrase("add the closing `'` at the end of the value (a value that goes on must indent its next lines)",
                                     "在值的末尾补上 `'`（值要写到下一行时，下一行要缩进）"))
        case .notScalarRoot:
            return Self("unexpected value", "这里不应该有值",
                        hint: Phrase("front matter is a list of `key: value` lines", "文件头由一行行 `key: value` 组成"))
        }
    }

    /// A key line between levels: how many spaces it has, how many the keys it belongs with use.
    public static func misaligned(_ indentation: YAMLProblem.Indentation) -> Self {
        let found = indentation.found
        func keys(_ level: YAMLProblem.Indentation.Level) -> Phrase {
            guard let key = level.key else {
                return level.indent == 0 ? Phrase("the top-level keys are not indented", "顶层的键不缩进")
                    : Phrase("the top-level keys use \(level.indent)", "顶层的键缩进 \(level.indent) 个空格")
            }
            return Phrase("the keys of `\(key)` use \(level.indent)", "`\(key)` 下面的键缩进 \(level.indent) 个空格")
        }
        let levels = Phrase.joined(indentation.levels.map(keys), en: ", ", zh: "，")
        let spaces = found == 1 ? "1 space" : "\(found) spaces"
        let message = Phrase("unexpected indentation: this line is indented \(spaces); ", "缩进不对：这一行缩进了 \(found) 个空格，") + levels
        let hint: Phrase
        if indentation.levels.count == 1, let level = indentation.levels.first, level.indent == 0 {
            hint = Phrase("start it at the beginning of the line, like the other top-level keys (a key with a value holds no keys below it)",
                          "顶格写，和其他顶层的键一样（有值的键下面不能再有键）")
        } else if indentation.levels.count == 1, let level = indentation.levels.first {
            let target = level.indent == 1 ? "1 space" : "\(level.indent) spaces"
            hint = Phrase("indent it \(target), like the keys it belongs with", "改成缩进 \(level.indent) 个空格，和同级的键对齐")
        } else {
            hint = Phrase("indent it like the keys it belongs with", "改成和它同级的键一样的缩进")
        }
        return Self(message, hint: hint)
    }
}

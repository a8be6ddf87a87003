import LeadbookText

/// The four outputs of `check`: text for people, JSON for scripts, annotations for GitHub, and
/// Code Quality JSON for GitLab.
public enum DiagnosticReport {
    public struct Style {
        public var color: Bool
        /// The language of the messages, hints and labels.
        public var language: Language
        public init(color: Bool, language: Language) {
            self.color = color
            self.language = language
        }
        /// Colour is marked for the console, which alone writes escape sequences (`TerminalText`).
        public func paint(_ text: String, _ code: String) -> String { color ? TerminalText.paint(text, code) : text }
    }

    public static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// What the end of a report says: `N errors, M warnings in K files`.
    public static func tally(errors: Int, warnings: Int, files: Int) -> Phrase {
        Phrase("\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(files, "file"))",
               "\(errors) 个错误，\(warnings) 个警告，共 \(files) 个文件")
    }

    /// What the end of a report says when `leadbook fix` can remove some of its findings.
    public static func fixableTally(_ count: Int) -> Phrase {
        Phrase("\(count) of them can be fixed with `leadbook fix`", "其中 \(count) 个可以用 `leadbook fix` 自动修复")
    }

    /// The mark after the rule of a finding `leadbook fix` removes.
    public static let fixableMark = Phrase(" (fixable)", "（可自动修复）")

    /// `FILE:LINE:COL: error[RULE]: message` (`(fixable)` after the rule when `leadbook fix`
    /// removes it), the line with a caret under the column, the hint; then `N errors, M warnings
    /// in K files`, and how many of them `leadbook fix` removes.
    public static func text(_ report: CheckReport, style: Style) -> String {
        var output = ""
        let fixable = CustomerFix.fixable(report.diagnostics)
        for (diagnostic, canFix) in zip(report.diagnostics, fixable) {
            output += text(diagnostic, style: style, fixable: canFix)
        }
        let summary = tally(errors: report.errors, warnings: report.warnings, files: report.files).text(style.language)
        output += report.errors > 0 ? style.paint(summary, "1;31") : report.warnings > 0 ? style.paint(summary, "1;33") : style.paint(summary, "1;32")
        output += "\n"
        let fixableCount = fixable.reduce(0) { $0 + ($1 ? 1 : 0) }
        if fixableCount > 0 { output += fixableTally(fixableCount).text(style.language) + "\n" }
        return output
    }

    public static func text(_ diagnostic: Diagnostic, style: Style, fixable: Bool = false) -> String {
        var output = ""
        let zh = style.language == .zhCN
        let severity = diagnostic.severity == .error ? style.paint(zh ? "错误" : "error", "1;31") : style.paint(zh ? "警告" : "warning", "1;33")
        output += style.paint("\(diagnostic.file):\(diagnostic.line):\(diagnostic.column):", "1")
        let mark = fixable ? fixableMark.text(style.language) : ""
        output += " \(severity)[\(diagnostic.rule.id)]\(mark): \(diagnostic.phrase.text(style.language))\n"
        if let line = diagnostic.sourceLine {
            let number = String(diagnostic.line)
            let gutter = String(repeating: " ", count: number.count)
            // Shown as the terminal shows it, control characters escaped whatever the output
            // is, and the caret moved right by what their escapes add.
            let tabless = line.replacingTabs()
            let shown = TerminalText.render(tabless, escaping: true)
            output += " \(number) | \(shown)\n"
            output += " \(gutter) | \(String(repeating: " ", count: shownCaret(tabless, diagnostic.caretOffset)))\(style.paint("^", "1;32"))\n"
        }
        if !diagnostic.hintPhrase.isEmpty {
            output += "  \(style.paint(zh ? "提示" : "hint", "1;36"))\(zh ? "：" : ": ")\(diagnostic.hintPhrase.text(style.language))\n"
        }
        return output
    }

    /// One diagnostic as `text` shows it without colour, in both languages (for a message that
    /// carries diagnostics, such as a refused write).
    public static func phrase(_ diagnostic: Diagnostic) -> Phrase {
        Phrase(text(diagnostic, style: Style(color: false, language: .en)), text(diagnostic, style: Style(color: false, language: .zhCN)))
    }

    /// The caret's offset under `line` as `TerminalText` shows it: `caret` cells of the line
    /// as written, where each control character before the caret takes the cells of its escape
    /// (`\u{1B}`: six) instead of one.
    public static func shownCaret(_ line: String, _ caret: Int) -> Int {
        var written = 0, shown = 0
        for scalar in line.unicodeScalars {
            guard written < caret else { break }
            let cells = DisplayWidth.of(scalar)
            written += cells
            shown += scalar.value < 0x20 || TerminalText.isShownEscaped(scalar)
                ? DisplayWidth.of(TerminalText.render(String(scalar), escaping: true)) : cells
        }
        return shown + max(0, caret - written)
    }

    /// Messages and hints in `language`; keys, rule ids and severities the same in both.
    /// `fixable` (each finding, and their count) says what `leadbook fix` removes.
    public static func json(_ report: CheckReport, language: Language) -> String {
        let fixable = CustomerFix.fixable(report.diagnostics)
        let items: [JSON] = zip(report.diagnostics, fixable).map { diagnostic, canFix in
            .object([
                ("file", .string(diagnostic.file)), ("line", .int(diagnostic.line)), ("column", .int(diagnostic.column)),
                ("severity", .string(diagnostic.severity.rawValue)), ("rule", .string(diagnostic.rule.id)),
                ("message", .string(diagnostic.phrase.text(language))), ("hint", .string(diagnostic.hintPhrase.text(language))),
                ("fixable", .bool(canFix)),
            ])
        }
        return JSON.object([
            ("files", .int(report.files)), ("errors", .int(report.errors)), ("warnings", .int(report.warnings)),
            ("fixable", .int(fixable.reduce(0) { $0 + ($1 ? 1 : 0) })),
            ("diagnostics", .array(items)),
        ]).rendered() + "\n"
    }

    /// GitHub Actions workflow commands; `prefix` is the workspace's path inside the repository.
    public static func github(_ report: CheckReport, pathPrefix: String = "", language: Language) -> String {
        var output = ""
        for diagnostic in report.diagnostics {
            let kind = diagnostic.severity == .error ? "error" : "warning"
            let file = escapeProperty(pathPrefix + diagnostic.file)
            let hint = diagnostic.hintPhrase.isEmpty ? "" : (language == .zhCN ? "\n提示：" : "\nhint: ") + diagnostic.hintPhrase.text(language)
            let message = escapeData(diagnostic.phrase.text(language) + hint)
            output += "::\(kind) file=\(file),line=\(diagnostic.line),col=\(diagnostic.column),title=\(escapeProperty(diagnostic.rule.id))::\(message)\n"
        }
        return output
    }

    /// A GitLab Code Quality report (a JSON array), for `artifacts: reports: codequality`.
    /// The fingerprint hashes the file, rule and message (not the line), so a finding keeps it
    /// when lines above it move; the same finding twice in one file is told apart by its count.
    /// The fingerprint uses the English message, so it does not change with the language.
    public static func gitlab(_ report: CheckReport, pathPrefix: String = "", language: Language) -> String {
        var seen: [String: Int] = [:]
        let items: [JSON] = report.diagnostics.map { diagnostic in
            let path = pathPrefix + diagnostic.file
            let key = path + "\u{0}" + diagnostic.rule.id + "\u{0}" + diagnostic.message
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            let hint = diagnostic.hintPhrase.text(language)
            let description = diagnostic.phrase.text(language) + (hint.isEmpty ? "" : language == .zhCN ? "（提示：\(hint)）" : " (hint: \(hint))")
            return .object([
                ("description", .string(description)),
                ("check_name", .string(diagnostic.rule.id)),
                ("fingerprint", .string(StableHash.hex(key + "\u{0}" + String(occurrence)))),
                ("severity", .string(diagnostic.severity == .error ? "major" : "minor")),
                ("location", .object([("path", .string(path)), ("lines", .object([("begin", .int(diagnostic.line))]))])),
            ])
        }
        return JSON.array(items).rendered() + "\n"
    }

    public static func escapeData(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    public static func escapeProperty(_ text: String) -> String {
        var output = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": output += "%3A"
            case ",": output += "%2C"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

extension String {
    /// Tabs shown as single spaces so the caret (which counts a tab as one cell) lines up.
    public func replacingTabs() -> String {
        String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
    }
}

import LeadbookCore
import LeadbookText

/// Which language leadbook speaks in a run: `--lang` on the command line, else `LEADBOOK_LANG`,
/// else the workspace's `language` in leadbook.yml, else the system's locale (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`), else Chinese, the toolkit's language. Files leadbook writes for the
/// team (INDEX.md, a new customer's headings) follow leadbook.yml alone, whatever a rep chose.
struct LanguageChoice {
    /// `--lang` or `LEADBOOK_LANG`, when given.
    let explicit: Language?
    /// `--lang` alone, when given (it also decides the language of the files a command writes).
    var option: Language? = nil

    /// A `--lang` or `LEADBOOK_LANG` that names no language, and what to say.
    struct Refused: Error {
        let phrase: Phrase
    }

    /// Which workspace's leadbook.yml to ask when nothing explicit was given.
    enum WorkspaceToAsk {
        /// The one the current folder is in.
        case current
        /// The one the parsed arguments name (`-C DIR`) or the current folder is in.
        case named(ParsedArguments)
    }

    /// Reads `--lang VALUE` / `--lang=VALUE` (before a `--`) and `LEADBOOK_LANG`; a value that is
    /// neither language is refused with what to give instead.
    static func make(_ arguments: [String], _ environment: [String: String]) -> Result<LanguageChoice, Refused> {
        var given: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--lang" {
                guard index + 1 < arguments.count else { return .failure(Refused(phrase: Message.noValue)) }
                given = arguments[index + 1]
                index += 2
                continue
            }
            if argument.hasPrefix("--lang=") { given = String(argument.dropFirst("--lang=".count)) }
            index += 1
        }
        if let given {
            guard let language = Language(code: given) else { return .failure(Refused(phrase: Message.unknown(given, "--lang"))) }
            return .success(LanguageChoice(explicit: language, option: language))
        }
        if let value = environment["LEADBOOK_LANG"], !value.isEmpty {
            guard let language = Language(code: value) else { return .failure(Refused(phrase: Message.unknown(value, "LEADBOOK_LANG"))) }
            return .success(LanguageChoice(explicit: language))
        }
        return .success(LanguageChoice(explicit: nil))
    }

    /// The language when no workspace is asked: the locale's, else Chinese.
    static func fallback(_ environment: [String: String]) -> Language {
        Language.ofLocale(environment) ?? .zhCN
    }

    /// The language to speak: the explicit one, else (when asked) the workspace's, else the fallback.
    func language(workspace: WorkspaceToAsk?, _ context: CommandContext) -> Language {
        if let explicit { return explicit }
        if let workspace {
            let located: Result<String, Workspace.LocateError>
            switch workspace {
            case .current: located = Workspace.locate(from: context.currentDirectory, explicit: nil)
            case .named(let parsed): located = context.locateWorkspace(parsed)
            }
            if case .success(let root) = located, let language = Workspace.language(root: root) {
                return language
            }
        }
        return Self.fallback(context.environment)
    }
}

extension LanguageChoice {
    enum Message {
        static let noValue = Phrase("leadbook: --lang needs a value: zh-CN or en\n", "leadbook：--lang 后面要写语言：zh-CN 或 en\n")
        static func unknown(_ value: String, _ source: String) -> Phrase {
            Phrase("leadbook: \(source) `\(value)` is not a language leadbook speaks; use zh-CN or en\n",
                   "leadbook：\(source) 的值「\(value)」不是 leadbook 支持的语言，请用 zh-CN 或 en\n")
        }
    }
}

import LeadbookCore
import LeadbookText

/// One option of a command: `--long VALUE`, `-s VALUE` or a flag.
public struct OptionSpec: Sendable {
    public let long: String
    public let short: Character?
    /// The value's placeholder (`DIR`); nil for a flag.
    public let value: String?
    public let repeatable: Bool
    public let help: Phrase

    public init(_ long: String, short: Character? = nil, value: String? = nil, repeatable: Bool = false, help: Phrase) {
        self.long = long
        self.short = short
        self.value = value
        self.repeatable = repeatable
        self.help = help
    }

    public static let workspace = OptionSpec("workspace", short: "C", value: "DIR", help: Phrase(
        "the workspace folder (default: the first folder upwards with leadbook.yml)",
        "工作区文件夹（默认：从当前文件夹往上找到的第一个含 leadbook.yml 的文件夹）"))
    public static let noConfig = OptionSpec("no-config", help: Phrase(
        "use the folder as the workspace although it has no leadbook.yml (the toolkit's defaults)",
        "没有 leadbook.yml 也把这个文件夹当作工作区（使用工具包的默认设置）"))
    public static let language = OptionSpec("lang", value: "LANG", help: Phrase(
        "the language of what leadbook says: zh-CN or en (default: LEADBOOK_LANG, then leadbook.yml's language)",
        "leadbook 输出的语言：zh-CN 或 en（默认取 LEADBOOK_LANG，其次是 leadbook.yml 的 language）"))
    public static let help = OptionSpec("help", short: "h", help: Phrase("show this help", "显示本帮助"))
}

/// A command's arguments, parsed.
public struct ParsedArguments: Sendable {
    public var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    public func value(_ long: String) -> String? { values[long]?.last }
    public func values(_ long: String) -> [String] { values[long] ?? [] }
    public func flag(_ long: String) -> Bool { flags.contains(long) }
}

public struct UsageError: Error, Equatable {
    /// What is wrong with the arguments, in both languages.
    public let phrase: Phrase
    public init(_ phrase: Phrase) { self.phrase = phrase }
    /// The words in English (tests).
    public var message: String { phrase.en }
}

public enum ArgumentParser {
    /// Parses `arguments` against `options`. `--name=value`, `--name value`, `-C value`, `-Cvalue`
    /// and `--` (everything after it is positional) are understood. With `trailingPaths` N and
    /// no `--`, the last N arguments (when there are N) are positional whatever they look like,
    /// and only the ones before them are read as options: git gives a merge driver the path of
    /// the file, which may begin with `-` (`-leads/customers/...`).
    public static func parse(_ arguments: [String], options: [OptionSpec], trailingPaths: Int = 0) -> Result<ParsedArguments, UsageError> {
        if trailingPaths > 0, arguments.count >= trailingPaths, !arguments.contains("--") {
            let split = arguments.count - trailingPaths
            return parse(Array(arguments[..<split]), options: options).map { parsed in
                var parsed = parsed
                parsed.positionals += arguments[split...]
                return parsed
            }
        }
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        func spec(long: String) -> OptionSpec? { options.first { $0.long == long } }
        func spec(short: Character) -> OptionSpec? { options.first { $0.short == short } }
        /// `--name`, `--name=...` or `-X` of one of `options` (a value never looks like that).
        func names(_ argument: String) -> Bool {
            if argument.hasPrefix("--") {
                let name = argument.dropFirst(2).prefix { $0 != "=" }
                return !name.isEmpty && spec(long: String(name)) != nil
            }
            return argument.count == 2 && argument.hasPrefix("-") && spec(short: argument.last!) != nil
        }
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" { onlyPositionals = true; continue }
            var option: OptionSpec?
            var inlineValue: String?
            if argument.hasPrefix("--") {
                var name = String(argument.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
                option = spec(long: name)
                if option == nil {
                    let near = Suggestion.closest(to: name, among: options.map(\.long))
                    return .failure(UsageError(Message.unknownOption(name, near: near)))
                }
            } else {
                let short = argument[argument.index(after: argument.startIndex)]
                option = spec(short: short)
                if option == nil { return .failure(UsageError(Message.unknownShortOption(short))) }
                if argument.count > 2 { inlineValue = String(argument.dropFirst(2)) }
            }
            let found = option!
            if found.value == nil {
                if inlineValue != nil { return .failure(UsageError(Message.takesNoValue(found.long))) }
                parsed.flags.insert(found.long)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                // The next argument is the value, unless it is another of the command's options:
                // `--satisfaction -C dir` left the value out.
                guard index < arguments.count, !names(arguments[index]) else {
                    return .failure(UsageError(Message.needsValue(found.long, found.value!)))
                }
                value = arguments[index]
                index += 1
            }
            if !found.repeatable, parsed.values[found.long] != nil {
                return .failure(UsageError(Message.givenTwice(found.long)))
            }
            parsed.values[found.long, default: []].append(value)
        }
        return .success(parsed)
    }
}

extension ArgumentParser {
    /// What the parser says of arguments it cannot take.
    enum Message {
        static func unknownOption(_ name: String, near: String?) -> Phrase {
            Phrase("unknown option --\(name)" + (near.map { "; did you mean --\($0)?" } ?? ""),
                   "没有 --\(name) 这个选项" + (near.map { "，是不是要写 --\($0)？" } ?? ""))
        }
        static func unknownShortOption(_ short: Character) -> Phrase {
            Phrase("unknown option -\(short)", "没有 -\(short) 这个选项")
        }
        static func takesNoValue(_ option: String) -> Phrase {
            Phrase("--\(option) takes no value", "--\(option) 后面不带值")
        }
        static func needsValue(_ option: String, _ placeholder: String) -> Phrase {
            Phrase("--\(option) needs a value (\(placeholder))", "--\(option) 后面要写一个值（\(placeholder)）")
        }
        static func givenTwice(_ option: String) -> Phrase {
            Phrase("--\(option) is given twice", "--\(option) 写了两次，只能写一次")
        }
    }
}

import Foundation
import LeadbookCore
import LeadbookText

/// What a command is called, what it takes, and its help text (in both languages).
public struct CommandSpec: Sendable {
    public let name: String
    public let summary: Phrase
    public let usage: String
    public let options: [OptionSpec]
    public let details: Phrase
    /// How many arguments at the end are always paths, never options (`ArgumentParser`).
    public let trailingPaths: Int

    public init(name: String, summary: Phrase, usage: String, options: [OptionSpec], details: Phrase = .empty, trailingPaths: Int = 0) {
        self.name = name
        self.summary = summary
        let opensWorkspace = options.contains { $0.long == OptionSpec.workspace.long } && !Self.withoutWorkspace.contains(name)
        self.usage = (opensWorkspace ? usage + " [--no-config]" : usage) + " [--lang LANG]"
        self.options = options + (opensWorkspace ? [.noConfig] : []) + [.language, .help]
        self.details = details
        self.trailingPaths = trailingPaths
    }

    /// Commands that take `-C DIR` but do not open a workspace there: `init` makes one, and the
    /// merge driver works with or without leadbook.yml. Every other command with `-C` takes
    /// `--no-config`.
    static let withoutWorkspace: Set<String> = ["init", "merge-driver"]

    /// `leadbook NAME: summary`, the usage line, the details and every option with its help.
    public func help(_ language: Language) -> String {
        let zh = language == .zhCN
        var text = "leadbook \(name)\(zh ? "：" : ": ")\(summary.text(language))\n\n\(zh ? "用法：" : "usage: ")\(usage)\n"
        if !details.isEmpty { text += "\n" + details.text(language) + "\n" }
        text += zh ? "\n选项：\n" : "\noptions:\n"
        let labels = options.map { option -> String in
            var label = option.short.map { "-\($0), " } ?? "    "
            label += "--" + option.long
            if let value = option.value { label += " " + value }
            return label
        }
        let width = labels.map(\.count).max() ?? 0
        for (label, option) in zip(labels, options) {
            text += "  " + label + String(repeating: " ", count: width - label.count + 2) + option.help.text(language)
            if option.repeatable { text += zh ? "（可重复）" : " (repeatable)" }
            text += "\n"
        }
        return text
    }
}

/// Everything a command may use of the outside world, passed in so tests can stand in for it.
public struct CommandContext {
    public let console: Console
    public let environment: [String: String]
    public let currentDirectory: String
    /// The index refresh a writing command makes inside its write (set for each run).
    var indexUpkeep: IndexUpkeep.Pending?
    /// The language `--lang` names on the command line, nil without it (`LEADBOOK_LANG` is not
    /// one): what leadbook writes for the team (`summary --out`, `export`) follows leadbook.yml
    /// unless it is given.
    public var languageOption: Language?
    /// The clock: what "now" is for the commands that read it (`--at` and `--as-of` left out,
    /// the 24-hour rule); the system's, or a fixed moment in tests.
    public var clock: @Sendable () -> Date = { Date() }

    public init(console: Console, environment: [String: String], currentDirectory: String) {
        self.console = console
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    /// Now in the workspace's time zone, by `clock`.
    public func now(_ configuration: Configuration) -> LocalDateTime {
        configuration.timezone.localTime(secondsSince1970: Int(clock().timeIntervalSince1970))
    }

    /// The language of what the command says (`LanguageChoice`).
    public var language: Language { console.language }

    /// How diagnostics are shown on this console: its colour and language.
    public var style: DiagnosticReport.Style { DiagnosticReport.Style(color: color, language: language) }

    /// Colour on a terminal, never with NO_COLOR (https://no-color.org).
    public var color: Bool {
        console.isTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }

    /// The workspace named by `-C` or found from the current folder; without leadbook.yml only
    /// with `--no-config`.
    public func locateWorkspace(_ arguments: ParsedArguments) -> Result<String, Workspace.LocateError> {
        Workspace.locate(from: currentDirectory, explicit: arguments.value("workspace"),
                         requireConfiguration: !arguments.flag(OptionSpec.noConfig.long))
    }

    /// The folder of the workspace named by `-C` or found from the current folder; prints why not.
    public func workspaceRoot(_ arguments: ParsedArguments) -> String? {
        switch locateWorkspace(arguments) {
        case .success(let root):
            return root
        case .failure(let error):
            console.err(Message.noWorkspace(error.phrase))
            return nil
        }
    }

    /// Opens the workspace named by `-C` or found from the current folder; prints why not. A
    /// leadbook.yml with errors (unreadable, not UTF-8, not YAML, a value out of its range) is
    /// refused with its diagnostics: the command would otherwise run without the team's
    /// settings. `check` passes `refusingConfigurationErrors: false` and reports them as findings.
    public func openWorkspace(_ arguments: ParsedArguments, refusingConfigurationErrors: Bool = true) -> Workspace? {
        guard let workspace = workspaceRoot(arguments).map({ Workspace.open(root: $0) }) else { return nil }
        guard refusingConfigurationErrors else { return workspace }
        let errors = workspace.configurationDiagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return workspace }
        var text = ""
        for diagnostic in errors { text += DiagnosticReport.text(diagnostic, style: style) }
        console.err(text + Message.brokenConfiguration(errors.count))
        return nil
    }

    /// Prints `leadbook COMMAND: text` on stderr, then the command's usage line when given.
    func complain(_ text: Phrase, _ command: String, usage: String? = nil) {
        console.err(Message.problem(text, command, usage: usage))
    }

    /// A path given on the command line as an absolute path (a relative one is taken from the
    /// current folder).
    public func absolute(_ argument: String) -> String {
        argument.hasPrefix("/") ? argument : currentDirectory + "/" + argument
    }

    /// A path given on the command line, relative to the workspace (nil when outside it).
    public func workspaceRelative(_ argument: String, in workspace: Workspace) -> String? {
        let absolute = Workspace.normalize(self.absolute(argument))
        let root = workspace.root.hasSuffix("/") ? workspace.root : workspace.root + "/"
        if absolute == workspace.root { return "" }
        guard absolute.hasPrefix(root) else {
            // The folder may be reached through a symlink: compare resolved paths.
            if let resolved = FileAccess.resolve(absolute), let resolvedRoot = FileAccess.resolve(workspace.root),
               resolved.hasPrefix(resolvedRoot + "/") {
                return String(resolved.dropFirst(resolvedRoot.count + 1))
            }
            return nil
        }
        return String(absolute.dropFirst(root.count))
    }
}

public protocol Command {
    static var spec: CommandSpec { get }
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode
}

extension Command {
    /// Reads `--NAME` as one of `allowed`, printing a usage error otherwise.
    static func choice(_ arguments: ParsedArguments, _ name: String, _ allowed: [String], default value: String,
                       _ context: CommandContext) -> String? {
        guard let given = arguments.value(name) else { return value }
        if allowed.contains(given) { return given }
        notAChoice(given, name, allowed, context)
        return nil
    }

    /// Reads every `--NAME` of a repeatable option as one of `allowed`, each once, in the order
    /// given; `values` when there is none. nil after printing a usage error.
    static func choices(_ arguments: ParsedArguments, _ name: String, _ allowed: [String], default values: [String],
                        _ context: CommandContext) -> [String]? {
        var chosen: [String] = []
        for given in arguments.values(name) {
            guard allowed.contains(given) else {
                notAChoice(given, name, allowed, context)
                return nil
            }
            if !chosen.contains(given) { chosen.append(given) }
        }
        return chosen.isEmpty ? values : chosen
    }

    static func notAChoice(_ given: String, _ name: String, _ allowed: [String], _ context: CommandContext) {
        let near = Suggestion.closest(to: given, among: allowed)
        context.complain(CommandContext.Message.notAChoice(name, allowed, near: near), spec.name)
    }
}

extension CommandContext {
    /// What every command says the same way.
    enum Message {
        /// How a command tells of a problem: `leadbook COMMAND: text`, then `usage: ...` when given.
        static func problem(_ text: Phrase, _ command: String, usage: String? = nil) -> Phrase {
            Phrase("leadbook \(command): ", "leadbook \(command)：") + text + "\n"
                + (usage.map { Phrase("usage: \($0)\n", "用法：\($0)\n") } ?? .empty)
        }
        static func noWorkspace(_ reason: Phrase) -> Phrase { Phrase("leadbook: ", "leadbook：") + reason + "\n" }
        static func brokenConfiguration(_ count: Int) -> Phrase {
            Phrase("leadbook: leadbook.yml has \(DiagnosticReport.plural(count, "error")); nothing was done: fix \(count == 1 ? "it" : "them") (`leadbook check` lists every finding) and run the command again\n",
                   "leadbook：leadbook.yml 有 \(count) 个错误，什么都没有做：先改好（`leadbook check` 会列出每一处问题），再运行一次\n")
        }
        static func notAChoice(_ option: String, _ allowed: [String], near: String?) -> Phrase {
            Phrase("--\(option) must be one of \(allowed.joined(separator: ", "))" + (near.map { "; did you mean \($0)?" } ?? ""),
                   "--\(option) 只能是 \(allowed.joined(separator: "、")) 之一" + (near.map { "，是不是要写 \($0)？" } ?? ""))
        }
    }
}


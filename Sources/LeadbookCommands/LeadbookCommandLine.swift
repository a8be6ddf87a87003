import LeadbookCore
import LeadbookText

/// The `leadbook` command line: finds the command, parses its options, runs it.
/// The executable only passes in the arguments, the console and the environment.
public enum LeadbookCommandLine {
    public static let version = BuildStamp.version

    /// A command's help and how to run it.
    public struct Entry {
        public let spec: CommandSpec
        public let run: (ParsedArguments, CommandContext) -> ExitCode

        init<C: Command>(_ command: C.Type) {
            spec = C.spec
            run = C.run
        }
    }

    public static let commands: [Entry] = [
        Entry(CheckCommand.self),
        Entry(ShowCommand.self),
        Entry(FindCommand.self),
        Entry(ListCommand.self),
        Entry(NewCommand.self),
        Entry(LogCommand.self),
        Entry(FeedbackCommand.self),
        Entry(SyncCommand.self),
        Entry(FixCommand.self),
        Entry(ExplainCommand.self),
        Entry(AssignCommand.self),
        Entry(AgendaCommand.self),
        Entry(SummaryCommand.self),
        Entry(ReportCommand.self),
        Entry(IndexCommand.self),
        Entry(DupesCommand.self),
        Entry(MergeCommand.self),
        Entry(ImportCommand.self),
        Entry(ExportCommand.self),
        Entry(InitCommand.self),
        Entry(HookCommand.self),
        Entry(RenumberCommand.self),
        Entry(MergeDriverCommand.self),
        Entry(RulesCommand.self),
        Entry(LspCommand.self),
    ]

    public static func run(_ given: [String], _ context: CommandContext) -> ExitCode {
        let choice: LanguageChoice
        var arguments = given
        // `leadbook --lang en COMMAND ...`: the language may come before the command too.
        if arguments.first == "--lang", arguments.count > 2 {
            arguments.removeFirst(2)
        } else if arguments.first?.hasPrefix("--lang=") == true {
            arguments.removeFirst()
        }
        switch LanguageChoice.make(given, context.environment) {
        case .success(let made): choice = made
        case .failure(let problem):
            context.console.language = LanguageChoice.fallback(context.environment)
            context.console.err(problem.phrase)
            return .failure
        }
        context.console.language = choice.language(workspace: nil, context)
        guard let first = arguments.first else {
            context.console.language = choice.language(workspace: .current, context)
            context.console.out(help(context.console.language))
            return .ok
        }
        switch first {
        case "--version", "-V", "version":
            context.console.out(Message.version(version))
            return .ok
        case "--help", "-h", "help":
            context.console.language = choice.language(workspace: .current, context)
            if arguments.count > 1, let entry = command(named: arguments[1]) {
                context.console.out(entry.spec.help(context.console.language))
            } else {
                context.console.out(help(context.console.language))
            }
            return .ok
        default:
            break
        }
        guard let entry = command(named: first) else {
            context.console.language = choice.language(workspace: .current, context)
            let near = Suggestion.closest(to: first, among: commands.map(\.spec.name))
            context.console.err(Message.unknownCommand(first, near: near))
            return .failure
        }
        let rest = Array(arguments.dropFirst())
        switch ArgumentParser.parse(rest, options: entry.spec.options, trailingPaths: entry.spec.trailingPaths) {
        case .failure(let error):
            context.console.language = choice.language(workspace: .current, context)
            context.complain(error.phrase, entry.spec.name, usage: entry.spec.usage)
            return .failure
        case .success(let parsed):
            context.console.language = choice.language(workspace: .named(parsed), context)
            if parsed.flag("help") {
                context.console.out(entry.spec.help(context.console.language))
                return .ok
            }
            if IndexUpkeep.writers.contains(entry.spec.name),
               case .success(let root) = context.locateWorkspace(parsed) {
                let folder = Workspace.configuration(root: root).customersFolder
                if Workspace.customersFolderEscapes(root: root, folder: folder) {
                    context.complain(Message.customersFolderEscapes(folder), entry.spec.name)
                    return .failure
                }
            }
            var context = context
            context.languageOption = choice.option
            if IndexUpkeep.writers.contains(entry.spec.name) { context.indexUpkeep = IndexUpkeep.Pending(inPlace: IndexUpkeep.inPlaceWriters.contains(entry.spec.name)) }
            let code = entry.run(parsed, context)
            IndexUpkeep.afterWrite(entry.spec.name, parsed, context, code)
            return code
        }
    }

    static func command(named name: String) -> Entry? {
        commands.first { $0.spec.name == name }
    }

    /// The list of commands, in `language`.
    public static func help(_ language: Language) -> String {
        var text = Message.helpHead(version).text(language)
        let width = commands.map(\.spec.name.count).max() ?? 0
        for command in commands {
            text += "  " + command.spec.name + String(repeating: " ", count: width - command.spec.name.count + 2) + command.spec.summary.text(language) + "\n"
        }
        text += Message.helpFoot.text(language)
        return text
    }
}

extension LeadbookCommandLine {
    /// What the command line says before a command runs.
    enum Message {
        /// `leadbook 0.2.0 (commit 1a2b3c4d5e6f)`: the version first, as scripts read it.
        static func version(_ version: String, commit: String = BuildStamp.commit) -> Phrase {
            let unstamped = commit == "unknown"
            return Phrase("leadbook \(version) (commit \(commit.prefix(12)))\n",
                          "leadbook \(version)（\(unstamped ? "提交未知" : "提交 \(commit.prefix(12))")）\n")
        }
        static func helpHead(_ version: String) -> Phrase {
            Phrase("leadbook \(version): sales leads in plain text, checked and summarised\n\nusage: leadbook COMMAND [OPTIONS]\n\ncommands:\n",
                   "leadbook \(version)：用纯文本管理销售线索，校验、汇总一步到位\n\n用法：leadbook 命令 [选项]\n\n命令：\n")
        }
        static let helpFoot = Phrase(
            "\nRun `leadbook COMMAND --help` for a command's options.\nExit codes: 0 ok, 1 findings, 2 usage or I/O failure.\nAdd `--lang en` or `--lang zh-CN` to any command to choose its language.\n",
            "\n运行 `leadbook 命令 --help` 查看该命令的选项。\n退出码：0 正常，1 有问题需处理，2 用法错误或读写失败。\n任何命令加上 `--lang zh-CN` 或 `--lang en` 可选择输出语言。\n")
        static func unknownCommand(_ name: String, near: String?) -> Phrase {
            Phrase("leadbook: unknown command `\(name)`" + (near.map { "; did you mean `\($0)`?" } ?? "")
                   + "\nrun `leadbook --help` for the list of commands\n",
                   "leadbook：没有 `\(name)` 这个命令" + (near.map { "，是不是要写 `\($0)`？" } ?? "")
                   + "\n运行 `leadbook --help` 查看所有命令\n")
        }
        static func customersFolderEscapes(_ folder: String) -> Phrase {
            Phrase("the customers folder `\(folder)` leads outside the workspace; leadbook does not write there (run `leadbook check`)",
                   "客户文件夹 `\(folder)` 指到了工作区外面，leadbook 不会往那里写（运行 `leadbook check` 查看）")
        }
    }
}

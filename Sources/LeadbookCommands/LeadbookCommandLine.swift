import LeadbookCore
import LeadbookText

/// The `leadbook` command line: finds the command, parses its options, runs it.
/// The executable only passes in the arguments, the console and the environment.
public enum LeadbookCommandLine {
    public static let version = "0.1.0"

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
        Entry(NewCommand.self),
        Entry(LogCommand.self),
        Entry(FeedbackCommand.self),
        Entry(SyncCommand.self),
        Entry(FixCommand.self),
        Entry(ExplainCommand.self),
        Entry(AssignCommand.self),
        Entry(AgendaCommand.self),
        Entry(SummaryCommand.self),
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
    ]

    public static func run(_ arguments: [String], _ context: CommandContext) -> ExitCode {
        guard let first = arguments.first else {
            context.console.out(help)
            return .ok
        }
        switch first {
        case "--version", "-V", "version":
            context.console.out(Message.version(version))
            return .ok
        case "--help", "-h", "help":
            if arguments.count > 1, let entry = command(named: arguments[1]) {
                context.console.out(entry.spec.help)
            } else {
                context.console.out(help)
            }
            return .ok
        default:
            break
        }
        guard let entry = command(named: first) else {
            let near = Suggestion.closest(to: first, among: commands.map(\.spec.name))
            context.console.err(Message.unknownCommand(first, near: near))
            return .failure
        }
        let rest = Array(arguments.dropFirst())
        switch ArgumentParser.parse(rest, options: entry.spec.options, trailingPaths: entry.spec.trailingPaths) {
        case .failure(let error):
            context.complain(error.message, entry.spec.name, usage: entry.spec.usage)
            return .failure
        case .success(let parsed):
            if parsed.flag("help") {
                context.console.out(entry.spec.help)
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
            if IndexUpkeep.writers.contains(entry.spec.name) { context.indexUpkeep = IndexUpkeep.Pending(inPlace: IndexUpkeep.inPlaceWriters.contains(entry.spec.name)) }
            let code = entry.run(parsed, context)
            IndexUpkeep.afterWrite(entry.spec.name, parsed, context, code)
            return code
        }
    }

    static func command(named name: String) -> Entry? {
        commands.first { $0.spec.name == name }
    }

    public static var help: String {
        var text = """
        leadbook \(version): sales leads in plain text, checked and summarised

        usage: leadbook COMMAND [OPTIONS]

        commands:

        """
        let width = commands.map(\.spec.name.count).max() ?? 0
        for command in commands {
            text += "  " + command.spec.name + String(repeating: " ", count: width - command.spec.name.count + 2) + command.spec.summary + "\n"
        }
        text += """

        Run `leadbook COMMAND --help` for a command's options.
        Exit codes: 0 ok, 1 findings, 2 usage or I/O failure.

        """
        return text
    }
}

extension LeadbookCommandLine {
    /// What the command line says before a command runs.
    enum Message {
        static func version(_ version: String) -> String { "leadbook \(version)\n" }
        static func unknownCommand(_ name: String, near: String?) -> String {
            "leadbook: unknown command `\(name)`" + (near.map { "; did you mean `\($0)`?" } ?? "")
                + "\nrun `leadbook --help` for the list of commands\n"
        }
        static func customersFolderEscapes(_ folder: String) -> String {
            "the customers folder `\(folder)` leads outside the workspace; leadbook does not write there (run `leadbook check`)"
        }
    }
}

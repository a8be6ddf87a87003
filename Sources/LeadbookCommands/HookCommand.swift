import LeadbookCore
import LeadbookText

/// `leadbook hook install`: the pre-commit hook and the merge driver for the workspace's repository.
public enum HookCommand: Command {
    public static let spec = CommandSpec(
        name: "hook",
        summary: "install the git hooks (pre-commit check, post-merge index) and the merge driver for customer files",
        usage: "leadbook hook install [-C DIR]",
        options: [.workspace],
        details: """
        Installs .git/hooks/pre-commit and pre-merge-commit, which run
        `leadbook check --staged --against HEAD`, and post-merge, which runs `leadbook index`
        after a merge (a hook already there is kept as NAME.before-leadbook and runs first; it
        is never overwritten), registers `leadbook merge-driver` in .git/config, and adds the
        lines that use it to the workspace's .gitattributes. Run it once in every clone (git
        does not copy hooks or .git/config); running it again updates the hooks.
        """)

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard arguments.positionals == ["install"] else {
            context.complain(Message.onlyInstall, spec.name, usage: spec.usage)
            return .failure
        }
        // The .gitattributes lines name the customers folder and the index file of leadbook.yml:
        // a broken one is refused, not replaced by the defaults.
        guard let workspace = context.openWorkspace(arguments) else { return .failure }
        do {
            for line in try GitHooks.install(root: workspace.root, configuration: workspace.configuration) {
                context.console.out(line + "\n")
            }
        } catch {
            context.complain("\(error)", spec.name)
            return .failure
        }
        return .ok
    }
}

extension HookCommand {
    /// What `leadbook hook` says.
    enum Message {
        static let onlyInstall = "the subcommand is `install`"
    }
}

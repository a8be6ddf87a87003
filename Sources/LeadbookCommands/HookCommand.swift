import Foundation
import LeadbookCore
import LeadbookText

/// `leadbook hook install`: the pre-commit hook and the merge driver for the workspace's
/// repository. `leadbook hook index`: what the pre-commit hook runs once the staged files check
/// clean (the staged index file brought up to date with the staged customer files, and staged).
public enum HookCommand: Command {
    public static let spec = CommandSpec(
        name: "hook",
        summary: Phrase("install the git hooks (pre-commit check, post-merge index) and the merge driver for customer files",
                        "安装 git 钩子（提交前校验、合并后更新索引）和客户文件的合并驱动"),
        usage: "leadbook hook install|index [-C DIR]",
        options: [.workspace],
        details: Phrase("""
        install: installs .git/hooks/pre-commit and pre-merge-commit, which run
        `leadbook check --staged --against HEAD` and, when the staged files check clean,
        `leadbook hook index`, and post-merge, which runs `leadbook index` after a merge (a hook
        already there is kept as NAME.before-leadbook and runs first; it is never overwritten),
        registers `leadbook merge-driver` in .git/config, sets `core.quotePath false` (Chinese file
        names shown as text), and adds the lines that use the driver to the workspace's
        .gitattributes. The hooks run this leadbook by its absolute path, and the one on PATH when
        that file is gone. Run it once in every clone (git does not copy hooks or .git/config);
        running it again updates the hooks.
        index: brings the staged index file (INDEX.md) up to date with the staged customer files
        and stages it; nothing else is staged, and edits not yet added stay out of it.
        """, """
        install：安装 .git/hooks/pre-commit 和 pre-merge-commit，它们运行
        `leadbook check --staged --against HEAD`，暂存的文件校验通过后再运行 `leadbook hook index`；
        安装 post-merge，合并后运行 `leadbook index`（已有的钩子保留为 NAME.before-leadbook 并先运行，
        不会被覆盖）；在 .git/config 中登记 `leadbook merge-driver`，设置 `core.quotePath false`
        （中文文件名直接显示），并在工作区的 .gitattributes 中加入使用合并驱动的设置。钩子按绝对路径
        运行安装它的这个 leadbook，那个文件不在了就用 PATH 中的 leadbook。每个克隆运行一次（git 不会
        复制钩子和 .git/config）；再次运行会更新钩子。
        index：按暂存的客户文件更新暂存区中的索引文件（INDEX.md）并暂存它；不暂存其他任何文件，
        还没有 `git add` 的修改也不会进入索引。
        """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        switch arguments.positionals {
        case ["install"]: return install(arguments, context)
        case ["index"]: return stageIndex(arguments, context)
        default:
            context.complain(Message.subcommands, spec.name, usage: spec.usage)
            return .failure
        }
    }

    static func install(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        // The .gitattributes lines name the customers folder and the index file of leadbook.yml:
        // a broken one is refused, not replaced by the defaults.
        guard let workspace = context.openWorkspace(arguments) else { return .failure }
        do {
            for line in try GitHooks.install(root: workspace.root, configuration: workspace.configuration) {
                context.console.out(line + "\n")
            }
        } catch let failure as GitHooks.Failure {
            context.complain(failure.phrase, spec.name)
            return .failure
        } catch {
            context.complain(.of(error), spec.name)
            return .failure
        }
        return .ok
    }

    /// The staged index file made from the staged customer files, and staged. When the
    /// workspace's working tree is what is staged (no unstaged edit, no untracked file), that is
    /// `leadbook index --stage`; otherwise the staged files are checked out into a temporary
    /// folder, the index is made there and its blob staged, so no edit that is not staged
    /// reaches the commit, and no customer file is ever staged.
    static func stageIndex(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        // The staged leadbook.yml has been checked; the working tree's (an edit not staged) does
        // not stop the commit.
        guard let workspace = context.openWorkspace(arguments, refusingConfigurationErrors: false) else { return .failure }
        let here = Git(directory: workspace.root)
        guard let top = here.topLevel(), let prefix = try? here.succeed(["rev-parse", "--show-prefix"]).line else {
            context.complain(Message.notInGit(workspace.root), spec.name)
            return .failure
        }
        let git = Git(directory: top)
        let folder = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        let inRepository = { (path: String) in folder.isEmpty ? path : folder + "/" + path }
        do {
            let indexPath = inRepository(workspace.configuration.indexFile)
            let before = try stagedBlob(git, indexPath)
            let scope = folder.isEmpty ? "." : folder
            let unstaged = try git.run(["diff", "--quiet", "--", scope]).status != 0
            let others = try git.succeed(["ls-files", "-z", "--others", "--exclude-standard", "--", scope]).stdout
            let untracked = !others.isEmpty
            var code = ExitCode.ok
            if !unstaged && !untracked {
                // Only an index file that is in the commit is kept up to date.
                guard before != nil else { return .ok }
                code = runIndex(["--stage", "-C", workspace.root], context)
            } else {
                // The working tree's index file follows the working tree's customer files, unless
                // it has edits of its own.
                let indexEdited = try git.run(["diff", "--quiet", "--", indexPath]).status != 0
                code = try stageFromStagedFiles(git, folder: folder, context)
                if code != .failure, before != nil, !indexEdited {
                    _ = runIndex(["-C", workspace.root], context, quiet: true)
                }
            }
            guard code != .failure else { return .failure }
            if let after = try stagedBlob(git, indexPath), after != before {
                context.console.err(Message.staged(workspace.configuration.indexFile))
            }
            return .ok
        } catch {
            context.complain(Message.cannotStage(workspace.configuration.indexFile, "\(error)"), spec.name)
            return .failure
        }
    }

    /// The staged files of the workspace in a temporary folder; the index made there from them,
    /// its blob staged at the index file's path of the staged leadbook.yml.
    static func stageFromStagedFiles(_ git: Git, folder: String, _ context: CommandContext) throws -> ExitCode {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-hook-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let files = try git.succeed(["ls-files", "-z", "--", folder.isEmpty ? "." : folder]).stdout
        _ = try git.succeed(["checkout-index", "-z", "--stdin", "--prefix=" + temporary + "/"], input: files)
        let copy = folder.isEmpty ? temporary : temporary + "/" + folder
        guard FileAccess.exists(copy + "/" + Workspace.configurationFileName) else { return .ok }
        let indexFile = Workspace.configuration(root: copy).indexFile
        let indexPath = folder.isEmpty ? indexFile : folder + "/" + indexFile
        guard let entry = try stagedEntry(git, indexPath) else { return .ok }
        let code = runIndex(["-C", copy], context)
        guard code != .failure else { return .failure }
        let blob = try git.succeed(["hash-object", "-w", "--path=" + indexPath, copy + "/" + indexFile]).text
        if blob != entry.blob {
            _ = try git.succeed(["update-index", "--cacheinfo", entry.mode + "," + blob + "," + indexPath])
        }
        return code
    }

    /// Runs `leadbook index ARGUMENTS`, passing on what it says on standard error (not its
    /// confirmations, which `stageIndex` words once).
    static func runIndex(_ given: [String], _ context: CommandContext, quiet: Bool = false) -> ExitCode {
        let console = RecordingConsole(language: context.language)
        let inner = CommandContext(console: console, environment: context.environment, currentDirectory: context.currentDirectory)
        guard case .success(let parsed) = ArgumentParser.parse(given, options: IndexCommand.spec.options) else { return .failure }
        let code = IndexCommand.run(parsed, inner)
        if !quiet && !console.errors.isEmpty { context.console.err(console.errors) }
        return code
    }

    /// The blob staged at `path` (from the top of the repository), nil when none is.
    static func stagedBlob(_ git: Git, _ path: String) throws -> String? {
        try stagedEntry(git, path)?.blob
    }

    static func stagedEntry(_ git: Git, _ path: String) throws -> (mode: String, blob: String)? {
        try git.stagedEntries([path]).first.map { ($0.mode, $0.object) }
    }
}

extension HookCommand {
    /// What `leadbook hook` says.
    enum Message {
        static let subcommands = Phrase("the subcommand is `install` or `index`", "子命令是 `install` 或 `index`")
        static func notInGit(_ root: String) -> Phrase {
            Phrase("\(root) is not in a git repository: there is no staging area to bring the index file up to date in",
                   "\(root) 不在 git 仓库中：没有可以更新索引文件的暂存区")
        }
        static func staged(_ indexFile: String) -> Phrase {
            Phrase("leadbook: \(indexFile) brought up to date with the staged customer files and staged\n",
                   "leadbook：已按暂存的客户文件更新 \(indexFile) 并暂存\n")
        }
        static func cannotStage(_ indexFile: String, _ reason: String) -> Phrase {
            Phrase("cannot bring the staged \(indexFile) up to date: \(reason)", "无法更新暂存区中的 \(indexFile)：\(reason)")
        }
    }
}

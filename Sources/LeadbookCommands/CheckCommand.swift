import LeadbookCore
import LeadbookText

/// `leadbook check`: validate the workspace (or some files of it) and print the findings.
public enum CheckCommand: Command {
    public static let spec = CommandSpec(
        name: "check",
        summary: Phrase("validate every customer file and leadbook.yml", "校验每个客户文件和 leadbook.yml"),
        usage: "leadbook check [PATHS...] [-C DIR] [--staged] [--against REV] [--format text|json|github|gitlab] [--strict] [--no-cache]",
        options: [
            .workspace,
            OptionSpec("format", value: "FORMAT", help: Phrase(
                "text (default), json, github (workflow annotations) or gitlab (Code Quality report)",
                "text（默认）、json、github（工作流注释）或 gitlab（Code Quality 报告）")),
            OptionSpec("strict", help: Phrase("warnings fail the check too", "有警告也算不通过")),
            OptionSpec("staged", help: Phrase(
                "check what the next commit would record: staged files, read from git's staging area",
                "校验下一次提交会记下的内容：从 git 暂存区读取已暂存的文件")),
            OptionSpec("against", value: "REV", help: Phrase(
                "also report log entries that existed at REV and were changed or removed",
                "同时报告在 REV 时已有、之后被改动或删除的记录")),
            .noCache,
        ],
        details: Phrase("""
        With PATHS, reports the findings of those files (or folders) only; rules across files
        (unique ids, merge targets, possible duplicates) still see the whole workspace. PATHS
        are relative to the current folder, as the shell completes them, also with -C.
        --staged (the pre-commit hook) reads the staged customer files and leadbook.yml from git's
        staging area, so edits not yet added neither hide nor cause errors; ids are still checked
        against the rest of the tree, and a name, phone or email the commit adds against every
        customer that has it (possible-duplicate).
        --against REV (the hook uses HEAD, CI the merge base of a pull request) reports rule
        log-rewritten: the log is append-only; only ticking `- [ ]` and filling feedback's
        `resolved` and `confirmed` may change an old entry.
        Exit 0 when clean, 1 with errors (or warnings under --strict), 2 on usage or I/O failure.
        """, """
        给出 PATHS 时只报告这些文件（或文件夹）的问题；跨文件的规则（编号唯一、合并目标、
        疑似重复）仍然看整个工作区。PATHS 相对于当前文件夹（和 shell 补全的一样），用 -C 时也是。
        --staged（pre-commit 钩子用它）从 git 暂存区读取已暂存的客户文件和 leadbook.yml，
        还没 add 的改动既不会掩盖错误，也不会带来错误；编号仍和工作区其余文件比对，
        这次提交新加的名称、电话或邮箱会和所有客户比对（疑似重复）。
        --against REV（钩子用 HEAD，CI 用合并请求的合并基点）报告规则 log-rewritten：
        跟进记录只能追加；旧记录只允许勾选 `- [ ]`，以及补填客户反馈的 `resolved` 和 `confirmed`。
        退出码：没有问题为 0，有错误（或 --strict 下有警告）为 1，用法错误或读写失败为 2。
        """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let format = choice(arguments, "format", ["text", "json", "github", "gitlab"], default: "text", context) else { return .failure }
        if arguments.flag("staged") {
            return runStaged(arguments, format: format, context)
        }
        guard var workspace = context.openWorkspace(arguments, refusingConfigurationErrors: false) else { return .failure }
        workspace.cache = context.cacheSetting(arguments)
        var only: Set<String>?
        if !arguments.positionals.isEmpty {
            var selected: Set<String> = []
            for argument in arguments.positionals {
                guard let relative = context.workspaceRelative(argument, in: workspace) else {
                    context.complain(Message.outsideTheWorkspace(argument), spec.name)
                    return .failure
                }
                if relative == Workspace.configurationFileName {
                    selected.insert(relative)
                    continue
                }
                let inFolder = workspace.customerPaths.filter { relative.isEmpty || $0.hasPrefix(relative + "/") }
                if workspace.customerPaths.contains(relative) {
                    selected.insert(relative)
                } else if !inFolder.isEmpty {
                    selected.formUnion(inFolder)
                } else if FileAccess.isDirectory(workspace.absolute(relative)) {
                    continue
                } else if FileAccess.exists(workspace.absolute(relative)) {
                    context.complain(Message.notACustomerFile(argument, folder: workspace.configuration.customersFolder), spec.name)
                    return .failure
                } else {
                    context.complain(Message.noSuchFile(argument), spec.name)
                    return .failure
                }
            }
            only = selected
        }
        var report = WorkspaceCheck.run(workspace, only: only)
        if let revision = arguments.value("against") {
            do {
                var history = try LogHistory.checkWorkingTree(root: workspace.root, revision: revision,
                                                              folder: workspace.configuration.customersFolder)
                if let only { history.removeAll { !only.contains($0.file) } }
                report.diagnostics += history
                report.diagnostics.sort(by: Diagnostic.ordered)
            } catch {
                context.complain(Message.against(revision, .of(error)), spec.name)
                return .failure
            }
        }
        return finish(report, format: format, root: workspace.root, arguments, context)
    }

    static func finish(_ report: CheckReport, format: String, root: String, _ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        switch format {
        case "json": context.console.out(DiagnosticReport.json(report, language: context.language))
        case "github": context.console.out(DiagnosticReport.github(report, pathPrefix: GitRepository.prefix(of: root), language: context.language))
        case "gitlab": context.console.out(DiagnosticReport.gitlab(report, pathPrefix: GitRepository.prefix(of: root), language: context.language))
        default: context.console.out(DiagnosticReport.text(report, style: context.style))
        }
        if report.errors > 0 || (arguments.flag("strict") && report.warnings > 0) { return .findings }
        return .ok
    }

    /// `--staged`: git's staging area, not the working tree.
    static func runStaged(_ arguments: ParsedArguments, format: String, _ context: CommandContext) -> ExitCode {
        guard arguments.positionals.isEmpty else {
            context.complain(Message.stagedTakesNoPaths, spec.name, usage: spec.usage)
            return .failure
        }
        guard let root = context.workspaceRoot(arguments) else { return .failure }
        guard Git(directory: root).topLevel() != nil else {
            context.complain(Message.notInGit(root), spec.name)
            return .failure
        }
        let outcome: StagedCheck.Outcome
        do {
            outcome = try StagedCheck.run(root: root, against: arguments.value("against"), clock: context.clock)
        } catch {
            context.complain(.of(error), spec.name)
            return .failure
        }
        for note in outcome.phrases { context.complain(note, spec.name) }
        let code = finish(outcome.report, format: format, root: root, arguments, context)
        if code == .findings && format == "text" {
            let derived: Set<Rule> = [StaleGrade.rule, StaleStatus.rule, StaleNext.rule]
            if outcome.report.diagnostics.contains(where: { derived.contains($0.rule) }) {
                context.console.err(Message.syncThenCommit)
            } else {
                context.console.err(Message.fixThenCommit)
            }
        }
        return code
    }
}

extension CheckCommand {
    /// What `leadbook check` says besides its findings.
    enum Message {
        static func outsideTheWorkspace(_ path: String) -> Phrase {
            Phrase("\(path) is outside the workspace (-C DIR names the workspace folder)",
                   "\(path) 不在工作区里（用 -C DIR 指定工作区文件夹）")
        }
        static func notACustomerFile(_ path: String, folder: String) -> Phrase {
            Phrase("\(path) is not a customer file (customer files are .md files under \(folder)/)",
                   "\(path) 不是客户文件（客户文件是 \(folder)/ 下的 .md 文件）")
        }
        static func noSuchFile(_ path: String) -> Phrase { Phrase("\(path): no such file", "\(path)：没有这个文件") }
        static func against(_ revision: String, _ error: Phrase) -> Phrase {
            Phrase("--against \(revision): ", "--against \(revision)：") + error
        }
        static let stagedTakesNoPaths = Phrase("--staged checks every staged file; give no PATHS with it",
                                               "--staged 会校验所有已暂存的文件，不要再写 PATHS")
        static func notInGit(_ root: String) -> Phrase {
            Phrase("--staged reads git's staging area, but \(root) is not in a git repository (run `git init`, or `leadbook init`)",
                   "--staged 读取 git 暂存区，但 \(root) 不在 git 仓库里（运行 `git init` 或 `leadbook init`）")
        }
        /// What the pre-commit hook tells after its findings: the derived values are stale.
        static let syncThenCommit = Phrase(
            "leadbook: run `leadbook sync` to write the derived values (grade, status, next), then `git add` the files and commit again\n",
            "leadbook：运行 `leadbook sync` 写入推算出的值（等级、状态、下次跟进），再 `git add` 这些文件，重新提交\n")
        /// What the pre-commit hook tells after any other findings.
        static let fixThenCommit = Phrase("leadbook: fix the staged files above, `git add` them and commit again\n",
                                          "leadbook：改好上面列出的已暂存文件，`git add` 之后重新提交\n")
    }
}

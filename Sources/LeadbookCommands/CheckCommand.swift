import LeadbookCore
import LeadbookText

/// `leadbook check`: validate the workspace (or some files of it) and print the findings.
public enum CheckCommand: Command {
    public static let spec = CommandSpec(
        name: "check",
        summary: "validate every customer file and leadbook.yml",
        usage: "leadbook check [PATHS...] [-C DIR] [--staged] [--against REV] [--format text|json|github|gitlab] [--strict]",
        options: [
            .workspace,
            OptionSpec("format", value: "FORMAT", help: "text (default), json, github (workflow annotations) or gitlab (Code Quality report)"),
            OptionSpec("strict", help: "warnings fail the check too"),
            OptionSpec("staged", help: "check what the next commit would record: staged files, read from git's staging area"),
            OptionSpec("against", value: "REV", help: "also report log entries that existed at REV and were changed or removed"),
        ],
        details: """
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
        """)

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let format = choice(arguments, "format", ["text", "json", "github", "gitlab"], default: "text", context) else { return .failure }
        if arguments.flag("staged") {
            return runStaged(arguments, format: format, context)
        }
        guard let workspace = context.openWorkspace(arguments, refusingConfigurationErrors: false) else { return .failure }
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
                context.complain(Message.against(revision, "\(error)"), spec.name)
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
            outcome = try StagedCheck.run(root: root, against: arguments.value("against"))
        } catch {
            context.complain("\(error)", spec.name)
            return .failure
        }
        for note in outcome.notes { context.complain(note, spec.name) }
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
        static func outsideTheWorkspace(_ path: String) -> String { "\(path) is outside the workspace (-C DIR names the workspace folder)" }
        static func notACustomerFile(_ path: String, folder: String) -> String {
            "\(path) is not a customer file (customer files are .md files under \(folder)/)"
        }
        static func noSuchFile(_ path: String) -> String { "\(path): no such file" }
        static func against(_ revision: String, _ error: String) -> String { "--against \(revision): \(error)" }
        static let stagedTakesNoPaths = "--staged checks every staged file; give no PATHS with it"
        static func notInGit(_ root: String) -> String {
            "--staged reads git's staging area, but \(root) is not in a git repository (run `git init`, or `leadbook init`)"
        }
        /// What the pre-commit hook tells after its findings: the derived values are stale.
        static let syncThenCommit = "leadbook: run `leadbook sync` to write the derived values (grade, status, next), then `git add` the files and commit again\n"
        /// What the pre-commit hook tells after any other findings.
        static let fixThenCommit = "leadbook: fix the staged files above, `git add` them and commit again\n"
    }
}

/// `leadbook check`: validate the workspace (or some files of it) and print the findings.
public enum CheckCommand: Command {
    public static let spec = CommandSpec(
        name: "check",
        summary: "validate every customer file and leadbook.yml",
        usage: "leadbook check [PATHS...] [-C DIR] [--format text|json|github] [--strict]",
        options: [
            .workspace,
            OptionSpec("format", value: "FORMAT", help: "text (default), json, or github (workflow annotations)"),
            OptionSpec("strict", help: "warnings fail the check too"),
        ],
        details: """
        With PATHS, reports the findings of those files (or folders) only; rules across files
        (unique ids, merge targets) still see the whole workspace.
        Exit 0 when clean, 1 with errors (or warnings under --strict), 2 on usage or I/O failure.
        """)

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let format = choice(arguments, "format", ["text", "json", "github"], default: "text", context) else { return .failure }
        guard let workspace = context.openWorkspace(arguments) else { return .failure }
        var only: Set<String>?
        if !arguments.positionals.isEmpty {
            var selected: Set<String> = []
            for argument in arguments.positionals {
                guard let relative = context.workspaceRelative(argument, in: workspace) else {
                    context.console.err("leadbook check: \(argument) is outside the workspace (-C DIR names the workspace folder)\n")
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
                    context.console.err("leadbook check: \(argument) is not a customer file (customer files are .md files under \(workspace.configuration.customersFolder)/)\n")
                    return .failure
                } else {
                    context.console.err("leadbook check: \(argument): no such file\n")
                    return .failure
                }
            }
            only = selected
        }
        let report = WorkspaceCheck.run(workspace, only: only)
        switch format {
        case "json": context.console.out(DiagnosticReport.json(report))
        case "github": context.console.out(DiagnosticReport.github(report, pathPrefix: GitRepository.prefix(of: workspace.root)))
        default: context.console.out(DiagnosticReport.text(report, style: .init(color: context.color)))
        }
        if report.errors > 0 || (arguments.flag("strict") && report.warnings > 0) { return .findings }
        return .ok
    }
}

/// `leadbook sync`: write every derived value (grade, status, next; proposed scores).
public enum SyncCommand: Command {
    public static let spec = CommandSpec(
        name: "sync",
        summary: "write derived values: grade from score, status and next from the log",
        usage: "leadbook sync [-C DIR] [--dry-run]",
        options: [.workspace, OptionSpec("dry-run", help: "print the changes as a unified diff and write nothing (exit 1 if any)")],
        details: """
        Only the derived values change; every other byte of a file stays as it was. A file with
        errors (see `leadbook check`) is left alone and named. Running sync twice changes nothing
        the second time.
        """)

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let workspace = context.openWorkspace(arguments) else { return .failure }
        let dryRun = arguments.flag("dry-run")
        var lock: WorkspaceLock?
        if !dryRun {
            do { lock = try WorkspaceLock(root: workspace.root) } catch {
                context.console.err("leadbook sync: \(error)\n")
                return .failure
            }
        }
        defer { lock?.release() }
        let paths = workspace.customerPaths
        let outcomes = ParallelMap.map(paths.count) { index -> CustomerSync.Outcome in
            guard case .success(let bytes) = FileAccess.read(workspace.absolute(paths[index])) else {
                return .skipped(path: paths[index], errors: 1)
            }
            return CustomerSync.sync(path: paths[index], bytes: bytes, configuration: workspace.configuration)
        }
        var changed = 0
        var skipped: [String] = []
        var failed = false
        for outcome in outcomes {
            switch outcome {
            case .unchanged: continue
            case .skipped(let path, _): skipped.append(path)
            case .changed(let change):
                changed += 1
                if dryRun {
                    context.console.out(UnifiedDiff.diff(old: change.before, new: change.after, path: change.path))
                    continue
                }
                do {
                    try AtomicFile.write(change.after, to: workspace.absolute(change.path))
                    context.console.out("updated \(change.path): \(change.notes.joined(separator: ", "))\n")
                } catch {
                    context.console.err("leadbook sync: \(error)\n")
                    failed = true
                }
            }
        }
        for path in skipped {
            context.console.err("leadbook sync: skipped \(path): it has errors; run `leadbook check \(path)`\n")
        }
        if !dryRun {
            context.console.out(changed == 0 ? "everything is in sync\n" : "\(changed) file\(changed == 1 ? "" : "s") updated\n")
        }
        if failed { return .failure }
        if dryRun && changed > 0 { return .findings }
        return skipped.isEmpty ? .ok : .findings
    }
}

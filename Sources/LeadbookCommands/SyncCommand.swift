import LeadbookCore
import LeadbookText

/// `leadbook sync`: write every derived value (grade, status, next; proposed scores).
public enum SyncCommand: Command {
    public static let spec = CommandSpec(
        name: "sync",
        summary: "write derived values: grade from score, status and next from the log; the index tables",
        usage: "leadbook sync [-C DIR] [--dry-run]",
        options: [.workspace, OptionSpec("dry-run", help: "print the changes (customer files and the index) as a unified diff and write nothing (exit 1 if any)")],
        details: """
        Only the derived values change; every other byte of a file stays as it was. A file with
        errors (see `leadbook check`) is left alone and named. The index file (leadbook.yml
        `index`, default INDEX.md) is created or brought up to date as `leadbook index` would.
        Running sync twice changes nothing the second time.
        """)

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard var opened = context.openWorkspace(arguments) else { return .failure }
        let dryRun = arguments.flag("dry-run")
        var lock: WorkspaceLock?
        if !dryRun {
            guard let taken = context.lockReporting(&opened, "sync") else { return .failure }
            lock = taken
        }
        defer { lock?.release() }
        let workspace = opened
        let paths = workspace.customerPaths
        let configuration = workspace.configuration
        // The index rows are made from each file as sync leaves it, in the same read; a dry
        // run keeps their text only when it has to show how the index would change.
        func collect(keepText: Bool) -> CustomerFiles.Reading<(CustomerSync.Outcome, IndexRows?)> {
            let extraction = WorkspaceIndex.extraction(workspace, owners: false, keepText: keepText)
            return WorkspaceIndex.map(CustomerFiles(workspace), days: configuration.indexDays) { index, bytes -> (CustomerSync.Outcome, IndexRows?) in
                let path = paths[index]
                let result = CustomerReader.read(path: path, bytes: bytes, configuration: configuration)
                let outcome = CustomerSync.sync(result, path: path, bytes: bytes, configuration: configuration)
                var customer = result.customer
                if case .changed(let change) = outcome {
                    customer = CustomerReader.read(path: path, bytes: change.after, configuration: configuration).customer
                }
                return (outcome, customer.flatMap { extraction.rows($0, path: path) })
            } unread: { index, _ in .skipped(path: paths[index], errors: 1) }
        }
        let reading = collect(keepText: !dryRun)
        var changed = 0
        var skipped: [String] = []
        var failed = false
        let indexRows = reading.values.compactMap { $0.1 }
        for (outcome, _) in reading.values {
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
        context.tellUnread(reading.unread)
        for path in skipped {
            context.console.err("leadbook sync: skipped \(path): it has errors; run `leadbook check \(path)`\n")
        }
        let index = failed ? (ok: true, changed: false) : IndexUpkeep.report(WorkspaceIndex.refresh(workspace, indexRows, dryRun: dryRun), command: "sync", context)
        if dryRun && index.changed {
            context.console.out(WorkspaceIndex.pendingDiff(workspace, collect(keepText: true).values.compactMap { $0.1 }))
        }
        if !dryRun {
            if changed > 0 {
                context.console.out("\(changed) file\(changed == 1 ? "" : "s") updated\n")
            } else if !index.changed && index.ok {
                context.console.out("everything is in sync\n")
            }
        }
        if failed { return .failure }
        if dryRun && (changed > 0 || index.changed) { return .findings }
        return skipped.isEmpty && index.ok ? .ok : .findings
    }
}

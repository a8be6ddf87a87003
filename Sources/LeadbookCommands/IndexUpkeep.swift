import LeadbookCore
import LeadbookText

/// After a command that writes customer files (new, log, feedback, merge, assign, import,
/// renumber), the index file is brought up to date when the workspace has one, so the
/// working tree is always consistent and `git add -A && git commit` records both.
enum IndexUpkeep {
    static let writers: Set<String> = ["new", "log", "feedback", "merge", "assign", "import", "renumber"]

    /// Commands that may have written some files and still exit 1 (customers left unassigned,
    /// bad rows skipped); the others exit 1 only when they refused and wrote nothing.
    static let partialWriters: Set<String> = ["assign", "import"]

    static func afterWrite(_ command: String, _ arguments: ParsedArguments, _ context: CommandContext, _ code: ExitCode) {
        guard writers.contains(command), code == .ok || (code == .findings && partialWriters.contains(command)),
              !arguments.flag("dry-run") else { return }
        guard case .success(let root) = Workspace.locate(from: context.currentDirectory, explicit: arguments.value("workspace")) else { return }
        let opened = Workspace.open(root: root)
        guard WorkspaceIndex.misplaced(opened.configuration) == nil,
              FileAccess.exists(opened.absolute(opened.configuration.indexFile)) else { return }
        let write: CustomerWrite
        do { write = try CustomerWrite(opened) } catch {
            context.console.err("leadbook \(command): \(opened.configuration.indexFile) not updated: \(Refusal(error).message); run `leadbook index`\n")
            return
        }
        defer { write.release() }
        let workspace = write.workspace
        let extraction = WorkspaceIndex.extraction(workspace, owners: false, keepText: true)
        let (rows, _, unread) = WorkspaceIndex.collect(workspace, extraction)
        _ = report(WorkspaceIndex.refresh(workspace, rows, dryRun: false), command: command, context)
        context.tellUnread(unread)
        CustomerSet.warnAboutErrors(unread.map(\.file), command, context,
                                    consequence: "\(workspace.configuration.indexFile) leaves them out; ")
    }

    /// Prints what a refresh of the index file did; returns whether it went well and whether
    /// the file changed (or would change).
    static func report(_ refresh: WorkspaceIndex.Refresh, command: String, _ context: CommandContext) -> (ok: Bool, changed: Bool) {
        switch refresh {
        case .misplaced(let reason):
            context.console.err("leadbook \(command): \(reason)\n")
        case .wouldCreate(let path):
            context.console.out("would create \(path)\n")
        case .wouldUpdate(let path, let differences):
            for message in differences { context.console.out("would update \(path): \(message)\n") }
        case .created(let path):
            context.console.out("created \(path)\n")
        case .updated(let path, let tables):
            context.console.out("updated \(path): \(tables.map(\.rawValue).joined(separator: ", "))\n")
        case .unchanged:
            break
        case .problems(let path, let diagnostics):
            for diagnostic in diagnostics { context.console.err(DiagnosticReport.text(diagnostic, style: .init(color: context.color))) }
            context.console.err("leadbook \(command): \(path) was not updated; fix its markers first\n")
        case .failed(let error):
            context.console.err("leadbook \(command): \(error)\n")
        }
        return (refresh.ok, refresh.changed)
    }
}

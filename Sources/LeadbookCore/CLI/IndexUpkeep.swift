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
        var opened = Workspace.open(root: root)
        guard WorkspaceIndex.misplaced(opened.configuration) == nil,
              FileAccess.exists(opened.absolute(opened.configuration.indexFile)) else { return }
        let lock: WorkspaceLock
        do { lock = try opened.lock() } catch {
            context.console.err("leadbook \(command): \(opened.configuration.indexFile) not updated: \(error); run `leadbook index`\n")
            return
        }
        defer { lock.release() }
        let workspace = opened
        let extraction = WorkspaceIndex.extraction(workspace, owners: false, keepText: true)
        let (rows, _) = WorkspaceIndex.collect(workspace, extraction)
        _ = WorkspaceIndex.refresh(workspace, rows, dryRun: false, command: command, context)
    }
}

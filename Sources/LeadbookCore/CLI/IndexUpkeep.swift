/// After a command that writes customer files (new, log, feedback, merge, assign, import,
/// renumber), the index file is brought up to date when the workspace has one, so the
/// working tree is always consistent and `git add -A && git commit` records both.
enum IndexUpkeep {
    static let writers: Set<String> = ["new", "log", "feedback", "merge", "assign", "import", "renumber"]

    static func afterWrite(_ command: String, _ arguments: ParsedArguments, _ context: CommandContext, _ code: ExitCode) {
        guard writers.contains(command), code != .failure, !arguments.flag("dry-run"), !arguments.flag("help") else { return }
        guard case .success(let root) = Workspace.locate(from: context.currentDirectory, explicit: arguments.value("workspace")) else { return }
        let workspace = Workspace.open(root: root)
        guard WorkspaceIndex.misplaced(workspace.configuration) == nil,
              FileAccess.exists(workspace.absolute(workspace.configuration.indexFile)) else { return }
        let lock: WorkspaceLock
        do { lock = try WorkspaceLock(root: workspace.root) } catch {
            context.console.err("leadbook \(command): \(workspace.configuration.indexFile) not updated: \(error); run `leadbook index`\n")
            return
        }
        defer { lock.release() }
        let extraction = WorkspaceIndex.extraction(workspace, owners: false, keepText: true)
        let (rows, _) = WorkspaceIndex.collect(workspace, extraction)
        _ = WorkspaceIndex.refresh(workspace, rows, dryRun: false, command: command, context)
    }
}

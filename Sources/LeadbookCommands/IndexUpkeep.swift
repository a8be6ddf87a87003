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
        guard case .success(let root) = context.locateWorkspace(arguments) else { return }
        let opened = Workspace.open(root: root)
        guard WorkspaceIndex.misplaced(opened.configuration) == nil,
              FileAccess.exists(opened.absolute(opened.configuration.indexFile)) else { return }
        let write: CustomerWrite
        do { write = try CustomerWrite(opened) } catch {
            context.complain(Message.notUpdated(opened.configuration.indexFile, Refusal(error).message), command)
            return
        }
        defer { write.release() }
        let workspace = write.workspace
        let extraction = WorkspaceIndex.extraction(workspace, owners: false, keepText: true)
        let (rows, _, unread) = WorkspaceIndex.collect(workspace, extraction)
        _ = report(WorkspaceIndex.refresh(workspace, rows, dryRun: false), command: command, context)
        context.tellUnread(unread)
        CustomerSet.warnAboutErrors(unread.map(\.file), command, context,
                                    consequence: Message.leavesThemOut(workspace.configuration.indexFile))
    }

    /// Prints what a refresh of the index file did; returns whether it went well and whether
    /// the file changed (or would change).
    static func report(_ refresh: WorkspaceIndex.Refresh, command: String, _ context: CommandContext) -> (ok: Bool, changed: Bool) {
        switch refresh {
        case .misplaced(let reason):
            context.complain(reason, command)
        case .wouldCreate(let path):
            context.console.out(Message.wouldCreate(path))
        case .wouldUpdate(let path, let differences):
            for difference in differences { context.console.out(Message.wouldUpdate(path, difference)) }
        case .created(let path):
            context.console.out(Message.created(path))
        case .updated(let path, let tables):
            context.console.out(Message.updated(path, tables.map(\.rawValue)))
        case .unchanged:
            break
        case .problems(let path, let diagnostics):
            for diagnostic in diagnostics { context.console.err(DiagnosticReport.text(diagnostic, style: .init(color: context.color))) }
            context.complain(Message.markersInTheWay(path), command)
        case .failed(let error):
            context.complain("\(error)", command)
        }
        return (refresh.ok, refresh.changed)
    }
}

extension IndexUpkeep {
    /// What the upkeep of the index file says, after a write and for `leadbook index`.
    enum Message {
        static func notUpdated(_ indexFile: String, _ reason: String) -> String {
            "\(indexFile) not updated: \(reason); run `leadbook index`"
        }
        /// The consequence, for `CustomerSet.warnAboutErrors`, of files that were not read.
        static func leavesThemOut(_ indexFile: String) -> String { "\(indexFile) leaves them out; " }
        static func wouldCreate(_ path: String) -> String { "would create \(path)\n" }
        static func wouldUpdate(_ path: String, _ difference: String) -> String { "would update \(path): \(difference)\n" }
        static func created(_ path: String) -> String { "created \(path)\n" }
        static func updated(_ path: String, _ tables: [String]) -> String { "updated \(path): \(tables.joined(separator: ", "))\n" }
        static func markersInTheWay(_ path: String) -> String { "\(path) was not updated; fix its markers first" }
    }
}

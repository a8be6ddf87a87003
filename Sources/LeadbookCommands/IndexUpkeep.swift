import LeadbookCore
import LeadbookText

/// After a command that writes customer files (new, log, feedback, merge, assign, import,
/// renumber), the index file is brought up to date when the workspace has one, so the
/// working tree is always consistent and `git add -A && git commit` records both.
enum IndexUpkeep {
    static let writers: Set<String> = ["new", "log", "feedback", "merge", "assign", "import", "renumber", "fix"]

    /// Commands that may have written some files and still exit 1 (customers left unassigned,
    /// bad rows skipped); the others exit 1 only when they refused and wrote nothing.
    static let partialWriters: Set<String> = ["assign", "import", "fix"]

    /// Writers of one customer whose rows are updated where they are in the index file.
    static let inPlaceWriters: Set<String> = ["new", "log", "feedback"]

    /// The index refresh of one run of a writing command, made inside the command's
    /// `CustomerWrite` (`attach`): the index file is written with the customer files, under the
    /// same lock, and when it cannot be, the customer files are put back too.
    final class Pending {
        /// What the refresh did, once the command's write has made it.
        var refresh: WorkspaceIndex.Refresh?
        var unread: [Diagnostic] = []
        var indexFile = ""
        /// The command changes one customer (log, feedback): its rows are updated where they
        /// are in the index file (`WorkspaceIndex.plannedUpdate`) when that can be sure.
        let inPlace: Bool
        /// The customer the command read (`editableCustomer`): when the command wrote nothing,
        /// only its rows are checked (and the index made from every file when they are not current).
        var customerPath: String?
        /// Its id, to find the temporary files of interrupted writes without listing the workspace.
        var customerId: String?

        init(inPlace: Bool = false) {
            self.inPlace = inPlace
        }

        /// Makes `write` bring the index file up to date when it commits, if the workspace has
        /// one. An index file that is a link out of the workspace refuses the write before
        /// anything is written.
        func attach(_ write: CustomerWrite) throws(Refusal) {
            let workspace = write.workspace
            let configuration = workspace.configuration
            guard !write.dryRun, WorkspaceIndex.misplaced(configuration) == nil else { return }
            let path = configuration.indexFile
            switch WorkspacePath.resolve(path, root: workspace.root) {
            case .failure(let escape):
                throw Refusal.usage(CustomerWrite.Failure(path: path, reason: escape.words.text, beforeWriting: true).text)
            case .success(let real):
                guard FileAccess.exists(real) else { return }
            }
            // Checked with the customer files, before any of them is written.
            do { try write.check(path) } catch { throw Refusal(error) }
            write.derive = { [self, unowned write] workspace in
                if inPlace, let (refresh, change, remember) = WorkspaceIndex.plannedUpdate(workspace, write.changes) {
                    self.refresh = refresh
                    self.indexFile = workspace.configuration.indexFile
                    write.committed = remember
                    return change.map { [$0] } ?? []
                }
                let extraction = WorkspaceIndex.extraction(workspace, owners: false, keepText: true)
                let (rows, _, unread) = WorkspaceIndex.collect(workspace, extraction)
                let (refresh, change) = WorkspaceIndex.plannedRefresh(workspace, rows)
                self.refresh = refresh
                self.unread = unread
                self.indexFile = workspace.configuration.indexFile
                return change.map { [$0] } ?? []
            }
        }
    }

    static func afterWrite(_ command: String, _ arguments: ParsedArguments, _ context: CommandContext, _ code: ExitCode) {
        guard writers.contains(command), code == .ok || (code == .findings && partialWriters.contains(command)),
              !arguments.flag("dry-run") else { return }
        if let pending = context.indexUpkeep, let refresh = pending.refresh {
            // Written by the command's own write: what it did is told after the command's lines.
            _ = report(refresh, command: command, context)
            tell(pending.unread, pending.indexFile, command, context)
            return
        }
        // The command wrote nothing (nothing to do): the index is still brought up to date.
        guard case .success(let root) = context.locateWorkspace(arguments) else { return }
        let opened = Workspace.open(root: root)
        guard WorkspaceIndex.misplaced(opened.configuration) == nil,
              FileAccess.exists(opened.absolute(opened.configuration.indexFile))
                || WorkspacePath.linkDestination(opened.absolute(opened.configuration.indexFile)) != nil else { return }
        let write: CustomerWrite
        do { write = try CustomerWrite(opened, customer: context.indexUpkeep?.inPlace == true ? context.indexUpkeep?.customerId : nil) } catch {
            context.complain(Message.notUpdated(opened.configuration.indexFile, Refusal(error).message), command)
            return
        }
        defer { write.release() }
        let workspace = write.workspace
        if let pending = context.indexUpkeep, pending.inPlace, let path = pending.customerPath,
           case .success(let bytes) = write.read(path),
           case .success(let unchanged) = CustomerWrite.Change.update(path, from: bytes, to: bytes, had: [], has: [], workspace.configuration),
           let (refresh, change, remember) = WorkspaceIndex.plannedUpdate(workspace, [unchanged]) {
            // One customer read and nothing written: its rows are current, and so is the index
            // as far as this command can tell (index.md, what is promised when it was stale).
            if let change { write.add(change) }
            write.committed = remember
            do {
                try write.commit()
                _ = report(refresh, command: command, context)
            } catch {
                context.complain(Message.notUpdated(workspace.configuration.indexFile, Refusal(error).message), command)
            }
            return
        }
        let extraction = WorkspaceIndex.extraction(workspace, owners: false, keepText: true)
        let (rows, _, unread) = WorkspaceIndex.collect(workspace, extraction)
        let (refresh, change) = WorkspaceIndex.plannedRefresh(workspace, rows)
        if let change { write.add(change) }
        do {
            try write.commit()
            _ = report(refresh, command: command, context)
        } catch {
            context.complain(Message.notUpdated(workspace.configuration.indexFile, Refusal(error).message), command)
        }
        tell(unread, workspace.configuration.indexFile, command, context)
    }

    /// The customer files the index could not read, and what that means for it.
    static func tell(_ unread: [Diagnostic], _ indexFile: String, _ command: String, _ context: CommandContext) {
        context.tellUnread(unread)
        CustomerSet.warnAboutErrors(unread.map(\.file), command, context, consequence: Message.leavesThemOut(indexFile))
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
            for diagnostic in diagnostics { context.console.err(DiagnosticReport.text(diagnostic, style: context.style)) }
            context.complain(Message.markersInTheWay(path), command)
        case .failed(let error):
            context.complain(error, command)
        case .outside(let path, let escape):
            context.complain(CustomerWrite.Failure(path: path, reason: escape.words.text, beforeWriting: true).text, command)
        }
        return (refresh.ok, refresh.changed)
    }
}

extension IndexUpkeep {
    /// What the upkeep of the index file says, after a write and for `leadbook index`.
    enum Message {
        static func notUpdated(_ indexFile: String, _ reason: Phrase) -> Phrase {
            Phrase("\(indexFile) not updated: \(reason.en); run `leadbook index`",
                   "\(indexFile) 没有更新：\(reason.zh)；请运行 `leadbook index`")
        }
        /// The consequence, for `CustomerSet.warnAboutErrors`, of files that were not read.
        static func leavesThemOut(_ indexFile: String) -> Phrase {
            Phrase("\(indexFile) leaves them out; ", "\(indexFile) 里没有它们；")
        }
        static func wouldCreate(_ path: String) -> Phrase { Phrase("would create \(path)\n", "将创建 \(path)\n") }
        static func wouldUpdate(_ path: String, _ difference: Phrase) -> Phrase {
            Phrase("would update \(path): \(difference.en)\n", "将更新 \(path)：\(difference.zh)\n")
        }
        /// What a dry run would update, table by table (as `updated` names them).
        static func wouldUpdate(_ path: String, tables: [String]) -> Phrase {
            Phrase("would update \(path): \(tables.joined(separator: ", "))\n",
                   "将更新 \(path)：\(tables.map { IndexTable(rawValue: $0)?.title(.zhCN) ?? $0 }.joined(separator: "、"))\n")
        }
        static func created(_ path: String) -> Phrase { Phrase("created \(path)\n", "已创建 \(path)\n") }
        /// The tables by their marker names (`leads`, `follow-ups`...) in English, by their
        /// headings in Chinese.
        static func updated(_ path: String, _ tables: [String]) -> Phrase {
            Phrase("updated \(path): \(tables.joined(separator: ", "))\n",
                   "已更新 \(path)：\(tables.map { IndexTable(rawValue: $0)?.title(.zhCN) ?? $0 }.joined(separator: "、"))\n")
        }
        static func markersInTheWay(_ path: String) -> Phrase {
            Phrase("\(path) was not updated; fix its markers first", "\(path) 没有更新：先把其中的标记改好")
        }
    }
}

import LeadbookCore
import LeadbookText

/// `leadbook sync`: write every derived value (grade, status, next; proposed scores).
public enum SyncCommand: Command {
    public static let spec = CommandSpec(
        name: "sync",
        summary: Phrase("write derived values: grade from score, status and next from the log; the index tables",
                        "写入推算出的值：由评分得出等级，由跟进记录得出状态和下次跟进；以及索引表"),
        usage: "leadbook sync [-C DIR] [--dry-run]",
        options: [.workspace, OptionSpec("dry-run", help: Phrase(
            "print the changes (customer files and the index) as a unified diff and write nothing (exit 1 if any)",
            "以 unified diff 打印改动（客户文件和索引），什么都不写（有改动时退出码为 1）"))],
        details: Phrase("""
        Only the derived values change; every other byte of a file stays as it was. A file with
        errors (see `leadbook check`) is left alone and named. The index file (leadbook.yml
        `index`, default INDEX.md) is created or brought up to date as `leadbook index` would.
        Running sync twice changes nothing the second time.
        """, """
        只改推算出的值，文件的其他每个字节都保持原样。有错误的文件（见 `leadbook check`）不动，
        并列出文件名。索引文件（leadbook.yml 的 `index`，默认 INDEX.md）会像 `leadbook index`
        一样创建或更新。连续运行两次 sync，第二次什么都不会改。
        """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let opened = context.openWorkspace(arguments) else { return .failure }
        let dryRun = arguments.flag("dry-run")
        guard let write = context.openWrite(opened, dryRun: dryRun, "sync") else { return .failure }
        defer { write.release() }
        let workspace = write.workspace
        let paths = workspace.customerPaths
        let configuration = workspace.configuration
        // The index rows are made from each file as sync leaves it, in the same read, which is
        // also the read-back check of the new content; a dry run keeps their text only when it
        // has to show how the index would change.
        func collect(keepText: Bool) -> CustomerFiles.Reading<(SyncedFile, IndexRows?)> {
            let extraction = WorkspaceIndex.extraction(workspace, owners: false, keepText: keepText)
            return WorkspaceIndex.map(CustomerFiles(workspace), days: configuration.indexDays) { index, bytes -> (SyncedFile, IndexRows?) in
                let path = paths[index]
                let result = CustomerReader.read(path: path, bytes: bytes, configuration: configuration)
                let outcome = CustomerSync.sync(result, path: path, bytes: bytes, configuration: configuration)
                guard case .changed(let change) = outcome else {
                    return (.kept(outcome), result.customer.flatMap { extraction.rows($0, path: path) })
                }
                let after = CustomerReader.read(path: path, bytes: change.after, configuration: configuration)
                switch CustomerWrite.Change.update(path, from: bytes, to: change.after, had: result.findings.diagnostics,
                                                   has: after.findings.diagnostics, configuration) {
                case .success(let written):
                    return (.changed(change, written), after.customer.flatMap { extraction.rows($0, path: path) })
                case .failure(let refusal):
                    return (.refused(path: path, refusal), result.customer.flatMap { extraction.rows($0, path: path) })
                }
            } unread: { index, _ in .kept(.skipped(path: paths[index], errors: 1)) }
        }
        let reading = collect(keepText: !dryRun)
        var changes: [CustomerSync.Change] = []
        var skipped: [String] = []
        var refused: [(String, CustomerWrite.Refusal)] = []
        var failed = false
        let indexRows = reading.values.compactMap { $0.1 }
        for (file, _) in reading.values {
            switch file {
            case .kept(.skipped(let path, _)): skipped.append(path)
            case .kept: continue
            case .refused(let path, let refusal): refused.append((path, refusal))
            case .changed(let change, let written):
                changes.append(change)
                if dryRun {
                    context.console.out(UnifiedDiff.diff(old: change.before, new: change.after, path: change.path))
                } else {
                    write.add(written)
                }
            }
        }
        // The index file is written with the customer files, in the same change.
        let index = dryRun ? nil : WorkspaceIndex.plannedRefresh(workspace, indexRows)
        if let change = index?.1 { write.add(change) }
        if let refresh = index?.0, case .outside = refresh {
            // A link out of the workspace: nothing is written, not even the customer files.
            _ = IndexUpkeep.report(refresh, command: spec.name, context)
            return .failure
        }
        do {
            try write.commit()
            if !dryRun {
                for change in changes {
                    context.console.out(Message.updated(change.path, change.phrases))
                }
            }
        } catch {
            _ = context.refuse(error, "sync")
            failed = true
        }
        let changed = changes.count
        context.tellUnread(reading.unread)
        for path in skipped {
            context.complain(Message.skippedWithErrors(path), spec.name)
        }
        context.tellRefused(refused, spec.name, skipped: Message.skippedForNewErrors)
        let refresh = index?.0 ?? WorkspaceIndex.refresh(workspace, indexRows, dryRun: true)
        let indexDone = failed ? (ok: true, changed: false) : IndexUpkeep.report(refresh, command: "sync", context)
        if dryRun && indexDone.changed {
            context.console.out(WorkspaceIndex.pendingDiff(workspace, collect(keepText: true).values.compactMap { $0.1 }))
        }
        if !dryRun && !failed {
            if changed > 0 {
                context.console.out(Message.filesUpdated(changed))
            } else if !indexDone.changed && indexDone.ok {
                context.console.out(Message.inSync)
            }
        }
        if failed { return .failure }
        if dryRun && (changed > 0 || indexDone.changed) { return .findings }
        return skipped.isEmpty && refused.isEmpty && indexDone.ok ? .ok : .findings
    }

    /// What sync makes of one file.
    enum SyncedFile {
        /// Unchanged, or skipped for its errors.
        case kept(CustomerSync.Outcome)
        /// New derived values, and the change that writes them.
        case changed(CustomerSync.Change, CustomerWrite.Change)
        /// New derived values that would give the file errors: left as it is.
        case refused(path: String, CustomerWrite.Refusal)
    }
}

extension SyncCommand {
    /// What `leadbook sync` says of the files it brings up to date.
    enum Message {
        static func updated(_ path: String, _ notes: [Phrase]) -> Phrase {
            Phrase("updated \(path): \(notes.map(\.en).joined(separator: ", "))\n",
                   "已更新 \(path)：\(notes.map(\.zh).joined(separator: "，"))\n")
        }
        static func skippedWithErrors(_ path: String) -> Phrase {
            Phrase("skipped \(path): it has errors; run `leadbook check \(path)`",
                   "跳过 \(path)：文件有错误；请运行 `leadbook check \(path)`")
        }
        /// The new errors follow, one a line.
        static func skippedForNewErrors(_ path: String, _ count: Int) -> Phrase {
            Phrase("skipped \(path): its derived values would give it \(DiagnosticReport.plural(count, "new error")):",
                   "跳过 \(path)：写入推算出的值会让它多出 \(count) 个错误：")
        }
        static func filesUpdated(_ count: Int) -> Phrase {
            Phrase("\(count) file\(count == 1 ? "" : "s") updated\n", "已更新 \(count) 个文件\n")
        }
        static let inSync = Phrase("everything is in sync\n", "推算出的值和索引都已是最新\n")
    }
}

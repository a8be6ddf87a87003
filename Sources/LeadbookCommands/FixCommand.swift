import LeadbookCore
import LeadbookText

/// `leadbook fix`: applies every safe, mechanical fix `check` knows (`CustomerFix`): the fixes
/// the reader attaches to its findings (a full-width colon or space, Chinese quotes or commas,
/// an odd indentation, a tick that is not `x`, a text value other YAML tools read as something
/// else), then what `sync` derives. Nothing else in a file changes.
public enum FixCommand: Command {
    public static let spec = CommandSpec(
        name: "fix",
        summary: Phrase("apply every safe fix `check` marks as fixable: typing mistakes, ambiguous values, derived values",
                        "修复 `check` 标为“可自动修复”的全部问题：输入错误、有歧义的值、推导值"),
        usage: "leadbook fix [PATHS...] [-C DIR] [--dry-run]",
        options: [.workspace, OptionSpec("dry-run", help: Phrase("print the changes as a unified diff and write nothing (exit 1 if any)",
                                                                 "以统一 diff 格式显示修改，不写入任何文件（有修改时退出码为 1）"))],
        details: Phrase("""
        Every finding `leadbook check` marks as fixable is corrected where it is: a full-width
        colon or space in the front matter (`industry：食品` becomes `industry: 食品`), Chinese
        quotes around a value, a Chinese comma between list items, an indentation that matches
        no sibling, a to-do ticked with `√` or `ｘ`, a text value other YAML tools would read as a
        number, a date, yes/no or null (`phone: 02155550101` becomes `phone: "02155550101"`),
        and then the grade of the score and the derived values a file lacks (a missing status
        or next, from the log). A status or next the file holds is never overwritten: its
        finding stays for the rep (`leadbook sync` writes the log's values). Only those bytes
        change: comments, key order, other values, line endings stay as they are. A fix that
        would give a file a new error is left out. The index file is brought up to date with
        the files (with --dry-run, its diff is printed too). With PATHS (files or folders,
        relative to the current folder), only those customer files are fixed. Running fix
        twice changes nothing the second time.
        """, """
        `leadbook check` 标为可自动修复的问题都会在原处改正：文件头里的全角冒号或全角空格
        （`industry：食品` 改为 `industry: 食品`）、值两边的中文引号、列表项之间的中文逗号、
        与同级对不齐的缩进、用 `√` 或 `ｘ` 勾选的待办、其他 YAML 工具会读成数字、日期、是/否
        或空值的文字（`phone: 02155550101` 改为 `phone: "02155550101"`），然后写入由评分得出的
        线索等级，以及文件里缺少的推导值（按跟进记录补上客户状态、下次跟进）。文件里已经写了的
        客户状态和下次跟进不会被改掉：这类问题留给销售自己处理（`leadbook sync` 会改成跟进记录
        里的值）。只改这些字节：注释、键的顺序、其他值和换行符都保持原样。会给文件带来新错误的
        修复不做。索引文件随客户文件一起更新（加 --dry-run 时也显示它的 diff）。
        给出 PATHS（文件或文件夹，相对于当前文件夹）时只修复这些客户文件。连续运行两次，
        第二次不会再改任何内容。
        """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let opened = context.openWorkspace(arguments) else { return .failure }
        var selection: Selection?
        if !arguments.positionals.isEmpty {
            switch select(arguments.positionals, in: opened, context) {
            case .success(let chosen): selection = chosen
            case .failure(let problem):
                context.complain(problem.phrase, spec.name, usage: spec.usage)
                return .failure
            }
        }
        let dryRun = arguments.flag("dry-run")
        guard let write = context.openWrite(opened, dryRun: dryRun, spec.name) else { return .failure }
        defer { write.release() }
        let workspace = write.workspace
        let paths = workspace.customerPaths.filter { selection?.contains($0) ?? true }
        let configuration = workspace.configuration
        let reading = CustomerFiles(root: workspace.root, paths: paths).reduce({ index, bytes -> FixedFile in
            let path = paths[index]
            let fixed: CustomerFix.Change
            switch CustomerFix.fix(path: path, bytes: bytes, configuration: configuration) {
            case .unchanged(let errors): return .kept(errors: errors)
            case .changed(let change): fixed = change
            }
            switch CustomerWrite.Change.update(path, from: bytes, to: fixed.after, had: fixed.had, has: fixed.has, configuration) {
            case .success(let change): return .changed(change, fixed, errors: fixed.has.contains { $0.severity == .error })
            case .failure(let refusal): return .refused(path, refusal)
            }
        }, unread: { _, _ in .kept(errors: false) })  // told with their own diagnostic
        var fixed: [CustomerFix.Change] = []
        var contents: [String: [UInt8]] = [:]
        var refused: [(String, CustomerWrite.Refusal)] = []
        var withErrors: [String] = []
        for (position, file) in reading.values.enumerated() {
            switch file {
            case .kept(let errors):
                if errors { withErrors.append(paths[position]) }
            case .changed(let change, let result, let errors):
                fixed.append(result)
                if errors { withErrors.append(change.path) }
                if dryRun {
                    context.console.out(UnifiedDiff.diff(old: change.before, new: change.after, path: change.path))
                    contents[change.path] = change.after
                } else {
                    write.add(change)
                }
            case .refused(let path, let refusal):
                refused.append((path, refusal))
            }
        }
        do {
            try write.commit()
        } catch {
            return context.refuse(error, spec.name)
        }
        if !dryRun {
            for change in fixed {
                context.console.out(Message.fixed(change.path, CustomerFix.summary(change.repairs, change.derived)))
            }
        }
        if fixed.isEmpty {
            context.console.out(Message.nothingToFix)
        } else if !dryRun {
            context.console.out(Message.filesFixed(fixed.count))
        }
        let index = dryRun ? pendingIndex(workspace, contents, context) : (ok: true, changed: false)
        context.tellUnread(reading.unread)
        context.tellRefused(refused, spec.name, skipped: Message.skippedForNewErrors)
        if !withErrors.isEmpty {
            context.complain(Message.errorsLeft(withErrors), spec.name)
        }
        if dryRun && (!fixed.isEmpty || index.changed || !index.ok) { return .findings }
        return refused.isEmpty && reading.unread.isEmpty ? .ok : .findings
    }

    /// For a dry run: what fix would write to the index file, from the customer files as fix
    /// would leave them (`contents`): `would update INDEX.md: leads, grading` and the unified
    /// diff. Fix writes an index file only where there is one, so none is created.
    static func pendingIndex(_ workspace: Workspace, _ contents: [String: [UInt8]], _ context: CommandContext) -> (ok: Bool, changed: Bool) {
        let path = workspace.configuration.indexFile
        guard WorkspaceIndex.misplaced(workspace.configuration) == nil else { return (true, false) }
        if case .success(let real) = WorkspacePath.resolve(path, root: workspace.root), !FileAccess.exists(real) { return (true, false) }
        let (refresh, change) = WorkspaceIndex.plannedRefresh(workspace, WorkspaceIndex.rows(workspace, replacing: contents))
        guard case .updated(let path, let tables) = refresh, let change else {
            return IndexUpkeep.report(refresh, command: spec.name, context)
        }
        context.console.out(IndexUpkeep.Message.wouldUpdate(path, tables: tables.map(\.rawValue)))
        context.console.out(UnifiedDiff.diff(old: change.before, new: change.after, path: path))
        return (true, true)
    }

    /// What fix makes of one file.
    enum FixedFile {
        /// Nothing to fix; whether the file has errors (`check` tells them).
        case kept(errors: Bool)
        /// The fixes, the change that writes them, and whether errors are left.
        case changed(CustomerWrite.Change, CustomerFix.Change, errors: Bool)
        /// The fixes would give the file errors: left as it is.
        case refused(String, CustomerWrite.Refusal)
    }

    /// The customer files PATHS name: files, and every file under a folder.
    struct Selection {
        var files: Set<String> = []
        /// Workspace-relative folders ("" is the whole workspace).
        var folders: [String] = []

        func contains(_ path: String) -> Bool {
            files.contains(path) || folders.contains { $0.isEmpty || path.hasPrefix($0 + "/") }
        }
    }

    /// A usage problem of PATHS.
    struct PathProblem: Error {
        var phrase: Phrase
    }

    /// PATHS (relative to the current folder, as the shell completes them) as customer files of
    /// the workspace; a path outside it, a file that is not a customer file, or one that does
    /// not exist is a usage error.
    static func select(_ arguments: [String], in workspace: Workspace, _ context: CommandContext) -> Result<Selection, PathProblem> {
        var selection = Selection()
        let folder = workspace.configuration.customersFolder
        for argument in arguments {
            guard let relative = context.workspaceRelative(argument, in: workspace) else {
                return .failure(PathProblem(phrase: Message.outsideTheWorkspace(argument)))
            }
            let trimmed = relative.hasSuffix("/") ? String(relative.dropLast()) : relative
            if workspace.customerPaths.contains(trimmed) {
                selection.files.insert(trimmed)
            } else if trimmed.isEmpty || FileAccess.isDirectory(workspace.absolute(trimmed)) {
                selection.folders.append(trimmed)
            } else if FileAccess.exists(workspace.absolute(trimmed)) {
                return .failure(PathProblem(phrase: Message.notACustomerFile(argument, folder: folder)))
            } else {
                return .failure(PathProblem(phrase: Message.noSuchFile(argument)))
            }
        }
        return .success(selection)
    }
}

extension FixCommand {
    /// What `leadbook fix` says.
    enum Message {
        static func fixed(_ path: String, _ what: Phrase) -> Phrase {
            Phrase("fixed \(path): \(what.en)\n", "已修复 \(path)：\(what.zh)\n")
        }
        static func filesFixed(_ count: Int) -> Phrase {
            Phrase(DiagnosticReport.plural(count, "file") + " fixed\n", "共修复 \(count) 个文件\n")
        }
        static let nothingToFix = Phrase("nothing to fix\n", "没有可自动修复的问题\n")
        /// The new errors follow, one a line.
        static func skippedForNewErrors(_ path: String, _ count: Int) -> Phrase {
            Phrase("skipped \(path): its fixes would give it \(DiagnosticReport.plural(count, "new error")):",
                   "跳过 \(path)：修复后会多出 \(count) 个新错误：")
        }
        /// The files whose errors fix cannot correct.
        static func errorsLeft(_ paths: [String]) -> Phrase {
            let shown = paths.prefix(5).joined(separator: ", ")
            let more = paths.count > 5 ? Phrase(" and \(paths.count - 5) more", " 等 \(paths.count) 个") : .empty
            return Phrase("\(paths.count == 1 ? "1 file still has" : "\(paths.count) files still have") errors that fix cannot correct (\(shown)\(more.en)); "
                          + "`leadbook check` lists them",
                          "还有 \(paths.count) 个文件有无法自动修复的错误（\(paths.prefix(5).joined(separator: "、"))\(more.zh)），"
                          + "请用 `leadbook check` 查看并手动修改")
        }
        static func outsideTheWorkspace(_ path: String) -> Phrase {
            Phrase("\(path) is outside the workspace (-C DIR names the workspace folder)",
                   "\(path) 不在工作区内（用 -C DIR 指定工作区文件夹）")
        }
        static func notACustomerFile(_ path: String, folder: String) -> Phrase {
            Phrase("\(path) is not a customer file (customer files are .md files under \(folder)/)",
                   "\(path) 不是客户文件（客户文件是 \(folder)/ 下的 .md 文件）")
        }
        static func noSuchFile(_ path: String) -> Phrase { Phrase("\(path): no such file", "\(path)：文件不存在") }
    }
}

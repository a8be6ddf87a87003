import LeadbookCore
import LeadbookText

/// `leadbook merge-driver -- %O %A %B %P`: git's merge driver for customer files and the index
/// (registered by `leadbook hook install`). The four arguments are paths whatever they look
/// like, after `--` or not (a line registered before `--` was written has none).
public enum MergeDriverCommand: Command {
    public static let spec = CommandSpec(
        name: "merge-driver",
        summary: Phrase("git merge driver: merge customer files key by key and their logs entry by entry",
                        "git 合并驱动：客户文件按字段逐个合并，跟进记录按条目合并"),
        usage: "leadbook merge-driver [-C DIR] [--] BASE OURS THEIRS PATH",
        options: [.workspace],
        details: Phrase("""
        git runs it as `leadbook merge-driver -- %O %A %B %P` for the files .gitattributes marks
        `merge=leadbook`; the result is written over OURS. The last four arguments are always
        the files, even when one begins with `-` and there is no `--`. Customer files: the front matter key by
        key (conflict markers only where both sides changed a key to different values; status,
        next and grade follow the merged log and score), the follow-up and feedback logs as a
        union of both sides' entries in date order. The index file (leadbook.yml `index`): ours
        is kept when both sides changed it; the post-merge hook (`leadbook index`) regenerates it after the merge.
        Other files are merged line by line. Exit 0 when merged cleanly, 1 when conflicts remain.
        """, """
        对 .gitattributes 标记为 `merge=leadbook` 的文件，git 以 `leadbook merge-driver -- %O %A %B %P`
        运行它，合并结果写回 OURS。最后四个参数始终是文件，即使某个以 `-` 开头且没有 `--`。客户文件：
        文件头按字段逐个合并（只有两边把同一字段改成不同的值时才留下冲突标记；状态、下次跟进和等级
        按合并后的跟进记录和评分重新推算），跟进记录和客户反馈取两边条目的并集，按日期排列。索引文件
        （leadbook.yml 的 `index`）两边都改过时保留我方版本，git 合并后由 post-merge 钩子（`leadbook index`）
        重新生成。其他文件逐行合并。合并干净时退出码为 0，仍有冲突时为 1。
        """),
        trailingPaths: 4)

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard arguments.positionals.count == 4 else {
            context.complain(Message.fourFiles, spec.name, usage: spec.usage)
            return .failure
        }
        let names = arguments.positionals
        var versions: [[UInt8]] = []
        for name in names.prefix(3) {
            switch FileAccess.read(context.absolute(name)) {
            case .success(let bytes): versions.append(bytes)
            case .failure(.notFound): versions.append([])
            case .failure(let error):
                context.complain(Message.cannotRead(name, error.phrase), spec.name)
                return .failure
            }
        }
        let (base, ours, theirs) = (versions[0], versions[1], versions[2])
        let path = names[3]

        // Which workspace the file belongs to, and what it is there.
        let file = Workspace.normalize(context.absolute(path))
        let folder = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? context.currentDirectory
        var configuration = Configuration()
        var relative: String?
        if case .success(let root) = Workspace.locate(from: folder, explicit: arguments.value("workspace"), requireConfiguration: arguments.value("workspace") == nil) {
            configuration = Workspace.configuration(root: root)
            if file.hasPrefix(root + "/") { relative = String(file.dropFirst(root.count + 1)) }
        }
        let labels = Diff3.Labels(ours: "ours", theirs: "theirs")
        let result: Reconciliation.Result
        var keptOurs = false
        if let relative, relative == configuration.indexFile {
            // Generated: never worth a conflict. `leadbook index` writes it anew.
            if ours == base || ours == theirs {
                result = Reconciliation.Result(bytes: theirs, conflicts: 0, phrases: [])
            } else {
                result = Reconciliation.Result(bytes: ours, conflicts: 0, phrases: [])
                keptOurs = theirs != base
            }
        } else if relative.map({ Workspace.isCustomerPath($0, folder: configuration.customersFolder) }) ?? CustomerFolderWalk.isMarkdown(path) {
            result = Reconciliation.reconcile(base: base, ours: ours, theirs: theirs, configuration: configuration, labels: labels)
        } else {
            let merged = Diff3.combine(base: base, ours: ours, theirs: theirs, labels: labels)
            result = Reconciliation.Result(bytes: merged.bytes, conflicts: merged.conflicts, phrases: [])
        }
        do {
            try AtomicFile.write(result.bytes, to: context.absolute(names[1]))
        } catch {
            context.complain(.of(error), spec.name)
            return .failure
        }
        if keptOurs { context.complain(Message.note(path, Message.indexKeptOurs), spec.name) }
        for note in result.phrases {
            context.complain(Message.note(path, note), spec.name)
        }
        if result.conflicts > 0 {
            context.complain(Message.conflicts(path, result.conflicts), spec.name)
            return .findings
        }
        return .ok
    }
}

extension MergeDriverCommand {
    /// What `leadbook merge-driver` says while git merges.
    enum Message {
        static let fourFiles = Phrase("give the four files git passes: %O %A %B %P", "请给出 git 传入的四个文件：%O %A %B %P")
        static func cannotRead(_ name: String, _ reason: Phrase) -> Phrase { Phrase("cannot read \(name): ", "无法读取 \(name)：") + reason }
        /// The index file, changed on both sides.
        static let indexKeptOurs = Phrase("both sides changed it: kept ours; the post-merge hook regenerates it (or run `leadbook index` after the merge)",
                                          "两边都改过：保留我方版本；git 合并后 post-merge 钩子会重新生成（也可以合并后运行 `leadbook index`）")
        static func note(_ path: String, _ note: Phrase) -> Phrase { Phrase("\(path): ", "\(path)：") + note }
        static func conflicts(_ path: String, _ count: Int) -> Phrase {
            Phrase("\(path): \(count) conflict\(count == 1 ? "" : "s") left between <<<<<<< and >>>>>>> lines; keep the right lines, then `leadbook check` and `git add \(path)`",
                   "\(path)：还有 \(count) 处冲突在 <<<<<<< 和 >>>>>>> 之间；请保留正确的行，然后运行 `leadbook check` 和 `git add \(path)`")
        }
    }
}

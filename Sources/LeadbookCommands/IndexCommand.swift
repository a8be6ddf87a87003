import LeadbookCore
import LeadbookText

/// `leadbook index`: the toolkit's five template tables, written from the customer files into
/// the index file (leadbook.yml `index`, default INDEX.md), or checked against them.
public enum IndexCommand: Command {
    public static let spec = CommandSpec(
        name: "index",
        summary: Phrase("write the index tables (INDEX.md): leads, grading, plans, follow-ups, feedback",
                        "生成索引表（INDEX.md）：线索、分级、跟进计划、跟进记录、客户反馈"),
        usage: "leadbook index [-C DIR] [--check] [--by owner] [--stage]",
        options: [
            .workspace,
            OptionSpec("check", help: Phrase("write nothing; exit 1 when the index differs from the customer files, naming the first table and row",
                                             "不写文件；索引与客户文件不一致时退出码为 1，并指出第一处不一致的表和行")),
            OptionSpec("by", value: "owner", help: Phrase("also one index per rep, index/OWNER.md (next to the index file)",
                                                          "另外给每位负责人生成一份索引 index/负责人.md（和索引文件放在一起）")),
            OptionSpec("stage", help: Phrase("bring an existing index file up to date and `git add` it (the pre-commit hook does this when a commit ends a merge)",
                                             "更新已有的索引文件并 `git add`（提交结束一次 git 合并时，pre-commit 钩子会这样做）")),
        ],
        details: Phrase("""
        Only the lines between `<!-- leadbook:begin NAME -->` and `<!-- leadbook:end NAME -->` are
        rewritten; everything else in the file is kept byte for byte. A table without markers is
        appended with its heading; a missing file is created. Labels follow leadbook.yml
        `language`; follow-ups cover `index_days` days up to the newest entry; phones and emails
        appear only with `index_pii: true`. Running it twice changes nothing the second time.
        With --check, a file that does not exist is not stale. With --stage, a workspace without
        an index file is left without one. See docs/index.md.
        """, """
        只改写 `<!-- leadbook:begin NAME -->` 和 `<!-- leadbook:end NAME -->` 之间的行，文件里的其他
        内容一个字节都不动。没有标记的表会连同标题追加到文件末尾；文件不存在时会新建。表头语言取
        leadbook.yml 的 `language`；跟进记录覆盖到最新一条为止的 `index_days` 天；只有设置
        `index_pii: true` 才会显示电话和邮箱。连续运行两次，第二次不会有任何改动。加 --check 时，
        不存在的文件不算过期。加 --stage 时，没有索引文件的工作区不会新建。详见 docs/index.md。
        """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let by = choice(arguments, "by", ["owner"], default: "", context) else { return .failure }
        if !arguments.positionals.isEmpty {
            context.complain(Message.unexpected(arguments.positionals[0]), spec.name, usage: spec.usage)
            return .failure
        }
        guard let opened = context.openWorkspace(arguments) else { return .failure }
        let configuration = opened.configuration
        if let misplaced = WorkspaceIndex.misplaced(configuration) {
            context.complain(misplaced.phrase, spec.name)
            return .failure
        }
        let checkOnly = arguments.flag("check")
        let stage = arguments.flag("stage")
        if stage && checkOnly {
            context.complain(Message.stageOrCheck, spec.name, usage: spec.usage)
            return .failure
        }
        if stage && !FileAccess.exists(opened.absolute(configuration.indexFile)) {
            context.console.out(Message.nothingToStage(configuration.indexFile))
            return .ok
        }
        let owners = by == "owner"
        // The index files are written under the lock writers hold, as customer files are.
        guard let write = context.openWrite(opened, dryRun: checkOnly, "index") else { return .failure }
        defer { write.release() }
        let workspace = write.workspace

        var extraction = WorkspaceIndex.extraction(workspace, owners: owners, keepText: !checkOnly)
        let floor = checkOnly && !owners ? WorkspaceIndex.checkFloor(workspace) : nil
        extraction.floor = floor?.floor
        var (rows, broken, unread) = WorkspaceIndex.collect(workspace, extraction)
        var assembly = IndexAssembly(rows, configuration: configuration, keepText: !checkOnly)
        if let floor, !WorkspaceIndex.floorHolds(assembly, shownNewest: floor.shownNewest) {
            extraction.floor = nil
            (rows, broken, unread) = WorkspaceIndex.collect(workspace, extraction)
            assembly = IndexAssembly(rows, configuration: configuration, keepText: !checkOnly)
        }
        let targets = WorkspaceIndex.targets(assembly, owners: owners)
        let style = context.style
        var failed = false
        var stale = false
        var planned: [(WorkspaceIndex.Target, WorkspaceIndex.WriteOutcome)] = []
        /// Where the tables of an index file already current are, remembered for the next `log`.
        var unchangedLayout: IndexRowUpdate.Layout?

        for target in targets {
            if checkOnly {
                guard FileAccess.exists(workspace.absolute(target.path)) else {
                    if target.owner == nil {
                        context.console.out(Message.nothingToCheck(target.path))
                    }
                    continue
                }
                let diagnostics = WorkspaceIndex.check(workspace, assembly, extraction, target)
                if diagnostics.isEmpty {
                    context.console.out(Message.upToDate(target.path))
                } else {
                    stale = true
                    for diagnostic in diagnostics { context.console.out(DiagnosticReport.text(diagnostic, style: style)) }
                }
                continue
            }
            do {
                var current: IndexRowUpdate.Layout?
                let (outcome, change) = try WorkspaceIndex.plan(workspace, assembly, target, current: &current)
                if let change { write.add(change) }
                if let current, target.owner == nil { unchangedLayout = current }
                planned.append((target, outcome))
            } catch let escape as WorkspacePath.Escape {
                // Nothing is read or written through a link out of the workspace: no file is.
                context.complain(CustomerWrite.Failure(path: target.path, reason: escape.words.text, beforeWriting: true).text, spec.name)
                return .failure
            } catch {
                context.complain(.of(error), spec.name)
                failed = true
            }
        }
        // Every index file is written, or none.
        do {
            if !failed {
                if let unchangedLayout, case .success(let real) = WorkspacePath.resolve(configuration.indexFile, root: workspace.root) {
                    let memory = IndexRowUpdate.LayoutMemory(root: workspace.root, indexFile: configuration.indexFile, real: real)
                    // The index file is not written, so nothing else is to remember.
                    write.committed = { memory.remember(unchangedLayout) }
                }
                try write.commit()
            }
        } catch {
            return context.refuse(error, spec.name)
        }
        for (target, outcome) in planned where !failed {
            switch outcome {
            case .created:
                context.console.out(Message.created(target.path, counts(assembly, owner: target.owner)))
            case .updated(let tables):
                context.console.out(IndexUpkeep.Message.updated(target.path, tables.map(\.rawValue)))
            case .unchanged:
                context.console.out(Message.upToDate(target.path))
            case .problems(let diagnostics):
                for diagnostic in diagnostics { context.console.err(DiagnosticReport.text(diagnostic, style: style)) }
                context.complain(Message.markersInTheWay(target.path), spec.name)
                stale = true
            }
        }
        context.tellUnread(unread)
        CustomerSet.warnAboutErrors(broken, "index", context, consequence: Message.partlyRead)
        if stage && !failed {
            do {
                _ = try Git(directory: workspace.root).succeed(["add", "--"] + targets.map(\.path))
            } catch {
                context.complain(Message.cannotStage(targets.map(\.path), .of(error)), spec.name)
                failed = true
            }
        }
        if failed { return .failure }
        return stale || !broken.isEmpty ? .findings : .ok
    }

    /// `15 customers, 12 follow-ups from 2024-02-20 to 2024-03-20`.
    static func counts(_ assembly: IndexAssembly, owner: String?) -> Phrase {
        let customers = assembly.block(.leads, owner: owner).rowCount
        let followUps = assembly.block(.followUps, owner: owner).rowCount
        var text = Message.counts(customers: customers, followUps: followUps)
        if let window = assembly.window, followUps > 0 { text += Message.window(from: "\(window.from)", to: "\(window.to)") }
        return text
    }
}

extension IndexCommand {
    /// What `leadbook index` says of the index files.
    enum Message {
        static func unexpected(_ argument: String) -> Phrase { Phrase("unexpected argument `\(argument)`", "多余的参数 `\(argument)`") }
        static let stageOrCheck = Phrase("--stage writes and --check does not; give one of them", "--stage 会写文件，--check 不写；两者只能选一个")
        static func nothingToStage(_ indexFile: String) -> Phrase {
            Phrase("\(indexFile) does not exist: nothing to stage\n", "\(indexFile) 不存在：没有要暂存的文件\n")
        }
        static func nothingToCheck(_ path: String) -> Phrase {
            Phrase("\(path) does not exist: nothing to check (`leadbook index` creates it)\n",
                   "\(path) 不存在：没有要检查的内容（`leadbook index` 会生成它）\n")
        }
        static func upToDate(_ path: String) -> Phrase { Phrase("\(path) is up to date\n", "\(path) 已是最新\n") }
        static func created(_ path: String, _ counts: Phrase) -> Phrase {
            Phrase("created \(path) (", "已生成 \(path)（") + counts + Phrase(")\n", "）\n")
        }
        static func markersInTheWay(_ path: String) -> Phrase {
            Phrase("\(path) was not written; fix its markers first", "没有写入 \(path)；请先修正文件里的标记")
        }
        static let partlyRead = Phrase("their rows show what could be read; ", "表中只有能读出的内容；")
        static func cannotStage(_ paths: [String], _ error: Phrase) -> Phrase {
            Phrase("cannot stage \(paths.joined(separator: ", ")): ", "无法暂存 \(paths.joined(separator: "、"))：") + error
        }
        static func counts(customers: Int, followUps: Int) -> Phrase {
            Phrase("\(customers) customer\(customers == 1 ? "" : "s"), \(followUps) follow-up\(followUps == 1 ? "" : "s")",
                   "\(customers) 位客户，\(followUps) 条跟进记录")
        }
        static func window(from: String, to: String) -> Phrase { Phrase(" from \(from) to \(to)", "，\(from) 至 \(to)") }
    }
}

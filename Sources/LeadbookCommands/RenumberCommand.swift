import Foundation
import LeadbookCore
import LeadbookText

/// `leadbook renumber [ID]`: resolves id collisions (two branches that each created the same id).
public enum RenumberCommand: Command {
    public static let spec = CommandSpec(
        name: "renumber",
        summary: Phrase("give the newer of two customers sharing an id the next free id (after a merge)",
                        "两位客户编号相同时，给较新的那位换成下一个空闲编号（git 合并之后）"),
        usage: "leadbook renumber [ID] [-C DIR] [--dry-run]",
        options: [.workspace, OptionSpec("dry-run", help: Phrase("print what would change and write nothing", "打印会改什么，什么都不写"))],
        details: Phrase("""
        For every id used by more than one file (or only ID): the customer created first (by
        `created`, then by file name) keeps the id; each other one gets the next free id (one
        past the highest in use), its `id` is rewritten and its file renamed, keeping the short
        name after the id. Tombstones whose `merged_into` meant a renumbered customer (told from
        git history: which of the files existed when the tombstone was written) follow it;
        one that cannot be told is named and left alone.
        """, """
        对每个被多个文件使用的编号（或只对 ID）：最先创建的客户（先看 `created`，再看文件名）保留编号；
        其他客户各自换成下一个空闲编号（当前最大编号加一），改写 `id` 并重命名文件，编号后面的简称不变。
        已合并的旧文件，若 `merged_into` 指的是被换号的客户（根据 git 历史判断：写下 `merged_into`
        时哪个文件已经存在），也跟着改；判断不了的会列出来，保持不动。
        """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard arguments.positionals.count <= 1 else {
            context.complain(Message.atMostOneId, spec.name, usage: spec.usage)
            return .failure
        }
        let only = arguments.positionals.first
        guard let opened = context.openWorkspace(arguments) else { return .failure }
        let dryRun = arguments.flag("dry-run")
        guard let write = context.openWrite(opened, dryRun: dryRun, "renumber") else { return .failure }
        defer { write.release() }
        let workspace = write.workspace
        let set = CustomerSet.reduce(workspace) { entry -> Renumbering.Customer? in
            guard let id = entry.customer.id else { return nil }
            return Renumbering.Customer(path: entry.path, id: id, created: entry.customer.created, mergedInto: entry.customer.mergedInto)
        }
        let customers = set.records
        if let only, !customers.contains(where: { $0.id == only }) {
            let near = Suggestion.closest(to: only, among: customers.map(\.id))
            context.complain(Message.noSuchId(only, near: near), spec.name)
            return .failure
        }
        let git = Git(directory: workspace.root)
        let inGit = git.topLevel() != nil
        let plan = Renumbering.plan(customers, only: only, prefix: workspace.configuration.idPrefix) { tombstone, id, candidates in
            inGit ? meaning(git, tombstone: tombstone, id: id, candidates: candidates) : nil
        }
        if plan.kept.isEmpty {
            context.console.out(only.map(Message.nothingToRenumber) ?? Message.nothingAtAllToRenumber)
            set.warnAboutErrors("renumber", context)
            return .ok
        }
        if !plan.withoutFreeId.isEmpty {
            context.complain(Message.noFreeId(plan.withoutFreeId, maxDigits: CustomerIds.maxDigits), spec.name)
            return .findings
        }
        let created = Dictionary(customers.map { ($0.path, $0.created) }, uniquingKeysWith: { first, _ in first })
        func when(_ path: String) -> Phrase { created[path].flatMap { $0.map(Message.created) } ?? Message.noCreated }
        var problems: [Phrase] = []
        var refusals: [CustomerWrite.Refusal] = []
        /// Reads `path` under the lock and adds its change; a problem is kept to be told.
        func change(_ path: String, _ body: ([UInt8]) throws -> Void) {
            do {
                switch write.read(path) {
                case .success(let bytes): try body(bytes)
                case .failure(let diagnostic): problems.append(DiagnosticReport.phrase(diagnostic))
                }
            } catch let refusal as CustomerWrite.Refusal {
                refusals.append(refusal)
            } catch {
                problems.append(CommandContext.Message.problem(Message.notWritten(path, .of(error)), spec.name))
            }
        }
        for (id, path) in plan.kept {
            context.console.out(Message.kept(id, by: path, when(path)))
            for move in plan.moves where move.oldId == id {
                context.console.out(Message.renamed(id, to: move.newId, move.path, when(move.path), newPath: move.newPath))
                // New id written, file saved under its new name, then the old name removed (a
                // crash in between leaves both, which `check` reports; never neither).
                change(move.path) { bytes in
                    var edit = try RecordEdit(bytes: bytes)
                    try edit.set(["id"], to: move.newId)
                    try write.move(move.path, to: move.newPath, from: bytes, to: try edit.apply())
                }
            }
        }
        for reference in plan.references {
            context.console.out(Message.repointed(reference.path, from: reference.oldId, to: reference.newId))
            change(reference.path) { bytes in
                var edit = try RecordEdit(bytes: bytes)
                try edit.set(["merged_into"], to: reference.newId)
                try write.update(reference.path, from: bytes, to: try edit.apply())
            }
        }
        for (path, id) in plan.unresolved {
            context.complain(Message.ambiguousTombstone(path, id), spec.name)
        }
        // Every customer is renumbered, or none.
        for problem in problems { context.console.err(problem) }
        let refused = refusals.map { context.refuse($0, "renumber") }
        var code = ExitCode.ok
        if !problems.isEmpty || refused.contains(.failure) {
            code = .failure
        } else if !refused.isEmpty {
            code = .findings
        } else {
            do {
                try write.commit()
            } catch {
                code = context.refuse(error, "renumber")
            }
        }
        let count = plan.moves.count
        if dryRun && code == .ok {
            context.console.out(Message.wouldRenumber(count))
        } else if code == .ok {
            context.console.out(Message.renumbered(count))
        }
        set.warnAboutErrors("renumber", context)
        return code
    }

    /// Which of the files that share `id` a tombstone meant: the one that existed in the
    /// commit that wrote `merged_into: id` into it.
    static func meaning(_ git: Git, tombstone: String, id: String, candidates: [String]) -> String? {
        // During a merge, the other side's history is reachable from MERGE_HEAD only.
        let heads = ["HEAD"] + (git.isCommit("MERGE_HEAD") ? ["MERGE_HEAD"] : [])
        guard let log = try? git.run(["log", "-1", "--format=%H", "-S" + id] + heads + ["--", tombstone]), log.succeeded, !log.text.isEmpty,
              let tree = try? git.run(["ls-tree", "-r", "--name-only", "-z", log.text, "--"] + candidates), tree.succeeded else { return nil }
        let existing = Git.fields(tree.stdout).map { String(decoding: $0, as: UTF8.self) }
        return existing.count == 1 && candidates.contains(existing[0]) ? existing[0] : nil
    }
}

extension RenumberCommand {
    /// What `leadbook renumber` says.
    enum Message {
        static let atMostOneId = Phrase("give at most one id", "最多给一个编号")
        static func noSuchId(_ id: String, near: String?) -> Phrase {
            Phrase("no customer has id \(id)" + (near.map { "; did you mean \($0)?" } ?? ""),
                   "没有编号为 \(id) 的客户" + (near.map { "，是不是要写 \($0)？" } ?? ""))
        }
        static func nothingToRenumber(_ id: String) -> Phrase {
            Phrase("\(id) belongs to one customer: nothing to renumber\n", "\(id) 只属于一位客户，不用换号\n")
        }
        static let nothingAtAllToRenumber = Phrase("every id belongs to one customer: nothing to renumber\n",
                                                   "每个编号都只属于一位客户，不用换号\n")
        /// When a customer was created, to tell the customers that share an id apart.
        static func created(_ moment: LocalDateTime) -> Phrase { Phrase("created \(moment)", "创建于 \(moment)") }
        static let noCreated = Phrase("no `created`", "没有 `created`")
        static func noFreeId(_ paths: [String], maxDigits: Int) -> Phrase {
            Phrase("no free id is left for \(paths.joined(separator: ", ")): the highest id in use has \(maxDigits) digits of nines; "
                   + "give that customer a shorter id by hand (and its file name), then run renumber again; nothing was written",
                   "\(paths.joined(separator: "、")) 已经没有空闲编号可换：在用的最大编号已是 \(maxDigits) 位的 9；"
                   + "请手动给那位客户改一个短一些的编号（连同文件名），再运行一次 renumber；什么都没有写")
        }
        static func notWritten(_ path: String, _ error: Phrase) -> Phrase { Phrase(verbatim: "\(path): ") + error }
        static func kept(_ id: String, by path: String, _ when: Phrase) -> Phrase {
            Phrase("\(id): kept by \(path) (\(when.en))\n", "\(id)：由 \(path) 保留（\(when.zh)）\n")
        }
        static func renamed(_ id: String, to newId: String, _ path: String, _ when: Phrase, newPath: String) -> Phrase {
            Phrase("\(id) -> \(newId): \(path) (\(when.en)) renamed to \(newPath)\n",
                   "\(id) → \(newId)：\(path)（\(when.zh)）重命名为 \(newPath)\n")
        }
        static func repointed(_ path: String, from oldId: String, to newId: String) -> Phrase {
            Phrase("\(path): merged_into \(oldId) -> \(newId)\n", "\(path)：merged_into \(oldId) → \(newId)\n")
        }
        static func ambiguousTombstone(_ path: String, _ id: String) -> Phrase {
            Phrase("\(path) has `merged_into: \(id)`, which could mean any of the customers that had \(id); it still names the one that kept it: change it if it meant another",
                   "\(path) 写的是 `merged_into: \(id)`，用过 \(id) 的客户都有可能；它仍指向保留编号的那位，如果原本指的是另一位，请手动改")
        }
        static func wouldRenumber(_ count: Int) -> Phrase {
            Phrase("\(count) customer\(count == 1 ? "" : "s") would be renumbered (dry run: nothing written)\n",
                   "将给 \(count) 位客户换号（试运行：什么都没有写）\n")
        }
        static func renumbered(_ count: Int) -> Phrase {
            Phrase("\(count) customer\(count == 1 ? "" : "s") renumbered; commit the change (`git add -A`)\n",
                   "已给 \(count) 位客户换号；请提交这次改动（`git add -A`）\n")
        }
    }
}

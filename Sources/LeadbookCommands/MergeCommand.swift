import Foundation
import LeadbookCore
import LeadbookText

/// `leadbook merge KEEP OTHER`: one profile from two files of the same customer.
public enum MergeCommand: Command {
    public static let spec = CommandSpec(
        name: "merge",
        summary: Phrase("merge two files of the same customer into one (OTHER becomes a tombstone)",
                        "把同一客户的两个文件合并为一个（OTHER 的文件留下，标记为已合并）"),
        usage: "leadbook merge KEEP OTHER [--delete] [--dry-run] [--at DATETIME] [-C DIR]",
        options: [
            .workspace,
            OptionSpec("delete", help: Phrase(
                "delete OTHER's file instead of leaving a tombstone (git keeps its history)",
                "删除 OTHER 的文件，而不是留下标记为已合并的旧文件（git 里仍有它的历史）")),
            OptionSpec("dry-run", help: Phrase("print the changes as a unified diff and write nothing",
                                               "以 unified diff 打印改动，什么都不写")),
            OptionSpec("at", value: "DATETIME", help: Phrase(
                "the time written in the merge record (default: now)", "合并记录里写的时间（默认：现在）")),
        ],
        details: Phrase("""
        KEEP gets OTHER's contacts (without repeats), OTHER's channel as a `sources` item (with
        its capture date and detail), OTHER's follow-up and feedback entries (byte for byte,
        interleaved by date) and the fields KEEP lacked. Where both have a value, KEEP's stays
        and OTHER's is noted in the merge record (section `## Merges` / `## 合并记录` of KEEP);
        status and next follow the merged log. OTHER keeps every other line and gets
        `merged_into: KEEP`. Both files must be free of errors first (`leadbook check`).
        """, """
        KEEP 得到 OTHER 的联系人（去掉重复）、OTHER 的来源渠道（作为 `sources` 的一项，带获取日期
        和来源详情）、OTHER 的跟进记录和客户反馈（逐字节照搬，按日期穿插），以及 KEEP 缺少的字段。
        两边都有值时保留 KEEP 的，OTHER 的值记在合并记录里（KEEP 的 `## Merges` / `## 合并记录` 一节）；
        状态和下次跟进按合并后的跟进记录推算。OTHER 其余每一行都保留，并写上 `merged_into: KEEP`。
        两个文件都要先没有错误（`leadbook check`）。
        """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        context.refusing(spec.name) { try execute(arguments, context) }
    }

    static func execute(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
        guard arguments.positionals.count == 2 else { throw Refusal.usage(Message.twoIds(usage: spec.usage)) }
        let (keepId, otherId) = (arguments.positionals[0], arguments.positionals[1])
        guard keepId != otherId else { throw Refusal.usage(Message.sameCustomer) }
        guard let opened = context.openWorkspace(arguments) else { return .failure }
        let at = try context.moment(arguments, "at", opened)
        let dryRun = arguments.flag("dry-run"), delete = arguments.flag("delete")
        let write = try context.openWrite(opened, dryRun: dryRun)
        defer { write.release() }
        let workspace = write.workspace

        let keep = try context.editableCustomer(keepId, workspace)
        let other = try context.editableCustomer(otherId, workspace)
        guard keep.path != other.path else { throw Refusal.usage(Message.sameFile(keepId, otherId, keep.path)) }
        for target in [keep, other] where target.result.findings.errorCount > 0 {
            throw Refusal.finding(Message.hasErrors(target.path, target.result.findings.errorCount))
        }
        let outcome: CustomerMerge.Outcome
        do {
            outcome = try CustomerMerge.merge(
                keep: CustomerMerge.Input(path: keep.path, bytes: keep.bytes, customer: keep.customer, edit: keep.edit),
                other: CustomerMerge.Input(path: other.path, bytes: other.bytes, customer: other.customer, edit: other.edit),
                configuration: workspace.configuration, at: at, deleteOther: delete)
        } catch let problem as CustomerMerge.Problem {
            throw Refusal.finding(problem.phrase)
        }
        // KEEP first: if anything stops halfway, OTHER's entries are in both files, never in none.
        try write.update(keep.path, from: keep.bytes, to: outcome.keep, had: keep.result.findings.diagnostics)
        if let tombstone = outcome.tombstone {
            try write.update(other.path, from: other.bytes, to: tombstone, had: other.result.findings.diagnostics)
        } else {
            write.remove(other.path, other.bytes)
        }

        // Tombstones of earlier merges into OTHER now point at KEEP.
        var repointed: [(String, [UInt8], [UInt8])] = []
        if let otherCustomerId = other.customer.id, let keepCustomerId = keep.customer.id {
            let facts = WorkspaceCheck.facts(workspace)
            context.tellUnread(facts.unread)
            CustomerSet.warnAboutErrors(facts.unreadPaths, spec.name, context, consequence: Message.notRepointed)
            for fact in facts.values where fact.mergedInto == otherCustomerId && fact.path != other.path {
                guard case .success(let bytes) = write.read(fact.path), var edit = try? RecordEdit(bytes: bytes) else { continue }
                try edit.set(["merged_into"], to: keepCustomerId)
                let after = try edit.apply()
                try write.update(fact.path, from: bytes, to: after)
                repointed.append((fact.path, bytes, after))
            }
        }

        if dryRun {
            context.console.out(UnifiedDiff.diff(old: keep.bytes, new: outcome.keep, path: keep.path))
            if let tombstone = outcome.tombstone {
                context.console.out(UnifiedDiff.diff(old: other.bytes, new: tombstone, path: other.path))
            } else {
                context.console.out(Message.wouldDelete(other.path))
            }
            for (path, before, after) in repointed { context.console.out(UnifiedDiff.diff(old: before, new: after, path: path)) }
            return .ok
        }
        try write.commit()
        for line in outcome.summary { context.console.out(line + "\n") }
        context.console.out(outcome.tombstone == nil ? Message.deleted(other.path) : Message.tombstone(other.path, mergedInto: keep.customer.id ?? ""))
        for (path, _, _) in repointed { context.console.out(Message.repointed(path, to: keep.customer.id ?? "")) }
        return .ok
    }
}

extension MergeCommand {
    /// What `leadbook merge` says besides the summary of the merge.
    enum Message {
        static func twoIds(usage: String) -> Phrase {
            Phrase("give two customer ids: KEEP and OTHER\nusage: \(usage)", "请给出两个客户编号：KEEP（保留的）和 OTHER（并进来的）\n用法：\(usage)")
        }
        static let sameCustomer = Phrase("KEEP and OTHER are the same customer", "KEEP 和 OTHER 是同一个客户")
        static func sameFile(_ keep: String, _ other: String, _ path: String) -> Phrase {
            Phrase("\(keep) and \(other) are the same file (\(path))", "\(keep) 和 \(other) 是同一个文件（\(path)）")
        }
        static func hasErrors(_ path: String, _ count: Int) -> Phrase {
            Phrase("\(path) has \(count) error\(count == 1 ? "" : "s"); fix them first (`leadbook check \(path)`, `leadbook sync`), then merge",
                   "\(path) 有 \(count) 个错误；先改好（`leadbook check \(path)`、`leadbook sync`），再合并")
        }
        static let notRepointed = Phrase("tombstones among them were not repointed; ", "其中已合并的旧文件没有改指向；")
        /// In a dry run, for OTHER when `--delete` is given.
        static func wouldDelete(_ path: String) -> Phrase { Phrase("delete \(path)\n", "将删除 \(path)\n") }
        static func deleted(_ path: String) -> Phrase { Phrase("deleted \(path)\n", "已删除 \(path)\n") }
        static func tombstone(_ path: String, mergedInto id: String) -> Phrase {
            Phrase("\(path) is now a tombstone (merged_into: \(id))\n", "\(path) 已标记为已合并（merged_into: \(id)）\n")
        }
        static func repointed(_ path: String, to id: String) -> Phrase {
            Phrase("\(path): merged_into now \(id)\n", "\(path)：merged_into 改为 \(id)\n")
        }
    }
}

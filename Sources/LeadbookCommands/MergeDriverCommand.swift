import LeadbookCore
import LeadbookText

/// `leadbook merge-driver -- %O %A %B %P`: git's merge driver for customer files and the index
/// (registered by `leadbook hook install`). The four arguments are paths whatever they look
/// like, after `--` or not (a line registered before `--` was written has none).
public enum MergeDriverCommand: Command {
    public static let spec = CommandSpec(
        name: "merge-driver",
        summary: "git merge driver: merge customer files key by key and their logs entry by entry",
        usage: "leadbook merge-driver [-C DIR] [--] BASE OURS THEIRS PATH",
        options: [.workspace],
        details: """
        git runs it as `leadbook merge-driver -- %O %A %B %P` for the files .gitattributes marks
        `merge=leadbook`; the result is written over OURS. The last four arguments are always
        the files, even when one begins with `-` and there is no `--`. Customer files: the front matter key by
        key (conflict markers only where both sides changed a key to different values; status,
        next and grade follow the merged log and score), the follow-up and feedback logs as a
        union of both sides' entries in date order. The index file (leadbook.yml `index`): ours
        is kept when both sides changed it; the post-merge hook (`leadbook index`) regenerates it after the merge.
        Other files are merged line by line. Exit 0 when merged cleanly, 1 when conflicts remain.
        """,
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
                context.complain(Message.cannotRead(name, error.description), spec.name)
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
        if let relative, relative == configuration.indexFile {
            // Generated: never worth a conflict. `leadbook index` writes it anew.
            if ours == base || ours == theirs {
                result = Reconciliation.Result(bytes: theirs, conflicts: 0, notes: [])
            } else {
                result = Reconciliation.Result(bytes: ours, conflicts: 0, notes: theirs == base ? [] : [
                    Message.indexKeptOurs,
                ])
            }
        } else if relative.map({ Workspace.isCustomerPath($0, folder: configuration.customersFolder) }) ?? CustomerFolderWalk.isMarkdown(path) {
            result = Reconciliation.reconcile(base: base, ours: ours, theirs: theirs, configuration: configuration, labels: labels)
        } else {
            let merged = Diff3.combine(base: base, ours: ours, theirs: theirs, labels: labels)
            result = Reconciliation.Result(bytes: merged.bytes, conflicts: merged.conflicts, notes: [])
        }
        do {
            try AtomicFile.write(result.bytes, to: context.absolute(names[1]))
        } catch {
            context.complain("\(error)", spec.name)
            return .failure
        }
        for note in result.notes {
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
        static let fourFiles = "give the four files git passes: %O %A %B %P"
        static func cannotRead(_ name: String, _ reason: String) -> String { "cannot read \(name): \(reason)" }
        /// The index file, changed on both sides.
        static let indexKeptOurs = "both sides changed it: kept ours; the post-merge hook regenerates it (or run `leadbook index` after the merge)"
        static func note(_ path: String, _ note: String) -> String { "\(path): \(note)" }
        static func conflicts(_ path: String, _ count: Int) -> String {
            "\(path): \(count) conflict\(count == 1 ? "" : "s") left between <<<<<<< and >>>>>>> lines; keep the right lines, then `leadbook check` and `git add \(path)`"
        }
    }
}

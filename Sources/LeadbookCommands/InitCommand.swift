import Foundation
import LeadbookCore
import LeadbookText

/// `leadbook init [DIR]`: a new workspace, in git, with the hook installed.
public enum InitCommand: Command {
    public static let spec = CommandSpec(
        name: "init",
        summary: "create a new workspace: leadbook.yml, customers/, INDEX.md, CI templates, git and the hook",
        usage: "leadbook init [DIR | -C DIR]",
        options: [.workspace],
        details: """
        Creates DIR (default: the current folder; -C DIR works too) with a commented
        leadbook.yml, an empty customers/ folder, INDEX.md, README.md, .gitignore (.leadbook/ and temporary files),
        .gitattributes (the merge driver) and the CI templates .github/workflows/leadbook.yml and
        .gitlab-ci.yml. Runs `git init` when DIR is not inside a git repository, then
        `leadbook hook install`. Files that already exist are left as they are; a folder that
        already has leadbook.yml is refused.
        """)

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard arguments.positionals.count <= 1, arguments.positionals.isEmpty || arguments.value("workspace") == nil else {
            context.complain(Message.oneFolder, spec.name, usage: spec.usage)
            return .failure
        }
        let given = arguments.positionals.first ?? arguments.value("workspace") ?? "."
        let root = Workspace.normalize(context.absolute(given))
        do {
            let outcome = try WorkspaceInit.create(at: root)
            for line in outcome.done { context.console.out(line + "\n") }
            for note in outcome.notes { context.complain(note, spec.name) }
            context.console.out(Message.next(given == "." ? nil : GitHooks.shellQuoted(given)))
            return .ok
        } catch {
            context.complain("\(error)", spec.name)
            return .failure
        }
    }
}

/// Creating a workspace from the template built into the binary.
public enum WorkspaceInit {
    public struct Outcome {
        public var done: [String] = []
        public var notes: [String] = []
    }

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public static func create(at root: String) throws -> Outcome {
        var outcome = Outcome()
        if FileAccess.exists(root) && !FileAccess.isDirectory(root) { throw Failure(message: "\(root) is a file, not a folder") }
        if FileAccess.exists(root + "/" + Workspace.configurationFileName) {
            throw Failure(message: "\(root) is already a workspace (it has leadbook.yml); `leadbook hook install` installs the hook there")
        }
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "cannot create \(root): \(error.localizedDescription)")
        }
        for file in WorkspaceTemplate.files {
            // Where it really is: nothing is read or written through a link out of the folder.
            let path: String
            switch WorkspacePath.resolve(file.path, root: root) {
            case .success(let real): path = real
            case .failure(let escape):
                outcome.notes.append(InitCommand.Message.notWritten(file.path, escape.words.text))
                continue
            }
            if FileAccess.exists(path) {
                if file.path == ".gitignore" {
                    let added = try addMissingLines(file.text, to: path)
                    if !added.isEmpty { outcome.done.append(InitCommand.Message.addedToGitignore(added)) }
                } else {
                    outcome.notes.append(InitCommand.Message.kept(file.path))
                }
                continue
            }
            let folder = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try AtomicFile.write(Array(file.text.utf8), to: path)
            outcome.done.append("created \(file.path)")
        }
        let git = Git(directory: root)
        guard Git.executable(ProcessInfo.processInfo.environment) != nil else {
            outcome.notes.append("git is not installed: the workspace works without it; run `git init` and `leadbook hook install` once it is")
            return outcome
        }
        if let top = git.topLevel() {
            outcome.done.append("inside the git repository at \(top)")
        } else {
            _ = try git.succeed(["init", "-q"])
            outcome.done.append("ran git init")
        }
        outcome.done += try GitHooks.install(root: root, configuration: Workspace.configuration(root: root)).map(\.en)
        return outcome
    }

    /// Appends the lines of `text` that `path` lacks; returns them.
    static func addMissingLines(_ text: String, to path: String) throws -> [String] {
        guard case .success(let bytes) = FileAccess.read(path) else { return [] }
        // The file's own bytes stay as they are (whatever their encoding); the lines are added.
        let existing = String(decoding: bytes, as: UTF8.self)
        let present = Set(existing.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") && !present.contains($0) }
        guard !missing.isEmpty else { return [] }
        let added = (bytes.isEmpty || bytes.last == 0x0A ? "" : "\n") + missing.joined(separator: "\n") + "\n"
        try AtomicFile.write(bytes + Array(added.utf8), to: path)
        return missing
    }
}

extension InitCommand {
    /// What `leadbook init` says.
    enum Message {
        static let oneFolder = "give one folder (DIR or -C DIR)"
        static func notWritten(_ path: String, _ reason: String) -> String { "\(path) not written: \(reason)" }
        static func kept(_ path: String) -> String { "\(path) already exists: kept as it is" }
        static func addedToGitignore(_ lines: [String]) -> String {
            "added \(lines.map { "`\($0)`" }.joined(separator: ", ")) to the existing .gitignore"
        }
        /// What to do after `init`; `folder` (shell-quoted) is the one to `cd` into, nil for the current one.
        static func next(_ folder: String?) -> String {
            "\nnext:\n" + (folder.map { "  cd \($0)\n" } ?? "") + """
              leadbook check
              git add -A && git commit -m "leadbook workspace"
            then add one file per customer under customers/ (see README.md).

            """
        }
    }
}

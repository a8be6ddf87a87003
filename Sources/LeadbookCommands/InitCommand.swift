import Foundation
import LeadbookCore
import LeadbookText

/// `leadbook init [DIR]`: a new workspace, in git, with the hook installed.
public enum InitCommand: Command {
    public static let spec = CommandSpec(
        name: "init",
        summary: Phrase("create a new workspace: leadbook.yml, customers/, INDEX.md, CI templates, git and the hook",
                        "新建工作区：leadbook.yml、customers/、INDEX.md、CI 模板、git 仓库和钩子"),
        usage: "leadbook init [DIR | -C DIR]",
        options: [.workspace],
        details: Phrase("""
        Creates DIR (default: the current folder; -C DIR works too) with a commented
        leadbook.yml, an empty customers/ folder, INDEX.md, README.md, .gitignore (.leadbook/ and temporary files),
        .gitattributes (the merge driver) and the CI templates .github/workflows/leadbook.yml and
        .gitlab-ci.yml. Runs `git init` when DIR is not inside a git repository, then
        `leadbook hook install`. Files that already exist are left as they are; a folder that
        already has leadbook.yml is refused.
        """, """
        在 DIR（默认为当前文件夹，也可以用 -C DIR）里创建：带注释的 leadbook.yml、空的 customers/
        文件夹、INDEX.md、README.md、.gitignore（忽略 .leadbook/ 和临时文件）、.gitattributes（合并
        驱动）以及 CI 模板 .github/workflows/leadbook.yml 和 .gitlab-ci.yml。DIR 不在 git 仓库里时先
        运行 `git init`，然后运行 `leadbook hook install`。已有的文件保持原样；已经有 leadbook.yml
        的文件夹不会再初始化。
        """))

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
        } catch let failure as WorkspaceInit.Failure {
            context.complain(failure.phrase, spec.name)
            return .failure
        } catch {
            context.complain(Phrase(verbatim: "\(error)"), spec.name)
            return .failure
        }
    }
}

/// Creating a workspace from the template built into the binary.
public enum WorkspaceInit {
    public struct Outcome {
        /// What was made, one line each.
        public var done: [Phrase] = []
        /// What was left alone, and why.
        public var notes: [Phrase] = []
    }

    public struct Failure: Error, CustomStringConvertible {
        public let phrase: Phrase
        public var message: String { phrase.en }
        public var description: String { message }
    }

    public static func create(at root: String) throws -> Outcome {
        var outcome = Outcome()
        if FileAccess.exists(root) && !FileAccess.isDirectory(root) { throw Failure(phrase: InitCommand.Message.aFile(root)) }
        if FileAccess.exists(root + "/" + Workspace.configurationFileName) {
            throw Failure(phrase: InitCommand.Message.alreadyAWorkspace(root))
        }
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw Failure(phrase: InitCommand.Message.cannotCreate(root, error.localizedDescription))
        }
        for file in WorkspaceTemplate.files {
            // Where it really is: nothing is read or written through a link out of the folder.
            let path: String
            switch WorkspacePath.resolve(file.path, root: root) {
            case .success(let real): path = real
            case .failure(let escape):
                outcome.notes.append(InitCommand.Message.notWritten(file.path, escape.words.phrase))
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
            outcome.done.append(InitCommand.Message.created(file.path))
        }
        let git = Git(directory: root)
        guard Git.executable(ProcessInfo.processInfo.environment) != nil else {
            outcome.notes.append(InitCommand.Message.noGit)
            return outcome
        }
        if let top = git.topLevel() {
            outcome.done.append(InitCommand.Message.insideRepository(top))
        } else {
            _ = try git.succeed(["init", "-q"])
            outcome.done.append(InitCommand.Message.ranGitInit)
        }
        outcome.done += try GitHooks.install(root: root, configuration: Workspace.configuration(root: root))
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
        static let oneFolder = Phrase("give one folder (DIR or -C DIR)", "请只指定一个文件夹（DIR 或 -C DIR）")
        static func aFile(_ root: String) -> Phrase { Phrase("\(root) is a file, not a folder", "\(root) 是文件，不是文件夹") }
        static func alreadyAWorkspace(_ root: String) -> Phrase {
            Phrase("\(root) is already a workspace (it has leadbook.yml); `leadbook hook install` installs the hook there",
                   "\(root) 已经是工作区（有 leadbook.yml）；要在那里安装钩子，请运行 `leadbook hook install`")
        }
        static func cannotCreate(_ root: String, _ reason: String) -> Phrase {
            Phrase("cannot create \(root): \(reason)", "无法创建 \(root)：\(reason)")
        }
        static func created(_ path: String) -> Phrase { Phrase("created \(path)", "已创建 \(path)") }
        static func notWritten(_ path: String, _ reason: Phrase) -> Phrase {
            Phrase("\(path) not written: ", "没有写入 \(path)：") + reason
        }
        static func kept(_ path: String) -> Phrase { Phrase("\(path) already exists: kept as it is", "\(path) 已存在：保持原样") }
        static func addedToGitignore(_ lines: [String]) -> Phrase {
            let listed = lines.map { "`\($0)`" }
            return Phrase("added \(listed.joined(separator: ", ")) to the existing .gitignore", "已在现有的 .gitignore 里加上 \(listed.joined(separator: "、"))")
        }
        static let noGit = Phrase("git is not installed: the workspace works without it; run `git init` and `leadbook hook install` once it is",
                                  "没有安装 git：工作区照样能用；装好 git 后请运行 `git init` 和 `leadbook hook install`")
        static func insideRepository(_ top: String) -> Phrase { Phrase("inside the git repository at \(top)", "位于 git 仓库 \(top) 中") }
        static let ranGitInit = Phrase("ran git init", "已运行 git init")
        /// What to do after `init`; `folder` (shell-quoted) is the one to `cd` into, nil for the current one.
        static func next(_ folder: String?) -> Phrase {
            let cd = folder.map { "  cd \($0)\n" } ?? ""
            return Phrase("\nnext:\n" + cd + """
              leadbook check
              git add -A && git commit -m "leadbook workspace"
            then add one file per customer under customers/ (see README.md).

            """, "\n接下来：\n" + cd + """
              leadbook check
              git add -A && git commit -m "leadbook workspace"
            然后在 customers/ 下为每位客户建一个文件（见 README.md）。

            """)
        }
    }
}

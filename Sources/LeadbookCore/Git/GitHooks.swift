import Foundation
import LeadbookText

/// Sets a repository up for a leadbook workspace: the pre-commit and pre-merge-commit hooks
/// that run `leadbook check --staged --against HEAD` (pre-commit, when the staged files check
/// clean, then runs `leadbook hook index`, which brings the staged index file up to date with
/// the staged customer files and stages it, so a commit the hook accepts is one CI accepts),
/// the post-merge hook that runs `leadbook index`, the merge driver for customer files and the
/// index (in .git/config and the workspace's .gitattributes), and `core.quotePath false`.
///
/// A hook runs the leadbook that installed it, by its absolute path (GUI git clients often run
/// hooks without the user's PATH), and falls back to the `leadbook` on PATH when that file is
/// gone; when neither is there it refuses the commit and says what to do.
public enum GitHooks {
    /// The line that marks a hook as leadbook's own (so reinstalling replaces it).
    public static let marker = "# leadbook hook: installed by `leadbook hook install`"
    /// The merge driver keeps one side of the index file (the customer files are merged one by
    /// one, so the merged set is known only at the end): post-merge regenerates it after a merge
    /// git committed itself, pre-commit stages it into a merge finished by hand.
    public static let hookNames = ["pre-commit", "pre-merge-commit", "post-merge"]
    /// Where an existing hook goes; leadbook's hook runs it first.
    public static let chainedSuffix = ".before-leadbook"

    public struct Failure: Error, SaidError, CustomStringConvertible {
        public let words: Wording<Failure>
        public var phrase: Phrase { words.phrase }
        public var description: String { words.text }
    }

    /// Installs everything for the workspace at `root`; returns what was done, one line each.
    /// The hooks run `hookProgram` (by default this very program, by its absolute path), the
    /// merge driver `leadbook` (by default the name when PATH finds this program, else its path).
    public static func install(root: String, configuration: Configuration, leadbook: String = command(),
                               hookProgram: String? = nil) throws -> [Phrase] {
        let git = Git(directory: root)
        // The workspace's folder from the top of the working tree (rev-parse fails outside
        // one), and the hooks folder: one value per rev-parse, so that a line break in a
        // folder's name is part of the name.
        guard git.topLevel() != nil, let prefix = try? git.run(["rev-parse", "--show-prefix"]), prefix.succeeded,
              let hooksPath = try? git.run(["rev-parse", "--git-path", "hooks"]), hooksPath.succeeded else {
            throw Failure(words: .notInRepository(root))
        }
        // .gitattributes is resolved and read before anything is written, so a link out of
        // the workspace is refused with no hook written and nothing in .git/config.
        let attributes = try attributesChange(root: root, configuration: configuration)
        var done: [Phrase] = []
        let program = shellPath(hookProgram ?? currentExecutable() ?? leadbook)
        let workspace = prefix.line.isEmpty ? "." : String(prefix.line.dropLast())
        let hooks = git.absolute(hooksPath.line)
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        for name in hookNames {
            // A repository may hold several workspaces: the hook checks each one installed.
            var workspaces = [workspace]
            var existing: String?
            if case .success(let bytes) = FileAccess.read(hooks + "/" + name) {
                let text = String(decoding: bytes, as: UTF8.self)
                existing = text
                if text.contains(marker) {
                    let listed = text.split(separator: "\n").compactMap { line -> String? in
                        line.hasPrefix(workspaceLine) ? Self.workspace(marked: String(line.dropFirst(workspaceLine.count))) : nil
                    }
                    workspaces = listed + (listed.contains(workspace) ? [] : [workspace])
                }
            }
            done.append(try installHook(name, in: hooks, replacing: existing, script: script(name, leadbook: program, workspaces: workspaces)))
        }
        let driver = driverLine(leadbook)
        _ = try git.succeed(["config", "--local", "merge.leadbook.name", "leadbook: customer files entry by entry"])
        _ = try git.succeed(["config", "--local", "merge.leadbook.driver", driver])
        done.append(Wording<GitHooks>.driverRegistered(driver).phrase)
        // Chinese file names (what `leadbook new` writes) shown as text, not as octal escapes.
        _ = try git.succeed(["config", "--local", "core.quotePath", "false"])
        done.append(Wording<GitHooks>.quotePathSet.phrase)
        if let attributes {
            try AtomicFile.write(attributes.bytes, to: attributes.path)
            done.append(Wording<GitHooks>.attributesAdded(attributes.missing).phrase)
        }
        return done
    }

    /// The merge driver's command for .git/config. `--` before git's file names, so that a
    /// path beginning with `-` (a workspace in `-leads/`) is a path. A line an older leadbook
    /// wrote without it works too (the driver's last four arguments are always files), and
    /// every `hook install` writes this one over it.
    public static func driverLine(_ leadbook: String) -> String {
        shellQuoted(leadbook) + " merge-driver -- %O %A %B %P"
    }

    /// The name to run leadbook by: `leadbook` when the PATH finds this very program first,
    /// else its absolute path.
    public static func command() -> String {
        guard let current = currentExecutable() else { return "leadbook" }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        if let found = ProgramPath.first("leadbook", path: path), FileAccess.resolve(found) == current { return "leadbook" }
        return current
    }

    public static func currentExecutable() -> String? {
        #if os(Linux)
        if let path = FileAccess.resolve("/proc/self/exe") { return path }
        #endif
        if let path = Bundle.main.executablePath, let resolved = FileAccess.resolve(path) { return resolved }
        return nil
    }

    /// A program's path as the hooks' sh takes it: Git for Windows' sh takes `C:/...`.
    static func shellPath(_ path: String) -> String {
        #if os(Windows)
        return path.replacingOccurrences(of: "\\", with: "/")
        #else
        return path
        #endif
    }

    /// `'text'` for sh, with any `'` written as `'\''`.
    public static func shellQuoted(_ text: String) -> String {
        if !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || "/._-+".contains($0) }), text.unicodeScalars.allSatisfy(\.isASCII) {
            return text
        }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Marks each workspace the hook checks (the path from the top of the repository).
    public static let workspaceLine = "# workspace: "

    /// A workspace's path as its `# workspace:` comment line holds it: as it is, or, when it
    /// holds a line break (which would end the comment) or begins with `"`, in double quotes
    /// with `\n`, `\r`, `\"` and `\\` escaped.
    public static func mark(_ workspace: String) -> String {
        guard workspace.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) || workspace.hasPrefix("\"") else { return workspace }
        var text = "\""
        for scalar in workspace.unicodeScalars {
            switch scalar {
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    /// The workspace a `# workspace:` line names (`mark` undone).
    public static func workspace(marked text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        var result = ""
        var escaped = false
        for scalar in text.unicodeScalars.dropFirst().dropLast() {
            if escaped {
                result.unicodeScalars.append(scalar == "n" ? "\n" : scalar == "r" ? "\r" : scalar)
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public static func script(_ name: String, leadbook: String, workspaces: [String]) -> String {
        let what = name == "pre-commit" ? "commit" : name == "pre-merge-commit" ? "merge commit" : "merge"
        let purpose = name == "post-merge"
            ? """
            # After each \(what): `leadbook index` on the workspace, so the index file (INDEX.md) shows
            # the merged customers; commit it with your next commit. Reinstalling replaces this file;
            # a hook that was here before is kept as \(name)\(chainedSuffix) and runs first.
            """
            : name == "pre-commit"
            ? """
            # Before each \(what): `leadbook check --staged --against HEAD` on the workspace, which
            # checks the staged customer files and leadbook.yml and that no old log entry was
            # rewritten; when they check clean, `leadbook hook index` brings the staged index file
            # (INDEX.md) up to date with the staged customer files and stages it (nothing else is
            # staged). Skip it once with `git commit --no-verify`.
            # Reinstalling replaces this file; a hook that was here before is kept as
            # \(name)\(chainedSuffix) and runs first.
            """
            : """
            # Before each \(what): `leadbook check --staged --against HEAD` on the workspace, which
            # checks the staged customer files and leadbook.yml and that no old log entry was
            # rewritten. Skip it once with `git commit --no-verify`.
            # Reinstalling replaces this file; a hook that was here before is kept as
            # \(name)\(chainedSuffix) and runs first.
            """
        var text = """
        #!/bin/sh
        \(marker)
        \(purpose)
        hook_dir=$(dirname "$0")
        if [ -x "$hook_dir/\(name)\(chainedSuffix)" ]; then
          "$hook_dir/\(name)\(chainedSuffix)" "$@" || exit $?
        fi
        # The leadbook that installed this hook; the one on PATH when that file is gone.
        leadbook=\(shellQuoted(leadbook))
        if [ ! -x "$leadbook" ] || [ -d "$leadbook" ]; then
          if command -v leadbook >/dev/null 2>&1; then
            leadbook=leadbook
          else
            printf '%s\\n' \(shellQuoted(notFound(name, language: .zhCN))) "  $leadbook" \(shellQuoted(notFoundFix(name, language: .zhCN))) \\
              \(shellQuoted(notFound(name, language: .en))) "  $leadbook" \(shellQuoted(notFoundFix(name, language: .en))) >&2
            exit 1
          fi
        fi
        status=0

        """
        for workspace in workspaces {
            text += workspaceLine + mark(workspace) + "\n"
            switch name {
            case "post-merge":
                text += "\"$leadbook\" index -C \(shellQuoted(workspace)) || status=1\n"
            case "pre-merge-commit":
                // git has written the merge commit's tree before this hook runs: staging the
                // index file here would leave it for the next commit, as post-merge does.
                text += "\"$leadbook\" check --staged --against HEAD -C \(shellQuoted(workspace)) || status=1\n"
            default:
                // git writes the tree after pre-commit: the index file staged here goes into this
                // commit (a merge finished by hand too). Only when the staged files check clean.
                text += "if \"$leadbook\" check --staged --against HEAD -C \(shellQuoted(workspace)); then\n"
                text += "  \"$leadbook\" hook index -C \(shellQuoted(workspace)) || status=1\n"
                text += "else\n  status=1\nfi\n"
            }
        }
        text += "exit $status\n"
        return text
    }

    /// Writes one hook over `existing`, the text of the hook there (nil when there is none); an
    /// existing hook that is not leadbook's is kept (renamed) and chained.
    public static func installHook(_ name: String, in folder: String, replacing existing: String?, script: String) throws -> Phrase {
        let path = folder + "/" + name
        let chained = path + chainedSuffix
        var action = Wording<GitHooks>.installed(name)
        if let existing {
            if existing.contains(marker) {
                action = .updated(name)
            } else {
                guard !FileAccess.exists(chained) else {
                    throw Failure(words: .chainedExists(path, name + chainedSuffix))
                }
                do {
                    try FileManager.default.moveItem(atPath: path, toPath: chained)
                } catch {
                    throw Failure(words: .cannotKeep(path, name + chainedSuffix, error.localizedDescription))
                }
                action = .chained(name, name + chainedSuffix)
            }
        }
        try AtomicFile.write(Array(script.utf8), to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return Wording<GitHooks>.hook(action, path).phrase
    }

    /// The .gitattributes lines that send customer files and the index to the merge driver.
    public static func attributeLines(_ configuration: Configuration) -> [String] {
        let folder = configuration.customersFolder
        return ["\(folder)/**/*.md merge=leadbook", "\(folder)/**/*.markdown merge=leadbook", "\(configuration.indexFile) merge=leadbook"]
    }

    /// The workspace's .gitattributes with the missing lines added: where it really is, its new
    /// text and the lines added; nil when all were there. Writes nothing.
    public static func attributesChange(root: String, configuration: Configuration) throws -> (path: String, bytes: [UInt8], missing: [String])? {
        // Read and written where it really is; a link out of the workspace is neither.
        let path: String
        switch WorkspacePath.resolve(".gitattributes", root: root) {
        case .success(let real): path = real
        case .failure(let escape): throw Failure(words: .attributesNotWritten(escape.words.phrase))
        }
        var bytes: [UInt8] = []
        if case .success(let read) = FileAccess.read(path) { bytes = read }
        // The file's own bytes stay as they are (whatever their encoding); the lines are added.
        let text = String(decoding: bytes, as: UTF8.self)
        let present = Set(text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = attributeLines(configuration).filter { !present.contains($0) }
        guard !missing.isEmpty else { return nil }
        var added = ""
        if !bytes.isEmpty && bytes.last != ASCII.lf { added += "\n" }
        if bytes.isEmpty || !text.contains("leadbook") {
            added += (bytes.isEmpty ? "" : "\n") + "# leadbook: merge customer files entry by entry (the driver is registered by `leadbook hook install`)\n"
        }
        added += missing.joined(separator: "\n") + "\n"
        return (path, bytes + Array(added.utf8), missing)
    }

    /// What a hook prints when it finds no leadbook to run (in both languages: the hook cannot
    /// ask leadbook which one the user reads), before and after the path it looked for.
    static func notFound(_ name: String, language: Language) -> String {
        Wording<GitHooks>.notFound(name == "post-merge").phrase.text(language)
    }

    static func notFoundFix(_ name: String, language: Language) -> String {
        Wording<GitHooks>.notFoundFix(name == "post-merge").phrase.text(language)
    }
}

extension Wording where Of == GitHooks.Failure {
    public static func notInRepository(_ root: String) -> Self {
        Self("\(root) is not in a git repository; run `git init` first (or create the workspace with `leadbook init`)",
             "\(root) 不在 git 仓库中：请先运行 `git init`（或用 `leadbook init` 创建工作区）")
    }

    public static func chainedExists(_ path: String, _ chained: String) -> Self {
        Self("\(path) exists and so does \(chained); merge them by hand (leadbook's hook runs \(chained) first), then run `leadbook hook install` again",
             "\(path) 和 \(chained) 都已存在：请手工把两者合成一个（leadbook 的钩子会先运行 \(chained)），再运行 `leadbook hook install`")
    }

    public static func attributesNotWritten(_ reason: Phrase) -> Self {
        Self(Phrase("cannot add the merge driver's lines to .gitattributes: ", "无法在 .gitattributes 中加入合并驱动的设置：") + reason)
    }

    public static func cannotKeep(_ path: String, _ chained: String, _ reason: String) -> Self {
        Self("cannot keep the existing \(path) as \(chained): \(reason)",
             "无法把原有的 \(path) 保留为 \(chained)：\(reason)")
    }
}

extension Wording where Of == GitHooks {
    public static func driverRegistered(_ driver: String) -> Self {
        Self("registered the merge driver in .git/config: merge.leadbook.driver = \(driver)",
             "已在 .git/config 中登记合并驱动：merge.leadbook.driver = \(driver)")
    }

    public static let quotePathSet = Self(
        "set core.quotePath false for this clone: git shows Chinese file names as text",
        "已为本克隆设置 core.quotePath false：git 直接显示中文文件名，不再显示为转义码")

    /// What was done to one hook.
    public static func installed(_ name: String) -> Self { Self("\(name) hook installed", "已安装 \(name) 钩子") }
    public static func updated(_ name: String) -> Self { Self("\(name) hook updated", "已更新 \(name) 钩子") }
    public static func chained(_ name: String, _ chained: String) -> Self {
        Self("\(name) hook installed (your existing hook is kept as \(chained) and runs first)",
             "已安装 \(name) 钩子（原有的钩子保留为 \(chained)，并先于它运行）")
    }
    public static func hook(_ action: Self, _ path: String) -> Self {
        Self(action.phrase + Phrase(": ", "：") + path)
    }

    public static func attributesAdded(_ lines: [String]) -> Self {
        Self("added to .gitattributes: \(lines.joined(separator: ", ")) (commit it so everyone's clone uses the driver)",
             "已在 .gitattributes 中加入：\(lines.joined(separator: "、"))（请提交它，让每个人的克隆都使用合并驱动）")
    }

    /// The first lines a hook prints when it finds no leadbook: the path it looked for follows.
    static func notFound(_ afterMerge: Bool) -> Self {
        afterMerge
            ? Self("leadbook hook: cannot find leadbook, so the index file was not updated after the merge: this file is gone and PATH has no leadbook:",
                   "leadbook 钩子：找不到 leadbook，合并后的索引文件没有更新：下面这个文件已不存在，PATH 中也没有 leadbook：")
            : Self("leadbook hook: cannot find leadbook, so the commit is refused (nothing was checked): this file is gone and PATH has no leadbook:",
                   "leadbook 钩子：找不到 leadbook，提交已拒绝（没有做任何检查）：下面这个文件已不存在，PATH 中也没有 leadbook：")
    }

    /// How to fix it, after the path.
    static func notFoundFix(_ afterMerge: Bool) -> Self {
        afterMerge
            ? Self("install leadbook (docs/install.md) or add its folder to PATH, run `leadbook hook install` in the workspace, then `leadbook index`",
                   "请安装 leadbook（见 docs/install.md）或把它所在的文件夹加入 PATH，在工作区运行 `leadbook hook install`，再运行 `leadbook index`")
            : Self("install leadbook (docs/install.md) or add its folder to PATH, then run `leadbook hook install` in the workspace and commit again; `git commit --no-verify` skips the check once",
                   "请安装 leadbook（见 docs/install.md）或把它所在的文件夹加入 PATH，然后在工作区运行 `leadbook hook install` 再提交；`git commit --no-verify` 可跳过一次检查")
    }
}

import Foundation
import LeadbookText

/// Reads the customer files of a workspace as they were at a git revision, straight from the
/// repository (no snapshot is ever stored): `git rev-parse` names the commit, `git ls-tree`
/// lists the files, and one `git cat-file --batch` process gives their contents (the bytes
/// `git show REV:path` prints), read as a stream so they are never all in memory at once.
/// git always runs with an argument array, never through a shell.
public enum GitRevision {
    public struct Failure: Error, SaidError, CustomStringConvertible, Equatable {
        /// What went wrong, in both languages.
        public let phrase: Phrase
        public init(_ phrase: Phrase) { self.phrase = phrase }
        public init(_ words: Wording<Failure>) { self.phrase = words.phrase }
        /// The message in English.
        public var message: String { phrase.en }
        public var description: String { message }
    }

    public struct File: Sendable, Equatable {
        /// Relative to the workspace folder, with `/`.
        public var path: String
        public var blob: String
    }

    /// git in the workspace folder, with `environment`.
    public static func git(_ root: String, _ environment: [String: String]) throws -> Git {
        guard Git.executable(environment) != nil else { throw Failure(.gitNotFound) }
        return Git(directory: root, environment: environment)
    }

    /// Runs git and collects what it prints.
    public static func run(_ arguments: [String], in root: String, environment: [String: String]) throws -> Git.Output {
        try git(root, environment).run(arguments)
    }

    /// A failure of git as this type, with git's own message.
    public static func failure(_ error: Error) -> Failure {
        switch error {
        case let failure as Failure: return failure
        case let failure as Git.Failure: return Failure(failure.phrase)
        default: return Failure(.cannotRun("\(error)"))
        }
    }

    public static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.hasPrefix("fatal: ") ? String(line.dropFirst(7)) : line
    }

    /// The commit `revision` names, as a full hash.
    public static func commit(_ revision: String, root: String, environment: [String: String]) -> Result<String, Failure> {
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            return .failure(Failure(.notARevision(revision)))
        }
        do {
            let result = try run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: root, environment: environment)
            let hash = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if result.succeeded, !hash.isEmpty { return .success(hash) }
            // Only a revision that is not found costs the question why.
            let inside = try run(["rev-parse", "--is-inside-work-tree"], in: root, environment: environment)
            guard inside.succeeded else {
                return .failure(Failure(.notInRepository(root, firstLine(inside.stderr))))
            }
            return .failure(Failure(.noCommit(revision)))
        } catch {
            return .failure(failure(error))
        }
    }

    /// The customer files (`.md` under `folder`, hidden names left out, as the folder walk does)
    /// at `commit`.
    public static func files(at commit: String, folder: String, root: String, environment: [String: String]) -> Result<[File], Failure> {
        do {
            let result = try run(["ls-tree", "-r", "-z", commit, "--", folder], in: root, environment: environment)
            guard result.succeeded else { return .failure(Failure(.lsTreeFailed(firstLine(result.stderr)))) }
            var files: [File] = []
            for record in result.stdout.split(separator: 0) {
                // <mode> SP <type> SP <object> TAB <path>
                guard let tab = record.firstIndex(of: ASCII.tab) else { continue }
                let fields = record[record.startIndex..<tab].split(separator: ASCII.space)
                guard fields.count == 3, fields[1].elementsEqual("blob".utf8), !fields[0].elementsEqual("120000".utf8) else { continue }
                let path = String(decoding: record[(tab + 1)...], as: UTF8.self)
                let name = WorkspacePath.fileName(path)
                guard CustomerFolderWalk.isMarkdown(name), !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                files.append(File(path: path, blob: String(decoding: fields[2], as: UTF8.self)))
            }
            files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            return .success(files)
        } catch {
            return .failure(failure(error))
        }
    }

    /// Streams the files' contents from one `git cat-file --batch`, handing them to `body` in
    /// batches of `batchSize` (in the order of `files`), so memory holds one batch at a time.
    public static func read(_ files: [File], root: String, environment: [String: String], batchSize: Int = 256,
                            _ body: ([(path: String, bytes: [UInt8])]) -> Void) -> Result<Void, Failure> {
        guard !files.isEmpty else { return .success(()) }
        let reader: GitObjectReader
        do { reader = try GitObjectReader(git(root, environment)) } catch { return .failure(failure(error)) }
        var batch: [(path: String, bytes: [UInt8])] = []
        var stopped: Failure?
        do {
            var start = 0
            while start < files.count {
                let end = min(files.count, start + GitObjectReader.batch)
                var index = start
                try reader.readBatch(files[start..<end].map(\.blob)[...]) { bytes in
                    let file = files[index]
                    index += 1
                    guard let bytes else { throw Failure(.noContents(file.path, file.blob)) }
                    batch.append((file.path, bytes))
                    if batch.count == batchSize {
                        body(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                start = end
            }
            if !batch.isEmpty { body(batch) }
        } catch {
            stopped = failure(error)
        }
        let (status, errors) = reader.finish() ?? (0, "")
        if let stopped {
            let detail = firstLine(errors)
            return .failure(detail.isEmpty ? stopped : Failure(stopped.phrase + Phrase(" (" + detail + ")", "（" + detail + "）")))
        }
        guard status == 0 else { return .failure(Failure(.catFileFailed(firstLine(errors)))) }
        return .success(())
    }
}


extension Wording where Of == GitRevision.Failure {
    public static let gitNotFound = Self("git was not found on PATH; --compare needs git", "PATH 里找不到 git；--compare 需要 git")
    public static func cannotRun(_ reason: String) -> Self { Self("cannot run git: \(reason)", "无法运行 git：\(reason)") }
    public static func notARevision(_ revision: String) -> Self { Self("`\(revision)` is not a git revision", "`\(revision)` 不是 git 版本") }
    public static func notInRepository(_ root: String, _ reason: String) -> Self {
        Self("\(root) is not in a git repository (\(reason))", "\(root) 不在 git 仓库里（\(reason)）")
    }

    public static func noCommit(_ revision: String) -> Self {
        Self("no commit `\(revision)` in the repository (try a branch, a tag, HEAD~1 or a commit hash)",
             "仓库里没有提交 `\(revision)`（可以试试分支名、标签、HEAD~1 或提交哈希）")
    }

    public static func lsTreeFailed(_ reason: String) -> Self { Self("git ls-tree failed: \(reason)", "git ls-tree 执行失败：\(reason)") }
    public static func noContents(_ path: String, _ blob: String) -> Self {
        Self("git cat-file gave no contents for \(path): \(blob) missing", "git cat-file 没有返回 \(path) 的内容：缺少 \(blob)")
    }
    public static func catFileFailed(_ reason: String) -> Self { Self("git cat-file failed: \(reason)", "git cat-file 执行失败：\(reason)") }
}

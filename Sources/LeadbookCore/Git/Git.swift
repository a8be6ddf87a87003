import Dispatch
import Foundation
import LeadbookText

/// Runs git as a child process with an argument array (never through a shell), in a folder.
///
/// leadbook reads a repository only through git's own plumbing commands (`diff --raw`,
/// `ls-files --stage`, `cat-file --batch`), so it sees exactly what git sees: the staging area,
/// `core.hooksPath`, worktrees, sparse checkouts.
public struct Git: Sendable {
    /// The folder git runs in; relative paths in arguments and output are relative to it.
    public let directory: String
    /// The environment git runs with (LC_ALL, GIT_PAGER and GIT_TERMINAL_PROMPT are set over it).
    public let environment: [String: String]

    public init(directory: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.directory = directory
        self.environment = environment
    }

    public struct Output: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: String

        public var succeeded: Bool { status == 0 }
        /// Standard output as text, without the final line break.
        public var text: String {
            var bytes = stdout[...]
            while let last = bytes.last, last == ASCII.lf || last == ASCII.cr { bytes = bytes.dropLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
        /// Standard output as one value git printed on its own line (a path): without that
        /// line's final line feed only, so a path that holds a line break stays whole.
        public var line: String {
            String(decoding: stdout.last == ASCII.lf ? stdout.dropLast() : stdout[...], as: UTF8.self)
        }
    }

    public struct Failure: Error, SaidError, CustomStringConvertible, Sendable {
        /// What went wrong, in both languages.
        public let phrase: Phrase
        public init(_ words: Wording<Failure>) { self.phrase = words.phrase }
        /// The message in English.
        public var message: String { phrase.en }
        public var description: String { message }
    }

    /// The git executable: `LEADBOOK_GIT` when set (for tests), else `git` on the PATH.
    public static func executable(_ environment: [String: String]) -> URL? {
        if let explicit = environment["LEADBOOK_GIT"], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return ProgramPath.first("git", path: path).map { URL(fileURLWithPath: $0) }
    }

    /// Starts git with `arguments` in `directory`; the caller reads and writes its pipes.
    public func start(_ arguments: [String], stdin: Bool) throws -> ChildProcess {
        var environment = self.environment
        guard let executable = Self.executable(environment) else {
            throw Failure(.notInstalled)
        }
        // Messages in English and no pager, whatever the user's settings.
        environment["LC_ALL"] = "C"
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        do {
            return try ChildProcess(executable.path, ["-C", directory] + arguments, environment: environment, stdin: stdin)
        } catch {
            throw Failure(.cannotRun("\(error)"))
        }
    }

    /// Runs `git ARGUMENTS`, feeding `input` on standard input, and waits for it.
    public func run(_ arguments: [String], input: [UInt8]? = nil) throws -> Output {
        let child = try start(arguments, stdin: input != nil)
        let group = DispatchGroup()
        if let input {
            DispatchQueue.global().async(group: group) {
                try? child.write(input)
                child.closeInput()
            }
        }
        let out = child.readToEnd()
        group.wait()
        let (status, errors) = child.wait()
        return Output(status: status, stdout: out, stderr: errors)
    }

    /// Runs git and returns its output, or throws with git's own message when it fails.
    public func succeed(_ arguments: [String], input: [UInt8]? = nil) throws -> Output {
        let output = try run(arguments, input: input)
        guard output.succeeded else {
            let message = output.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(.failed(arguments.prefix(2).joined(separator: " "), message.isEmpty ? "exit \(output.status)" : message))
        }
        return output
    }

    /// Output split at NUL bytes (for `-z` formats), empty fields dropped at the end.
    public static func fields(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result = bytes.split(separator: 0, omittingEmptySubsequences: false)
        if result.last?.isEmpty == true { result.removeLast() }
        return result
    }

    // MARK: - Facts about the repository

    /// The top of the working tree, or nil when `directory` is not in a git repository.
    public func topLevel() -> String? {
        guard let output = try? run(["rev-parse", "--show-toplevel"]), output.succeeded else { return nil }
        return output.line
    }

    /// True when `revision` names a commit.
    public func isCommit(_ revision: String) -> Bool {
        guard let output = try? run(["rev-parse", "-q", "--verify", revision + "^{commit}"]) else { return false }
        return output.succeeded
    }

    /// A path inside the git directory (`hooks`, `info/attributes`), honouring `core.hooksPath`, absolute.
    public func gitPath(_ name: String) throws -> String {
        absolute(try succeed(["rev-parse", "--git-path", name]).line)
    }

    /// A path git printed (relative to `directory` unless absolute), absolute.
    public func absolute(_ path: String) -> String {
        path.hasPrefix("/") || path.dropFirst().hasPrefix(":") ? path : directory + "/" + path
    }
}

/// Holds what a background reader collected (written once, read after the group is joined).
public final class ErrorCollector: @unchecked Sendable {
    public var bytes: [UInt8] = []
}

/// `git cat-file --batch`: many objects through one process. Requests go out in batches small
/// enough for the pipe, and each batch's answers are read before the next is sent.
public final class GitObjectReader {
    public let child: ChildProcess
    public var buffer: [UInt8] = []
    public var position = 0
    public var closed = false

    public init(_ git: Git) throws {
        child = try git.start(["cat-file", "--batch"], stdin: true)
    }

    /// Up to this many names go out before their answers are read (the names must fit in the
    /// pipe's buffer, 64 KB on Linux, or both sides would wait for each other).
    public static let batch = 256

    /// The contents of each object (`<oid>`, `:<path>` or `<rev>:<path>`); nil for one that does not exist.
    public func read(_ names: [String]) throws -> [[UInt8]?] {
        var results: [[UInt8]?] = []
        results.reserveCapacity(names.count)
        var start = 0
        while start < names.count {
            let end = min(names.count, start + Self.batch)
            try readBatch(names[start..<end]) { results.append($0) }
            start = end
        }
        return results
    }

    /// Reads the objects in batches and hands each to `body` as it arrives, so a caller can
    /// process and drop them instead of keeping them all.
    public func readBatch(_ names: ArraySlice<String>, _ body: ([UInt8]?) throws -> Void) throws {
        var request = ""
        for name in names {
            guard !name.contains("\n") else { throw Git.Failure(.lineBreakInPath(name)) }
            request += name + "\n"
        }
        try child.write(Array(request.utf8))
        for _ in names {
            guard let header = readLine() else { throw Git.Failure(.catFileStopped) }
            let text = String(decoding: header, as: UTF8.self)
            if text.hasSuffix(" missing") || text.hasSuffix(" ambiguous") {
                try body(nil)
                continue
            }
            let parts = text.split(separator: " ")
            guard parts.count == 3, let size = Int(parts[2]) else {
                throw Git.Failure(.catFileAnswer(text))
            }
            guard let contents = read(count: size), readLine() != nil else {
                throw Git.Failure(.catFileStopped)
            }
            try body(parts[1] == "blob" ? contents : nil)
        }
    }

    public func fill() -> Bool {
        let data = child.readSome()
        if data.isEmpty { return false }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer.append(contentsOf: data)
        return true
    }

    public func readLine() -> [UInt8]? {
        while true {
            if let newline = buffer[position...].firstIndex(of: ASCII.lf) {
                let line = Array(buffer[position..<newline])
                position = newline + 1
                return line
            }
            if !fill() { return nil }
        }
    }

    public func read(count: Int) -> [UInt8]? {
        while buffer.count - position < count {
            if !fill() { return nil }
        }
        let bytes = Array(buffer[position..<position + count])
        position += count
        return bytes
    }

    public func close() {
        finish()
    }

    /// Ends git: its exit status and standard error (nil when it has ended already). Answers
    /// not read yet are read and dropped, so git is not left waiting to write them.
    @discardableResult
    public func finish() -> (status: Int32, errors: String)? {
        guard !closed else { return nil }
        closed = true
        child.closeInput()
        while !child.readSome().isEmpty {}
        return child.wait()
    }

    deinit { close() }
}


extension Wording where Of == Git.Failure {
    public static let notInstalled = Self("git is not installed (or not on the PATH)", "没有安装 git（或它不在 PATH 里）")
    public static func cannotRun(_ reason: String) -> Self { Self("cannot run git: \(reason)", "无法运行 git：\(reason)") }
    /// `git COMMAND` failed with git's own message (or its exit status).
    public static func failed(_ command: String, _ message: String) -> Self { Self("git \(command) failed: \(message)", "git \(command) 执行失败：\(message)") }
    public static func lineBreakInPath(_ name: String) -> Self {
        Self("a path with a line break cannot be read from git: \(name)", "含换行符的路径无法从 git 读取：\(name)")
    }
    public static let catFileStopped = Self("git cat-file stopped answering", "git cat-file 不再响应")
    public static func catFileAnswer(_ text: String) -> Self { Self("unexpected answer from git cat-file: \(text)", "git cat-file 返回了意外的内容：\(text)") }
    public static func grepFailed(_ errors: String) -> Self { Self("git grep failed: \(errors)", "git grep 执行失败：\(errors)") }
    public static func notACommit(_ revision: String) -> Self { Self("`\(revision)` is not a commit in this repository", "`\(revision)` 不是这个仓库里的提交") }
    public static func notInRepository(_ root: String) -> Self { Self("\(root) is not in a git repository", "\(root) 不在 git 仓库里") }
}

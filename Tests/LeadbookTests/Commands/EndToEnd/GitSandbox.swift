import Foundation
import XCTest

/// A temporary folder for git end-to-end tests: git and leadbook run there as child processes
/// with argument arrays (never through a shell), isolated from the user's git configuration.
final class GitSandbox {
    let root: URL

    /// A sandbox in `parent` (default: the temporary folder).
    init(in parent: URL = FileManager.default.temporaryDirectory) throws {
        root = parent.appendingPathComponent("leadbook-git-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// No global or system git configuration, a fixed identity and dates.
    var environment: [String: String] {
        [
            "GIT_CONFIG_GLOBAL": root.appendingPathComponent(".gitconfig-global").path,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "王五", "GIT_AUTHOR_EMAIL": "wangwu@example.com",
            "GIT_COMMITTER_NAME": "王五", "GIT_COMMITTER_EMAIL": "wangwu@example.com",
            "GIT_AUTHOR_DATE": "2024-03-10T09:00:00+08:00", "GIT_COMMITTER_DATE": "2024-03-10T09:00:00+08:00",
            "NO_COLOR": "1", "LC_ALL": "C", "LEADBOOK_LANG": "en",
        ]
    }

    func url(_ relative: String) -> URL {
        relative.isEmpty ? root : root.appendingPathComponent(relative)
    }

    static var gitExecutable: URL? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("git")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    @discardableResult
    func git(_ arguments: [String], in folder: String = "ws", expect status: Int32? = 0,
             file: StaticString = #filePath, line: UInt = #line) throws -> Transcript.Run {
        guard let executable = Self.gitExecutable else { throw XCTSkip("git is not installed") }
        let run = try Self.run(executable, arguments, in: url(folder), environment: environment)
        if let status {
            XCTAssertEqual(run.status, status, "git \(arguments.joined(separator: " ")):\n\(run.stdout)\(run.stderr)", file: file, line: line)
        }
        return run
    }

    @discardableResult
    func leadbook(_ arguments: [String], in folder: String = "ws", expect status: Int32? = nil,
                  file: StaticString = #filePath, line: UInt = #line) throws -> Transcript.Run {
        let run = try Transcript.run(arguments, in: url(folder), environment: environment)
        if let status {
            XCTAssertEqual(run.status, status, "leadbook \(arguments.joined(separator: " ")):\n\(run.stdout)\(run.stderr)", file: file, line: line)
        }
        return run
    }

    static func run(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String]) throws -> Transcript.Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let errors = Box()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Transcript.Run(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                              stderr: String(decoding: errors.data, as: UTF8.self))
    }

    func write(_ relative: String, _ text: String) throws {
        let target = url(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relative).path)
    }

    func append(_ relative: String, _ text: String) throws {
        try write(relative, try read(relative) + text)
    }

    func replace(_ relative: String, _ old: String, with new: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try read(relative)
        XCTAssertTrue(text.contains(old), "\(relative) has no `\(old)`", file: file, line: line)
        try write(relative, text.replacingOccurrences(of: old, with: new))
    }

    /// A new workspace `ws` made by `leadbook init`, with a first commit.
    func initWorkspace(file: StaticString = #filePath, line: UInt = #line) throws {
        guard Self.gitExecutable != nil else { throw XCTSkip("git is not installed") }
        try leadbook(["init", "ws"], in: "", expect: 0, file: file, line: line)
        try git(["checkout", "-q", "-b", "main"], file: file, line: line)
        try git(["add", "-A"], file: file, line: line)
        try git(["commit", "-q", "-m", "leadbook workspace"], file: file, line: line)
    }

    func commitCount() throws -> Int {
        Int(try git(["rev-list", "--count", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// A customer file, complete and consistent (grade, status and next agree).
    static func customer(_ id: String, name: String, created: String, entries: [String] = [], status: String = "contacted",
                         next: String? = nil, extra: String = "") -> String {
        var text = """
        ---
        id: \(id)
        name: \(name)
        source: website
        intent: B
        score: {size: 20, budget: 20, urgency: 10, decision: 10}
        grade: A
        owner: 王五
        created: \(created)
        status: \(status)

        """
        if let next { text += "next: \(next)\n" }
        text += extra
        text += "---\n\n# \(name)\n\n## 跟进记录\n"
        for entry in entries { text += "\n" + entry }
        return text
    }
}

extension Transcript.Run {
    /// Both streams (git passes a hook's standard output on to its standard error).
    var output: String { stdout + stderr }
}

import Dispatch
import Foundation

/// Reads the customer files of a workspace as they were at a git revision, straight from the
/// repository (no snapshot is ever stored): `git rev-parse` names the commit, `git ls-tree`
/// lists the files, and one `git cat-file --batch` process gives their contents (the bytes
/// `git show REV:path` prints), read as a stream so they are never all in memory at once.
/// git always runs with an argument array, never through a shell.
public enum GitRevision {
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public let message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    public struct File: Sendable, Equatable {
        /// Relative to the workspace folder, with `/`.
        public var path: String
        public var blob: String
    }

    struct Output {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
    }

    static func process(_ arguments: [String], in directory: String, environment: [String: String]) throws -> Process {
        guard let git = Git.executable(environment)?.path else { throw Failure("git was not found on PATH; --compare needs git") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        return process
    }

    /// Runs git and collects what it prints.
    static func run(_ arguments: [String], in directory: String, environment: [String: String]) throws -> Output {
        let process = try self.process(arguments, in: directory, environment: environment)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw Failure("cannot run git: \(error.localizedDescription)") }
        let errors = Collected()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errors.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: [UInt8](output),
                      stderr: String(decoding: errors.data, as: UTF8.self))
    }

    static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.hasPrefix("fatal: ") ? String(line.dropFirst(7)) : line
    }

    /// The commit `revision` names, as a full hash.
    public static func commit(_ revision: String, root: String, environment: [String: String]) -> Result<String, Failure> {
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            return .failure(Failure("`\(revision)` is not a git revision"))
        }
        do {
            let inside = try run(["rev-parse", "--is-inside-work-tree"], in: root, environment: environment)
            guard inside.status == 0 else {
                return .failure(Failure("\(root) is not in a git repository (\(firstLine(inside.stderr)))"))
            }
            let result = try run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: root, environment: environment)
            let hash = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard result.status == 0, !hash.isEmpty else {
                return .failure(Failure("no commit `\(revision)` in the repository (try a branch, a tag, HEAD~1 or a commit hash)"))
            }
            return .success(hash)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure("cannot run git: \(error)"))
        }
    }

    /// The customer files (`.md` under `folder`, hidden names left out, as the folder walk does)
    /// at `commit`.
    public static func files(at commit: String, folder: String, root: String, environment: [String: String]) -> Result<[File], Failure> {
        do {
            let result = try run(["ls-tree", "-r", "-z", commit, "--", folder], in: root, environment: environment)
            guard result.status == 0 else { return .failure(Failure("git ls-tree failed: \(firstLine(result.stderr))")) }
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
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure("cannot run git: \(error)"))
        }
    }

    /// Streams the files' contents from one `git cat-file --batch`, handing them to `body` in
    /// batches of `batchSize` (in the order of `files`), so memory holds one batch at a time.
    public static func read(_ files: [File], root: String, environment: [String: String], batchSize: Int = 256,
                            _ body: ([(path: String, bytes: [UInt8])]) -> Void) -> Result<Void, Failure> {
        guard !files.isEmpty else { return .success(()) }
        let process: Process
        do { process = try self.process(["cat-file", "--batch"], in: root, environment: environment) } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure("cannot run git: \(error)"))
        }
        let input = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return .failure(Failure("cannot run git: \(error.localizedDescription)")) }
        let group = DispatchGroup()
        let errors = Collected()
        group.enter()
        DispatchQueue.global().async {
            var request = ""
            for file in files { request += file.blob + "\n" }
            input.fileHandleForWriting.write(Data(request.utf8))
            try? input.fileHandleForWriting.close()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errors.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        var reader = StreamReader(handle: out.fileHandleForReading)
        var batch: [(path: String, bytes: [UInt8])] = []
        var failure: Failure?
        for file in files {
            // <oid> SP <type> SP <size> LF <contents> LF
            guard let header = reader.line() else { failure = Failure("git cat-file stopped early"); break }
            let fields = header.split(separator: ASCII.space)
            guard fields.count == 3, let size = Int(String(decoding: fields[2], as: UTF8.self)),
                  let bytes = reader.bytes(size), reader.bytes(1) != nil else {
                failure = Failure("git cat-file gave no contents for \(file.path): \(String(decoding: header, as: UTF8.self))")
                break
            }
            batch.append((file.path, bytes))
            if batch.count == batchSize {
                body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if failure == nil, !batch.isEmpty { body(batch) }
        // Drain what is left so git (and the thread feeding it) can finish.
        _ = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        if let failure {
            let detail = firstLine(String(decoding: errors.data, as: UTF8.self))
            return .failure(detail.isEmpty ? failure : Failure(failure.message + " (" + detail + ")"))
        }
        guard process.terminationStatus == 0 else {
            return .failure(Failure("git cat-file failed: \(firstLine(String(decoding: errors.data, as: UTF8.self)))"))
        }
        return .success(())
    }

    /// Bytes one thread collects and another reads after waiting for it.
    final class Collected: @unchecked Sendable {
        var data = Data()
    }

    /// Buffered reading of a pipe: lines and counted bytes.
    struct StreamReader {
        let handle: FileHandle
        var buffer: [UInt8] = []
        var position = 0
        var finished = false

        init(handle: FileHandle) { self.handle = handle }

        mutating func fill() -> Bool {
            if finished { return false }
            let data = handle.availableData
            if data.isEmpty { finished = true; return false }
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            buffer.append(contentsOf: data)
            return true
        }

        mutating func line() -> [UInt8]? {
            while true {
                if let newline = buffer[position...].firstIndex(of: ASCII.lf) {
                    let line = Array(buffer[position..<newline])
                    position = newline + 1
                    return line
                }
                if !fill() { return nil }
            }
        }

        mutating func bytes(_ count: Int) -> [UInt8]? {
            while buffer.count - position < count {
                if !fill() { return nil }
            }
            let bytes = Array(buffer[position..<position + count])
            position += count
            return bytes
        }
    }
}

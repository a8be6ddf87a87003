import Dispatch
import Foundation
import LeadbookText
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process with pipes to its standard input, output and error, started with an
/// argument array (never a shell).
///
/// On POSIX systems it is `posix_spawn` and `waitpid`: Foundation's `Process.waitUntilExit`
/// polls a run loop in 50 ms steps, which would cost more than the whole of
/// `check --staged` when it runs git four times. Elsewhere, Foundation's `Process`.
public final class ChildProcess {
    public struct Failure: Error, SaidError, CustomStringConvertible {
        /// What went wrong, in both languages.
        public let phrase: Phrase
        init(_ words: Wording<Failure>) { self.phrase = words.phrase }
        /// The message in English.
        public var message: String { phrase.en }
        public var description: String { message }
    }

    #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
    private let pid: pid_t
    private var input: Int32
    private let output: Int32
    private let errors: Int32
    #else
    private let process: Process
    private let inputHandle: FileHandle?
    private let outputHandle: FileHandle
    private let errorHandle: FileHandle
    #endif
    private var waited = false
    private let errorGroup = DispatchGroup()
    private let collected = ErrorCollector()

    /// Starts `executable ARGUMENTS` with `environment`; standard input is a pipe when `stdin`,
    /// else empty.
    public init(_ executable: String, _ arguments: [String], environment: [String: String], stdin: Bool) throws {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        signal(SIGPIPE, SIG_IGN)
        func pipePair() throws -> (Int32, Int32) {
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else { throw Failure(.noPipe(String(cString: strerror(errno)))) }
            // The parent's ends must not leak into other children (a leaked write end would
            // keep a reader such as `git cat-file` waiting for more forever).
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            return (fds[0], fds[1])
        }
        let (inRead, inWrite) = try pipePair()
        let (outRead, outWrite) = try pipePair()
        let (errRead, errWrite) = try pipePair()
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inRead, 0)
        posix_spawn_file_actions_adddup2(&actions, outWrite, 1)
        posix_spawn_file_actions_adddup2(&actions, errWrite, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, envp)
        close(inRead)
        close(outWrite)
        close(errWrite)
        guard status == 0 else {
            close(inWrite); close(outRead); close(errRead)
            throw Failure(.cannotRun(executable, String(cString: strerror(status))))
        }
        pid = child
        input = inWrite
        output = outRead
        errors = errRead
        if !stdin { closeInput() }
        let errors = self.errors, collected = self.collected
        DispatchQueue.global().async(group: errorGroup) {
            collected.bytes = ChildProcess.readAll(errors)
        }
        #else
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let inPipe = stdin ? Pipe() : nil
        let outPipe = Pipe(), errPipe = Pipe()
        if let inPipe { process.standardInput = inPipe } else { process.standardInput = FileHandle.nullDevice }
        process.standardOutput = outPipe
        process.standardError = errPipe
        do { try process.run() } catch {
            throw Failure(.cannotRun(executable, error.localizedDescription))
        }
        self.process = process
        inputHandle = inPipe?.fileHandleForWriting
        outputHandle = outPipe.fileHandleForReading
        errorHandle = errPipe.fileHandleForReading
        let handle = errorHandle, collected = self.collected
        DispatchQueue.global().async(group: errorGroup) {
            collected.bytes = [UInt8](handle.readDataToEndOfFile())
        }
        #endif
    }

    #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
    public static func readAll(_ fd: Int32) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, 65536) }
            if count < 0 { if errno == EINTR { continue }; break }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        close(fd)
        return result
    }
    #endif

    /// Writes all of `bytes` to the child's standard input.
    public func write(_ bytes: [UInt8]) throws {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        guard input >= 0 else { throw Failure(.inputClosed) }
        if !FileAccess.writeAll(bytes, to: input) { throw Failure(.stoppedReading(String(cString: strerror(errno)))) }
        #else
        inputHandle?.write(Data(bytes))
        #endif
    }

    public func closeInput() {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        if input >= 0 { close(input); input = -1 }
        #else
        try? inputHandle?.close()
        #endif
    }

    /// Some bytes of standard output (waits for them); empty at the end.
    public func readSome() -> [UInt8] {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress!, 65536) }
            if count < 0 { if errno == EINTR { continue }; return [] }
            return Array(chunk[0..<count])
        }
        #else
        return [UInt8](outputHandle.availableData)
        #endif
    }

    /// The rest of standard output.
    public func readToEnd() -> [UInt8] {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        var result: [UInt8] = []
        while true {
            let chunk = readSome()
            if chunk.isEmpty { return result }
            result += chunk
        }
        #else
        return [UInt8](outputHandle.readDataToEndOfFile())
        #endif
    }

    /// Waits for the child to end; its exit status (128 + signal when killed) and standard error.
    public func wait() -> (status: Int32, errors: String) {
        precondition(!waited, "waited for a child twice")
        waited = true
        closeInput()
        errorGroup.wait()
        let text = String(decoding: collected.bytes, as: UTF8.self)
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        close(output)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return (-1, text) }
        }
        let signal = status & 0x7F
        return (signal == 0 ? (status >> 8) & 0xFF : 128 + signal, text)
        #else
        process.waitUntilExit()
        return (process.terminationStatus, text)
        #endif
    }
}


extension Wording where Of == ChildProcess.Failure {
    public static func noPipe(_ reason: String) -> Self { Self("cannot create a pipe: \(reason)", "无法创建管道：\(reason)") }
    public static func cannotRun(_ executable: String, _ reason: String) -> Self { Self("cannot run \(executable): \(reason)", "无法运行 \(executable)：\(reason)") }
    public static let inputClosed = Self("the child's input is closed", "子进程的输入已关闭")
    public static func stoppedReading(_ reason: String) -> Self { Self("the child process stopped reading: \(reason)", "子进程不再读取输入：\(reason)") }
}

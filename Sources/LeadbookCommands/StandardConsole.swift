import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(WinSDK)
import WinSDK
import LeadbookCore
import LeadbookText
#endif
import LeadbookText

/// The process's standard output and error, buffered and flushed at exit.
public final class StandardConsole: Console {
    private var buffer: [UInt8] = []
    public var language: Language = .zhCN

    public init() {
        #if canImport(WinSDK)
        // Output is UTF-8 (Chinese names); a Windows console shows it right only in that code page.
        _ = SetConsoleOutputCP(UINT(CP_UTF8))
        #endif
    }

    public var isTerminal: Bool {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        return isatty(STDOUT_FILENO) != 0
        #else
        return false
        #endif
    }

    /// Asked once: whether standard output is a terminal, so its control characters are escaped.
    private lazy var escapesOutput = isTerminal

    public func out(_ text: String) {
        TerminalText.render(text, escaping: escapesOutput, into: &buffer)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Messages for people: control characters from the files are escaped wherever they go.
    public func err(_ text: String) {
        flush()
        var bytes: [UInt8] = []
        TerminalText.render(text, escaping: true, into: &bytes)
        write(bytes, to: FileHandle.standardError)
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        let bytes = buffer
        buffer.removeAll(keepingCapacity: true)
        write(bytes, to: FileHandle.standardOutput)
    }

    /// Writes `bytes`; when the reader has gone (`leadbook report | head -1`, or a closed pipe
    /// while SIGPIPE is ignored because a child such as git was run), leadbook stops as a
    /// program killed by SIGPIPE does, with status 141 and no message, instead of trapping. Any
    /// other failure (a full disk) is said on standard error and ends with exit code 2.
    private func write(_ bytes: [UInt8], to handle: FileHandle) {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                #if canImport(Darwin)
                Darwin.write(handle.fileDescriptor, buffer.baseAddress! + written, buffer.count - written)
                #elseif canImport(Musl)
                Musl.write(handle.fileDescriptor, buffer.baseAddress! + written, buffer.count - written)
                #else
                Glibc.write(handle.fileDescriptor, buffer.baseAddress! + written, buffer.count - written)
                #endif
            }
            if result >= 0 { written += result; continue }
            if errno == EINTR || errno == EAGAIN { continue }
            if errno == EPIPE { Self.readerClosed() }
            failed(String(cString: strerror(errno)), on: handle)
        }
        #else
        do {
            try handle.write(contentsOf: Data(bytes))
        } catch {
            // A closed pipe on Windows: ERROR_BROKEN_PIPE (109) or ERROR_NO_DATA (232).
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            if [109, 232].contains(underlying?.code ?? (error as NSError).code) { Self.readerClosed() }
            failed(error.localizedDescription, on: handle)
        }
        #endif
    }

    /// Output that cannot be written (a full disk): said on standard error, exit code 2.
    private func failed(_ reason: String, on handle: FileHandle) -> Never {
        if handle.fileDescriptor != FileHandle.standardError.fileDescriptor {
            let said = Message.cannotWrite(reason).text(language)
            try? FileHandle.standardError.write(contentsOf: Data((said + "\n").utf8))
        }
        exit(ExitCode.failure.rawValue)
    }

    /// Ends the process as the default action of SIGPIPE does (Windows has no SIGPIPE: 141).
    private static func readerClosed() -> Never {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        #endif
        exit(141)
    }

    deinit { flush() }
}

extension StandardConsole {
    enum Message {
        static func cannotWrite(_ reason: String) -> Phrase {
            Phrase("leadbook: cannot write the output: \(reason)", "leadbook：无法写出结果：\(reason)")
        }
    }
}

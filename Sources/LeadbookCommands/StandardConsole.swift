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
        FileHandle.standardError.write(Data(bytes))
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

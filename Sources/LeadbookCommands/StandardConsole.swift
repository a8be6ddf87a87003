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

/// The process's standard output and error, buffered and flushed at exit.
public final class StandardConsole: Console {
    private var buffer: [UInt8] = []

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

    public func out(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func err(_ text: String) {
        flush()
        FileHandle.standardError.write(Data(text.utf8))
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(WinSDK)
import WinSDK
import ucrt
#endif
import LeadbookText

/// The server on standard input and output: reads what the client writes until `exit` or the
/// end of input (a client that went away), writes every message whole. The only part of the
/// server that touches the process's files.
public enum StdioLoop {
    /// Serves until the client says `exit` or closes standard input; the exit status.
    public static func run(environment: [String: String], currentDirectory: String, version: String, language: Language?) -> Int32 {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        // A client that closed its end must not kill the server with SIGPIPE: the write fails instead.
        signal(SIGPIPE, SIG_IGN)
        #elseif canImport(WinSDK)
        // Bytes as they are: the headers' \r\n must not be translated.
        _ = _setmode(0, _O_BINARY)
        _ = _setmode(1, _O_BINARY)
        #endif
        var outputBroken = false
        let server = LanguageServer(environment: environment, currentDirectory: currentDirectory, version: version, language: language) { bytes in
            guard !outputBroken else { return }
            if !writeAll(bytes) { outputBroken = true }
        }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while server.exitCode == nil {
            let count = buffer.withUnsafeMutableBytes { readInput($0.baseAddress!, $0.count) }
            if count < 0 { continue }
            if count == 0 {
                server.endOfInput()
                break
            }
            server.receive(Array(buffer[0..<count]))
            if outputBroken {
                server.endOfInput()
                break
            }
        }
        return server.exitCode ?? 1
    }

    /// Bytes read from standard input: the count, 0 at its end, -1 to try again (interrupted).
    private static func readInput(_ pointer: UnsafeMutableRawPointer, _ size: Int) -> Int {
        #if canImport(WinSDK)
        let count = _read(0, pointer, UInt32(size))
        return count < 0 ? 0 : Int(count)
        #else
        let count = read(0, pointer, size)
        if count < 0 { return errno == EINTR ? -1 : 0 }
        return count
        #endif
    }

    /// All of `bytes` written to standard output; false when the client is gone.
    private static func writeAll(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                #if canImport(WinSDK)
                let written = Int(_write(1, raw.baseAddress! + offset, UInt32(raw.count - offset)))
                if written <= 0 { return false }
                #else
                let written = write(1, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                #endif
                offset += written
            }
            return true
        }
    }
}

import Foundation
import XCTest

/// Python 3 as a test oracle (its csv module and gb18030 codec). Never a dependency of the
/// tool: tests that need it are skipped, with a message, where python3 is missing.
enum Python {
    static var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `script` with `input` on standard input; returns standard output. Skips the test
    /// when python3 is missing; fails it when the script fails.
    static func run(_ script: String, arguments: [String] = [], input: Data = Data(), file: StaticString = #filePath, line: UInt = #line) throws -> Data {
        guard let executable else {
            throw XCTSkip("python3 is not on PATH: this oracle test is skipped (python3 is only a test oracle)")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-c", script] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONIOENCODING"] = "utf-8"
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Write on another thread so a large input and output cannot block each other.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            XCTFail("python3 failed: \(String(decoding: errors, as: UTF8.self))", file: file, line: line)
        }
        return output
    }

    /// Runs a script file of the package (such as Tests/Tools/gb18030_table.py).
    static func runFile(_ path: URL, file: StaticString = #filePath, line: UInt = #line) throws -> Data {
        try run("import runpy, sys; sys.argv = [sys.argv[1]]; runpy.run_path(sys.argv[0], run_name='__main__')",
                arguments: [path.path], file: file, line: line)
    }
}

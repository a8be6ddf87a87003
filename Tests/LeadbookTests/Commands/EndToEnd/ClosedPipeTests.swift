import Foundation
import XCTest

/// The built leadbook writing into a pipe whose reader has gone (`leadbook report --week | true`):
/// after running git, SIGPIPE is ignored and the write fails with EPIPE; leadbook must then stop
/// as a program killed by SIGPIPE does (status 141 in a shell), never trap with a backtrace.
final class ClosedPipeTests: XCTestCase {
    /// Runs leadbook with standard output a pipe whose read end is closed before it starts.
    func runIntoClosedPipe(_ arguments: [String], in directory: URL, environment: [String: String]) throws -> (process: Process, stderr: String) {
        let process = Process()
        process.executableURL = Transcript.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try out.fileHandleForReading.close()
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process, String(decoding: errData, as: UTF8.self))
    }

    func assertEndedLikeSIGPIPE(_ run: (process: Process, stderr: String), _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(run.stderr.contains("Fatal error"), "\(what): \(run.stderr)", file: file, line: line)
        XCTAssertEqual(run.stderr, "", "\(what) says nothing on standard error", file: file, line: line)
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        XCTAssertEqual(run.process.terminationReason, .uncaughtSignal, "\(what): \(run.process.terminationStatus)", file: file, line: line)
        XCTAssertEqual(run.process.terminationStatus, SIGPIPE, what, file: file, line: line)
        #else
        XCTAssertEqual(run.process.terminationStatus, 141, what, file: file, line: line)
        #endif
    }

    func testReportAndSummaryCompareIntoAClosedPipeEndQuietly() throws {
        let sandbox = try GitSandbox()
        try FileManager.default.copyItem(at: Transcript.packageRoot.appendingPathComponent("template-workspace"), to: sandbox.url("ws"))
        try sandbox.git(["init", "-q"])
        try sandbox.git(["add", "-A"])
        try sandbox.git(["commit", "-q", "-m", "customers"])
        let environment = sandbox.environment.merging(["LEADBOOK_NO_CACHE": "1"]) { $1 }

        let report = try runIntoClosedPipe(["report", "--week", "2024-W12", "--as-of", "2024-06-01T18:00"], in: sandbox.url("ws"), environment: environment)
        assertEndedLikeSIGPIPE(report, "report --week")
        let summary = try runIntoClosedPipe(["summary", "--compare", "HEAD", "--as-of", "2024-06-01T18:00"], in: sandbox.url("ws"), environment: environment)
        assertEndedLikeSIGPIPE(summary, "summary --compare")
        // With a reader, the same commands write their output.
        let read = try sandbox.leadbook(["report", "--week", "2024-W12", "--as-of", "2024-06-01T18:00"])
        XCTAssertTrue(read.stdout.contains("2024-W12"), read.stderr)
    }

    /// Output that cannot be written for another reason (a full disk) is said, with exit code 2.
    func testAFullDiskIsSaidWithExitCodeTwo() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        let process = Process()
        process.executableURL = Transcript.executable
        process.arguments = ["report", "--week", "2024-W12", "--as-of", "2024-06-01T18:00", "--lang", "en",
                             "-C", Transcript.packageRoot.appendingPathComponent("template-workspace").path]
        process.environment = ProcessInfo.processInfo.environment.merging(["LEADBOOK_NO_CACHE": "1"]) { $1 }
        let err = Pipe()
        process.standardOutput = full
        process.standardError = err
        try process.run()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 2, errors)
        XCTAssertTrue(errors.hasPrefix("leadbook: cannot write the output: "), errors)
        XCTAssertFalse(errors.contains("Fatal error"), errors)
    }
}

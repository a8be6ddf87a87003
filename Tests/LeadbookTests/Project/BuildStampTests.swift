import Foundation
import XCTest
@testable import LeadbookCommands

/// `leadbook --version` says which version and which commit a binary was built from: the
/// values of BuildStamp, which `.ci/stamp` writes before a release build.
final class BuildStampTests: XCTestCase {
    func testVersionPrintsTheVersionAndTheCommit() throws {
        let run = try Transcript.run(["--version"], in: ProjectTools.root)
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout, "leadbook \(BuildStamp.version) (commit \(BuildStamp.commit.prefix(12)))\n")
        XCTAssertEqual(LeadbookCommandLine.Message.version("0.2.0", commit: "0123456789abcdef0123456789abcdef01234567").en,
                       "leadbook 0.2.0 (commit 0123456789ab)\n")
    }

    /// In git the stamp holds "unknown"; the script changes the two values and nothing else.
    func testTheStampScriptWritesTheVersionAndTheCommit() throws {
        let committed = try ProjectTools.text("Sources/LeadbookCommands/BuildStamp.swift")
        XCTAssertTrue(committed.contains("    public static let commit = \"unknown\"\n"), committed)
        XCTAssertTrue(committed.contains("    public static let version = \"\(BuildStamp.version)\"\n"), committed)
        let bash = try ProjectTools.program("bash", install: "bash")
        let box = try GitSandbox()
        let out = box.url("BuildStamp.swift")
        let commit = "0123456789abcdef0123456789abcdef01234567"
        let run = try ProjectTools.run(bash, [ProjectTools.root.appendingPathComponent(".ci/stamp").path, "0.2.0", commit, out.path], in: box.root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "leadbook 0.2.0 (\(commit))\n")
        let stamped = try String(contentsOf: out, encoding: .utf8)
        XCTAssertEqual(stamped, committed
            .replacingOccurrences(of: "public static let version = \"\(BuildStamp.version)\"", with: "public static let version = \"0.2.0\"")
            .replacingOccurrences(of: "public static let commit = \"unknown\"", with: "public static let commit = \"\(commit)\""))
        // A value that would break the Swift source is refused.
        let refused = try ProjectTools.run(bash, [ProjectTools.root.appendingPathComponent(".ci/stamp").path, "0.2\"", commit, out.path], in: box.root)
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), stamped)
    }
}

import Foundation
import XCTest

/// leadbook's .pre-commit-hooks.yaml in a workspace repository that uses the pre-commit
/// framework, with the installed leadbook (`language: system`): `pre-commit run --all-files`
/// (what CI and pre-commit.ci run) passes on the clean sample and fails on an error that was
/// committed with `--no-verify`; a normal commit checks the staged files.
final class PreCommitFrameworkTests: XCTestCase {
    override func setUpWithError() throws {
        #if os(Windows)
        throw XCTSkip("POSIX shell scripts and paths; Windows runs install.ps1 and Git for Windows' sh")
        #endif
    }

    func testAllFilesFindsAnErrorCommittedWithoutTheHook() throws {
        let preCommit = try ProjectTools.program("pre-commit", install: "pip install pre-commit; .ci/run installs it when it can")
        let box = try GitSandbox()
        // The hooks repository: leadbook's hook definitions at a commit.
        try FileManager.default.createDirectory(at: box.url("hooks"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ProjectTools.root.appendingPathComponent(".pre-commit-hooks.yaml"),
                                         to: box.url("hooks/.pre-commit-hooks.yaml"))
        try box.git(["init", "-q", "-b", "main"], in: "hooks")
        try box.git(["add", "-A"], in: "hooks")
        try box.git(["commit", "-q", "-m", "hooks"], in: "hooks")
        let rev = try box.git(["rev-parse", "HEAD"], in: "hooks").stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        try ProjectTools.copySample(to: "ws", in: box)
        try box.write("ws/.pre-commit-config.yaml", """
            repos:
              - repo: \(box.url("hooks").path)
                rev: \(rev)
                hooks:
                  - id: leadbook-check

            """)
        try box.git(["init", "-q", "-b", "main"])
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "--no-verify", "-m", "sample"])
        var environment = ProjectTools.withPath(try ProjectTools.leadbookFolder(in: box), box.environment)
        environment["PRE_COMMIT_HOME"] = box.url("pre-commit-home").path
        let clean = try ProjectTools.run(preCommit, ["run", "--all-files"], in: box.url("ws"), environment: environment)
        XCTAssertEqual(clean.status, 0, clean.output)
        XCTAssertTrue(clean.output.contains("leadbook check"), clean.output)
        XCTAssertTrue(clean.output.contains("Passed"), clean.output)

        let path = "ws/customers/LX2024003-qiming-jiaoyu.md"
        var lines = try box.read(path).components(separatedBy: "\n")
        let index = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("status: ") })
        let status = lines[index]
        lines[index] = "status: wonn"
        try box.write(path, lines.joined(separator: "\n"))
        try box.git(["commit", "-q", "-a", "--no-verify", "-m", "broken, without the hook"])
        let all = try ProjectTools.run(preCommit, ["run", "--all-files"], in: box.url("ws"), environment: environment)
        XCTAssertEqual(all.status, 1, all.output)
        XCTAssertTrue(all.output.contains("customers/LX2024003-qiming-jiaoyu.md:"), all.output)
        XCTAssertTrue(all.output.contains("error[unknown-status]: unknown status `wonn`"), all.output)

        // A commit through the framework's git hook checks what is staged.
        let install = try ProjectTools.run(preCommit, ["install"], in: box.url("ws"), environment: environment)
        XCTAssertEqual(install.status, 0, install.output)
        lines[index] = status
        try box.write(path, lines.joined(separator: "\n"))
        try box.git(["add", "-A"])
        let git = try XCTUnwrap(GitSandbox.gitExecutable)
        let fixed = try ProjectTools.run(git, ["commit", "-q", "-m", "fixed"], in: box.url("ws"), environment: environment)
        XCTAssertEqual(fixed.status, 0, fixed.output)
        lines[index] = "status: wonn"
        try box.write(path, lines.joined(separator: "\n"))
        try box.git(["add", "-A"])
        let refused = try ProjectTools.run(git, ["commit", "-q", "-m", "broken"], in: box.url("ws"), environment: environment)
        XCTAssertEqual(refused.status, 1, refused.output)
        XCTAssertTrue(refused.output.contains("error[unknown-status]"), refused.output)
    }
}

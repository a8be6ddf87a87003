import Foundation
import XCTest

/// The CI templates' steps run as the CI services run them (`bash -e`, GitHub's
/// `bash --noprofile --norc -eo pipefail`), with the built leadbook on PATH, on a copy of the
/// sample workspace: with errors, both summaries are written and the job fails; a usage error
/// never leaves an empty code-quality report; the pinned release is checked before it is used.
final class CITemplateTests: XCTestCase {
    override func setUpWithError() throws {
        #if os(Windows)
        throw XCTSkip("POSIX shell scripts and paths; Windows runs install.ps1 and Git for Windows' sh")
        #endif
    }

    static let github = "template-workspace/.github/workflows/leadbook.yml"

    /// Runs `script` with bash `options` in `folder`.
    func bash(_ script: String, options: [String], in folder: URL, environment: [String: String]) throws -> Transcript.Run {
        let bash = try ProjectTools.program("bash", install: "bash")
        let file = folder.appendingPathComponent("../step-\(UUID().uuidString).sh").standardizedFileURL
        try Data(script.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try ProjectTools.run(bash, options + [file.path], in: folder, environment: environment)
    }

    /// The sample workspace with one error (an unknown status), in git.
    func workspaceWithAnError(_ box: GitSandbox) throws -> URL {
        try ProjectTools.copySample(to: "ws", in: box)
        try setStatus("wonn", in: box)
        try box.git(["init", "-q", "-b", "main"])
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "--no-verify", "-m", "sample"])
        return box.url("ws")
    }

    static let erroneous = "ws/customers/LX2024002-hengli.md"
    var originalStatus = ""

    /// The sample customer's status line set to `status` (nil: back to the sample's).
    func setStatus(_ status: String?, in box: GitSandbox) throws {
        var lines = try box.read(Self.erroneous).components(separatedBy: "\n")
        let index = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("status: ") })
        if status != nil { originalStatus = lines[index] }
        lines[index] = status.map { "status: " + $0 } ?? originalStatus
        try box.write(Self.erroneous, lines.joined(separator: "\n"))
    }

    static func url(_ folder: URL) -> String {
        let text = folder.absoluteString
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    func testGitHubWritesBothSummariesAndFailsTheJobOnErrors() throws {
        let box = try GitSandbox()
        let ws = try workspaceWithAnError(box)
        let workflow = try ProjectTools.text(Self.github)
        let check = try XCTUnwrap(ProjectTools.githubStep("leadbook check", in: workflow))
        let summary = try XCTUnwrap(ProjectTools.githubStep("Pipeline summary", in: workflow))
        XCTAssertFalse(check.keys.contains("continue-on-error"), "an error must fail the job")
        XCTAssertTrue(summary.keys.contains("if"), "the summary runs after a failed check")
        XCTAssertTrue(workflow.contains("      - name: Pipeline summary\n        if: always()\n"))
        let stepSummary = box.url("step-summary.md")
        var environment = ProjectTools.withPath(try ProjectTools.leadbookFolder(in: box), box.environment)
        environment["GITHUB_STEP_SUMMARY"] = stepSummary.path
        environment["BASE_SHA"] = ""
        environment["HEAD_SHA"] = ""
        let options = ["--noprofile", "--norc", "-eo", "pipefail"]
        let checked = try bash(check.script, options: options, in: ws, environment: environment)
        XCTAssertEqual(checked.status, 1, checked.output)
        XCTAssertTrue(checked.stdout.contains("::error file=customers/LX2024002-hengli.md"), checked.stdout)
        let summarised = try bash(summary.script, options: options, in: ws, environment: environment)
        XCTAssertEqual(summarised.status, 0, summarised.output)
        let markdown = try String(contentsOf: stepSummary, encoding: .utf8)
        XCTAssertTrue(markdown.hasPrefix("# "), markdown)
        let html = try String(contentsOf: ws.appendingPathComponent("leadbook-summary.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<html"), html)
        XCTAssertTrue(html.contains("</html>"), html)
        // The weekly report beside the summary, in the job summary and as a file.
        XCTAssertTrue(markdown.contains("\n# 销售周报 "), markdown)
        let weekly = try String(contentsOf: ws.appendingPathComponent("leadbook-weekly-report.html"), encoding: .utf8)
        XCTAssertTrue(weekly.contains("<h1>销售周报 "), weekly)
        XCTAssertTrue(workflow.contains("            leadbook-weekly-report.html\n"), "uploaded with the summary")

        // On a pull request, against the merge base.
        environment["BASE_SHA"] = try box.git(["rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        environment["HEAD_SHA"] = environment["BASE_SHA"]
        let pull = try bash(check.script, options: options, in: ws, environment: environment)
        XCTAssertEqual(pull.status, 1, pull.output)
        // A usage or I/O failure of the summary fails its step.
        environment["PATH"] = box.url("no-leadbook").path + ":/usr/bin:/bin"
        let missing = try bash(summary.script, options: options, in: ws, environment: environment)
        XCTAssertNotEqual(missing.status, 0, missing.output)
    }

    func testGitHubUsesThePinnedReleaseOnlyWhenItsChecksumHolds() throws {
        let box = try GitSandbox()
        let workflow = try ProjectTools.text(Self.github)
        let download = try XCTUnwrap(ProjectTools.githubStep("Download leadbook", in: workflow))
        XCTAssertTrue(download.keys.contains("continue-on-error"), "a failed download falls back to the source build")
        _ = try ProjectTools.program("curl", install: "curl")
        let releases = box.url("releases")
        let version = try XCTUnwrap(workflow.components(separatedBy: "LEADBOOK_VERSION: \"").dropFirst().first?.prefix { $0 != "\"" })
        let folder = releases.appendingPathComponent("v\(version)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let archive = try ProjectTools.fakeRelease(at: folder, target: "linux-x86_64", version: String(version))
        let temp = box.url("runner-temp")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        var environment = box.environment
        environment["RUNNER_TEMP"] = temp.path
        environment["GITHUB_PATH"] = box.url("github-path").path
        environment["LEADBOOK_VERSION"] = String(version)
        environment["LEADBOOK_RELEASES"] = Self.url(releases)
        environment["LEADBOOK_SHA256"] = try ProjectTools.sha256(archive)
        let options = ["--noprofile", "--norc", "-eo", "pipefail"]
        let good = try bash(download.script, options: options, in: box.root, environment: environment)
        XCTAssertEqual(good.status, 0, good.output)
        XCTAssertTrue(good.stdout.contains("leadbook \(version) (commit fake)"), good.stdout)
        XCTAssertEqual(try String(contentsOf: box.url("github-path"), encoding: .utf8), temp.path + "/leadbook\n")

        try FileManager.default.removeItem(at: box.url("github-path"))
        try FileManager.default.removeItem(at: temp.appendingPathComponent("leadbook"))
        environment["LEADBOOK_SHA256"] = String(repeating: "0", count: 64)
        let bad = try bash(download.script, options: options, in: box.root, environment: environment)
        XCTAssertNotEqual(bad.status, 0, bad.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: box.url("github-path").path), "a damaged release is not put on PATH")
        XCTAssertFalse(FileManager.default.fileExists(atPath: temp.path + "/leadbook/leadbook"))
    }

    func testGitLabWritesBothSummariesAndAReportAndFailsTheJob() throws {
        let box = try GitSandbox()
        let ws = try workspaceWithAnError(box)
        let script = try XCTUnwrap(ProjectTools.gitlabScript("script", in: try ProjectTools.text(ProjectTools.gitlabTemplate)))
        var environment = ProjectTools.withPath(try ProjectTools.leadbookFolder(in: box), box.environment)
        environment["CI_PROJECT_DIR"] = ws.path
        let errors = try bash(script, options: ["-e"], in: ws, environment: environment)
        XCTAssertEqual(errors.status, 1, errors.output)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: ws.appendingPathComponent("gl-code-quality-report.json"))) as? [Any]
        XCTAssertEqual(report?.isEmpty, false)
        XCTAssertTrue(try String(contentsOf: ws.appendingPathComponent("leadbook-summary.md"), encoding: .utf8).hasPrefix("# "))
        XCTAssertTrue(try String(contentsOf: ws.appendingPathComponent("leadbook-summary.html"), encoding: .utf8).contains("</html>"))
        XCTAssertTrue(try String(contentsOf: ws.appendingPathComponent("leadbook-weekly-report.md"), encoding: .utf8).hasPrefix("# 销售周报 "))
        XCTAssertTrue(try String(contentsOf: ws.appendingPathComponent("leadbook-weekly-report.html"), encoding: .utf8).contains("</html>"))

        // A usage error (a base that is no commit): an empty list, never an empty file; the job fails.
        environment["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = "no-such-commit"
        let usage = try bash(script, options: ["-e"], in: ws, environment: environment)
        XCTAssertEqual(usage.status, 2, usage.output)
        XCTAssertEqual(try String(contentsOf: ws.appendingPathComponent("gl-code-quality-report.json"), encoding: .utf8), "[]\n")

        // Clean: the job passes.
        environment["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = nil
        try setStatus(nil, in: box)
        let clean = try bash(script, options: ["-e"], in: ws, environment: environment)
        XCTAssertEqual(clean.status, 0, clean.output)
    }

    /// GitLab's before_script: the pinned release, checked, into the cache folder inside the
    /// project directory; a damaged one is not used.
    func testGitLabUsesThePinnedReleaseOnlyWhenItsChecksumHolds() throws {
        let box = try GitSandbox()
        let text = try ProjectTools.text(ProjectTools.gitlabTemplate)
        XCTAssertTrue(text.contains("  cache:\n    key: leadbook-v$LEADBOOK_VERSION\n    paths:\n      - .leadbook-tool/\n"), text)
        let script = try XCTUnwrap(ProjectTools.gitlabScript("before_script", in: text))
        _ = try ProjectTools.program("curl", install: "curl")
        let version = try XCTUnwrap(text.components(separatedBy: "LEADBOOK_VERSION: \"").dropFirst().first?.prefix { $0 != "\"" })
        let releases = box.url("releases")
        let folder = releases.appendingPathComponent("v\(version)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let archive = try ProjectTools.fakeRelease(at: folder, target: "linux-x86_64", version: String(version))
        let project = box.url("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        var environment = box.environment
        environment["CI_PROJECT_DIR"] = project.path
        environment["LEADBOOK_VERSION"] = String(version)
        environment["LEADBOOK_RELEASES"] = Self.url(releases)
        environment["LEADBOOK_REPOSITORY"] = box.url("no-such-repository").path
        environment["LEADBOOK_SHA256"] = String(repeating: "0", count: 64)
        let bad = try bash(script, options: ["-e"], in: project, environment: environment)
        XCTAssertNotEqual(bad.status, 0, bad.output)
        XCTAssertTrue(bad.output.contains("could not be downloaded or verified; building v\(version) from source"), bad.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.path + "/.leadbook-tool/bin/leadbook"))
        environment["LEADBOOK_SHA256"] = try ProjectTools.sha256(archive)
        let good = try bash(script, options: ["-e"], in: project, environment: environment)
        XCTAssertEqual(good.status, 0, good.output)
        XCTAssertTrue(good.stdout.contains("leadbook \(version) (commit fake)"), good.stdout)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: project.path + "/.leadbook-tool/bin/leadbook"))
    }
}

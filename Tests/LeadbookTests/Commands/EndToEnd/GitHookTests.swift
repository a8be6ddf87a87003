import Foundation
import XCTest

/// The git hooks as a rep's clone runs them: the leadbook they find (the one that installed
/// them, else PATH, else a refusal that names the fix), the index file a commit brings up to
/// date, and Chinese file names shown as text.
final class GitHookTests: XCTestCase {
    override func setUpWithError() throws {
        #if os(Windows)
        throw XCTSkip("POSIX shell scripts and paths; Windows runs install.ps1 and Git for Windows' sh")
        #endif
    }

    let entry = """
    ### 2024-03-01 10:30 电话 张伟
    - 背景: 服务器月均宕机5次
    - 状态: 初步接洽
    - [ ] 2024-03-03 发送案例 @王五
    - 下次跟进: 2024-03-04

    """

    let customerPath = "customers/LX2024001-huadong.md"

    /// A workspace with one customer, committed (the hook stages the index file with it).
    func workspaceWithACustomer() throws -> GitSandbox {
        let box = try GitSandbox()
        try box.initWorkspace()
        try box.write("ws/" + customerPath, GitSandbox.customer("LX2024001", name: "华东云科技有限公司", created: "2024-03-01 09:10",
                                                             entries: [entry], next: "2024-03-04"))
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "first customer"])
        return box
    }

    /// git's environment with the PATH of a GUI git client (`/usr/bin:/bin`, `extra` first),
    /// which has no leadbook.
    func pathWithoutLeadbook(_ box: GitSandbox, extra: String? = nil) throws -> [String: String] {
        let system = "/usr/bin:/bin"
        for folder in system.split(separator: ":") where FileManager.default.isExecutableFile(atPath: folder + "/leadbook") {
            throw XCTSkip("\(folder)/leadbook is installed: a PATH without leadbook cannot be made")
        }
        var environment = box.environment
        environment["PATH"] = (extra.map { $0 + ":" } ?? "") + system
        return environment
    }

    func commit(_ box: GitSandbox, _ message: String, environment: [String: String]) throws -> Transcript.Run {
        let git = try XCTUnwrap(GitSandbox.gitExecutable)
        return try GitSandbox.run(git, ["commit", "-q", "-m", message], in: box.url("ws"), environment: environment)
    }

    /// With no leadbook on PATH (a GUI git client), the hook runs the leadbook that installed
    /// it; when that file is gone it takes the one on PATH; with neither, the commit is refused
    /// with the path it looked for and what to do.
    func testTheHookFindsLeadbookWithoutPATHAndNamesTheFixWhenItCannot() throws {
        let box = try workspaceWithACustomer()
        try box.replace("ws/" + customerPath, "status: contacted", with: "status: wonn")
        try box.git(["add", "-A"])
        let recorded = try commit(box, "broken", environment: try pathWithoutLeadbook(box))
        XCTAssertEqual(recorded.status, 1, recorded.output)
        XCTAssertTrue(recorded.output.contains("error[unknown-status]: unknown status `wonn`"), recorded.output)

        // A copy of leadbook installs the hook, and is then removed: the PATH's leadbook runs.
        let copy = box.url("old-install/leadbook").path
        try FileManager.default.createDirectory(at: box.url("old-install"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Transcript.executable.path, toPath: copy)
        let install = try GitSandbox.run(URL(fileURLWithPath: copy), ["hook", "install"], in: box.url("ws"), environment: box.environment)
        XCTAssertEqual(install.status, 0, install.output)
        let hook = try box.read("ws/.git/hooks/pre-commit")
        XCTAssertTrue(hook.contains("leadbook=" + copy + "\n"), hook)
        try FileManager.default.removeItem(atPath: copy)
        let onPath = box.url("on-path").path
        try FileManager.default.createDirectory(atPath: onPath, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: onPath + "/leadbook", withDestinationPath: Transcript.executable.path)
        let fallback = try commit(box, "broken", environment: try pathWithoutLeadbook(box, extra: onPath))
        XCTAssertEqual(fallback.status, 1, fallback.output)
        XCTAssertTrue(fallback.output.contains("error[unknown-status]: unknown status `wonn`"), fallback.output)

        // Neither: refused, not skipped, with the binary it looked for and the fix, in both languages.
        let neither = try commit(box, "broken", environment: try pathWithoutLeadbook(box))
        XCTAssertEqual(neither.status, 1, neither.output)
        XCTAssertTrue(neither.output.contains("leadbook hook: cannot find leadbook, so the commit is refused (nothing was checked)"), neither.output)
        XCTAssertTrue(neither.output.contains("  " + copy + "\n"), neither.output)
        XCTAssertTrue(neither.output.contains("install leadbook (docs/install.md) or add its folder to PATH, then run `leadbook hook install`"), neither.output)
        XCTAssertTrue(neither.output.contains("leadbook 钩子：找不到 leadbook，提交已拒绝"), neither.output)
        XCTAssertEqual(try box.commitCount(), 2, "nothing was committed")

        // A clean change commits through the PATH's leadbook, its index file with it.
        try box.replace("ws/" + customerPath, "status: wonn", with: "status: contacted")
        try box.replace("ws/" + customerPath, "- [ ] 2024-03-03 发送案例", with: "- [x] 2024-03-03 发送案例")
        try box.git(["add", "-A"])
        let clean = try commit(box, "clean", environment: try pathWithoutLeadbook(box, extra: onPath))
        XCTAssertEqual(clean.status, 0, clean.output)
        XCTAssertEqual(try box.git(["show", "--name-only", "--format=", "HEAD"]).stdout, "INDEX.md\n" + customerPath + "\n")
    }

    /// A leadbook run from PATH records its absolute path in the hook all the same (a GUI git
    /// client runs the hook without the user's PATH); the merge driver keeps the name.
    func testAHookInstalledFromPATHRecordsTheAbsolutePath() throws {
        let box = try GitSandbox()
        try box.initWorkspace()
        let onPath = box.url("on-path").path
        try FileManager.default.createDirectory(atPath: onPath, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: onPath + "/leadbook", withDestinationPath: Transcript.executable.path)
        var environment = box.environment
        environment["PATH"] = onPath + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let install = try GitSandbox.run(URL(fileURLWithPath: onPath + "/leadbook"), ["hook", "install"], in: box.url("ws"), environment: environment)
        XCTAssertEqual(install.status, 0, install.output)
        let real = try XCTUnwrap(FileManager.default.destinationOfSymbolicLink(atPath: onPath + "/leadbook"))
        let hook = try box.read("ws/.git/hooks/pre-commit")
        XCTAssertTrue(hook.contains("\nleadbook=" + URL(fileURLWithPath: real).resolvingSymlinksInPath().path + "\n"), hook)
        XCTAssertEqual(try box.git(["config", "--get", "merge.leadbook.driver"]).stdout, "leadbook merge-driver -- %O %A %B %P\n")
    }

    /// `hook install` (and so `init`) sets core.quotePath false: git shows the Chinese file
    /// names `new` writes as text, not as octal escapes.
    func testChineseFileNamesShowAsText() throws {
        let box = try GitSandbox()
        try box.initWorkspace()
        XCTAssertEqual(try box.git(["config", "--local", "--get", "core.quotePath"]).stdout, "false\n")
        try box.write("ws/customers/LX2024001-华东云.md", GitSandbox.customer("LX2024001", name: "华东云科技有限公司", created: "2024-03-01 09:10"))
        let status = try box.git(["status", "--short"]).stdout
        XCTAssertTrue(status.contains("customers/LX2024001-华东云.md"), status)
        XCTAssertFalse(status.contains("\\3"), status)
        let install = try box.leadbook(["hook", "install", "--lang", "zh-CN"], expect: 0)
        XCTAssertTrue(install.stdout.contains("已为本克隆设置 core.quotePath false"), install.stdout)
        XCTAssertTrue(install.stdout.contains("已更新 pre-commit 钩子："), install.stdout)
    }

    /// A to-do ticked by hand: the hook brings INDEX.md up to date and stages it, so the commit
    /// is one CI's `leadbook check` accepts (no stale-index).
    func testAHandTickedToDoCommitsWithItsIndex() throws {
        let box = try workspaceWithACustomer()
        XCTAssertEqual(try box.git(["status", "--porcelain"]).stdout, "", "the first commit took its index")
        try box.replace("ws/" + customerPath, "- [ ] 2024-03-03 发送案例", with: "- [x] 2024-03-03 发送案例")
        try box.git(["add", customerPath])
        let committed = try box.git(["commit", "-q", "-m", "ticked"])
        XCTAssertTrue(committed.output.contains("leadbook: INDEX.md brought up to date with the staged customer files and staged"), committed.output)
        XCTAssertEqual(try box.git(["show", "--name-only", "--format=", "HEAD"]).stdout, "INDEX.md\n" + customerPath + "\n")
        XCTAssertEqual(try box.git(["status", "--porcelain"]).stdout, "")
        try box.git(["clone", "-q", "ws", "ci"], in: "")
        let ci = try box.leadbook(["check"], in: "ci", expect: 0)
        XCTAssertFalse(ci.output.contains("stale-index"), ci.output)
    }

    /// What is not staged stays out of the commit: an unstaged edit of the staged customer and
    /// an untracked customer file reach neither the commit's customer file nor its INDEX.md,
    /// stay as they were, and the commit passes CI's check.
    func testTheIndexIsMadeFromTheStagedFilesOnly() throws {
        let box = try workspaceWithACustomer()
        try box.replace("ws/" + customerPath, "- [ ] 2024-03-03 发送案例", with: "- [x] 2024-03-03 发送案例")
        try box.git(["add", customerPath])
        try box.append("ws/" + customerPath, "\n### 2024-03-05 09:00 微信 张伟\n- 背景: 尚未暂存的跟进\n- 下次跟进: 2024-03-08\n")
        try box.replace("ws/" + customerPath, "next: 2024-03-04", with: "next: 2024-03-08")
        try box.write("ws/customers/LX2024002-boya.md", GitSandbox.customer("LX2024002", name: "博雅教育科技", created: "2024-03-02 10:00"))
        let indexBefore = try box.read("ws/INDEX.md")
        let committed = try box.git(["commit", "-q", "-m", "ticked"])
        XCTAssertTrue(committed.output.contains("INDEX.md brought up to date"), committed.output)
        XCTAssertEqual(try box.git(["show", "--name-only", "--format=", "HEAD"]).stdout, "INDEX.md\n" + customerPath + "\n")
        let index = try box.git(["show", "HEAD:INDEX.md"]).stdout
        XCTAssertNotEqual(index, indexBefore)
        XCTAssertFalse(index.contains("尚未暂存的跟进"), index)
        XCTAssertFalse(index.contains("博雅教育科技"), index)
        XCTAssertFalse(try box.git(["show", "HEAD:" + customerPath]).stdout.contains("尚未暂存的跟进"))
        // The edits not staged are still there, still not staged.
        XCTAssertEqual(try box.git(["status", "--porcelain", "--", "customers"]).stdout,
                       " M " + customerPath + "\n?? customers/LX2024002-boya.md\n")
        XCTAssertTrue(try box.read("ws/" + customerPath).contains("尚未暂存的跟进"))
        try box.git(["clone", "-q", "ws", "ci"], in: "")
        let ci = try box.leadbook(["check"], in: "ci", expect: 0)
        XCTAssertFalse(ci.output.contains("stale-index"), ci.output)
        // The working tree's INDEX.md follows the working tree: adding the rest commits clean.
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "the rest"])
        try box.git(["-C", "ci", "pull", "-q"], in: "")
        try box.leadbook(["check"], in: "ci", expect: 0)
    }

    /// A leadbook.yml broken in the working tree but not staged stops neither the check nor the
    /// index, which is made with the staged leadbook.yml.
    func testAnUnstagedBrokenConfigurationDoesNotStopTheCommit() throws {
        let box = try workspaceWithACustomer()
        try box.replace("ws/" + customerPath, "- [ ] 2024-03-03 发送案例", with: "- [x] 2024-03-03 发送案例")
        try box.git(["add", customerPath])
        try box.append("ws/leadbook.yml", "sla_hours: [\n")
        let committed = try box.git(["commit", "-q", "-m", "ticked"])
        XCTAssertTrue(committed.output.contains("INDEX.md brought up to date"), committed.output)
        XCTAssertEqual(try box.git(["show", "--name-only", "--format=", "HEAD"]).stdout, "INDEX.md\n" + customerPath + "\n")
        // The working tree's INDEX.md cannot be made with that leadbook.yml: it stays as it was.
        XCTAssertEqual(try box.git(["status", "--porcelain"]).stdout, " M INDEX.md\n M leadbook.yml\n")
    }

    /// A commit the check refuses gets no index staged.
    func testARefusedCommitStagesNothing() throws {
        let box = try workspaceWithACustomer()
        try box.replace("ws/" + customerPath, "- [ ] 2024-03-03 发送案例", with: "- [x] 2024-03-03 发送案例")
        try box.replace("ws/" + customerPath, "status: contacted", with: "status: wonn")
        try box.git(["add", customerPath])
        let refused = try box.git(["commit", "-q", "-m", "broken"], expect: 1)
        XCTAssertTrue(refused.output.contains("error[unknown-status]"), refused.output)
        XCTAssertEqual(try box.git(["diff", "--cached", "--name-only"]).stdout, customerPath + "\n")
        XCTAssertEqual(try box.git(["diff", "--name-only"]).stdout, "")
    }

    /// `leadbook hook index` on its own: nothing to do outside git, a usage error for another
    /// subcommand.
    func testHookSubcommands() throws {
        let box = try GitSandbox()
        try box.write("ws/leadbook.yml", "language: zh-CN\n")
        let outside = try box.leadbook(["hook", "index"], expect: 2)
        XCTAssertTrue(outside.stderr.contains("is not in a git repository"), outside.stderr)
        let usage = try box.leadbook(["hook", "remove"], expect: 2)
        XCTAssertTrue(usage.stderr.contains("the subcommand is `install` or `index`"), usage.stderr)
        let chinese = try box.leadbook(["hook", "remove", "--lang", "zh-CN"], expect: 2)
        XCTAssertTrue(chinese.stderr.contains("子命令是 `install` 或 `index`"), chinese.stderr)
    }
}

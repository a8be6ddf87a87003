import Foundation
import XCTest
@testable import LeadbookCore

/// The team workflow in real, temporary git repositories: init, the pre-commit hook, the merge
/// driver, the append-only log and id collisions.
final class GitWorkflowTests: XCTestCase {
    let entry1 = """
    ### 2024-03-01 10:30 电话 张伟
    - 背景: 服务器月均宕机5次
    - 状态: 初步接洽
    - [ ] 2024-03-03 发送案例 @王五
    - 下次跟进: 2024-03-04

    """

    /// The temporary file of a write that was killed before its rename is never committed by
    /// `git add -A`: the workspace's .gitignore ignores it, in every folder; `init` in a folder
    /// whose .gitignore lacks the line adds it.
    func testTheWorkspaceIgnoresTemporaryFilesOfInterruptedWrites() throws {
        let box = try GitSandbox()
        try box.initWorkspace()
        for path in ["customers/.LX2024001-a.md.leadbook-3k9x2f1.tmp", "customers/east/.LX2024002-b.md.leadbook-q0.tmp", ".INDEX.md.leadbook-zz81.tmp"] {
            try box.write("ws/" + path, "partial")
            try box.git(["check-ignore", "-q", "--", path], expect: 0)
        }
        try box.write("ws/customers/LX2024001-a.md", "---\n")
        try box.git(["add", "-A"])
        XCTAssertEqual(try box.git(["diff", "--cached", "--name-only"]).stdout, "customers/LX2024001-a.md\n")
        try box.write("team-b/.gitignore", ".leadbook/\n*.bak\n")
        let again = try box.leadbook(["init", "team-b"], in: "", expect: 0)
        XCTAssertTrue(again.stdout.contains("added `.*.leadbook-*.tmp` to the existing .gitignore\n"), again.stdout)
        XCTAssertEqual(try box.read("team-b/.gitignore"), ".leadbook/\n*.bak\n.*.leadbook-*.tmp\n")
    }

    func testInitGivesAWorkspaceThatPassesCheck() throws {
        let box = try GitSandbox()
        try box.initWorkspace()
        for file in ["leadbook.yml", "INDEX.md", "README.md", "customers/.gitkeep", ".gitignore", ".gitattributes",
                     ".github/workflows/leadbook.yml", ".gitlab-ci.yml", ".git/hooks/pre-commit", ".git/hooks/pre-merge-commit", ".git/hooks/post-merge"] {
            XCTAssertTrue(box.exists("ws/" + file), file)
        }
        let check = try box.leadbook(["check"], expect: 0)
        XCTAssertEqual(check.stdout, "0 errors, 0 warnings in 2 files\n")
        XCTAssertTrue(try box.read("ws/.gitignore").contains(".leadbook/"))
        XCTAssertTrue(try box.read("ws/.gitattributes").contains("customers/**/*.md merge=leadbook"))
        let driver = try box.git(["config", "--get", "merge.leadbook.driver"]).stdout
        XCTAssertTrue(driver.hasSuffix("leadbook merge-driver -- %O %A %B %P\n"), driver)
        // The template is a workspace to use: a first customer is checked by the hook.
        try box.write("ws/customers/LX2024001-huadong.md",
                      GitSandbox.customer("LX2024001", name: "华东云科技有限公司", created: "2024-03-01 09:10",
                                          entries: [entry1], next: "2024-03-04"))
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "first customer"])
        XCTAssertEqual(try box.commitCount(), 2)
        // A second init there is refused; init inside an existing repository does not nest one.
        let again = try box.leadbook(["init"], expect: 2)
        XCTAssertTrue(again.stderr.contains("already a workspace"), again.stderr)
        try box.leadbook(["init", "team-b"], expect: 0)
        XCTAssertFalse(box.exists("ws/team-b/.git"))
        // The hook now checks both workspaces of the repository.
        let hook = try box.read("ws/.git/hooks/pre-commit")
        XCTAssertTrue(hook.contains("check --staged --against HEAD -C .; then\n"), hook)
        XCTAssertTrue(hook.contains("check --staged --against HEAD -C team-b; then\n"), hook)
        try box.write("ws/team-b/customers/LX2024001-x.md", "---\nid: LX2024001\n---\n")
        try box.git(["add", "-A"])
        let refused = try box.git(["commit", "-q", "-m", "team b"], expect: 1)
        XCTAssertTrue(refused.output.contains("customers/LX2024001-x.md:2:1: error[missing-field]"), refused.output)
    }

    func testACommitWithAPlantedErrorIsRefusedAndACleanOnePasses() throws {
        let box = try GitSandbox()
        try box.initWorkspace()
        let path = "ws/customers/LX2024001-huadong.md"
        // Planted: the score gives A but the grade says S.
        try box.write(path, GitSandbox.customer("LX2024001", name: "华东云科技有限公司", created: "2024-03-01 09:10",
                                                entries: [entry1], next: "2024-03-04")
                        .replacingOccurrences(of: "grade: A", with: "grade: S"))
        try box.git(["add", "-A"])
        let refused = try box.git(["commit", "-q", "-m", "planted"], expect: 1)
        let output = refused.output
        XCTAssertTrue(output.contains("customers/LX2024001-huadong.md:7:8: error[stale-grade] (fixable): grade is S but the score 60 gives A"), output)
        XCTAssertTrue(output.contains("run `leadbook sync`"), output)
        XCTAssertEqual(try box.commitCount(), 1, "nothing was committed")

        // The fix: sync writes the grade; the commit passes.
        let sync = try box.leadbook(["sync"], expect: 0)
        XCTAssertTrue(sync.stdout.contains("updated customers/LX2024001-huadong.md: grade S -> A"), sync.stdout)
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "clean"])
        XCTAssertEqual(try box.commitCount(), 2)

        // What counts is what is staged: an unstaged error does not stop a clean commit ...
        try box.replace(path, "status: contacted", with: "status: wonn")
        try box.write("ws/customers/LX2024002-boya.md", GitSandbox.customer("LX2024002", name: "博雅教育", created: "2024-03-02 10:00"))
        try box.git(["add", "customers/LX2024002-boya.md"])
        try box.git(["commit", "-q", "-m", "second customer"])
        XCTAssertEqual(try box.commitCount(), 3)
        // ... and a staged error is not hidden by a fix that is not staged.
        try box.git(["add", "-A"])
        try box.replace(path, "status: wonn", with: "status: contacted")
        let hidden = try box.git(["commit", "-q", "-m", "staged error"], expect: 1)
        XCTAssertTrue(hidden.output.contains("error[unknown-status]: unknown status `wonn`"), hidden.output)
        XCTAssertEqual(try box.commitCount(), 3)
        // `git commit -a` and `git commit PATH` stage through a temporary index: checked too.
        try box.git(["reset", "-q"])
        try box.replace(path, "status: contacted", with: "status: wonn")
        let all = try box.git(["commit", "-q", "-a", "-m", "commit -a"], expect: 1)
        XCTAssertTrue(all.output.contains("error[unknown-status]"), all.output)
        let only = try box.git(["commit", "-q", "-m", "one path", "customers/LX2024001-huadong.md"], expect: 1)
        XCTAssertTrue(only.output.contains("error[unknown-status]"), only.output)
        XCTAssertEqual(try box.commitCount(), 3)
    }

    /// The driver as git calls it, on files outside any workspace: a line-by-line merge.
    func testTheDriverOnItsOwn() throws {
        let box = try GitSandbox()
        try box.write("o.txt", "a\nb\nc\n")
        try box.write("a.txt", "A\nb\nc\n")
        try box.write("b.txt", "a\nb\nC\n")
        try box.leadbook(["merge-driver", "o.txt", "a.txt", "b.txt", "notes/plan.txt"], in: "", expect: 0)
        XCTAssertEqual(try box.read("a.txt"), "A\nb\nC\n")
        try box.write("b.txt", "a\nB\nc\n")
        try box.write("a.txt", "a\nX\nc\n")
        let conflict = try box.leadbook(["merge-driver", "o.txt", "a.txt", "b.txt", "notes/plan.txt"], in: "", expect: 1)
        XCTAssertTrue(conflict.stderr.contains("notes/plan.txt: 1 conflict left"), conflict.stderr)
        XCTAssertEqual(try box.read("a.txt"), "a\n<<<<<<< ours\nX\n=======\nB\n>>>>>>> theirs\nc\n")
        let usage = try box.leadbook(["merge-driver", "o.txt", "a.txt"], in: "", expect: 2)
        XCTAssertTrue(usage.stderr.contains("give the four files git passes"), usage.stderr)
    }

    func testAnExistingHookIsKeptAndRunsFirst() throws {
        let box = try GitSandbox()
        guard GitSandbox.gitExecutable != nil else { throw XCTSkip("git is not installed") }
        try FileManager.default.createDirectory(at: box.url("ws"), withIntermediateDirectories: true)
        try box.git(["init", "-q"])
        let mine = "#!/bin/sh\necho team-hook >> \"$(git rev-parse --show-toplevel)/hook-ran.txt\"\n"
        try box.write("ws/.git/hooks/pre-commit", mine)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: box.url("ws/.git/hooks/pre-commit").path)
        try box.write("ws/leadbook.yml", "language: zh-CN\n")
        let install = try box.leadbook(["hook", "install"], expect: 0)
        XCTAssertTrue(install.stdout.contains("pre-commit hook installed (your existing hook is kept as pre-commit.before-leadbook and runs first)"), install.stdout)
        XCTAssertEqual(try box.read("ws/.git/hooks/pre-commit.before-leadbook"), mine)
        XCTAssertTrue(try box.read("ws/.git/hooks/pre-commit").contains("leadbook hook: installed by"))
        // Installing again updates leadbook's hook and keeps the chained one.
        let again = try box.leadbook(["hook", "install"], expect: 0)
        XCTAssertTrue(again.stdout.contains("pre-commit hook updated"), again.stdout)
        XCTAssertEqual(try box.read("ws/.git/hooks/pre-commit.before-leadbook"), mine)
        // Both run: the team's hook, then leadbook's check, which refuses a broken file.
        try box.write("ws/customers/LX2024001-a.md", "---\nid: LX2024001\n---\n")
        try box.git(["add", "customers", "leadbook.yml"])
        let refused = try box.git(["commit", "-q", "-m", "broken"], expect: 1)
        XCTAssertTrue(refused.output.contains("error[missing-field]"), refused.output)
        XCTAssertEqual(try box.read("ws/hook-ran.txt"), "team-hook\n")
        // A failing team hook stops the commit before leadbook runs.
        try box.write("ws/.git/hooks/pre-commit.before-leadbook", "#!/bin/sh\necho no >&2\nexit 3\n")
        let stopped = try box.git(["commit", "-q", "-m", "broken"], expect: 1)
        XCTAssertFalse(stopped.output.contains("missing-field"), stopped.output)
        XCTAssertTrue(stopped.output.contains("no\n"), stopped.output)
    }

    /// Two reps each log on the same customer and each add a customer: git merges with the
    /// driver, no conflict, every entry once, and the result passes check.
    func testTwoBranchesThatLogOnTheSameCustomerMergeWithoutConflict() throws {
        let box = try GitSandbox()
        try box.initWorkspace()
        let shared = "ws/customers/LX2024001-huadong.md"
        try box.write(shared, GitSandbox.customer("LX2024001", name: "华东云科技有限公司", created: "2024-03-01 09:10",
                                                  entries: [entry1], next: "2024-03-04"))
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "LX2024001"])

        // Rep A: a follow-up (status proposal, next 03-08) and a new customer.
        try box.git(["checkout", "-q", "-b", "rep-a"])
        try box.append(shared, "\n### 2024-03-05 14:00 面谈 张伟\n- 需求: 高稳定性服务器\n- 状态: 方案提交\n- 下次跟进: 2024-03-08\n")
        try box.replace(shared, "status: contacted", with: "status: proposal")
        try box.replace(shared, "next: 2024-03-04", with: "next: 2024-03-08")
        try box.write("ws/customers/LX2024002-boya.md", GitSandbox.customer("LX2024002", name: "博雅教育", created: "2024-03-05 10:00"))
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "rep A"])

        // Rep B, from the same start: ticks the to-do, an earlier follow-up, owner unchanged,
        // a budget, and another new customer.
        try box.git(["checkout", "-q", "main"])
        try box.git(["checkout", "-q", "-b", "rep-b"])
        try box.replace(shared, "- [ ] 2024-03-03 发送案例", with: "- [x] 2024-03-03 发送案例")
        try box.append(shared, "\n### 2024-03-04 09:00 微信 张伟\n- 反馈: 案例已收到\n- 状态: 需求明确\n- 下次跟进: 2024-03-06\n")
        try box.replace(shared, "status: contacted", with: "status: qualified")
        try box.replace(shared, "next: 2024-03-04", with: "next: 2024-03-06")
        try box.replace(shared, "owner: 王五\n", with: "owner: 王五\nbudget: 200000\n")
        try box.write("ws/customers/LX2024003-hengli.md", GitSandbox.customer("LX2024003", name: "恒立制造", created: "2024-03-04 11:00"))
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "rep B"])

        try box.git(["checkout", "-q", "main"])
        try box.git(["merge", "-q", "--no-edit", "rep-a"])
        let merge = try box.git(["merge", "--no-edit", "rep-b"])
        XCTAssertFalse(merge.stdout.contains("CONFLICT"), merge.stdout)
        let merged = try box.read(shared)
        XCTAssertFalse(merged.contains("<<<<<<<"), merged)
        for heading in ["### 2024-03-01 10:30 电话 张伟", "### 2024-03-04 09:00 微信 张伟", "### 2024-03-05 14:00 面谈 张伟"] {
            XCTAssertEqual(merged.components(separatedBy: heading).count - 1, 1, "\(heading) exactly once:\n\(merged)")
        }
        XCTAssertLessThan(merged.range(of: "### 2024-03-04")!.lowerBound, merged.range(of: "### 2024-03-05")!.lowerBound)
        XCTAssertTrue(merged.contains("- [x] 2024-03-03 发送案例"))
        XCTAssertTrue(merged.contains("budget: 200000\n"))
        // The last entry (03-05) decides status and next.
        XCTAssertTrue(merged.contains("status: proposal\nnext: 2024-03-08\n"), merged)
        XCTAssertTrue(box.exists("ws/customers/LX2024002-boya.md") && box.exists("ws/customers/LX2024003-hengli.md"))
        try box.leadbook(["check"], expect: 0)
        // What CI does on a pull request: compare with the merge base.
        let base = try box.git(["merge-base", "rep-a", "rep-b"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try box.leadbook(["check", "--against", base], expect: 0)
        // The post-merge hook regenerated the index from the merged customers; it goes with
        // the next commit.
        XCTAssertEqual(try box.git(["status", "--porcelain"]).stdout, " M INDEX.md\n")
        try box.leadbook(["index", "--check"], expect: 0)
    }

    /// A conflict the driver leaves is marked on that key alone; the rest is merged.
    func testBothSidesChangingOneKeyConflictOnThatKey() throws {
        let box = try GitSandbox()
        try box.initWorkspace()
        let shared = "ws/customers/LX2024001-huadong.md"
        try box.write(shared, GitSandbox.customer("LX2024001", name: "华东云科技有限公司", created: "2024-03-01 09:10",
                                                  entries: [entry1], next: "2024-03-04"))
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "LX2024001"])
        try box.git(["checkout", "-q", "-b", "other"])
        try box.replace(shared, "name: 华东云科技有限公司", with: "name: 华东云科技股份有限公司")
        try box.append(shared, "\n### 2024-03-05 电话 张伟\n- 背景: 改制为股份公司\n")
        try box.git(["commit", "-q", "-a", "-m", "other"])
        try box.git(["checkout", "-q", "main"])
        try box.replace(shared, "name: 华东云科技有限公司", with: "name: 华东云科技集团")
        try box.git(["commit", "-q", "-a", "-m", "main"])
        let merge = try box.git(["merge", "--no-edit", "other"], expect: 1)
        XCTAssertTrue(merge.stdout.contains("CONFLICT"), merge.stdout)
        XCTAssertTrue(merge.stderr.contains("1 conflict left between <<<<<<< and >>>>>>> lines"), merge.stderr)
        let merged = try box.read(shared)
        XCTAssertTrue(merged.contains("<<<<<<< ours\nname: 华东云科技集团\n=======\nname: 华东云科技股份有限公司\n>>>>>>> theirs\nsource: website\n"), merged)
        XCTAssertTrue(merged.contains("### 2024-03-05 电话 张伟"), "their entry is merged in")
        let check = try box.leadbook(["check"], expect: 1)
        XCTAssertTrue(check.stdout.contains("customers/LX2024001-huadong.md:3:1: error[conflict-markers]: a git merge left a conflict here: ours up to the `=======` on line 5, theirs up to the `>>>>>>>` on line 7"), check.stdout)
        // Committed with the markers still in: the hook refuses it.
        try box.git(["add", "-A"])
        let unresolved = try box.git(["commit", "-q", "--no-edit"], expect: 1)
        XCTAssertTrue(unresolved.output.contains("customers/LX2024001-huadong.md:3:1: error[conflict-markers]"), unresolved.output)
        // Resolved by hand and committed: the pre-commit hook puts the regenerated index into
        // the merge commit, as for a merge without conflicts.
        try box.write(shared, merged.replacingOccurrences(of: "<<<<<<< ours\nname: 华东云科技集团\n=======\nname: 华东云科技股份有限公司\n>>>>>>> theirs\n",
                                                          with: "name: 华东云科技股份有限公司\n"))
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "--no-edit"])
        XCTAssertEqual(try box.git(["status", "--porcelain"]).stdout, "")
        try box.leadbook(["index", "--check"], expect: 0)
        XCTAssertTrue(try box.read("ws/INDEX.md").contains("华东云科技股份有限公司"))
    }

    func testAnEditedOldEntryIsReportedByAgainst() throws {
        let box = try GitSandbox()
        try box.initWorkspace()
        let path = "ws/customers/LX2024001-huadong.md"
        let feedback = "\n## 客户反馈\n\n### 2024-03-03 面谈 方案缺少数据备份功能\n- 类型: 产品\n- 处理方式: 立即解决\n"
        try box.write(path, GitSandbox.customer("LX2024001", name: "华东云科技有限公司", created: "2024-03-01 09:10",
                                                entries: [entry1], next: "2024-03-04") + feedback)
        // After editing files by hand, `leadbook index` (or sync) keeps INDEX.md current.
        try box.leadbook(["index"], expect: 0)
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "LX2024001"])

        // Allowed: ticking the task, filling resolved and confirmed, a new entry.
        try box.replace(path, "- [ ] 2024-03-03", with: "- [x] 2024-03-03")
        try box.append(path, "- 已解决: 2024-03-04\n- 客户确认: 2024-03-05 客户认可\n")
        try box.leadbook(["index"], expect: 0)
        try box.leadbook(["check", "--against", "HEAD"], expect: 0)
        try box.git(["commit", "-q", "-a", "-m", "ticked and resolved"])

        // Not allowed: an old line rewritten.
        try box.replace(path, "- 背景: 服务器月均宕机5次", with: "- 背景: 服务器月均宕机3次")
        try box.leadbook(["index"], expect: 0)
        let run = try box.leadbook(["check", "--against", "HEAD"], expect: 1)
        XCTAssertTrue(run.stdout.contains("""
            customers/LX2024001-huadong.md:19:1: error[log-rewritten]: the follow-up entry `### 2024-03-01 10:30 电话 张伟` at HEAD was changed: this line was `- 背景: 服务器月均宕机5次`
            """), run.stdout)
        XCTAssertTrue(run.stdout.contains("1 error, 0 warnings"), run.stdout)
        // The hook compares with HEAD too.
        let refused = try box.git(["commit", "-q", "-a", "-m", "rewrite"], expect: 1)
        XCTAssertTrue(refused.output.contains("error[log-rewritten]"), refused.output)
        // A removed entry is named; so is a deleted customer.
        try box.git(["checkout", "-q", "--", "."])
        try box.replace(path, entry1.replacingOccurrences(of: "- [ ]", with: "- [x]"), with: "")
        let removed = try box.leadbook(["check", "--against", "HEAD", "--format", "json"], expect: 1)
        XCTAssertTrue(removed.stdout.contains("the follow-up entry `### 2024-03-01 10:30 电话 张伟` (line 18 at HEAD) was removed or its heading changed"), removed.stdout)
        try box.git(["rm", "-q", "-f", "customers/LX2024001-huadong.md"])
        let deleted = try box.leadbook(["check", "--staged", "--against", "HEAD"], expect: 1)
        XCTAssertTrue(deleted.stdout.contains("customers/LX2024001-huadong.md:1:1: error[log-rewritten]: the file was deleted with its 1 follow-up and 1 feedback entry (at HEAD)"), deleted.stdout)
    }

    /// Two branches each create LX2024002; one of them also merges a duplicate into its new
    /// customer. The merge commit is stopped, `renumber` fixes it, and the commit passes.
    func testAnIdCollisionIsFoundAndRenumberFixesIt() throws {
        let box = try GitSandbox()
        try box.initWorkspace()
        try box.write("ws/customers/LX2024001-huadong.md", GitSandbox.customer("LX2024001", name: "华东云科技有限公司", created: "2024-03-01 09:10"))
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "LX2024001"])

        try box.git(["checkout", "-q", "-b", "rep-a"])
        try box.write("ws/customers/LX2024002-boya.md", GitSandbox.customer("LX2024002", name: "博雅教育", created: "2024-03-02 10:00"))
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "rep A: LX2024002"])

        try box.git(["checkout", "-q", "main"])
        try box.git(["checkout", "-q", "-b", "rep-b"])
        try box.write("ws/customers/LX2024002-hengli.md", GitSandbox.customer("LX2024002", name: "恒立制造", created: "2024-03-03 11:00"))
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "rep B: LX2024002"])
        try box.write("ws/customers/LX2024003-hengli-old.md", "---\nid: LX2024003\nmerged_into: LX2024002\n---\n")
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "rep B: duplicate merged into LX2024002"])

        try box.git(["checkout", "-q", "main"])
        try box.git(["merge", "-q", "--no-edit", "rep-a"])
        let merge = try box.git(["merge", "--no-edit", "rep-b"], expect: 1)
        XCTAssertTrue(merge.output.contains("error[duplicate-id]"), merge.output)
        let check = try box.leadbook(["check"], expect: 1)
        XCTAssertTrue(check.stdout.contains("customers/LX2024002-boya.md:2:5: error[duplicate-id]: id `LX2024002` is also used by customers/LX2024002-hengli.md"), check.stdout)
        XCTAssertTrue(check.stdout.contains("customers/LX2024002-hengli.md:2:5: error[duplicate-id]: id `LX2024002` is also used by customers/LX2024002-boya.md"), check.stdout)

        let renumber = try box.leadbook(["renumber"], expect: 0)
        XCTAssertEqual(renumber.stdout, """
            LX2024002: kept by customers/LX2024002-boya.md (created 2024-03-02 10:00)
            LX2024002 -> LX2024004: customers/LX2024002-hengli.md (created 2024-03-03 11:00) renamed to customers/LX2024004-hengli.md
            customers/LX2024003-hengli-old.md: merged_into LX2024002 -> LX2024004
            1 customer renumbered; commit the change (`git add -A`)
            updated INDEX.md: leads, grading

            """)
        XCTAssertFalse(box.exists("ws/customers/LX2024002-hengli.md"))
        XCTAssertTrue(try box.read("ws/customers/LX2024004-hengli.md").contains("id: LX2024004\nname: 恒立制造\n"))
        XCTAssertEqual(try box.read("ws/customers/LX2024003-hengli-old.md"), "---\nid: LX2024003\nmerged_into: LX2024004\n---\n")
        try box.leadbook(["check"], expect: 0)
        try box.leadbook(["renumber"], expect: 0)
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "--no-edit"])
        XCTAssertEqual(try box.git(["status", "--porcelain"]).stdout, "")
    }

    /// The index file is never a conflict: ours is kept, `leadbook index` regenerates it.
    func testTheIndexFileKeepsOurs() throws {
        let box = try GitSandbox()
        try box.initWorkspace()
        try box.git(["checkout", "-q", "-b", "other"])
        try box.append("ws/INDEX.md", "\n| theirs |\n")
        try box.git(["commit", "-q", "-a", "-m", "their index"])
        try box.git(["checkout", "-q", "main"])
        try box.append("ws/INDEX.md", "\n| ours |\n")
        try box.git(["commit", "-q", "-a", "-m", "our index"])
        let merge = try box.git(["merge", "--no-edit", "other"])
        XCTAssertTrue(merge.stderr.contains("INDEX.md: both sides changed it: kept ours; the post-merge hook regenerates it"), merge.stderr)
        XCTAssertTrue(try box.read("ws/INDEX.md").hasSuffix("\n| ours |\n"))
    }
    /// A workspace folder whose name begins with `-`: git gives the driver
    /// `-leads/customers/...`, a path all the same, with the driver line `hook install` writes
    /// and with the one older versions wrote (no `--`); the hooks check it too.
    func testAWorkspaceFolderBeginningWithADashMergesThroughTheDriver() throws {
        let box = try GitSandbox()
        guard GitSandbox.gitExecutable != nil else { throw XCTSkip("git is not installed") }
        try FileManager.default.createDirectory(at: box.url("repo"), withIntermediateDirectories: true)
        try box.git(["init", "-q", "-b", "main"], in: "repo")
        try box.leadbook(["init", "--", "-leads"], in: "repo", expect: 0)
        let shared = "repo/-leads/customers/LX2024001-huadong.md"
        try box.write(shared, GitSandbox.customer("LX2024001", name: "华东云科技有限公司", created: "2024-03-01 09:10",
                                                  entries: [entry1], next: "2024-03-04"))
        try box.leadbook(["index", "-C", "-leads"], in: "repo", expect: 0)
        try box.git(["add", "-A"], in: "repo")
        try box.git(["commit", "-q", "-m", "start"], in: "repo")
        let driver = try box.git(["config", "--get", "merge.leadbook.driver"], in: "repo").stdout
        XCTAssertTrue(driver.hasSuffix(" merge-driver -- %O %A %B %P\n"), driver)
        let oldLine = driver.replacingOccurrences(of: " -- ", with: " ").trimmingCharacters(in: .newlines)

        for (round, line) in [driver.trimmingCharacters(in: .newlines), oldLine].enumerated() {
            try box.git(["config", "merge.leadbook.driver", line], in: "repo")
            try box.git(["checkout", "-q", "-b", "other\(round)"], in: "repo")
            try box.append(shared, "\n### 2024-03-0\(5 + 2 * round) 电话 张伟\n- 背景: 其他分支\(round)\n")
            try box.git(["commit", "-q", "-a", "-m", "other"], in: "repo")
            try box.git(["checkout", "-q", "main"], in: "repo")
            try box.append(shared, "\n### 2024-03-0\(4 + 2 * round) 微信 张伟\n- 背景: 主分支\(round)\n")
            try box.git(["commit", "-q", "-a", "-m", "main"], in: "repo")
            let merge = try box.git(["merge", "--no-edit", "other\(round)"], in: "repo")
            XCTAssertFalse(merge.output.contains("CONFLICT"), merge.output)
            XCTAssertFalse(merge.output.contains("unknown option"), merge.output)
            let merged = try box.read(shared)
            XCTAssertFalse(merged.contains("<<<<<<<"), merged)
            XCTAssertEqual(merged.components(separatedBy: "- 背景: 其他分支\(round)\n").count - 1, 1, merged)
            XCTAssertEqual(merged.components(separatedBy: "- 背景: 主分支\(round)\n").count - 1, 1, merged)
            try box.git(["commit", "-q", "-a", "--allow-empty", "-m", "index"], in: "repo")
        }
        // The commands that hand the workspace's paths to git take them as paths too.
        try box.leadbook(["check", "--against", "HEAD~3", "-C", "-leads"], in: "repo", expect: 0)
        let summary = try box.leadbook(["summary", "--compare", "HEAD~3", "--as-of", "2024-03-31", "-C", "-leads"], in: "repo", expect: 0)
        XCTAssertTrue(summary.output.contains("## 六、与 HEAD\\~3（"), summary.output)
        try box.leadbook(["renumber", "-C", "-leads"], in: "repo", expect: 0)
        // `hook install` writes the line with `--` over an older one.
        try box.git(["config", "merge.leadbook.driver", oldLine], in: "repo")
        try box.leadbook(["hook", "install", "-C", "-leads"], in: "repo", expect: 0)
        XCTAssertEqual(try box.git(["config", "--get", "merge.leadbook.driver"], in: "repo").stdout, driver)
        // The hook checks the workspace by its name: a broken file is refused.
        try box.replace(shared, "status: contacted", with: "status: wonn")
        let refused = try box.git(["commit", "-q", "-a", "-m", "broken"], in: "repo", expect: 1)
        XCTAssertTrue(refused.output.contains("error[unknown-status]"), refused.output)
    }
    /// A line break in a folder's name, above the workspace or in the workspace's own folder:
    /// `hook install` finds the repository, and the hook checks each workspace by its name.
    func testHookInstallInFoldersWithALineBreak() throws {
        let box = try GitSandbox()
        guard GitSandbox.gitExecutable != nil else { throw XCTSkip("git is not installed") }
        let repo = "team\nleads"
        try FileManager.default.createDirectory(at: box.url(repo), withIntermediateDirectories: true)
        try box.git(["init", "-q", "-b", "main"], in: repo)
        try box.write(repo + "/leadbook.yml", "language: zh-CN\n")
        let top = try box.leadbook(["hook", "install"], in: repo, expect: 0)
        XCTAssertTrue(top.stdout.contains("pre-commit hook installed: "), top.stdout)
        // A second workspace in a folder whose own name holds a line break.
        let inner = repo + "/east\nteam"
        try box.write(inner + "/leadbook.yml", "language: zh-CN\n")
        let install = try box.leadbook(["hook", "install"], in: inner, expect: 0)
        XCTAssertFalse(install.output.contains("not in a git repository"), install.output)
        let hook = try box.read(repo + "/.git/hooks/pre-commit")
        XCTAssertTrue(hook.contains("# workspace: .\n"), hook)
        XCTAssertTrue(hook.contains("# workspace: \"east\\nteam\"\n"), hook)
        XCTAssertTrue(hook.contains("check --staged --against HEAD -C 'east\nteam'; then\n"), hook)
        // Installing again keeps both workspaces, each once.
        try box.leadbook(["hook", "install"], in: inner, expect: 0)
        XCTAssertEqual(try box.read(repo + "/.git/hooks/pre-commit"), hook)
        // The hook checks both: a broken customer in the inner one stops the commit.
        try box.write(inner + "/customers/LX2024001-a.md", "---\nid: LX2024001\n---\n")
        try box.git(["add", "-A"], in: repo)
        let refused = try box.git(["commit", "-q", "-m", "broken"], in: repo, expect: 1)
        XCTAssertTrue(refused.output.contains("customers/LX2024001-a.md:2:1: error[missing-field]"), refused.output)
        try box.write(inner + "/customers/LX2024001-a.md", GitSandbox.customer("LX2024001", name: "华东云科技有限公司", created: "2024-03-01 09:10"))
        try box.leadbook(["index"], in: inner, expect: 0)
        try box.git(["add", "-A"], in: repo)
        try box.git(["commit", "-q", "-m", "clean"], in: repo)
        XCTAssertEqual(GitHooks.workspace(marked: GitHooks.mark("east\nteam")), "east\nteam")
        XCTAssertEqual(GitHooks.workspace(marked: GitHooks.mark("\"quoted\" \\ folder")), "\"quoted\" \\ folder")
        XCTAssertEqual(GitHooks.mark("leads-east"), "leads-east")
    }
}

import Foundation
import XCTest

/// `check --staged` reads only what is staged, yet finds what the rest of the tree makes wrong.
final class StagedCheckTests: XCTestCase {
    /// A repository `ws` (the workspace at its top) with three committed customers and a tombstone.
    func repository(config: String = "language: zh-CN\n") throws -> GitSandbox {
        let box = try GitSandbox()
        guard GitSandbox.gitExecutable != nil else { throw XCTSkip("git is not installed") }
        try FileManager.default.createDirectory(at: box.url("ws"), withIntermediateDirectories: true)
        try box.git(["init", "-q"])
        try box.write("ws/leadbook.yml", config)
        try box.write("ws/customers/LX2024001-huadong.md", GitSandbox.customer("LX2024001", name: "华东云科技有限公司", created: "2024-03-01 09:10"))
        try box.write("ws/customers/2024/LX2024002-boya.md", GitSandbox.customer("LX2024002", name: "博雅教育", created: "2024-03-02 09:10"))
        try box.write("ws/customers/LX2024003-hengli.md", GitSandbox.customer("LX2024003", name: "恒立制造", created: "2024-03-03 09:10"))
        try box.write("ws/customers/LX2024005-hengli-old.md", "---\nid: LX2024005\nmerged_into: LX2024003\n---\n")
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "start"])
        return box
    }

    func testIdsAreCheckedAgainstTheRestOfTheTree() throws {
        let box = try repository()
        try box.write("ws/customers/2025/LX2024002-copy.md", GitSandbox.customer("LX2024002", name: "博雅教育集团", created: "2024-03-09 09:10"))
        try box.write("ws/customers/LX2024006-a.md", "---\nid: LX2024006\nmerged_into: LX2024003\n---\n")
        try box.write("ws/customers/LX2024007-b.md", "---\nid: LX2024007\nmerged_into: LX2024009\n---\n")
        try box.git(["add", "-A"])
        let run = try box.leadbook(["check", "--staged"], expect: 1)
        XCTAssertEqual(run.stdout, """
            customers/2025/LX2024002-copy.md:2:5: error[duplicate-id]: id `LX2024002` is also used by customers/2024/LX2024002-boya.md
             2 | id: LX2024002
               |     ^
              hint: ids are unique: run `leadbook renumber LX2024002` to give the newer customer the next free id
            customers/2025/LX2024002-copy.md:3:7: warning[possible-duplicate]: looks like the same customer as customers/2024/LX2024002-boya.md (LX2024002 博雅教育): same name 博雅教育
             3 | name: 博雅教育集团
               |       ^
              hint: if it is, `leadbook merge LX2024002 LX2024002` makes one profile of the two (`leadbook dupes` lists every group)
            customers/LX2024007-b.md:3:14: error[unknown-merge-target]: `merged_into` names `LX2024009`, which is not a customer in this workspace
             3 | merged_into: LX2024009
               |              ^
              hint: use the id of the customer that now holds this one's history (`leadbook show ID` to check it)
            2 errors, 1 warning in 3 files

            """)
        XCTAssertTrue(run.stderr.contains("fix the staged files above"), run.stderr)
    }

    /// A staged customer that looks like one already in the tree is a warning, as in `check`;
    /// only the files that hold its keys are read, and unstaged edits change nothing.
    func testPossibleDuplicatesAreFoundInTheRestOfTheTree() throws {
        let box = try repository()
        try box.replace("ws/customers/LX2024003-hengli.md", "status: contacted\n",
                        with: "status: contacted\ncontacts:\n  - {name: 王磊, phone: 138-0000-0004, email: Wang.Lei@Example.com}\n")
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "contact"])
        try box.write("ws/customers/LX2024008-hengli-zhan.md", GitSandbox.customer("LX2024008", name: "恒立制造股份有限公司", created: "2024-03-09 09:10",
            extra: "contacts:\n  - {name: 王工, phone: \"+86 13800000004\"}\n"))
        try box.write("ws/customers/LX2024009-xinke.md", GitSandbox.customer("LX2024009", name: "新客科技", created: "2024-03-10 09:10",
            extra: "contacts:\n  - {name: 李娜, email: wang.lei@example.COM}\n"))
        try box.git(["add", "-A"])
        let run = try box.leadbook(["check", "--staged"], expect: 0)
        XCTAssertEqual(run.stdout.components(separatedBy: "\n").filter { $0.contains("warning[") }, [
            "customers/LX2024008-hengli-zhan.md:3:7: warning[possible-duplicate]: looks like the same customer as customers/LX2024003-hengli.md (LX2024003 恒立制造): same name 恒立制造, same phone 13800000004",
            "customers/LX2024009-xinke.md:12:23: warning[possible-duplicate]: looks like the same customer as customers/LX2024003-hengli.md (LX2024003 恒立制造): same email wang.lei@example.com",
        ], run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("0 errors, 2 warnings in 2 files\n"), run.stdout)
        // The same findings as the whole workspace gives.
        let full = try box.leadbook(["check"], expect: 0)
        XCTAssertEqual(full.stdout.components(separatedBy: "\n").filter { $0.contains("warning[") },
                       run.stdout.components(separatedBy: "\n").filter { $0.contains("warning[") })
        // What is staged counts: an unstaged change of the phone neither hides nor moves it.
        try box.replace("ws/customers/LX2024008-hengli-zhan.md", "+86 13800000004", with: "13900000000")
        let again = try box.leadbook(["check", "--staged"], expect: 0)
        XCTAssertEqual(again.stdout, run.stdout)
        // Once committed, a follow-up on the customer adds no key: the pair is not this
        // commit's, and only the full check reports it.
        try box.git(["checkout", "--", "customers/LX2024008-hengli-zhan.md"])
        try box.git(["commit", "-q", "-m", "two more"])
        try box.append("ws/customers/LX2024008-hengli-zhan.md", "\n### 2024-03-11 电话 王工\n- 反馈: 已收到报价\n")
        try box.git(["add", "-A"])
        let followUp = try box.leadbook(["check", "--staged"], expect: 0)
        // No pair; the entry, dated 2024, is committed long after the contact (late-entry).
        XCTAssertEqual(followUp.stdout.components(separatedBy: "\n").filter { $0.contains("warning[") }, [
            "customers/LX2024008-hengli-zhan.md:19:1: warning[late-entry]: follow-up `### 2024-03-11 电话 王工` is committed more than 24 h after the contact; the toolkit asks for every contact to be recorded within 24 h",
        ], followUp.stdout)
        XCTAssertTrue(followUp.stdout.hasSuffix("0 errors, 1 warning in 1 file\n"), followUp.stdout)
        XCTAssertTrue(try box.leadbook(["check"], expect: 0).stdout.contains("customers/LX2024008-hengli-zhan.md:3:7: warning[possible-duplicate]"))
    }

    /// Deleting a customer leaves the tombstones that point at it without a target.
    func testDeletingAMergeTargetReportsItsTombstones() throws {
        let box = try repository()
        try box.git(["rm", "-q", "customers/LX2024003-hengli.md"])
        let run = try box.leadbook(["check", "--staged"], expect: 1)
        XCTAssertTrue(run.stdout.hasPrefix("customers/LX2024005-hengli-old.md:3:14: error[unknown-merge-target]: `merged_into` names `LX2024003`"), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("1 error, 0 warnings in 1 file\n"), run.stdout)
        // Renamed away, the id goes with the file too; renamed with its id, nothing is lost.
        try box.git(["reset", "-q", "--hard"])
        try box.git(["mv", "customers/LX2024003-hengli.md", "customers/LX2024003-hengli-zhizao.md"])
        try box.leadbook(["check", "--staged", "--against", "HEAD"], expect: 0)
    }

    /// A staged leadbook.yml is checked, and every customer file against it.
    func testAStagedLeadbookYmlChecksEveryFile() throws {
        let box = try repository(config: "team:\n  - {name: 王五, role: manager}\n")
        try box.write("ws/leadbook.yml", "team:\n  - {name: 赵六, role: manager}\n  - {name: 赵六, role: senior}\n")
        // Not staged yet: nothing to check.
        let before = try box.leadbook(["check", "--staged"], expect: 0)
        XCTAssertEqual(before.stdout, "0 errors, 0 warnings in 0 files\n")
        try box.git(["add", "leadbook.yml"])
        let run = try box.leadbook(["check", "--staged", "--format", "json"], expect: 1)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let found = (report["diagnostics"] as! [[String: Any]]).map { "\($0["file"]!):\($0["rule"]!)" }
        XCTAssertEqual(found, [
            "customers/2024/LX2024002-boya.md:unknown-owner", "customers/LX2024001-huadong.md:unknown-owner",
            "customers/LX2024003-hengli.md:unknown-owner", "leadbook.yml:duplicate-member",
        ])
        XCTAssertEqual(report["files"] as? Int, 5)
    }

    func testAWorkspaceInASubfolderOfTheRepository() throws {
        let box = try GitSandbox()
        guard GitSandbox.gitExecutable != nil else { throw XCTSkip("git is not installed") }
        try FileManager.default.createDirectory(at: box.url("repo"), withIntermediateDirectories: true)
        try box.git(["init", "-q"], in: "repo")
        try box.write("repo/leads/leadbook.yml", "language: zh-CN\n")
        try box.write("repo/leads/customers/LX2024001-a.md", GitSandbox.customer("LX2024001", name: "甲", created: "2024-03-01 09:10"))
        try box.write("repo/other/customers/LX2024001-a.md", "not a workspace file\n")
        try box.git(["add", "-A"], in: "repo")
        try box.leadbook(["check", "--staged"], in: "repo/leads", expect: 0)
        try box.replace("repo/leads/customers/LX2024001-a.md", "intent: B", with: "intent: D")
        try box.git(["add", "-A"], in: "repo")
        let text = try box.leadbook(["check", "--staged", "-C", "leads"], in: "repo", expect: 1)
        XCTAssertTrue(text.stdout.hasPrefix("customers/LX2024001-a.md:5:9: error[unknown-intent]"), text.stdout)
        let gitlab = try box.leadbook(["check", "--staged", "--format", "gitlab"], in: "repo/leads", expect: 1)
        XCTAssertTrue(gitlab.stdout.contains("\"path\": \"leads/customers/LX2024001-a.md\""), gitlab.stdout)
        let github = try box.leadbook(["check", "--staged", "--format", "github"], in: "repo/leads", expect: 1)
        XCTAssertTrue(github.stdout.hasPrefix("::error file=leads/customers/LX2024001-a.md,line=5,col=9,"), github.stdout)
    }

    func testUsageErrors() throws {
        let box = try repository()
        let paths = try box.leadbook(["check", "--staged", "customers"], expect: 2)
        XCTAssertTrue(paths.stderr.contains("give no PATHS with it"), paths.stderr)
        let revision = try box.leadbook(["check", "--against", "no-such-branch"], expect: 2)
        XCTAssertEqual(revision.stderr, "leadbook check: --against no-such-branch: `no-such-branch` is not a commit in this repository\n")
        let staged = try box.leadbook(["check", "--staged", "--against", "no-such-branch"], expect: 2)
        XCTAssertEqual(staged.stderr, "leadbook check: `no-such-branch` is not a commit in this repository\n")
        try FileManager.default.createDirectory(at: box.url("plain"), withIntermediateDirectories: true)
        try box.write("plain/leadbook.yml", "language: zh-CN\n")
        let outside = try box.leadbook(["check", "--staged"], in: "plain", expect: 2)
        XCTAssertTrue(outside.stderr.contains("is not in a git repository"), outside.stderr)
        let against = try box.leadbook(["check", "--against", "HEAD"], in: "plain", expect: 2)
        XCTAssertTrue(against.stderr.contains("is not in a git repository"), against.stderr)
    }

    /// The 24-hour rule (`late-entry`): an entry the commit adds, dated more than
    /// `record_within_hours` before now, is a warning; a fresh one is not, nor one already committed.
    func testAnEntryCommittedLongAfterTheContactIsLate() throws {
        let box = try repository(config: "language: en\n")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let fresh = formatter.string(from: Date().addingTimeInterval(-3600))
        try box.append("ws/customers/LX2024001-huadong.md", "\n### \(fresh) phone 张伟\n- feedback: 已收到报价\n")
        try box.git(["add", "-A"])
        XCTAssertEqual(try box.leadbook(["check", "--staged"], expect: 0).stdout, "0 errors, 0 warnings in 1 file\n")
        try box.git(["commit", "-q", "-m", "fresh"])
        try box.append("ws/customers/LX2024003-hengli.md", "\n### 2024-03-22 phone 王磊\n- feedback: 想看案例\n")
        try box.git(["add", "-A"])
        let late = try box.leadbook(["check", "--staged"], expect: 0)
        XCTAssertTrue(late.stdout.contains("customers/LX2024003-hengli.md:17:1: warning[late-entry]: follow-up `### 2024-03-22 phone 王磊` is committed more than 24 h after the contact"),
                      late.stdout)
        XCTAssertTrue(late.stdout.hasSuffix("0 errors, 1 warning in 1 file\n"), late.stdout)
        try box.leadbook(["check", "--staged", "--strict"], expect: 1)
        // Committed, it is history: the next commit does not warn about it again.
        try box.git(["commit", "-q", "-m", "late"])
        try box.replace("ws/customers/LX2024003-hengli.md", "status: contacted\n", with: "status: contacted\nregion: 华北\n")
        try box.git(["add", "-A"])
        XCTAssertEqual(try box.leadbook(["check", "--staged"], expect: 0).stdout, "0 errors, 0 warnings in 1 file\n")
        // Off with `record_within_hours: 0`.
        try box.append("ws/customers/LX2024003-hengli.md", "\n### 2024-03-23 phone 王磊\n- feedback: 案例已收到\n")
        try box.write("ws/leadbook.yml", "language: en\nrecord_within_hours: 0\n")
        try box.git(["add", "-A"])
        XCTAssertFalse(try box.leadbook(["check", "--staged"], expect: 0).stdout.contains("late-entry"))
    }

    /// The README's tour: the sample workspace put into git, the hook installed, everything
    /// committed at once. Its entries are records brought in, not contacts recorded late; so
    /// are files a team moves into git later. A contact appended to a committed file is.
    func testFilesNewToGitAreBroughtInNotRecordedLate() throws {
        guard GitSandbox.gitExecutable != nil else { throw XCTSkip("git is not installed") }
        let box = try GitSandbox()
        try FileManager.default.copyItem(at: Transcript.packageRoot.appendingPathComponent("template-workspace"), to: box.url("ws"))
        try box.git(["init", "-q"])
        try box.leadbook(["hook", "install"], expect: 0)
        try box.git(["add", "-A"])
        let first = try box.leadbook(["check", "--staged", "--against", "HEAD"], expect: 0)
        XCTAssertFalse(first.stdout.contains("late-entry"), first.stdout)
        XCTAssertTrue(first.stdout.hasPrefix("0 errors, 0 warnings in "), first.stdout)
        let commit = try box.git(["commit", "-q", "-m", "新线索：苏州精工"])
        XCTAssertFalse(commit.output.contains("late-entry"), commit.output)
        // Files moved into git later.
        try box.write("ws/customers/2023/LX2024030-old.md", GitSandbox.customer("LX2024030", name: "旧客户甲", created: "2023-05-02 09:10",
            entries: ["### 2023-05-02 10:00 电话 李工\n- 反馈: 要报价\n"]))
        try box.git(["add", "-A"])
        XCTAssertFalse(try box.leadbook(["check", "--staged"], expect: 0).stdout.contains("late-entry"))
        try box.git(["commit", "-q", "--no-verify", "-m", "旧客户"])
        // Appended to a file HEAD has: recorded now, and late.
        try box.append("ws/customers/2023/LX2024030-old.md", "\n### 2024-03-22 电话 李工\n- 反馈: 想看案例\n")
        try box.git(["add", "-A"])
        let late = try box.leadbook(["check", "--staged"], expect: 0)
        XCTAssertEqual(late.stdout.components(separatedBy: "\n").filter { $0.contains("late-entry") },
                       ["customers/2023/LX2024030-old.md:20:1: warning[late-entry]: follow-up `### 2024-03-22 电话 李工` is committed more than 24 h after the contact; the toolkit asks for every contact to be recorded within 24 h"],
                       late.stdout)
    }

    /// Entries moved or corrected are not recorded late: `merge` moving B's committed entries
    /// into A, or an old heading edited (that is `log-rewritten`'s to report).
    func testMovedAndCorrectedEntriesAreNotRecordedLate() throws {
        let box = try repository(config: "language: en\n")
        try box.write("ws/customers/LX2024008-hengli-zhan.md", GitSandbox.customer("LX2024008", name: "恒立制造股份有限公司", created: "2024-03-04 09:10",
            entries: ["### 2024-03-04 10:00 电话 王工\n- 反馈: 要报价\n", "### 2024-03-06 电话 王工\n- 反馈: 已收到报价\n"]))
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "two files"])
        try box.leadbook(["merge", "LX2024003", "LX2024008"], expect: 0)
        XCTAssertTrue(try box.read("ws/customers/LX2024003-hengli.md").contains("### 2024-03-06 电话 王工"))
        try box.git(["add", "-A"])
        let merged = try box.leadbook(["check", "--staged"])
        XCTAssertFalse(merged.stdout.contains("late-entry"), merged.stdout)
        // Moved line for line, they are not removed from B either: the hook lets the merge in.
        let hook = try box.leadbook(["check", "--staged", "--against", "HEAD"], expect: 0)
        XCTAssertFalse(hook.stdout.contains("log-rewritten"), hook.stdout)
        // A contact appended in the same commit is still found.
        try box.leadbook(["log", "LX2024003", "--channel", "phone", "--with", "王磊", "--at", "2024-03-22"], expect: 0)
        try box.git(["add", "-A"])
        let appended = try box.leadbook(["check", "--staged"])
        XCTAssertEqual(appended.stdout.components(separatedBy: "\n").filter { $0.contains("late-entry") }.count, 1, appended.stdout)
        XCTAssertTrue(appended.stdout.contains("warning[late-entry]: follow-up `### 2024-03-22 电话 王磊`"), appended.stdout)
        try box.git(["reset", "-q", "--hard"])

        // An old heading corrected: log-rewritten says so; it is no late contact.
        try box.replace("ws/customers/LX2024008-hengli-zhan.md", "### 2024-03-06 电话 王工", with: "### 2024-03-06 电话 王工程师")
        try box.git(["add", "-A"])
        let edited = try box.leadbook(["check", "--staged", "--against", "HEAD"], expect: 1)
        XCTAssertTrue(edited.stdout.contains("error[log-rewritten]"), edited.stdout)
        XCTAssertFalse(edited.stdout.contains("late-entry"), edited.stdout)
    }

    /// A merge commit brings the entries another rep committed on their branch: recorded
    /// there, not now. One added while merging is recorded now.
    func testAMergeCommitDoesNotCountTheMergedBranchsEntriesAsLate() throws {
        let box = try repository(config: "language: en\n")
        try box.git(["checkout", "-q", "-b", "rep-a"])
        try box.append("ws/customers/LX2024003-hengli.md", "\n### 2024-03-22 电话 王磊\n- 反馈: 想看案例\n")
        try box.git(["commit", "-q", "-am", "LX2024003 跟进"])
        try box.git(["checkout", "-q", "-"])
        try box.replace("ws/customers/LX2024001-huadong.md", "status: contacted\n", with: "status: contacted\nregion: 华东\n")
        try box.git(["commit", "-q", "-am", "region"])
        try box.git(["merge", "-q", "--no-ff", "--no-commit", "rep-a"])
        XCTAssertTrue(try box.read("ws/customers/LX2024003-hengli.md").contains("### 2024-03-22 电话 王磊"))
        let merging = try box.leadbook(["check", "--staged", "--against", "HEAD"], expect: 0)
        XCTAssertFalse(merging.stdout.contains("late-entry"), merging.stdout)
        try box.append("ws/customers/LX2024003-hengli.md", "\n### 2024-03-23 电话 王磊\n- 反馈: 案例已收到\n")
        try box.git(["add", "-A"])
        let added = try box.leadbook(["check", "--staged", "--against", "HEAD"], expect: 0)
        XCTAssertEqual(added.stdout.components(separatedBy: "\n").filter { $0.contains("late-entry") }.count, 1, added.stdout)
        XCTAssertTrue(added.stdout.contains("warning[late-entry]: follow-up `### 2024-03-23 电话 王磊`"), added.stdout)
    }
}

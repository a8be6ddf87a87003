import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `log-rewritten`: an entry that existed at REV is unchanged, except for ticked tasks and
/// feedback's `resolved` / `confirmed` / `satisfaction` filled in later, once each.
final class LogRewrittenTests: XCTestCase {
    /// Lines 1 to 8 are the front matter; the body starts on line 9.
    let old = RuleFixture.head + """

    ## 跟进记录

    ### 2024-03-01 10:30 面谈 张伟(技术总监)
    - 背景: 服务器月均宕机5次
    - 状态: 需求明确
    - [ ] 2024-03-03 提交定制方案 @王五
    - 下次跟进: 2024-03-03

    张伟希望先看同行案例。

    ### 2024-03-03 14:00 电话 张伟
    - 反馈: 方案整体认可

    ## 客户反馈

    ### 2024-03-03 面谈 方案缺少数据备份功能
    - 类型: 产品
    - 处理方式: 立即解决
    - resolved:

    """

    func compare(_ new: String, old: String? = nil) -> [Diagnostic] {
        LogRewritten.compare(old: Array((old ?? self.old).utf8), new: Array(new.utf8), path: RuleFixture.path,
                             oldPath: RuleFixture.path, revision: "HEAD")
    }

    func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.line):\($0.column) \($0.rule): \($0.message)" }
    }

    func testTheSameFileAndNewEntriesAreFine() {
        XCTAssertEqual(compare(old), [])
        let appended = old.replacingOccurrences(of: "- 反馈: 方案整体认可\n", with: "- 反馈: 方案整体认可\n\n### 2024-03-05 电话 张伟\n- 状态: 方案提交\n")
            + "\n### 2024-03-06 邮件 备份模块方案已发送\n- 类型: 产品\n"
        XCTAssertEqual(compare(appended), [])
    }

    func testTickingATaskAndFillingResolvedAndConfirmedAreAllowed() {
        let new = old.replacingOccurrences(of: "- [ ] 2024-03-03", with: "- [x] 2024-03-03")
            .replacingOccurrences(of: "- resolved:\n", with: "- resolved: 2024-03-04\n- 客户确认：2024-03-05 客户认可\n")
        XCTAssertEqual(compare(new), [])
        // Added anywhere in a feedback entry without the key, in Chinese with a full-width colon too.
        let unresolved = old.replacingOccurrences(of: "- resolved:\n", with: "")
        let inserted = unresolved.replacingOccurrences(of: "- 类型: 产品\n", with: "- 类型: 产品\n- 已解决：2024-03-04\n")
        XCTAssertEqual(compare(inserted, old: unresolved), [])
    }

    /// The satisfaction is filled in later like the dates: added where there is none, or into a line left empty.
    func testAddingOrFillingTheSatisfactionIsAllowed() {
        let confirmed = old.replacingOccurrences(of: "- resolved:\n", with: "- resolved: 2024-03-04\n- confirmed: 2024-03-05 客户认可\n")
        XCTAssertEqual(compare(confirmed + "- 满意度: 4\n"), [])
        XCTAssertEqual(compare(confirmed + "- satisfaction: 4\n", old: confirmed + "- satisfaction:\n"), [])
    }

    /// A second line of a key filled in later would replace the first (the reader takes the
    /// last): it is an added line, whether the first has a value or was left empty.
    func testASecondFilledLaterLineIsARewrite() {
        let rated = old.replacingOccurrences(of: "- resolved:\n", with: "- resolved: 2024-03-04\n- confirmed: 2024-03-05 客户认可\n- 满意度: 3\n")
        let heading = "`### 2024-03-03 面谈 方案缺少数据备份功能`"
        XCTAssertEqual(summary(compare(rated + "- 满意度: 1\n", old: rated)),
                       ["31:1 log-rewritten: a line was added to the feedback entry \(heading), written at HEAD"])
        XCTAssertEqual(summary(compare(rated.replacingOccurrences(of: "- 处理方式: 立即解决\n", with: "- 处理方式: 立即解决\n- 已解决: 2024-03-06\n"), old: rated)),
                       ["28:1 log-rewritten: a line was added to the feedback entry \(heading), written at HEAD"])
        // The old entry's `- resolved:` left empty is to be filled, not joined by a second line.
        XCTAssertEqual(summary(compare(old + "- resolved: 2024-03-04\n")),
                       ["29:1 log-rewritten: a line was added to the feedback entry \(heading), written at HEAD"])
    }

    func testUntickingOrChangingAFilledValueIsARewrite() {
        let unticked = compare(old.replacingOccurrences(of: "- [ ] 2024-03-03", with: "- [x] 2024-03-03"),
                               old: old.replacingOccurrences(of: "- [ ] 2024-03-03", with: "- [x] 2024-03-03"))
        XCTAssertEqual(unticked, [])
        let reverted = compare(old, old: old.replacingOccurrences(of: "- [ ] 2024-03-03", with: "- [x] 2024-03-03"))
        XCTAssertEqual(summary(reverted), ["15:1 log-rewritten: the follow-up entry `### 2024-03-01 10:30 面谈 张伟(技术总监)` at HEAD was changed: this line was `- [x] 2024-03-03 提交定制方案 @王五`"])
        let resolved = old.replacingOccurrences(of: "- resolved:\n", with: "- resolved: 2024-03-04\n")
        let changed = compare(resolved.replacingOccurrences(of: "- resolved: 2024-03-04", with: "- resolved: 2024-03-06"), old: resolved)
        XCTAssertEqual(summary(changed), ["28:1 log-rewritten: the feedback entry `### 2024-03-03 面谈 方案缺少数据备份功能` at HEAD was changed: this line was `- resolved: 2024-03-04`"])
    }

    /// `resolved` is a feedback key: in a follow-up it is an added line like any other.
    func testResolvedInAFollowUpIsNotAllowed() {
        let new = old.replacingOccurrences(of: "- 反馈: 方案整体认可\n", with: "- 反馈: 方案整体认可\n- resolved: 2024-03-04\n")
        XCTAssertEqual(summary(compare(new)), ["22:1 log-rewritten: a line was added to the follow-up entry `### 2024-03-03 14:00 电话 张伟`, written at HEAD"])
    }

    func testAChangedLineIsReportedWithWhatItWas() {
        let new = old.replacingOccurrences(of: "- 背景: 服务器月均宕机5次", with: "- 背景: 服务器月均宕机3次")
        let found = compare(new)
        XCTAssertEqual(summary(found), ["13:1 log-rewritten: the follow-up entry `### 2024-03-01 10:30 面谈 张伟(技术总监)` at HEAD was changed: this line was `- 背景: 服务器月均宕机5次`"])
        XCTAssertEqual(found.first?.sourceLine, "- 背景: 服务器月均宕机3次")
        XCTAssertEqual(found.first?.hint, "the log is append-only: restore the entry as it was (`git show HEAD:customers/LX2024001-huadongyun.md`) and write the correction as a new entry; only ticking `- [ ]` and filling `resolved` / `confirmed` / `satisfaction` where the entry has none yet (or left it empty) change an old entry")
        XCTAssertEqual(found.first?.hintPhrase.zh, "记录只能追加：把条目恢复原样（`git show HEAD:customers/LX2024001-huadongyun.md`），更正写成一条新条目；旧条目只允许勾选 `- [ ]`，以及在还没写（或留空）时填写 `resolved` / `confirmed` / `satisfaction`")
        // A note under an entry is part of it.
        let note = compare(old.replacingOccurrences(of: "张伟希望先看同行案例。", with: "张伟希望先看案例。"))
        XCTAssertEqual(note.map(\.line), [18])
    }

    func testLinesAddedToOrRemovedFromAnOldEntry() {
        let added = compare(old.replacingOccurrences(of: "张伟希望先看同行案例。\n", with: "张伟希望先看同行案例。\n补充：预算已批。\n"))
        XCTAssertEqual(summary(added), ["19:1 log-rewritten: a line was added to the follow-up entry `### 2024-03-01 10:30 面谈 张伟(技术总监)`, written at HEAD"])
        let removed = compare(old.replacingOccurrences(of: "- 状态: 需求明确\n", with: ""))
        XCTAssertEqual(summary(removed), ["12:1 log-rewritten: the follow-up entry `### 2024-03-01 10:30 面谈 张伟(技术总监)` at HEAD lost its line `- 状态: 需求明确`"])
    }

    func testARemovedEntryOrAChangedHeadingIsNamed() {
        let withoutFirst = old.replacingOccurrences(of: "### 2024-03-01 10:30 面谈 张伟(技术总监)\n- 背景: 服务器月均宕机5次\n- 状态: 需求明确\n- [ ] 2024-03-03 提交定制方案 @王五\n- 下次跟进: 2024-03-03\n\n张伟希望先看同行案例。\n\n", with: "")
        XCTAssertEqual(summary(compare(withoutFirst)), ["12:1 log-rewritten: the follow-up entry `### 2024-03-01 10:30 面谈 张伟(技术总监)` (line 12 at HEAD) was removed or its heading changed"])
        let retimed = old.replacingOccurrences(of: "### 2024-03-03 14:00 电话 张伟", with: "### 2024-03-03 15:00 电话 张伟")
        XCTAssertEqual(summary(compare(retimed)), ["10:1 log-rewritten: the follow-up entry `### 2024-03-03 14:00 电话 张伟` (line 20 at HEAD) was removed or its heading changed"])
    }

    /// An entry gone from this file that another file of the change gained line for line
    /// was moved there (`leadbook merge`), not removed; one that the other file changed was.
    func testAnEntryMovedToAnotherFileIsNotRemoved() {
        let withoutSecond = old.replacingOccurrences(of: "### 2024-03-03 14:00 电话 张伟\n- 反馈: 方案整体认可\n\n", with: "")
        let moved = LogRewritten.entryText(LogEntries.lines(Array(old.utf8), LogEntries.read(Array(old.utf8))!.entries[1]), .followUps)
        XCTAssertEqual(LogRewritten.compare(old: Array(old.utf8), new: Array(withoutSecond.utf8), path: RuleFixture.path,
                                            oldPath: RuleFixture.path, revision: "HEAD") { $0 == moved }, [])
        let target = RuleFixture.head + "\n## 跟进记录\n\n### 2024-03-03 14:00 电话 张伟\n- 反馈: 方案整体认可\n"
        XCTAssertEqual(LogRewritten.addedEntries(old: nil, new: Array(target.utf8)), [moved])
        XCTAssertEqual(LogRewritten.addedEntries(old: Array(target.utf8), new: Array(target.utf8)), [])
        let changed = RuleFixture.head + "\n## 跟进记录\n\n### 2024-03-03 14:00 电话 张伟\n- 反馈: 方案基本认可\n"
        let elsewhere = LogRewritten.addedEntries(old: nil, new: Array(changed.utf8))
        XCTAssertEqual(summary(LogRewritten.compare(old: Array(old.utf8), new: Array(withoutSecond.utf8), path: RuleFixture.path,
                                                    oldPath: RuleFixture.path, revision: "HEAD") { elsewhere.contains($0) }),
                       ["10:1 log-rewritten: the follow-up entry `### 2024-03-03 14:00 电话 张伟` (line 20 at HEAD) was removed or its heading changed"])
    }

    func testLineEndingsAndTrailingSpacesAreNotChanges() {
        XCTAssertEqual(compare(old.replacingOccurrences(of: "\n", with: "\r\n")), [])
        XCTAssertEqual(compare(old.replacingOccurrences(of: "- 背景: 服务器月均宕机5次\n", with: "- 背景: 服务器月均宕机5次  \n")), [])
        XCTAssertEqual(compare(old.replacingOccurrences(of: "- 反馈: 方案整体认可\n", with: "- 反馈: 方案整体认可\n\n\n")), [])
    }

    /// A new entry with the same heading as an old one, even written above it, is new.
    func testANewEntryWithTheSameHeadingIsNotARewrite() {
        let twin = "### 2024-03-03 14:00 电话 张伟\n- 反馈: 又打了一次\n\n"
        XCTAssertEqual(compare(old.replacingOccurrences(of: "### 2024-03-03 14:00 电话 张伟\n", with: twin + "### 2024-03-03 14:00 电话 张伟\n")), [])
    }

    func testTheFrontMatterIsNotPartOfTheLog() {
        XCTAssertEqual(compare(old.replacingOccurrences(of: "status: qualified", with: "status: proposal")), [])
    }

    func testADeletedFileNamesItsEntries() {
        let found = LogRewritten.deleted(old: Array(old.utf8), oldPath: RuleFixture.path, revision: "a1b2c3d4e5f6")
        XCTAssertEqual(summary(found), ["1:1 log-rewritten: the file was deleted with its 2 follow-ups and 1 feedback entry (at a1b2c3d4e5f6)"])
        guard let deleted = found.first else { return }
        RuleAssert.matches(deleted, "log-rewritten", .error, at: (1, 1), path: RuleFixture.path)
        XCTAssertEqual(deleted.hint, "customers are never deleted: restore it (`git checkout a1b2c3d4e5f6 -- customers/LX2024001-huadongyun.md`) and set `status: lost` with a `lost_reason`, or `merged_into` the customer that replaces it")
        XCTAssertEqual(LogRewritten.deleted(old: Array(RuleFixture.head.utf8), oldPath: RuleFixture.path, revision: "HEAD"), [],
                       "a file without entries may go")
    }
}

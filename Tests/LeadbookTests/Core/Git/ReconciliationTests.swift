import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class ReconciliationTests: XCTestCase {
    let base = """
    ---
    # 基本信息
    id: LX2024001
    name: 华东云科技有限公司
    source: website
    budget: 200000
    intent: A
    score: {size: 25, budget: 25, urgency: 20, decision: 20}
    grade: S
    tags: [决策链复杂]
    owner: 王五
    created: 2024-03-01 09:10
    status: qualified   # 由 sync 维护
    next: 2024-03-03
    ---

    # 华东云科技有限公司

    客户备注：服务器月均宕机5次。

    ## 跟进记录

    ### 2024-03-01 10:30 面谈 张伟
    - 背景: 服务器月均宕机5次
    - 状态: 需求明确
    - [ ] 2024-03-03 提交定制方案 @王五
    - 下次跟进: 2024-03-03

    """

    func merge(_ base: String, _ ours: String, _ theirs: String) -> Reconciliation.Result {
        Reconciliation.reconcile(base: Array(base.utf8), ours: Array(ours.utf8), theirs: Array(theirs.utf8), configuration: Configuration())
    }

    func text(_ result: Reconciliation.Result) -> String { String(decoding: result.bytes, as: UTF8.self) }

    func occurrences(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    func entry(_ heading: String, _ lines: [String]) -> String {
        "\n" + ([heading] + lines).joined(separator: "\n") + "\n"
    }

    /// Both reps log on the same customer (each synced status and next): no conflict, each
    /// entry once in date order, status and next from the merged log.
    func testBothSidesLogOnTheSameCustomer() throws {
        let ours = base.replacingOccurrences(of: "status: qualified", with: "status: proposal")
            .replacingOccurrences(of: "next: 2024-03-03", with: "next: 2024-03-08")
            + entry("### 2024-03-05 14:00 电话 张伟", ["- 状态: 方案提交", "- 下次跟进: 2024-03-08"])
        let theirs = base.replacingOccurrences(of: "status: qualified", with: "status: negotiation")
            .replacingOccurrences(of: "next: 2024-03-03", with: "next: 2024-03-06")
            + entry("### 2024-03-04 09:00 微信 张伟", ["- 状态: 商务谈判", "- 下次跟进: 2024-03-06"])
        let result = merge(base, ours, theirs)
        let merged = text(result)
        XCTAssertEqual(result.conflicts, 0, merged)
        XCTAssertEqual(occurrences("### 2024-03-01 10:30", in: merged), 1)
        XCTAssertEqual(occurrences("### 2024-03-04 09:00", in: merged), 1)
        XCTAssertEqual(occurrences("### 2024-03-05 14:00", in: merged), 1)
        let first = merged.range(of: "### 2024-03-04")!.lowerBound, second = merged.range(of: "### 2024-03-05")!.lowerBound
        XCTAssertLessThan(first, second, "entries in date order")
        // The last entry (03-05) says proposal and 2024-03-08.
        XCTAssertTrue(merged.contains("status: proposal   # 由 sync 维护\n"), merged)
        XCTAssertTrue(merged.contains("next: 2024-03-08\n"), merged)
        let read = CustomerReader.read(path: "customers/LX2024001-x.md", bytes: result.bytes, configuration: Configuration())
        XCTAssertEqual(read.findings.diagnostics.map(\.rule.id), [], merged)
        XCTAssertEqual(read.customer?.followUps.count, 3)
    }

    func testDifferentKeysChangedOnEachSideBothStay() {
        let ours = base.replacingOccurrences(of: "budget: 200000", with: "budget: 250000")
        let theirs = base.replacingOccurrences(of: "tags: [决策链复杂]", with: "tags: [决策链复杂, 竞品对比中]")
        let result = merge(base, ours, theirs)
        XCTAssertEqual(result.conflicts, 0)
        XCTAssertEqual(text(result), base.replacingOccurrences(of: "budget: 200000", with: "budget: 250000")
            .replacingOccurrences(of: "tags: [决策链复杂]", with: "tags: [决策链复杂, 竞品对比中]"))
    }

    /// Neighbouring keys changed on each side would conflict in a line merge; not key by key.
    func testAdjacentKeysDoNotConflict() {
        let ours = base.replacingOccurrences(of: "owner: 王五", with: "owner: 赵六")
        let theirs = base.replacingOccurrences(of: "created: 2024-03-01 09:10", with: "created: 2024-03-01 09:00")
        let result = merge(base, ours, theirs)
        XCTAssertEqual(result.conflicts, 0)
        XCTAssertTrue(text(result).contains("owner: 赵六\ncreated: 2024-03-01 09:00\n"))
    }

    func testTheSameKeyChangedDifferentlyConflictsOnThatKeyOnly() {
        let ours = base.replacingOccurrences(of: "owner: 王五", with: "owner: 赵六")
            .replacingOccurrences(of: "budget: 200000", with: "budget: 300000")
        let theirs = base.replacingOccurrences(of: "owner: 王五", with: "owner: 孙八")
        let result = merge(base, ours, theirs)
        XCTAssertEqual(result.conflicts, 1)
        XCTAssertTrue(text(result).contains("<<<<<<< ours\nowner: 赵六\n=======\nowner: 孙八\n>>>>>>> theirs\ncreated:"), text(result))
        XCTAssertTrue(text(result).contains("budget: 300000\n"))
        XCTAssertEqual(result.notes, ["both sides changed `owner`"])
    }

    func testTheSameChangeOnBothSidesIsNoConflict() {
        let ours = base.replacingOccurrences(of: "owner: 王五", with: "owner: 赵六") + entry("### 2024-03-04 电话 张伟", ["- 背景: 预算已批"])
        let theirs = base.replacingOccurrences(of: "owner: 王五", with: "owner: 赵六") + entry("### 2024-03-04 电话 张伟", ["- 背景: 预算已批"])
        let result = merge(base, ours, theirs)
        XCTAssertEqual(result.conflicts, 0)
        XCTAssertEqual(text(result), ours)
    }

    func testATickOnOneSideAndANewEntryOnTheOther() {
        let ours = base.replacingOccurrences(of: "- [ ] 2024-03-03", with: "- [x] 2024-03-03")
        let theirs = base + entry("### 2024-03-02 邮件 张伟", ["- 反馈: 已收到资料"])
        let result = merge(base, ours, theirs)
        XCTAssertEqual(result.conflicts, 0)
        let merged = text(result)
        XCTAssertTrue(merged.contains("- [x] 2024-03-03 提交定制方案 @王五"))
        XCTAssertFalse(merged.contains("- [ ] 2024-03-03"))
        XCTAssertEqual(occurrences("### 2024-03-02 邮件", in: merged), 1)
    }

    func testAFeedbackSectionAddedByOneSideAndAFollowUpByTheOther() {
        let ours = base + entry("### 2024-03-04 电话 张伟", ["- 背景: 预算已批"])
        let theirs = base + "\n## 客户反馈\n" + entry("### 2024-03-03 面谈 方案缺少数据备份功能", ["- 类型: 产品", "- 优先级: 高"])
        let result = merge(base, ours, theirs)
        XCTAssertEqual(result.conflicts, 0, text(result))
        XCTAssertEqual(text(result), ours + "\n## 客户反馈\n" + entry("### 2024-03-03 面谈 方案缺少数据备份功能", ["- 类型: 产品", "- 优先级: 高"]))
    }

    func testKeysAddedOnTheirSideGoAfterTheirNeighbour() {
        let theirs = base.replacingOccurrences(of: "budget: 200000\n", with: "budget: 200000\n# 决策时间\ndecision_by: 2024-04-01\n")
        let ours = base.replacingOccurrences(of: "owner: 王五", with: "owner: 赵六")
        let result = merge(base, ours, theirs)
        XCTAssertEqual(result.conflicts, 0)
        XCTAssertTrue(text(result).contains("budget: 200000\n# 决策时间\ndecision_by: 2024-04-01\nintent: A\n"), text(result))
    }

    func testFreeTextIsMergedLineByLine() {
        let ours = base.replacingOccurrences(of: "# 华东云科技有限公司\n", with: "# 华东云科技有限公司（华东云）\n")
        let theirs = base.replacingOccurrences(of: "客户备注：服务器月均宕机5次。", with: "客户备注：服务器月均宕机5次，计划扩容。")
            + entry("### 2024-03-04 电话 张伟", ["- 背景: 预算已批"])
        let result = merge(base, ours, theirs)
        XCTAssertEqual(result.conflicts, 0)
        XCTAssertTrue(text(result).contains("# 华东云科技有限公司（华东云）\n\n客户备注：服务器月均宕机5次，计划扩容。\n"))
    }

    func testCRLFFilesStayCRLF() {
        let crlf = { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }
        let ours = crlf(base + entry("### 2024-03-05 电话 张伟", ["- 背景: 预算已批"]))
        let theirs = crlf(base + entry("### 2024-03-04 邮件 张伟", ["- 反馈: 已收到资料"]))
        let result = merge(crlf(base), ours, theirs)
        XCTAssertEqual(result.conflicts, 0)
        XCTAssertFalse(text(result).replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line break is CRLF")
        XCTAssertEqual(text(result), crlf(base + entry("### 2024-03-04 邮件 张伟", ["- 反馈: 已收到资料"]) + entry("### 2024-03-05 电话 张伟", ["- 背景: 预算已批"])))
    }

    /// Both sides added the file (no common version): the union still works.
    func testAFileAddedOnBothSides() {
        let ours = base + entry("### 2024-03-05 电话 张伟", ["- 背景: 预算已批"])
        let result = merge("", ours, base)
        XCTAssertEqual(result.conflicts, 0)
        XCTAssertEqual(text(result), ours)
    }

    func testAnEntryChangedDifferentlyOnBothSidesConflictsInsideIt() {
        let ours = base.replacingOccurrences(of: "- 背景: 服务器月均宕机5次", with: "- 背景: 服务器月均宕机6次")
        let theirs = base.replacingOccurrences(of: "- 背景: 服务器月均宕机5次", with: "- 背景: 服务器月均宕机7次")
        let result = merge(base, ours, theirs)
        XCTAssertEqual(result.conflicts, 1)
        XCTAssertTrue(text(result).contains("<<<<<<< ours\n- 背景: 服务器月均宕机6次\n=======\n- 背景: 服务器月均宕机7次\n>>>>>>> theirs\n"))
    }

    func testUnreadableFilesAreMergedLineByLine() {
        let broken = "not a customer file\nline two\n"
        let result = Reconciliation.reconcile(base: Array(broken.utf8), ours: Array((broken + "ours\n").utf8),
                                         theirs: Array((broken + "theirs\n").utf8), configuration: Configuration())
        XCTAssertEqual(result.conflicts, 1)
        XCTAssertEqual(String(decoding: result.bytes, as: UTF8.self),
                       broken + "<<<<<<< ours\nours\n=======\ntheirs\n>>>>>>> theirs\n")
    }

    /// A derived value both sides changed that the merged file cannot derive stays a conflict.
    func testAGradeBothChangedWithoutAScoreIsAConflict() {
        let noScore = base.replacingOccurrences(of: "score: {size: 25, budget: 25, urgency: 20, decision: 20}\n", with: "")
        let ours = noScore.replacingOccurrences(of: "grade: S", with: "grade: A")
        let theirs = noScore.replacingOccurrences(of: "grade: S", with: "grade: B")
        let result = merge(noScore, ours, theirs)
        XCTAssertEqual(result.conflicts, 1)
        XCTAssertTrue(text(result).contains("<<<<<<< ours\ngrade: A\n=======\ngrade: B\n>>>>>>> theirs\n"))
    }

    func testTheGradeOfTheMergedScoreWins() {
        let ours = base.replacingOccurrences(of: "score: {size: 25, budget: 25, urgency: 20, decision: 20}\ngrade: S",
                                             with: "score: {size: 10, budget: 25, urgency: 20, decision: 20}\ngrade: A")
        let theirs = base.replacingOccurrences(of: "grade: S", with: "grade: A级")
        let result = merge(base, ours, theirs)
        XCTAssertEqual(result.conflicts, 0)
        XCTAssertTrue(text(result).contains("score: {size: 10, budget: 25, urgency: 20, decision: 20}\ngrade: A\n"), text(result))
    }
}

final class Diff3Tests: XCTestCase {
    func merge(_ base: String, _ ours: String, _ theirs: String) -> (String, Int) {
        let result = Diff3.combine(base: Array(base.utf8), ours: Array(ours.utf8), theirs: Array(theirs.utf8))
        return (String(decoding: result.bytes, as: UTF8.self), result.conflicts)
    }

    func testChangesInDifferentPlacesAreBothApplied() {
        XCTAssertEqual(merge("a\nb\nc\nd\ne\n", "A\nb\nc\nd\ne\n", "a\nb\nc\nd\nE\n").0, "A\nb\nc\nd\nE\n")
        XCTAssertEqual(merge("a\nb\nc\n", "a\nx\nb\nc\n", "a\nb\nc\ny\n").0, "a\nx\nb\nc\ny\n")
        XCTAssertEqual(merge("a\nb\nc\n", "a\nc\n", "a\nb\nc\nd\n").0, "a\nc\nd\n")
    }

    func testTheSameChangeTwiceIsOneChange() {
        XCTAssertEqual(merge("a\nb\nc\n", "a\nB\nc\n", "a\nB\nc\n").0, "a\nB\nc\n")
    }

    func testOverlappingChangesConflict() {
        let (text, conflicts) = merge("a\nb\nc\n", "a\nB1\nc\n", "a\nB2\nc\n")
        XCTAssertEqual(conflicts, 1)
        XCTAssertEqual(text, "a\n<<<<<<< ours\nB1\n=======\nB2\n>>>>>>> theirs\nc\n")
    }

    func testInsertionsAtTheSamePlaceConflict() {
        let (text, conflicts) = merge("a\n", "a\nx\n", "a\ny\n")
        XCTAssertEqual(conflicts, 1)
        XCTAssertEqual(text, "a\n<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\n")
    }

    func testAMissingFinalLineBreakIsKept() {
        XCTAssertEqual(merge("a\nb", "A\nb", "a\nb").0, "A\nb")
        XCTAssertEqual(merge("a\nb\nc", "A\nb\nc", "a\nb\nC").0, "A\nb\nC")
    }
}

extension ReconciliationTests {
    /// A real conflict elsewhere does not turn the derived values into conflicts too.
    func testDerivedValuesResolveNextToAConflict() {
        let ours = base.replacingOccurrences(of: "owner: 王五", with: "owner: 赵六")
            .replacingOccurrences(of: "status: qualified", with: "status: proposal")
            + entry("### 2024-03-05 14:00 电话 张伟", ["- 状态: 方案提交"])
        let theirs = base.replacingOccurrences(of: "owner: 王五", with: "owner: 孙八")
            .replacingOccurrences(of: "status: qualified", with: "status: negotiation")
            + entry("### 2024-03-04 09:00 微信 张伟", ["- 状态: 商务谈判"])
        let result = merge(base, ours, theirs)
        XCTAssertEqual(result.conflicts, 1, text(result))
        XCTAssertTrue(text(result).contains("<<<<<<< ours\nowner: 赵六\n=======\nowner: 孙八\n>>>>>>> theirs\ncreated: 2024-03-01 09:10\nstatus: proposal   # 由 sync 维护\n"), text(result))
        XCTAssertEqual(result.notes, ["both sides changed `status`: proposal, the last status of the merged log", "both sides changed `owner`"])
    }

    /// The grade follows the score, so when the score itself conflicts, so does the grade.
    func testAGradeNextToAConflictingScoreConflicts() {
        let ours = base.replacingOccurrences(of: "score: {size: 25, budget: 25, urgency: 20, decision: 20}\ngrade: S",
                                             with: "score: {size: 10, budget: 25, urgency: 20, decision: 20}\ngrade: A")
        let theirs = base.replacingOccurrences(of: "score: {size: 25, budget: 25, urgency: 20, decision: 20}\ngrade: S",
                                               with: "score: {size: 5, budget: 5, urgency: 20, decision: 20}\ngrade: B")
        let result = merge(base, ours, theirs)
        XCTAssertEqual(result.conflicts, 2)
        XCTAssertTrue(text(result).contains("=======\ngrade: B\n>>>>>>> theirs\n"), text(result))
    }
}

extension ReconciliationTests {
    /// A fresh lead written without log sections (by hand, or by another tool).
    var freshLead: String {
        """
        ---
        id: LX2024009
        name: 博雅教育
        source: website
        intent: B
        created: 2024-03-01 09:00
        status: untouched
        ---

        # 博雅教育

        """
    }

    var followUpSection: String { "\n## 跟进记录\n" + entry("### 2024-03-03 10:00 电话 张伟", ["- 背景: 预算已批", "- 状态: 初步接洽"]) }
    var feedbackSection: String { "\n## 客户反馈\n" + entry("### 2024-03-02 电话 缺少数据备份", ["- 类型: 产品", "- 优先级: 高"]) }

    /// One rep logs the first follow-up (its section is new), the other records the first
    /// feedback (so is its section): both sections stay, follow-ups first, whichever side is ours.
    func testAFreshLeadGetsBothNewLogSections() {
        let logged = freshLead.replacingOccurrences(of: "status: untouched", with: "status: contacted") + followUpSection
        let noted = freshLead + feedbackSection
        let expected = freshLead.replacingOccurrences(of: "status: untouched", with: "status: contacted") + followUpSection + feedbackSection
        for (ours, theirs) in [(logged, noted), (noted, logged)] {
            let result = merge(freshLead, ours, theirs)
            XCTAssertEqual(result.conflicts, 0, text(result))
            XCTAssertEqual(result.notes, [])
            XCTAssertEqual(text(result), expected)
            let read = CustomerReader.read(path: "customers/LX2024009-x.md", bytes: result.bytes, configuration: Configuration())
            XCTAssertEqual(read.customer?.followUps.count, 1)
            XCTAssertEqual(read.customer?.feedback.count, 1)
        }
        // In a CRLF file too.
        let crlf = { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }
        let result = merge(crlf(freshLead), crlf(noted), crlf(logged))
        XCTAssertEqual(result.conflicts, 0, text(result))
        XCTAssertEqual(text(result), crlf(expected))
    }

    /// One side added both sections, the other one of them: each section once, with both
    /// sides' entries.
    func testNewSectionsOnBothSidesAreOneUnion() {
        let ours = freshLead + followUpSection + feedbackSection
        let theirs = freshLead + "\n## 跟进记录\n" + entry("### 2024-03-04 微信 张伟", ["- 反馈: 案例已收到"])
        let result = merge(freshLead, ours, theirs)
        XCTAssertEqual(result.conflicts, 0, text(result))
        XCTAssertEqual(text(result), freshLead + followUpSection + entry("### 2024-03-04 微信 张伟", ["- 反馈: 案例已收到"]) + feedbackSection)
    }

    /// A new section with more than its entries beside the other side's new section is still
    /// merged line by line: conflict markers, nothing dropped.
    func testANewSectionWithOtherTextStaysAConflict() {
        let ours = freshLead + "\n客户备注：暑期再联系。\n" + followUpSection
        let theirs = freshLead + feedbackSection
        let result = merge(freshLead, ours, theirs)
        XCTAssertEqual(result.conflicts, 1, text(result))
        XCTAssertEqual(result.notes, ["both sides changed the same lines outside the log"])
        let merged = text(result)
        for line in ["客户备注：暑期再联系。", "## 跟进记录", "### 2024-03-03 10:00 电话 张伟", "## 客户反馈", "### 2024-03-02 电话 缺少数据备份"] {
            XCTAssertEqual(occurrences(line, in: merged), 1, "\(line):\n\(merged)")
        }
    }
}

extension Diff3Tests {
    /// A resolver settles only the chunks both sides changed differently.
    func testAResolverSettlesConflictingChunks() {
        var asked: [[String]] = []
        let result = Diff3.combine(base: Array("a\nb\nc\nd\n".utf8), ours: Array("A\nb\nx\nd\n".utf8), theirs: Array("a\nb\ny\nd\n".utf8)) { base, ours, theirs in
            asked.append([base, ours, theirs].map { String(decoding: $0.joined(), as: UTF8.self) })
            return Array("x+y\n".utf8)
        }
        XCTAssertEqual(String(decoding: result.bytes, as: UTF8.self), "A\nb\nx+y\nd\n")
        XCTAssertEqual(result.conflicts, 0)
        XCTAssertEqual(asked, [["c\n", "x\n", "y\n"]])
        // A resolver that declines leaves the markers.
        let declined = Diff3.combine(base: Array("a\n".utf8), ours: Array("a\nx\n".utf8), theirs: Array("a\ny\n".utf8)) { _, _, _ in nil }
        XCTAssertEqual(declined.conflicts, 1)
    }
}

extension ReconciliationTests {
    /// The fresh lead's file ends without a line break: both sides add one before their section.
    func testAFreshLeadWithoutAFinalLineBreak() {
        let base = String(freshLead.dropLast())
        let logged = freshLead.replacingOccurrences(of: "status: untouched", with: "status: contacted") + followUpSection
        let noted = freshLead + feedbackSection
        let result = merge(base, logged, noted)
        XCTAssertEqual(result.conflicts, 0, text(result))
        XCTAssertEqual(text(result), freshLead.replacingOccurrences(of: "status: untouched", with: "status: contacted") + followUpSection + feedbackSection)
    }
}

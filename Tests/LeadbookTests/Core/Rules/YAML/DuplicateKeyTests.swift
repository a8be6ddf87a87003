import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// duplicate-key: a key appears once in each map (top level, nested, flow), and once in a
/// feedback entry.
final class DuplicateKeyTests: XCTestCase {
    func testSameKeyInTwoDifferentMapsIsClean() {
        let text = RuleFixture.customer(adding: [
            "contacts:",
            "  - name: 张伟",
            "    phone: \"13800000001\"",
            "  - name: 李娜",
            "    phone: \"13900000002\"",
        ])
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }

    func testTopLevelKeyTwice() {
        let text = RuleFixture.customer(adding: ["status: contacted"])
        RuleAssert.one(RuleFixture.diagnostics(text), "duplicate-key", at: (8, 1), says: "duplicate key `status` (first set on line 7)",
                       hint: "keep one of the two; a key may appear only once in a map")
    }

    func testKeyTwiceInAContact() {
        let text = RuleFixture.customer(adding: [
            "contacts:",                 // 8
            "  - name: 张伟",             // 9
            "    phone: \"13800000001\"", // 10
            "    phone: \"13800000002\"", // 11
        ])
        RuleAssert.only(RuleFixture.diagnostics(text), "duplicate-key", at: (11, 5),
                        message: ["duplicate key `phone`", "first set on line 10"])
    }

    /// Keys that share their length, first and last byte are told apart by their bytes, and a
    /// key set again is found whether the map has few keys or more than 64.
    func testKeysAlikeInLengthAndEndsAndLargeMaps() throws {
        let alike = (0..<40).map { "a\($0 % 10)\($0 / 10)z" }
        let clean = "---\n" + alike.map { "\($0): 1\n" }.joined()
        XCTAssertNotNil(try YAMLReader.parse(Array(clean.utf8)))
        for count in [3, 40, 100] {
            let keys = (0..<count).map { "k\($0)x" }
            let text = "---\n" + keys.map { "\($0): 1\n" }.joined() + "\(keys[count / 2]): 2\n"
            XCTAssertThrowsError(try YAMLReader.parse(Array(text.utf8)), "\(count) keys") { error in
                guard let error = error as? YAMLSyntaxError, case .duplicateKey(let key, line: let line) = error.problem else {
                    return XCTFail("\(error)")
                }
                XCTAssertEqual(key, keys[count / 2])
                XCTAssertEqual(line, count / 2 + 2)
            }
        }
    }

    func testKeyTwiceInAFlowMap() {
        let text = RuleFixture.customer(adding: ["score: {size: 25, budget: 25, size: 20}"])
        RuleAssert.only(RuleFixture.diagnostics(text), "duplicate-key", at: (8, 31), message: ["duplicate key `size`"])
    }

    func testChineseKeyTwice() {
        // Keys are compared as written; an unknown key twice is still a duplicate.
        let text = RuleFixture.customer(adding: ["备注: 重点客户", "备注: 预算已批"])
        let diagnostics = RuleFixture.diagnostics(text)
        // The rest of the file is read too: the first `备注` is an unknown key.
        RuleAssert.rules(diagnostics, [("unknown-field", 8, 1), ("duplicate-key", 9, 1)])
        RuleAssert.matches(diagnostics.first { $0.rule.id == "duplicate-key" }!, "duplicate-key", at: (9, 1), message: ["备注", "first set on line 8"])
    }

    /// A second satisfaction (or any key of one value) in a feedback entry would replace the
    /// first: reported at its key, with the line of the first.
    func testAFeedbackKeyTwice() {
        let text = RuleFixture.feedback(["- confirmed: 2024-03-06 客户认可", "- 满意度: 3", "- satisfaction: 1"])
        guard let diagnostic = RuleAssert.only(RuleFixture.diagnostics(text), "duplicate-key", at: (15, 3),
                                               message: ["`satisfaction` is written twice in this feedback entry (first on line 14)"])
        else { return }
        XCTAssertEqual(diagnostic.hint, "keep the line that is right and remove the other; a feedback entry holds one value per key (only `why` may repeat)")
        XCTAssertEqual(diagnostic.phrase.zh, "这条反馈里 `satisfaction` 写了两次（第 14 行已经写过）")
        for key in ["- resolved: 2024-03-05", "- 客户确认: 2024-03-07 客户认可", "- 优先级: 中", "- owner: 李四"] {
            let twice = RuleFixture.feedback(["- resolved: 2024-03-05", "- confirmed: 2024-03-06 客户认可", "- owner: 王五", "- priority: high", key])
            RuleAssert.only(RuleFixture.diagnostics(twice), "duplicate-key", at: (17, 3), message: ["written twice in this feedback entry"])
        }
    }

    /// `why` is one line per root cause; a line left empty holds no value; an entry's keys are its own.
    func testWhysLinesLeftEmptyAndOtherEntriesAreNoDuplicates() {
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.feedback(["- why: 预算紧", "- why: 周期长", "- 原因: 审批慢"])))
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.feedback(["- confirmed: 2024-03-06 客户认可", "- satisfaction:", "- 满意度: 4"])))
        // (Handled, so that the later entry does not make the first one unhandled-feedback.)
        let two = RuleFixture.feedback(["- handling: fix", "- confirmed: 2024-03-06 客户认可", "- satisfaction: 4"])
            + "\n### 2024-03-08 phone 交付延期\n- type: service\n- priority: low\n- handling: fix\n- resolved: 2024-03-09\n- confirmed: 2024-03-10 客户认可\n- satisfaction: 5\n"
        RuleAssert.clean(RuleFixture.diagnostics(two))
        // In a code block, lines are not read.
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.feedback(["- satisfaction: 4", "```", "- satisfaction: 5", "```"])))
    }
}

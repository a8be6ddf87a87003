import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// chinese-key: a key written as the Chinese name of a field.
final class ChineseKeyTests: XCTestCase {
    func testOwnerWrittenInChinese() {
        let text = RuleFixture.customer(adding: ["负责人: 孙八"])
        let result = RuleFixture.read(text)
        let diagnostic = RuleAssert.one(result.findings.diagnostics, "chinese-key", at: (8, 1),
                                        says: "`负责人` is not a key leadbook reads: did you mean `owner` (负责人)?",
                                        hint: "keys are written in English: `owner: 孙八`; `leadbook fix` renames it")
        XCTAssertEqual(diagnostic?.phrase.zh, "`负责人` 不是 leadbook 认识的键：是不是想写 `owner`（负责人）？")
        XCTAssertEqual(diagnostic?.hintPhrase.zh, "键名要用英文：`owner: 孙八`；`leadbook fix` 可以自动改")
        // Read as the owner it names meanwhile.
        XCTAssertEqual(result.customer?.owner, "孙八")
        XCTAssertTrue(result.customer?.extra.isEmpty ?? false)
        let fixed = String(decoding: Fix.apply([diagnostic!.fix!], to: Array(text.utf8)).bytes, as: UTF8.self)
        XCTAssertEqual(fixed, RuleFixture.customer(adding: ["owner: 孙八"]))
    }

    /// A required field written in Chinese is not also reported missing.
    func testStatusWrittenInChineseIsNotMissing() {
        let text = RuleFixture.customer(adding: ["状态: qualified"], removing: ["status"])
        let result = RuleFixture.read(text)
        RuleAssert.only(result.findings.diagnostics, "chinese-key", at: (7, 1), message: ["`status` (客户状态)"])
        XCTAssertEqual(result.customer?.status, .qualified)
    }

    func testNamesFromTheFieldTableAndWhatRepsWrite() {
        for (key, english) in [("客户名称", "name"), ("公司名称", "name"), ("所属行业", "industry"), ("来源渠道", "source"),
                               ("下次跟进", "next"), ("预算", "budget"), ("标签", "tags"), ("跟进人", "owner")] {
            let value = english == "tags" ? "[价格敏感]" : english == "budget" ? "200000" : english == "next" ? "2024-03-05" : "值"
            let text = RuleFixture.customer(adding: ["\(key): \(value)"], removing: ["name", "source"])
            let diagnostic = RuleFixture.diagnostics(text).first { $0.rule.id == "chinese-key" }
            XCTAssertEqual(diagnostic?.message.contains("did you mean `\(english)`"), true, key)
            XCTAssertEqual(diagnostic?.fix?.replacement, Array(english.utf8), key)
        }
    }

    /// Beside the English key, the fix would make a duplicate: it is left to the rep.
    func testBesideItsEnglishKeyThereIsNoFix() {
        let text = RuleFixture.customer(adding: ["owner: 王五", "负责人: 孙八"])
        let diagnostic = RuleAssert.one(RuleFixture.diagnostics(text), "chinese-key", at: (9, 1),
                                        says: "`负责人` is the Chinese name of `owner` (负责人), which this map already has",
                                        hint: "keep one value, under `owner`, and remove the `负责人` line")
        XCTAssertNil(diagnostic?.fix)
    }

    func testAContactKeyInChinese() {
        let text = RuleFixture.customer(adding: ["contacts:", "  - 姓名: 张伟", "    电话: \"13800000001\""])
        let result = RuleFixture.read(text)
        RuleAssert.rules(result.findings.diagnostics, [("chinese-key", 9, 5), ("chinese-key", 10, 5)])
        XCTAssertEqual(result.customer?.contacts.first?.name, "张伟")
        XCTAssertEqual(result.customer?.contacts.first?.phone, "13800000001")
        let fixed = String(decoding: Fix.apply(result.findings.diagnostics.compactMap(\.fix), to: Array(text.utf8)).bytes, as: UTF8.self)
        XCTAssertEqual(fixed, RuleFixture.customer(adding: ["contacts:", "  - name: 张伟", "    phone: \"13800000001\""]))
    }

    /// A phone at the top level belongs to a contact: no rename would make it one.
    func testAPhoneAtTheTopLevel() {
        let text = RuleFixture.customer(adding: ["手机: \"13900000002\""])
        let diagnostic = RuleAssert.only(RuleFixture.diagnostics(text), "chinese-key", at: (8, 1), message: ["belongs to a contact"])
        XCTAssertNil(diagnostic?.fix)
    }

    func testExtraFieldsAndUnrelatedChineseKeys() {
        let (configuration, _) = RuleFixture.configuration("extra_fields: [负责人]\n")
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.customer(adding: ["负责人: 孙八"]), configuration: configuration))
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.customer(adding: ["备注: 年底采购"])), "unknown-field", .warning, at: (8, 1))
    }
}

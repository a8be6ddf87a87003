import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-kind, unknown-intent, unknown-grade, unknown-stage, unknown-contact-role,
/// unknown-preference: closed sets of values in the front matter.
final class UnknownKindTests: XCTestCase {
    func testKnownValuesAndChineseLabelsAreClean() {
        let text = RuleFixture.customer(set: ["intent: B级"], adding: [
            "kind: 个人",
            "grade: A",
            "contacts:",
            "  - {name: 张伟, prefers: 微信, role: 决策人}",
            "  - {name: 李娜, prefers: email, role: gatekeeper}",
            "plan:",
            "  - {stage: 需求深化, channels: [电话, video]}",
            "  - {stage: nurture, due: 每周一}",
            "  - {stage: 培育阶段}",
        ])
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.kind, .person)
        XCTAssertEqual(result.customer?.intent, .B)
        XCTAssertEqual(result.customer?.grade, .A)
        XCTAssertEqual(result.customer?.contacts.map(\.role), [.decisionMaker, .gatekeeper])
        XCTAssertEqual(result.customer?.contacts.map(\.prefers), [.wechat, .email])
        XCTAssertEqual(result.customer?.plan.map(\.stage), [.needsDeepening, .nurture, .nurture])
        XCTAssertEqual(result.customer?.plan.first?.channels, [.phone, .video])
        XCTAssertEqual(result.customer?.plan[1].dueText, "每周一")
    }

    func testUnknownKind() {
        let text = RuleFixture.customer(adding: ["kind: compnay"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-kind", at: (8, 7),
                        message: ["unknown kind `compnay`"], hint: ["did you mean `company`?", "person (个人)"])
    }

    func testUnknownIntent() {
        let text = RuleFixture.customer(set: ["intent: 高"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-intent", at: (5, 9),
                        message: ["unknown intent `高`"], hint: ["A (A级)", "B (B级)", "C (C级)"])
    }

    func testLowerCaseIntentIsNotAnIntent() {
        let text = RuleFixture.customer(set: ["intent: a"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-intent", at: (5, 9), hint: ["did you mean `A`?"])
    }

    func testUnknownGrade() {
        let text = RuleFixture.customer(adding: ["grade: SS"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-grade", at: (8, 8),
                        message: ["unknown grade `SS`"], hint: ["did you mean `S`?"])
    }

    func testUnknownStage() {
        let text = RuleFixture.customer(adding: ["plan:", "  - stage: initial-contacts", "    goal: 确认决策链"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-stage", at: (9, 12),
                        message: ["unknown stage `initial-contacts`"], hint: ["did you mean `initial-contact`?"])
    }

    func testUnknownChannelInAPlanStep() {
        let text = RuleFixture.customer(adding: ["plan:", "  - {stage: negotiation, channels: [phone, 飞书]}"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-channel", at: (9, 44), message: ["unknown channel `飞书`"])
    }

    func testUnknownContactRole() {
        let text = RuleFixture.customer(adding: ["contacts:", "  - name: 张伟", "    role: decision maker"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-contact-role", at: (10, 11),
                        message: ["unknown contact role `decision maker`"], hint: ["did you mean `decision-maker`?"])
    }

    func testUnknownPreference() {
        let text = RuleFixture.customer(adding: ["contacts:", "  - name: 张伟", "    prefers: 短信"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-preference", at: (10, 14),
                        message: ["unknown preferred channel `短信`"], hint: ["phone (电话)", "wechat (微信)"])
    }
}

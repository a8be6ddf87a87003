import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// `Diagnostic.suggestion`: the "did you mean" of a hint as a change of the file, carried by
/// every rule that suggests (the vocabulary rules, unknown-source, unknown-owner, unknown-field,
/// unknown-entry-key), in the same words as the hint, and never applied by `leadbook fix`.
final class SuggestionFixTests: XCTestCase {
    static let path = "customers/LX2024001-hengli.md"

    var configuration: Configuration {
        var configuration = Configuration()
        configuration.team = [TeamMember(name: "王五"), TeamMember(name: "李雷")]
        return configuration
    }

    func file(_ front: String, log: String = "") -> String {
        """
        ---
        id: LX2024001
        name: 恒力食品
        source: website
        intent: B
        created: 2024-03-01 09:10
        status: contacted
        \(front)
        ---

        ## Follow-ups

        ### 2024-03-01 10:30 phone 张伟
        \(log)

        """
    }

    /// The finding of `rule` in `text`, its suggestion's replaced text and replacement.
    func suggestion(_ text: String, _ rule: Rule, file: StaticString = #filePath, line: UInt = #line) -> (written: String, replacement: String, hint: String)? {
        let bytes = Array(text.utf8)
        let result = CustomerReader.read(path: Self.path, bytes: bytes, configuration: configuration)
        guard let diagnostic = result.findings.diagnostics.first(where: { $0.rule == rule }) else {
            XCTFail("no \(rule.id) in \(result.findings.diagnostics.map(\.rule.id))", file: file, line: line)
            return nil
        }
        guard let fix = diagnostic.suggestion else { return nil }
        return (String(decoding: bytes[fix.range], as: UTF8.self), String(decoding: fix.replacement, as: UTF8.self), diagnostic.hint)
    }

    func check(_ text: String, _ rule: Rule, _ written: String, _ replacement: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let found = suggestion(text, rule, file: file, line: line) else {
            return XCTFail("\(rule.id) carries no suggestion", file: file, line: line)
        }
        XCTAssertEqual(found.written, written, file: file, line: line)
        XCTAssertEqual(found.replacement, replacement, file: file, line: line)
        XCTAssertTrue(found.hint.contains("did you mean `\(replacement)`") || found.hint.contains("(\(replacement))?"),
                      "the hint names it: \(found.hint)", file: file, line: line)
    }

    func testEveryRuleThatSuggestsCarriesItsSuggestion() {
        check(file("").replacingOccurrences(of: "status: contacted", with: "status: contaced"), UnknownStatus.rule, "contaced", "contacted")
        check(file("").replacingOccurrences(of: "intent: B", with: "intent: BB"), UnknownIntent.rule, "BB", "B")
        check(file("grade: SS"), UnknownGrade.rule, "SS", "S")
        check(file("kind: compnay"), UnknownKind.rule, "compnay", "company")
        check(file("").replacingOccurrences(of: "source: website", with: "source: webiste"), UnknownSource.rule, "webiste", "website")
        check(file("owner: 王武"), UnknownOwner.rule, "王武", "王五")
        check(file("bugdet: 200000"), UnknownField.rule, "bugdet", "budget")
        check(file("contacts:\n  - name: 张伟\n    role: infuencer"), UnknownContactRole.rule, "infuencer", "influencer")
        check(file("contacts:\n  - name: 张伟\n    prefers: phnoe"), UnknownPreference.rule, "phnoe", "phone")
        check(file("plan:\n  - stage: nurtre"), UnknownStage.rule, "nurtre", "nurture")
        check(file("", log: "- mood: postive"), UnknownMood.rule, "postive", "positive")
        check(file("", log: "- staus: qualified"), UnknownEntryKey.rule, "staus", "status")
        check(file("", log: "- 决策: 本月拍板"), UnknownEntryKey.rule, "决策", "决策进展")
        check(file("").replacingOccurrences(of: "10:30 phone", with: "10:30 phnoe"), UnknownChannel.rule, "phnoe", "phone")
    }

    func testASynonymIsSuggestedInTheScriptTyped() {
        check(file("").replacingOccurrences(of: "status: contacted", with: "status: 谈判中"), UnknownStatus.rule, "谈判中", "商务谈判")
        check(file("").replacingOccurrences(of: "status: contacted", with: "status: negotiating"), UnknownStatus.rule, "negotiating", "negotiation")
        check(file("").replacingOccurrences(of: "status: contacted", with: "status: 'contacte'"), UnknownStatus.rule, "contacte", "contacted")
    }

    func testNoSuggestionWhenTheHintNamesNone() {
        XCTAssertNil(suggestion(file("").replacingOccurrences(of: "status: contacted", with: "status: 完全不同的东西"), UnknownStatus.rule))
        XCTAssertNil(suggestion(file("owner: 赵六钱七"), UnknownOwner.rule))
        XCTAssertNil(suggestion(file("").replacingOccurrences(of: "status: contacted", with: "status: \"cont\\u0061cte\""), UnknownStatus.rule),
                     "an escaped value is not the bytes written")
    }

    func testLeadbookFixLeavesSuggestionsToAPerson() {
        let text = file("").replacingOccurrences(of: "status: contacted", with: "status: contaced")
        guard case .unchanged(let errors) = CustomerFix.fix(path: Self.path, bytes: Array(text.utf8), configuration: configuration) else {
            return XCTFail("fix changed the file")
        }
        XCTAssertTrue(errors)
        let diagnostics = CustomerReader.read(path: Self.path, bytes: Array(text.utf8), configuration: configuration).findings.diagnostics
        XCTAssertEqual(CustomerFix.fixable(diagnostics.filter { $0.rule == UnknownStatus.rule }), [false])
    }

    func testTheSuggestionAtAnOffsetIsTheTextWritten() {
        var findings = Findings(source: SourceText(path: Self.path, bytes: Array("a: \"qualifed\"\nb: x\n".utf8)))
        XCTAssertEqual(findings.suggestion(replacing: "qualifed", at: 3, with: "qualified"), Fix(replacing: 4..<12, with: "qualified"))
        XCTAssertNil(findings.suggestion(replacing: "qualifed", at: 17, with: "qualified"), "other bytes there")
        XCTAssertNil(findings.suggestion(replacing: "x", at: 17, with: "x"), "the text itself")
        XCTAssertNil(findings.suggestion(replacing: "x", at: -1, with: "y"))
        XCTAssertNil(findings.suggestion(replacing: "x", at: 400, with: "y"))
        findings.report(UnknownStatus.message("x"), at: 17, suggestion: Fix(replacing: 17..<18, with: "won"))
        XCTAssertEqual(findings.diagnostics.first?.suggestion, Fix(replacing: 17..<18, with: "won"))
    }
}

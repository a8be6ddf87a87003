import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// `EditorAction`: a quick fix for each fix `leadbook fix` makes and for each "did you mean",
/// "fix the file" and "sync the file"; applying an action's edits removes its diagnostic.
final class EditorActionTests: XCTestCase {
    typealias F = EditorFixture

    func document(_ text: String, configuration: Configuration = EditorFixture.configuration) -> EditorDocument {
        EditorDocument(bytes: Array(text.utf8), path: F.path, configuration: configuration)
    }

    func diagnostics(_ document: EditorDocument) -> [Diagnostic] {
        document.read().findings.diagnostics
    }

    /// The document's bytes with the edits applied (last first, so earlier offsets hold).
    func applying(_ edits: [EditorTextEdit], to document: EditorDocument) -> [UInt8] {
        var bytes = document.bytes
        for edit in edits.sorted(by: { $0.range.start > $1.range.start }) {
            bytes.replaceSubrange(document.offset(of: edit.range.start)..<document.offset(of: edit.range.end), with: Array(edit.newText.utf8))
        }
        return bytes
    }

    /// Every quick fix on the diagnostics of `text`, each applied alone: its diagnostic is gone
    /// from the result, which has no error the file did not have.
    func checkEachQuickFix(_ text: String, expecting rules: [String], file: StaticString = #filePath, line: UInt = #line) -> [EditorAction.Action] {
        let document = document(text)
        let found = diagnostics(document)
        let whole = EditorRange(start: EditorPosition(line: 0, column: 0), end: EditorPosition(line: document.lineCount, column: 0))
        let actions = EditorAction.actions(document, diagnostics: found, in: whole, language: .en).filter { $0.kind == .quickFix }
        XCTAssertEqual(Set(actions.compactMap(\.rule)), Set(rules), file: file, line: line)
        for action in actions {
            let after = EditorDocument(bytes: applying(action.edits, to: document), path: F.path, configuration: F.configuration)
            let left = diagnostics(after)
            let fixed = action.diagnostic!
            XCTAssertFalse(left.contains { $0.rule == fixed.rule && $0.message == fixed.message }, "\(action.title) removes its diagnostic",
                           file: file, line: line)
            XCTAssertEqual(EditCheck.newErrors(before: found, after: left).filter { !CustomerSync.fixableRules.contains($0.rule) }, [],
                           "\(action.title) brings no new error", file: file, line: line)
        }
        return actions
    }

    func testTheFixesOfLeadbookFixAsQuickFixes() {
        let text = F.customer(replacing: "owner: 王五", with: "owner：王五").replacingOccurrences(of: "- [ ] 2024-03-03", with: "- [ｘ] 2024-03-03")
        let actions = checkEachQuickFix(text, expecting: ["full-width-colon", "todo-box"])
        XCTAssertEqual(actions.first { $0.rule == "full-width-colon" }?.title, "Fix: 1 full-width colon")
        let colon = actions.first { $0.rule == "full-width-colon" }!
        XCTAssertEqual(colon.edits.count, 1)
        XCTAssertEqual(colon.edits[0].newText, ": ")
        let chinese = EditorAction.actions(document(text), diagnostics: diagnostics(document(text)), in: colon.edits[0].range, language: .zhCN)
        XCTAssertEqual(chinese.first?.title, "修复：1 个全角冒号")
    }

    func testAStaleGradeIsFixedAsLeadbookFixWritesIt() {
        let actions = checkEachQuickFix(F.customer(replacing: "grade: S", with: "grade: B"), expecting: ["stale-grade"])
        XCTAssertEqual(actions.first?.title, "Fix: grade B -> S")
        XCTAssertEqual(actions.first?.edits.map(\.newText), ["S"], "only the grade's byte changes")
    }

    /// A stale grade in a file that also has a full-width colon: `sync` would refuse the file,
    /// so the grade's quick fix makes the certain fix first, as `leadbook fix` does, and says so.
    func testAStaleGradeIsFixedWhenAnotherErrorHasACertainFix() {
        let text = F.customer(replacing: "grade: S", with: "grade: B").replacingOccurrences(of: "owner: 王五", with: "owner：王五")
        let document = document(text)
        let found = diagnostics(document)
        let grade = found.first { $0.rule == StaleGrade.rule }!
        let line = EditorRange(start: document.position(of: grade), end: document.position(of: grade))
        let actions = EditorAction.actions(document, diagnostics: found, in: line, language: .en).filter { $0.rule == "stale-grade" }
        XCTAssertEqual(actions.map(\.title), ["Fix: grade B -> S (fixing 1 full-width colon first)"])
        let after = applying(actions[0].edits, to: document)
        XCTAssertEqual(String(decoding: after, as: UTF8.self), text.replacingOccurrences(of: "grade: B", with: "grade: S")
            .replacingOccurrences(of: "owner：王五", with: "owner: 王五"))
        let chinese = EditorAction.actions(document, diagnostics: found, in: line, language: .zhCN).filter { $0.rule == "stale-grade" }
        XCTAssertEqual(chinese.map(\.title), ["修复：等级 B → S（先修复 1 个全角冒号）"])
    }

    func testAStatusTheFileHoldsIsNotOverwrittenButSyncOffersIt() {
        let text = F.customer(replacing: "- status: qualified", with: "- status: proposal")
        let document = document(text)
        let found = diagnostics(document)
        XCTAssertTrue(found.contains { $0.rule == StaleStatus.rule })
        let all = EditorRange(start: EditorPosition(line: 0, column: 0), end: EditorPosition(line: document.lineCount, column: 0))
        let actions = EditorAction.actions(document, diagnostics: found, in: all, language: .en)
        XCTAssertFalse(actions.contains { $0.kind == .quickFix && $0.rule == "stale-status" }, "`leadbook fix` keeps a status the rep typed")
        let sync = actions.first { $0.title.hasPrefix("Sync the file") }
        XCTAssertEqual(sync?.kind, .source)
        XCTAssertEqual(sync?.title, "Sync the file (`leadbook sync`): status qualified -> proposal")
        let synced = applying(sync!.edits, to: document)
        XCTAssertEqual(String(decoding: synced, as: UTF8.self), text.replacingOccurrences(of: "status: qualified\nplan", with: "status: proposal\nplan"))
        XCTAssertFalse(diagnostics(EditorDocument(bytes: synced, path: F.path, configuration: F.configuration)).contains { $0.rule == StaleStatus.rule })
    }

    func testDidYouMeanReplacements() {
        let text = F.customer(replacing: "status: qualified", with: "status: qualifed")
            .replacingOccurrences(of: "source: website", with: "source: websit")
            .replacingOccurrences(of: "owner: 王五", with: "owner: 王武")
            .replacingOccurrences(of: "- type: product", with: "- type: prodcut")
            .replacingOccurrences(of: "- need: 高稳定性服务器", with: "- staus: qualified")
            .replacingOccurrences(of: "intent: A", with: "intent: A\nbugdet: 200000")
        let actions = checkEachQuickFix(text, expecting: ["unknown-status", "unknown-source", "unknown-owner", "unknown-feedback-type",
                                                          "unknown-entry-key", "unknown-field"])
        XCTAssertEqual(Set(actions.map(\.title)), ["Change `qualifed` to `qualified`", "Change `websit` to `website`", "Change `王武` to `王五`",
                                                   "Change `prodcut` to `product`", "Change `staus` to `status`", "Change `bugdet` to `budget`"])
    }

    func testASynonymIsReplacedInTheScriptTheRepTyped() {
        let chinese = checkEachQuickFix(F.customer(replacing: "status: qualified", with: "status: 谈判中"), expecting: ["unknown-status"])
        XCTAssertEqual(chinese.first?.edits.map(\.newText), ["商务谈判"])
        let english = checkEachQuickFix(F.customer(replacing: "status: qualified", with: "status: negotiating"), expecting: ["unknown-status"])
        XCTAssertEqual(english.first?.edits.map(\.newText), ["negotiation"])
        let quoted = checkEachQuickFix(F.customer(replacing: "status: qualified", with: "status: \"qualifid\""), expecting: ["unknown-status"])
        XCTAssertEqual(quoted.first?.edits.map(\.newText), ["qualified"], "inside the quotes")
    }

    func testOnlyTheDiagnosticsOnTheLinesAsked() {
        let text = F.customer(replacing: "owner: 王五", with: "owner：王五").replacingOccurrences(of: "status: qualified", with: "status: qualifed")
        let document = document(text)
        let found = diagnostics(document)
        let statusLine = document.position(of: found.first { $0.rule == UnknownStatus.rule }!).line
        let onStatus = EditorAction.actions(document, diagnostics: found, in: EditorRange(at: EditorPosition(line: statusLine, column: 0)), language: .en)
        XCTAssertEqual(onStatus.filter { $0.kind == .quickFix }.compactMap(\.rule), ["unknown-status"])
        XCTAssertTrue(onStatus.contains { $0.kind == .source }, "fixing the whole file is offered anywhere")
        let elsewhere = EditorAction.actions(document, diagnostics: found, in: EditorRange(at: EditorPosition(line: 1, column: 0)), language: .en)
        XCTAssertEqual(elsewhere.filter { $0.kind == .quickFix }, [])
    }

    func testFixTheFileDoesWhatLeadbookFixDoes() {
        let text = F.customer(replacing: "source: website", with: "source：website").replacingOccurrences(of: "grade: S", with: "grade: A")
        let document = document(text)
        let actions = EditorAction.actions(document, diagnostics: diagnostics(document), in: EditorRange(at: EditorPosition(line: 0, column: 0)),
                                           language: .en)
        let fixFile = actions.first { $0.kind == .source && $0.title.hasPrefix("Fix the file") }!
        guard case .changed(let change) = CustomerFix.fix(path: F.path, bytes: document.bytes, configuration: F.configuration) else {
            return XCTFail("leadbook fix changes the file")
        }
        XCTAssertEqual(applying(fixFile.edits, to: document), change.after)
        XCTAssertEqual(fixFile.edits.count, 2, "two changes: the colon and the grade, not the whole file")
        XCTAssertEqual(fixFile.title, "Fix the file (`leadbook fix`): 1 full-width colon, grade A -> S")
    }

    func testACleanFileHasNoActionsAndStaleDiagnosticsAreIgnored() {
        let clean = document(F.customer)
        XCTAssertEqual(diagnostics(clean).filter { $0.severity == .error }, [])
        XCTAssertEqual(EditorAction.actions(clean, diagnostics: diagnostics(clean), in: EditorRange(at: EditorPosition(line: 3, column: 0)),
                                            language: .en), [])
        // Diagnostics of an older version of the text: their fixes are not applied to this one.
        let old = document(F.customer(replacing: "owner: 王五", with: "owner：王五"))
        XCTAssertEqual(EditorAction.actions(clean, diagnostics: diagnostics(old), in: EditorRange(start: EditorPosition(line: 0, column: 0),
                                                                                                 end: EditorPosition(line: 40, column: 0)),
                                            language: .en), [])
    }

    func testBoundaries() {
        for text in ["", "no front matter\n", "---\nid: LX1\n", "---\nname: [broken\n---\n", "\u{FEFF}---\r\nstatus：won\r\n---\r\n"] {
            let document = document(text)
            let found = diagnostics(document)
            for line in [-1, 0, 1, 5] {
                _ = EditorAction.actions(document, diagnostics: found, in: EditorRange(at: EditorPosition(line: line, column: 0)), language: .zhCN)
            }
        }
        let crlf = document("\u{FEFF}---\r\nid: LX2024001\r\nname: 华东云\r\nsource: website\r\nintent: A\r\ncreated: 2024-03-01 09:10\r\nstatus：won\r\n---\r\n")
        let actions = EditorAction.actions(crlf, diagnostics: diagnostics(crlf), in: EditorRange(at: EditorPosition(line: 6, column: 0)), language: .en)
        let colon = actions.first { $0.rule == "full-width-colon" }
        XCTAssertEqual(colon?.edits.first?.range, EditorRange(start: EditorPosition(line: 6, column: 6), end: EditorPosition(line: 6, column: 9)))
    }

    func testRangesAfterChineseAndNonBMPText() {
        // 张伟 (three bytes, one UTF-16 unit each), 😀 and 𠀀 (four bytes, two units each) before
        // the value on its line: the range counts the line's bytes.
        let contact = "  - {name: 张伟😀𠀀, role: decison-maker}"
        let text = F.customer(replacing: "  - name: 张伟\n    phone: \"13800000001\"\n    role: decision-maker", with: contact)
        let actions = checkEachQuickFix(text, expecting: ["unknown-contact-role"])
        let line = text.components(separatedBy: "\n").firstIndex(of: contact)!
        let start = "  - {name: 张伟😀𠀀, role: ".utf8.count
        XCTAssertEqual(actions.first?.edits.first?.range, EditorRange(start: EditorPosition(line: line, column: start),
                                                                      end: EditorPosition(line: line, column: start + "decison-maker".utf8.count)))
        XCTAssertEqual(actions.first?.edits.first?.newText, "decision-maker")
    }

    func testLeadbookYmlGetsItsDidYouMeans() {
        let text = "language: zh-CN\nteam:\n  - name: 王五\n    role: senior\n  - name: 李雷\n    role: junoir\n    mentor: 王武\n"
        let document = EditorDocument(bytes: Array(text.utf8), path: "leadbook.yml", configuration: Configuration())
        let found = ConfigurationReader.read(SourceText(path: "leadbook.yml", bytes: document.bytes)).1
        XCTAssertEqual(Set(found.map(\.rule.id)), ["unknown-team-role", "unknown-mentor"])
        let all = EditorRange(start: EditorPosition(line: 0, column: 0), end: EditorPosition(line: 9, column: 0))
        let actions = EditorAction.actions(document, diagnostics: found, in: all, language: .zhCN)
        XCTAssertEqual(actions.map(\.title), ["把 `junoir` 改为 `junior`", "把 `王武` 改为 `王五`"])
        let fixed = applying(actions.flatMap(\.edits), to: document)
        XCTAssertEqual(ConfigurationReader.read(SourceText(path: "leadbook.yml", bytes: fixed)).1, [])
        XCTAssertEqual(EditorAction.actions(document, diagnostics: found, in: EditorRange(at: EditorPosition(line: 0, column: 0)), language: .en), [])
    }
}

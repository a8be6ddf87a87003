import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// `EditorOutline`: the front matter's keys (with the items of contacts and plan), the log's
/// sections and each entry by its date and summary.
final class EditorOutlineTests: XCTestCase {
    typealias F = EditorFixture

    func symbols(_ text: String, language: Language = .en) -> (EditorDocument, [EditorOutline.Symbol]) {
        let document = EditorDocument(bytes: Array(text.utf8), path: F.path, configuration: F.configuration)
        return (document, EditorOutline.symbols(document, language: language))
    }

    func text(_ range: EditorRange, _ document: EditorDocument) -> String {
        String(decoding: document.bytes[document.offset(of: range.start)..<document.offset(of: range.end)], as: UTF8.self)
    }

    func testTheFrontMatterItsKeysAndTheItemsOfItsLists() {
        let (document, symbols) = symbols(F.customer, language: .zhCN)
        XCTAssertEqual(symbols.map(\.name), ["文件头", "Follow-ups", "Feedback"])
        let front = symbols[0]
        XCTAssertEqual(front.kind, .section)
        XCTAssertEqual(front.children.map(\.name), ["id", "name", "source", "contacts", "intent", "score", "grade", "owner", "created", "status", "plan"])
        XCTAssertEqual(front.children.first { $0.name == "status" }?.detail, "客户状态")
        let contacts = front.children.first { $0.name == "contacts" }!
        XCTAssertEqual(text(contacts.range, document), "contacts:\n  - name: 张伟\n    phone: \"13800000001\"\n    role: decision-maker")
        XCTAssertEqual(text(contacts.selectionRange, document), "contacts")
        XCTAssertEqual(contacts.children.map(\.name), ["张伟"])
        XCTAssertEqual(front.children.first { $0.name == "plan" }?.children.map(\.name), ["initial-contact"])
        XCTAssertEqual(front.range.start, EditorPosition(line: 0, column: 0))
        XCTAssertEqual(front.range.end.line, 17, "to the closing `---`")
        for symbol in front.children { XCTAssertTrue(symbol.range.contains(symbol.selectionRange.start) && symbol.range.contains(symbol.selectionRange.end)) }
    }

    func testEachEntryByDateAndSummary() {
        let (document, symbols) = symbols(F.customer)
        let followUps = symbols[1]
        XCTAssertEqual(followUps.kind, .section)
        XCTAssertEqual(followUps.children.map(\.name), ["2024-03-01 10:30 meeting 张伟(技术总监)"])
        XCTAssertEqual(followUps.children.first?.detail, "qualified", "the status the entry sets")
        XCTAssertEqual(followUps.children.first?.kind, .entry)
        XCTAssertEqual(text(followUps.children[0].range, document),
                       "### 2024-03-01 10:30 meeting 张伟(技术总监)\n- need: 高稳定性服务器\n- status: qualified\n- [ ] 2024-03-03 提交定制方案 @王五")
        let feedback = symbols[2]
        XCTAssertEqual(feedback.children.map(\.name), ["2024-03-03 meeting 方案缺少备份功能"])
        XCTAssertEqual(feedback.children.first?.detail, "product")
        let (_, chinese) = self.symbols(F.customer, language: .zhCN)
        XCTAssertEqual(chinese[2].children.first?.detail, "产品")
        XCTAssertEqual(chinese[1].children.first?.detail, "需求明确")
    }

    func testBrokenYAMLStillHasItsOutline() {
        let (_, symbols) = symbols(F.customer(replacing: "owner: 王五", with: "owner: [王五"))
        XCTAssertEqual(symbols.map(\.name), ["front matter", "Follow-ups", "Feedback"])
        XCTAssertTrue(symbols[0].children.map(\.name).contains("owner"))
        XCTAssertEqual(symbols[1].children.count, 1)
    }

    func testBoundaries() {
        XCTAssertEqual(symbols("").1, [])
        XCTAssertEqual(symbols("# 笔记\n\n## Follow-ups\n\n### 2024-03-01 phone\n").1, [], "no front matter: no customer file's outline")
        let (_, open) = symbols("---\nid: LX1\nname: 恒力\n")
        XCTAssertEqual(open.first?.children.map(\.name), ["id", "name"], "a front matter not closed yet")
        let (document, crlf) = symbols("\u{FEFF}---\r\nid: LX1\r\n---\r\n\r\n## 跟进记录\r\n\r\n### 2024-03-01 电话 😀𠀀张伟\r\n- 状态: 初步接洽\r\n")
        XCTAssertEqual(crlf.map(\.name), ["front matter", "跟进记录"])
        let entry = crlf[1].children[0]
        XCTAssertEqual(entry.name, "2024-03-01 电话 😀𠀀张伟")
        XCTAssertEqual(entry.selectionRange, EditorRange(start: EditorPosition(line: 6, column: 0),
                                                         end: EditorPosition(line: 6, column: "### 2024-03-01 电话 😀𠀀张伟".utf8.count)))
        XCTAssertEqual(text(crlf[0].children[0].selectionRange, document), "id")
        XCTAssertEqual(crlf[0].selectionRange.start, EditorPosition(line: 0, column: 0), "the BOM is not text")
    }
}

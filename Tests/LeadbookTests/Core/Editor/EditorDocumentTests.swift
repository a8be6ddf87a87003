import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// `EditorDocument`: lines split at `\n`, columns in UTF-8 bytes of a line's text, without its
/// `\r` or (on line 0) the BOM; offsets and positions both ways, and a diagnostic's place.
final class EditorDocumentTests: XCTestCase {
    func document(_ text: String) -> EditorDocument {
        EditorDocument(bytes: Array(text.utf8), path: "customers/LX1.md", configuration: Configuration())
    }

    func testLinesColumnsAndOffsetsBothWays() {
        let document = document("ab\n张𠀀😀x\n\nlast")
        XCTAssertEqual(document.lineCount, 4)
        XCTAssertEqual(Array(document.lineText(1)), Array("张𠀀😀x".utf8))
        XCTAssertEqual(document.position(of: 3), EditorPosition(line: 1, column: 0))
        XCTAssertEqual(document.position(of: 3 + 3 + 4 + 4), EditorPosition(line: 1, column: 11), "after 张𠀀😀: 3 + 4 + 4 bytes")
        XCTAssertEqual(document.offset(of: EditorPosition(line: 1, column: 11)), 14)
        XCTAssertEqual(document.offset(of: EditorPosition(line: 1, column: 5)), 6, "inside 𠀀: its first byte")
        XCTAssertEqual(document.offset(of: EditorPosition(line: 1, column: 99)), 15, "past the text: its end")
        XCTAssertEqual(document.offset(of: EditorPosition(line: 9, column: 0)), document.bytes.count)
        XCTAssertEqual(document.position(of: document.bytes.count), EditorPosition(line: 3, column: 4))
        for offset in 0...document.bytes.count where offset == document.bytes.count || document.bytes[offset] & 0xC0 != 0x80 {
            XCTAssertEqual(document.offset(of: document.position(of: offset)), offset)
        }
    }

    func testCarriageReturnsAndTheBOMAreNotText() {
        let document = document("\u{FEFF}---\r\nid: LX1\r\n")
        XCTAssertEqual(Array(document.lineText(0)), Array("---".utf8))
        XCTAssertEqual(document.position(of: 0), EditorPosition(line: 0, column: 0))
        XCTAssertEqual(document.position(of: 3), EditorPosition(line: 0, column: 0))
        XCTAssertEqual(document.offset(of: EditorPosition(line: 0, column: 0)), 3)
        XCTAssertEqual(document.position(of: 6), EditorPosition(line: 0, column: 3), "the `\\r`: the end of the text")
        XCTAssertEqual(document.offset(of: EditorPosition(line: 1, column: 40)), 15, "before the `\\r`")
        XCTAssertEqual(document.lineCount, 3)
        XCTAssertEqual(document.textRange(ofLine: 2), 17..<17)
    }

    func testEmptyDocument() {
        let document = document("")
        XCTAssertEqual(document.lineCount, 1)
        XCTAssertEqual(document.position(of: 5), EditorPosition(line: 0, column: 0))
        XCTAssertEqual(document.offset(of: EditorPosition(line: -3, column: -1)), 0)
        XCTAssertNil(document.frontMatterLines)
        XCTAssertEqual(document.bodyFirstLine, 0)
    }

    func testWhereADiagnosticPoints() {
        // check counts columns in characters: 😀 is one, four bytes here.
        let document = document("---\nname: 😀恒力\nowner：王五\n---\n")
        let diagnostic = Diagnostic(file: "customers/LX1.md", line: 2, column: 8, rule: YAMLSyntax.rule, message: Phrase(verbatim: "x"), hint: .empty)
        XCTAssertEqual(document.position(of: diagnostic), EditorPosition(line: 1, column: "name: 😀".utf8.count), "7 characters, 10 bytes")
        let read = document.read().findings.diagnostics.first { $0.rule == FullWidthColon.rule }!
        XCTAssertEqual(document.position(of: read), document.position(of: read.fix!.range.lowerBound))
    }

    func testTheFrontMatterAndTheBody() {
        let closed = document("---\nid: LX1\n---\n\n## Follow-ups\n")
        XCTAssertEqual(closed.frontMatterLines, 1..<2)
        XCTAssertEqual(closed.bodyFirstLine, 3)
        XCTAssertEqual(document("---\nid: LX1\n").frontMatterLines, 1..<3, "not closed yet: every line after the opening one")
        XCTAssertEqual(document("---\nid: LX1\n---").bodyFirstLine, 3, "no body at all")
    }
}

import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// `EditorTextEdit.edits`: the byte diff of two versions as small edits that rebuild the new one.
final class EditorTextEditTests: XCTestCase {
    func check(_ old: String, _ new: String, edits expected: Int, file: StaticString = #filePath, line: UInt = #line) {
        let document = EditorDocument(bytes: Array(old.utf8), path: "customers/LX1.md", configuration: Configuration())
        let edits = EditorTextEdit.edits(from: document, to: Array(new.utf8))
        XCTAssertEqual(edits.count, expected, file: file, line: line)
        var bytes = document.bytes
        for edit in edits.reversed() {
            bytes.replaceSubrange(document.offset(of: edit.range.start)..<document.offset(of: edit.range.end), with: Array(edit.newText.utf8))
        }
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), new, file: file, line: line)
        for edit in edits { XCTAssertEqual(String(decoding: Array(edit.newText.utf8), as: UTF8.self), edit.newText, "whole characters") }
    }

    func testSmallEditsThatRebuildTheNewText() {
        check("a\nb\nc\n", "a\nb\nc\n", edits: 0)
        check("grade: A\nname: x\nstatus: won\n", "grade: S\nname: x\nstatus: lost\n", edits: 2)
        check("a\nc\n", "a\nb\nc\n", edits: 1)
        check("a\nb\nc\n", "a\nc\n", edits: 1)
        check("", "new\n", edits: 1)
        check("x\n", "", edits: 1)
        check("name: 张伟\n", "name: 张三\n", edits: 1)
        check("name: 😀𠀀\r\n", "name: 😀😁\r\n", edits: 1)
        check("tail", "tail\n", edits: 1)
    }

    func testAnEditIsCutToTheBytesThatDiffer() {
        let document = EditorDocument(bytes: Array("grade: A\n".utf8), path: "customers/LX1.md", configuration: Configuration())
        XCTAssertEqual(EditorTextEdit.edits(from: document, to: Array("grade: S\n".utf8)),
                       [EditorTextEdit(range: EditorRange(start: EditorPosition(line: 0, column: 7), end: EditorPosition(line: 0, column: 8)), newText: "S")])
        let chinese = EditorDocument(bytes: Array("名称: 张伟\n".utf8), path: "customers/LX1.md", configuration: Configuration())
        let edit = EditorTextEdit.edits(from: chinese, to: Array("名称: 张三\n".utf8))
        XCTAssertEqual(edit.map(\.newText), ["三"], "伟 and 三 share their first byte: the edit holds the whole character")
        XCTAssertEqual(edit.first?.range.start.column, "名称: 张".utf8.count)
    }
}

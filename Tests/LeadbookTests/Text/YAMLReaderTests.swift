import XCTest
@testable import LeadbookText

/// `YAMLReader.read`: every problem of a front matter in one pass; `parse` throws the first.
final class YAMLReaderTests: XCTestCase {
    func read(_ text: String) -> YAMLReading {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { YAMLReader.read($0, range: 0..<$0.count) }
    }

    func testAFullWidthColonIsReadPastWithItsRepair() throws {
        let reading = read("industry：食品\nregion: 华东\n")
        XCTAssertTrue(reading.complete)
        XCTAssertEqual(reading.root?["industry"]?.scalarText, "食品")
        XCTAssertEqual(reading.root?["region"]?.scalarText, "华东")
        XCTAssertEqual(reading.errors, [YAMLSyntaxError(8, .fullWidthColon, repair: YAMLRepair(8..<11, ": "))])
        XCTAssertThrowsError(try YAMLReader.parse(Array("industry：食品\n".utf8))) { error in
            XCTAssertEqual((error as? YAMLSyntaxError)?.problem, .fullWidthColon)
        }
    }

    func testAfterAProblemTheReaderResumesAtTheNextTopLevelKey() {
        let reading = read("a: 1\nb: x: y\n  c: 2\nd: [1, 2\ne: 5\n")
        XCTAssertFalse(reading.complete)
        XCTAssertEqual(reading.root?.pairs?.map(\.keyText), ["a", "e"])
        XCTAssertEqual(reading.errors.map(\.problem), [.syntax(.colonInValue), .unsupported(.multiLineFlow)])
        XCTAssertEqual(reading.errors.map(\.offset), [9, 28])
    }

    func testADuplicateKeyIsLeftOutAndTheRestRead() {
        let reading = read("a: 1\na: 2\nb: 3\n")
        XCTAssertEqual(reading.root?.pairs?.map(\.keyText), ["a", "b"])
        XCTAssertEqual(reading.root?["a"]?.scalarText, "1")
        XCTAssertEqual(reading.errors.map(\.problem), [.duplicateKey("a", line: 1)])
    }

    /// A `：` after text that is not an ASCII word ends a key only where a key must be.
    func testAFullWidthColonInAValueOrAListItemIsText() {
        let reading = read("needs: 价格：太高\ntags:\n  - 行业：食品\nnote:\n  客户说：太贵\n")
        XCTAssertTrue(reading.errors.isEmpty)
        XCTAssertEqual(reading.root?["needs"]?.scalarText, "价格：太高")
        XCTAssertEqual(reading.root?["tags"]?.items?.first?.scalarText, "行业：食品")
        XCTAssertEqual(reading.root?["note"]?.scalarText, "客户说：太贵")
    }

    func testNotesOnChineseQuotesAndCommas() {
        let reading = read("name: “成都”\ntags: [a，b]\n")
        XCTAssertTrue(reading.errors.isEmpty)
        XCTAssertEqual(reading.notes, [YAMLNote(.chineseQuotes(inFlow: false), 6..<18), YAMLNote(.listComma, 27..<30)])
    }

    func testALeadingListIsNotReadAsAMap() {
        let reading = read("- a\n- b\n")
        XCTAssertEqual(reading.root?.items?.count, 2)
        XCTAssertTrue(reading.errors.isEmpty)
    }
}

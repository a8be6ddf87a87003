import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// full-width-digits: dates and numbers typed in full-width.
final class FullWidthDigitsTests: XCTestCase {
    func testADateInFullWidthDigitsIsReadAsMeant() {
        let text = RuleFixture.customer(adding: ["next: ２０２４-03-05"])
        let result = RuleFixture.read(text)
        let diagnostic = RuleAssert.one(result.findings.diagnostics, "full-width-digits", at: (8, 7),
                                        says: "`next` is written with full-width characters, `２０２４-03-05`; it is read as `2024-03-05`",
                                        hint: "type `2024-03-05` with the keyboard in half-width mode; `leadbook fix` changes it")
        XCTAssertEqual(diagnostic?.phrase.zh, "`next` 用了全角字符 `２０２４-03-05`，暂按 `2024-03-05` 读取")
        XCTAssertEqual(result.findings.diagnostics.first?.fix?.replacement, Array("2024-03-05".utf8))
        XCTAssertEqual(String(decoding: Fix.apply([diagnostic!.fix!], to: Array(text.utf8)).bytes, as: UTF8.self),
                       RuleFixture.customer(adding: ["next: 2024-03-05"]))
    }

    func testATimeWithAFullWidthColonAndANumber() {
        let text = RuleFixture.customer(set: ["created: 2024-03-01 09：10"], adding: ["budget: \"２０００００\""])
        let diagnostics = RuleFixture.diagnostics(text)
        RuleAssert.rules(diagnostics, [("full-width-digits", 6, 10), ("full-width-digits", 8, 9)])
        let fixed = String(decoding: Fix.apply(diagnostics.compactMap(\.fix), to: Array(text.utf8)).bytes, as: UTF8.self)
        XCTAssertEqual(fixed, RuleFixture.customer(set: ["created: 2024-03-01 09:10"], adding: ["budget: \"200000\""]))
    }

    /// Full-width text that is no date even in ASCII stays an invalid date.
    func testWhatIsNoDateInASCIIEither() {
        let text = RuleFixture.customer(adding: ["next: ２０２４年3月5日"])
        RuleAssert.only(RuleFixture.diagnostics(text), "invalid-date", at: (8, 7))
    }
}

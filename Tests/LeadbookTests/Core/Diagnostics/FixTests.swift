import XCTest
@testable import LeadbookCore

final class FixTests: XCTestCase {
    func testFixesApplyInFileOrderAndAnOverlapIsSkipped() {
        let bytes = Array("region：华东\nname: “恒力”\n".utf8)
        let colon = Array("region".utf8).count
        let fullWidthColon = colon..<(colon + 3)
        let first = Fix(replacing: fullWidthColon, with: ": ")
        let overlapping = Fix(replacing: (colon + 1)..<(colon + 4), with: "x")
        let quoteStart = Array("region：华东\nname: ".utf8).count
        let quote = Fix(replacing: quoteStart..<(quoteStart + 3), with: "\"")
        let result = Fix.apply([quote, overlapping, first], to: bytes)
        XCTAssertEqual(String(decoding: result.bytes, as: UTF8.self), "region: 华东\nname: \"恒力”\n")
        XCTAssertEqual(result.applied, [first, quote])
        XCTAssertEqual(result.skipped, [overlapping])
    }

    func testAFixPastTheEndIsSkippedAndNothingIsLost() {
        let bytes = Array("abc".utf8)
        let result = Fix.apply([Fix(replacing: 2..<9, with: "z")], to: bytes)
        XCTAssertEqual(result.bytes, bytes)
        XCTAssertEqual(result.skipped.count, 1)
    }
}

import Foundation
import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// A new file's name keeps the letters of the customer's name, in one spelling (NFC).
final class CustomerDraftTests: XCTestCase {
    static let composed = "Caf\u{E9} Zo\u{EB} GmbH"
    static let decomposed = "Cafe\u{301} Zoe\u{308} GmbH"

    func testTheSlugKeepsLettersWithAccentsAndCJK() {
        XCTAssertEqual(CustomerDraft.slug(Self.composed), "caf\u{E9}-zo\u{EB}-gmb")
        XCTAssertEqual(CustomerDraft.slug("华东云科技有限公司"), "华东云科技")
        XCTAssertEqual(CustomerDraft.slug("Müller & Söhne"), "müller--söhn")
        XCTAssertEqual(CustomerDraft.slug("Ωmega/../x"), "Ωmegax")
        XCTAssertEqual(CustomerDraft.slug("a\u{202E}b:c*d?"), "abcd", "format characters and characters unsafe in file names go")
    }

    func testBothSpellingsOfANameGiveOneFileName() {
        XCTAssertNotEqual(Array(Self.composed.utf8), Array(Self.decomposed.utf8))
        let a = CustomerDraft(id: "LX2024001", name: Self.composed, source: "website", intent: .A, created: LocalDateTime("2024-03-01 09:10")!)
        let b = CustomerDraft(id: "LX2024001", name: Self.decomposed, source: "website", intent: .A, created: LocalDateTime("2024-03-01 09:10")!)
        XCTAssertEqual(Array(a.fileName().utf8), Array(b.fileName().utf8))
        XCTAssertEqual(Array(a.fileName().utf8), Array("LX2024001-caf\u{E9}-zo\u{EB}-gmb.md".utf8))
    }
}

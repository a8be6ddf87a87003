import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// A member is found by name as Swift compares strings (canonically equivalent spellings are
/// one name), with the bytes compared first.
final class ConfigurationTeamTests: XCTestCase {
    func testMembersAreFoundByTheirNameInAnySpellingOfIt() {
        var configuration = Configuration()
        configuration.team = ["王五", "李四", "Zhang San", "Caf\u{E9}", "\u{212A}elly", "黄磊"].map { TeamMember(name: $0) }
        let names = ["王五", "李四", "李", "李四 ", "Zhang San", "zhang san", "Cafe\u{301}", "Caf\u{E9}", "Kelly", "\u{212A}elly", "黄磊", "黄", ""]
        for name in names {
            let expected = configuration.team.first { $0.name == name }?.name
            XCTAssertEqual(configuration.member(named: name)?.name, expected, "`\(name)`")
        }
        XCTAssertEqual(configuration.member(named: "Cafe\u{301}")?.name, "Caf\u{E9}", "a decomposed é is the composed one")
        XCTAssertEqual(configuration.member(named: "Kelly")?.name, "\u{212A}elly", "the Kelvin sign is K")
        XCTAssertNil(configuration.member(named: "王六"))
        XCTAssertTrue(Configuration.isCanonicalAsWritten("王五 Zhang，ＡＢ　"))
        XCTAssertFalse(Configuration.isCanonicalAsWritten("Cafe\u{301}"))
        XCTAssertFalse(Configuration.isCanonicalAsWritten("\u{212A}elly"))
    }
}

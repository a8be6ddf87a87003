import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// invalid-id: the id is `<id_prefix><digits>` (leadbook.yml `id_prefix`, LX by default).
final class InvalidIdTests: XCTestCase {
    func testConfiguredPrefixIsClean() {
        let (configuration, configurationDiagnostics) = RuleFixture.configuration("id_prefix: HD\n")
        RuleAssert.clean(configurationDiagnostics)
        let text = RuleFixture.customer(set: ["id: HD0001"])
        RuleAssert.clean(RuleFixture.diagnostics(text, path: "customers/HD0001-华东云.md", configuration: configuration))
        // The default prefix no longer fits.
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.head, configuration: configuration), "invalid-id", at: (2, 5),
                        message: ["`LX2024001`", "`HD`"], hint: ["HD2024001"])
    }

    func testDashInsideTheId() {
        let text = RuleFixture.customer(set: ["id: LX-2024001"])
        RuleAssert.one(RuleFixture.diagnostics(text, path: "customers/LX-2024001-huadongyun.md"), "invalid-id", at: (2, 5),
                       says: "id `LX-2024001` is not `LX` followed by digits", hint: "use the form LX2024001 (leadbook.yml `id_prefix` is `LX`)")
    }

    func testIdWithoutPrefix() {
        let text = RuleFixture.customer(set: ["id: 2024001"])
        let diagnostics = RuleFixture.diagnostics(text, path: "customers/2024001.md").filter { $0.rule != AmbiguousScalar.rule }
        RuleAssert.only(diagnostics, "invalid-id", at: (2, 5), message: ["`2024001`"])
    }

    func testLowerCasePrefix() {
        let text = RuleFixture.customer(set: ["id: lx2024001"])
        RuleAssert.only(RuleFixture.diagnostics(text, path: "customers/lx2024001.md"), "invalid-id", at: (2, 5))
    }

    func testPrefixAlone() {
        let text = RuleFixture.customer(set: ["id: LX"])
        RuleAssert.only(RuleFixture.diagnostics(text, path: "customers/LX-新客户.md"), "invalid-id", at: (2, 5))
    }

    func testFullWidthDigits() {
        let text = RuleFixture.customer(set: ["id: LX２０２４００１"])
        RuleAssert.only(RuleFixture.diagnostics(text, path: "customers/LX２０２４００１.md"), "invalid-id", at: (2, 5))
    }
}

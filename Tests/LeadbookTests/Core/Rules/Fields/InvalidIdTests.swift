import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// invalid-id and file-name-mismatch: the id is `<id_prefix><digits>` and the file name begins with it.
final class InvalidIdTests: XCTestCase {
    func testMatchingIdAndFileNamesAreClean() {
        for path in ["customers/LX2024001-huadongyun.md", "customers/LX2024001.md", "customers/LX2024001_华东云.md",
                     "customers/华东/LX2024001-华东云.md"] {
            RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.head, path: path))
        }
    }

    func testConfiguredPrefixIsClean() {
        let (configuration, configurationDiagnostics) = RuleFixture.configuration("id_prefix: HD\n")
        RuleAssert.clean(configurationDiagnostics)
        let text = RuleFixture.customer(set: ["id: HD0001"])
        RuleAssert.clean(RuleFixture.diagnostics(text, path: "customers/HD0001-华东云.md", configuration: configuration))
        // The default prefix no longer fits.
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.head, configuration: configuration), "invalid-id", at: (2, 5),
                        message: ["`LX2024001`", "`HD`"], hint: ["HD2024001"])
    }

    // MARK: invalid-id

    func testDashInsideTheId() {
        let text = RuleFixture.customer(set: ["id: LX-2024001"])
        RuleAssert.only(RuleFixture.diagnostics(text, path: "customers/LX-2024001-huadongyun.md"), "invalid-id", at: (2, 5),
                        message: ["id `LX-2024001` is not `LX` followed by digits"], hint: ["LX2024001"])
    }

    func testIdWithoutPrefix() {
        let text = RuleFixture.customer(set: ["id: 2024001"])
        RuleAssert.only(RuleFixture.diagnostics(text, path: "customers/2024001.md"), "invalid-id", at: (2, 5), message: ["`2024001`"])
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

    // MARK: file-name-mismatch

    func testFileNamedAfterAnotherId() {
        let path = "customers/LX2024002-huadongyun.md"
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.head, path: path), "file-name-mismatch", at: (2, 5),
                        message: ["`LX2024002-huadongyun.md`", "`LX2024001`"], hint: ["LX2024001-<short name>.md", "git mv"], path: path)
    }

    func testFileNameWithALongerNumberIsNotAMatch() {
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.head, path: "customers/LX20240012.md"), "file-name-mismatch", at: (2, 5))
    }

    func testFileNamedByTheCompanyOnly() {
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.head, path: "customers/华东云科技.md"), "file-name-mismatch", at: (2, 5),
                        message: ["`华东云科技.md`"])
    }
}

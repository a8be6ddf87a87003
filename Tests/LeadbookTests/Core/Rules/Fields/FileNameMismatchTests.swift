import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// file-name-mismatch: a customer file's name begins with its id, then `-`, `_` or `.`.
final class FileNameMismatchTests: XCTestCase {
    func testMatchingIdAndFileNamesAreClean() {
        for path in ["customers/LX2024001-huadongyun.md", "customers/LX2024001.md", "customers/LX2024001_华东云.md",
                     "customers/华东/LX2024001-华东云.md"] {
            RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.head, path: path))
        }
    }

    func testFileNamedAfterAnotherId() {
        let path = "customers/LX2024002-huadongyun.md"
        RuleAssert.one(RuleFixture.diagnostics(RuleFixture.head, path: path), "file-name-mismatch", at: (2, 5),
                       says: "file name `LX2024002-huadongyun.md` does not begin with the id `LX2024001`",
                       hint: "rename the file to `LX2024001-<short name>.md` (git mv keeps its history), or fix the id", path: path)
    }

    func testFileNameWithALongerNumberIsNotAMatch() {
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.head, path: "customers/LX20240012.md"), "file-name-mismatch", at: (2, 5))
    }

    func testFileNamedByTheCompanyOnly() {
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.head, path: "customers/华东云科技.md"), "file-name-mismatch", at: (2, 5),
                        message: ["`华东云科技.md`"])
    }
}

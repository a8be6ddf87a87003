import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// file-too-large: a customer file over 16 MB is not read.
final class FileTooLargeTests: RuleWorkspaceTestCase {

    /// The file of `RuleFixture.head` with a body of notes making it `size` bytes.
    func customer(size: Int) -> [UInt8] {
        let head = Array((RuleFixture.head + "\n").utf8)
        let line = Array("备注: 客户关心交付周期。\n".utf8)
        var bytes = head
        while bytes.count + line.count <= size { bytes += line }
        return bytes
    }

    func testAFileOfSomeMegabytesIsRead() throws {
        try workspace.write("customers/LX2024001-huadongyun.md", bytes: customer(size: 3 * 1024 * 1024))
        RuleAssert.clean(workspace.check())
    }

    func testAFileOverSixteenMegabytes() throws {
        try workspace.write("customers/LX2024001-huadongyun.md", bytes: customer(size: 18 * 1024 * 1024))
        RuleAssert.one(workspace.check(), "file-too-large", at: (1, 1), says: "the file is 17 MB; customer files are at most 16 MB",
                       hint: "move attachments and pasted data out of the file (link to them instead)",
                       path: "customers/LX2024001-huadongyun.md")
    }

    /// Just over the limit, the size rounded down would be the limit itself.
    func testAFileJustOverSixteenMegabytesSaysMoreThan() throws {
        var bytes = customer(size: 16 * 1024 * 1024)
        bytes += Array(repeating: UInt8(ascii: "x"), count: 16 * 1024 * 1024 + 10 - bytes.count)
        try workspace.write("customers/LX2024001-huadongyun.md", bytes: bytes)
        RuleAssert.one(workspace.check(), "file-too-large", at: (1, 1), says: "the file is more than 16 MB; customer files are at most 16 MB",
                       hint: "move attachments and pasted data out of the file (link to them instead)",
                       path: "customers/LX2024001-huadongyun.md")
    }
}

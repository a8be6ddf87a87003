import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class AtomicFileTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-atomic-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    func testCreatesAFileAndLeavesNoTemporaryFile() throws {
        let path = folder + "/LX2024001-星辰.md"
        let bytes = Array("---\nid: LX2024001\n---\r\n客户\n".utf8)
        try AtomicFile.write(bytes, to: path)
        XCTAssertEqual(contents(path), bytes)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["LX2024001-星辰.md"])
    }

    func testReplacesAnOldFileWholeAndKeepsItsPermissions() throws {
        let path = folder + "/a.md"
        try AtomicFile.write(Array(repeating: UInt8(ascii: "a"), count: 100_000), to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicFile.write(Array("short\n".utf8), to: path)
        XCTAssertEqual(contents(path), Array("short\n".utf8))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(permissions, 0o600)
        try AtomicFile.write([], to: path)
        XCTAssertEqual(contents(path), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["a.md"])
    }

    func testAMissingFolderIsAnErrorNamingThePath() throws {
        let path = folder + "/missing/a.md"
        XCTAssertThrowsError(try AtomicFile.write(Array("x".utf8), to: path)) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot write \(path): "), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    }

    /// The temporary file a write makes is known again by its name (the next writer removes
    /// those a killed write left); other hidden files are not.
    func testTheTemporaryFileOfAWriteIsKnownByItsName() {
        for name in ["LX2024001-星辰.md", "INDEX.md", "a.leadbook-x.md"] {
            XCTAssertEqual(AtomicFile.original(ofTemporary: AtomicFile.temporaryName(name)), name)
        }
        XCTAssertEqual(AtomicFile.original(ofTemporary: ".LX2024001-a.md.leadbook-3k9x2f1.tmp"), "LX2024001-a.md")
        for name in [".LX2024001-a.md.swp", ".leadbook-abc.tmp", "LX2024001-a.md.leadbook-abc.tmp", ".a.md.leadbook-.tmp",
                     ".a.md.leadbook-ABC.tmp", ".a.md.tmp", ".#a.md"] {
            XCTAssertNil(AtomicFile.original(ofTemporary: name), name)
        }
    }
}

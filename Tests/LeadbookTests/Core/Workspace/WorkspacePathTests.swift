import Foundation
import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// Where a workspace path really is: links inside the workspace followed, a link out of it (or
/// to nothing) named.
final class WorkspacePathTests: XCTestCase {
    private var root = ""
    private var outside = ""

    override func setUpWithError() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-paths-" + UUID().uuidString).path
        root = (FileAccess.resolve(FileManager.default.temporaryDirectory.path) ?? "") + "/" + WorkspacePath.fileName(base) + "-ws"
        outside = root + "-outside"
        for folder in [root + "/customers", root + "/shared", outside] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
        try? FileManager.default.removeItem(atPath: outside)
    }

    func testAPathWithoutLinksIsItself() {
        XCTAssertEqual(try WorkspacePath.resolve("customers/LX2024001-a.md", root: root).get(), root + "/customers/LX2024001-a.md")
        XCTAssertEqual(try WorkspacePath.resolve("index/张伟.md", root: root).get(), root + "/index/张伟.md", "parts not there yet are kept")
        XCTAssertEqual(try WorkspacePath.resolve("", root: root).get(), root)
    }

    func testALinkInsideTheWorkspaceIsFollowed() throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/docs", withDestinationPath: "shared")
        try FileManager.default.createSymbolicLink(atPath: root + "/customers/LX2024001-a.md", withDestinationPath: "../shared/a.md")
        XCTAssertTrue(FileManager.default.createFile(atPath: root + "/shared/a.md", contents: Data("x".utf8)))
        XCTAssertEqual(try WorkspacePath.resolve("docs/INDEX.md", root: root).get(), root + "/shared/INDEX.md")
        XCTAssertEqual(try WorkspacePath.resolve("customers/LX2024001-a.md", root: root).get(), root + "/shared/a.md")
    }

    func testALinkOutOfTheWorkspaceIsNamed() throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/docs", withDestinationPath: outside)
        XCTAssertThrowsError(try WorkspacePath.resolve("docs/INDEX.md", root: root).get()) { error in
            XCTAssertEqual(error as? WorkspacePath.Escape, WorkspacePath.Escape(link: "docs", leadsTo: outside, resolved: outside))
            XCTAssertEqual((error as? WorkspacePath.Escape)?.words.text,
                           "`docs` is a link to \(outside), outside the workspace; leadbook neither reads nor writes through it")
        }
        // A relative link that climbs out, under a folder.
        try FileManager.default.createSymbolicLink(atPath: root + "/shared/up", withDestinationPath: "../..")
        XCTAssertEqual((try? WorkspacePath.resolve("shared/up/x.md", root: root).get()), nil)
    }

    /// A link to nothing outside is outside; one to nothing inside leads nowhere: both refused.
    func testALinkToNothingIsNamed() throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/INDEX.md", withDestinationPath: outside + "/gone.md")
        try FileManager.default.createSymbolicLink(atPath: root + "/shared/b.md", withDestinationPath: "missing.md")
        XCTAssertThrowsError(try WorkspacePath.resolve("INDEX.md", root: root).get()) { error in
            XCTAssertEqual((error as? WorkspacePath.Escape)?.words.text,
                           "`INDEX.md` is a link to \(outside)/gone.md, outside the workspace; leadbook neither reads nor writes through it")
        }
        XCTAssertThrowsError(try WorkspacePath.resolve("shared/b.md", root: root).get()) { error in
            XCTAssertEqual((error as? WorkspacePath.Escape)?.words.text,
                           "`shared/b.md` is a link to missing.md, which does not exist (or a loop of links); leadbook neither reads nor writes through it")
        }
    }
}

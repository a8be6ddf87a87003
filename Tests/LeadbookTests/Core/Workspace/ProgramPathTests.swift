import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class ProgramPathTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-path-" + UUID().uuidString).path
        for folder in ["a", "b", "c"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    private func place(_ path: String, executable: Bool) throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("#!/bin/sh\n".utf8)))
        try FileManager.default.setAttributes([.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: path)
    }

    func testTheFirstExecutableOnThePathWins() throws {
        try place(root + "/a/git", executable: false)
        try place(root + "/b/git", executable: true)
        try place(root + "/c/git", executable: true)
        let path = [root + "/a", "", root + "/b", root + "/c"].joined(separator: String(ProgramPath.separator))
        XCTAssertEqual(ProgramPath.first("git", path: path), root + "/b/git")
        XCTAssertNil(ProgramPath.first("leadbook", path: path))
        XCTAssertNil(ProgramPath.first("git", path: ""))
    }

    func testGitHonoursTheOverrideThenThePath() throws {
        try place(root + "/c/git", executable: true)
        XCTAssertEqual(Git.executable(["PATH": root + "/a" + String(ProgramPath.separator) + root + "/c"])?.path, root + "/c/git")
        XCTAssertEqual(Git.executable(["PATH": root + "/c", "LEADBOOK_GIT": "/opt/git/bin/git"])?.path, "/opt/git/bin/git")
        XCTAssertNil(Git.executable(["PATH": root + "/a"]))
    }
}

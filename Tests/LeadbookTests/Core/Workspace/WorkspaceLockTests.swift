import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class WorkspaceLockTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-lock-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    func testSecondHolderWaitsAndGivesUpWhileTheFirstHoldsTheLock() throws {
        let first = try WorkspaceLock(root: root)
        let started = Date()
        XCTAssertThrowsError(try WorkspaceLock(root: root, timeout: 0.2)) { error in
            XCTAssertTrue(error is WorkspaceLock.Busy, "\(error)")
            XCTAssertTrue("\(error)".contains(".leadbook/lock"), "\(error)")
        }
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.2)
        first.release()
        let second = try WorkspaceLock(root: root, timeout: 0)
        second.release()
    }

    func testAWaitingHolderGetsTheLockWhenItIsReleased() throws {
        let first = try WorkspaceLock(root: root)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { first.release() }
        let second = try WorkspaceLock(root: root, timeout: 5)
        second.release()
    }

    func testTheLockEndsWithItsHolder() throws {
        do { _ = try WorkspaceLock(root: root) }
        let next = try WorkspaceLock(root: root, timeout: 0)
        next.release()
        next.release()
    }

    func testAWorkspaceThatIsAFileCannotBeLocked() throws {
        let file = root + "/not-a-folder"
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        XCTAssertThrowsError(try WorkspaceLock(root: file, timeout: 0)) { error in
            XCTAssertTrue(error is WorkspaceLock.Unavailable, "\(error)")
            XCTAssertTrue("\(error)".hasPrefix("cannot open the workspace lock \(file)/.leadbook/lock: "), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "x")
    }

    /// `.leadbook/lock` a link out of the workspace: no lock file is made there.
    func testALockLinkedOutOfTheWorkspaceIsRefused() throws {
        let outside = root + "-outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createDirectory(atPath: root + "/.leadbook", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/.leadbook/lock", withDestinationPath: outside + "/lock")
        XCTAssertThrowsError(try WorkspaceLock(root: root, timeout: 0)) { error in
            XCTAssertTrue(error is WorkspaceLock.Unavailable, "\(error)")
            XCTAssertEqual("\(error)", "cannot open the workspace lock \(root)/.leadbook/lock: `.leadbook/lock` is a link to \(outside)/lock, "
                           + "outside the workspace; leadbook neither reads nor writes through it")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside), [])
    }
}

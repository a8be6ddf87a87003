import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `GitRevision`: the customer files at a commit, read through one `git cat-file --batch`.
final class GitRevisionTests: XCTestCase {
    /// A repository `ws` with three committed customer files of 100 KB each (more than a pipe holds).
    func repository() throws -> (GitSandbox, [String: String], [String: [UInt8]]) {
        let box = try GitSandbox()
        guard GitSandbox.gitExecutable != nil else { throw XCTSkip("git is not installed") }
        try FileManager.default.createDirectory(at: box.url("ws"), withIntermediateDirectories: true)
        try box.git(["init", "-q"])
        var contents: [String: [UInt8]] = [:]
        for (index, name) in ["a", "b", "c"].enumerated() {
            let text = "---\nid: LX202400\(index + 1)\n---\n" + String(repeating: "\(name) 跟进\n", count: 10_000)
            try box.write("ws/customers/\(name).md", text)
            contents["customers/\(name).md"] = Array(text.utf8)
        }
        try box.write("ws/customers/.hidden.md", "---\nid: LX2024009\n---\n")
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "start"])
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in box.environment { environment[key] = value }
        return (box, environment, contents)
    }

    func testFilesAtACommitAreReadInBatches() throws {
        let (box, environment, contents) = try repository()
        let root = box.url("ws").path
        guard case .success(let commit) = GitRevision.commit("HEAD", root: root, environment: environment) else {
            return XCTFail("no commit for HEAD")
        }
        XCTAssertEqual(commit.count, 40)
        guard case .success(let files) = GitRevision.files(at: commit, folder: "customers", root: root, environment: environment) else {
            return XCTFail("no files")
        }
        XCTAssertEqual(files.map(\.path), ["customers/a.md", "customers/b.md", "customers/c.md"])
        var batches: [[String]] = []
        let read = GitRevision.read(files, root: root, environment: environment, batchSize: 2) { batch in
            batches.append(batch.map(\.path))
            for (path, bytes) in batch { XCTAssertEqual(bytes, contents[path], path) }
        }
        XCTAssertNoThrow(try read.get())
        XCTAssertEqual(batches, [["customers/a.md", "customers/b.md"], ["customers/c.md"]])
    }

    func testAMissingObjectStopsTheReadingWithItsPath() throws {
        let (box, environment, _) = try repository()
        let root = box.url("ws").path
        guard case .success(let commit) = GitRevision.commit("HEAD", root: root, environment: environment),
              case .success(var files) = GitRevision.files(at: commit, folder: "customers", root: root, environment: environment) else {
            return XCTFail("no files")
        }
        files.insert(GitRevision.File(path: "customers/gone.md", blob: String(repeating: "0", count: 40)), at: 1)
        var read: [String] = []
        let result = GitRevision.read(files, root: root, environment: environment) { batch in read += batch.map(\.path) }
        guard case .failure(let failure) = result else { return XCTFail("read a missing object") }
        XCTAssertTrue(failure.message.hasPrefix("git cat-file gave no contents for customers/gone.md"), failure.message)
        XCTAssertEqual(read, [])
    }

    func testAnUnknownRevisionAndAFolderOutsideGitAreTold() throws {
        let (box, environment, _) = try repository()
        guard case .failure(let unknown) = GitRevision.commit("no-such-tag", root: box.url("ws").path, environment: environment) else {
            return XCTFail("found no-such-tag")
        }
        XCTAssertTrue(unknown.message.hasPrefix("no commit `no-such-tag`"), unknown.message)
        let outside = box.url("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        var ceiling = environment
        ceiling["GIT_CEILING_DIRECTORIES"] = box.root.path
        guard case .failure(let failure) = GitRevision.commit("HEAD", root: outside.path, environment: ceiling) else {
            return XCTFail("found a repository")
        }
        XCTAssertTrue(failure.message.contains("is not in a git repository"), failure.message)
    }
}

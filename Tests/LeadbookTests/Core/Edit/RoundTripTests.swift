import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Reading and writing a file without changes gives the same bytes, and sync run twice
/// changes nothing the second time: for every customer file of the tests and the template,
/// and for a generated workspace.
final class RoundTripTests: XCTestCase {
    static func markdownFiles(under root: URL) -> [URL] {
        var files: [URL] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "md", (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(url)
            }
        }
        return files
    }

    func assertRoundTrip(_ files: [URL], configuration: Configuration = Configuration(), minimum: Int,
                         file: StaticString = #filePath, line: UInt = #line) throws {
        var edited = 0, synced = 0
        for url in files {
            let bytes = [UInt8](try Data(contentsOf: url))
            guard let edit = try? RecordEdit(bytes: bytes) else { continue }
            XCTAssertEqual(try edit.apply(), bytes, "\(url.path): a rewrite without changes changed bytes", file: file, line: line)
            edited += 1
            if case .changed(let change) = CustomerSync.sync(path: "customers/" + url.lastPathComponent, bytes: bytes, configuration: configuration) {
                synced += 1
                if case .changed(let again) = CustomerSync.sync(path: "customers/" + url.lastPathComponent, bytes: change.after, configuration: configuration) {
                    XCTFail("\(url.path): a second sync changed \(again.notes)", file: file, line: line)
                }
            }
        }
        XCTAssertGreaterThanOrEqual(edited, minimum, "too few customer files read", file: file, line: line)
        _ = synced
    }

    func testEveryFixtureAndTemplateFileRoundTrips() throws {
        let root = Transcript.packageRoot
        let files = Self.markdownFiles(under: root.appendingPathComponent("Tests/Fixtures"))
            + Self.markdownFiles(under: root.appendingPathComponent("template-workspace"))
        try assertRoundTrip(files, minimum: 80)
    }

    /// The benchmark's 1,000-customer workspace (seed 1), file by file. Its 10,000- and
    /// 100,000-customer workspaces get the same checks from `leadbook-bench verify`.
    func testAGeneratedWorkspaceRoundTrips() throws {
        let directory = try GeneratedWorkspace.make(customers: 1000, purpose: "roundtrip")
        defer { try? FileManager.default.removeItem(at: directory) }
        try assertRoundTrip(Self.markdownFiles(under: directory.appendingPathComponent("customers")), minimum: 1000)
    }
}

import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `leadbook init` writes files built into the binary (Sources/LeadbookCore/Workspace/
/// WorkspaceTemplate.swift), generated from Sources/LeadbookCore/Workspace/InitTemplate/ and template-workspace/. These
/// tests fail when that source is stale; LEADBOOK_RECORD=1 regenerates it.
final class WorkspaceTemplateTests: XCTestCase {
    /// The template: (file in the new workspace, file in this source tree).
    static let sources: [(path: String, source: String)] = [
        ("leadbook.yml", "Sources/LeadbookCore/Workspace/InitTemplate/leadbook.yml"),
        ("INDEX.md", "Sources/LeadbookCore/Workspace/InitTemplate/INDEX.md"),
        ("README.md", "Sources/LeadbookCore/Workspace/InitTemplate/README.md"),
        ("customers/.gitkeep", "Sources/LeadbookCore/Workspace/InitTemplate/customers/.gitkeep"),
        (".gitignore", "template-workspace/.gitignore"),
        (".gitattributes", "template-workspace/.gitattributes"),
        (".github/workflows/leadbook.yml", "template-workspace/.github/workflows/leadbook.yml"),
        (".gitlab-ci.yml", "template-workspace/.gitlab-ci.yml"),
    ]

    static var generatedURL: URL {
        Transcript.packageRoot.appendingPathComponent("Sources/LeadbookCore/Workspace/WorkspaceTemplate.swift")
    }

    static func text(_ source: String) throws -> String {
        try String(contentsOf: Transcript.packageRoot.appendingPathComponent(source), encoding: .utf8)
    }

    /// A raw string literal that holds `text` exactly.
    static func literal(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) || text.contains("\"" + hashes) { hashes += "#" }
        return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
    }

    /// The generated source.
    static func render() throws -> String {
        var output = """
        // Generated from Sources/LeadbookCore/Workspace/InitTemplate/ and template-workspace/ by
        // `LEADBOOK_RECORD=1 swift test --filter WorkspaceTemplateTests`: do not edit by hand
        // (a test fails when this file no longer matches those files).

        /// The files `leadbook init` writes into a new workspace, built into the binary so that an
        /// installed leadbook needs no source tree.
        public enum WorkspaceTemplate {
            public struct File: Sendable {
                /// Where the file goes in the new workspace.
                public let path: String
                /// Where it comes from in leadbook's source tree.
                public let source: String
                public let text: String
            }

            public static let files: [File] = [

        """
        for (path, source) in sources {
            output += "File(path: \"\(path)\", source: \"\(source)\", text: \(literal(try text(source)))),\n"
        }
        output += "]\n}\n"
        return output
    }

    func testTheGeneratedSourceIsCurrent() throws {
        let generated = try Self.render()
        if Transcript.recording {
            try generated.write(to: Self.generatedURL, atomically: true, encoding: .utf8)
            return
        }
        let onDisk = try String(contentsOf: Self.generatedURL, encoding: .utf8)
        XCTAssertEqual(onDisk, generated,
                       "WorkspaceTemplate.swift is stale: run `LEADBOOK_RECORD=1 swift test --filter WorkspaceTemplateTests`")
    }

    /// What the binary holds is byte for byte what the template files say.
    func testTheBuiltInFilesEqualTheTemplateFiles() throws {
        XCTAssertEqual(WorkspaceTemplate.files.map(\.path), Self.sources.map(\.path))
        for file in WorkspaceTemplate.files {
            XCTAssertEqual(file.text, try Self.text(file.source),
                           "\(file.source) changed: run `LEADBOOK_RECORD=1 swift test --filter WorkspaceTemplateTests`")
        }
    }

    /// `init` in a folder whose `customers` and .gitignore are links out of it writes nothing
    /// through them (not even the line the .gitignore lacks) and says so.
    func testInitWritesNothingThroughALinkOutOfTheFolder() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-init-" + UUID().uuidString)
        let folder = base.appendingPathComponent("ws"), outside = base.appendingPathComponent("outside")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "*.key\n".write(to: outside.appendingPathComponent("ignore"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("customers").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(".gitignore").path,
                                                   withDestinationPath: outside.appendingPathComponent("ignore").path)
        let outcome = try WorkspaceInit.create(at: folder.path)
        let link = "outside the workspace; leadbook neither reads nor writes through it"
        XCTAssertTrue(outcome.notes.map(\.en).contains("customers/.gitkeep not written: `customers` is a link to \(outside.path), \(link)"), "\(outcome.notes)")
        XCTAssertTrue(outcome.notes.map(\.en).contains(".gitignore not written: `.gitignore` is a link to \(outside.path)/ignore, \(link)"), "\(outcome.notes)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), ["ignore"])
        XCTAssertEqual(try String(contentsOf: outside.appendingPathComponent("ignore"), encoding: .utf8), "*.key\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("leadbook.yml").path))
    }
}

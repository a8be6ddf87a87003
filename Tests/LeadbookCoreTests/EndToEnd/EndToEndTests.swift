import Foundation
import XCTest
@testable import LeadbookCore

/// The built executable on small workspaces, compared with recorded transcripts.
final class EndToEndTests: XCTestCase {
    func testPlantedErrorsAreEachReportedAtTheirLine() throws {
        try Transcript.check("planted-errors")
    }

    func testATrickyButCleanWorkspacePasses() throws {
        try Transcript.check("tricky-clean")
    }

    /// sync, explain, assign and agenda; the tree after them is compared byte for byte.
    func testGradingAssignmentAndAgenda() throws {
        try Transcript.check("grading")
    }

    func testCLIUsage() throws {
        try Transcript.check("cli-usage")
    }

    /// The text, JSON and GitHub outputs carry the same findings (file, line, column, rule).
    func testTheThreeFormatsCarryTheSameFindings() throws {
        let workspace = try Transcript.copy(Transcript.fixtures.appendingPathComponent("planted-errors/workspace"))
        defer { try? FileManager.default.removeItem(at: workspace) }
        let text = try Transcript.run(["check"], in: workspace).stdout
        let json = try Transcript.run(["check", "--format", "json"], in: workspace).stdout
        let github = try Transcript.run(["check", "--format", "github"], in: workspace).stdout

        var fromText: [String] = []
        for line in text.split(separator: "\n") where line.contains(": error[") || line.contains(": warning[") {
            let parts = line.split(separator: ":", maxSplits: 3)
            let rule = line[line.range(of: "[")!.upperBound..<line.range(of: "]")!.lowerBound]
            fromText.append("\(parts[0]):\(parts[1]):\(parts[2]):\(rule)")
        }
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let fromJSON = (decoded["diagnostics"] as! [[String: Any]]).map {
            "\($0["file"]!):\($0["line"]!):\($0["column"]!):\($0["rule"]!)"
        }
        var fromGitHub: [String] = []
        for line in github.split(separator: "\n") {
            let properties = line.split(separator: " ", maxSplits: 1)[1].split(separator: ":")[0]
            var values: [String: String] = [:]
            for property in properties.split(separator: ",") {
                let pair = property.split(separator: "=", maxSplits: 1)
                values[String(pair[0])] = String(pair[1])
            }
            fromGitHub.append("\(values["file"]!):\(values["line"]!):\(values["col"]!):\(values["title"]!)")
        }
        XCTAssertGreaterThan(fromText.count, 30)
        XCTAssertEqual(fromText, fromJSON)
        XCTAssertEqual(fromText, fromGitHub)
        XCTAssertEqual(decoded["errors"] as? Int, fromText.count - (decoded["warnings"] as! Int))
    }

    func testTheTemplateWorkspacePasses() throws {
        let run = try Transcript.run(["check", "-C", Transcript.packageRoot.appendingPathComponent("template-workspace").path],
                                     in: Transcript.packageRoot)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasSuffix("0 errors, 0 warnings in \(try templateFileCount()) files\n"), run.stdout)
    }

    func templateFileCount() throws -> Int {
        let root = Transcript.packageRoot.appendingPathComponent("template-workspace")
        let enumerator = FileManager.default.enumerator(atPath: root.appendingPathComponent("customers").path)!
        var count = 1  // leadbook.yml
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("INDEX.md").path) { count += 1 }
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".md") { count += 1 }
        }
        return count
    }
}

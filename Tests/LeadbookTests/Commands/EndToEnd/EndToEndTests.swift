import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

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

    /// Two customers with one id (after merging two branches): found, then renumbered; the
    /// tree afterwards is compared byte for byte.
    func testIdCollisionAndRenumber() throws {
        try Transcript.check("id-collision")
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

        // GitLab Code Quality: the same findings (it has no column), each with its own fingerprint.
        let gitlab = try Transcript.run(["check", "--format", "gitlab"], in: workspace)
        XCTAssertEqual(gitlab.status, 1)
        let issues = try JSONSerialization.jsonObject(with: Data(gitlab.stdout.utf8)) as! [[String: Any]]
        let fromGitLab = issues.map { issue -> String in
            let location = issue["location"] as! [String: Any]
            let lines = location["lines"] as! [String: Any]
            return "\(location["path"]!):\(lines["begin"]!):\(issue["check_name"]!)"
        }
        XCTAssertEqual(fromGitLab, fromText.map { line in
            let parts = line.split(separator: ":")
            return "\(parts[0]):\(parts[1]):\(parts[3])"
        })
        let fingerprints = issues.map { $0["fingerprint"] as! String }
        XCTAssertEqual(Set(fingerprints).count, fingerprints.count, "fingerprints are unique")
        XCTAssertTrue(fingerprints.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
        XCTAssertEqual(Set(issues.map { $0["severity"] as! String }), ["major", "minor"])
        XCTAssertTrue(issues.allSatisfy { ($0["description"] as? String)?.isEmpty == false })
        // Stable: the same run gives the same fingerprints.
        let again = try Transcript.run(["check", "--format", "gitlab"], in: workspace)
        XCTAssertEqual(again.stdout, gitlab.stdout)
    }

    /// A fingerprint does not move when lines are added above the finding.
    func testGitLabFingerprintsIgnoreLineNumbers() {
        let first = Diagnostic(file: "customers/a.md", line: 3, column: 1, rule: StaleGrade.rule, message: "grade is A", hint: "")
        var moved = first
        moved.line = 10
        let one = DiagnosticReport.gitlab(CheckReport(files: 1, diagnostics: [first]))
        let two = DiagnosticReport.gitlab(CheckReport(files: 1, diagnostics: [moved]))
        XCTAssertNotEqual(one, two)
        XCTAssertEqual(one.replacingOccurrences(of: "\"begin\": 3", with: "\"begin\": 10"), two)
        let twice = DiagnosticReport.gitlab(CheckReport(files: 1, diagnostics: [first, moved]))
        XCTAssertEqual(twice.components(separatedBy: "fingerprint").count, 3)
        XCTAssertTrue(DiagnosticReport.gitlab(CheckReport(files: 1, diagnostics: [first]), pathPrefix: "leads/").contains("\"path\": \"leads/customers/a.md\""))
        XCTAssertEqual(DiagnosticReport.gitlab(CheckReport(files: 0, diagnostics: [])), "[]\n")
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

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

    /// What each file of planted-errors plants, as the rules of its findings in the order they
    /// are reported. One finding per file, except where the planted kind needs several lines
    /// (two to-dos, a feedback entry) or sits in leadbook.yml; the two LX2024017 files plant
    /// duplicate-id across each other, and the clean file plants nothing.
    static let planted: [String: [String]] = [
        "customers/LX-2024-019.md": ["invalid-id"],
        "customers/LX2024001-clean.md": [],
        "customers/LX2024002-anchor.md": ["yaml-unsupported"],
        "customers/LX2024003-tab.md": ["yaml-tab-indent"],
        "customers/LX2024004-dupkey.md": ["duplicate-key"],
        "customers/LX2024005-flow.md": ["yaml-unsupported"],
        "customers/LX2024006-unclosed.md": ["unclosed-front-matter"],
        "customers/LX2024007-missing.md": ["missing-field"],
        "customers/LX2024008-type.md": ["wrong-type"],
        "customers/LX2024009-status.md": ["unknown-status"],
        "customers/LX2024010-range.md": ["out-of-range"],
        "customers/LX2024011-date.md": ["invalid-date"],
        "customers/LX2024012-owner.md": ["unknown-owner"],
        "customers/LX2024013-won.md": ["missing-deal"],
        "customers/LX2024014-lost.md": ["missing-lost-reason"],
        "customers/LX2024015-merged.md": ["unknown-merge-target"],
        "customers/LX2024016-unknown.md": ["unknown-field"],
        "customers/LX2024017-name-a.md": ["duplicate-id"],
        "customers/LX2024017-name-b.md": ["duplicate-id"],
        "customers/LX2024018-wrong-file.md": ["file-name-mismatch"],
        "customers/LX2024020-heading.md": ["bad-entry-heading"],
        "customers/LX2024021-channel.md": ["unknown-channel"],
        "customers/LX2024022-mood.md": ["unknown-mood"],
        "customers/LX2024023-logstatus.md": ["unknown-status"],
        "customers/LX2024024-order.md": ["entry-order"],
        "customers/LX2024025-todo.md": ["todo-without-date", "todo-without-date"],
        "customers/LX2024026-feedback.md": ["unknown-feedback-type", "unknown-priority", "unknown-handling", "invalid-date"],
        "customers/LX2024027-sections.md": ["duplicate-section"],
        "customers/LX2024028-entrykey.md": ["unknown-entry-key"],
        "customers/LX2024029-empty.md": ["empty-file"],
        "customers/LX2024030-gbk.md": ["invalid-utf8"],
        "customers/README.md": ["no-front-matter"],
        "customers/archive.md": ["not-a-file"],  // a folder: found by the whole check only
        "leadbook.yml": ["unknown-mentor", "unknown-team-role", "unknown-field"],
    ]

    /// `check --format json` as (file, rule) pairs, in the order reported.
    func findings(_ arguments: [String], in workspace: URL) throws -> [(file: String, rule: String)] {
        let run = try Transcript.run(["check", "--format", "json"] + arguments, in: workspace)
        let decoded = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let diagnostics = try XCTUnwrap(decoded?["diagnostics"] as? [[String: Any]], run.stdout + run.stderr)
        return diagnostics.map { ("\($0["file"]!)", "\($0["rule"]!)") }
    }

    /// Each file of planted-errors, checked alone, gives its planted findings and nothing
    /// else; the whole workspace gives all of them and nothing else. An unplanned finding (a
    /// stale grade, a derived value, two customers that look alike) fails here.
    func testEachPlantedFileGivesOnlyItsPlantedFindings() throws {
        let source = Transcript.fixtures.appendingPathComponent("planted-errors/workspace")
        let workspace = try Transcript.copy(source)
        defer { try? FileManager.default.removeItem(at: workspace) }

        var checked: [String] = ["leadbook.yml"]
        for name in try FileManager.default.contentsOfDirectory(atPath: source.appendingPathComponent("customers").path) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: source.appendingPathComponent("customers/" + name).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { checked.append("customers/" + name) }
        }
        XCTAssertEqual(Set(checked), Set(Self.planted.keys).subtracting(["customers/archive.md"]), "the table names every file")
        for file in checked.sorted() {
            guard let rules = Self.planted[file] else {
                XCTFail("\(file) is not in the table of planted findings")
                continue
            }
            let found = try findings([file], in: workspace)
            XCTAssertEqual(found.map(\.rule), rules, "check \(file)")
            XCTAssertEqual(Set(found.map(\.file)), rules.isEmpty ? [] : [file], "check \(file) reports on that file only")
        }

        let all = try findings([], in: workspace)
        XCTAssertEqual(Set(all.map(\.file)), Set(Self.planted.filter { !$0.value.isEmpty }.keys), "files with findings")
        for (file, rules) in Self.planted {
            XCTAssertEqual(all.filter { $0.file == file }.map(\.rule), rules, "check: findings on \(file)")
        }
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

    /// show, explain, agenda (text, Markdown, JSON) and dupes in Chinese: labels, values by
    /// their Chinese names, agenda lines fitted to 100 columns.
    func testViewsInChinese() throws {
        try Transcript.check("views-zh")
    }

    /// The same views of the same workspace in English.
    func testViewsInEnglish() throws {
        try Transcript.check("views-en")
    }

    /// Rhythms, plan time points, stage limits and follow-ups per stage in check, explain and
    /// agenda, in English and Chinese.
    func testRhythmsPlanPointsAndStages() throws {
        try Transcript.check("follow-through")
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
        let first = Diagnostic(file: "customers/a.md", line: 3, column: 1, rule: StaleGrade.rule, message: Phrase("grade is A", "级别为 A"), hint: .empty)
        var moved = first
        moved.line = 10
        let one = DiagnosticReport.gitlab(CheckReport(files: 1, diagnostics: [first]), language: .en)
        let two = DiagnosticReport.gitlab(CheckReport(files: 1, diagnostics: [moved]), language: .en)
        XCTAssertNotEqual(one, two)
        XCTAssertEqual(one.replacingOccurrences(of: "\"begin\": 3", with: "\"begin\": 10"), two)
        let twice = DiagnosticReport.gitlab(CheckReport(files: 1, diagnostics: [first, moved]), language: .en)
        XCTAssertEqual(twice.components(separatedBy: "fingerprint").count, 3)
        XCTAssertTrue(DiagnosticReport.gitlab(CheckReport(files: 1, diagnostics: [first]), pathPrefix: "leads/", language: .en).contains("\"path\": \"leads/customers/a.md\""))
        XCTAssertEqual(DiagnosticReport.gitlab(CheckReport(files: 0, diagnostics: []), language: .en), "[]\n")
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

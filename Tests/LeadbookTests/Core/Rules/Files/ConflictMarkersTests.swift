import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// conflict-markers: the `<<<<<<<`, `=======`, `>>>>>>>` lines a git merge leaves are an error
/// at the first marker's line, and the file is not read further.
final class ConflictMarkersTests: XCTestCase {
    static let hint = "keep the right lines (ask the other rep when unsure), delete the marker lines, then `leadbook check` and `git add` the file"

    /// Body lines: 9 blank, 10 `## Follow-ups`, 11 blank, 12 the heading, 13 `<<<<<<< ours`,
    /// 14 ours, 15 `=======`, 16 theirs, 17 `>>>>>>> theirs`.
    let conflictInAnEntry = RuleFixture.followUp("2024-03-02 phone 张伟", [
        "<<<<<<< ours", "- background: 预算 20 万", "=======", "- background: 预算 25 万", ">>>>>>> theirs",
    ])

    func testAConflictInALogEntry() {
        RuleAssert.one(RuleFixture.diagnostics(conflictInAnEntry), "conflict-markers", at: (13, 1),
                       says: "a git merge left a conflict here: ours up to the `=======` on line 15, theirs up to the `>>>>>>>` on line 17",
                       hint: Self.hint)
    }

    /// In the front matter the markers are the problem, not the YAML they break.
    func testAConflictInTheFrontMatterIsNotAYAMLError() {
        let text = RuleFixture.customer(set: ["status: qualified"]).replacingOccurrences(
            of: "status: qualified\n", with: "<<<<<<< ours\nstatus: qualified\n=======\nstatus: proposal\n>>>>>>> theirs\n")
        RuleAssert.one(RuleFixture.diagnostics(text), "conflict-markers", at: (7, 1),
                       says: "a git merge left a conflict here: ours up to the `=======` on line 9, theirs up to the `>>>>>>>` on line 11",
                       hint: Self.hint)
        // CRLF and the diff3 style (`|||||||` and the common version) too.
        let diff3 = text.replacingOccurrences(of: "=======\n", with: "||||||| base\nstatus: contacted\n=======\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        RuleAssert.one(RuleFixture.diagnostics(diff3), "conflict-markers", at: (7, 1),
                       says: "a git merge left a conflict here: ours up to the `=======` on line 11, theirs up to the `>>>>>>>` on line 13",
                       hint: Self.hint)
    }

    func testEachConflictAndStrayMarkers() {
        let text = RuleFixture.customer(body: """

            ## Follow-ups

            <<<<<<< ours
            ### 2024-03-02 phone 张伟
            =======
            ### 2024-03-02 email 张伟
            >>>>>>> theirs
            - background: x
            >>>>>>> theirs
            <<<<<<< HEAD
            - background: y

            """)
        RuleAssert.rules(RuleFixture.diagnostics(text), [("conflict-markers", 12, 1), ("conflict-markers", 18, 1), ("conflict-markers", 19, 1)])
        let messages = RuleFixture.diagnostics(text).sorted(by: Diagnostic.ordered).map(\.message)
        XCTAssertEqual(messages.dropFirst(), [
            "a git merge left a conflict marker `>>>>>>>` here, with no `<<<<<<<` line before it",
            "a git merge left a conflict marker `<<<<<<<` here, with no `>>>>>>>` line after it",
        ])
    }

    /// Lines that only look like markers: a Markdown heading underline, more or fewer than
    /// seven, a marker character followed by text, a marker inside a line.
    func testLookAlikesAreText() {
        let text = RuleFixture.customer(body: """

            客户备注
            =======

            <<<<<<<<不是标记
            >>>>>> 六个
            ======= 后面有字
            - 备注: <<<<<<< ours

            ## Follow-ups

            ### 2024-03-02 phone 张伟
            - background: x

            """)
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }

    /// A marker is looked for only where seven `<` or `>` stand in a row: one on the last
    /// line without a line end, and one after runs of six, are still found.
    func testAMarkerAtTheEndOfTheFileAndAfterShorterRuns() {
        let text = RuleFixture.customer(body: "\n<<<<<< 六个 >>>>>> 六个 <<<<<<\n>>>>>>>")
        RuleAssert.rules(RuleFixture.diagnostics(text), [("conflict-markers", 11, 1)])
        let buffer = Array("ab<<<<<<c<<<<<<<".utf8)
        buffer.withUnsafeBufferPointer { bytes in
            XCTAssertTrue(ConflictMarkers.hasRun(of: ASCII.less, bytes))
            XCTAssertFalse(ConflictMarkers.hasRun(of: ASCII.less, UnsafeBufferPointer(rebasing: bytes[0..<15])))
            XCTAssertFalse(ConflictMarkers.hasRun(of: ASCII.greater, bytes))
        }
    }

    /// `show` (and every command that reads one customer) refuses the file with the diagnostic.
    func testShowRefusesTheFile() throws {
        let workspace = try RuleTemporaryWorkspace()
        defer { workspace.remove() }
        try workspace.write("leadbook.yml", "language: en\n")
        try workspace.write(RuleFixture.path, conflictInAnEntry)
        for arguments in [["show", "LX2024001"], ["log", "LX2024001", "--channel", "phone", "--at", "2024-03-05 10:00"]] {
            let console = RecordingConsole()
            let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: workspace.root)
            XCTAssertNotEqual(LeadbookCommandLine.run(arguments + ["-C", workspace.root], context), .ok)
            XCTAssertEqual(console.output, "")
            XCTAssertTrue(console.errors.contains("\(RuleFixture.path), the file of customer LX2024001, cannot be read as a customer until its errors are fixed:\n"
                                                  + "\(RuleFixture.path):13:1: error[conflict-markers]: a git merge left a conflict here"), console.errors)
        }
        XCTAssertEqual(try String(contentsOfFile: workspace.root + "/" + RuleFixture.path, encoding: .utf8), conflictInAnEntry, "nothing written")
    }
}

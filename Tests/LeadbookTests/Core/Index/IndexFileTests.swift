import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Rewriting an index file between its markers, and checking it against the customer files.
final class IndexFileTests: XCTestCase {
    var assembly: IndexAssembly!
    var fingerprints: IndexAssembly!

    override func setUp() {
        assembly = IndexFixture.assembly()
        fingerprints = IndexFixture.assembly(keepText: false)
    }

    func rewrite(_ text: String, _ assembly: IndexAssembly? = nil) -> IndexFile.Rewrite {
        IndexFile.rewrite(Array(text.utf8), assembly ?? self.assembly)
    }

    func written(_ text: String) -> String {
        guard case .changed(let bytes, _) = rewrite(text) else {
            XCTFail("expected a change")
            return text
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-index-\(UUID().uuidString).md")
        try Data(text.utf8).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func verify(_ text: String, _ assembly: IndexAssembly? = nil) throws -> IndexFile.Status {
        switch IndexFile.verify(path: try temporaryFile(text), assembly ?? fingerprints) {
        case .success(let status): return status
        case .failure(let error): throw error
        }
    }

    var fullDocument: String { String(decoding: assembly.document(), as: UTF8.self) }

    // MARK: Writing

    func testANewDocumentHasEveryTableUnderItsHeading() throws {
        let document = fullDocument
        XCTAssertTrue(document.hasPrefix("# 客户索引\n\n本文件由 `leadbook index`"))
        var position = document.startIndex
        for table in IndexTable.allCases {
            let heading = document.range(of: "\n## \(table.title(.zhCN))\n\n<!-- leadbook:begin \(table.rawValue) -->\n", range: position..<document.endIndex)
            XCTAssertNotNil(heading, table.rawValue)
            position = heading?.upperBound ?? position
            XCTAssertNotNil(document.range(of: "<!-- leadbook:end \(table.rawValue) -->\n", range: position..<document.endIndex))
        }
        guard case .unchanged = rewrite(document) else { return XCTFail("a new document is current") }
        XCTAssertTrue(try verify(document).isCurrent)
    }

    func testTextOutsideTheMarkersSurvivesByteForByte() throws {
        let team = "\u{FEFF}# 华东组索引\r\n\r\n自己写的说明，含 | 和 <b>。\r\n"
        let between = "\r\n中间的备注\r\n\r\n  <!-- 不是标记 -->\r\n"
        let tail = "\r\n最后一行没有换行"
        let stale = team + "<!-- leadbook:begin leads -->\r\n| 旧的 |\r\n<!-- leadbook:end leads -->" + between
            + "<!-- leadbook:begin  follow-ups  -->\r\nold\r\n<!-- leadbook:end follow-ups -->" + tail
        let output = written(stale)
        XCTAssertTrue(output.hasPrefix(team + "<!-- leadbook:begin leads -->\r\n\r\n| 线索编号 |"))
        XCTAssertTrue(output.contains("\r\n<!-- leadbook:end leads -->" + between + "<!-- leadbook:begin  follow-ups  -->\r\n\r\n截至最新"))
        XCTAssertTrue(output.contains("\r\n<!-- leadbook:end follow-ups -->" + tail + "\r\n\r\n## 线索分级与分配表\r\n"))
        // The lines leadbook writes take the line ending of their begin marker.
        let leads = output.components(separatedBy: "<!-- leadbook:begin leads -->")[1].components(separatedBy: "<!-- leadbook:end leads -->")[0]
        XCTAssertFalse(leads.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        // Tables are appended in their order, each once.
        for table in IndexTable.allCases {
            XCTAssertEqual(output.components(separatedBy: "<!-- leadbook:end \(table.rawValue) -->").count, 2, table.rawValue)
        }
        // A second run changes nothing; the check agrees.
        guard case .unchanged = rewrite(output) else { return XCTFail("second run changed the file") }
        XCTAssertTrue(try verify(output).isCurrent)
    }

    func testOnlyTheStaleTablesAreNamed() {
        let document = fullDocument
        let stale = document.replacingOccurrences(of: "| 赵六 | 2024-03-02 10:05 |", with: "| 孙八 | 2024-03-02 10:05 |")
        XCTAssertNotEqual(stale, document)
        guard case .changed(let bytes, let tables) = rewrite(stale) else { return XCTFail("expected a change") }
        XCTAssertEqual(tables, [.grading])
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), document)
    }

    func testAnEmptyFileGetsEveryTable() {
        let output = written("")
        XCTAssertTrue(output.hasPrefix("## 线索获取与筛选表\n\n<!-- leadbook:begin leads -->\n"), String(output.prefix(80)))
        guard case .unchanged = rewrite(output) else { return XCTFail("second run changed the file") }
    }

    func testBrokenMarkersWriteNothing() {
        guard case .problems(let problems) = rewrite("<!-- leadbook:begin leads -->\n| a |\n") else { return XCTFail("expected problems") }
        XCTAssertEqual(problems.map(\.line), [1])
    }

    // MARK: Checking

    func testStaleRowNamesTableRowAndColumn() throws {
        let stale = fullDocument.replacingOccurrences(of: "| 赵六 | 2024-03-02 10:05 |", with: "| 孙八 | 2024-03-02 10:05 |")
        let status = try verify(stale)
        XCTAssertEqual(status.differences.count, 1)
        let difference = try XCTUnwrap(status.differences.first)
        XCTAssertEqual(difference.table, .grading)
        XCTAssertEqual(difference.kind, .line(.row(3)))
        XCTAssertEqual(difference.line, stale.components(separatedBy: "\n").firstIndex { $0.contains("| 孙八 | 2024-03-02 10:05 |") }! + 1)
        let message = StaleIndex.describe(difference, path: "INDEX.md", assembly: assembly) { self.assembly.row($0).line.text }.text
        XCTAssertEqual(message, "table grading (线索分级与分配表) is stale at row 3 (LX2024002 in customers/LX2024002-hengli.md): 负责人 is `孙八` in the index but `赵六` in the customer file")
    }

    func testStaleIndexNamesTablesByTheirChineseTitlesInChinese() throws {
        let stale = fullDocument
            .replacingOccurrences(of: "| 赵六 | 2024-03-02 10:05 |", with: "| 孙八 | 2024-03-02 10:05 |")
            .replacingOccurrences(of: "| 客户对成本敏感 → 未量化我方方案优势 |", with: "| 旧原因 |")
        let status = try verify(stale)
        let diagnostics = StaleIndex.diagnostics(status, path: "INDEX.md", assembly: assembly) { self.assembly.row($0).line.text }
        XCTAssertEqual(diagnostics.map(\.phrase.zh), ["线索分级与分配表 第 3 行（LX2024002 在 customers/LX2024002-hengli.md）已过时：负责人 在索引里是 `孙八`，在客户文件里是 `赵六`；另外已过时：客户需求分析表"])
        XCTAssertEqual(diagnostics.map(\.message), ["table grading (线索分级与分配表) is stale at row 3 (LX2024002 in customers/LX2024002-hengli.md): 负责人 is `孙八` in the index but `赵六` in the customer file; also stale: feedback"])
    }

    func testAllStaleTablesAreFoundInFileOrder() throws {
        let stale = fullDocument
            .replacingOccurrences(of: "| 需方案定制、预算待确认 |", with: "| 旧标签 |")
            .replacingOccurrences(of: "| 客户对成本敏感 → 未量化我方方案优势 |", with: "| 旧原因 |")
        let status = try verify(stale)
        XCTAssertEqual(status.differences.map(\.table), [.grading, .feedback])
        let diagnostics = StaleIndex.diagnostics(status, path: "INDEX.md", assembly: assembly) { self.assembly.row($0).line.text }
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics[0].rule.id, "stale-index")
        XCTAssertTrue(diagnostics[0].message.hasSuffix("; also stale: feedback"), diagnostics[0].message)
        XCTAssertTrue(diagnostics[0].message.contains("核心标签 is `旧标签`"), diagnostics[0].message)
    }

    func testMissingAndExtraRows() throws {
        let document = fullDocument
        let lines = document.components(separatedBy: "\n")
        let rowLine = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("| LX2024010 | 电话陌拜") })
        var removed = lines
        removed.remove(at: rowLine)
        var status = try verify(removed.joined(separator: "\n"))
        XCTAssertEqual(status.differences.first?.kind, .missingRow(5))
        XCTAssertEqual(status.differences.first?.table, .leads)

        var added = lines
        added.insert("| LX2024099 | 推荐 | 多出来的一行 |", at: rowLine + 1)
        status = try verify(added.joined(separator: "\n"))
        XCTAssertEqual(status.differences.first?.kind, .extraRow(6))
        let message = StaleIndex.describe(status.differences[0], path: "INDEX.md", assembly: assembly) { _ in nil }.text
        XCTAssertEqual(message, "table leads (线索获取与筛选表) has a row 6 that the customer files do not give: `| LX2024099 | 推荐 | 多出来的一行 |`")
    }

    func testMissingTableAndChangedLanguage() throws {
        let document = fullDocument
        let withoutPlans = document.components(separatedBy: "<!-- leadbook:begin plans -->")[0]
            + document.components(separatedBy: "<!-- leadbook:end plans -->\n")[1]
        var status = try verify(withoutPlans)
        XCTAssertEqual(status.differences.map(\.kind), [.missingTable])
        XCTAssertEqual(status.differences.map(\.table), [.plans])

        let english = IndexFixture.assembly(keepText: false) { $0.language = .en }
        status = try verify(document, english)
        XCTAssertEqual(status.differences.first?.table, .leads)
        XCTAssertEqual(status.differences.first?.kind, .line(.header))
        XCTAssertEqual(status.differences.count, 5)
    }

    func testLineEndingsDoNotMakeAnIndexStale() throws {
        let crlf = fullDocument.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertTrue(try verify(crlf).isCurrent)
        guard case .unchanged = rewrite(crlf) else { return XCTFail("a CRLF copy of a current index is current") }
    }

    func testAFileWithoutFinalNewlineIsRead() throws {
        var document = fullDocument
        document.removeLast()
        XCTAssertTrue(try verify(document).isCurrent)
    }

    func testLongFilesAreReadInPieces() throws {
        // More than a megabyte of the team's text before the tables: lines cross the pieces.
        let filler = String(repeating: "团队自己的很长的一行说明文字，" + String(repeating: "x", count: 300) + "\n", count: 4000)
        XCTAssertTrue(try verify(filler + fullDocument).isCurrent)
        let stale = filler + fullDocument.replacingOccurrences(of: "| 面谈 | 张伟(技术总监) |", with: "| 电话 | 张伟(技术总监) |")
        XCTAssertEqual(try verify(stale).differences.map(\.table), [.followUps])
    }

    func testMarkerProblemsAreReported() throws {
        let status = try verify("<!-- leadbook:begin leads -->\n<!-- leadbook:begin leads -->\n")
        XCTAssertFalse(status.problems.isEmpty)
        let diagnostics = StaleIndex.diagnostics(status, path: "INDEX.md", assembly: assembly) { _ in nil }
        XCTAssertEqual(diagnostics.map(\.rule.id), ["index-markers"])
        XCTAssertEqual(diagnostics.first?.line, 2)
    }

    func testFingerprintsAndTextAgree() throws {
        // What the text assembly writes, the fingerprint assembly finds current, and the reverse.
        XCTAssertTrue(try verify(fullDocument, fingerprints).isCurrent)
        XCTAssertTrue(try verify(fullDocument, assembly).isCurrent)
        XCTAssertNotEqual(LineDigest.of(Array("| a |".utf8)), LineDigest.of(Array("| b |".utf8)))
        XCTAssertNotEqual(LineDigest.of(Array("12345678".utf8)), LineDigest.of(Array("123456789".utf8)))
        XCTAssertNotEqual(LineDigest.of([]), LineDigest.of([0]))
        XCTAssertEqual(LineDigest.of(Array("| 华东云 |".utf8)), LineDigest.of(Array("| 华东云 |".utf8)))
    }

    /// Whether a file is current, told a megabyte at a time, is what rewriting it tells.
    func testIsCurrentAgreesWithRewrite() throws {
        let document = fullDocument
        let crlf = document.replacingOccurrences(of: "\n", with: "\r\n")
        let filler = String(repeating: "团队自己的很长的一行说明文字，" + String(repeating: "x", count: 300) + "\n", count: 4000)
        let followUpsBegin = "<!-- leadbook:begin follow-ups -->"
        let rows = document.components(separatedBy: "\n").filter { $0.hasPrefix("| LX") }
        XCTAssertFalse(rows.isEmpty)
        let variants: [(String, String)] = [
            ("new", document),
            ("CRLF", crlf),
            ("after a megabyte of the team's text", filler + document),
            ("without its final line end", String(document.dropLast())),
            ("a stale row", document.replacingOccurrences(of: "| 面谈 | 张伟(技术总监) |", with: "| 电话 | 张伟(技术总监) |")),
            ("a stale row after a megabyte", filler + document.replacingOccurrences(of: "| 面谈 | 张伟(技术总监) |", with: "| 电话 | 张伟(技术总监) |")),
            ("one LF row in a CRLF file", crlf.replacingOccurrences(of: rows[0] + "\r\n", with: rows[0] + "\n")),
            ("a CR at the end of a row", document.replacingOccurrences(of: rows[0] + "\n", with: rows[0] + "\r\r\n")),
            ("a row missing", document.replacingOccurrences(of: rows[0] + "\n", with: "")),
            ("a row twice", document.replacingOccurrences(of: rows[0] + "\n", with: rows[0] + "\n" + rows[0] + "\n")),
            ("a table missing", String(document[..<document.range(of: "\n## " + IndexTable.followUps.title(.zhCN))!.lowerBound]) + "\n"),
            ("an empty table", String(document[..<document.range(of: followUpsBegin)!.upperBound]) + "\n<!-- leadbook:end follow-ups -->\n"
                + String(document[document.range(of: "<!-- leadbook:end follow-ups -->\n")!.upperBound...])),
            ("broken markers", "<!-- leadbook:begin leads -->\n<!-- leadbook:begin leads -->\n"),
            ("empty", ""),
        ]
        for (name, text) in variants {
            let current = IndexFile.isCurrent(path: try temporaryFile(text), assembly)
            switch rewrite(text) {
            case .unchanged: XCTAssertEqual(current, true, name)
            case .changed: XCTAssertEqual(current, false, name)
            case .problems: XCTAssertNil(current, name)
            }
        }
        XCTAssertNil(IndexFile.isCurrent(path: "/nonexistent/leadbook-INDEX.md", assembly))
    }

    /// Where the tables are in `bytes`, as `log` finds them by searching the file.
    func scannedLayout(_ bytes: [UInt8]) -> IndexRowUpdate.Layout? {
        bytes.withUnsafeBufferPointer { buffer in
            var update = IndexRowUpdate.Update(buffer: buffer, configuration: assembly.configuration)
            guard update.layout() else { return nil }
            return IndexRowUpdate.Layout(tables: update.order.map {
                IndexRowUpdate.Layout.Table(table: $0, content: update.spans[$0]!.content, crlf: update.spans[$0]!.eol.count == 2)
            })
        }
    }

    /// A file written as it is made (`leadbook index` at 100,000 customers: the new tables a
    /// megabyte at a time, the rest copied from the old file) is byte for byte what `rewrite`
    /// makes in memory, names the same tables, and says where its tables are.
    func testWritingAsItIsMadeGivesWhatRewriteGives() throws {
        let document = fullDocument
        let (pieces, layout) = assembly.documentPieces()
        let made = CustomerWrite.Change.generated("INDEX.md", from: nil, pieces: pieces, layout: layout)
        XCTAssertEqual(made.kind, .create)
        XCTAssertEqual(made.after, assembly.document())
        XCTAssertEqual(made.count, made.after.count)
        XCTAssertEqual(layout, scannedLayout(made.after))
        let crlf = document.replacingOccurrences(of: "\n", with: "\r\n")
        let filler = String(repeating: "团队自己的很长的一行说明文字，" + String(repeating: "x", count: 300) + "\n", count: 4000)
        let rows = document.components(separatedBy: "\n").filter { $0.hasPrefix("| LX") }
        let withoutFollowUps = String(document[..<document.range(of: "\n## " + IndexTable.followUps.title(.zhCN))!.lowerBound])
        let variants: [(String, String)] = [
            ("new", document),
            ("CRLF", crlf),
            ("after a megabyte of the team's text", filler + document),
            ("a line longer than a megabyte", String(repeating: "长", count: 400_000) + "\n" + document),
            ("without its final line end", String(document.dropLast())),
            ("a stale row", document.replacingOccurrences(of: "| 面谈 | 张伟(技术总监) |", with: "| 电话 | 张伟(技术总监) |")),
            ("a stale row in CRLF", crlf.replacingOccurrences(of: "| 面谈 | 张伟(技术总监) |", with: "| 电话 | 张伟(技术总监) |")),
            ("a stale row after a megabyte", filler + document.replacingOccurrences(of: "| 面谈 | 张伟(技术总监) |", with: "| 电话 | 张伟(技术总监) |")),
            ("one LF row in a CRLF file", crlf.replacingOccurrences(of: rows[0] + "\r\n", with: rows[0] + "\n")),
            ("a CR at the end of a row", document.replacingOccurrences(of: rows[0] + "\n", with: rows[0] + "\r\r\n")),
            ("a row missing", document.replacingOccurrences(of: rows[0] + "\n", with: "")),
            ("a row twice", document.replacingOccurrences(of: rows[0] + "\n", with: rows[0] + "\n" + rows[0] + "\n")),
            ("a table missing", withoutFollowUps + "\n"),
            ("a table missing, no final line end", withoutFollowUps),
            ("a table missing in CRLF", withoutFollowUps.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"),
            ("the team's notes only", "# 我们的客户\r\n\r\n说明"),
            ("broken markers", "<!-- leadbook:begin leads -->\n<!-- leadbook:begin leads -->\n"),
            ("empty", ""),
        ]
        for (maps, _) in AtomicFileTests.ways {
            FileSnapshot.maps = maps
            defer { FileSnapshot.maps = true }
            for (name, text) in variants {
                let path = try temporaryFile(text)
                let survey = try XCTUnwrap(IndexFile.survey(path: path, assembly), name)
                XCTAssertEqual(survey.size, text.utf8.count, name)
                switch rewrite(text) {
                case .unchanged:
                    XCTAssertTrue(survey.isCurrent, name)
                case .problems(let problems):
                    XCTAssertEqual(survey.problems, problems, name)
                case .changed(let bytes, let tables):
                    XCTAssertFalse(survey.isCurrent, name)
                    let original = try FileSnapshot.open(path).get()
                    let (pieces, changed, layout) = try XCTUnwrap(IndexFile.rewrite(survey, assembly, original: original), name)
                    let change = CustomerWrite.Change.generated("INDEX.md", from: original, pieces: pieces, layout: layout)
                    XCTAssertEqual(String(decoding: change.after, as: UTF8.self), String(decoding: bytes, as: UTF8.self), name)
                    XCTAssertEqual(change.count, bytes.count, name)
                    XCTAssertEqual(changed, tables, name)
                    XCTAssertEqual(layout, scannedLayout(bytes), name)
                    XCTAssertEqual(change.before, Array(text.utf8), name)
                }
            }
        }
    }
}

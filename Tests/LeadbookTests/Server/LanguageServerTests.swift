import Foundation
import XCTest
@testable import LeadbookCore
@testable import LeadbookServer
@testable import LeadbookText

/// The server driven in-process through a transcript of what an editor sends: the lifecycle,
/// diagnostics at the right place in UTF-16 and UTF-8 units, text sync, the findings across
/// files, the language, and what a bad client does.
final class LanguageServerTests: XCTestCase {
    var root: URL!

    /// A customer file whose line 10 holds Chinese and characters outside the BMP before two findings.
    static let customer = """
        ---
        id: LX2024001
        name: 华东云😀科技有限公司
        source: exhibition
        intent: A
        created: 2024-03-01 09:10
        status: untouched
        contacts:
          - {name: 王𠀋芳, phone: 1380013800, role: 老板x}
        ---

        """

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-lsp-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers"), withIntermediateDirectories: true)
        try "language: en\n".write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ relative: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent(relative), atomically: true, encoding: .utf8)
    }

    func uri(_ relative: String) -> String { ServerSession.uri(root.appendingPathComponent(relative)) }

    // MARK: the transcript

    func testATranscriptFromOpenToExit() throws {
        let session = ServerSession()
        let initialized = session.initialize(root: root)
        XCTAssertEqual(initialized["result"]?["capabilities"]?["positionEncoding"], .string("utf-16"))
        XCTAssertEqual(initialized["result"]?["capabilities"]?["textDocumentSync"]?["change"], .int(2))
        XCTAssertEqual(initialized["result"]?["serverInfo"]?["name"], .string("leadbook"))

        let file = uri("customers/LX2024001-huadong.md")
        session.open(file, Self.customer)
        var diagnostics = try XCTUnwrap(session.published(file))
        XCTAssertEqual(diagnostics.map { $0["code"]?.stringValue }, ["ambiguous-scalar", "unknown-contact-role"])
        // Line 9 (0-based); `1380013800` after 11 + 王𠀋芳 (1 + 2 + 1 UTF-16 units) + 9: 24 to 34;
        // `老板x` after 24 + 10 + 8: 42 to 45 (the `}` ends the word).
        XCTAssertEqual(diagnostics[0].span, [8, 24, 8, 34])
        XCTAssertEqual(diagnostics[1].span, [8, 42, 8, 45])
        XCTAssertEqual(diagnostics[1]["severity"], .int(1))
        XCTAssertEqual(diagnostics[0]["severity"], .int(2))
        XCTAssertEqual(diagnostics[1]["source"], .string("leadbook"))
        XCTAssertEqual(diagnostics[1]["message"]?.stringValue,
                       "unknown contact role `老板x`\nhint: use one of: decision-maker (决策人), influencer (影响者), user (使用者), gatekeeper (把关人)")

        // An incremental change in UTF-16 units: `老板x` (42 to 45) becomes a role leadbook knows.
        session.change(file, version: 2, [ServerSession.edit(8, 42, 8, 45, "decision-maker")])
        let afterRole = try XCTUnwrap(session.published(file))
        XCTAssertEqual(afterRole.map { $0["code"]?.stringValue }, ["ambiguous-scalar"])
        // The phone's quick fix, applied as the editor applies it (its edit sent back as a change).
        let actions = session.request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(file))])),
            ("range", .object([("start", .object([("line", .int(8)), ("character", .int(26))])), ("end", .object([("line", .int(8)), ("character", .int(26))]))])),
            ("context", .object([("diagnostics", .array(afterRole))])),
        ]))["result"]?.arrayValue ?? []
        XCTAssertEqual(actions.map { $0["kind"] }, [.string("quickfix"), .string("source")])
        let quickFix = try XCTUnwrap(actions.first { $0["kind"] == .string("quickfix") })
        XCTAssertEqual(quickFix["diagnostics"]?.arrayValue?.first?["code"], .string("ambiguous-scalar"))
        XCTAssertEqual(quickFix["title"], .string("Fix: quoted `1380013800`"))
        let edits = try XCTUnwrap(quickFix["edit"]?["changes"]?[file]?.arrayValue)
        XCTAssertEqual(edits.map(\.span), [[8, 24, 8, 34]], "the edit in UTF-16 units after 王𠀋芳")
        session.change(file, version: 3, edits.map { .object([("range", $0["range"]!), ("text", $0["newText"]!)]) })
        diagnostics = try XCTUnwrap(session.published(file))
        XCTAssertEqual(diagnostics, [])

        // Completion after `status: ` (line 6), and hover on `intent` (line 4).
        let completion = session.request("textDocument/completion", .object([
            ("textDocument", .object([("uri", .string(file))])), ("position", .object([("line", .int(6)), ("character", .int(8))]))]))
        let items = try XCTUnwrap(completion["result"]?.arrayValue)
        XCTAssertEqual(items.prefix(3).compactMap { $0["label"]?.stringValue }, ["untouched", "contacted", "qualified"])
        XCTAssertEqual(items[1]["detail"], .string("初步接洽"))
        XCTAssertEqual(items[1]["textEdit"]?.span, [6, 8, 6, 17], "replaces `untouched`")
        let hover = session.request("textDocument/hover", .object([
            ("textDocument", .object([("uri", .string(file))])), ("position", .object([("line", .int(4)), ("character", .int(2))]))]))
        XCTAssertEqual(hover["result"]?["contents"]?["value"], .string("**intent** (初步意向等级)\n\nvalues: A (A级), B (B级), C (C级)"))
        XCTAssertEqual(hover["result"]?.span, [4, 0, 4, 6])
        let outline = session.request("textDocument/documentSymbol", .object([("textDocument", .object([("uri", .string(file))]))]))
        let front = try XCTUnwrap(outline["result"]?.arrayValue?.first)
        XCTAssertEqual(front["name"], .string("front matter"))
        XCTAssertEqual(front["children"]?.arrayValue?[1]["name"], .string("name"))
        XCTAssertEqual(front["children"]?.arrayValue?[1].span, [2, 0, 2, 17], "name: 华东云😀科技有限公司 is 17 UTF-16 units")

        session.notify("textDocument/didClose", .object([("textDocument", .object([("uri", .string(file))]))]))
        XCTAssertEqual(session.published(file), [])
        XCTAssertEqual(session.request("shutdown")["result"], .null)
        XCTAssertNil(session.server.exitCode)
        session.notify("exit")
        XCTAssertEqual(session.server.exitCode, 0)
    }

    func testUTF8PositionsWhenTheClientOffersThem() throws {
        let session = ServerSession()
        let initialized = session.initialize(root: root, encodings: ["utf-8", "utf-16"])
        XCTAssertEqual(initialized["result"]?["capabilities"]?["positionEncoding"], .string("utf-8"))
        let file = uri("customers/LX2024001-huadong.md")
        session.open(file, Self.customer)
        let diagnostics = try XCTUnwrap(session.published(file))
        // 11 + 王𠀋芳 (3 + 4 + 3 bytes) + 9 + 10 + 8 = 48; `老板x` is 7 bytes.
        XCTAssertEqual(diagnostics.last?.span, [8, 48, 8, 55])
        session.change(file, version: 2, [ServerSession.edit(8, 48, 8, 55, "user")])
        XCTAssertEqual(try XCTUnwrap(session.published(file)).map { $0["code"]?.stringValue }, ["ambiguous-scalar"])
    }

    /// A "did you mean" as a quick fix, in UTF-8 positions after Chinese text, and nothing for a
    /// file that is not a customer file.
    func testADidYouMeanQuickFix() throws {
        let session = ServerSession()
        _ = session.initialize(root: root, encodings: ["utf-8"])
        let file = uri("customers/LX2024001-huadong.md")
        session.open(file, Self.customer.replacingOccurrences(of: "role: 老板x", with: "role: usr"))
        let diagnostics = try XCTUnwrap(session.published(file))
        let role = try XCTUnwrap(diagnostics.first { $0["code"] == .string("unknown-contact-role") })
        XCTAssertEqual(role.span, [8, 48, 8, 51])
        let actions = session.request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(file))])), ("range", role["range"]!),
            ("context", .object([("diagnostics", .array([role])), ("only", .array([.string("quickfix")]))])),
        ]))["result"]?.arrayValue ?? []
        let replace = try XCTUnwrap(actions.first { $0["title"] == .string("Change `usr` to `user`") }, "\(actions)")
        XCTAssertEqual(replace["edit"]?["changes"]?[file]?.arrayValue?.map(\.span), [[8, 48, 8, 51]])
        XCTAssertFalse(actions.contains { $0["kind"] == .string("source") }, "only quick fixes were asked for")

        let yml = uri("leadbook.yml")
        session.open(yml, "language: en\n")
        XCTAssertEqual(session.request("textDocument/completion", .object([("textDocument", .object([("uri", .string(yml))])),
                                                                            ("position", .object([("line", .int(0)), ("character", .int(0))]))]))["result"], .array([]))
        XCTAssertEqual(session.request("textDocument/hover", .object([("textDocument", .object([("uri", .string(uri("customers/not-open.md")))])),
                                                                       ("position", .object([("line", .int(0)), ("character", .int(0))]))]))["error"]?["code"], .int(-32602))
    }

    /// A hover on the id of `merged_into` names that customer, from the workspace on disk.
    func testHoverOnAMergeTargetNamesTheCustomer() throws {
        try write("customers/LX2024001-a.md", Self.customer)
        let tombstone = "---\nid: LX2024002\nname: 华东云科技\nsource: web\nintent: C\ncreated: 2024-04-01 08:00\nstatus: lost\nmerged_into: LX2024001\n---\n"
        let session = ServerSession()
        _ = session.initialize(root: root)
        let file = uri("customers/LX2024002-b.md")
        session.open(file, tombstone)
        XCTAssertEqual(session.published(file)?.contains { $0["code"] == .string("unknown-merge-target") }, false)
        let hover = session.request("textDocument/hover", .object([("textDocument", .object([("uri", .string(file))])),
                                                                   ("position", .object([("line", .int(7)), ("character", .int(15))]))]))
        let text = try XCTUnwrap(hover["result"]?["contents"]?["value"]?.stringValue, "\(hover)")
        XCTAssertTrue(text.contains("华东云😀科技有限公司"), text)
    }

    func testUTF16OnlyWhenTheClientOffersNoUTF8() {
        let session = ServerSession()
        XCTAssertEqual(session.initialize(root: root, encodings: ["utf-32", "utf-16"])["result"]?["capabilities"]?["positionEncoding"], .string("utf-16"))
    }

    /// Positions inside a surrogate pair or past the end of a line are clamped.
    func testPositionsAreClamped() {
        let text = TextDocument(uri: "file:///x", version: 1, bytes: Array("a😀b\r\n中\n".utf8))
        XCTAssertEqual(text.offset(of: TextPosition(line: 0, character: 2), .utf16), 1, "inside the pair: before it")
        XCTAssertEqual(text.offset(of: TextPosition(line: 0, character: 3), .utf16), 5)
        XCTAssertEqual(text.offset(of: TextPosition(line: 0, character: 99), .utf16), 6, "past the end: the end, before \\r\\n")
        XCTAssertEqual(text.offset(of: TextPosition(line: 1, character: 1), .utf16), 11)
        XCTAssertEqual(text.offset(of: TextPosition(line: 9, character: 0), .utf16), text.bytes.count)
        XCTAssertEqual(text.offset(of: TextPosition(line: 0, character: 3), .utf8), 1, "inside a UTF-8 sequence: before it")
        XCTAssertEqual(text.position(of: 5, .utf16), TextPosition(line: 0, character: 3))
        XCTAssertEqual(text.position(of: 11, .utf16), TextPosition(line: 1, character: 1))
        XCTAssertEqual(text.position(of: 11, .utf8), TextPosition(line: 1, character: 3))
    }

    func testAFullChangeReplacesTheText() throws {
        let session = ServerSession()
        _ = session.initialize(root: root)
        let file = uri("customers/LX2024001-huadong.md")
        session.open(file, Self.customer)
        XCTAssertEqual(session.published(file)?.count, 2)
        session.change(file, version: 2, [.object([("text", .string(Self.customer.replacingOccurrences(of: "老板x", with: "user")))])])
        XCTAssertEqual(session.published(file)?.count, 1)
    }

    // MARK: the same findings as check

    /// Every file of a workspace with findings across files, opened as it is on disk: the
    /// server publishes exactly what `leadbook check FILE` reports for it.
    func testTheFindingsAreThoseOfCheck() throws {
        try write("customers/LX2024001-a.md", Self.customer)
        try write("customers/LX2024001-b.md", """
            ---
            id: LX2024001
            name: 另一家公司
            source: referral
            intent: B
            created: 2024-03-05 10:00
            status: untouched
            contacts:
              - {name: 李四, phone: "1380013800", role: user}
            ---

            """)
        try write("customers/LX2024003-c.md", """
            ---
            id: LX2024003
            name: 已合并
            source: referral
            intent: B
            created: 2024-03-06 10:00
            status: lost
            merged_into: LX2024999
            ---

            """)
        try write("customers/LX2024004-d.md", "---\nid: LX2024004\nname: 华东云😀科技有限公司\nsource: web\nintent: C\ncreated: 2024-04-01 08:00\nstatus: untouched\n---\n")
        try write("customers/LX2024005-bad.md", "no front matter\n")
        let workspace = Workspace.open(root: root.path)
        let session = ServerSession()
        _ = session.initialize(root: root)
        var seen: Set<String> = []
        for path in workspace.customerPaths {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            session.open(uri(path), text)
            let published = try XCTUnwrap(session.published(uri(path)), path)
            let check = WorkspaceCheck.run(workspace, only: [path]).diagnostics
            XCTAssertEqual(published.map { $0["code"]?.stringValue ?? "" }, check.map(\.rule.id), path)
            XCTAssertEqual(published.map { $0["range"]?["start"]?["line"]?.intValue ?? -1 }, check.map { $0.line - 1 }, path)
            XCTAssertEqual(published.map { $0["message"]?.stringValue?.components(separatedBy: "\n").first ?? "" }, check.map(\.message), path)
            seen.formUnion(check.map(\.rule.id))
        }
        for rule in ["duplicate-id", "possible-duplicate", "unknown-merge-target"] { XCTAssertTrue(seen.contains(rule), rule) }
    }

    /// A finding across files comes from the open buffers as well as the files on disk, and the
    /// other open file is published again when it changes for it.
    func testFindingsAcrossFilesSeeTheOpenBuffers() throws {
        try write("customers/LX2024001-a.md", Self.customer)
        try write("customers/LX2024002-b.md", "---\nid: LX2024002\nname: 北方公司\nsource: web\nintent: C\ncreated: 2024-04-01 08:00\nstatus: untouched\n---\n")
        let session = ServerSession()
        _ = session.initialize(root: root)
        let a = uri("customers/LX2024001-a.md"), b = uri("customers/LX2024002-b.md")
        session.open(a, Self.customer)
        XCTAssertFalse(try XCTUnwrap(session.published(a)).contains { $0["code"] == .string("duplicate-id") })
        let bText = try String(contentsOf: root.appendingPathComponent("customers/LX2024002-b.md"), encoding: .utf8)
        session.open(b, bText)
        _ = session.drain()
        // b takes a's id in the editor (not saved): both files say so.
        session.change(b, version: 2, [ServerSession.edit(1, 4, 1, 13, "LX2024001")])
        let all = session.drain()
        func last(_ uri: String) -> [JSON] {
            all.last { $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri }?["params"]?["diagnostics"]?.arrayValue ?? []
        }
        XCTAssertTrue(last(b).contains { $0["code"] == .string("duplicate-id") }, "\(last(b))")
        XCTAssertTrue(last(a).contains { $0["code"] == .string("duplicate-id") }, "\(last(a))")
        // Closed without saving: the file on disk counts again, and a is clean of it.
        session.notify("textDocument/didClose", .object([("textDocument", .object([("uri", .string(b))]))]))
        let afterClose = session.drain()
        let aAgain = afterClose.last { $0["params"]?["uri"]?.stringValue == a }?["params"]?["diagnostics"]?.arrayValue
        XCTAssertEqual(aAgain?.contains { $0["code"] == .string("duplicate-id") }, false)
    }

    /// A file written outside the editor is seen when the client reports it.
    func testAWatchedFileChangeIsReadAgain() throws {
        try write("customers/LX2024001-a.md", Self.customer)
        let session = ServerSession()
        _ = session.initialize(root: root)
        let a = uri("customers/LX2024001-a.md")
        session.open(a, Self.customer)
        XCTAssertFalse(try XCTUnwrap(session.published(a)).contains { $0["code"] == .string("duplicate-id") })
        try write("customers/LX2024001-copy.md", Self.customer.replacingOccurrences(of: "老板x", with: "user"))
        session.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([.object([("uri", .string(uri("customers/LX2024001-copy.md"))), ("type", .int(1))])]))]))
        XCTAssertTrue(try XCTUnwrap(session.published(a)).contains { $0["code"] == .string("duplicate-id") })
    }

    func testLeadbookYmlIsChecked() throws {
        let session = ServerSession()
        _ = session.initialize(root: root)
        let file = uri("leadbook.yml")
        session.open(file, "language: en\nsla_hours: {A: 1, B: [2}\n")
        let diagnostics = try XCTUnwrap(session.published(file))
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.span.first, 1)
        session.change(file, version: 2, [.object([("text", .string("language: en\nsla_hours: {A: 1, B: 2, C: 3}\n"))])])
        XCTAssertEqual(session.published(file), [])
    }

    // MARK: language

    func testTheWorkspacesLanguageAndTheOptionThatOverridesIt() throws {
        try write("leadbook.yml", "language: zh-CN\n")
        let file = uri("customers/LX2024001-a.md")
        let chinese = ServerSession(environment: [:])
        _ = chinese.initialize(root: root)
        chinese.open(file, Self.customer)
        let message = try XCTUnwrap(chinese.published(file)?.last?["message"]?.stringValue)
        XCTAssertTrue(message.hasPrefix("没有 `老板x` 这个联系人角色\n提示："), message)
        let english = ServerSession(environment: [:])
        _ = english.initialize(root: root, options: .object([("language", .string("en"))]))
        english.open(file, Self.customer)
        XCTAssertEqual(try XCTUnwrap(english.published(file)?.last?["message"]?.stringValue).components(separatedBy: "\n").first,
                       "unknown contact role `老板x`")
    }

    /// The folder the editor names (workspaceFolders, rootUri or rootPath) is the workspace,
    /// read at initialize: its language (en here; Chinese without one) is the server's at once.
    func testTheWorkspaceTheEditorNames() {
        let folder: JSON = .string(ServerSession.uri(root))
        let ways: [[(String, JSON)]] = [
            [("workspaceFolders", .array([.object([("uri", folder), ("name", .string("leads"))])]))],
            [("rootUri", folder)],
            [("rootPath", .string(root.path))],
            [],
        ]
        var said: [String] = []
        for way in ways {
            let session = ServerSession(environment: [:])
            _ = session.request("initialize", .object([("capabilities", .object([]))] + way))
            said.append(session.request("workspace/symbol")["error"]?["message"]?.stringValue ?? "")
        }
        XCTAssertEqual(said, Array(repeating: "leadbook does not answer `workspace/symbol`", count: 3) + ["leadbook 不处理 `workspace/symbol`"])
    }

    // MARK: a bad client

    func testRequestsBeforeInitializeAndAfterShutdown() {
        let session = ServerSession()
        XCTAssertEqual(session.request("textDocument/hover")["error"]?["code"], .int(-32002))
        session.notify("textDocument/didOpen", .object([("textDocument", .object([("uri", .string(uri("customers/x.md"))), ("text", .string("x"))]))]))
        XCTAssertEqual(session.drain(), [], "a notification before initialize is dropped")
        _ = session.initialize(root: root)
        XCTAssertEqual(session.request("initialize")["error"]?["code"], .int(-32600))
        XCTAssertEqual(session.request("workspace/symbol")["error"]?["code"], .int(-32601))
        session.notify("$/setTrace", .object([("value", .string("verbose"))]))
        session.notify("$/somethingNew")
        XCTAssertEqual(session.drain().filter { $0["id"] != nil }, [], "`$/` notifications are not answered")
        XCTAssertEqual(session.request("shutdown")["result"], .null)
        XCTAssertEqual(session.request("textDocument/hover")["error"]?["code"], .int(-32600))
        session.notify("exit")
        XCTAssertEqual(session.server.exitCode, 0)
    }

    func testExitWithoutShutdownIsOne() {
        let session = ServerSession()
        _ = session.initialize(root: root)
        session.notify("exit")
        XCTAssertEqual(session.server.exitCode, 1)
        let gone = ServerSession()
        _ = gone.initialize(root: root)
        gone.write(Array("Content-Length: 40\r\n\r\n{\"jso".utf8))
        gone.server.endOfInput()
        XCTAssertEqual(gone.server.exitCode, 1, "the client went away")
    }

    func testMalformedMessagesAreAnsweredNotFatal() {
        let session = ServerSession()
        session.write(MessageStream.frame(.string("x")).dropLast(3) + Array("{,}".utf8))
        session.write(Array("Content-Length: 5\r\n\r\n{\"a\":".utf8))
        var answers = session.drain().filter { $0["id"] != nil }
        XCTAssertEqual(answers.map { $0["error"]?["code"] }, [.int(-32700), .int(-32700)])
        XCTAssertEqual(answers.first?["id"], .null)
        session.write(.object([("jsonrpc", .string("2.0")), ("id", .array([])), ("method", .string("initialize"))]))
        session.write(.object([("id", .int(7)), ("method", .string("initialize"))]))
        session.write(.array([]))
        answers = session.drain().filter { $0["id"] != nil }
        XCTAssertEqual(answers.map { $0["error"]?["code"] }, [.int(-32600), .int(-32600), .int(-32600)])
        XCTAssertEqual(answers[1]["id"], .int(7))
        // The header problems are told in the log, and the next message is still read.
        session.write(Array("Content-Type: x\r\n\r\n".utf8))
        session.write(Array("Content-Length: lots\r\n\r\n".utf8))
        XCTAssertEqual(session.logMessages().count, 2)
        XCTAssertEqual(session.initialize(root: root)["result"]?["capabilities"]?["positionEncoding"], .string("utf-16"))
    }

    func testACancelledRequestIsAnsweredAsCancelled() {
        let session = ServerSession()
        _ = session.initialize(root: root)
        let request = MessageStream.frame(.object([("jsonrpc", .string("2.0")), ("id", .int(41)), ("method", .string("shutdown"))]))
        let cancel = MessageStream.frame(.object([("jsonrpc", .string("2.0")), ("method", .string("$/cancelRequest")), ("params", .object([("id", .int(41))]))]))
        session.write(request + cancel)
        let answer = session.drain().first { $0["id"] == .int(41) }
        XCTAssertEqual(answer?["error"]?["code"], .int(-32800))
        // It was not done: the server is not shut down.
        XCTAssertNotEqual(session.request("workspace/symbol")["error"]?["code"], .int(-32600))
    }

    func testFilesOutsideAWorkspaceAndNotCustomerFiles() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-lsp-outside-" + UUID().uuidString + "/LX2024001.md")
        let session = ServerSession()
        _ = session.initialize(root: root)
        let file = ServerSession.uri(outside)
        session.open(file, Self.customer)
        let messages = session.drain()
        XCTAssertEqual(messages.last { $0["method"]?.stringValue == "textDocument/publishDiagnostics" }?["params"]?["diagnostics"], .array([]))
        XCTAssertTrue(messages.contains { ($0["params"]?["message"]?.stringValue ?? "").contains("not in a leadbook workspace") }, "\(messages)")
        let readme = uri("README.md")
        session.open(readme, Self.customer)
        XCTAssertEqual(session.published(readme), [])
        session.open("untitled:Untitled-1", Self.customer)
        XCTAssertEqual(session.published("untitled:Untitled-1"), [])
    }

    /// A file found from the opened file when the editor names no folder.
    func testTheWorkspaceIsFoundFromTheOpenedFile() throws {
        let session = ServerSession()
        _ = session.initialize(root: nil)
        let file = uri("customers/LX2024001-a.md")
        session.open(file, Self.customer)
        XCTAssertEqual(session.published(file)?.count, 2)
    }

    func testAHugeDocumentGetsTheFindingOfCheckAndALogMessage() throws {
        let session = ServerSession()
        _ = session.initialize(root: root)
        let file = uri("customers/LX2024001-a.md")
        session.open(file, Self.customer + String(repeating: "x", count: LanguageServer.maxDocumentSize))
        let all = session.drain()
        let diagnostics = all.last { $0["method"]?.stringValue == "textDocument/publishDiagnostics" }?["params"]?["diagnostics"]?.arrayValue
        XCTAssertEqual(diagnostics?.map { $0["code"] }, [.string("file-too-large")])
        XCTAssertTrue(all.contains { $0["method"]?.stringValue == "window/logMessage" && ($0["params"]?["message"]?.stringValue ?? "").contains("MB") })
    }

    func testDocumentURIs() {
        XCTAssertEqual(DocumentURI.path("file:///home/rep/%E5%AE%A2%E6%88%B7/LX%20a.md"), "/home/rep/客户/LX a.md")
        XCTAssertEqual(DocumentURI.path("file://localhost/tmp/a.md"), "/tmp/a.md")
        XCTAssertNil(DocumentURI.path("file://server/share/a.md"))
        XCTAssertNil(DocumentURI.path("untitled:Untitled-1"))
        XCTAssertNil(DocumentURI.path("file:///a%2"))
        XCTAssertNil(DocumentURI.path("file:///a%00b"))
        XCTAssertEqual(DocumentURI.path(DocumentURI.of(path: "/tmp/客户 1/a#b.md")), "/tmp/客户 1/a#b.md")
    }
}

/// Whatever bytes a client writes, the server answers or logs and never crashes: mutations of
/// a real session (bytes dropped, doubled, replaced), from a fixed seed.
final class LanguageServerNoCrashTests: XCTestCase {
    func testMutatedSessionsNeverCrashTheServer() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-lsp-mutated-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "language: en\n".write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        let file = DocumentURI.of(path: root.appendingPathComponent("customers/LX2024001-a.md").path)
        func message(_ method: String, id: Int? = nil, _ params: JSON) -> [UInt8] {
            var fields: [(String, JSON)] = [("jsonrpc", .string("2.0"))]
            if let id { fields.append(("id", .int(id))) }
            fields += [("method", .string(method)), ("params", params)]
            return MessageStream.frame(.object(fields))
        }
        let position: JSON = .object([("line", .int(8)), ("character", .int(30))])
        let document: JSON = .object([("uri", .string(file))])
        let session: [[UInt8]] = [
            message("initialize", id: 1, .object([("rootUri", .string(DocumentURI.of(path: root.path))), ("capabilities", .object([]))])),
            message("initialized", .object([])),
            message("textDocument/didOpen", .object([("textDocument", .object([("uri", .string(file)), ("version", .int(1)), ("text", .string(LanguageServerTests.customer))]))])),
            message("textDocument/didChange", .object([("textDocument", .object([("uri", .string(file)), ("version", .int(2))])),
                                                        ("contentChanges", .array([ServerSession.edit(8, 20, 9, 2, "😀\r\n"), ServerSession.edit(99, 99, 0, 0, "x")]))])),
            message("textDocument/completion", id: 2, .object([("textDocument", document), ("position", position)])),
            message("textDocument/hover", id: 3, .object([("textDocument", document), ("position", position)])),
            message("textDocument/codeAction", id: 4, .object([("textDocument", document), ("range", .object([("start", position), ("end", position)]))])),
            message("textDocument/documentSymbol", id: 5, .object([("textDocument", document)])),
            message("shutdown", id: 6, .null),
        ]
        let whole = session.flatMap { $0 }
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(truncatingIfNeeded: state >> 1)
        }
        for _ in 0..<150 {
            var bytes = whole
            for _ in 0..<(1 + next() % 6) {
                let at = next() % bytes.count
                switch next() % 3 {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(bytes[at], at: at)
                default: bytes[at] = UInt8(truncatingIfNeeded: next())
                }
            }
            var written = 0
            let server = LanguageServer(environment: ["LEADBOOK_LANG": "en"], currentDirectory: "/", version: "test") { written += $0.count }
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + 1 + next() % 700)
                server.receive(Array(bytes[offset..<end]))
                offset = end
            }
            server.endOfInput()
            XCTAssertNotNil(server.exitCode)
            XCTAssertGreaterThan(written, 0)
        }
    }
}

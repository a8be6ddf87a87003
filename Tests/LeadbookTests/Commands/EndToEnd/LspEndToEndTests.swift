import Foundation
import XCTest
@testable import LeadbookServer
@testable import LeadbookText

/// `leadbook lsp` as a process: over real pipes, ended by `exit` or by the client going away,
/// and with a real client, Neovim in headless mode.
final class LspEndToEndTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-lsp-e2e-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers"), withIntermediateDirectories: true)
        try "language: en\n".write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        try LanguageServerTests.customer.write(to: root.appendingPathComponent("customers/LX2024001-huadong.md"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func message(_ json: JSON) -> Data { Data(MessageStream.frame(json)) }

    func request(_ id: Int, _ method: String, _ params: JSON = .null) -> Data {
        message(.object([("jsonrpc", .string("2.0")), ("id", .int(id)), ("method", .string(method)), ("params", params)]))
    }

    func notification(_ method: String, _ params: JSON = .object([])) -> Data {
        message(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
    }

    /// Runs `leadbook lsp`, writes `input` and closes standard input when `close`; the status
    /// and what it wrote, or a failure when it does not end within `timeout` seconds.
    func serve(_ input: Data, timeout: TimeInterval = 30) throws -> (status: Int32, messages: [JSON]) {
        let process = Process()
        process.executableURL = Transcript.executable
        process.arguments = ["lsp"]
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["LEADBOOK_LANG"] = "en"
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        if ended.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            XCTFail("leadbook lsp did not end")
        }
        var stream = MessageStream()
        let messages = stream.append([UInt8](output)).compactMap { item -> JSON? in
            guard case .message(let body) = item else { return nil }
            return try? JSONReader.read(body).get()
        }
        XCTAssertFalse(stream.holdsPartialMessage)
        return (process.terminationStatus, messages)
    }

    func testOverPipesFromInitializeToExit() throws {
        let file = DocumentURI.of(path: root.appendingPathComponent("customers/LX2024001-huadong.md").path)
        let input = request(1, "initialize", .object([("rootUri", .string(DocumentURI.of(path: root.path))), ("capabilities", .object([]))]))
            + notification("initialized")
            + notification("textDocument/didOpen", .object([("textDocument", .object([("uri", .string(file)), ("version", .int(1)),
                                                                                        ("text", .string(LanguageServerTests.customer))]))]))
            + request(2, "shutdown") + notification("exit")
        let (status, messages) = try serve(input)
        XCTAssertEqual(status, 0)
        XCTAssertEqual(messages.first?["result"]?["capabilities"]?["positionEncoding"], .string("utf-16"))
        let published = messages.first { $0["method"]?.stringValue == "textDocument/publishDiagnostics" }
        XCTAssertEqual(published?["params"]?["diagnostics"]?.arrayValue?.map { $0["code"] }, [.string("ambiguous-scalar"), .string("unknown-contact-role")])
        XCTAssertEqual(messages.last?["id"], .int(2))
    }

    /// A client that closes the pipe without `exit` (it crashed): the server ends with 1, at once.
    func testAClientThatGoesAwayEndsTheServer() throws {
        let started = Date()
        let (status, messages) = try serve(request(1, "initialize", .object([("capabilities", .object([]))])) + Data("Content-Length: 99\r\n\r\n{".utf8),
                                           timeout: 10)
        XCTAssertEqual(status, 1)
        XCTAssertEqual(messages.first?["id"], .int(1))
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testGarbageDoesNotEndTheServer() throws {
        let garbage = Data("Content-Length: 3\r\n\r\n{]}".utf8) + Data("nonsense\r\n\r\n".utf8) + Data([0xFF, 0x00, 0x0D, 0x0A, 0x0D, 0x0A])
        let (status, messages) = try serve(garbage + request(1, "initialize", .object([("capabilities", .object([]))])) + request(2, "shutdown") + notification("exit"))
        XCTAssertEqual(status, 0)
        XCTAssertEqual(messages.compactMap { $0["id"] }, [.null, .int(1), .int(2)])
    }

    // MARK: Neovim

    /// Neovim's own LSP client (`vim.lsp.start_client`, in Neovim 0.5 and later) starts
    /// `leadbook lsp`, opens a customer file with an error and writes the diagnostics it received.
    func testNeovimReceivesTheDiagnostics() throws {
        guard let nvim = Self.program("nvim") else {
            throw XCTSkip("nvim is not installed: the test with a real LSP client is skipped (apt-get install neovim)")
        }
        let script = root.appendingPathComponent("client.lua"), output = root.appendingPathComponent("received.txt")
        try """
            local file, root, bin, out = os.getenv("LSP_FILE"), os.getenv("LSP_ROOT"), os.getenv("LSP_BIN"), os.getenv("LSP_OUT")
            vim.cmd("edit " .. vim.fn.fnameescape(file))
            local buffer = vim.api.nvim_get_current_buf()
            local lines = {}
            local done = false
            local client = vim.lsp.start_client({
              name = "leadbook", cmd = { bin, "lsp" }, root_dir = root,
              handlers = {
                ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
                  for _, d in ipairs(result.diagnostics) do
                    table.insert(lines, string.format("%d:%d-%d:%d %d %s %s", d.range.start.line, d.range.start.character,
                      d.range["end"].line, d.range["end"].character, d.severity, d.code, (d.message:gsub("\\n.*", ""))))
                  end
                  done = true
                end,
              },
            })
            vim.lsp.buf_attach_client(buffer, client)
            vim.wait(20000, function() return done end, 20)
            table.insert(lines, done and "received" or "nothing received")
            local handle = io.open(out, "w")
            handle:write(table.concat(lines, "\\n") .. "\\n")
            handle:close()
            vim.lsp.stop_client(client)
            vim.wait(5000, function() return vim.lsp.client_is_stopped(client) end, 20)
            vim.cmd("qa!")
            """.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = nvim
        process.arguments = ["--headless", "-n", "-i", "NONE", "-u", "NONE", "-c", "luafile " + script.path]
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["LEADBOOK_LANG"] = "en"
        environment["LSP_FILE"] = root.appendingPathComponent("customers/LX2024001-huadong.md").path
        environment["LSP_ROOT"] = root.path
        environment["LSP_BIN"] = Transcript.executable.path
        environment["LSP_OUT"] = output.path
        environment["XDG_STATE_HOME"] = root.appendingPathComponent(".state").path
        environment["XDG_DATA_HOME"] = root.appendingPathComponent(".data").path
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        if ended.wait(timeout: .now() + 60) == .timedOut {
            process.terminate()
            return XCTFail("nvim did not end")
        }
        let received = try String(contentsOf: output, encoding: .utf8)
        XCTAssertEqual(received, """
            8:24-8:34 2 ambiguous-scalar `contacts.phone` is text, but other YAML tools read `1380013800` as a number
            8:42-8:45 1 unknown-contact-role unknown contact role `老板x`
            received

            """)
    }

    static func program(_ name: String) -> URL? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}

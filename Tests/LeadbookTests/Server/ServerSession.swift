import Foundation
import XCTest
@testable import LeadbookServer
@testable import LeadbookText

/// A client of `LanguageServer` in the test's process: it writes framed messages as bytes and
/// reads what the server wrote back through `MessageStream`, as an editor would.
final class ServerSession {
    let server: LanguageServer
    private var stream = MessageStream()
    private var inbox: [JSON] = []
    private var nextId = 1

    init(environment: [String: String] = ["LEADBOOK_LANG": "en"], directory: String = "/") {
        weak var box: ServerSession?
        server = LanguageServer(environment: environment, currentDirectory: directory, version: "test") { bytes in
            box?.take(bytes)
        }
        box = self
    }

    private func take(_ bytes: [UInt8]) {
        for item in stream.append(bytes) {
            guard case .message(let body) = item, case .success(let json) = JSONReader.read(body) else {
                XCTFail("the server wrote something that is not a framed JSON message: \(item)")
                continue
            }
            inbox.append(json)
        }
    }

    /// Everything the server wrote since the last call.
    func drain() -> [JSON] {
        defer { inbox = [] }
        return inbox
    }

    func write(_ bytes: [UInt8]) { server.receive(bytes) }

    func write(_ message: JSON) { write(MessageStream.frame(message)) }

    /// Sends a request and gives back its response (the other messages stay for `drain`).
    @discardableResult
    func request(_ method: String, _ params: JSON = .null) -> JSON {
        let id = nextId
        nextId += 1
        write(.object([("jsonrpc", .string("2.0")), ("id", .int(id)), ("method", .string(method)), ("params", params)]))
        guard let index = inbox.firstIndex(where: { $0["id"] == .int(id) && $0["method"] == nil }) else {
            XCTFail("no response to \(method)")
            return .null
        }
        return inbox.remove(at: index)
    }

    func notify(_ method: String, _ params: JSON = .object([])) {
        write(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
    }

    /// The diagnostics published for `uri` since the last drain (the last publication), nil when none.
    func published(_ uri: String) -> [JSON]? {
        let all = drain()
        let mine = all.filter { $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri }
        inbox = all.filter { message in !mine.contains { $0 == message } }
        return mine.last?["params"]?["diagnostics"]?.arrayValue
    }

    func logMessages() -> [String] {
        drain().filter { $0["method"]?.stringValue == "window/logMessage" }.compactMap { $0["params"]?["message"]?.stringValue }
    }

    func initialize(root: URL?, encodings: [String]? = nil, options: JSON? = nil) -> JSON {
        var capabilities: [(String, JSON)] = []
        if let encodings { capabilities.append(("general", .object([("positionEncodings", .array(encodings.map(JSON.string)))]))) }
        var params: [(String, JSON)] = [("processId", .null), ("capabilities", .object(capabilities)),
                                        ("rootUri", root.map { .string(ServerSession.uri($0)) } ?? .null)]
        if let options { params.append(("initializationOptions", options)) }
        let response = request("initialize", .object(params))
        notify("initialized")
        return response
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", .object([("textDocument", .object([("uri", .string(uri)), ("languageId", .string("markdown")),
                                                                            ("version", .int(version)), ("text", .string(text))]))]))
    }

    func change(_ uri: String, version: Int, _ changes: [JSON]) {
        notify("textDocument/didChange", .object([("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
                                                   ("contentChanges", .array(changes))]))
    }

    static func edit(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int, _ text: String) -> JSON {
        .object([("range", .object([("start", .object([("line", .int(startLine)), ("character", .int(startCharacter))])),
                                    ("end", .object([("line", .int(endLine)), ("character", .int(endCharacter))]))])),
                 ("text", .string(text))])
    }

    static func uri(_ url: URL) -> String { DocumentURI.of(path: url.path) }
}

extension JSON {
    /// `range.start` and `range.end` of a diagnostic as (line, character) pairs.
    var span: [Int] {
        [self["range"]?["start"]?["line"]?.intValue ?? -1, self["range"]?["start"]?["character"]?.intValue ?? -1,
         self["range"]?["end"]?["line"]?.intValue ?? -1, self["range"]?["end"]?["character"]?.intValue ?? -1]
    }
}

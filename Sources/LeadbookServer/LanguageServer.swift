import Foundation
import LeadbookCore
import LeadbookText

/// `leadbook lsp`: the language server, as a state machine over bytes. `receive` takes what
/// the client wrote (any split), `send` is handed every framed message for the client, and
/// `exitCode` is set once the client said `exit` (0 after `shutdown`, 1 without) or went away.
/// Everything runs on the caller's thread, one message after the other, so tests drive it
/// in-process with byte streams; `StdioLoop` is the thin edge to a real client.
public final class LanguageServer {
    /// JSON-RPC and LSP error codes.
    public enum ErrorCode: Int {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case serverNotInitialized = -32002
        case requestCancelled = -32800
    }

    /// The largest document the server checks, as `check` reads customer files: a larger one
    /// gets the file-too-large finding and a message in the client's log.
    public static let maxDocumentSize = CustomerFiles.maxSize

    private let environment: [String: String]
    private let currentDirectory: String
    private let version: String
    private let send: ([UInt8]) -> Void
    private var stream = MessageStream()

    public private(set) var exitCode: Int32?
    private var initialized = false
    private var shutdownRequested = false
    public private(set) var encoding: PositionEncoding = .utf16
    /// The language `initializationOptions.language` named.
    private var languageOption: Language?
    private let commandLanguage: Language?
    private var rootHint: String?
    private var clientWatchesFiles = false

    private var documents: [String: OpenDocument] = [:]
    /// Workspaces by their folder, read when a file of one is first opened.
    private var workspaces: [String: ServedWorkspace] = [:]
    /// The uris already told to be outside any workspace (told once each).
    private var toldOutside: Set<String> = []

    struct OpenDocument {
        var text: TextDocument
        /// The workspace folder and the path in it, when the file is in one.
        var root: String?
        var path: String?
        /// The diagnostics last published, as JSON (to publish again only what changed).
        var published: JSON?
        /// The findings last published (for code actions).
        var findings: [Diagnostic] = []
        /// Whether the client's log was told that the document is too large to check.
        var toldTooLarge = false
    }

    /// `language`: the one `leadbook lsp --lang` names (`initializationOptions.language` wins over it).
    public init(environment: [String: String], currentDirectory: String, version: String, language: Language? = nil,
                send: @escaping ([UInt8]) -> Void) {
        self.environment = environment
        self.commandLanguage = language
        self.currentDirectory = currentDirectory
        self.version = version
        self.send = send
    }

    // MARK: bytes in, messages out

    /// Takes bytes from the client and answers every whole message among them. A
    /// `$/cancelRequest` for a request that arrived in the same bytes answers that request with
    /// RequestCancelled instead of doing it.
    public func receive(_ bytes: [UInt8]) {
        guard exitCode == nil else { return }
        var messages: [Result<JSON, JSONReader.Problem>] = []
        for item in stream.append(bytes) {
            switch item {
            case .message(let body): messages.append(JSONReader.read(body))
            case .problem(let phrase): log(.error, phrase)
            }
        }
        var cancelled: Set<String> = []
        for case .success(let message) in messages where message["method"]?.stringValue == "$/cancelRequest" {
            if let id = message["params"]?["id"], !id.isNull { cancelled.insert(id.rendered(indent: nil)) }
        }
        for message in messages {
            guard exitCode == nil else { return }
            switch message {
            case .failure(let problem):
                log(.error, Message.notJSON(problem.phrase))
                respond(id: .null, error: .parseError, Message.notJSON(problem.phrase))
            case .success(let json):
                if let id = json["id"], json["method"] != nil, cancelled.contains(id.rendered(indent: nil)) {
                    respond(id: id, error: .requestCancelled, Message.cancelled)
                    continue
                }
                handle(json)
            }
        }
    }

    /// The client closed its end: the server ends (0 when it was shut down, 1 otherwise).
    public func endOfInput() {
        guard exitCode == nil else { return }
        if stream.holdsPartialMessage { log(.warning, Message.cutShort) }
        exitCode = shutdownRequested ? 0 : 1
    }

    private func write(_ message: JSON) { send(MessageStream.frame(message)) }

    private func respond(id: JSON, result: JSON) {
        write(.object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)]))
    }

    private func respond(id: JSON, error: ErrorCode, _ message: Phrase) {
        write(.object([("jsonrpc", .string("2.0")), ("id", id),
                       ("error", .object([("code", .int(error.rawValue)), ("message", .string(message.text(language)))]))]))
    }

    private func notify(_ method: String, _ params: JSON) {
        write(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
    }

    enum LogLevel: Int {
        case error = 1, warning = 2, info = 3, log = 4
    }

    private func log(_ level: LogLevel, _ phrase: Phrase) {
        notify("window/logMessage", .object([("type", .int(level.rawValue)), ("message", .string("leadbook: " + phrase.text(language)))]))
    }

    // MARK: dispatch

    private func handle(_ message: JSON) {
        guard case .object = message, message["jsonrpc"]?.stringValue == "2.0" else {
            respond(id: validId(message["id"]) ?? .null, error: .invalidRequest, Message.notJSONRPC)
            return
        }
        let id = message["id"]
        guard let method = message["method"]?.stringValue else {
            // A response to a request of the server (client/registerCapability): nothing to do.
            if id != nil, message["result"] != nil || message["error"] != nil { return }
            respond(id: validId(id) ?? .null, error: .invalidRequest, Message.notJSONRPC)
            return
        }
        let params = message["params"] ?? .null
        if let id {
            guard let id = validId(id) else {
                respond(id: .null, error: .invalidRequest, Message.notJSONRPC)
                return
            }
            request(id, method, params)
        } else {
            notification(method, params)
        }
    }

    /// An id is a number or a string.
    private func validId(_ id: JSON?) -> JSON? {
        switch id {
        case .int?, .string?: return id
        case .double(let value)? where value.rounded() == value: return id
        default: return nil
        }
    }

    private func request(_ id: JSON, _ method: String, _ params: JSON) {
        if method == "initialize" {
            guard !initialized else { return respond(id: id, error: .invalidRequest, Message.initializedTwice) }
            return respond(id: id, result: initialize(params))
        }
        guard initialized else { return respond(id: id, error: .serverNotInitialized, Message.notInitialized(method)) }
        guard !shutdownRequested else { return respond(id: id, error: .invalidRequest, Message.afterShutdown(method)) }
        switch method {
        case "shutdown":
            shutdownRequested = true
            respond(id: id, result: .null)
        default:
            if let result = EditorRequests.answer(method, params, self) {
                switch result {
                case .success(let json): respond(id: id, result: json)
                case .failure(let failure): respond(id: id, error: .invalidParams, failure.phrase)
                }
            } else {
                respond(id: id, error: .methodNotFound, Message.unknownMethod(method))
            }
        }
    }

    private func notification(_ method: String, _ params: JSON) {
        if method == "exit" {
            exitCode = shutdownRequested ? 0 : 1
            return
        }
        // Before initialize, notifications are dropped (LSP 3.17); so is `$/` the server does
        // not take, and everything after shutdown.
        guard initialized, !shutdownRequested else { return }
        switch method {
        case "initialized": registerWatchers()
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        case "textDocument/didSave": didSave(params)
        case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(params)
        default: break
        }
    }

    // MARK: lifecycle

    private func initialize(_ params: JSON) -> JSON {
        initialized = true
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        encoding = offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
        if let code = params["initializationOptions"]?["language"]?.stringValue {
            languageOption = Language(code: code)
            if languageOption == nil { deferredLogs.append((.warning, Message.unknownLanguage(code))) }
        }
        clientWatchesFiles = params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue == true
        // Where the editor was started: the first workspace folder, rootUri, then rootPath.
        if let folder = params["workspaceFolders"]?.arrayValue?.first?["uri"]?.stringValue.flatMap(DocumentURI.path) {
            rootHint = folder
        } else if let root = params["rootUri"]?.stringValue.flatMap(DocumentURI.path) {
            rootHint = root
        } else if let root = params["rootPath"]?.stringValue, root.hasPrefix("/") {
            rootHint = root
        }
        if let rootHint, case .success(let root) = Workspace.locate(from: rootHint, explicit: nil) {
            _ = served(root)
        }
        var capabilities: [(String, JSON)] = [
            ("positionEncoding", .string(encoding.rawValue)),
            ("textDocumentSync", .object([("openClose", .bool(true)), ("change", .int(2)),
                                          ("save", .object([("includeText", .bool(false))]))])),
        ]
        capabilities += EditorRequests.capabilities
        return .object([("capabilities", .object(capabilities)),
                        ("serverInfo", .object([("name", .string("leadbook")), ("version", .string(version))]))])
    }

    private var deferredLogs: [(LogLevel, Phrase)] = []

    private func registerWatchers() {
        for (level, phrase) in deferredLogs { log(level, phrase) }
        deferredLogs = []
        guard clientWatchesFiles else { return }
        let watchers: JSON = .array([.object([("globPattern", .string("**/*.md"))]), .object([("globPattern", .string("**/leadbook.yml"))])])
        write(.object([("jsonrpc", .string("2.0")), ("id", .string("leadbook-watch")), ("method", .string("client/registerCapability")),
                       ("params", .object([("registrations", .array([.object([
                           ("id", .string("leadbook-watch")), ("method", .string("workspace/didChangeWatchedFiles")),
                           ("registerOptions", .object([("watchers", watchers)])),
                       ])]))]))]))
    }

    /// The language of what the server says: `initializationOptions.language`, else `--lang`,
    /// else `LEADBOOK_LANG`, else the workspace's leadbook.yml, else the locale, else Chinese.
    var language: Language { language(root: workspaces.keys.sorted().first) }

    func language(root: String?) -> Language {
        if let languageOption { return languageOption }
        if let commandLanguage { return commandLanguage }
        if let value = environment["LEADBOOK_LANG"], let language = Language(code: value) { return language }
        if let root, let served = workspaces[root] { return served.configuration.language }
        return Language.ofLocale(environment) ?? .zhCN
    }

    private func served(_ root: String) -> ServedWorkspace {
        if let served = workspaces[root] { return served }
        let served = ServedWorkspace(root: root)
        workspaces[root] = served
        return served
    }

    // MARK: documents

    private func textDocument(_ params: JSON) -> (uri: String, version: Int?)? {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            log(.warning, Message.noDocument)
            return nil
        }
        return (uri, params["textDocument"]?["version"]?.intValue)
    }

    /// The workspace and the path in it of a file, found from where the editor started or,
    /// failing that, from the file's folder upwards.
    private func place(of uri: String) -> (root: String, path: String)? {
        guard let absolute = DocumentURI.path(uri).map(Workspace.normalize) else { return nil }
        for root in workspaces.keys.sorted(by: { $0.count > $1.count }) {
            if let path = relative(absolute, to: root) { return (root, path) }
        }
        let folder = String(absolute[..<(absolute.lastIndex(of: "/") ?? absolute.endIndex)])
        guard case .success(let root) = Workspace.locate(from: folder.isEmpty ? "/" : folder, explicit: nil),
              let path = relative(absolute, to: root) else { return nil }
        _ = served(root)
        return (root, path)
    }

    private func relative(_ absolute: String, to root: String) -> String? {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        if absolute.hasPrefix(prefix) { return String(absolute.dropFirst(prefix.count)) }
        if let resolved = FileAccess.resolve(absolute), let resolvedRoot = FileAccess.resolve(root), resolved.hasPrefix(resolvedRoot + "/") {
            return String(resolved.dropFirst(resolvedRoot.count + 1))
        }
        return nil
    }

    private func didOpen(_ params: JSON) {
        guard let (uri, version) = textDocument(params) else { return }
        guard let text = params["textDocument"]?["text"]?.stringValue else { return log(.warning, Message.noText(uri)) }
        let place = place(of: uri)
        var document = OpenDocument(text: TextDocument(uri: uri, version: version ?? 0, bytes: Array(text.utf8)), root: place?.root, path: place?.path)
        if place == nil, !toldOutside.contains(uri) {
            toldOutside.insert(uri)
            log(.info, Message.outsideWorkspace(DocumentURI.path(uri) ?? uri))
        }
        document.published = nil
        documents[uri] = document
        publish(uri)
    }

    private func didChange(_ params: JSON) {
        guard let (uri, version) = textDocument(params) else { return }
        guard var document = documents[uri] else { return log(.warning, Message.notOpen(uri)) }
        for change in params["contentChanges"]?.arrayValue ?? [] {
            guard let text = change["text"]?.stringValue else { continue }
            if let range = change["range"], let start = TextPosition(range["start"]), let end = TextPosition(range["end"]) {
                let from = document.text.offset(of: start, encoding)
                let to = max(from, document.text.offset(of: end, encoding))
                document.text.replace(from..<to, with: Array(text.utf8))
            } else {
                document.text.replaceAll(with: Array(text.utf8))
            }
        }
        if let version { document.text.version = version }
        documents[uri] = document
        publish(uri)
    }

    private func didClose(_ params: JSON) {
        guard let (uri, _) = textDocument(params) else { return }
        guard let document = documents.removeValue(forKey: uri) else { return }
        notify("textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("diagnostics", .array([]))]))
        if let root = document.root, let path = document.path, let served = workspaces[root] {
            served.closeBuffer(path)
            publishOthers(root, except: uri)
        }
    }

    private func didSave(_ params: JSON) {
        guard let (uri, _) = textDocument(params), let document = documents[uri], let root = document.root else { return }
        guard let served = workspaces[root] else { return }
        // leadbook.yml changes every file's findings; without watched-file events, a save is
        // when the files on disk are looked at again.
        if document.path == Workspace.configurationFileName || !clientWatchesFiles { reload(served) }
    }

    private func didChangeWatchedFiles(_ params: JSON) {
        var touched: Set<String> = []
        for change in params["changes"]?.arrayValue ?? [] {
            guard let uri = change["uri"]?.stringValue, let absolute = DocumentURI.path(uri).map(Workspace.normalize) else { continue }
            for (root, served) in workspaces {
                guard let path = relative(absolute, to: root) else { continue }
                if path == Workspace.configurationFileName {
                    reload(served)
                } else {
                    served.refreshFromDisk(path)
                    touched.insert(root)
                }
            }
        }
        for root in touched { publishOthers(root, except: nil) }
    }

    /// leadbook.yml and the customer files read again; every open file of the workspace checked again.
    private func reload(_ served: ServedWorkspace) {
        var open: [String: [UInt8]] = [:]
        for document in documents.values where document.root == served.root {
            if let path = document.path { open[path] = document.text.bytes }
        }
        served.reload(open: open)
        publishOthers(served.root, except: nil)
    }

    /// The other open files of a workspace, published again when their findings changed.
    private func publishOthers(_ root: String, except uri: String?) {
        for (other, document) in documents.sorted(by: { $0.key < $1.key }) where document.root == root && other != uri {
            publish(other, onlyWhenChanged: true)
        }
    }

    // MARK: diagnostics

    private func publish(_ uri: String, onlyWhenChanged: Bool = false) {
        guard var document = documents[uri] else { return }
        if document.text.bytes.count > Self.maxDocumentSize, !document.toldTooLarge, let path = document.path {
            document.toldTooLarge = true
            log(.warning, Message.tooLarge(path, document.text.bytes.count))
        }
        let (findings, language) = self.findings(document)
        let rendered = JSON.array(findings.map { lspDiagnostic($0, document.text, language) })
        document.findings = findings
        if onlyWhenChanged, let published = document.published, published == rendered {
            documents[uri] = document
            return
        }
        document.published = rendered
        documents[uri] = document
        notify("textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("version", .int(document.text.version)),
                                                           ("diagnostics", rendered)]))
        if let root = document.root, !onlyWhenChanged { publishOthers(root, except: uri) }
    }

    /// What `check` says of an open file, and in which language.
    private func findings(_ document: OpenDocument) -> ([Diagnostic], Language) {
        guard let root = document.root, let path = document.path, let served = workspaces[root] else { return ([], language) }
        let bytes = document.text.bytes
        let found: [Diagnostic]
        if path == Workspace.configurationFileName {
            found = ConfigurationReader.read(SourceText(path: path, bytes: bytes)).1.sorted(by: Diagnostic.ordered)
        } else if served.isCustomerPath(path) {
            found = served.check(path, bytes)
        } else {
            return ([], language)
        }
        return (found, language(root: root))
    }

    func lspDiagnostic(_ diagnostic: Diagnostic, _ text: TextDocument, _ language: Language) -> JSON {
        let range = Self.range(of: diagnostic, in: text, encoding)
        var message = diagnostic.phrase.text(language)
        if !diagnostic.hintPhrase.isEmpty { message += "\n" + Message.hint.text(language) + diagnostic.hintPhrase.text(language) }
        return .object([
            ("range", .object([("start", range.start.json), ("end", range.end.json)])),
            ("severity", .int(diagnostic.severity == .error ? 1 : 2)),
            ("code", .string(diagnostic.rule.id)),
            ("source", .string("leadbook")),
            ("message", .string(message)),
        ])
    }

    /// Where a finding is, in the client's units: its line and column (`Diagnostic.column`
    /// counts characters after a BOM and before a `\r`) to the end of the word there.
    static func range(of diagnostic: Diagnostic, in text: TextDocument, _ encoding: PositionEncoding) -> (start: TextPosition, end: TextPosition) {
        let line = min(max(0, diagnostic.line - 1), text.lineCount - 1)
        var bounds = text.lineBounds(line)
        let bytes = text.bytes
        var lineStart = bounds.lowerBound
        if line == 0, UTF8Bytes.hasBOM(bytes) { lineStart = min(3, bounds.upperBound) }
        bounds = lineStart..<bounds.upperBound
        let lineText = String(decoding: bytes[bounds], as: UTF8.self)
        let before = lineText.prefix(max(0, diagnostic.column - 1)).utf8.count
        let start = bounds.lowerBound + before
        var end = start
        while end < bounds.upperBound, !Self.endsWord(bytes[end]) { end += 1 }
        let lineBegin = text.lineBounds(line).lowerBound
        return (TextPosition(line: line, character: text.units(from: lineBegin, to: start, encoding)),
                TextPosition(line: line, character: text.units(from: lineBegin, to: end, encoding)))
    }

    /// A space, a tab or the punctuation of a YAML flow collection ends the word a finding marks.
    static func endsWord(_ byte: UInt8) -> Bool {
        byte == ASCII.space || byte == ASCII.tab || byte == ASCII.comma || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
    }

    // MARK: what editor requests see

    /// The open document of a request, and where it is.
    func document(_ params: JSON) -> (text: TextDocument, root: String?, path: String?, diagnostics: [Diagnostic])? {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let document = documents[uri] else { return nil }
        return (document.text, document.root, document.path, document.findings)
    }

    /// Seconds since 1970 now (tests set a fixed moment): today's date in completions.
    public var clock: () -> Int = { Int(Date().timeIntervalSince1970) }

    func workspace(_ root: String?) -> ServedWorkspace? { root.flatMap { workspaces[$0] } }
}

extension LanguageServer {
    enum Message {
        static func notJSON(_ problem: Phrase) -> Phrase { Phrase("a message that is not JSON: ", "收到的消息不是 JSON：") + problem }
        static let notJSONRPC = Phrase("not a JSON-RPC 2.0 message (it needs `\"jsonrpc\": \"2.0\"`, a `method` and, for a request, an `id` that is a number or a string)",
                                       "不是 JSON-RPC 2.0 消息（要有 `\"jsonrpc\": \"2.0\"`、`method`，请求还要有数字或字符串的 `id`）")
        static let cancelled = Phrase("the request was cancelled", "请求已取消")
        static let cutShort = Phrase("the client closed the connection in the middle of a message", "客户端在一条消息中途关闭了连接")
        static let initializedTwice = Phrase("`initialize` was already received", "已经收到过 `initialize`")
        static func notInitialized(_ method: String) -> Phrase {
            Phrase("`\(method)` before `initialize`: the server is not initialized yet", "`\(method)` 在 `initialize` 之前：服务器还没有初始化")
        }
        static func afterShutdown(_ method: String) -> Phrase {
            Phrase("`\(method)` after `shutdown`: only `exit` is accepted now", "`\(method)` 在 `shutdown` 之后：现在只接受 `exit`")
        }
        static func unknownMethod(_ method: String) -> Phrase {
            Phrase("leadbook does not answer `\(method)`", "leadbook 不处理 `\(method)`")
        }
        static func unknownLanguage(_ code: String) -> Phrase {
            Phrase("initializationOptions.language `\(code)` is not a language leadbook speaks (zh-CN or en): ignored",
                   "initializationOptions.language 的值 `\(code)` 不是 leadbook 支持的语言（zh-CN 或 en）：已忽略")
        }
        static let noDocument = Phrase("a notification without `textDocument.uri`: ignored", "通知里没有 `textDocument.uri`：已忽略")
        static func noText(_ uri: String) -> Phrase {
            Phrase("`didOpen` of \(uri) without its text: ignored", "打开 \(uri) 的通知里没有文本：已忽略")
        }
        static func notOpen(_ uri: String) -> Phrase {
            Phrase("a change to \(uri), which is not open: ignored", "\(uri) 没有打开，却收到了修改：已忽略")
        }
        static func outsideWorkspace(_ path: String) -> Phrase {
            Phrase("\(path) is not in a leadbook workspace (no leadbook.yml in its folder or above): it is not checked",
                   "\(path) 不在 leadbook 工作区里（所在文件夹及以上都没有 leadbook.yml）：不检查")
        }
        static func tooLarge(_ path: String, _ size: Int) -> Phrase {
            Phrase("\(path) is \(size / (1024 * 1024)) MB, more than the \(LanguageServer.maxDocumentSize / (1024 * 1024)) MB of a customer file: it is not checked",
                   "\(path) 有 \(size / (1024 * 1024)) MB，超过客户文件最大的 \(LanguageServer.maxDocumentSize / (1024 * 1024)) MB：不检查")
        }
        static let hint = Phrase("hint: ", "提示：")
    }
}

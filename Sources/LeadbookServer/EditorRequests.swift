import LeadbookCore
import LeadbookText

/// The requests about an open customer file that the editor features answer (completion,
/// hover, code actions, the outline: `Core/Editor/`), and the capabilities the server announces
/// for them. The features count columns in UTF-8 bytes of a line's text; the client's
/// positions are turned into byte offsets of the buffer and back (`TextDocument`), so they are
/// right in either encoding. Anything but a customer file of a workspace gets an empty answer.
enum EditorRequests {
    /// What `initialize` announces beyond text sync.
    static let capabilities: [(String, JSON)] = [
        ("completionProvider", .object([("triggerCharacters", .array([":", " ", "@", "-"].map(JSON.string)))])),
        ("hoverProvider", .bool(true)),
        ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix"), .string("source")]))])),
        ("documentSymbolProvider", .bool(true)),
    ]

    /// The answer to `method`, nil when it is not one of these requests.
    static func answer(_ method: String, _ params: JSON, _ server: LanguageServer) -> Result<JSON, Failure>? {
        switch method {
        case "textDocument/completion": return opened(params, server, empty: .array([])) { completion($0, params, server) }
        case "textDocument/hover": return opened(params, server, empty: .null) { hover($0, params, server) }
        case "textDocument/codeAction": return opened(params, server, empty: .array([])) { codeActions($0, params, server) }
        case "textDocument/documentSymbol": return opened(params, server, empty: .array([])) { symbols($0, server) }
        default: return nil
        }
    }

    struct Failure: Error {
        let phrase: Phrase
    }

    /// An open customer file, as the features see it.
    struct Opened {
        var text: TextDocument
        var document: EditorDocument
        var served: ServedWorkspace
        var diagnostics: [Diagnostic]
        var language: Language
    }

    private static func opened(_ params: JSON, _ server: LanguageServer, empty: JSON,
                               _ body: (Opened) -> Result<JSON, Failure>) -> Result<JSON, Failure> {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else { return .failure(Failure(phrase: Message.noDocument)) }
        guard let open = server.document(params) else { return .failure(Failure(phrase: Message.notOpen(uri))) }
        guard let path = open.path, let served = server.workspace(open.root), served.isCustomerPath(path),
              open.text.bytes.count <= LanguageServer.maxDocumentSize else { return .success(empty) }
        let document = EditorDocument(bytes: open.text.bytes, path: path, configuration: served.configuration)
        return body(Opened(text: open.text, document: document, served: served, diagnostics: open.diagnostics,
                           language: server.language(root: open.root)))
    }

    // MARK: positions

    static func editorPosition(_ json: JSON?, _ opened: Opened, _ encoding: PositionEncoding) -> EditorPosition? {
        guard let position = TextPosition(json) else { return nil }
        return opened.document.position(of: opened.text.offset(of: position, encoding))
    }

    static func lsp(_ position: EditorPosition, _ opened: Opened, _ encoding: PositionEncoding) -> JSON {
        opened.text.position(of: opened.document.offset(of: position), encoding).json
    }

    static func lsp(_ range: EditorRange, _ opened: Opened, _ encoding: PositionEncoding) -> JSON {
        .object([("start", lsp(range.start, opened, encoding)), ("end", lsp(range.end, opened, encoding))])
    }

    static func textEdit(_ edit: EditorTextEdit, _ opened: Opened, _ encoding: PositionEncoding) -> JSON {
        .object([("range", lsp(edit.range, opened, encoding)), ("newText", .string(edit.newText))])
    }

    private static func invalidPosition() -> Result<JSON, Failure> { .failure(Failure(phrase: Message.noPosition)) }

    // MARK: the requests

    static func completion(_ opened: Opened, _ params: JSON, _ server: LanguageServer) -> Result<JSON, Failure> {
        guard let position = editorPosition(params["position"], opened, server.encoding) else { return invalidPosition() }
        let now = opened.served.configuration.timezone.localTime(secondsSince1970: server.clock())
        let items = EditorCompletion.items(opened.document, at: position, now: now, language: opened.language)
        return .success(.array(items.enumerated().map { index, item in
            var fields: [(String, JSON)] = [("label", .string(item.label)), ("kind", .int(kind(item.kind)))]
            if let detail = item.detail { fields.append(("detail", .string(detail))) }
            // Kept in the features' order (keys in front-matter order, values in the vocabulary's).
            fields.append(("sortText", .string(sortKey(index))))
            if let range = item.range {
                fields.append(("textEdit", textEdit(EditorTextEdit(range: range, newText: item.insertText), opened, server.encoding)))
                fields.append(("filterText", .string(filterText(item))))
            } else {
                fields.append(("insertText", .string(item.insertText)))
            }
            return .object(fields)
        }))
    }

    /// What the editor matches the typed word against: the value and its label, so `won` and
    /// `成交` both find 成交（won）.
    static func filterText(_ item: EditorCompletion.Item) -> String {
        item.label == item.insertText ? item.label : item.insertText + " " + item.label
    }

    static func sortKey(_ index: Int) -> String {
        let digits = String(index)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// LSP's CompletionItemKind.
    static func kind(_ kind: EditorCompletion.Kind) -> Int {
        switch kind {
        case .field: return 5
        case .value: return 20
        case .person: return 18
        case .channel: return 13
        case .date: return 21
        case .key: return 14
        }
    }

    static func hover(_ opened: Opened, _ params: JSON, _ server: LanguageServer) -> Result<JSON, Failure> {
        guard let position = editorPosition(params["position"], opened, server.encoding) else { return invalidPosition() }
        guard let found = EditorHover.hover(opened.document, at: position, language: opened.language,
                                            customerName: { opened.served.customerName($0) }) else { return .success(.null) }
        return .success(.object([("contents", .object([("kind", .string("markdown")), ("value", .string(found.markdown))])),
                                 ("range", lsp(found.range, opened, server.encoding))]))
    }

    static func codeActions(_ opened: Opened, _ params: JSON, _ server: LanguageServer) -> Result<JSON, Failure> {
        guard let start = editorPosition(params["range"]?["start"], opened, server.encoding),
              let end = editorPosition(params["range"]?["end"], opened, server.encoding) else { return invalidPosition() }
        let only = params["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
        let actions = EditorAction.actions(opened.document, diagnostics: opened.diagnostics, in: EditorRange(start: start, end: end),
                                           language: opened.language)
        let uri = opened.text.uri
        return .success(.array(actions.compactMap { action -> JSON? in
            let kind = action.kind == .quickFix ? "quickfix" : "source"
            if let only, !only.contains(where: { kind == $0 || kind.hasPrefix($0 + ".") }) { return nil }
            var fields: [(String, JSON)] = [("title", .string(action.title)), ("kind", .string(kind))]
            if let diagnostic = action.diagnostic {
                fields.append(("diagnostics", .array([server.lspDiagnostic(diagnostic, opened.text, opened.language)])))
            }
            fields.append(("edit", .object([("changes", .object([(uri, .array(action.edits.map { textEdit($0, opened, server.encoding) }))]))])))
            return .object(fields)
        }))
    }

    static func symbols(_ opened: Opened, _ server: LanguageServer) -> Result<JSON, Failure> {
        func render(_ symbol: EditorOutline.Symbol) -> JSON {
            var fields: [(String, JSON)] = [("name", .string(symbol.name.isEmpty ? "-" : symbol.name))]
            if let detail = symbol.detail { fields.append(("detail", .string(detail))) }
            fields.append(("kind", .int(kind(symbol.kind))))
            fields.append(("range", lsp(symbol.range, opened, server.encoding)))
            fields.append(("selectionRange", lsp(symbol.selectionRange, opened, server.encoding)))
            if !symbol.children.isEmpty { fields.append(("children", .array(symbol.children.map(render)))) }
            return .object(fields)
        }
        return .success(.array(EditorOutline.symbols(opened.document, language: opened.language).map(render)))
    }

    /// LSP's SymbolKind.
    static func kind(_ kind: EditorOutline.Kind) -> Int {
        switch kind {
        case .section: return 3
        case .field: return 8
        case .entry: return 24
        }
    }
}

extension EditorRequests {
    enum Message {
        static let noDocument = Phrase("the request names no `textDocument.uri`", "请求里没有 `textDocument.uri`")
        static func notOpen(_ uri: String) -> Phrase { Phrase("\(uri) is not open", "\(uri) 没有打开") }
        static let noPosition = Phrase("the request has no valid `position` or `range`", "请求里没有有效的 `position` 或 `range`")
    }
}

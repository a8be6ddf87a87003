/// Reads the XML that workbooks are made of, from UTF-8 bytes: elements, attributes, text,
/// the five predefined entities and numeric character references, CDATA sections, comments
/// and processing instructions (skipped), and namespaces by prefix (`xmlns`, `xmlns:x`).
///
/// There is no DTD processing at all: a document with a `<!DOCTYPE` is refused, so no entity
/// is ever defined, expanded or fetched (no XXE, no "billion laughs"). Line ends in text are
/// read as XML says (CRLF and CR as LF); `&#13;` stays a CR.
public enum XMLReader {
    /// An element's or attribute's name: its prefix, its local part and the namespace the
    /// prefix is bound to where it stands (nil: no namespace).
    public struct Name: Sendable, Equatable {
        public var prefix: String
        public var local: String
        public var namespace: String?
    }

    public struct Attribute: Sendable, Equatable {
        public var name: Name
        public var value: String
    }

    /// An element's start tag.
    public struct Element: Sendable {
        public var name: Name
        public var attributes: [Attribute]
        /// Byte offset of its `<`.
        public var offset: Int

        /// The value of the attribute with this local name and no prefix (or with this namespace).
        public func attribute(_ local: String, namespace: String? = nil) -> String? {
            attributes.first { $0.name.local == local && (namespace == nil ? $0.name.prefix.isEmpty : $0.name.namespace == namespace) }?.value
        }
    }

    /// What the reader hands on, in document order.
    public protocol Handler {
        mutating func start(_ element: Element) throws(XMLProblem)
        mutating func end(_ name: Name) throws(XMLProblem)
        /// Text between tags, entities replaced; one run of text may come in several pieces.
        mutating func text(_ text: String) throws(XMLProblem)
    }

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Reads `bytes` and hands every start tag, end tag and text to `handler`.
    public static func read<H: Handler>(_ bytes: [UInt8], into handler: inout H, maxDepth: Int = 256) throws(XMLProblem) {
        var failure: XMLProblem?
        bytes.withUnsafeBufferPointer { buffer in
            do throws(XMLProblem) {
                try read(buffer, into: &handler, maxDepth: maxDepth)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    static func read<H: Handler>(_ bytes: UnsafeBufferPointer<UInt8>, into handler: inout H, maxDepth: Int) throws(XMLProblem) {
        switch UTF8Bytes.check(bytes) {
        case .nul(let offset)?: throw XMLProblem(.nul, offset: offset)
        case .invalid(let offset)?: throw XMLProblem(.invalidUTF8, offset: offset)
        case nil: break
        }
        let count = bytes.count
        var index = UTF8Bytes.hasBOM(bytes) ? 3 : 0
        // The open elements: their qualified names, and how many namespace bindings each added.
        var open: [(qualified: String, name: Name, bindings: Int)] = []
        var bindings: [(prefix: String, uri: String)] = [("xml", xmlNamespace)]
        var sawRoot = false
        var text: [UInt8] = []

        func starts(_ literal: StaticString, at: Int) -> Bool {
            let length = literal.utf8CodeUnitCount
            guard at + length <= count else { return false }
            let pointer = literal.utf8Start
            for offset in 0..<length where bytes[at + offset] != pointer[offset] { return false }
            return true
        }
        func find(_ literal: StaticString, from: Int) -> Int? {
            var at = from
            let first = literal.utf8Start[0]
            while true {
                at = UTF8Bytes.find(first, in: bytes, from: at, to: count)
                guard at < count else { return nil }
                if starts(literal, at: at) { return at }
                at += 1
            }
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func isNameByte(_ byte: UInt8) -> Bool {
            !(isSpace(byte) || byte == ASCII.slash || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=")
              || byte == UInt8(ascii: "<") || byte == ASCII.doubleQuote || byte == ASCII.singleQuote)
        }
        func namespace(_ prefix: String) -> String? {
            for binding in bindings.reversed() where binding.prefix == prefix { return binding.uri.isEmpty ? nil : binding.uri }
            return nil
        }
        func split(_ qualified: String) -> (String, String) {
            guard let colon = qualified.utf8.firstIndex(of: UInt8(ascii: ":")) else { return ("", qualified) }
            return (String(qualified[..<colon]), String(qualified[qualified.utf8.index(after: colon)...]))
        }
        /// Appends the text of `range` to `output`, entities replaced; `attribute`: white space as spaces.
        func decode(_ range: Range<Int>, attribute: Bool, into output: inout [UInt8]) throws(XMLProblem) {
            var at = range.lowerBound
            while at < range.upperBound {
                let byte = bytes[at]
                if byte == UInt8(ascii: "&") {
                    guard let semicolon = (at + 1..<min(range.upperBound, at + 12)).first(where: { bytes[$0] == UInt8(ascii: ";") }) else {
                        throw XMLProblem(.badReference, offset: at)
                    }
                    let name = UTF8Bytes.string(bytes, (at + 1)..<semicolon)
                    switch name {
                    case "lt": output.append(UInt8(ascii: "<"))
                    case "gt": output.append(UInt8(ascii: ">"))
                    case "amp": output.append(UInt8(ascii: "&"))
                    case "quot": output.append(ASCII.doubleQuote)
                    case "apos": output.append(ASCII.singleQuote)
                    default:
                        var value: UInt32?
                        if name.hasPrefix("#x") { value = UInt32(name.dropFirst(2), radix: 16) }
                        else if name.hasPrefix("#") { value = UInt32(name.dropFirst(), radix: 10) }
                        else { throw XMLProblem(.unknownEntity(name), offset: at) }
                        guard let code = value, XMLText.isAllowed(code) else { throw XMLProblem(.badReference, offset: at) }
                        UTF8Bytes.append(code, to: &output)
                    }
                    at = semicolon + 1
                } else if byte == ASCII.cr {
                    output.append(attribute ? 0x20 : ASCII.lf)
                    at += at + 1 < range.upperBound && bytes[at + 1] == ASCII.lf ? 2 : 1
                } else if attribute && (byte == ASCII.lf || byte == ASCII.tab) {
                    output.append(0x20)
                    at += 1
                } else if byte == UInt8(ascii: "<") {
                    throw XMLProblem(.unexpectedLessThan, offset: at)
                } else {
                    output.append(byte)
                    at += 1
                }
            }
        }
        func flushText() throws(XMLProblem) {
            guard !text.isEmpty else { return }
            if open.isEmpty {
                guard text.allSatisfy(isSpace) else { throw XMLProblem(.textOutsideRoot, offset: index) }
            } else {
                try handler.text(String(decoding: text, as: UTF8.self))
            }
            text.removeAll(keepingCapacity: true)
        }

        while index < count {
            let byte = bytes[index]
            if byte != UInt8(ascii: "<") {
                let end = UTF8Bytes.find(UInt8(ascii: "<"), in: bytes, from: index, to: count)
                try decode(index..<end, attribute: false, into: &text)
                index = end
                continue
            }
            if starts("<!--", at: index) {
                guard let end = find("-->", from: index + 4) else { throw XMLProblem(.unclosed("<!--"), offset: index) }
                index = end + 3
            } else if starts("<![CDATA[", at: index) {
                guard let end = find("]]>", from: index + 9) else { throw XMLProblem(.unclosed("<![CDATA["), offset: index) }
                guard !open.isEmpty else { throw XMLProblem(.textOutsideRoot, offset: index) }
                var at = index + 9
                while at < end {
                    if bytes[at] == ASCII.cr {
                        text.append(ASCII.lf)
                        at += at + 1 < end && bytes[at + 1] == ASCII.lf ? 2 : 1
                    } else {
                        text.append(bytes[at])
                        at += 1
                    }
                }
                index = end + 3
            } else if starts("<!DOCTYPE", at: index) || starts("<!doctype", at: index) {
                throw XMLProblem(.doctype, offset: index)
            } else if starts("<!", at: index) {
                throw XMLProblem(.unexpectedLessThan, offset: index)
            } else if starts("<?", at: index) {
                guard let end = find("?>", from: index + 2) else { throw XMLProblem(.unclosed("<?"), offset: index) }
                index = end + 2
            } else if starts("</", at: index) {
                try flushText()
                var at = index + 2
                while at < count && isNameByte(bytes[at]) { at += 1 }
                let qualified = UTF8Bytes.string(bytes, (index + 2)..<at)
                while at < count && isSpace(bytes[at]) { at += 1 }
                guard at < count, bytes[at] == UInt8(ascii: ">") else { throw XMLProblem(.unclosed("</"), offset: index) }
                guard let last = open.last, last.qualified == qualified else {
                    throw XMLProblem(.mismatchedEnd(qualified, expected: open.last?.qualified), offset: index)
                }
                open.removeLast()
                bindings.removeLast(last.bindings)
                try handler.end(last.name)
                index = at + 1
            } else {
                try flushText()
                let tagStart = index
                var at = index + 1
                while at < count && isNameByte(bytes[at]) { at += 1 }
                guard at > index + 1 else { throw XMLProblem(.unexpectedLessThan, offset: index) }
                let qualified = UTF8Bytes.string(bytes, (index + 1)..<at)
                var raw: [(String, String)] = []
                var selfClosing = false
                while true {
                    while at < count && isSpace(bytes[at]) { at += 1 }
                    guard at < count else { throw XMLProblem(.unclosed("<\(qualified)"), offset: tagStart) }
                    if bytes[at] == UInt8(ascii: ">") { at += 1; break }
                    if bytes[at] == ASCII.slash {
                        guard at + 1 < count, bytes[at + 1] == UInt8(ascii: ">") else { throw XMLProblem(.unclosed("<\(qualified)"), offset: tagStart) }
                        selfClosing = true
                        at += 2
                        break
                    }
                    let nameStart = at
                    while at < count && isNameByte(bytes[at]) { at += 1 }
                    guard at > nameStart else { throw XMLProblem(.badAttribute, offset: at) }
                    let name = UTF8Bytes.string(bytes, nameStart..<at)
                    while at < count && isSpace(bytes[at]) { at += 1 }
                    guard at < count, bytes[at] == UInt8(ascii: "=") else { throw XMLProblem(.badAttribute, offset: at) }
                    at += 1
                    while at < count && isSpace(bytes[at]) { at += 1 }
                    guard at < count, bytes[at] == ASCII.doubleQuote || bytes[at] == ASCII.singleQuote else { throw XMLProblem(.badAttribute, offset: at) }
                    let quote = bytes[at]
                    let valueStart = at + 1
                    at = UTF8Bytes.find(quote, in: bytes, from: valueStart, to: count)
                    guard at < count else { throw XMLProblem(.unclosed("<\(qualified)"), offset: tagStart) }
                    var value: [UInt8] = []
                    try decode(valueStart..<at, attribute: true, into: &value)
                    at += 1
                    if raw.contains(where: { $0.0 == name }) { throw XMLProblem(.duplicateAttribute(name), offset: nameStart) }
                    raw.append((name, String(decoding: value, as: UTF8.self)))
                }
                if open.isEmpty && sawRoot { throw XMLProblem(.secondRoot, offset: tagStart) }
                if open.count >= maxDepth { throw XMLProblem(.tooDeep(maxDepth), offset: tagStart) }
                sawRoot = true
                var added = 0
                for (name, value) in raw {
                    if name == "xmlns" { bindings.append(("", value)); added += 1 }
                    else if name.hasPrefix("xmlns:") { bindings.append((String(name.dropFirst(6)), value)); added += 1 }
                }
                let (prefix, local) = split(qualified)
                let elementNamespace = namespace(prefix)
                if !prefix.isEmpty && elementNamespace == nil { throw XMLProblem(.unboundPrefix(prefix), offset: tagStart) }
                var attributes: [Attribute] = []
                attributes.reserveCapacity(raw.count)
                for (name, value) in raw where name != "xmlns" && !name.hasPrefix("xmlns:") {
                    let (attributePrefix, attributeLocal) = split(name)
                    let attributeNamespace = attributePrefix.isEmpty ? nil : namespace(attributePrefix)
                    if !attributePrefix.isEmpty && attributeNamespace == nil { throw XMLProblem(.unboundPrefix(attributePrefix), offset: tagStart) }
                    attributes.append(Attribute(name: Name(prefix: attributePrefix, local: attributeLocal, namespace: attributeNamespace), value: value))
                }
                let name = Name(prefix: prefix, local: local, namespace: elementNamespace)
                try handler.start(Element(name: name, attributes: attributes, offset: tagStart))
                if selfClosing {
                    bindings.removeLast(added)
                    try handler.end(name)
                } else {
                    open.append((qualified, name, added))
                }
                index = at
            }
        }
        try flushText()
        if let last = open.last { throw XMLProblem(.unclosed("<\(last.qualified)>"), offset: count) }
        if !sawRoot { throw XMLProblem(.noRoot, offset: count) }
    }
}

/// Why a document is not XML leadbook reads; `offset` is the byte where it goes wrong.
public struct XMLProblem: Error, SaidError, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case nul, invalidUTF8, doctype, badReference, unknownEntity(String), unexpectedLessThan, unclosed(String)
        case mismatchedEnd(String, expected: String?), badAttribute, duplicateAttribute(String), unboundPrefix(String)
        case textOutsideRoot, secondRoot, noRoot, tooDeep(Int)
        /// A problem of the content, found by the handler (a value it cannot read).
        case content(Phrase)
    }

    public var kind: Kind
    public var offset: Int

    public init(_ kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public var phrase: Phrase {
        let what: Phrase
        switch kind {
        case .nul: what = Phrase("a NUL byte", "NUL 字节")
        case .invalidUTF8: what = Phrase("bytes that are not UTF-8", "不是 UTF-8 的字节")
        case .doctype: what = Phrase("a DOCTYPE (a DTD), which leadbook never reads", "DOCTYPE（DTD），leadbook 一律不读")
        case .badReference: what = Phrase("a character reference that is not a character", "无效的字符引用")
        case .unknownEntity(let name): what = Phrase("the entity `&\(name);`, which XML does not define", "XML 未定义的实体 `&\(name);`")
        case .unexpectedLessThan: what = Phrase("a `<` that starts no tag", "不构成标签的 `<`")
        case .unclosed(let start): what = Phrase("`\(start)` that is never closed", "没有闭合的 `\(start)`")
        case .mismatchedEnd(let name, let expected):
            what = Phrase("the end tag `</\(name)>` where `\(expected.map { "</\($0)>" } ?? "nothing")` belongs",
                          "结束标签 `</\(name)>`，此处应为 `\(expected.map { "</\($0)>" } ?? "无")`")
        case .badAttribute: what = Phrase("an attribute that is not `name=\"value\"`", "不是 `name=\"value\"` 形式的属性")
        case .duplicateAttribute(let name): what = Phrase("the attribute `\(name)` twice", "重复的属性 `\(name)`")
        case .unboundPrefix(let prefix): what = Phrase("the prefix `\(prefix):` bound to no namespace", "没有绑定命名空间的前缀 `\(prefix):`")
        case .textOutsideRoot: what = Phrase("text outside the root element", "根元素之外的文字")
        case .secondRoot: what = Phrase("a second root element", "第二个根元素")
        case .noRoot: what = Phrase("no element at all", "没有任何元素")
        case .tooDeep(let depth): what = Phrase("elements nested more than \(depth) deep", "元素嵌套超过 \(depth) 层")
        case .content(let phrase): return phrase
        }
        return Phrase("XML error at byte \(offset): ", "XML 错误（第 \(offset) 字节）：") + what
    }
}

/// Text written into XML: `&`, `<` and `>` (and `"` in attributes) as entities, CR as `&#13;`
/// (a parser would read a raw CR as LF), and the characters XML 1.0 forbids (the C0 controls
/// other than tab, LF and CR, U+FFFE and U+FFFF) in OOXML's escape `_xHHHH_`, which Excel,
/// LibreOffice and leadbook read back as the character; a literal `_x` followed by four hex
/// digits and `_` has its `_` written `_x005F_`, so it is read back as written.
public enum XMLText {
    /// True for a code point XML 1.0 allows in a document.
    public static func isAllowed(_ code: UInt32) -> Bool {
        code == 0x09 || code == 0x0A || code == 0x0D || (code >= 0x20 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0xFFFD)
            || (code >= 0x1_0000 && code <= 0x10_FFFF)
    }

    public static func escaped(_ text: String, attribute: Bool = false) -> String {
        var needs = false
        for byte in text.utf8 where byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "_") || byte == 0xEF || (attribute && byte == ASCII.doubleQuote) {
            needs = true
            break
        }
        guard needs else { return text }
        var output = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where attribute: output += "&quot;"
            case "\r": output += "&#13;"
            case "\n" where attribute: output += "&#10;"
            case "\t" where attribute: output += "&#9;"
            case "_" where isEscape(scalars, at: index): output += "_x005F_"
            default:
                if isAllowed(scalar.value) {
                    output.unicodeScalars.append(scalar)
                } else {
                    output += "_x" + hex4(scalar.value) + "_"
                }
            }
        }
        return output
    }

    /// Text read from a workbook with OOXML's `_xHHHH_` escapes replaced by their characters.
    public static func unescapedOOXML(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if isEscape(scalars, at: index), let code = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                output.append(scalar)
                index += 7
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    /// True when `_xHHHH_` starts at `index`.
    static func isEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)..<(index + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    static func hex4(_ value: UInt32) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}

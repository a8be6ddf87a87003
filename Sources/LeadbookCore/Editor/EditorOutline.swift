import LeadbookText

/// The outline of a customer file (an editor's document symbols): the front matter with its
/// top-level keys (contacts, plan and sources with an entry per item), then the follow-up and
/// feedback sections with an entry per `###` heading, named by its date and summary. Read from
/// the lines, so a file whose YAML does not parse still has its outline.
public enum EditorOutline {
    public struct Symbol: Sendable, Equatable {
        public var name: String
        public var detail: String?
        public var kind: Kind
        /// The lines it spans.
        public var range: EditorRange
        /// What names it (the key, the heading's text): inside `range`.
        public var selectionRange: EditorRange
        public var children: [Symbol]

        public init(name: String, detail: String?, kind: Kind, range: EditorRange, selectionRange: EditorRange, children: [Symbol]) {
            self.name = name
            self.detail = detail
            self.kind = kind
            self.range = range
            self.selectionRange = selectionRange
            self.children = children
        }
    }

    public enum Kind: Sendable {
        /// The front matter, a section of the log.
        case section
        /// A key of the front matter, an item of its lists.
        case field
        /// A follow-up or feedback entry.
        case entry
    }

    typealias Words = Wording<EditorOutline>

    public static func symbols(_ document: EditorDocument, language: Language) -> [Symbol] {
        var symbols: [Symbol] = []
        if let lines = document.frontMatterLines, !lines.isEmpty {
            let fields = frontMatterFields(lines, document, language)
            let opening = document.textRange(ofLine: 0)
            let lastLine = document.layout == nil ? lines.upperBound - 1 : lines.upperBound
            let end = document.textRange(ofLine: lastLine).upperBound
            symbols.append(Symbol(name: Words.frontMatter.phrase.text(language), detail: nil, kind: .section,
                                  range: document.range(of: opening.lowerBound..<max(opening.lowerBound, end)),
                                  selectionRange: document.range(of: opening), children: fields))
        }
        symbols += logSections(document, language)
        return symbols
    }

    // MARK: - The front matter

    static let itemNames: [String: String] = ["contacts": "name", "plan": "stage", "sources": "source"]

    static func frontMatterFields(_ lines: Range<Int>, _ document: EditorDocument, _ language: Language) -> [Symbol] {
        var starts: [(line: Int, shape: EditorPlace.LineShape)] = []
        for line in lines {
            let shape = EditorPlace.shape(document, line: line)
            if shape.content == shape.start, shape.dash == nil, shape.keyEnd != nil { starts.append((line, shape)) }
        }
        var fields: [Symbol] = []
        for (index, start) in starts.enumerated() {
            let next = index + 1 < starts.count ? starts[index + 1].line : lines.upperBound
            let last = lastContentLine(start.line, before: next, document)
            let key = EditorPlace.text(document, start.shape.content..<start.shape.keyEnd!)
            let range = start.shape.start..<document.textRange(ofLine: last).upperBound
            let label = language == .zhCN ? CustomerField(key: key)?.label : nil
            var children: [Symbol] = []
            if let nameKey = itemNames[key] {
                children = items(start.line + 1, through: last, nameKey: nameKey, document)
            }
            fields.append(Symbol(name: key, detail: label, kind: .field, range: document.range(of: range),
                                 selectionRange: document.range(of: start.shape.content..<start.shape.keyEnd!), children: children))
        }
        return fields
    }

    /// The last line from `line` before `next` with content that is not a comment.
    static func lastContentLine(_ line: Int, before next: Int, _ document: EditorDocument) -> Int {
        var last = line
        for index in (line + 1)..<max(line + 1, next) {
            let shape = EditorPlace.shape(document, line: index)
            if !shape.isBlank, !shape.isComment { last = index }
        }
        return last
    }

    /// The items of a list of maps (`- name: 张伟` ...), each named by its `nameKey`.
    static func items(_ first: Int, through last: Int, nameKey: String, _ document: EditorDocument) -> [Symbol] {
        guard first <= last else { return [] }
        var itemStarts: [(line: Int, shape: EditorPlace.LineShape)] = []
        var column: Int?
        for line in first...last {
            let shape = EditorPlace.shape(document, line: line)
            guard let dash = shape.dash else { continue }
            let dashColumn = dash - shape.start
            if column == nil { column = dashColumn }
            if dashColumn == column { itemStarts.append((line, shape)) }
        }
        var symbols: [Symbol] = []
        for (index, start) in itemStarts.enumerated() {
            let end = index + 1 < itemStarts.count ? itemStarts[index + 1].line : last + 1
            let itemLast = lastContentLine(start.line, before: end, document)
            var name: String?
            for line in start.line...itemLast where name == nil {
                name = value(of: nameKey, onLine: line, document)
            }
            let range = start.shape.dash!..<document.textRange(ofLine: itemLast).upperBound
            let selection = start.shape.dash!..<start.shape.end
            symbols.append(Symbol(name: name ?? "\(index + 1)", detail: nil, kind: .field, range: document.range(of: range),
                                  selectionRange: document.range(of: selection), children: []))
        }
        return symbols
    }

    /// The value of `key` on a line, as `key: value` or inside `{..., key: value, ...}`.
    static func value(of key: String, onLine line: Int, _ document: EditorDocument) -> String? {
        let line = Array(document.lineText(line))
        let pattern = Array((key + ":").utf8)
        guard line.count >= pattern.count else { return nil }
        for start in 0...(line.count - pattern.count) where line[start..<(start + pattern.count)].elementsEqual(pattern) {
            if start > 0, line[start - 1] != ASCII.space, line[start - 1] != UInt8(ascii: "{"), line[start - 1] != UInt8(ascii: ",") { continue }
            var value = (start + pattern.count)..<(start + pattern.count)
            while value.upperBound < line.count, line[value.upperBound] != UInt8(ascii: ","), line[value.upperBound] != UInt8(ascii: "}"),
                  line[value.upperBound] != ASCII.hash {
                value = value.lowerBound..<(value.upperBound + 1)
            }
            var text = String(decoding: line[value], as: UTF8.self)
            while text.first == " " { text.removeFirst() }
            while text.last == " " { text.removeLast() }
            if let first = text.first, first == "\"" || first == "'", text.count >= 2 { text = String(text.dropFirst().dropLast()) }
            return text.isEmpty ? nil : text
        }
        return nil
    }

    // MARK: - The log

    static func logSections(_ document: EditorDocument, _ language: Language) -> [Symbol] {
        guard let layout = document.layout else { return [] }
        return document.bytes.withUnsafeBufferPointer { buffer -> [Symbol] in
            guard UTF8Bytes.firstInvalidOffset(buffer) == nil else { return [] }
            var findings = Findings(source: SourceText(path: document.path, bytes: []))
            let log = LogReader.read(buffer, range: layout.body, firstLine: layout.bodyFirstLine, findings: &findings, keepText: false)
            var sections: [Symbol] = []
            func section(_ section: LogReader.Section?, _ entries: [Symbol]) {
                guard let section else { return }
                let heading = document.textRange(ofLine: document.position(of: section.headingStart).line)
                let end = max(heading.upperBound, contentEnd(section.end, after: section.headingStart, buffer))
                sections.append(Symbol(name: headingText(heading, buffer, dropping: ASCII.hash), detail: nil, kind: .section,
                                       range: document.range(of: section.headingStart..<end), selectionRange: document.range(of: heading),
                                       children: entries))
            }
            let followUps = log.followUps.map { entry -> Symbol in
                symbol(entry.start, entry.end, detail: entry.status.map { $0.label(in: language) } ?? entry.channel.map { $0.label(in: language) },
                       document, buffer)
            }
            let feedback = log.feedback.map { entry -> Symbol in
                symbol(entry.start, entry.end, detail: entry.type.map { $0.label(in: language) }, document, buffer)
            }
            section(log.followUpSection, followUps)
            section(log.feedbackSection, feedback)
            return sections.sorted { $0.range.start < $1.range.start }
        }
    }

    static func symbol(_ start: Int, _ end: Int, detail: String?, _ document: EditorDocument, _ buffer: UnsafeBufferPointer<UInt8>) -> Symbol {
        let heading = document.textRange(ofLine: document.position(of: start).line)
        let last = max(heading.upperBound, contentEnd(end, after: start, buffer))
        return Symbol(name: headingText(heading, buffer, dropping: ASCII.hash), detail: detail, kind: .entry,
                      range: document.range(of: start..<last), selectionRange: document.range(of: heading), children: [])
    }

    /// Just past the last byte of `start..<end` that is not white space.
    static func contentEnd(_ end: Int, after start: Int, _ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var index = min(end, buffer.count)
        while index > start, buffer[index - 1] == ASCII.lf || buffer[index - 1] == ASCII.cr || buffer[index - 1] == ASCII.space
            || buffer[index - 1] == ASCII.tab { index -= 1 }
        return index
    }

    /// A heading's text without its `#` marks: `2024-03-01 10:30 meeting 张伟(技术总监)`.
    static func headingText(_ range: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>, dropping mark: UInt8) -> String {
        var start = range.lowerBound
        while start < range.upperBound, buffer[start] == mark { start += 1 }
        while start < range.upperBound, buffer[start] == ASCII.space { start += 1 }
        var end = range.upperBound
        while end > start, buffer[end - 1] == ASCII.space || buffer[end - 1] == ASCII.tab { end -= 1 }
        return UTF8Bytes.string(buffer, start..<end)
    }
}

extension Wording where Of == EditorOutline {
    public static let frontMatter = Self("front matter", "文件头")
}

import LeadbookText

/// A lossless rewrite of one customer file: a list of byte replacements, applied at once.
///
/// Only the bytes of the values that change are replaced; comments, key order, quoting,
/// blank lines, line endings and unknown keys stay as they were.
public struct RecordEdit {
    public struct Replacement: Equatable {
        public var range: Range<Int>
        public var text: String
    }

    public enum Problem: Error, Equatable {
        case notACustomerFile
        case notAMap(String)
        case overlapping
    }

    public let bytes: [UInt8]
    public let layout: RecordLayout
    public let frontMatter: YAMLNode?
    public let log: LogReader.Log
    public internal(set) var replacements: [Replacement] = []
    /// The language of sections created in a file that has neither Follow-ups nor Feedback
    /// yet (the workspace's `language`); a file with either keeps its own.
    public var chineseWhenNoSections = false

    /// Edits a file already read by CustomerReader (no second parse).
    public init(bytes: [UInt8], read result: CustomerReader.Result) throws {
        guard let layout = result.layout, let log = result.log, result.customer != nil else { throw Problem.notACustomerFile }
        self.bytes = bytes
        self.layout = layout
        self.frontMatter = result.frontMatter
        self.log = log
    }

    /// Reads `bytes` for editing; fails when the file is not a readable customer file.
    public init(bytes: [UInt8]) throws {
        self.bytes = bytes
        var findings = Findings(source: SourceText(path: "", bytes: []))
        let parsed: (RecordLayout, YAMLNode?, LogReader.Log)? = bytes.withUnsafeBufferPointer { buffer in
            guard UTF8Bytes.firstInvalidOffset(buffer) == nil, case .success(let layout) = RecordLayout.read(buffer),
                  let root = try? YAMLReader.parse(buffer, range: layout.frontMatter, firstLine: layout.frontMatterFirstLine, checked: true)
            else { return nil }
            let log = LogReader.read(buffer, range: layout.body, firstLine: layout.bodyFirstLine, findings: &findings)
            return (layout, root, log)
        }
        guard let parsed else { throw Problem.notACustomerFile }
        self.layout = parsed.0
        self.frontMatter = parsed.1
        self.log = parsed.2
        if let root = frontMatter, root.pairs == nil { throw Problem.notACustomerFile }
    }

    public var lineBreak: String { layout.lineBreak }

    // MARK: - Front matter

    /// The node at a path of keys (`["score", "size"]`).
    public func node(at path: [String]) -> YAMLNode? {
        var node = frontMatter
        for key in path { node = node?[key] }
        return node
    }

    /// Sets a scalar at `path`, keeping the old value's quoting; adds the key when missing
    /// (after the first of `after` that exists, else at the end of its map). Text is quoted
    /// when other YAML tools would read it as something else (`ScalarText.meaning(of:)`).
    public mutating func set(_ path: [String], to value: String, after: [String] = []) throws {
        precondition(!path.isEmpty)
        let meaning = ScalarText.meaning(of: path)
        let parentPath = Array(path.dropLast())
        let key = path.last!
        guard let parent = parentPath.isEmpty ? (frontMatter ?? nil) : node(at: parentPath) else {
            if parentPath.isEmpty {
                // An empty front matter: the first line.
                replacements.append(Replacement(range: layout.frontMatter.lowerBound..<layout.frontMatter.lowerBound,
                                                text: "\(key): \(ScalarText.render(value, replacing: nil, inFlow: false, meaning: meaning))\(lineBreak)"))
                return
            }
            throw Problem.notAMap(parentPath.joined(separator: "."))
        }
        guard let pairs = parent.pairs else { throw Problem.notAMap(parentPath.joined(separator: ".")) }
        if let pair = pairs.first(where: { $0.keyText == key }) {
            replaceValue(pair.value, with: value, inFlow: parent.isFlow, meaning: meaning)
            return
        }
        insert(key: key, value: value, into: parent, after: after, meaning: meaning)
    }

    /// Sets `path` to a one-line map `{a: 1, b: 2}` (replacing whatever value was there).
    public mutating func set(_ path: [String], toFlowMap fields: [(String, String)], after: [String] = []) throws {
        let text = "{" + fields.map { "\($0.0): \(ScalarText.render($0.1, replacing: nil, inFlow: true, meaning: ScalarText.meaning(of: path + [$0.0])))" }
            .joined(separator: ", ") + "}"
        if let existing = node(at: path) {
            replacements.append(Replacement(range: existing.start..<existing.end, text: existing.isEmpty ? " " + text : text))
            return
        }
        let parentPath = Array(path.dropLast())
        guard let parent = parentPath.isEmpty ? frontMatter : node(at: parentPath), parent.pairs != nil else {
            throw Problem.notAMap(parentPath.joined(separator: "."))
        }
        insert(key: path.last!, rawValue: text, into: parent, after: after)
    }

    /// Appends an item to the list at `path` (creating the list when the key is missing).
    /// `item` is the item's lines for a block list, without the `- ` and indentation
    /// (`["name: 张伟", "phone: \"138...\""]`), or one scalar line. A flow list `[a, b]` gets
    /// `, item` when the item is one scalar.
    public mutating func appendListItem(_ path: [String], item: [String], after: [String] = []) throws {
        precondition(!item.isEmpty)
        if let list = node(at: path), !list.isEmpty {
            guard let items = list.items else { throw Problem.notAMap(path.joined(separator: ".")) }
            if list.isFlow {
                guard item.count == 1 else { throw Problem.notAMap(path.joined(separator: ".")) }
                let close = list.end - 1
                replacements.append(Replacement(range: close..<close, text: (items.isEmpty ? "" : ", ") + item[0]))
                return
            }
            let indent = String(repeating: " ", count: list.indent)
            let position = lineEnd(after: list.end)
            var text = ""
            if position == bytes.count && (position == 0 || bytes[position - 1] != ASCII.lf) { text += lineBreak }
            text += indent + "- " + item[0] + lineBreak
            for line in item.dropFirst() { text += indent + "  " + line + lineBreak }
            replacements.append(Replacement(range: position..<position, text: text))
            return
        }
        try addList(path, items: [item], after: after)
    }

    /// A new list under the key: `key:` then `  - item` lines, in place of an empty value or as
    /// a new key after `after`.
    public mutating func addList(_ path: [String], items: [[String]], after: [String]) throws {
        let parentPath = Array(path.dropLast())
        guard let parent = parentPath.isEmpty ? frontMatter : node(at: parentPath), let pairs = parent.pairs, !parent.isFlow else {
            throw Problem.notAMap(parentPath.joined(separator: "."))
        }
        let key = path.last!
        let childIndent = String(repeating: " ", count: parent.indent + 2)
        var body = ""
        for item in items where !item.isEmpty {
            body += lineBreak + childIndent + "- " + item[0]
            for line in item.dropFirst() { body += lineBreak + childIndent + "  " + line }
        }
        if let existing = pairs.first(where: { $0.keyText == key }) {
            // `key:` with an empty value.
            replacements.append(Replacement(range: existing.value.start..<existing.value.end, text: body))
            return
        }
        insert(key: key, rawValue: String(body.drop(while: { $0 == "\r" || $0 == "\n" })), into: parent, after: after, block: body)
    }

    /// Removes nothing and changes one value's text.
    public mutating func replaceValue(_ node: YAMLNode, with value: String, inFlow: Bool, meaning: ScalarText.Meaning = .text) {
        switch node.content {
        case .scalar(let old, let style):
            if old == value && style != .empty { return }
            if style == .empty {
                // `key:` with nothing: the value goes after the colon.
                replacements.append(Replacement(range: node.start..<node.end, text: " " + ScalarText.render(value, replacing: nil, inFlow: inFlow, meaning: meaning)))
                return
            }
            replacements.append(Replacement(range: node.start..<node.end, text: ScalarText.render(value, replacing: style, inFlow: inFlow, meaning: meaning)))
        default:
            replacements.append(Replacement(range: node.start..<node.end, text: ScalarText.render(value, replacing: nil, inFlow: inFlow, meaning: meaning)))
        }
    }

    /// Writes each of `nodes` (plain scalars of this file) in double quotes, as the same text:
    /// `phone: 02155550101` becomes `phone: "02155550101"`, and nothing else changes.
    public mutating func quote(_ nodes: [YAMLNode]) {
        for node in nodes {
            guard case .scalar(let text, .plain) = node.content else { continue }
            replacements.append(Replacement(range: node.start..<node.end, text: ScalarText.doubleQuoted(text)))
        }
    }

    public mutating func insert(key: String, value: String, into map: YAMLNode, after: [String], meaning: ScalarText.Meaning = .text) {
        insert(key: key, rawValue: ScalarText.render(value, replacing: nil, inFlow: map.isFlow, meaning: meaning), into: map, after: after)
    }

    public mutating func insert(key: String, rawValue rendered: String, into map: YAMLNode, after: [String], block: String? = nil) {
        let pairs = map.pairs ?? []
        if map.isFlow {
            // `{a: 1}` -> `{a: 1, key: value}`: before the closing brace.
            let close = map.end - 1
            let text = pairs.isEmpty ? "\(key): \(rendered)" : ", \(key): \(rendered)"
            replacements.append(Replacement(range: close..<close, text: text))
            return
        }
        var anchorPair = pairs.last
        for candidate in after {
            if let found = pairs.first(where: { $0.keyText == candidate }) { anchorPair = found; break }
        }
        guard let anchor = anchorPair else { return }
        // After the anchor's whole value (a nested block ends on a later line).
        let position = lineEnd(after: max(anchor.value.end, anchor.key.end))
        let indent = String(repeating: " ", count: map.indent)
        var text = block.map { "\(indent)\(key):\($0)\(lineBreak)" } ?? "\(indent)\(key): \(rendered)\(lineBreak)"
        if position == layout.frontMatter.upperBound && (position == 0 || bytes[position - 1] != ASCII.lf) {
            text = lineBreak + text
        }
        replacements.append(Replacement(range: position..<position, text: text))
    }

    /// The offset just past the line break of the line containing `offset`.
    public func lineEnd(after offset: Int) -> Int {
        var index = offset
        while index < bytes.count, bytes[index] != ASCII.lf { index += 1 }
        return min(index + 1, bytes.count)
    }

    // MARK: - Log

    /// Appends an entry (its lines without line breaks) at the end of the Follow-ups or
    /// Feedback section, creating the section when missing.
    public mutating func appendEntry(_ lines: [String], to kind: LogReader.Section.Kind) {
        let entry = lines.joined(separator: lineBreak) + lineBreak
        let section = kind == .followUps ? log.followUpSection : log.feedbackSection
        if let section {
            append(entry, toSectionFrom: section.headingStart, to: section.end)
            return
        }
        let heading = Self.heading(kind, chinese: logIsChinese)
        if kind == .followUps, let feedback = log.feedbackSection {
            // Follow-ups come before Feedback.
            let position = feedback.headingStart
            replacements.append(Replacement(range: position..<position, text: heading + lineBreak + lineBreak + entry + lineBreak))
            return
        }
        appendSection(heading, with: entry)
    }

    /// Puts `entry` (with its line break) after the last line with content of the section that
    /// runs from `start` to `end`, after a blank line.
    public mutating func append(_ entry: String, toSectionFrom start: Int, to end: Int) {
        let position = endOfContent(before: end, notBefore: start)
        var text = ""
        if position > 0 && bytes[position - 1] != ASCII.lf { text += lineBreak }
        text += lineBreak + entry
        replacements.append(Replacement(range: position..<position, text: text))
    }

    /// A new section at the end of the file: `heading`, a blank line and `entry` (with its line
    /// break), after a blank line.
    public mutating func appendSection(_ heading: String, with entry: String) {
        let position = bytes.count
        var text = ""
        if position > 0 && bytes[position - 1] != ASCII.lf { text += lineBreak }
        if !endsWithBlankLine { text += lineBreak }
        text += heading + lineBreak + lineBreak + entry
        replacements.append(Replacement(range: position..<position, text: text))
    }

    /// The heading line of a log section: `## Follow-ups` / `## 跟进记录`, `## Feedback` / `## 客户反馈`.
    public static func heading(_ kind: LogReader.Section.Kind, chinese: Bool) -> String {
        kind == .followUps ? (chinese ? "## 跟进记录" : "## Follow-ups") : (chinese ? "## 客户反馈" : "## Feedback")
    }

    /// True when the file ends with an empty line (two line breaks).
    public var endsWithBlankLine: Bool {
        var index = bytes.count
        var breaks = 0
        while index > 0 {
            let byte = bytes[index - 1]
            if byte == ASCII.lf { breaks += 1 } else if byte != ASCII.cr { break }
            index -= 1
            if breaks == 2 { return true }
        }
        return false
    }

    /// True when the log's section headings are in Chinese (`## 跟进记录`): new sections, and the
    /// keys and labels of new entries, are Chinese too. A file with neither section follows
    /// `chineseWhenNoSections`.
    public var logIsChinese: Bool {
        if log.followUpSection == nil && log.feedbackSection == nil { return chineseWhenNoSections }
        return Self.headingsAreChinese(bytes, log.followUpSection, log.feedbackSection)
    }

    /// True when the heading of either section (of `bytes`) is in Chinese; false when there is none.
    public static func headingsAreChinese(_ bytes: [UInt8], _ followUps: LogReader.Section?, _ feedback: LogReader.Section?) -> Bool {
        for section in [followUps, feedback].compactMap({ $0 }) {
            let start = section.headingStart + 3
            if start < bytes.count, bytes[start] >= 0x80 { return true }
        }
        return false
    }

    /// The offset just past the last line with content before `end` (and not before `start`),
    /// so trailing blank lines stay after what is inserted there.
    public func endOfContent(before end: Int, notBefore start: Int) -> Int {
        var index = end
        while index > start {
            let byte = bytes[index - 1]
            if byte == ASCII.lf || byte == ASCII.cr || byte == ASCII.space || byte == ASCII.tab {
                index -= 1
                continue
            }
            break
        }
        return lineEnd(after: max(start, index - 1))
    }

    // MARK: - Result

    /// The file with every replacement applied.
    public func apply() throws -> [UInt8] {
        let sorted = replacements.enumerated().sorted {
            $0.element.range.lowerBound != $1.element.range.lowerBound
                ? $0.element.range.lowerBound < $1.element.range.lowerBound : $0.offset < $1.offset
        }.map(\.element)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + sorted.reduce(0) { $0 + $1.text.utf8.count })
        var position = 0
        for replacement in sorted {
            guard replacement.range.lowerBound >= position else { throw Problem.overlapping }
            output.append(contentsOf: bytes[position..<replacement.range.lowerBound])
            output.append(contentsOf: replacement.text.utf8)
            position = replacement.range.upperBound
        }
        output.append(contentsOf: bytes[position...])
        return output
    }

    public var hasChanges: Bool { !replacements.isEmpty }
}

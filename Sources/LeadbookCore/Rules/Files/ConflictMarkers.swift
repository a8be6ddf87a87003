import LeadbookText

/// The `<<<<<<<`, `=======` and `>>>>>>>` lines a git merge leaves where it could not decide:
/// until someone chooses, the file holds two versions, and reading either as the customer
/// would drop the other. The file is not read further.
public enum ConflictMarkers: RuleDefinition {
    public static let rule = Rule("conflict-markers", .error, Phrase("A customer file holds no conflict markers left by a git merge.", "客户文件里没有 git 合并留下的冲突标记。"))

    /// One conflict: the line offsets and numbers of its markers (`=======` and `>>>>>>>` nil
    /// when missing).
    public struct Conflict: Equatable, Sendable {
        public var start: Int
        public var line: Int
        public var separatorLine: Int?
        public var endLine: Int?
        /// A `>>>>>>>` line with no `<<<<<<<` before it.
        public var closingOnly = false
    }

    static let equals = UInt8(ascii: "=")

    /// The marker a line starts with: seven `<`, `=`, `|` or `>` followed by the end of the
    /// line, or (all but `=`) by a space and a label (`<<<<<<< ours`).
    public static func marker(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt8? {
        guard start + 7 <= buffer.count else { return nil }
        let first = buffer[start]
        guard first == ASCII.less || first == ASCII.greater || first == equals || first == ASCII.pipe else { return nil }
        for index in start..<(start + 7) where buffer[index] != first { return nil }
        let end = start + 7
        if end == buffer.count || buffer[end] == ASCII.lf || buffer[end] == ASCII.cr { return first }
        if first != equals, buffer[end] == ASCII.space || buffer[end] == ASCII.tab { return first }
        return nil
    }

    /// Every conflict in the file. A `=======` or `|||||||` line outside a conflict is text
    /// (a Markdown heading underline), so only `<<<<<<<` and `>>>>>>>` lines start one.
    public static func conflicts(_ buffer: UnsafeBufferPointer<UInt8>) -> [Conflict] {
        // Without seven `<` or seven `>` in a row there is no marker that starts or ends one:
        // two `memchr` scans instead of a look at every line.
        guard hasRun(of: ASCII.less, buffer) || hasRun(of: ASCII.greater, buffer) else { return [] }
        var found: [Conflict] = []
        var open: Conflict?
        var start = 0
        var line = 1
        while start < buffer.count {
            let lineFeed = UTF8Bytes.find(ASCII.lf, in: buffer, from: start, to: buffer.count)
            switch marker(buffer, at: start) {
            case ASCII.less?:
                if let unclosed = open { found.append(unclosed) }
                open = Conflict(start: start, line: line)
            case Self.equals?:
                if open != nil, open?.separatorLine == nil { open?.separatorLine = line }
            case ASCII.greater?:
                if var conflict = open {
                    conflict.endLine = line
                    found.append(conflict)
                    open = nil
                } else {
                    found.append(Conflict(start: start, line: line, closingOnly: true))
                }
            default:
                break
            }
            start = lineFeed + 1
            line += 1
        }
        if let unclosed = open { found.append(unclosed) }
        return found
    }

    /// Whether `byte` occurs seven times in a row anywhere in the file.
    public static func hasRun(of byte: UInt8, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = buffer.count
        var index = UTF8Bytes.find(byte, in: buffer, from: 0, to: count)
        while index + 7 <= count {
            var run = 1
            while run < 7, buffer[index + run] == byte { run += 1 }
            if run == 7 { return true }
            index = UTF8Bytes.find(byte, in: buffer, from: index + run, to: count)
        }
        return false
    }

    /// Reports each conflict at its first marker line; false when there is none.
    public static func check(_ buffer: UnsafeBufferPointer<UInt8>, _ findings: inout Findings) -> Bool {
        let found = conflicts(buffer)
        for conflict in found {
            if conflict.closingOnly {
                findings.report(Message.closingOnly, at: conflict.start)
            } else if let end = conflict.endLine {
                findings.report(Message.conflict(separator: conflict.separatorLine, end: end), at: conflict.start)
            } else {
                findings.report(Message.unclosed, at: conflict.start)
            }
        }
        return !found.isEmpty
    }
}

extension RuleMessage where Of == ConflictMarkers {
    static let resolve = Phrase("keep the right lines (ask the other rep when unsure), delete the marker lines, then `leadbook check` and `git add` the file",
                                "保留正确的内容（拿不准就问另一位销售），删掉标记行，再运行 `leadbook check` 并 `git add` 这个文件")

    public static func conflict(separator: Int?, end: Int) -> Self {
        Self("a git merge left a conflict here: " + (separator.map { "ours up to the `=======` on line \($0), theirs" } ?? "both versions")
             + " up to the `>>>>>>>` on line \(end)",
             "git 合并在这里留下了冲突：" + (separator.map { "到第 \($0) 行 `=======` 为止是我方版本，之后" } ?? "两个版本都")
             + "到第 \(end) 行 `>>>>>>>` 为止是对方版本",
             hint: resolve)
    }

    public static let unclosed = Self("a git merge left a conflict marker `<<<<<<<` here, with no `>>>>>>>` line after it",
                                      "git 合并在这里留下了冲突标记 `<<<<<<<`，后面却没有 `>>>>>>>` 行", hint: resolve)
    public static let closingOnly = Self("a git merge left a conflict marker `>>>>>>>` here, with no `<<<<<<<` line before it",
                                         "git 合并在这里留下了冲突标记 `>>>>>>>`，前面却没有 `<<<<<<<` 行", hint: resolve)
}

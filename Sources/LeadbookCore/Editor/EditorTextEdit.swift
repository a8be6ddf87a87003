import LeadbookText

/// A change of a document: the text of `range` replaced by `newText`.
public struct EditorTextEdit: Sendable, Equatable {
    public var range: EditorRange
    public var newText: String

    public init(range: EditorRange, newText: String) {
        self.range = range
        self.newText = newText
    }

    /// The edits that turn `document`'s bytes into `new`: one per changed run of lines, each
    /// cut to the bytes that differ (whole characters), in document order and not overlapping,
    /// so an editor shows only what changes (`sync` changing the grade rewrites one value, not
    /// the file).
    public static func edits(from document: EditorDocument, to new: [UInt8]) -> [EditorTextEdit] {
        byteEdits(from: document.bytes, to: new).map { edit in
            EditorTextEdit(range: document.range(of: edit.range), newText: String(decoding: edit.replacement, as: UTF8.self))
        }
    }

    /// The same as byte ranges of `old` and their replacements.
    public static func byteEdits(from old: [UInt8], to new: [UInt8]) -> [Fix] {
        guard old != new else { return [] }
        let oldLines = UnifiedDiff.lines(old), newLines = UnifiedDiff.lines(new)
        let script = UnifiedDiff.script(oldLines, newLines)
        var edits: [Fix] = []
        var index = 0
        while index < script.count {
            guard case .same = script[index] else {
                var removed: [Int] = [], added: [Int] = []
                while index < script.count {
                    if case .removed(let line) = script[index] { removed.append(line) } else if case .added(let line) = script[index] {
                        added.append(line)
                    } else { break }
                    index += 1
                }
                // Where the run starts in the old bytes: after the old lines before it.
                let start: Int
                if let first = removed.first {
                    start = oldLines[first].startIndex
                } else {
                    let before = index - added.count - 1
                    if before >= 0, case .same(let oldLine, _) = script[before] { start = oldLines[oldLine].endIndex } else { start = 0 }
                }
                let end = removed.last.map { oldLines[$0].endIndex } ?? start
                let replacement = added.flatMap { Array(newLines[$0]) }
                edits.append(trimmed(Fix(replacing: start..<end, with: replacement), in: old))
                continue
            }
            index += 1
        }
        return edits
    }

    /// The fix without the bytes its replacement shares with the text it replaces at either
    /// end, cut at character boundaries.
    static func trimmed(_ fix: Fix, in old: [UInt8]) -> Fix {
        let replaced = Array(old[fix.range]), replacement = fix.replacement
        var prefix = 0
        while prefix < replaced.count, prefix < replacement.count, replaced[prefix] == replacement[prefix] { prefix += 1 }
        while prefix > 0, prefix < replaced.count, replaced[prefix] & 0xC0 == 0x80 { prefix -= 1 }
        while prefix > 0, prefix < replacement.count, replacement[prefix] & 0xC0 == 0x80 { prefix -= 1 }
        var suffix = 0
        while suffix < replaced.count - prefix, suffix < replacement.count - prefix,
              replaced[replaced.count - 1 - suffix] == replacement[replacement.count - 1 - suffix] { suffix += 1 }
        while suffix > 0, replaced.count - suffix < replaced.count, replaced[replaced.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
        while suffix > 0, replacement[replacement.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
        let range = (fix.range.lowerBound + prefix)..<(fix.range.upperBound - suffix)
        return Fix(replacing: range, with: Array(replacement[prefix..<(replacement.count - suffix)]))
    }
}

/// A mechanical change that removes a finding and changes nothing else: the bytes `range` of the
/// file (offsets into the file as read, BOM included) replaced by `replacement` (UTF-8). A rule
/// attaches one only when the fix is certain (a full-width colon after a key becomes `: `);
/// `leadbook fix` applies them, `check` says which findings have one.
public struct Fix: Sendable, Equatable {
    public let range: Range<Int>
    public let replacement: [UInt8]

    public init(replacing range: Range<Int>, with replacement: [UInt8]) {
        self.range = range
        self.replacement = replacement
    }

    public init(replacing range: Range<Int>, with replacement: String) {
        self.init(replacing: range, with: Array(replacement.utf8))
    }
}

extension Fix {
    /// `bytes` with every fix applied, in file order. A fix that overlaps one before it is left
    /// out (it is returned in `skipped`; applying the result's fixes and checking again finds
    /// it anew), so no byte is replaced twice.
    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> (bytes: [UInt8], applied: [Fix], skipped: [Fix]) {
        let ordered = fixes.enumerated().sorted { lhs, rhs in
            lhs.element.range.lowerBound != rhs.element.range.lowerBound
                ? lhs.element.range.lowerBound < rhs.element.range.lowerBound : lhs.offset < rhs.offset
        }.map(\.element)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var position = 0
        var applied: [Fix] = [], skipped: [Fix] = []
        for fix in ordered {
            guard fix.range.lowerBound >= position, fix.range.upperBound <= bytes.count else {
                skipped.append(fix)
                continue
            }
            output.append(contentsOf: bytes[position..<fix.range.lowerBound])
            output.append(contentsOf: fix.replacement)
            position = fix.range.upperBound
            applied.append(fix)
        }
        output.append(contentsOf: bytes[position...])
        return (output, applied, skipped)
    }
}

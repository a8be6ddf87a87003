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

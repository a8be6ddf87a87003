/// A place in a document open in an editor: the 0-based line and the 0-based column in UTF-8
/// bytes of that line's text (`EditorDocument` says what a line's text is). The language server
/// converts columns to the UTF-16 code units (or UTF-8 bytes) its client counts.
public struct EditorPosition: Sendable, Equatable, Comparable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: EditorPosition, rhs: EditorPosition) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
    }

    public var description: String { "\(line):\(column)" }
}

/// The text between two positions of a document, `end` excluded (an empty range is a place).
public struct EditorRange: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var start: EditorPosition
    public var end: EditorPosition

    public init(start: EditorPosition, end: EditorPosition) {
        self.start = start
        self.end = end
    }

    /// The empty range at `position`.
    public init(at position: EditorPosition) {
        self.init(start: position, end: position)
    }

    public var isEmpty: Bool { start == end }

    /// Whether `position` is in the range, its end included (a cursor just after a word is on it).
    public func contains(_ position: EditorPosition) -> Bool {
        start <= position && position <= end
    }

    /// Whether the two ranges share a position (ranges that meet touch).
    public func touches(_ other: EditorRange) -> Bool {
        start <= other.end && other.start <= end
    }

    public var description: String { "\(start)-\(end)" }
}

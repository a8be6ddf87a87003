/// How a scalar was written in the source. Rewrites keep the style of the value they replace.
public enum YAMLScalarStyle: String, Sendable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
    /// Nothing was written (`key:` with no value). Reads as null.
    case empty
}

/// One node of a parsed front matter, with the byte range it came from.
///
/// Offsets are byte offsets into the whole file, so a rewrite can replace exactly the
/// bytes of one value and leave every other byte alone.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(String, YAMLScalarStyle)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    public var content: Content
    /// First byte of the node (the opening quote, the `|` of a block scalar, the `-` or first key).
    public var start: Int
    /// One past the last byte of the node's own text (trailing comments and line breaks excluded).
    public var end: Int
    /// 1-based line of `start`.
    public var line: Int
    /// 0-based byte column of `start` within its line (the indentation of a block collection).
    public var indent: Int
    /// True for `[...]` and `{...}`.
    public var isFlow: Bool

    public init(content: Content, start: Int, end: Int, line: Int, indent: Int, isFlow: Bool = false) {
        self.content = content
        self.start = start
        self.end = end
        self.line = line
        self.indent = indent
        self.isFlow = isFlow
    }

    /// The scalar text, or nil for collections.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// An absent value (`key:` with nothing after it).
    public var isEmpty: Bool {
        if case .scalar(_, .empty) = content { return true }
        return false
    }

    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value under `key` in a mapping (linear: front-matter maps are small).
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        for index in pairs.indices where pairs[index].hasKey(key) { return pairs[index].value }
        return nil
    }

    public func pair(_ key: String) -> YAMLPair? {
        guard case .mapping(let pairs) = content else { return nil }
        for index in pairs.indices where pairs[index].hasKey(key) { return pairs[index] }
        return nil
    }

    /// A short name of the node's kind for messages ("a list", "a map", "text").
    public var kindDescription: Phrase {
        switch content {
        case .scalar(_, .empty): return Wording<YAMLNode>.emptyValue.phrase
        case .scalar: return Wording<YAMLNode>.singleValue.phrase
        case .mapping: return Wording<YAMLNode>.map.phrase
        case .sequence: return Wording<YAMLNode>.list.phrase
        }
    }
}

/// A `key: value` pair of a mapping.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public var keyText: String { key.scalarText ?? "" }

    /// Byte comparison of the key (String `==` takes a slow path whenever strings differ).
    @inline(__always) public func hasKey(_ name: String) -> Bool {
        guard case .scalar(let text, _) = key.content else { return false }
        return text.sameBytes(as: name)
    }
}

extension String {
    /// Byte order of the UTF-8 forms (paths and ids sort the same on every machine).
    @inline(__always) public func bytesPrecede(_ other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                let count = Swift.min(pa.count, pb.count)
                for index in 0..<count where pa[index] != pb[index] { return pa[index] < pb[index] }
                return pa.count < pb.count
            }
        }
    }

    /// True when both strings have the same UTF-8 bytes.
    @inline(__always) public func sameBytes(as other: String) -> Bool {
        let count = utf8.count
        guard count == other.utf8.count else { return false }
        var a = self, b = other
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                for index in 0..<count where pa[index] != pb[index] { return false }
                return true
            }
        }
    }
}

extension Wording where Of == YAMLNode {
    public static let emptyValue = Self("an empty value", "空值")
    public static let singleValue = Self("a single value", "单个值")
    public static let map = Self("a map", "映射")
    public static let list = Self("a list", "列表")
}

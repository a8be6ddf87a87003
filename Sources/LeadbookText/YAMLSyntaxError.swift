/// Why a front matter could not be read, at a byte offset of the file.
public struct YAMLSyntaxError: Error, Sendable, Equatable {
    public let offset: Int
    public let problem: YAMLProblem
    /// The change that removes the problem, when it is certain (a full-width colon after a key
    /// becomes `: `).
    public let repair: YAMLRepair?

    public init(_ offset: Int, _ problem: YAMLProblem, repair: YAMLRepair? = nil) {
        self.offset = offset
        self.problem = problem
        self.repair = repair
    }
}

/// Bytes of the file (offsets as read) and what to write in their place.
public struct YAMLRepair: Sendable, Equatable {
    public let range: Range<Int>
    public let replacement: [UInt8]

    public init(_ range: Range<Int>, _ replacement: String) {
        self.range = range
        self.replacement = Array(replacement.utf8)
    }
}

/// What the reader of a customer file's front matter found: the tree (nil when nothing could be
/// read), every problem in file order (those read past, such as a full-width colon after a key,
/// and those it recovered from at the next top-level key) and the notes on values that read as
/// YAML says but probably not as the writer meant (Chinese quotes, Chinese commas in `[...]`).
public struct YAMLReading: Sendable {
    public var root: YAMLNode?
    public var errors: [YAMLSyntaxError] = []
    public var notes: [YAMLNote] = []
    /// False when a problem made the reader skip lines (the tree lacks what they held).
    public var complete = true

    public init(root: YAMLNode?, errors: [YAMLSyntaxError] = [], notes: [YAMLNote] = [], complete: Bool = true) {
        self.root = root
        self.errors = errors
        self.notes = notes
        self.complete = complete
    }
}

/// A value that is well-formed YAML, and read as YAML reads it, but that holds a typing
/// mistake of a Chinese keyboard: the rules that word them decide what to say.
public struct YAMLNote: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A plain value wholly inside Chinese quotes (`“…”`, `‘…’`, `「…」`, `『…』`, `＂…＂`):
        /// the quotes are part of the text. `inFlow`: an item of `[...]` or `{...}`.
        case chineseQuotes(inFlow: Bool)
        /// A `，` or `、` inside an item of a `[...]` list: one item where two were meant.
        case listComma
    }

    public let kind: Kind
    /// The value (quotes included) or the comma.
    public let range: Range<Int>

    public init(_ kind: Kind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// What the YAML reader found wrong, without words: leadbook's rules word each problem
/// (yaml-syntax, yaml-unsupported, yaml-tab-indent, duplicate-key).
public enum YAMLProblem: Sendable, Equatable {
    /// Not well-formed YAML.
    case syntax(Syntax)
    /// Well-formed YAML outside the subset leadbook reads.
    case unsupported(Unsupported)
    /// A tab character in indentation.
    case tabIndent
    /// A character YAML does not allow anywhere (outside `c-printable`), by its code point.
    case controlCharacter(UInt32)
    /// A key set twice in one map; `line` is where it was first set.
    case duplicateKey(String, line: Int)
    /// A full-width colon `：` where the colon after a key belongs.
    case fullWidthColon
    /// An ideographic space U+3000 where YAML needs a space.
    case fullWidthSpace(FullWidthSpacePlace)

    public enum FullWidthSpacePlace: Sendable, Equatable {
        /// After the colon of a key.
        case afterColon
        /// After the `-` of a list item.
        case afterDash
        /// In the indentation at the start of a line.
        case indentation
    }

    /// A line indented to no level of the maps it could belong to.
    public struct Indentation: Sendable, Equatable {
        /// Spaces before the line's text.
        public let found: Int
        /// The nearest levels: the indentation of the keys of a map, and the key the map is
        /// the value of (nil: the top level). Two when the line sits halfway between them.
        public let levels: [Level]

        public struct Level: Sendable, Equatable {
            public let indent: Int
            public let key: String?

            public init(indent: Int, key: String?) {
                self.indent = indent
                self.key = key
            }
        }

        public init(found: Int, levels: [Level]) {
            self.found = found
            self.levels = levels
        }
    }

    public enum Syntax: Sendable, Equatable {
        case loneCarriageReturn
        case nul
        /// A plain value that starts with an indicator character.
        case reserved(UInt8)
        case unterminatedDouble
        case unterminatedSingle
        case unterminatedFlow
        /// The escape as written.
        case badEscape(String)
        case textAfterValue
        case colonInValue
        case dashAfterKey
        case badIndentation
        /// A key line whose indentation matches none of the maps it could belong to.
        case indentation(Indentation)
        case expectedKey
        case itemInMapping
        case missingColonSpace
        case unexpectedContent
        case badBlockHeader
        case flowSeparator
        case emptyFlowEntry
        case expectedFlowColon
        case unclosedDouble
        case unclosedSingle
        case notScalarRoot
    }

    public enum Unsupported: Sendable, Equatable {
        case anchor
        case alias
        case tag
        case directive
        case documents
        case contentOnDocumentStart
        case complexKey
        case emptyKey
        case flowKey
        case multiLineFlow
        case pairInFlowSequence
        case multiLineKey
        case ambiguousColon
        case continuationText
        case tooDeep
        case explicitIndentAtRoot
        case blockScalarSpaces
    }
}

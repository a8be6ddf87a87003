/// Why a front matter could not be read, at a byte offset of the file.
public struct YAMLSyntaxError: Error, Sendable, Equatable {
    public let offset: Int
    public let problem: YAMLProblem

    public init(_ offset: Int, _ problem: YAMLProblem) {
        self.offset = offset
        self.problem = problem
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

import LeadbookText

/// One finding: where (1-based line and column, columns counted in characters), what, and how to fix it.
public struct Diagnostic: Sendable, Equatable {
    /// Path relative to the workspace root, with `/` separators.
    public var file: String
    public var line: Int
    public var column: Int
    public var rule: Rule
    /// What is wrong, in both languages.
    public var phrase: Phrase
    /// How to fix it, in both languages (empty when there is nothing to add).
    public var hintPhrase: Phrase
    /// What is wrong, in English: the words that stay the same whatever the user's language
    /// (order, the GitLab fingerprint).
    public var message: String { phrase.en }
    /// The hint in English.
    public var hint: String { hintPhrase.en }
    /// The text of the line the finding points at (for the caret display), when there is one.
    public var sourceLine: String?
    /// Display width (terminal cells) of the text before the column, for placing the caret.
    public var caretOffset: Int
    /// The change `leadbook fix` makes for this finding, when it is mechanical and safe.
    public var fix: Fix?
    /// The "did you mean" of the hint as a change: the text written replaced by the spelling
    /// the hint suggests (an unknown status by the nearest status). A guess for a person to
    /// take: `leadbook fix` never applies it; an editor offers it as a quick fix.
    public var suggestion: Fix?
    /// The derived value the finding is about (a stale grade, status or next, a missing status
    /// the log gives), and whether the file holds a value of its own: `CustomerFix.writes`
    /// decides from it whether `leadbook fix` writes the value.
    public var derived: DerivedFinding?

    /// The rule's severity.
    public var severity: Severity { rule.severity }

    public init(file: String, line: Int, column: Int, rule: Rule, message: Phrase, hint: Phrase,
                sourceLine: String? = nil, caretOffset: Int? = nil, fix: Fix? = nil, derived: DerivedFinding? = nil, suggestion: Fix? = nil) {
        self.fix = fix
        self.suggestion = suggestion
        self.derived = derived
        self.file = file
        self.line = line
        self.column = column
        self.rule = rule
        self.phrase = message
        self.hintPhrase = hint
        self.sourceLine = sourceLine
        self.caretOffset = caretOffset ?? max(0, column - 1)
    }

    /// A message of a rule at a place of a file (a whole file: line 1, column 1, no line shown).
    public init<R>(file: String, line: Int = 1, column: Int = 1, _ message: RuleMessage<R>,
                   sourceLine: String? = nil, caretOffset: Int? = nil) {
        self.init(file: file, line: line, column: column, rule: R.rule, message: message.phrase, hint: message.hintPhrase,
                  sourceLine: sourceLine, caretOffset: caretOffset)
    }

    /// The same place, saying `message` (for rules that locate a finding before they word it).
    public func saying<R>(_ message: RuleMessage<R>) -> Diagnostic {
        var diagnostic = self
        diagnostic.rule = R.rule
        diagnostic.phrase = message.phrase
        diagnostic.hintPhrase = message.hintPhrase
        return diagnostic
    }

    /// Sorts by file, line, column, then rule, so output is stable whatever the order of work.
    public static func ordered(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if !lhs.file.sameBytes(as: rhs.file) { return lhs.file.bytesPrecede(rhs.file) }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        if lhs.column != rhs.column { return lhs.column < rhs.column }
        if lhs.rule.id != rhs.rule.id { return lhs.rule.id < rhs.rule.id }
        return lhs.message < rhs.message
    }
}

/// What a finding about a value `sync` derives is about: the value, and whether the file holds
/// one (a value a rep typed) or has none (missing or empty).
public struct DerivedFinding: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case grade, status, next
    }

    public var value: Value
    public var written: Bool

    public init(_ value: Value, written: Bool) {
        self.value = value
        self.written = written
    }
}

import LeadbookText

/// Collects the diagnostics of one file, turning byte offsets into line:column as they come.
public struct Findings: Sendable {
    public private(set) var source: SourceText
    public private(set) var diagnostics: [Diagnostic] = []

    public init(source: SourceText) {
        self.source = source
    }

    public var path: String { source.path }

    public var errorCount: Int { diagnostics.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }

    /// Reports a message of its rule at a byte offset. `showLine: false` leaves out the source
    /// line (for bytes that are not text). `fix` is the change that removes the finding, when
    /// it is certain; `derived`, what a finding about a derived value is about.
    public mutating func report<R>(_ message: @autoclosure () -> RuleMessage<R>, at offset: Int, showLine: Bool = true, fix: Fix? = nil,
                                   derived: DerivedFinding? = nil) {
        let rule = R.rule
        let message = message()
        let location = source.location(of: offset)
        diagnostics.append(Diagnostic(
            file: source.path, line: location.line, column: location.column, rule: rule, message: message.phrase, hint: message.hintPhrase,
            sourceLine: source.bytes.isEmpty || !showLine ? nil : location.text, caretOffset: location.caret, fix: fix, derived: derived))
    }

    /// Where a rule of several files would point, at an offset on a known line, not recorded
    /// here: the rule words it (`Diagnostic.saying`) when it decides to report.
    public func anchor<R: RuleDefinition>(_ rule: R.Type, at offset: Int, line: Int) -> Diagnostic {
        let location = source.location(of: offset, onLine: line)
        return Diagnostic(file: source.path, line: location.line, column: location.column, rule: R.rule, message: .empty, hint: .empty,
                          sourceLine: location.text, caretOffset: location.caret)
    }

    /// Reports a finding about the file as a whole (it has no line to point at).
    public mutating func reportFile<R>(_ message: @autoclosure () -> RuleMessage<R>) {
        diagnostics.append(Diagnostic(file: source.path, message()))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}

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
    /// it is certain; `derived`, what a finding about a derived value is about; `suggestion`,
    /// the "did you mean" of the hint as a change (`suggestion(replacing:at:with:)`).
    public mutating func report<R>(_ message: @autoclosure () -> RuleMessage<R>, at offset: Int, showLine: Bool = true, fix: Fix? = nil,
                                   derived: DerivedFinding? = nil, suggestion: Fix? = nil) {
        let rule = R.rule
        let message = message()
        let location = source.location(of: offset)
        diagnostics.append(Diagnostic(
            file: source.path, line: location.line, column: location.column, rule: rule, message: message.phrase, hint: message.hintPhrase,
            sourceLine: source.bytes.isEmpty || !showLine ? nil : location.text, caretOffset: location.caret, fix: fix, derived: derived,
            suggestion: suggestion))
    }

    /// The change that puts `replacement` (the hint's "did you mean") where `written` is: at
    /// `offset`, or just after the quote there (a quoted value); nil without a replacement,
    /// when it is the text itself, or when the bytes there are not `written` (an escaped
    /// quoted value, a value read from elsewhere).
    public func suggestion(replacing written: String, at offset: Int, with replacement: String?) -> Fix? {
        guard let replacement, replacement != written, !written.isEmpty, offset >= 0 else { return nil }
        let bytes = source.bytes
        let count = written.utf8.count
        for start in [offset, offset + 1] where start >= 0 && start + count <= bytes.count {
            if start == offset + 1, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "'") { continue }
            if bytes[start..<(start + count)].elementsEqual(written.utf8) { return Fix(replacing: start..<(start + count), with: replacement) }
        }
        return nil
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

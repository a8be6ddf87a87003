import LeadbookText

/// Collects the diagnostics of one file, turning byte offsets into line:column as they come.
public struct Findings: Sendable {
    public private(set) var source: SourceText
    public private(set) var diagnostics: [Diagnostic] = []
    /// Rules turned off for this run (leadbook.yml `rules: {id: off}`).
    public var disabled: Set<String> = []

    public init(source: SourceText) {
        self.source = source
    }

    public var path: String { source.path }

    public var errorCount: Int { diagnostics.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }

    /// Reports at a byte offset. `showLine: false` leaves out the source line (for bytes that
    /// are not text).
    public mutating func report(_ rule: Rule, at offset: Int, _ message: String, hint: String, showLine: Bool = true) {
        guard !disabled.contains(rule.id) else { return }
        let location = source.location(of: offset)
        diagnostics.append(Diagnostic(
            file: source.path, line: location.line, column: location.column,
            severity: rule.severity, rule: rule.id, message: message, hint: hint,
            sourceLine: source.bytes.isEmpty || !showLine ? nil : location.text, caretOffset: location.caret))
    }

    /// A diagnostic at an offset on a known line, not recorded here (for rules that look at
    /// several files and decide later whether to report).
    public func diagnostic(_ rule: Rule, at offset: Int, line: Int, _ message: String, hint: String) -> Diagnostic {
        let location = source.location(of: offset, onLine: line)
        return Diagnostic(file: source.path, line: location.line, column: location.column, severity: rule.severity,
                          rule: rule.id, message: message, hint: hint, sourceLine: location.text, caretOffset: location.caret)
    }

    /// A finding about the file as a whole (it has no line to point at).
    public mutating func reportFile(_ rule: Rule, _ message: String, hint: String) {
        guard !disabled.contains(rule.id) else { return }
        diagnostics.append(Diagnostic(file: source.path, line: 1, column: 1, severity: rule.severity,
                                      rule: rule.id, message: message, hint: hint))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}

import LeadbookText

/// How serious a finding is. Errors fail `check`; warnings fail it only with `--strict`.
public enum Severity: String, Sendable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// A named check with a stable id (used in output, in JSON and in docs/diagnostics.md).
public struct Rule: Hashable, Sendable {
    public let id: String
    public let severity: Severity
    /// One sentence: what the rule asks of a file.
    public let summary: String

    public init(_ id: String, _ severity: Severity, _ summary: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
    }

    public static func == (lhs: Rule, rhs: Rule) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

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
/// Each rule exists once (its `RuleDefinition`'s `rule`); a diagnostic holds a reference to it,
/// which keeps every diagnostic, and the anchors `check` keeps of each customer, small.
public final class Rule: Hashable, Sendable, CustomStringConvertible {
    public let id: String
    public let severity: Severity
    /// One sentence: what the rule asks of a file, in both languages.
    public let summaryPhrase: Phrase
    /// The summary in English.
    public var summary: String { summaryPhrase.en }

    public init(_ id: String, _ severity: Severity, _ summary: Phrase) {
        self.id = id
        self.severity = severity
        self.summaryPhrase = summary
    }

    public static func == (lhs: Rule, rhs: Rule) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// A rule is shown by its id.
    public var description: String { id }
}

/// The type that declares one rule of `RuleCatalog`, named after the rule's id in
/// UpperCamelCase (`unknown-status` is `UnknownStatus`, in Rules/Fields/UnknownStatus.swift).
/// Its file holds the rule, the words of its diagnostics (`RuleMessage`) and either its check
/// or the function the reader that finds the problem calls to report it.
public protocol RuleDefinition {
    static var rule: Rule { get }
}

extension RuleDefinition {
    /// What this rule's diagnostics say.
    public typealias Message = RuleMessage<Self>
}

/// What one diagnostic of rule `Of` says: the problem, and how to fix it (empty when there is
/// nothing to add). It is the `Wording` every layer uses, said by a rule: a rule declares its
/// messages in its own file, as constants and functions of `RuleMessage<ItsType>`; a message
/// reported carries its rule, and so its severity.
public typealias RuleMessage<Of: RuleDefinition> = Wording<Of>

extension Wording where Of: RuleDefinition {
    public var rule: Rule { Of.rule }
}

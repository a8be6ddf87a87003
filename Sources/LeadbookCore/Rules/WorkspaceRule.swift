import LeadbookText

/// A check across all customer files (ids, merges, duplicates), run after every file is read.
public protocol WorkspaceRule: RuleDefinition {
    static func check(_ facts: [CustomerFacts], _ configuration: Configuration, _ diagnostics: inout [Diagnostic])
}

public enum WorkspaceRules {
    public static let all: [any WorkspaceRule.Type] = [DuplicateId.self, UnknownMergeTarget.self, PossibleDuplicate.self]
}

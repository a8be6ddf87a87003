import LeadbookText

extension Rule {
    public static let unknownMergeTarget = Rule("unknown-merge-target", .error, "`merged_into` names the id of an existing customer.")
}

/// A tombstone points at the customer it was merged into; that customer must exist.
public enum MergeTargetExists: WorkspaceRule {
    public static let rule = Rule.unknownMergeTarget

    public static func check(_ facts: [CustomerFacts], _ configuration: Configuration, _ diagnostics: inout [Diagnostic]) {
        var ids: Set<String> = []
        for fact in facts { if let id = fact.id { ids.insert(id) } }
        for fact in facts {
            guard let target = fact.mergedInto, var diagnostic = fact.mergedIntoAnchor else { continue }
            if target == fact.id {
                diagnostic.message = "`merged_into` names the customer itself"
                diagnostic.hint = "name the id of the customer this one was merged into"
                diagnostics.append(diagnostic)
            } else if !ids.contains(target) {
                diagnostic.message = "`merged_into` names `\(target)`, which is not a customer in this workspace"
                diagnostic.hint = "use the id of the customer that now holds this one's history (`leadbook show ID` to check it)"
                diagnostics.append(diagnostic)
            }
        }
    }
}

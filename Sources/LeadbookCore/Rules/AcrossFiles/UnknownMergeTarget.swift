import LeadbookText

/// A tombstone points at the customer it was merged into; that customer must exist.
public enum UnknownMergeTarget: WorkspaceRule {
    public static let rule = Rule("unknown-merge-target", .error, "`merged_into` names the id of an existing customer.")

    public static func check(_ facts: [CustomerFacts], _ configuration: Configuration, _ diagnostics: inout [Diagnostic]) {
        var ids: Set<String> = []
        for fact in facts { if let id = fact.id { ids.insert(id) } }
        for fact in facts {
            guard let target = fact.mergedInto, let anchor = fact.mergedIntoAnchor else { continue }
            if target == fact.id {
                diagnostics.append(anchor.saying(Message.itself))
            } else if !ids.contains(target) {
                diagnostics.append(anchor.saying(Message.notACustomer(target)))
            }
        }
    }
}

extension RuleMessage where Of == UnknownMergeTarget {
    public static var itself: Self {
        Self("`merged_into` names the customer itself", hint: "name the id of the customer this one was merged into")
    }

    public static func notACustomer(_ target: String) -> Self {
        Self("`merged_into` names `\(target)`, which is not a customer in this workspace",
             hint: "use the id of the customer that now holds this one's history (`leadbook show ID` to check it)")
    }
}

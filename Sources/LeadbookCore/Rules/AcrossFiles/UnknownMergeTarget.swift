import LeadbookText

/// A tombstone points at the customer it was merged into; that customer must exist.
public enum UnknownMergeTarget: WorkspaceRule {
    public static let rule = Rule("unknown-merge-target", .error, Phrase("`merged_into` names the id of an existing customer.", "`merged_into` 写的是一个已有客户的编号。"))

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
        Self("`merged_into` names the customer itself", "`merged_into` 写的是这位客户自己",
             hint: Phrase("name the id of the customer this one was merged into", "写这位客户被合并到的那位客户的编号"))
    }

    public static func notACustomer(_ target: String) -> Self {
        Self("`merged_into` names `\(target)`, which is not a customer in this workspace", "`merged_into` 写的 `\(target)` 不是这个工作区里的客户",
             hint: Phrase("use the id of the customer that now holds this one's history (`leadbook show ID` to check it)",
                          "写现在保存这位客户历史的那位客户的编号（可用 `leadbook show ID` 查看）"))
    }
}

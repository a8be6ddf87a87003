import LeadbookText

/// Two files with one id (two branches created the same next id): each file is named.
public enum DuplicateId: WorkspaceRule {
    public static let rule = Rule("duplicate-id", .error, Phrase("An id belongs to one customer file in the workspace.", "一个客户编号在工作区里只属于一个客户文件。"))

    public static func check(_ facts: [CustomerFacts], _ configuration: Configuration, _ diagnostics: inout [Diagnostic]) {
        var byId: [String: [Int]] = [:]
        // By index: each customer's facts are looked at where they are, not copied.
        for index in facts.indices {
            if let id = facts[index].id, !id.isEmpty { byId[id, default: []].append(index) }
        }
        for (id, indices) in byId where indices.count > 1 {
            for index in indices {
                let others = indices.filter { $0 != index }.map { facts[$0].path }
                guard let anchor = facts[index].idAnchor else { continue }
                diagnostics.append(anchor.saying(Message.alsoUsedBy(id, others)))
            }
        }
    }
}

extension RuleMessage where Of == DuplicateId {
    public static func alsoUsedBy(_ id: String, _ others: [String]) -> Self {
        Self("id `\(id)` is also used by \(others.joined(separator: ", "))", "客户编号 `\(id)` 也被 \(others.joined(separator: "、")) 用了",
             hint: Phrase("ids are unique: run `leadbook renumber \(id)` to give the newer customer the next free id",
                          "客户编号不能重复：运行 `leadbook renumber \(id)`，给较新的客户换一个空闲编号"))
    }
}

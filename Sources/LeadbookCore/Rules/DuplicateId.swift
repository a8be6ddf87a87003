import LeadbookText

extension Rule {
    public static let duplicateId = Rule("duplicate-id", .error, "An id belongs to one customer file in the workspace.")
}

/// Two files with one id (two branches created the same next id): each file is named.
public enum DuplicateId: WorkspaceRule {
    public static let rule = Rule.duplicateId

    public static func check(_ facts: [CustomerFacts], _ configuration: Configuration, _ diagnostics: inout [Diagnostic]) {
        var byId: [String: [Int]] = [:]
        for (index, fact) in facts.enumerated() {
            if let id = fact.id, !id.isEmpty { byId[id, default: []].append(index) }
        }
        for (id, indices) in byId where indices.count > 1 {
            for index in indices {
                let others = indices.filter { $0 != index }.map { facts[$0].path }
                guard var diagnostic = facts[index].idAnchor else { continue }
                diagnostic.message = "id `\(id)` is also used by \(others.joined(separator: ", "))"
                diagnostic.hint = "ids are unique: run `leadbook renumber \(id)` to give the newer customer the next free id"
                diagnostics.append(diagnostic)
            }
        }
    }
}

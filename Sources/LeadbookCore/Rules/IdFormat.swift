import LeadbookText

extension Rule {
    public static let invalidId = Rule("invalid-id", .error, "An id is the id prefix followed by digits (LX2024001).")
}

/// The id is `<id_prefix><digits>`: it names the file and is what people type.
public enum IdFormat: CustomerRule {
    public static let rule = Rule.invalidId

    public static func isValid(_ id: String, prefix: String) -> Bool {
        guard id.hasPrefix(prefix) else { return false }
        let digits = id.utf8.dropFirst(prefix.utf8.count)
        return !digits.isEmpty && digits.count <= 18 && digits.allSatisfy(ASCII.isDigit)
    }

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        guard let id = context.customer.id, !id.isEmpty else { return }
        let prefix = context.configuration.idPrefix
        if !isValid(id, prefix: prefix) {
            findings.report(rule, at: context.offset(of: "id"), "id `\(id)` is not `\(prefix)` followed by digits",
                            hint: "use the form \(prefix)2024001 (leadbook.yml `id_prefix` is `\(prefix)`)")
        }
    }
}

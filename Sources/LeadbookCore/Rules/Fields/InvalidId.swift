import LeadbookText

/// The id is `<id_prefix><digits>`: it names the file and is what people type.
public enum InvalidId: CustomerRule {
    public static let rule = Rule("invalid-id", .error, Phrase("An id is the id prefix followed by digits (LX2024001).", "客户编号由编号前缀加数字组成（LX2024001）。"))

    public static func isValid(_ id: String, prefix: String) -> Bool {
        CustomerIds.isValid(id, prefix: prefix)
    }

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        guard let id = context.customer.id, !id.isEmpty else { return }
        let prefix = context.configuration.idPrefix
        if !isValid(id, prefix: prefix) {
            findings.report(Message.notPrefixAndDigits(id, prefix: prefix), at: context.offset(of: "id"))
        }
    }
}

extension RuleMessage where Of == InvalidId {
    public static func notPrefixAndDigits(_ id: String, prefix: String) -> Self {
        Self("id `\(id)` is not `\(prefix)` followed by digits", "客户编号 `\(id)` 不是 `\(prefix)` 加数字",
             hint: Phrase("use the form \(prefix)2024001 (leadbook.yml `id_prefix` is `\(prefix)`)",
                          "写成 \(prefix)2024001 这样（leadbook.yml 的 `id_prefix` 是 `\(prefix)`）"))
    }
}

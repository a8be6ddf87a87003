import LeadbookText

/// id, name, source, intent, created and status are present (a tombstone needs only id and merged_into).
public enum RequiredFields: CustomerRule {
    public static let rule = Rule.missingField

    public static let required: [(String, String)] = CustomerField.required.map { ($0.field.key, $0.example) }

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let tombstone = context.hasValue("merged_into")
        for (key, example) in required {
            if tombstone && key != "id" { continue }
            guard let position = context.position(key) else {
                findings.report(rule, at: context.layout.frontMatter.lowerBound, "missing required field `\(key)`",
                                hint: "add a line `\(example)` to the front matter")
                continue
            }
            if position.valueIsEmpty {
                findings.report(rule, at: position.key, "required field `\(key)` is empty", hint: "fill it in, for example `\(example)`")
            }
        }
    }
}

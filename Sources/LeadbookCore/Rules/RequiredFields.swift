import LeadbookText

/// id, name, source, intent, created and status are present (a tombstone needs only id and merged_into).
public enum RequiredFields: CustomerRule {
    public static let rule = Rule.missingField

    public static let required: [(String, String)] = [
        ("id", "id: LX2024001"), ("name", "name: 华东云科技有限公司"), ("source", "source: website"),
        ("intent", "intent: B"), ("created", "created: 2024-03-01 09:10"), ("status", "status: untouched"),
    ]

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

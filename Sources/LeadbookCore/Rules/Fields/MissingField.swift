import LeadbookText

/// id, name, source, intent, created and status are present and filled in (a tombstone needs
/// only id and merged_into); the items of lists that need a key have it (a contact its name,
/// a `sources` item its source; in leadbook.yml a scoring band its points, a screening rule
/// its industry, a team member a name and a role).
public enum MissingField: CustomerRule {
    public static let rule = Rule("missing-field", .error, "Required fields are present: id, name, source, intent, created, status (and a contact's name).")

    public static let required: [(String, String)] = CustomerField.required.map { ($0.field.key, $0.example) }

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let tombstone = context.hasValue("merged_into")
        for (key, example) in required {
            if tombstone && key != "id" { continue }
            guard let position = context.position(key) else {
                findings.report(Message.missing(key, example: example), at: context.layout.frontMatter.lowerBound)
                continue
            }
            if position.valueIsEmpty {
                findings.report(Message.empty(key, example: example), at: position.key)
            }
        }
    }

    /// An item of a list read without the key it needs, at the item.
    public static func report(_ message: Message, at offset: Int, _ findings: inout Findings) {
        findings.report(message, at: offset)
    }
}

extension RuleMessage where Of == MissingField {
    public static func missing(_ key: String, example: String) -> Self {
        Self("missing required field `\(key)`", hint: "add a line `\(example)` to the front matter")
    }

    public static func empty(_ key: String, example: String) -> Self {
        Self("required field `\(key)` is empty", hint: "fill it in, for example `\(example)`")
    }

    public static var sourcesItemWithoutSource: Self {
        Self("a `sources` item without `source`", hint: "add `source:` with the channel this lead also came from")
    }

    public static var contactWithoutName: Self {
        Self("a contact without `name`", hint: "add `name:` (the contact's name; title, phone and email are optional)")
    }

    public static var scoringBandWithoutPoints: Self {
        Self("a scoring band without `points`", hint: "add `points: 10`")
    }

    public static var screeningRuleWithoutIndustry: Self {
        Self("a screening rule without `industry`", hint: "add `industry: 软件` (the industry the rule applies to)")
    }

    public static var teamMemberWithoutName: Self {
        Self("a team member without `name`", hint: "add `name:` with the rep's name")
    }

    public static func teamMemberWithoutRole(_ name: String) -> Self {
        Self("team member \(name) has no `role`", hint: "add `role: manager`, `senior` or `junior`")
    }
}

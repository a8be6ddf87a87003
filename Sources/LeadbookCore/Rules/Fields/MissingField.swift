import LeadbookText

/// id, name, source, intent, created and status are present and filled in (a tombstone needs
/// only id and merged_into); the items of lists that need a key have it (a contact its name,
/// a `sources` item its source; in leadbook.yml a scoring band its points, a screening rule
/// its industry, a team member a name and a role).
public enum MissingField: CustomerRule {
    public static let rule = Rule("missing-field", .error, Phrase("Required fields are present: id, name, source, intent, created, status (and a contact's name).",
                                                            "必填字段都要有：id、name、source、intent、created、status（联系人要有 name）。"))

    public static let required: [(String, String)] = CustomerField.required.map { ($0.field.key, $0.example) }

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let tombstone = context.hasValue("merged_into")
        for (key, written) in required {
            if tombstone && key != "id" { continue }
            let position = context.position(key)
            guard position?.valueIsEmpty ?? true else { continue }
            let (example, derived) = Self.example(key, written, context, tombstone: tombstone)
            if let position {
                findings.report(Message.empty(key, example: example), at: position.key, derived: derived)
            } else {
                findings.report(Message.missing(key, example: example), at: context.layout.frontMatter.lowerBound, derived: derived)
            }
        }
    }

    /// What to write for a missing or empty `key`: a status the log records is the one to
    /// write (`leadbook fix` writes it), any other key its example.
    static func example(_ key: String, _ written: String, _ context: CustomerContext, tombstone: Bool) -> (String, DerivedFinding?) {
        if key == "status", !tombstone, let (logged, _) = DerivedValues.status(context.customer) {
            return ("status: \(logged.rawValue)", DerivedFinding(.status, written: false))
        }
        return (written, nil)
    }

    /// An item of a list read without the key it needs, at the item.
    public static func report(_ message: Message, at offset: Int, _ findings: inout Findings) {
        findings.report(message, at: offset)
    }
}

extension RuleMessage where Of == MissingField {
    public static func missing(_ key: String, example: String) -> Self {
        Self("missing required field `\(key)`", "缺少必填字段 `\(key)`", hint: Phrase("add a line `\(example)` to the front matter", "在文件头里加一行 `\(example)`"))
    }

    public static func empty(_ key: String, example: String) -> Self {
        Self("required field `\(key)` is empty", "必填字段 `\(key)` 是空的", hint: Phrase("fill it in, for example `\(example)`", "把它填上，例如 `\(example)`"))
    }

    public static var sourcesItemWithoutSource: Self {
        Self("a `sources` item without `source`", "`sources` 里有一项没写 `source`",
             hint: Phrase("add `source:` with the channel this lead also came from", "加上 `source:`，写这条线索的另一个来源渠道"))
    }

    /// `holidays` or `workdays` without `business_hours`: they count only in working time.
    public static func datesWithoutBusinessHours(_ key: String) -> Self {
        Self("`\(key)` counts only with `business_hours`, which leadbook.yml does not set", "`\(key)` 只在设置了 `business_hours` 时才起作用，leadbook.yml 没有设置它",
             hint: Phrase("add `business_hours: {days: [mon, tue, wed, thu, fri], from: \"09:00\", to: \"18:00\"}`, or remove `\(key)`",
                          "加上 `business_hours: {days: [周一, 周二, 周三, 周四, 周五], from: \"09:00\", to: \"18:00\"}`，或者删掉 `\(key)`"))
    }

    /// `business_hours.days: []`.
    public static var noWorkingDays: Self {
        Self("`business_hours.days` lists no working day", "`business_hours.days` 没有列出任何工作日",
             hint: Phrase("list the weekdays the team works, for example `days: [mon, tue, wed, thu, fri]`", "列出团队上班的星期几，例如 `days: [周一, 周二, 周三, 周四, 周五]`"))
    }

    public static var contactWithoutName: Self {
        Self("a contact without `name`", "有一位联系人没写 `name`",
             hint: Phrase("add `name:` (the contact's name; title, phone and email are optional)", "加上 `name:`（联系人姓名；职务、电话、邮箱可不填）"))
    }

    public static var scoringBandWithoutPoints: Self {
        Self("a scoring band without `points`", "有一档评分没写 `points`", hint: Phrase("add `points: 10`", "加上 `points: 10`"))
    }

    public static var screeningRuleWithoutIndustry: Self {
        Self("a screening rule without `industry`", "有一条筛选规则没写 `industry`",
             hint: Phrase("add `industry: 软件` (the industry the rule applies to)", "加上 `industry: 软件`（这条规则适用的行业）"))
    }

    public static func rhythmWithout(grade: String, channels: Bool) -> Self {
        let key = channels ? "channels" : "days"
        return Self("the rhythm of \(grade) has no `\(key)`", "\(grade) 级的跟进节奏没写 `\(key)`",
                    hint: Phrase("write both: `\(grade): {channels: [meeting, visit], days: 7}`",
                                 "两项都要写：`\(grade): {channels: [meeting, visit], days: 7}`"))
    }

    /// `channels: []`: a rhythm that no contact could keep. A grade is switched off by
    /// leaving it out of `rhythm:`.
    public static func rhythmWithoutChannels(grade: String) -> Self {
        Self("the rhythm of \(grade) lists no channel", "\(grade) 级的跟进节奏没列任何渠道",
             hint: Phrase("list the channels that keep it: `\(grade): {channels: [meeting, visit], days: 7}`; to keep no rhythm for \(grade), leave \(grade) out of `rhythm:`",
                          "列出算数的渠道：`\(grade): {channels: [meeting, visit], days: 7}`；\(grade) 级不要节奏的话，把 \(grade) 从 `rhythm:` 里删掉"))
    }

    public static var teamMemberWithoutName: Self {
        Self("a team member without `name`", "有一位团队成员没写 `name`", hint: Phrase("add `name:` with the rep's name", "加上 `name:`，写销售的姓名"))
    }

    public static var responderWithoutName: Self {
        Self("a responder without `name`", "有一个响应方（`responders`）没写 `name`",
             hint: Phrase("add `name:` with the department or person, like `name: 法务部`", "加上 `name:`，写部门或人名，比如 `name: 法务部`"))
    }

    public static func teamMemberWithoutRole(_ name: String) -> Self {
        Self("team member \(name) has no `role`", "团队成员 \(name) 没写 `role`",
             hint: Phrase("add `role: manager`, `senior` or `junior`", "加上 `role: manager`（销售经理）、`senior`（资深销售）或 `junior`（新人销售）"))
    }
}

import LeadbookText

/// leadbook.yml: the team, the numbers of the toolkit's policy, and the workspace layout.
/// Every key is optional; the defaults are the toolkit's numbers.
public struct Configuration: Sendable {
    public typealias Language = LeadbookText.Language

    public var language: Language = .zhCN
    public var timezone: UTCOffset = .chinaStandard
    public var idPrefix = "LX"
    public var customersFolder = "customers"
    public var indexFile = "INDEX.md"
    public var summaryFile = "PIPELINE.md"
    public var sources: [String] = Configuration.defaultSources
    public var extraFields: Set<String> = []
    public var scoring = Scoring()
    public var slaHours: [Intent: Int] = [.A: 2, .B: 4, .C: 24]
    public var cadenceDays: [Grade: Int] = [.S: 1, .A: 2, .B: 7, .C: 7]
    public var firstStageDays: [Grade: Int] = [.S: 3, .A: 5, .B: 7, .C: 7]
    public var regradeDays: [Grade: Int] = [.S: 7, .A: 7, .B: 7, .C: 30]
    public var screening: [ScreeningCriterion] = []
    /// Feedback handled as `fix` is answered within this many hours (toolkit: 24).
    public var feedbackFixHours = 24
    /// A resolved feedback item is confirmed with the customer within this many days (toolkit: 3).
    public var feedbackConfirmDays = 3
    public var team: [TeamMember] = []
    /// A team (`group`) whose conversion is more than this many percent below the average of
    /// the teams (toolkit: 20)...
    public var teamCheckPercent = 20
    /// ...in each of this many consecutive months is flagged (toolkit: 3).
    public var teamCheckMonths = 3
    /// Days of follow-ups in the index, counted back from the newest entry.
    public var indexDays = 30
    /// Contact phone numbers and emails in the index tables.
    public var indexPII = false
    /// Expected days from assignment to a deal, per grade: the grading table's expected cycle
    /// (toolkit: S 30 days, A 45, C 90 and more; B, which the toolkit leaves out, 60).
    public var expectedCycleDays: [Grade: Int] = [.S: 30, .A: 45, .B: 60, .C: 90]
    /// The role that follows a lead of each grade (toolkit section 2: S a sales manager in
    /// person, A a senior rep, B and C a junior rep): `assign` gives a lead to a rep of that
    /// role, and `check` (owner-role) warns when the owner has another.
    public var gradeRoles: [Grade: TeamRole] = Configuration.defaultGradeRoles
    /// The roles whose `score.reviewed_by` counts as the review of a rep's score (toolkit: the
    /// sales manager reviews the scores).
    public var scoreReviewRoles: [TeamRole] = [.manager]
    /// An unreviewed score is on its reviewers' agenda this many days after `created` (the
    /// toolkit gives no number; a week, its rhythm for grades and the weekly report).
    public var scoreReviewDays = 7

    public static let defaultGradeRoles: [Grade: TeamRole] = [.S: .manager, .A: .senior, .B: .junior, .C: .junior]
    /// The rhythms beside the cadence (`rhythm`), per grade: a contact on one of the channels at
    /// least every so many days (toolkit: S a meeting every week, A an email or call every week).
    public var rhythms: [Grade: Rhythm] = [.S: Rhythm(channels: [.meeting, .visit], days: 7), .A: Rhythm(channels: [.email, .phone], days: 7)]
    /// The most days a customer stays in each stage after initial contact, per grade
    /// (`stage_days`; initial contact is `firstStageDays`). The toolkit gives only initial
    /// contact's; these keep each grade's four stages within its expected cycle.
    public var laterStageDays: [Stage: [Grade: Int]] = [
        .needsDeepening: [.S: 7, .A: 10, .B: 14, .C: 21],
        .solutionComparison: [.S: 7, .A: 10, .B: 14, .C: 21],
        .negotiation: [.S: 7, .A: 10, .B: 14, .C: 21],
    ]
    /// The most follow-ups in each stage (`stage_follow_ups`; toolkit: 1-3, 2-4, 1-3, 1-2).
    public var stageFollowUps: [Stage: Int] = [.initialContact: 3, .needsDeepening: 4, .solutionComparison: 3, .negotiation: 2]

    /// The most days a customer of `grade` stays in `stage`; nil for nurture and a grade without one.
    public func stageDays(_ stage: Stage, _ grade: Grade) -> Int? {
        stage == .initialContact ? firstStageDays[grade] : laterStageDays[stage]?[grade]
    }
    /// The team's working time (`business_hours`, `holidays`, `workdays`): when set, SLA hours
    /// and feedback fix hours count working time only; nil counts calendar hours (the toolkit
    /// is silent on office hours).
    public var businessHours: BusinessHours?
    /// `log` and `feedback` warn, and `check --staged` warns (`late-entry`), when a contact is
    /// recorded more than this many hours after it happened (toolkit: 24, "24 小时内录入"); 0 turns it off.
    public var recordWithinHours = 24

    /// Feedback handled as `negotiate` is answered with an alternative within this many days
    /// of the feedback, unless the entry gives its own `due` (the toolkit gives no number: 7).
    public var feedbackNegotiateDays = 7
    /// Feedback handled as `decline` is answered, honestly, within this many days, unless the
    /// entry gives its own `due` (the toolkit gives no number: 3).
    public var feedbackDeclineDays = 3
    /// Feedback without a `handling` is decided (fix, negotiate or decline) within this many
    /// days (the toolkit gives no number: 1, so that a `fix` can still be answered in 24 hours).
    public var feedbackHandlingDays = 1
    /// People outside the sales team who own feedback and to-dos (法务部, 技术总监...).
    public var responders: [Responder] = []

    public init() {}

    /// The range of every number in leadbook.yml (docs/format.md): wider than any team needs,
    /// narrow enough that no date, deadline or total computed from them can overflow. A number
    /// outside its range is `out-of-range` at its line, and the default stays.
    public enum Limits {
        /// `sla_hours`, `feedback.fix_hours`: at most a year.
        public static let hours = 0...8_760
        /// `cadence_days`, `first_stage_days`, `regrade_days`, `expected_cycle_days`,
        /// `feedback.confirm_days`: at most ten years.
        public static let days = 0...3_650
        /// `rhythm.*.days`: one day to ten years.
        public static let rhythmDays = 1...3_650
        /// `stage_follow_ups.*`: at least one follow-up a stage.
        public static let followUps = 1...10_000
        /// `index_days`: one day to ten years.
        public static let indexDays = 1...3_650
        /// `scoring.max.*`: each sub-score's maximum.
        public static let scoreMaximum = 1...1_000
        /// `scoring.grades.*`: a threshold of the total of the four sub-scores.
        public static let gradeThreshold = 0...4_000
        /// `scoring.rules` points.
        public static let points = 0...1_000
        /// `team_check.below_percent`.
        public static let percent = 0...100
        /// `team_check.months`.
        public static let months = 1...24
        /// A member's `capacity` (open customers).
        public static let capacity = 0...1_000_000
        /// `screening.min_employees`, and the `size` thresholds of `scoring.rules` (read through
        /// a Double, which holds every whole number up to this exactly).
        public static let employees = 0...1_000_000_000_000
        /// The `urgency` thresholds of `scoring.rules` (days from `created` to `decision_by`).
        public static let urgencyDays = -36_500...36_500
    }

    /// The member or responder of that name (`member(named:)` first): who may own feedback
    /// and to-dos.
    public func responder(named name: String) -> Responder? {
        if let member = member(named: name) { return Responder(name: member.name, team: member.group, role: member.role?.rawValue) }
        let plain = Self.isCanonicalAsWritten(name)
        return responders.first { responder in
            if responder.name.sameBytes(as: name) { return true }
            if plain && Self.isCanonicalAsWritten(responder.name) { return false }
            return responder.name == name
        }
    }

    /// Whether leadbook.yml names who may own work: a team or responders. Without either, any
    /// name is taken as written.
    public var namesOwners: Bool { !team.isEmpty || !responders.isEmpty }

    /// The names a feedback or to-do owner may take: the team's, then the responders'.
    public var ownerNames: [String] { team.map(\.name) + responders.map(\.name) }

    public static let defaultSources = ["exhibition", "website", "referral", "social", "partner", "cold-call", "other"]

    /// Chinese names of the default sources, accepted in files as the same values.
    public static let sourceLabels: [String: String] = [
        "exhibition": "展会", "website": "官网表单", "referral": "推荐", "social": "社交媒体",
        "partner": "合作伙伴", "cold-call": "电话陌拜", "other": "其他",
    ]

    /// Other Chinese names teams use for the default sources.
    public static let sourceAliases: [String: String] = [
        "官网": "website", "展会登记": "exhibition", "合作伙伴推荐": "referral", "陌生拜访": "cold-call", "社媒": "social",
    ]

    /// The canonical source for a value written in a file (English value or Chinese label).
    public func source(named text: String) -> String? {
        if sources.contains(text) { return text }
        for (value, label) in Self.sourceLabels where label == text && sources.contains(value) { return value }
        if let value = Self.sourceAliases[text], sources.contains(value) { return value }
        return nil
    }

    /// The member of that name (names compared as Swift compares strings: canonically
    /// equivalent spellings are one name). The same bytes answer at once; two names of only
    /// ASCII and CJK ideographs (already in their one canonical form) that differ in their
    /// bytes are not compared again.
    public func member(named name: String) -> TeamMember? {
        let plain = Self.isCanonicalAsWritten(name)
        return team.first { member in
            if member.name.sameBytes(as: name) { return true }
            if plain && Self.isCanonicalAsWritten(member.name) { return false }
            return member.name == name
        }
    }

    /// True for text of only ASCII, the CJK unified ideographs U+4E00...U+9FFF, the full-width
    /// forms U+FF01...U+FF5E and the ideographic space: no such character decomposes or
    /// composes with another, so the text is its own canonical (NFC) form.
    static func isCanonicalAsWritten(_ text: String) -> Bool {
        !DuplicateKeys.needsComposition(text)
    }

    public struct Scoring: Sendable {
        public var maxSize = 30
        public var maxBudget = 30
        public var maxUrgency = 20
        public var maxDecision = 20
        public var gradeS = 80
        public var gradeA = 60
        public var gradeB = 40
        /// Bands that propose sub-scores from facts (leadbook.yml `scoring.rules`).
        public var rules: ScoringPolicy?

        public init() {}

        public func grade(forTotal total: Int) -> Grade {
            if total >= gradeS { return .S }
            if total >= gradeA { return .A }
            if total >= gradeB { return .B }
            return .C
        }
    }
}

/// When a team works (leadbook.yml `business_hours`, `holidays`, `workdays`), in the
/// workspace's time zone.
public struct BusinessHours: Sendable, Equatable {
    /// Working weekdays, 0 = Monday ... 6 = Sunday (`days`; default Monday to Friday).
    public var weekdays: Set<Int> = [0, 1, 2, 3, 4]
    /// Minutes after midnight the working day starts and ends (`from`, `to`; default 09:00 to 18:00).
    public var from = 9 * 60
    public var to = 18 * 60
    /// Dates off although their weekday is worked (`holidays`: 国庆节 2024-10-01...).
    public var holidays: Set<LocalDate> = []
    /// Dates worked although their weekday is not (`workdays`: 调休上班 2024-09-29...).
    public var workdays: Set<LocalDate> = []

    public init() {}

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        if workdays.contains(date) { return true }
        if holidays.contains(date) { return false }
        return weekdays.contains(date.weekday)
    }

    /// The weekday names `days` accepts: English (`mon`, `monday`) and Chinese (`周一`, `星期一`).
    public static let weekdayNames: [String: Int] = {
        var names: [String: Int] = [:]
        let english = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let long = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        let chinese = ["一", "二", "三", "四", "五", "六", "日"]
        for day in 0..<7 {
            names[english[day]] = day
            names[long[day]] = day
            names["周" + chinese[day]] = day
            names["星期" + chinese[day]] = day
        }
        names["周天"] = 6
        names["星期天"] = 6
        return names
    }()
}

public struct ScreeningCriterion: Sendable {
    public var industry: String
    public var minEmployees: Int?
    public var minBudget: Double?
    public var keywords: [String] = []
    public init(industry: String) { self.industry = industry }
}

public struct TeamMember: Sendable {
    public var name: String
    public var role: TeamRole?
    public var group: String?
    public var regions: [String] = []
    public var industries: [String] = []
    public var mentor: String?
    /// Most open customers at once; nil = no limit.
    public var capacity: Int?
    public init(name: String) { self.name = name }
}

/// A contact on one of `channels` at least every `days` days (leadbook.yml `rhythm`).
public struct Rhythm: Sendable, Equatable {
    public var channels: [Channel]
    public var days: Int
    public init(channels: [Channel], days: Int) {
        self.channels = channels
        self.days = days
    }
}

/// Someone outside the sales team who answers feedback and does to-dos (leadbook.yml
/// `responders`): a department (法务部) or a person with a role (技术总监).
public struct Responder: Sendable, Equatable {
    public var name: String
    public var team: String?
    public var role: String?
    public init(name: String, team: String? = nil, role: String? = nil) {
        self.name = name
        self.team = team
        self.role = role
    }
}

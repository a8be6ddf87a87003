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

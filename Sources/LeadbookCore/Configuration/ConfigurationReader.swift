import Foundation
import LeadbookText

/// Reads leadbook.yml into a `Configuration`, with the same diagnostics as customer files.
public enum ConfigurationReader {
    /// The last leadbook.yml read by `readOnce`, by its workspace and bytes: a command reads the
    /// file to know its language and again when it opens the workspace; the second read of the
    /// same bytes takes the first one's result.
    private static let lastRead = LastRead()

    private final class LastRead: @unchecked Sendable {
        let lock = NSLock()
        var source: (root: String, bytes: [UInt8])?
        var result: (Configuration, [Diagnostic])?
    }

    /// `read` of the leadbook.yml of the workspace at `root`, unless the same bytes of the same
    /// workspace were the last ones read.
    public static func readOnce(_ source: SourceText, root: String) -> (Configuration, [Diagnostic]) {
        lastRead.lock.lock()
        if let last = lastRead.source, let result = lastRead.result, last.root == root, last.bytes == source.bytes {
            lastRead.lock.unlock()
            return result
        }
        lastRead.lock.unlock()
        let result = read(source)
        lastRead.lock.lock()
        lastRead.source = (root, source.bytes)
        lastRead.result = result
        lastRead.lock.unlock()
        return result
    }

    public static let keys = ["language", "timezone", "id_prefix", "customers", "index", "summary", "sources", "extra_fields",
                       "scoring", "sla_hours", "cadence_days", "first_stage_days", "regrade_days", "screening", "team",
                       "index_days", "index_pii", "feedback", "team_check", "expected_cycle_days",
                       "grade_roles", "score_review",
                       "rhythm", "stage_days", "stage_follow_ups",
                       "business_hours", "holidays", "workdays", "record_within_hours", "responders"]

    public static func read(_ source: SourceText) -> (Configuration, [Diagnostic]) {
        var configuration = Configuration()
        var decoder = FieldDecoder(findings: Findings(source: source))
        let bytes = source.bytes
        let root: YAMLNode? = bytes.withUnsafeBufferPointer { buffer in
            if let invalid = UTF8Bytes.firstInvalidOffset(buffer) {
                InvalidUTF8.report(configurationAt: invalid, &decoder.findings)
                return nil
            }
            do {
                return try YAMLReader.parse(buffer, range: (UTF8Bytes.hasBOM(buffer) ? 3 : 0)..<buffer.count)
            } catch let error as YAMLSyntaxError {
                YAMLSyntax.report(error, &decoder.findings)
                return nil
            } catch {
                return nil
            }
        }
        guard let root else { return (configuration, decoder.findings.diagnostics) }
        guard let pairs = root.pairs else {
            FrontMatterNotMap.report(.configuration, at: root.start, &decoder.findings)
            return (configuration, decoder.findings.diagnostics)
        }
        var indexNode: YAMLNode?
        var stageDaysNode: YAMLNode?
        var hours = WorkingTimeKeys()
        var responderNodes: [(Responder, YAMLNode)] = []
        for pair in pairs {
            let value = pair.value
            switch pair.keyText {
            case "language":
                if let text = decoder.string(value, "language") {
                    if let language = Configuration.Language(rawValue: text) {
                        configuration.language = language
                    } else {
                        WrongType.report(.language(text), at: value.start, &decoder.findings)
                    }
                }
            case "timezone":
                if let text = decoder.string(value, "timezone") {
                    if let zone = UTCOffset(text) {
                        configuration.timezone = zone
                    } else {
                        WrongType.report(.timezone(text), at: value.start, &decoder.findings)
                    }
                }
            case "id_prefix":
                if let text = decoder.string(value, "id_prefix") {
                    if !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == ASCII.dash || $0 == UInt8(ascii: "_") }) {
                        configuration.idPrefix = text
                    } else {
                        WrongType.report(.idPrefix(text), at: value.start, &decoder.findings)
                    }
                }
            case "customers":
                if let text = decoder.string(value, "customers") {
                    if WorkspacePath.isInGitFolder(text) {
                        WrongType.report(.inGitFolder("customers", text, example: "customers"), at: value.start, &decoder.findings)
                    } else if WorkspacePath.isSafeRelative(text) {
                        configuration.customersFolder = text
                    } else {
                        WrongType.report(.folderOutsideWorkspace("customers", text, example: "customers"), at: value.start, &decoder.findings)
                    }
                }
            case "index":
                indexNode = value
                if let text = decoder.string(value, "index") {
                    if WorkspacePath.isInGitFolder(text) {
                        WrongType.report(.inGitFolder("index", text, example: "INDEX.md"), at: value.start, &decoder.findings)
                    } else if WorkspacePath.isSafeRelative(text) { configuration.indexFile = text } else {
                        WrongType.report(.fileOutsideWorkspace("index", text, example: "INDEX.md"), at: value.start, &decoder.findings)
                    }
                }
            case "summary":
                if let text = decoder.string(value, "summary") {
                    if WorkspacePath.isInGitFolder(text) {
                        WrongType.report(.inGitFolder("summary", text, example: "PIPELINE.md"), at: value.start, &decoder.findings)
                    } else if WorkspacePath.isSafeRelative(text) { configuration.summaryFile = text } else {
                        WrongType.report(.fileOutsideWorkspace("summary", text, example: "PIPELINE.md"), at: value.start, &decoder.findings)
                    }
                }
            case "sources":
                let list = decoder.stringList(value, "sources")
                if !list.isEmpty { configuration.sources = list }
            case "extra_fields":
                configuration.extraFields = Set(decoder.stringList(value, "extra_fields"))
            case "scoring":
                readScoring(value, &configuration.scoring, &decoder)
            case "sla_hours":
                readLevels(value, "sla_hours", Intent.self, &configuration.slaHours, Configuration.Limits.hours, &decoder)
            case "cadence_days":
                readLevels(value, "cadence_days", Grade.self, &configuration.cadenceDays, Configuration.Limits.days, &decoder)
            case "first_stage_days":
                readLevels(value, "first_stage_days", Grade.self, &configuration.firstStageDays, Configuration.Limits.days, &decoder)
            case "regrade_days":
                readLevels(value, "regrade_days", Grade.self, &configuration.regradeDays, Configuration.Limits.days, &decoder)
            case "expected_cycle_days":
                readLevels(value, "expected_cycle_days", Grade.self, &configuration.expectedCycleDays, Configuration.Limits.days, &decoder)
            case "screening":
                configuration.screening = readScreening(value, &decoder)
            case "team":
                let members = readTeam(value, &decoder)
                configuration.team = members.map(\.0)
                DuplicateMember.check(members, &decoder.findings)
                UnknownMentor.check(members, &decoder.findings)
                MissingMentor.check(members, &decoder.findings)
                NameWithSpace.check(members.map { ($0.0.name, $0.1) }, &decoder.findings)
            case "feedback":
                guard let parts = decoder.map(value, "feedback", example: "feedback: {fix_hours: 24, confirm_days: 3}") else { continue }
                for part in parts {
                    switch part.keyText {
                    case "fix_hours": if let v = decoder.integer(part.value, "feedback.fix_hours", in: Configuration.Limits.hours) { configuration.feedbackFixHours = v }
                    case "confirm_days": if let v = decoder.integer(part.value, "feedback.confirm_days", in: Configuration.Limits.days) { configuration.feedbackConfirmDays = v }
                    case "negotiate_days": if let v = decoder.integer(part.value, "feedback.negotiate_days", in: Configuration.Limits.days) { configuration.feedbackNegotiateDays = v }
                    case "decline_days": if let v = decoder.integer(part.value, "feedback.decline_days", in: Configuration.Limits.days) { configuration.feedbackDeclineDays = v }
                    case "handling_days": if let v = decoder.integer(part.value, "feedback.handling_days", in: Configuration.Limits.days) { configuration.feedbackHandlingDays = v }
                    default: decoder.unknownKey(part, known: ["fix_hours", "confirm_days", "negotiate_days", "decline_days", "handling_days"], in: .field("feedback"))
                    }
                }
            case "team_check":
                guard let parts = decoder.map(value, "team_check", example: "team_check: {below_percent: 20, months: 3}") else { continue }
                for part in parts {
                    switch part.keyText {
                    case "below_percent":
                        if let v = decoder.integer(part.value, "team_check.below_percent", in: Configuration.Limits.percent) { configuration.teamCheckPercent = v }
                    case "months":
                        if let v = decoder.integer(part.value, "team_check.months", in: Configuration.Limits.months) { configuration.teamCheckMonths = v }
                    default: decoder.unknownKey(part, known: ["below_percent", "months"], in: .field("team_check"))
                    }
                }
            case "rhythm":
                configuration.rhythms = readRhythms(value, &decoder)
            case "stage_days":
                stageDaysNode = value
            case "stage_follow_ups":
                readStageFollowUps(value, &configuration.stageFollowUps, &decoder)
            case "responders":
                responderNodes = readResponders(value, &decoder)
                configuration.responders = responderNodes.map(\.0)
            case "index_days":
                if let days = decoder.integer(value, "index_days", in: Configuration.Limits.indexDays) { configuration.indexDays = days }
            case "index_pii":
                if let text = decoder.string(value, "index_pii") {
                    switch text {
                    case "true", "yes": configuration.indexPII = true
                    case "false", "no": configuration.indexPII = false
                    default:
                        WrongType.report(.indexPII(text), at: value.start, &decoder.findings)
                    }
                }
            case "grade_roles":
                readGradeRoles(value, &configuration.gradeRoles, &decoder)
            case "score_review":
                readScoreReview(value, &configuration, &decoder)
            case "business_hours", "holidays", "workdays":
                readWorkingTime(pair, &hours, &decoder)
            case "record_within_hours":
                if let v = decoder.integer(value, "record_within_hours", in: Configuration.Limits.hours) { configuration.recordWithinHours = v }
            default:
                decoder.unknownKey(pair, known: keys, in: .configuration)
            }
        }
        // After `first_stage_days`, wherever it is: `stage_days.initial-contact` wins.
        if let stageDaysNode { readStageDays(stageDaysNode, &configuration, &decoder) }

        configuration.businessHours = hours.finish(&decoder)
        DuplicateMember.check(responders: responderNodes, team: configuration.team, &decoder.findings)
        NameWithSpace.check(responderNodes.map { ($0.0.name, $0.1) }, &decoder.findings)
        if let indexNode, let misplaced = WorkspaceIndex.misplaced(configuration) {
            WrongType.report(misplaced, at: indexNode.start, &decoder.findings)
        }
        return (configuration, decoder.findings.diagnostics)
    }

    public static func readLevels<Level: Vocabulary>(_ node: YAMLNode, _ field: String, _ type: Level.Type,
                                              _ target: inout [Level: Int], _ range: ClosedRange<Int>, _ decoder: inout FieldDecoder) {
        let names = Level.allCases.map(\.rawValue)
        guard let pairs = decoder.map(node, field, example: "\(field): {\(names.map { "\($0): 1" }.joined(separator: ", "))}") else { return }
        for pair in pairs {
            guard let level = Level(rawValue: pair.keyText) else {
                decoder.unknownKey(pair, known: names, in: .field(field))
                continue
            }
            if let number = decoder.integer(pair.value, "\(field).\(pair.keyText)", in: range) { target[level] = number }
        }
    }

    /// `rhythm: {S: {channels: [meeting, visit], days: 7}, ...}`: the rhythms written replace
    /// the defaults; a grade not written has none.
    public static func readRhythms(_ node: YAMLNode, _ decoder: inout FieldDecoder) -> [Grade: Rhythm] {
        var rhythms: [Grade: Rhythm] = [:]
        let names = Grade.allCases.map(\.rawValue)
        guard let pairs = decoder.map(node, "rhythm", example: "rhythm: {S: {channels: [meeting, visit], days: 7}}") else { return rhythms }
        for pair in pairs {
            guard let grade = Grade(rawValue: pair.keyText) else {
                decoder.unknownKey(pair, known: names, in: .field("rhythm"))
                continue
            }
            let field = "rhythm.\(pair.keyText)"
            guard let parts = decoder.map(pair.value, field, example: "\(pair.keyText): {channels: [meeting, visit], days: 7}") else { continue }
            var channels: [Channel]?
            var days: Int?
            for part in parts {
                switch part.keyText {
                case "channels":
                    let nodes = part.value.items ?? (part.value.isEmpty ? [] : [part.value])
                    if nodes.isEmpty {
                        MissingField.report(.rhythmWithoutChannels(grade: pair.keyText), at: part.value.isEmpty ? part.key.start : part.value.start, &decoder.findings)
                    }
                    var read: [Channel] = []
                    for channelNode in nodes {
                        if let channel = decoder.vocabulary(channelNode, field + ".channels", Channel.self) { read.append(channel) }
                    }
                    if !read.isEmpty { channels = read }
                case "days":
                    days = decoder.integer(part.value, field + ".days", in: Configuration.Limits.rhythmDays)
                default: decoder.unknownKey(part, known: ["channels", "days"], in: .field(field))
                }
            }
            if pair.value["channels"] == nil || pair.value["days"] == nil {
                MissingField.report(.rhythmWithout(grade: pair.keyText, channels: pair.value["channels"] == nil), at: pair.value.start, &decoder.findings)
            }
            if let channels, let days { rhythms[grade] = Rhythm(channels: channels, days: days) }
        }
        return rhythms
    }

    /// The stages `stage_days` and `stage_follow_ups` take (nurture has no limit).
    static let limitedStages: [Stage] = [.initialContact, .needsDeepening, .solutionComparison, .negotiation]

    /// `stage_days: {needs-deepening: {S: 7, A: 10, B: 14, C: 21}, ...}`: each stage's days by
    /// grade, grades not written keep theirs; `initial-contact` is `first_stage_days`.
    public static func readStageDays(_ node: YAMLNode, _ configuration: inout Configuration, _ decoder: inout FieldDecoder) {
        let names = limitedStages.map(\.rawValue)
        guard let pairs = decoder.map(node, "stage_days", example: "stage_days: {needs-deepening: {S: 7, A: 10, B: 14, C: 21}}") else { return }
        for pair in pairs {
            guard let stage = Stage(rawValue: pair.keyText), limitedStages.contains(stage) else {
                decoder.unknownKey(pair, known: names, in: .stageMap("stage_days"))
                continue
            }
            let field = "stage_days.\(pair.keyText)"
            if stage == .initialContact {
                readLevels(pair.value, field, Grade.self, &configuration.firstStageDays, Configuration.Limits.days, &decoder)
            } else {
                var days = configuration.laterStageDays[stage] ?? [:]
                readLevels(pair.value, field, Grade.self, &days, Configuration.Limits.days, &decoder)
                configuration.laterStageDays[stage] = days
            }
        }
    }

    /// `stage_follow_ups: {initial-contact: 3, needs-deepening: 4, ...}`: the most follow-ups of each stage.
    public static func readStageFollowUps(_ node: YAMLNode, _ target: inout [Stage: Int], _ decoder: inout FieldDecoder) {
        let names = limitedStages.map(\.rawValue)
        guard let pairs = decoder.map(node, "stage_follow_ups", example: "stage_follow_ups: {initial-contact: 3, needs-deepening: 4}") else { return }
        for pair in pairs {
            guard let stage = Stage(rawValue: pair.keyText), limitedStages.contains(stage) else {
                decoder.unknownKey(pair, known: names, in: .stageMap("stage_follow_ups"))
                continue
            }
            if let most = decoder.integer(pair.value, "stage_follow_ups.\(pair.keyText)", in: Configuration.Limits.followUps) { target[stage] = most }
        }
    }

    public static func readScoring(_ node: YAMLNode, _ scoring: inout Configuration.Scoring, _ decoder: inout FieldDecoder) {
        guard let pairs = decoder.map(node, "scoring", example: "scoring: {max: {...}, grades: {...}}") else { return }
        for pair in pairs {
            switch pair.keyText {
            case "max":
                guard let parts = decoder.map(pair.value, "scoring.max", example: "max: {size: 30, budget: 30, urgency: 20, decision: 20}") else { continue }
                for part in parts {
                    let field = "scoring.max.\(part.keyText)"
                    switch part.keyText {
                    case "size": if let v = decoder.integer(part.value, field, in: Configuration.Limits.scoreMaximum) { scoring.maxSize = v }
                    case "budget": if let v = decoder.integer(part.value, field, in: Configuration.Limits.scoreMaximum) { scoring.maxBudget = v }
                    case "urgency": if let v = decoder.integer(part.value, field, in: Configuration.Limits.scoreMaximum) { scoring.maxUrgency = v }
                    case "decision": if let v = decoder.integer(part.value, field, in: Configuration.Limits.scoreMaximum) { scoring.maxDecision = v }
                    default: decoder.unknownKey(part, known: ["size", "budget", "urgency", "decision"], in: .field("scoring.max"))
                    }
                }
            case "grades":
                guard let parts = decoder.map(pair.value, "scoring.grades", example: "grades: {S: 80, A: 60, B: 40}") else { continue }
                for part in parts {
                    let field = "scoring.grades.\(part.keyText)"
                    switch part.keyText {
                    case "S": if let v = decoder.integer(part.value, field, in: Configuration.Limits.gradeThreshold) { scoring.gradeS = v }
                    case "A": if let v = decoder.integer(part.value, field, in: Configuration.Limits.gradeThreshold) { scoring.gradeA = v }
                    case "B": if let v = decoder.integer(part.value, field, in: Configuration.Limits.gradeThreshold) { scoring.gradeB = v }
                    default: decoder.unknownKey(part, known: ["S", "A", "B"], in: .field("scoring.grades"))
                    }
                }
                if !(scoring.gradeS > scoring.gradeA && scoring.gradeA > scoring.gradeB) {
                    OutOfRange.report(.gradeThresholds(scoring), at: pair.value.start, &decoder.findings)
                }
            case "rules":
                scoring.rules = readScoringPolicy(pair.value, &decoder)
            default:
                decoder.unknownKey(pair, known: ["max", "grades", "rules"], in: .field("scoring"))
            }
        }
    }

    public static func readScoringPolicy(_ node: YAMLNode, _ decoder: inout FieldDecoder) -> ScoringPolicy? {
        guard let pairs = decoder.map(node, "scoring.rules", example: "rules: {size: [{min: 1000, points: 30}, {points: 5}]}") else { return nil }
        var rules = ScoringPolicy()
        func bands(_ node: YAMLNode, _ field: String, _ parse: (YAMLNode, inout FieldDecoder) -> Double?) -> [(Double?, Bool, Int)] {
            var result: [(Double?, Bool, Int)] = []
            for item in decoder.mapList(node, field, example: "- {min: 100, points: 20}") {
                var threshold: Double?
                var atMost = false
                var points = 0
                for band in item.pairs ?? [] {
                    switch band.keyText {
                    case "min": threshold = parse(band.value, &decoder)
                    case "max": threshold = parse(band.value, &decoder); atMost = true
                    case "points": points = decoder.integer(band.value, "\(field).points", in: Configuration.Limits.points) ?? 0
                    default: decoder.unknownKey(band, known: ["min", "max", "points"], in: .field(field))
                    }
                }
                if item["points"] == nil {
                    MissingField.report(.scoringBandWithoutPoints, at: item.start, &decoder.findings)
                }
                result.append((threshold, atMost, points))
            }
            return result
        }
        for pair in pairs {
            let field = "scoring.rules.\(pair.keyText)"
            switch pair.keyText {
            case "size":
                rules.size = bands(pair.value, field) { node, decoder in decoder.integer(node, field, in: Configuration.Limits.employees).map(Double.init) }
                    .map { ScoringPolicy.Band(threshold: $0.0.map { Int($0) }, atMost: $0.1, points: $0.2) }
            case "budget":
                rules.budget = bands(pair.value, field) { node, decoder in decoder.number(node, field) }
                    .map { ScoringPolicy.Band(threshold: $0.0, atMost: $0.1, points: $0.2) }
            case "urgency":
                rules.urgency = bands(pair.value, field) { node, decoder in decoder.integer(node, field, in: Configuration.Limits.urgencyDays).map(Double.init) }
                    .map { ScoringPolicy.Band(threshold: $0.0.map { Int($0) }, atMost: $0.1, points: $0.2) }
            case "decision":
                guard let parts = decoder.map(pair.value, field, example: "decision: {decision_maker: 20, otherwise: 5}") else { continue }
                for part in parts {
                    switch part.keyText {
                    case "decision_maker": rules.decisionMaker = decoder.integer(part.value, field + ".decision_maker", in: Configuration.Limits.points) ?? 0
                    case "otherwise": rules.noDecisionMaker = decoder.integer(part.value, field + ".otherwise", in: Configuration.Limits.points) ?? 0
                    default: decoder.unknownKey(part, known: ["decision_maker", "otherwise"], in: .field(field))
                    }
                }
            default:
                decoder.unknownKey(pair, known: ["size", "budget", "urgency", "decision"], in: .field("scoring.rules"))
            }
        }
        return rules
    }

    public static func readScreening(_ node: YAMLNode, _ decoder: inout FieldDecoder) -> [ScreeningCriterion] {
        var rules: [ScreeningCriterion] = []
        for item in decoder.mapList(node, "screening", example: "- {industry: 软件, min_employees: 50, min_budget: 100000, keywords: [效率提升]}") {
            var rule = ScreeningCriterion(industry: "")
            var hasIndustry = false
            for pair in item.pairs ?? [] {
                switch pair.keyText {
                case "industry":
                    if let text = decoder.string(pair.value, "industry") { rule.industry = text; hasIndustry = true }
                case "min_employees": rule.minEmployees = decoder.integer(pair.value, "min_employees", in: Configuration.Limits.employees)
                case "min_budget": rule.minBudget = decoder.number(pair.value, "min_budget")
                case "keywords": rule.keywords = decoder.stringList(pair.value, "keywords")
                default: decoder.unknownKey(pair, known: ["industry", "min_employees", "min_budget", "keywords"], in: .field("screening"))
                }
            }
            if hasIndustry {
                rules.append(rule)
            } else {
                MissingField.report(.screeningRuleWithoutIndustry, at: item.start, &decoder.findings)
            }
        }
        return rules
    }

    public static func readTeam(_ node: YAMLNode, _ decoder: inout FieldDecoder) -> [(TeamMember, YAMLNode)] {
        var team: [(TeamMember, YAMLNode)] = []
        let known = ["name", "role", "group", "regions", "industries", "mentor", "capacity"]
        for item in decoder.mapList(node, "team", example: "- {name: 王五, role: manager}") {
            var member = TeamMember(name: "")
            for pair in item.pairs ?? [] {
                switch pair.keyText {
                case "name": member.name = decoder.string(pair.value, "name") ?? ""
                case "role": member.role = decoder.vocabulary(pair.value, "role", TeamRole.self)
                case "group": member.group = decoder.string(pair.value, "group")
                case "regions": member.regions = decoder.stringList(pair.value, "regions")
                case "industries": member.industries = decoder.stringList(pair.value, "industries")
                case "mentor": member.mentor = decoder.string(pair.value, "mentor")
                case "capacity": member.capacity = decoder.integer(pair.value, "capacity", in: Configuration.Limits.capacity)
                default: decoder.unknownKey(pair, known: known, in: .teamMember)
                }
            }
            if member.name.isEmpty {
                MissingField.report(.teamMemberWithoutName, at: item.start, &decoder.findings)
                continue
            }
            if item["role"] == nil {
                MissingField.report(.teamMemberWithoutRole(member.name), at: item.start, &decoder.findings)
            }
            team.append((member, item))
        }
        return team
    }
}

extension ConfigurationReader {
    /// `grade_roles: {S: manager, A: senior, B: junior, C: junior}`: the role each grade asks for.
    public static func readGradeRoles(_ node: YAMLNode, _ target: inout [Grade: TeamRole], _ decoder: inout FieldDecoder) {
        let names = Grade.allCases.map(\.rawValue)
        guard let pairs = decoder.map(node, "grade_roles", example: "grade_roles: {S: manager, A: senior, B: junior, C: junior}") else { return }
        for pair in pairs {
            guard let grade = Grade(rawValue: pair.keyText) else {
                decoder.unknownKey(pair, known: names, in: .field("grade_roles"))
                continue
            }
            if let role = decoder.vocabulary(pair.value, "grade_roles.\(pair.keyText)", TeamRole.self) { target[grade] = role }
        }
    }

    /// `score_review: {roles: [manager], days: 7}`: who reviews a rep's score, and within how many days.
    public static func readScoreReview(_ node: YAMLNode, _ configuration: inout Configuration, _ decoder: inout FieldDecoder) {
        guard let parts = decoder.map(node, "score_review", example: "score_review: {roles: [manager], days: 7}") else { return }
        for part in parts {
            switch part.keyText {
            case "roles":
                // `roles:` with nothing: neither the default nor "no review" is sure, so it is said.
                if part.value.isEmpty {
                    decoder.wrongType(part.value, "score_review.roles", expected: .list, example: "roles: [manager] (roles: [] asks for no review)")
                    continue
                }
                if part.value.scalarText != nil {
                    // One role written without brackets.
                    if let role = decoder.vocabulary(part.value, "score_review.roles", TeamRole.self) { configuration.scoreReviewRoles = [role] }
                    continue
                }
                guard let items = part.value.items else {
                    _ = decoder.stringList(part.value, "score_review.roles")
                    continue
                }
                // `roles: []`: no review is asked for. A role that is not one keeps the default.
                var roles: [TeamRole] = []
                var unknown = false
                for item in items {
                    if let role = decoder.vocabulary(item, "score_review.roles", TeamRole.self) {
                        if !roles.contains(role) { roles.append(role) }
                    } else {
                        unknown = true
                    }
                }
                if !unknown { configuration.scoreReviewRoles = roles }
            case "days":
                if let v = decoder.integer(part.value, "score_review.days", in: Configuration.Limits.days) { configuration.scoreReviewDays = v }
            default: decoder.unknownKey(part, known: ["roles", "days"], in: .field("score_review"))
            }
        }
    }
}

/// What leadbook.yml says of working time, read key by key: `business_hours`, `holidays` and
/// `workdays` may come in any order.
public struct WorkingTimeKeys {
    var hours: BusinessHours?
    var holidays: [LocalDate] = []
    var workdays: [LocalDate] = []
    /// Where `holidays` or `workdays` is, for the error when `business_hours` is missing.
    var datesAt: (String, Int)?

    /// The business hours with their dates; nil (and an error for dates alone) without `business_hours`.
    mutating func finish(_ decoder: inout FieldDecoder) -> BusinessHours? {
        guard var hours else {
            if let (key, offset) = datesAt { MissingField.report(.datesWithoutBusinessHours(key), at: offset, &decoder.findings) }
            return nil
        }
        hours.holidays = Set(holidays)
        hours.workdays = Set(workdays)
        return hours
    }
}

extension ConfigurationReader {
    /// `business_hours: {days: [mon, tue, wed, thu, fri], from: "09:00", to: "18:00"}`,
    /// `holidays: [2024-10-01, ...]`, `workdays: [2024-09-29, ...]`.
    public static func readWorkingTime(_ pair: YAMLPair, _ keys: inout WorkingTimeKeys, _ decoder: inout FieldDecoder) {
        let value = pair.value
        switch pair.keyText {
        case "business_hours":
            var hours = BusinessHours()
            guard let parts = decoder.map(value, "business_hours", example: "business_hours: {days: [mon, tue, wed, thu, fri], from: \"09:00\", to: \"18:00\"}") else {
                if value.isEmpty { keys.hours = hours }
                return
            }
            var fromNode: YAMLNode?
            for part in parts {
                switch part.keyText {
                case "days":
                    var days: Set<Int> = []
                    if part.value.isEmpty {
                        MissingField.report(.noWorkingDays, at: part.value.start, &decoder.findings)
                        continue
                    }
                    for item in part.value.items ?? [] {
                        guard let text = decoder.string(item, "business_hours.days") else { continue }
                        if let day = BusinessHours.weekdayNames[text.lowercased()] {
                            days.insert(day)
                        } else {
                            WrongType.report(.weekday(text), at: item.start, &decoder.findings)
                        }
                    }
                    if part.value.items == nil {
                        decoder.wrongType(part.value, "business_hours.days", expected: .list, example: "days: [mon, tue, wed, thu, fri]")
                    } else if days.isEmpty {
                        MissingField.report(.noWorkingDays, at: part.value.start, &decoder.findings)
                    } else {
                        hours.weekdays = days
                    }
                case "from":
                    fromNode = part.value
                    if let minutes = timeOfDay(part.value, "business_hours.from", allowsEndOfDay: false, &decoder) { hours.from = minutes }
                case "to":
                    if let minutes = timeOfDay(part.value, "business_hours.to", allowsEndOfDay: true, &decoder) { hours.to = minutes }
                default:
                    decoder.unknownKey(part, known: ["days", "from", "to"], in: .field("business_hours"))
                }
            }
            if hours.from >= hours.to {
                OutOfRange.report(.workingDayEndsBeforeItStarts(hours), at: (fromNode ?? value).start, &decoder.findings)
                let defaults = BusinessHours()
                hours.from = defaults.from
                hours.to = defaults.to
            }
            keys.hours = hours
        default:
            let field = pair.keyText
            if keys.datesAt == nil { keys.datesAt = (field, pair.key.start) }
            if value.isEmpty { return }
            guard let items = value.items else {
                decoder.wrongType(value, field, expected: .list, example: field == "holidays" ? "holidays: [2024-10-01, 2024-10-02]" : "workdays: [2024-09-29, 2024-10-12]")
                return
            }
            let dates = items.compactMap { decoder.date($0, field) }
            if field == "holidays" { keys.holidays += dates } else { keys.workdays += dates }
        }
    }

    /// `"09:00"`: hours 00 to 23 and minutes; `"24:00"` as the end of a day when `allowsEndOfDay`.
    static func timeOfDay(_ node: YAMLNode, _ field: String, allowsEndOfDay: Bool, _ decoder: inout FieldDecoder) -> Int? {
        guard let text = decoder.string(node, field) else { return nil }
        let bytes = Array(text.utf8)
        if let colon = bytes.firstIndex(of: ASCII.colon), colon > 0, colon <= 2, bytes.count - colon == 3,
           bytes[..<colon].allSatisfy(ASCII.isDigit), bytes[(colon + 1)...].allSatisfy(ASCII.isDigit) {
            let hour = bytes[..<colon].reduce(0) { $0 * 10 + Int($1 - ASCII.zero) }
            let minute = bytes[(colon + 1)...].reduce(0) { $0 * 10 + Int($1 - ASCII.zero) }
            if minute < 60, hour < 24 || (allowsEndOfDay && hour == 24 && minute == 0) { return hour * 60 + minute }
        }
        WrongType.report(.timeOfDay(field, text), at: node.start, &decoder.findings)
        return nil
    }
}

extension ConfigurationReader {
    /// `responders`: a list of `{name, team, role}`; a name is required (that it is neither a
    /// member of `team` nor another responder's is `duplicate-member`).
    public static func readResponders(_ node: YAMLNode, _ decoder: inout FieldDecoder) -> [(Responder, YAMLNode)] {
        var responders: [(Responder, YAMLNode)] = []
        for item in decoder.mapList(node, "responders", example: "- {name: 法务部, team: 法务, role: 合同审核}") {
            var responder = Responder(name: "")
            for pair in item.pairs ?? [] {
                switch pair.keyText {
                case "name": responder.name = decoder.string(pair.value, "name") ?? ""
                case "team": responder.team = decoder.string(pair.value, "team")
                case "role": responder.role = decoder.string(pair.value, "role")
                default: decoder.unknownKey(pair, known: ["name", "team", "role"], in: .field("responders"))
                }
            }
            if responder.name.isEmpty {
                MissingField.report(.responderWithoutName, at: item.start, &decoder.findings)
                continue
            }
            responders.append((responder, item))
        }
        return responders
    }
}

extension FieldDecoder {
    /// A whole number of leadbook.yml within its range (`Configuration.Limits`).
    public mutating func integer(_ node: YAMLNode, _ field: String, in range: ClosedRange<Int>) -> Int? {
        integer(node, field, minimum: range.lowerBound, maximum: range.upperBound)
    }
}

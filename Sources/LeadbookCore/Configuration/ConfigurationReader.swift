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
                       "index_days", "index_pii", "feedback", "team_check", "expected_cycle_days", "responders"]

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
            default:
                decoder.unknownKey(pair, known: keys, in: .configuration)
            }
        }
        DuplicateMember.check(responders: responderNodes, team: configuration.team, &decoder.findings)
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

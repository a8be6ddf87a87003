import LeadbookText

/// The toolkit's assignment policy (section 2): grade S goes to a manager, A to a senior, B and C to a
/// junior (who has a mentor). Among reps of that role, region and industry matches rank first
/// (both, then one, then none: a match ranks, it does not exclude), then the fewest open
/// customers below `capacity`, then the name, so the same input always gives the same result.
public struct Assignment: Sendable {
    public struct Decision: Sendable {
        public var customerId: String
        public var customerName: String
        public var path: String
        public var grade: Grade?
        /// What the grade comes from (`score 90`), in both languages.
        public var gradeSourcePhrase: Phrase
        public var gradeSource: String { gradeSourcePhrase.en }
        public var role: TeamRole?
        /// nil when no rep of the role has capacity left.
        public var rep: TeamMember?
        /// Why the lead goes to the rep (or to nobody), in both languages.
        public var reasonPhrase: Phrase
        public var reason: String { reasonPhrase.en }
    }

    public static func role(for grade: Grade) -> TeamRole {
        switch grade {
        case .S: return .manager
        case .A: return .senior
        case .B, .C: return .junior
        }
    }

    /// Open customers (not won, lost or merged) per owner.
    public static func load(_ customers: [Customer]) -> [String: Int] {
        var load: [String: Int] = [:]
        for customer in customers {
            guard let owner = openOwner(customer) else { continue }
            load[owner, default: 0] += 1
        }
        return load
    }

    /// The owner an open customer counts for, nil when it counts for nobody.
    static func openOwner(_ customer: Customer) -> String? {
        guard let owner = customer.owner, !owner.isEmpty, customer.isOpen else { return nil }
        return owner
    }

    /// What assigning needs of one customer, made while its file is read so the customer is
    /// not kept: the owner it counts for, or, when it waits for one, what decides who.
    public struct Lead: Sendable {
        /// The owner whose open customers it is one of.
        public var openOwner: String?
        /// An open customer with an id and no owner.
        public var waiting: Waiting?
    }

    public struct Waiting: Sendable {
        public var customerId: String
        public var customerName: String
        public var path: String
        /// Minutes since 1970 of `created`; Int.max when it has none (it waits last).
        public var created: Int
        public var grade: Grade?
        public var gradeSource: Phrase
        public var region: String?
        public var industry: String?
        public var hasErrors: Bool
    }

    /// What assigning needs of a customer; nil when it neither counts for an owner nor waits.
    public static func lead(_ entry: CustomerSet.Entry, configuration: Configuration) -> Lead? {
        let customer = entry.customer
        if let owner = openOwner(customer) { return Lead(openOwner: owner, waiting: nil) }
        guard (customer.owner ?? "").isEmpty, customer.isOpen, let id = customer.id else { return nil }
        let scored = DerivedValues.grade(customer, configuration)
        let grade = DerivedValues.workingGrade(customer, scored: scored)
        let gradeSource = (scored != nil ? Wording<Assignment>.byScore(customer.score!.total!) : customer.grade != nil ? Wording<Assignment>.byGradeWritten : Wording<Assignment>.byIntent(customer.intent)).phrase
        return Lead(openOwner: nil, waiting: Waiting(customerId: id, customerName: customer.name ?? "", path: entry.path,
                                                    created: customer.created?.minuteNumber ?? Int.max, grade: grade,
                                                    gradeSource: gradeSource, region: customer.region, industry: customer.industry,
                                                    hasErrors: entry.hasErrors))
    }

    /// Decisions for every open customer without an owner, oldest lead first.
    public static func plan(_ entries: [CustomerSet.Entry], configuration: Configuration) -> [Decision] {
        plan(leads: entries.compactMap { lead($0, configuration: configuration) }, configuration: configuration)
    }

    /// The same from the customers' leads (`lead`), in the order of the files.
    public static func plan(leads: [Lead], configuration: Configuration) -> [Decision] {
        var load: [String: Int] = [:]
        for lead in leads {
            if let owner = lead.openOwner { load[owner, default: 0] += 1 }
        }
        let waiting = leads.compactMap(\.waiting).sorted { a, b in
            a.created != b.created ? a.created < b.created : a.customerId < b.customerId
        }
        var decisions: [Decision] = []
        for customer in waiting {
            var decision = Decision(customerId: customer.customerId, customerName: customer.customerName, path: customer.path,
                                    grade: customer.grade, gradeSourcePhrase: customer.gradeSource, role: nil, rep: nil, reasonPhrase: .empty)
            if customer.hasErrors {
                decision.reasonPhrase = Wording<Assignment>.fileHasErrors(customer.path).phrase
                decisions.append(decision)
                continue
            }
            guard let grade = customer.grade else {
                decision.reasonPhrase = Wording<Assignment>.nothingToAssignBy.phrase
                decisions.append(decision)
                continue
            }
            let role = role(for: grade)
            decision.role = role
            let reps = configuration.team.filter { $0.role == role }
            if reps.isEmpty {
                decision.reasonPhrase = Wording<Assignment>.noRole(role).phrase
                decisions.append(decision)
                continue
            }
            let available = reps.filter { rep in rep.capacity.map { load[rep.name, default: 0] < $0 } ?? true }
            if available.isEmpty {
                decision.reasonPhrase = Wording<Assignment>.noCapacity(role, reps.map { ($0.name, load[$0.name, default: 0], $0.capacity ?? 0) }).phrase
                decisions.append(decision)
                continue
            }
            func matches(_ rep: TeamMember) -> (region: Bool, industry: Bool) {
                (customer.region.map { rep.regions.contains($0) } ?? false, customer.industry.map { rep.industries.contains($0) } ?? false)
            }
            let ranked = available.sorted { a, b in
                let ma = matches(a), mb = matches(b)
                let sa = (ma.region ? 1 : 0) + (ma.industry ? 1 : 0), sb = (mb.region ? 1 : 0) + (mb.industry ? 1 : 0)
                if sa != sb { return sa > sb }
                let la = load[a.name, default: 0], lb = load[b.name, default: 0]
                if la != lb { return la < lb }
                return a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars)
            }
            let rep = ranked[0]
            let match = matches(rep)
            var reasons: [Phrase] = []
            if let region = customer.region { reasons.append(Wording<Assignment>.region(region, matches: match.region).phrase) }
            if let industry = customer.industry { reasons.append(Wording<Assignment>.industry(industry, matches: match.industry).phrase) }
            let open = load[rep.name, default: 0]
            reasons.append(Wording<Assignment>.open(open, of: rep.capacity).phrase)
            if let mentor = rep.mentor, role == .junior { reasons.append(Wording<Assignment>.mentor(mentor).phrase) }
            decision.rep = rep
            decision.reasonPhrase = Phrase.joined(reasons, en: ", ", zh: "，")
            load[rep.name, default: 0] += 1
            decisions.append(decision)
        }
        return decisions
    }
}

extension Wording where Of == Assignment {
    public static func byScore(_ total: Int) -> Self { Self("score \(total)", "评分 \(total)") }
    public static let byGradeWritten = Self("grade written", "已写等级")
    public static func byIntent(_ intent: Intent?) -> Self { Self("intent \(intent?.rawValue ?? "?")", "意向 \(intent?.rawValue ?? "?")") }
    public static func fileHasErrors(_ path: String) -> Self {
        Self("the file has errors; run `leadbook check \(path)`", "文件有错误；运行 `leadbook check \(path)` 查看")
    }
    public static let nothingToAssignBy = Self("no score, grade or intent to assign by", "没有评分、等级或意向，无法分配")
    public static func noRole(_ role: TeamRole) -> Self { Self("the team has no \(role.rawValue)", "团队里没有\(role.label)") }

    public static func noCapacity(_ role: TeamRole, _ reps: [(name: String, load: Int, capacity: Int)]) -> Self {
        let loads = reps.map { "\($0.name) \($0.load)/\($0.capacity)" }
        return Self("no \(role.rawValue) has capacity left (" + loads.joined(separator: ", ") + ")",
                    "\(role.label)都已满额（" + loads.joined(separator: "，") + "）")
    }

    public static func region(_ region: String, matches: Bool) -> Self {
        Self("region \(region) \(matches ? "matches" : "does not match")", "区域 \(region) \(matches ? "匹配" : "不匹配")")
    }
    public static func industry(_ industry: String, matches: Bool) -> Self {
        Self("industry \(industry) \(matches ? "matches" : "does not match")", "行业 \(industry) \(matches ? "匹配" : "不匹配")")
    }
    public static func open(_ count: Int, of capacity: Int?) -> Self {
        Self("\(count) open" + (capacity.map { " of \($0)" } ?? ""), "在跟 \(count) 位" + (capacity.map { "（上限 \($0)）" } ?? ""))
    }
    public static func mentor(_ name: String) -> Self { Self("mentor \(name)", "导师 \(name)") }
}

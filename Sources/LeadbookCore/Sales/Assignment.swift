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
        /// Minutes since 1970 of the customer's `created`; Int.max when it has none.
        public var created: Int = Int.max
    }

    /// The toolkit's role for a grade (leadbook.yml `grade_roles` changes it: `role(for:_:)`).
    public static func role(for grade: Grade) -> TeamRole {
        Configuration.defaultGradeRoles[grade] ?? .junior
    }

    /// The role a grade asks for in this workspace (`grade_roles`).
    public static func role(for grade: Grade, _ configuration: Configuration) -> TeamRole {
        configuration.gradeRoles[grade] ?? role(for: grade)
    }

    /// The grade ownership follows: the score's grade, else the grade written. A lead with only
    /// an intent is not graded yet, so its owner is not held to a role.
    public static func ownedGrade(_ customer: Customer, _ configuration: Configuration) -> Grade? {
        DerivedValues.grade(customer, configuration) ?? customer.grade
    }

    /// An open customer whose owner, a member of the team with a role, has another role than
    /// its grade asks for (`grade_roles`); nil otherwise. Closed customers are not held to it.
    public static func misplacement(_ customer: Customer, _ configuration: Configuration) -> (grade: Grade, expected: TeamRole, owner: TeamMember, role: TeamRole)? {
        guard !configuration.team.isEmpty, customer.isOpen, let owner = customer.owner, !owner.isEmpty,
              let member = configuration.member(named: owner), let role = member.role,
              let grade = ownedGrade(customer, configuration) else { return nil }
        let expected = Self.role(for: grade, configuration)
        return expected == role ? nil : (grade, expected, member, role)
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
        /// An open customer whose owner has another role than its grade asks for.
        public var misplaced: Misplaced?
    }

    /// A customer `assign --rebalance` moves: what decides who gets it, and who has it now.
    public struct Misplaced: Sendable {
        public var customer: Waiting
        public var owner: String
        public var ownerRole: TeamRole
        public var role: TeamRole
        /// The open to-dos (`@owner`) the owner still has in the log, which a move does not
        /// rewrite (the log is append-only): the hand-over says them.
        public var openTodos: [Todo] = []
    }

    /// A move of `assign --rebalance`: from the owner to a rep of the role the grade asks for.
    public struct Move: Sendable {
        public var customerId: String
        public var customerName: String
        public var path: String
        public var grade: Grade
        public var gradeSourcePhrase: Phrase
        public var from: String
        public var fromRole: TeamRole
        public var role: TeamRole
        /// nil when no rep of the role can take it: it stays.
        public var rep: TeamMember?
        /// Why it goes to the rep (or stays), in both languages.
        public var reasonPhrase: Phrase
        /// The open to-dos the old owner still has (`Misplaced.openTodos`).
        public var openTodos: [Todo] = []
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
        if let owner = openOwner(customer) {
            var lead = Lead(openOwner: owner, waiting: nil)
            if let id = customer.id, let misplaced = misplacement(customer, configuration) {
                let todos = customer.followUps.flatMap(\.todos).filter { !$0.done && $0.owner == owner }
                lead.misplaced = Misplaced(customer: waiting(entry, id: id, grade: misplaced.grade, configuration), owner: owner,
                                           ownerRole: misplaced.role, role: misplaced.expected, openTodos: todos)
            }
            return lead
        }
        guard (customer.owner ?? "").isEmpty, customer.isOpen, let id = customer.id else { return nil }
        let grade = DerivedValues.workingGrade(customer, configuration)
        return Lead(openOwner: nil, waiting: waiting(entry, id: id, grade: grade, configuration))
    }

    static func waiting(_ entry: CustomerSet.Entry, id: String, grade: Grade?, _ configuration: Configuration) -> Waiting {
        let customer = entry.customer
        let scored = DerivedValues.grade(customer, configuration) != nil
        let gradeSource = (scored ? Wording<Assignment>.byScore(customer.score!.total!) : customer.grade != nil ? Wording<Assignment>.byGradeWritten : Wording<Assignment>.byIntent(customer.intent)).phrase
        return Waiting(customerId: id, customerName: customer.name ?? "", path: entry.path, created: customer.created?.minuteNumber ?? Int.max,
                       grade: grade, gradeSource: gradeSource, region: customer.region, industry: customer.industry, hasErrors: entry.hasErrors)
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
                                    grade: customer.grade, gradeSourcePhrase: customer.gradeSource, role: nil, rep: nil, reasonPhrase: .empty,
                                    created: customer.created)
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
            let role = role(for: grade, configuration)
            decision.role = role
            let (rep, reason) = choose(for: customer, role: role, load: load, configuration: configuration)
            decision.rep = rep
            decision.reasonPhrase = reason
            if let rep { load[rep.name, default: 0] += 1 }
            decisions.append(decision)
        }
        return decisions
    }

    /// The rep of `role` a customer goes to, by the toolkit's ranking (region and industry
    /// matches, then the fewest open customers below capacity, then the name), and why; no rep
    /// when the team has none of the role or none has capacity left, and why.
    static func choose(for customer: Waiting, role: TeamRole, load: [String: Int], configuration: Configuration) -> (TeamMember?, Phrase) {
        let reps = configuration.team.filter { $0.role == role }
        if reps.isEmpty { return (nil, Wording<Assignment>.noRole(role).phrase) }
        let available = reps.filter { rep in rep.capacity.map { load[rep.name, default: 0] < $0 } ?? true }
        if available.isEmpty {
            return (nil, Wording<Assignment>.noCapacity(role, reps.map { ($0.name, load[$0.name, default: 0], $0.capacity ?? 0) }).phrase)
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
        reasons.append(Wording<Assignment>.open(load[rep.name, default: 0], of: rep.capacity).phrase)
        if let mentor = rep.mentor, role == .junior { reasons.append(Wording<Assignment>.mentor(mentor).phrase) }
        return (rep, Phrase.joined(reasons, en: ", ", zh: "，"))
    }

    /// `assign --rebalance`: a move for every open customer whose owner has another role than
    /// its grade asks for, oldest lead first, each to the rep `assign` would choose. The load of
    /// every customer that moves is first taken off its old owner, so capacity a move frees is
    /// there for every lead, older or younger; a customer that stays keeps counting for its
    /// owner. The moves are made again until the ones that stay no longer change, then each one
    /// that stays is tried once more against the final load, so a customer stays only when no
    /// rep of its role can take it. A file with errors stays too, with the reason.
    public static func rebalance(leads: [Lead], configuration: Configuration) -> [Move] {
        var base: [String: Int] = [:]
        for lead in leads {
            if let owner = lead.openOwner { base[owner, default: 0] += 1 }
        }
        let misplaced = leads.compactMap(\.misplaced).sorted { a, b in
            a.customer.created != b.customer.created ? a.customer.created < b.customer.created : a.customer.customerId < b.customer.customerId
        }
        for item in misplaced where !item.customer.hasErrors { base[item.owner, default: 0] -= 1 }
        func move(_ item: Misplaced) -> Move {
            let customer = item.customer
            return Move(customerId: customer.customerId, customerName: customer.customerName, path: customer.path,
                        grade: customer.grade ?? .C, gradeSourcePhrase: customer.gradeSource, from: item.owner, fromRole: item.ownerRole,
                        role: item.role, rep: nil, reasonPhrase: customer.hasErrors ? Wording<Assignment>.fileHasErrors(customer.path).phrase : .empty,
                        openTodos: item.openTodos)
        }
        /// One round: the customers in `staying` count for their owners, the others are placed
        /// oldest first; one that finds nobody counts for its owner again.
        func round(_ staying: Set<String>) -> (moves: [Move], load: [String: Int]) {
            var load = base
            for item in misplaced where !item.customer.hasErrors && staying.contains(item.customer.customerId) {
                load[item.owner, default: 0] += 1
            }
            var moves: [Move] = []
            for item in misplaced {
                var next = move(item)
                if !item.customer.hasErrors && !staying.contains(item.customer.customerId) {
                    let (rep, reason) = choose(for: item.customer, role: item.role, load: load, configuration: configuration)
                    next.rep = rep
                    next.reasonPhrase = reason
                    load[rep?.name ?? item.owner, default: 0] += 1
                }
                moves.append(next)
            }
            return (moves, load)
        }
        // A round can only add customers that stay (each takes capacity back), so this ends.
        var staying: Set<String> = []
        var result = round(staying)
        while true {
            let stayed = Set(result.moves.filter { $0.rep == nil }.map(\.customerId))
            if stayed.isSubset(of: staying) { break }
            staying.formUnion(stayed)
            result = round(staying)
        }
        // What the last round still keeps is tried against the load as it ends, oldest first,
        // again while a move frees room; what stays then says why with that load.
        var (moves, load) = result
        var placed = true
        while placed {
            placed = false
            for (index, item) in misplaced.enumerated() where moves[index].rep == nil && !item.customer.hasErrors {
                let (rep, reason) = choose(for: item.customer, role: item.role, load: load, configuration: configuration)
                moves[index].reasonPhrase = reason
                guard let rep else { continue }
                moves[index].rep = rep
                load[rep.name, default: 0] += 1
                load[item.owner, default: 0] -= 1
                placed = true
            }
        }
        return moves
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

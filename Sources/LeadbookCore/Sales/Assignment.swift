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
        public var gradeSource: String
        public var role: TeamRole?
        /// nil when no rep of the role has capacity left.
        public var rep: TeamMember?
        public var reason: String
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
            guard let owner = customer.owner, !owner.isEmpty, customer.isOpen else { continue }
            load[owner, default: 0] += 1
        }
        return load
    }

    /// Decisions for every open customer without an owner, oldest lead first.
    public static func plan(_ entries: [CustomerSet.Entry], configuration: Configuration) -> [Decision] {
        var load = load(entries.map(\.customer))
        let waiting = entries.filter { entry in
            let customer = entry.customer
            return (customer.owner ?? "").isEmpty && customer.isOpen && customer.id != nil
        }.sorted { a, b in
            let ac = a.customer.created?.minuteNumber ?? Int.max, bc = b.customer.created?.minuteNumber ?? Int.max
            return ac != bc ? ac < bc : a.customer.id! < b.customer.id!
        }
        var decisions: [Decision] = []
        for entry in waiting {
            let customer = entry.customer
            let scored = DerivedValues.grade(customer, configuration)
            let grade = DerivedValues.workingGrade(customer, scored: scored)
            let gradeSource = scored != nil ? "score \(customer.score!.total!)" : customer.grade != nil ? "grade written" : "intent \(customer.intent?.rawValue ?? "?")"
            var decision = Decision(customerId: customer.id!, customerName: customer.name ?? "", path: entry.path, grade: grade,
                                    gradeSource: gradeSource, role: nil, rep: nil, reason: "")
            if entry.hasErrors {
                decision.reason = "the file has errors; run `leadbook check \(entry.path)`"
                decisions.append(decision)
                continue
            }
            guard let grade else {
                decision.reason = "no score, grade or intent to assign by"
                decisions.append(decision)
                continue
            }
            let role = role(for: grade)
            decision.role = role
            let reps = configuration.team.filter { $0.role == role }
            if reps.isEmpty {
                decision.reason = "the team has no \(role.rawValue)"
                decisions.append(decision)
                continue
            }
            let available = reps.filter { rep in rep.capacity.map { load[rep.name, default: 0] < $0 } ?? true }
            if available.isEmpty {
                decision.reason = "no \(role.rawValue) has capacity left (" + reps.map { "\($0.name) \(load[$0.name, default: 0])/\($0.capacity ?? 0)" }.joined(separator: ", ") + ")"
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
            var reasons: [String] = []
            if let region = customer.region { reasons.append("region \(region) \(match.region ? "matches" : "does not match")") }
            if let industry = customer.industry { reasons.append("industry \(industry) \(match.industry ? "matches" : "does not match")") }
            let open = load[rep.name, default: 0]
            reasons.append("\(open) open" + (rep.capacity.map { " of \($0)" } ?? ""))
            if let mentor = rep.mentor, role == .junior { reasons.append("mentor \(mentor)") }
            decision.rep = rep
            decision.reason = reasons.joined(separator: ", ")
            load[rep.name, default: 0] += 1
            decisions.append(decision)
        }
        return decisions
    }
}

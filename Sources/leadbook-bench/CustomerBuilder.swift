/// Decides everything about one customer from its own random stream, then writes its file.
///
/// The decisions are made first (front matter values, the follow-up schedule with its
/// statuses and next dates, feedback items) so that the derived front-matter fields (status,
/// next, grade, deal) agree with the log by construction; the texts are drawn while writing.
final class CustomerBuilder {
    let index: Int
    let run: Run
    var rng: SplitMix64
    var out = ByteWriter(capacity: 12 * 1024)

    var industry = Industries.all[0]
    var city = ""
    var region = ""
    var name = ""
    var slug = ""
    var isPerson = false
    var personTitle = ""
    var business = ""
    var employees: Int?
    var revenue: Int?
    var source = 0
    var contacts: [Person] = []
    var decider: Int?
    var needKeywords: [String] = []
    var intent = 1
    var budget: Int?
    var decisionBy: Int?
    var score = [0, 0, 0, 0]
    var grade = 2
    var owner: Int?
    var created = 0
    var assigned: Int?
    var finalStatus = Status.untouched
    var entries: [Entry] = []
    var feedbackItems: [FeedbackItem] = []
    var dealAmount: Int?
    var dealDay: Int?
    /// Why a lost customer was lost (see `Phrases.lostReasons`).
    var lost: (reason: String, said: String, feedback: Int)?
    /// Texts used lately in this file (by storage address), so that a log does not repeat itself.
    var recent: [Int] = []
    var mergedDay: Int?
    var mergedSource: String?

    // Source details, shared by the front matter and the intro paragraph.
    var exhibition = ""
    var booth = ""
    var minutes = 0
    var products: [String] = []
    var exhibitionReason = ""
    var page = ""
    var formComplete = true
    var referrer = ""
    var relation = ""
    var scene = ""
    var hasDetail = false

    // How this file is written (people mix English and Chinese keys and labels).
    var zhHeading = false
    var zhKeys = false
    var zhChannels = false
    var zhStatusLog = false
    var zhStatusFront = false
    var zhFeedbackHeading = false

    static let sources = ["exhibition", "website", "referral", "social", "partner", "cold-call", "other"]
    static let slaMinutes = [120, 240, 1440]
    static let intents = ["A", "B", "C"]
    static let grades = ["S", "A", "B", "C"]
    /// Final status weights by grade: untouched, contacted, qualified, proposal, negotiation, won, lost.
    static let statusWeights: [[Int]] = [
        [5, 8, 12, 15, 15, 35, 10],
        [6, 12, 15, 17, 13, 22, 15],
        [8, 18, 18, 14, 8, 12, 22],
        [10, 32, 15, 6, 3, 4, 30],
    ]

    init(index: Int, run: Run) {
        self.index = index
        self.run = run
        rng = SplitMix64(seed: run.seed, stream: UInt64(index))
    }

    var id: String {
        var text = "LX2024"
        let number = String(index + 1)
        text += String(repeating: "0", count: max(0, run.idWidth - number.count)) + number
        return text
    }

    /// The folder under `customers/` (by month of capture) and the file name.
    var folder: String { CustomerBuilder.monthFolder(created) }

    var fileName: String { "\(id)-\(slug).md" }

    // MARK: - Decisions

    func decide() {
        created = run.created(index)
        chooseIdentity()
        chooseContacts()
        chooseNeeds()
        chooseScore()
        chooseStyles()
        schedule()
    }

    func chooseIdentity() {
        source = rng.weighted([22, 25, 15, 10, 10, 12, 6])
        if run.isPerson(index) {
            isPerson = true
            let profile = rng.pick(Phrases.people)
            industry = Industries.all.first { $0.name == profile.industry } ?? Industries.all[0]
            personTitle = profile.title
            let slot = run.personSlot(index)
            let surname = Names.surnames[slot % Names.surnames.count]
            let given = Names.givenNames[slot / Names.surnames.count]
            name = surname.0 + given.0
            slug = surname.1 + given.1
            let place = rng.pick(Names.cities)
            city = place.name
            region = place.region
            business = profile.title
            needKeywords = [profile.need]
            budget = rng.percent(60) ? rng.int(profile.budget) / 500 * 500 : nil
            return
        }
        industry = Industries.all[rng.weighted(Industries.weights)]
        let (cycle, slot) = run.companySlot(index)
        let place = Names.cities[slot % Names.cities.count]
        let first = Names.coreFirst[(slot / Names.cities.count) % Names.coreFirst.count]
        let second = Names.coreSecond[slot / (Names.cities.count * Names.coreFirst.count)]
        city = place.name
        region = place.region
        var core = first.0 + second.0
        slug = first.1 + second.1
        if cycle > 0 {
            let mark = Phrases.branchMarks[(cycle - 1) % Phrases.branchMarks.count]
            core += mark.0
            slug += mark.1
            if cycle > Phrases.branchMarks.count { core += String(cycle); slug += String(cycle) }
        }
        let suffix = rng.pick(industry.suffixes)
        name = city + core + suffix
        slug += "-" + industry.slug
        business = rng.pick(industry.business)
        let span = Double(industry.employees.upperBound - industry.employees.lowerBound)
        let u = Double(rng.below(1_000_000)) / 1_000_000
        var people = industry.employees.lowerBound + Int(span * u * u)
        if people >= 1000 { people = people / 100 * 100 } else if people >= 100 { people = people / 10 * 10 }
        employees = people
        if rng.percent(60) {
            let raw = people * rng.int(industry.revenuePerHead) * 10_000
            revenue = roundSignificant(raw, digits: 2)
        }
    }

    func roundSignificant(_ value: Int, digits: Int) -> Int {
        var unit = 1
        while value / unit >= pow10(digits) { unit *= 10 }
        return value / unit * unit
    }

    func pow10(_ exponent: Int) -> Int {
        var value = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    func makePerson(surname: (String, String), given: (String, String), title: String) -> Person {
        Person(name: surname.0 + given.0, surnamePinyin: surname.1, givenPinyin: given.1, title: title,
               phone: nil, email: nil, wechat: nil, prefers: "phone", role: nil)
    }

    func chooseContacts() {
        intent = rng.weighted([25, 45, 30])
        if isPerson {
            let slot = run.personSlot(index)
            let surname = Names.surnames[slot % Names.surnames.count]
            let given = Names.givenNames[slot / Names.surnames.count]
            var person = makePerson(surname: surname, given: given, title: personTitle)
            person.phone = run.phone(index, contact: 0)
            if rng.percent(50) { person.email = email(person, 0) }
            if rng.percent(70) {
                person.wechat = person.surnamePinyin + person.givenPinyin + "_" + String(rng.int(10...9999))
                person.prefers = "wechat"
            }
            contacts = [person]
            return
        }
        let count = 1 + rng.weighted([15, 35, 30, 20])
        let hasDecider = rng.percent([90, 60, 35][intent])
        var roles: [String] = []
        for position in 0..<count {
            switch position {
            case 0: roles.append(count == 1 && hasDecider ? "decision-maker" : "influencer")
            case 1: roles.append(hasDecider ? "decision-maker" : rng.pick(["influencer", "user"]))
            default: roles.append(rng.pick(["user", "gatekeeper", "influencer", "user"]))
            }
        }
        var used: [String] = []
        for (position, role) in roles.enumerated() {
            var surname = rng.pick(Names.surnames)
            var given = rng.pick(Names.givenNames)
            var attempts = 0
            while used.contains(surname.0 + given.0) && attempts < 8 {
                surname = rng.pick(Names.surnames)
                given = rng.pick(Names.givenNames)
                attempts += 1
            }
            used.append(surname.0 + given.0)
            let titles: [String]
            switch role {
            case "decision-maker": titles = industry.deciders
            case "influencer": titles = industry.influencers
            case "user": titles = industry.users
            default: titles = Phrases.gatekeepers
            }
            var title = rng.pick(titles)
            attempts = 0
            while contacts.contains(where: { $0.title == title }) && attempts < 6 {
                title = rng.pick(titles)
                attempts += 1
            }
            var person = makePerson(surname: surname, given: given, title: title)
            if position == 0 || rng.percent(80) { person.phone = run.phone(index, contact: position) }
            if rng.percent(position == 0 ? 75 : 55) || person.phone == nil { person.email = email(person, position) }
            if rng.percent(25) { person.wechat = person.surnamePinyin + person.givenPinyin + "_" + String(rng.int(10...9999)) }
            if person.wechat != nil && rng.percent(40) {
                person.prefers = "wechat"
            } else if role == "decision-maker" && rng.percent(60) {
                person.prefers = "meeting"
            } else {
                person.prefers = ["phone", "email", "meeting", "phone", "email"][rng.below(5)]
                if person.prefers == "phone" && person.phone == nil { person.prefers = "email" }
                if person.prefers == "email" && person.email == nil { person.prefers = "phone" }
            }
            if !rng.percent(5) { person.role = role }
            if role == "decision-maker" && decider == nil { decider = position }
            contacts.append(person)
        }
    }

    /// `surname.given.<customer number>@example.com`: unique in the workspace (two contacts of
    /// one customer whose names sound the same also get their position).
    func email(_ person: Person, _ position: Int) -> String {
        var local = person.surnamePinyin + "." + person.givenPinyin + "." + String(index + 1)
        if contacts.contains(where: { $0.surnamePinyin == person.surnamePinyin && $0.givenPinyin == person.givenPinyin }) {
            local += "-" + String(position + 1)
        }
        return local + "@example.com"
    }

    func chooseNeeds() {
        if !isPerson {
            needKeywords = rng.some(1 + rng.weighted([40, 45, 15]), of: industry.needs)
            // Most leads of a screened industry mention one of its keywords (they passed screening).
            if let rule = Team.screening.first(where: { $0.industry == industry.name }),
               !needKeywords.contains(where: { rule.keywords.contains($0) }), rng.percent(75) {
                needKeywords[0] = rng.pick(rule.keywords)
                if needKeywords.count > 1 && needKeywords[1] == needKeywords[0] { needKeywords.removeLast(needKeywords.count - 1) }
            }
            let hasBudget = rng.percent([90, 55, 30][intent])
            if hasBudget {
                let tenThousands = rng.int(industry.budget)
                budget = (tenThousands >= 30 ? tenThousands / 5 * 5 : tenThousands) * 10_000
            }
        }
        if rng.percent([85, 45, 10][intent]) {
            decisionBy = created / CivilCalendar.minutesPerDay + rng.int(20...120)
        }
    }

    func chooseScore() {
        let people = employees ?? 1
        let size: Int
        switch people {
        case ..<50: size = rng.int(3...10)
        case ..<200: size = rng.int(10...18)
        case ..<500: size = rng.int(16...24)
        case ..<1000: size = rng.int(20...27)
        default: size = rng.int(24...30)
        }
        var budgetFit: Int
        if let budget, !isPerson {
            budgetFit = budget >= industry.budget.lowerBound * 20_000 ? rng.int(16...30) : rng.int(10...20)
        } else {
            budgetFit = rng.int(3...12)
        }
        if isPerson && budget != nil { budgetFit = rng.int(5...15) }
        let urgency = [rng.int(15...20), rng.int(8...15), rng.int(3...10)][intent]
        let decision: Int
        if decider != nil { decision = intent == 0 ? rng.int(13...20) : rng.int(8...16) } else { decision = rng.int(3...10) }
        score = [size, budgetFit, urgency, decision]
        let total = size + budgetFit + urgency + decision
        grade = total >= 80 ? 0 : total >= 60 ? 1 : total >= 40 ? 2 : 3
        finalStatus = Status(rawValue: rng.weighted(CustomerBuilder.statusWeights[grade]))!
        // A fresh lead may not have been scored or assigned yet.
        let unassigned = finalStatus == .untouched && rng.percent(40)
        if !unassigned { owner = Team.owner(grade: grade, region: region, industry: industry.name, &rng) }
        chooseSourceDetail()
    }

    func chooseSourceDetail() {
        hasDetail = rng.percent(85)
        switch CustomerBuilder.sources[source] {
        case "exhibition":
            exhibition = rng.pick(industry.exhibitions)
            let hall = rng.pick(Names.halls)
            booth = hall.hasSuffix("-") ? hall + String(rng.int(101...399)) : hall + (rng.percent(50) ? "0" : "") + String(rng.int(1...36))
            minutes = rng.int(1...12) * 5
            products = rng.some(1 + rng.below(2), of: industry.products)
            exhibitionReason = rng.pick(Phrases.exhibitionReasons)
        case "website":
            page = rng.pick(industry.pages)
            formComplete = rng.percent(70)
        case "referral":
            if rng.percent(50) {
                let surname = rng.pick(Names.surnames)
                let given = rng.pick(Names.givenNames)
                let place = rng.pick(Names.cities)
                referrer = surname.0 + given.0 + "（" + place.name + rng.pick(Names.coreFirst).0 + rng.pick(Names.coreSecond).0
                    + rng.pick(Names.partnerKinds) + " " + rng.pick(["总经理", "CTO", "销售总监", "副总经理"]) + "）"
            } else {
                referrer = city + rng.pick(Names.coreFirst).0 + rng.pick(Names.coreSecond).0 + rng.pick(Names.partnerKinds)
            }
            relation = rng.pick(Phrases.referralRelations)
            scene = rng.pick(Phrases.referralScenes)
        default:
            hasDetail = false
        }
    }

    func chooseStyles() {
        zhHeading = rng.percent(50)
        zhKeys = rng.percent(zhHeading ? 70 : 25)
        zhChannels = rng.percent(zhKeys ? 75 : 30)
        zhStatusLog = rng.percent(zhKeys ? 80 : 15)
        zhStatusFront = rng.percent(25)
        zhFeedbackHeading = rng.percent(zhHeading ? 85 : 10)
    }

    /// A text of `pool`, avoiding the ones this file used lately. Texts are told apart by where
    /// they are stored (pools are long-lived arrays), which is much cheaper than comparing
    /// Chinese strings and gives the same choices on every run.
    func fresh(_ pool: [String]) -> String {
        pool.withUnsafeBufferPointer { buffer -> String in
            let base = Int(bitPattern: buffer.baseAddress)
            let stride = MemoryLayout<String>.stride
            var unused = 0
            for offset in 0..<buffer.count where !recent.contains(base + offset * stride) { unused += 1 }
            var chosen = 0
            if unused == 0 {
                chosen = rng.below(buffer.count)
            } else {
                var skip = rng.below(unused)
                for offset in 0..<buffer.count where !recent.contains(base + offset * stride) {
                    if skip == 0 { chosen = offset; break }
                    skip -= 1
                }
            }
            recent.append(base + chosen * stride)
            if recent.count > 24 { recent.removeFirst() }
            return buffer[chosen]
        }
    }

    // MARK: - The follow-up schedule

    static let workStart = 9 * 60
    static let workEnd = 18 * 60 + 30

    func randomTime() -> Int {
        rng.int(CustomerBuilder.workStart / 5...CustomerBuilder.workEnd / 5) * 5
    }

    /// Days until the next contact, within the grade's cadence (S daily, A 2 days, B/C weekly).
    func cadenceGap() -> Int {
        switch grade {
        case 0: return rng.percent(15) ? 0 : 1
        case 1: return rng.int(1...2)
        case 2: return rng.int(2...7)
        default: return rng.int(3...7)
        }
    }

    func schedule() {
        guard owner != nil else { return }
        let sla = CustomerBuilder.slaMinutes[intent]
        let createdTime = created % CivilCalendar.minutesPerDay
        var assignedAt = created + rng.int(5...max(5, sla / 3))
        if intent == 2 && createdTime >= 18 * 60 {
            // Captured in the evening: assigned the next morning, still within 24 hours.
            assignedAt = (created / CivilCalendar.minutesPerDay + 1) * CivilCalendar.minutesPerDay + 9 * 60 + rng.int(0...12) * 5
        }
        assigned = assignedAt
        let deadline = created + sla - 5
        var first = assignedAt + rng.int(5...max(5, min(deadline - assignedAt, 180)))
        if first > deadline { first = max(assignedAt + 1, deadline) }
        let firstTime = first % CivilCalendar.minutesPerDay
        if firstTime > 20 * 60 || firstTime < 8 * 60 + 30 {
            // Outside office hours: the next morning when the SLA allows it.
            var morning = (first / CivilCalendar.minutesPerDay) * CivilCalendar.minutesPerDay + 8 * 60 + 30 + rng.int(0...18) * 5
            if firstTime > 20 * 60 { morning += CivilCalendar.minutesPerDay }
            if morning <= deadline && morning > assignedAt { first = morning }
        }
        if finalStatus == .untouched {
            if rng.percent(30) {
                var entry = Entry(kind: .noAnswer, day: first / CivilCalendar.minutesPerDay, time: first % CivilCalendar.minutesPerDay)
                entry.channel = rng.percent(70) ? Channels.phone : Channels.message
                entry.counterparts = [0]
                entry.phase = .untouched
                entry.next = entry.day + 1
                entries = [entry]
            }
            return
        }

        if finalStatus == .lost { lost = rng.pick(isPerson ? Phrases.personLostReasons : Phrases.lostReasons) }
        // The statuses this customer went through, and the entries that record them.
        let start: Status = finalStatus != .contacted && rng.percent(30) ? .qualified : .contacted
        var top: Status
        switch finalStatus {
        case .won: top = .negotiation
        case .lost: top = Status(rawValue: rng.int(start.rawValue...Status.negotiation.rawValue))!
        default: top = finalStatus
        }
        if top < start { top = start }
        var path: [Status] = [start]
        if top > start {
            for raw in (start.rawValue + 1)...top.rawValue {
                let status = Status(rawValue: raw)!
                if status == top || !rng.percent(15) { path.append(status) }
            }
        }
        if !finalStatus.isOpen { path.append(finalStatus) }
        let afterSale = finalStatus == .won ? rng.int(0...2) : 0
        let range: ClosedRange<Int>
        switch finalStatus {
        case .contacted: range = 2...7
        case .qualified: range = 3...11
        case .proposal: range = 6...15
        case .negotiation: range = 8...20
        case .won: range = [14...23, 12...22, 10...19, 8...15][grade]
        default: range = [2...7, 2...7, 4...11, 6...15, 8...19][top.rawValue]
        }
        var count = min(25, max(path.count, rng.int(range)) + afterSale)
        // Most leads leave initial contact within the grade's first-stage limit; some stall.
        let stageLimit = [3, 2, 1, 1][grade]
        if path[0] == .contacted && (path.count == 1 || (path.count == 2 && !finalStatus.isOpen)) && rng.percent(85) {
            count = min(count, max(path.count, stageLimit + 1))
        }
        var positions: [Int] = [0]
        if path.count > 1 {
            var last: Int
            switch finalStatus {
            case .won: last = count - 1 - afterSale
            case .lost: last = count - 1
            default: last = rng.int((path.count - 1)...(count - 1))
            }
            // Leave initial contact within the grade's first-stage limit (S 3 days, A 5, B/C 7):
            // S is followed daily, A every 2 days, B/C within a week.
            if path[0] == .contacted && path.count == 2 && finalStatus.isOpen { last = min(last, stageLimit) }
            if path[0] == .contacted && path.count > 2 {
                let leave = rng.int(1...max(1, min(stageLimit, last - (path.count - 2))))
                positions.append(leave)
                positions += rng.distinct(path.count - 3, of: last - leave - 1).map { $0 + leave + 1 }
            } else {
                positions += rng.distinct(path.count - 2, of: last - 1).map { $0 + 1 }
            }
            positions.append(last)
        }

        entries = Array(repeating: Entry(), count: count)
        var phase = Status.contacted
        var pathIndex = 0
        for k in 0..<count {
            if pathIndex < positions.count && positions[pathIndex] == k {
                entries[k].status = path[pathIndex]
                phase = path[pathIndex]
                pathIndex += 1
            }
            entries[k].phase = phase
            if k == 0 {
                entries[k].kind = .first
            } else if entries[k].status == .won {
                entries[k].kind = .won
            } else if entries[k].status == .lost {
                entries[k].kind = .lost
            } else if phase == .won {
                entries[k].kind = .afterSale
            }
        }

        // Dates: the first contact within the SLA, then at the grade's cadence.
        entries[0].day = first / CivilCalendar.minutesPerDay
        entries[0].time = first % CivilCalendar.minutesPerDay
        for k in 1..<max(1, count) {
            let previous = entries[k - 1]
            var gap = entries[k].kind == .afterSale ? rng.int(7...30) : cadenceGap()
            var time: Int? = rng.percent(85) ? randomTime() : nil
            if gap == 0 {
                if let previousTime = previous.time, previousTime <= 17 * 60 {
                    time = previousTime + rng.int(6...36) * 5
                } else {
                    gap = 1
                }
            }
            entries[k].day = previous.day + gap
            entries[k].time = time
        }

        // Next dates: usually the day of the following contact.
        for k in 0..<count {
            let day = entries[k].day
            if k < count - 1 {
                guard rng.percent(90) else { continue }
                let following = entries[k + 1].day
                let roll = rng.below(100)
                if roll < 12 && following - 1 > day {
                    entries[k].next = following - 1
                } else if roll < 20 {
                    entries[k].next = following + 1
                } else {
                    entries[k].next = following
                }
            } else {
                switch finalStatus {
                case .won: if rng.percent(90) { entries[k].next = day + rng.int(14...30) }
                case .lost: if rng.percent(50) { entries[k].next = day + rng.int(30...90) }
                default: if rng.percent(95) { entries[k].next = day + [1, 2, 7, 7][grade] - (grade >= 2 ? rng.int(0...3) : 0) }
                }
            }
        }

        // Channels, counterparts, to-dos and feedback.
        for k in 0..<count {
            entries[k].channel = channel(for: entries[k])
            entries[k].counterparts = counterparts(for: entries[k])
            entries[k].todos = todos(for: entries[k], last: k == count - 1)
            maybeFeedback(&entries[k])
        }

        if finalStatus == .won, let wonEntry = entries.first(where: { $0.kind == .won }) {
            dealDay = wonEntry.day
            let base = budget ?? rng.int(industry.budget) * 10_000
            dealAmount = max(1000, base * rng.int(80...105) / 100 / 1000 * 1000)
        }
    }

    func channel(for entry: Entry) -> Int {
        let weights: [Int]   // phone, email, meeting, video, wechat, visit, message
        switch entry.kind {
        case .first: weights = CustomerBuilder.sources[source] == "exhibition" ? [50, 10, 10, 5, 25, 0, 0] : [60, 15, 0, 5, 20, 0, 0]
        case .noAnswer: weights = [70, 0, 0, 0, 0, 0, 30]
        case .won: weights = [0, 0, 50, 0, 0, 50, 0]
        case .afterSale: weights = [50, 0, 0, 0, 20, 30, 0]
        case .lost: weights = [60, 20, 10, 0, 10, 0, 0]
        case .regular:
            switch entry.phase {
            case .contacted: weights = grade == 3 ? [20, 40, 0, 0, 30, 0, 10] : [45, 20, 5, 5, 20, 5, 0]
            case .qualified: weights = [30, 10, 20, 15, 10, 15, 0]
            case .proposal: weights = [20, 25, 20, 25, 10, 0, 0]
            default: weights = [25, 15, 35, 5, 0, 20, 0]
            }
        }
        return rng.weighted(weights)
    }

    func counterparts(for entry: Entry) -> [Int] {
        guard contacts.count > 1 else { return [0] }
        let lead = 0
        if entry.kind == .won, let decider { return decider == lead || rng.percent(50) ? [decider] : [lead, decider] }
        if entry.channel == Channels.email || entry.channel == Channels.message || entry.channel == Channels.phone {
            if let decider, entry.phase >= .proposal, rng.percent(30) { return [decider] }
            return [lead]
        }
        if (entry.channel == Channels.meeting || entry.channel == Channels.visit || entry.channel == Channels.video), rng.percent(45) {
            let other = 1 + rng.below(contacts.count - 1)
            return [lead, other]
        }
        return [lead]
    }

    func todoOwner() -> Int {
        guard let owner else { return 0 }
        if rng.percent(88) { return owner }
        if let mentor = Team.members[owner].mentor, let index = Team.members.firstIndex(where: { $0.name == mentor }) {
            return index
        }
        return rng.pick(Team.managers)
    }

    func todos(for entry: Entry, last: Bool) -> [Todo] {
        let count: Int
        switch entry.kind {
        case .first: count = rng.percent(70) ? 1 : 0
        case .noAnswer, .lost: count = 0
        case .won: count = 1
        case .afterSale: count = rng.percent(40) ? 1 : 0
        case .regular: count = rng.weighted([30, 50, 20])
        }
        var result: [Todo] = []
        var pool: [String]
        switch entry.kind {
        case .won, .afterSale: pool = Phrases.todoWon
        default:
            switch entry.phase {
            case .contacted: pool = grade == 3 ? Phrases.todoNurture : Phrases.todoFirst
            case .qualified: pool = Phrases.todoQualified
            case .proposal: pool = Phrases.todoProposal
            default: pool = Phrases.todoNegotiation
            }
        }
        var texts: [String] = []
        for _ in 0..<count {
            let text = fresh(pool)
            if !texts.contains(text) { texts.append(text) }
        }
        for text in texts {
            var day: Int
            if let next = entry.next, next > entry.day {
                day = rng.percent(60) ? next : rng.int((entry.day + 1)...next)
            } else {
                day = entry.day + rng.int(1...7)
            }
            if entry.kind == .won || entry.kind == .afterSale { day = entry.next ?? entry.day + rng.int(14...30) }
            if day < entry.day { day = entry.day }
            result.append(Todo(day: day, text: text, owner: todoOwner(), done: !last && rng.percent(95)))
        }
        return result
    }

    func maybeFeedback(_ entry: inout Entry) {
        guard feedbackItems.count < 3 else { return }
        if entry.kind == .lost, let lost, lost.feedback >= 0, !feedbackItems.contains(where: { $0.template == lost.feedback }), rng.percent(60) {
            let template = lost.feedback
            entry.feedback = feedbackItems.count
            feedbackItems.append(FeedbackItem(day: entry.day, channel: entry.channel, template: template,
                                              summary: Phrases.feedbackSummaries[template].summary, handling: "decline", lost: true))
            return
        }
        var candidates: [Int] = []
        switch entry.kind {
        case .lost:
            return
        case .regular:
            switch entry.phase {
            case .proposal: guard rng.percent(50) else { return }; candidates = [0, 2, 3, 4, 5, 6]
            case .negotiation: guard rng.percent(50) else { return }; candidates = [0, 1, 5, 7, 8]
            case .qualified: guard rng.percent(12) else { return }; candidates = [3, 4, 6]
            default: return
            }
        default: return
        }
        candidates.removeAll { candidate in feedbackItems.contains { $0.template == candidate } }
        guard !candidates.isEmpty else { return }
        let template = rng.pick(candidates)
        let kind = Phrases.feedbackSummaries[template]
        let handling: String
        if kind.type == "product" || kind.type == "service" {
            handling = rng.pick(["fix", "fix", "negotiate", "decline"])
        } else {
            handling = rng.pick(["negotiate", "negotiate", "fix", "decline"])
        }
        entry.feedback = feedbackItems.count
        feedbackItems.append(FeedbackItem(day: entry.day, channel: entry.channel, template: template,
                                          summary: kind.summary, handling: handling, lost: false))
    }
}

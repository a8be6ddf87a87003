/// The parameters of one generation run, and the per-index choices that must be unique
/// across the workspace (company names, phone numbers, e-mail addresses).
struct Run {
    let customers: Int
    let seed: UInt64
    /// Digits of the running number in ids (LX2024 + 000001).
    let idWidth: Int
    /// Size of the company-name space: cities x first x second core character.
    let nameSpace: Int
    let nameMultiplier: Int
    let nameOffset: Int
    /// Person names: surnames x given names.
    let personSpace: Int
    let personMultiplier: Int
    let personOffset: Int
    /// Every `personEvery`-th customer (at `personPhase`) is a person, not a company.
    let personEvery = 31
    let personPhase: Int
    let phoneOffset: Int

    /// First capture: 2024-01-02; captures spread over `captureDays` days, 08:00 to 21:00.
    static let firstDay = CivilCalendar.day(2024, 1, 2)
    static let captureDays = 350

    init(customers: Int, seed: UInt64) {
        self.customers = customers
        self.seed = seed
        var width = 6
        var limit = 1_000_000
        while customers >= limit { width += 1; limit *= 10 }
        idWidth = width
        var rng = SplitMix64(seed: seed, stream: UInt64.max)
        nameSpace = Names.cities.count * Names.coreFirst.count * Names.coreSecond.count
        nameMultiplier = Run.coprime(to: nameSpace, from: 40503 + rng.below(1000))
        nameOffset = rng.below(nameSpace)
        personSpace = Names.surnames.count * Names.givenNames.count
        personMultiplier = Run.coprime(to: personSpace, from: 2311 + rng.below(500))
        personOffset = rng.below(personSpace)
        personPhase = rng.below(personEvery)
        phoneOffset = rng.below(100_000_000)
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    static func coprime(to space: Int, from start: Int) -> Int {
        var candidate = start
        while gcd(candidate, space) != 1 { candidate += 1 }
        return candidate
    }

    /// (cycle, slot): slot is a permutation of the name space; cycle counts how many times
    /// the space was used up (company names then get a third character).
    func companySlot(_ index: Int) -> (cycle: Int, slot: Int) {
        let position = index % nameSpace
        return (index / nameSpace, (position % nameSpace * nameMultiplier + nameOffset) % nameSpace)
    }

    func isPerson(_ index: Int) -> Bool { index % personEvery == personPhase }

    /// A slot in the person-name space, unique among person customers while they fit.
    func personSlot(_ index: Int) -> Int {
        let ordinal = index / personEvery
        return (ordinal % personSpace * personMultiplier + personOffset) % personSpace
    }

    /// "138" and eight digits, unique per (customer, contact) up to 25 million customers.
    func phone(_ index: Int, contact: Int) -> String {
        let key = (index * 4 + contact) % 100_000_000
        let digits = (key * 73_939_133 + phoneOffset) % 100_000_000
        var text = "138"
        let body = String(digits)
        text += String(repeating: "0", count: 8 - body.count) + body
        return text
    }

    /// The capture time of customer `index`: increasing with the index, so ids follow
    /// creation order.
    func created(_ index: Int) -> Int {
        let scaled = index * Run.captureDays
        let day = Run.firstDay + scaled / customers
        let minuteOfDay = 8 * 60 + (scaled % customers) * 780 / customers
        return day * CivilCalendar.minutesPerDay + minuteOfDay
    }
}

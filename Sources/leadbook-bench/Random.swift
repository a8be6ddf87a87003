/// SplitMix64: a small, fast, well-mixed 64-bit generator. The whole generator draws from
/// it, never from the system, so a seed always gives the same bytes on every platform.
struct SplitMix64 {
    var state: UInt64

    init(state: UInt64) { self.state = state }

    /// An independent stream for item `index` of a run seeded with `seed`: customers can be
    /// generated in any order (and in parallel) and still come out the same.
    init(seed: UInt64, stream index: UInt64) {
        state = SplitMix64.mix(seed ^ SplitMix64.mix(index &+ 0x632B_E59B_D9B4_E019))
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always) mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (bound > 0), by multiply-high (no modulo bias worth noticing).
    @inline(__always) mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    @inline(__always) mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `percent`/100.
    @inline(__always) mutating func percent(_ percent: Int) -> Bool {
        below(100) < percent
    }

    @inline(__always) mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index drawn with the given integer weights.
    mutating func weighted(_ weights: [Int]) -> Int {
        var total = 0
        for weight in weights { total += weight }
        var roll = below(total)
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }

    /// `count` distinct indices of `0..<population`, in increasing order.
    mutating func distinct(_ count: Int, of population: Int) -> [Int] {
        let count = min(count, population)
        var chosen: [Int] = []
        chosen.reserveCapacity(count)
        // Floyd's algorithm: count draws, no rejection loop over the population.
        var candidate = population - count
        while candidate < population {
            let value = int(0...candidate)
            if chosen.contains(value) { chosen.append(candidate) } else { chosen.append(value) }
            candidate += 1
        }
        chosen.sort()
        return chosen
    }

    /// `count` distinct items of `items`, in the order of `items`.
    mutating func some<T>(_ count: Int, of items: [T]) -> [T] {
        distinct(count, of: items.count).map { items[$0] }
    }
}

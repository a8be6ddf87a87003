import LeadbookText

/// A share kept as its two counts, so nothing is rounded until it is shown and an empty
/// denominator is "no value", never a division by zero.
public struct Ratio: Sendable, Equatable {
    public var numerator: Int
    public var denominator: Int

    public init(_ numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public var isEmpty: Bool { denominator == 0 }

    /// The unrounded value; nil for an empty denominator.
    public var value: Double? { denominator == 0 ? nil : Double(numerator) / Double(denominator) }

    /// Exactly greater (a/b > c/d as a*d > c*b); nil when either side is empty.
    public func isGreater(than other: Ratio) -> Bool? {
        guard denominator > 0, other.denominator > 0 else { return nil }
        return numerator * other.denominator > other.numerator * denominator
    }

    /// Exact order for ranking: -1, 0 or 1 (empty ratios are not compared here).
    public func compare(_ other: Ratio) -> Int {
        let left = numerator * other.denominator, right = other.numerator * denominator
        return left == right ? 0 : (left > right ? 1 : -1)
    }

    /// The percentage in tenths of a percent, rounded half up (1/3 -> 333, shown 33.3%).
    public var tenthsOfPercent: Int? {
        guard denominator > 0 else { return nil }
        return Ratio.roundedHalfUp(numerator * 1000, denominator)
    }

    /// n/d rounded to the nearest whole number, halves away from zero.
    public static func roundedHalfUp(_ numerator: Int, _ denominator: Int) -> Int {
        precondition(denominator > 0)
        let negative = numerator < 0
        let magnitude = abs(numerator)
        var quotient = magnitude / denominator
        if (magnitude % denominator) * 2 >= denominator { quotient += 1 }
        return negative ? -quotient : quotient
    }
}

/// An exact fraction for sums of shares (the average of the teams' conversion rates), with
/// overflow reported as nil so the caller can fall back to floating point.
public struct Fraction: Sendable, Equatable {
    public var numerator: Int
    public var denominator: Int

    public init?(_ numerator: Int, _ denominator: Int) {
        guard denominator != 0 else { return nil }
        let divisor = Fraction.gcd(abs(numerator), abs(denominator))
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / max(divisor, 1)
        self.denominator = sign * denominator / max(divisor, 1)
    }

    public static func gcd(_ a: Int, _ b: Int) -> Int {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    public static func multiply(_ a: Int, _ b: Int) -> Int? {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : value
    }

    public static func add(_ a: Int, _ b: Int) -> Int? {
        let (value, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : value
    }

    public static func + (lhs: Fraction, rhs: Fraction) -> Fraction? {
        let divisor = gcd(lhs.denominator, rhs.denominator)
        guard let left = multiply(lhs.numerator, rhs.denominator / divisor),
              let right = multiply(rhs.numerator, lhs.denominator / divisor),
              let numerator = add(left, right),
              let denominator = multiply(lhs.denominator, rhs.denominator / divisor) else { return nil }
        return Fraction(numerator, denominator)
    }

    public var value: Double { Double(numerator) / Double(denominator) }
}

/// The mean of several shares (each team's conversion rate), exact where the numbers allow.
public struct MeanOfRatios: Sendable, Equatable {
    public var ratios: [Ratio]

    public init(_ ratios: [Ratio]) { self.ratios = ratios.filter { !$0.isEmpty } }

    public var count: Int { ratios.count }

    /// The sum of the shares, exactly; nil when it does not fit in 64-bit fractions.
    public var exactSum: Fraction? {
        var sum = Fraction(0, 1)!
        for ratio in ratios {
            guard let term = Fraction(ratio.numerator, ratio.denominator), let next = sum + term else { return nil }
            sum = next
        }
        return sum
    }

    public var value: Double? {
        guard count > 0 else { return nil }
        if let sum = exactSum { return sum.value / Double(count) }
        return ratios.reduce(0) { $0 + $1.value! } / Double(count)
    }

    /// The mean in tenths of a percent, rounded half up.
    public var tenthsOfPercent: Int? {
        guard count > 0 else { return nil }
        if let sum = exactSum, let scaled = Fraction.multiply(sum.numerator, 1000),
           let denominator = Fraction.multiply(sum.denominator, count) {
            return Ratio.roundedHalfUp(scaled, denominator)
        }
        return Int((value! * 1000).rounded())
    }

    /// `share` is more than `percent`% below the mean: share < (100 - percent)% of the mean,
    /// i.e. 100 * count * share < (100 - percent) * sum, compared exactly. nil when the share
    /// or the mean is empty.
    public func isBelow(_ share: Ratio, byMoreThanPercent percent: Int) -> Bool? {
        guard count > 0, !share.isEmpty else { return nil }
        let keep = 100 - percent
        if let sum = exactSum,
           let left = Fraction.multiply(100 * count, share.numerator).flatMap({ Fraction.multiply($0, sum.denominator) }),
           let right = Fraction.multiply(keep, sum.numerator).flatMap({ Fraction.multiply($0, share.denominator) }) {
            return left < right
        }
        return 100 * Double(count) * share.value! < Double(keep) * (value! * Double(count))
    }
}

/// Durations (minutes, days) of a group: count, sum, median and 90th percentile, exact.
public struct Distribution: Sendable, Equatable {
    public var count: Int
    public var sum: Int
    /// Twice the median, so an even count's median (the mean of the two middle values) stays exact.
    public var medianTimesTwo: Int?
    /// Nearest rank: the ceil(0.9 * count)-th smallest value.
    public var percentile90: Int?

    public init(_ values: [Int]) {
        let sorted = values.sorted()
        count = sorted.count
        sum = sorted.reduce(0, +)
        if sorted.isEmpty {
            medianTimesTwo = nil
            percentile90 = nil
        } else {
            let middle = sorted.count / 2
            medianTimesTwo = sorted.count % 2 == 1 ? 2 * sorted[middle] : sorted[middle - 1] + sorted[middle]
            percentile90 = sorted[(9 * sorted.count + 9) / 10 - 1]
        }
    }

    public var median: Double? { medianTimesTwo.map { Double($0) / 2 } }
    public var mean: Ratio { Ratio(sum, count) }
}

/// A sum of amounts in fen that cannot overflow: `units` whole multiples of 10^17 fen and a
/// `rest` below that. One amount is at most 15 digits of yuan and 2 of fen (under 10^17 fen),
/// so adding it carries at most one unit, and `units` would need 9.2 × 10^18 of them to
/// overflow (it stops at Int.max then rather than trap).
public struct MoneyTotal: Sendable, Equatable, ExpressibleByIntegerLiteral {
    public static let base = 100_000_000_000_000_000
    /// Multiples of `base` (the sign of the whole value).
    public private(set) var units = 0
    /// 0 ..< `base`.
    public private(set) var rest = 0

    public init(_ fen: Int = 0) {
        self += fen
    }

    public init(integerLiteral value: Int) { self.init(value) }

    public static func += (total: inout MoneyTotal, fen: Int) {
        // Split first so no partial sum leaves Int: |fen % base| < base, rest < base.
        var carry = fen / base
        var rest = total.rest + fen % base
        if rest >= base { rest -= base; carry += 1 }
        if rest < 0 { rest += base; carry -= 1 }
        total.rest = rest
        total.units = total.units.addingReportingOverflow(carry).overflow ? (carry > 0 ? Int.max : Int.min) : total.units + carry
    }

    /// The value as an Int when it fits.
    public var fen: Int? {
        let (high, overflow1) = units.multipliedReportingOverflow(by: Self.base)
        let (value, overflow2) = high.addingReportingOverflow(rest)
        return overflow1 || overflow2 ? nil : value
    }

    public var isNegative: Bool { units < 0 }

    /// The digits of the value in fen, without sign (exact at any size).
    public var digits: String {
        var magnitude = self
        if isNegative { magnitude = MoneyTotal(); magnitude.subtract(self) }
        if magnitude.units == 0 { return String(magnitude.rest) }
        return String(magnitude.units) + LocalDate.pad(magnitude.rest, 17)
    }

    private mutating func subtract(_ other: MoneyTotal) {
        var rest = self.rest - other.rest
        var units = self.units - other.units
        if rest < 0 { rest += Self.base; units -= 1 }
        self.rest = rest
        self.units = units
    }

    /// The value as a Double (for JSON; exact below 2^53 fen).
    public var value: Double { Double(units) * Double(Self.base) + Double(rest) }

    /// The value divided by `count`, rounded half up to the fen (an average); nil for no count
    /// or a negative total.
    public func dividedRounded(by count: Int) -> MoneyTotal? {
        guard count > 0, !isNegative else { return nil }
        var result = MoneyTotal()
        result.units = units / count
        // Long division of (units % count) * base + rest, one decimal digit at a time: the
        // remainder stays below count, so remainder * 10 + digit fits.
        var remainder = units % count
        var quotient = 0
        let restDigits = Array(LocalDate.pad(rest, 17).utf8)
        for byte in restDigits {
            remainder = remainder * 10 + Int(byte - ASCII.zero)
            quotient = quotient * 10 + remainder / count
            remainder %= count
        }
        if remainder >= count - remainder { quotient += 1 }
        result.rest = quotient
        if result.rest >= Self.base { result.rest -= Self.base; result.units += 1 }
        return result
    }
}

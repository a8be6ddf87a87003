import LeadbookText

/// A calendar month (`2024-03`), the unit of the monthly review and of the team check.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard year >= 1, year <= 9999, month >= 1, month <= 12 else { return nil }
        self.year = year
        self.month = month
    }

    public init(_ date: LocalDate) {
        year = date.year
        month = date.month
    }

    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    public var lastDay: LocalDate { LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))! }

    public func adding(months: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + months
        let clamped = min(max(index, 12), 9999 * 12 + 11)
        return YearMonth(year: clamped / 12, month: clamped % 12 + 1)!
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    public var description: String { LocalDate.pad(year, 4) + "-" + LocalDate.pad(month, 2) }
}

/// The leads a summary covers: those captured (`created`) in a period, or every lead.
///
/// Dates are calendar dates in the workspace's time zone, like every date in the files; both
/// ends are included.
public struct SummaryPeriod: Sendable, Equatable {
    /// First day included; nil = from the first lead.
    public var from: LocalDate?
    /// Last day included; nil = up to the as-of moment.
    public var to: LocalDate?
    /// The period as written with `--period` (`2024-03`, `2024-Q1`); nil otherwise.
    public var name: String?

    public init(from: LocalDate?, to: LocalDate?, name: String? = nil) {
        self.from = from
        self.to = to
        self.name = name
    }

    public static let all = SummaryPeriod(from: nil, to: nil)

    /// True when no bound was given: every lead.
    public var isAll: Bool { from == nil && to == nil }

    public func contains(_ date: LocalDate) -> Bool {
        if let from, date < from { return false }
        if let to, date > to { return false }
        return true
    }

    /// `YYYY-MM` (a month) or `YYYY-Qn` (a quarter, n from 1 to 4).
    public static func named(_ text: String) -> SummaryPeriod? {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == ASCII.dash, bytes[0..<4].allSatisfy(ASCII.isDigit) else { return nil }
        let year = bytes[0..<4].reduce(0) { $0 * 10 + Int($1 - ASCII.zero) }
        if bytes[5] == UInt8(ascii: "Q") || bytes[5] == UInt8(ascii: "q") {
            guard ASCII.isDigit(bytes[6]) else { return nil }
            let quarter = Int(bytes[6] - ASCII.zero)
            guard (1...4).contains(quarter), let first = YearMonth(year: year, month: quarter * 3 - 2) else { return nil }
            return SummaryPeriod(from: first.firstDay, to: first.adding(months: 2).lastDay,
                                 name: LocalDate.pad(year, 4) + "-Q" + String(quarter))
        }
        guard ASCII.isDigit(bytes[5]), ASCII.isDigit(bytes[6]) else { return nil }
        let month = Int(bytes[5] - ASCII.zero) * 10 + Int(bytes[6] - ASCII.zero)
        guard let value = YearMonth(year: year, month: month) else { return nil }
        return SummaryPeriod(from: value.firstDay, to: value.lastDay, name: value.description)
    }

    /// Why the options do not name a period, in words for the user.
    public struct Problem: Error, SaidError, Equatable {
        /// What is wrong, in both languages.
        public let phrase: Phrase
        public init(_ phrase: Phrase) { self.phrase = phrase }
        public init(_ words: Wording<Problem>) { self.phrase = words.phrase }
        /// The problem in English.
        public var message: String { phrase.en }
    }

    /// The period from `--period`, or `--from` and `--to` (either may be left out).
    public static func from(period: String?, from: String?, to: String?) -> Result<SummaryPeriod, SummaryPeriod.Problem> {
        if let period {
            if from != nil || to != nil {
                return .failure(Problem(.periodWithRange))
            }
            guard let value = named(period) else {
                return .failure(Problem(.notAPeriod(period)))
            }
            return .success(value)
        }
        var start: LocalDate?
        var end: LocalDate?
        if let from {
            guard let date = LocalDate(from) else {
                return .failure(Problem(.notAFromDate(from)))
            }
            start = date
        }
        if let to {
            guard let date = LocalDate(to) else {
                return .failure(Problem(.notAToDate(to)))
            }
            end = date
        }
        if let start, let end, end < start {
            return .failure(Problem(.toBeforeFrom(end, start)))
        }
        return .success(SummaryPeriod(from: start, to: end))
    }

    /// The period as words for a heading: `2024-03`, `2024-03-01 to 2024-03-15`, `from 2024-03-01`.
    public var text: String {
        if let name { return name }
        switch (from, to) {
        case let (from?, to?): return "\(from) .. \(to)"
        case let (from?, nil): return "\(from) .."
        case let (nil, to?): return ".. \(to)"
        case (nil, nil): return ""
        }
    }
}


extension Wording where Of == SummaryPeriod.Problem {
    public static let periodWithRange = Self("--period cannot be combined with --from or --to", "--period 不能和 --from 或 --to 一起用")
    public static func notAPeriod(_ text: String) -> Self {
        Self("--period must be a month like 2024-03 or a quarter like 2024-Q1, not `\(text)`", "--period 要写月份（如 2024-03）或季度（如 2024-Q1），不能是 `\(text)`")
    }
    public static func notAFromDate(_ text: String) -> Self { Self("--from must be a date like 2024-03-01, not `\(text)`", "--from 要写日期（如 2024-03-01），不能是 `\(text)`") }
    public static func notAToDate(_ text: String) -> Self { Self("--to must be a date like 2024-03-31, not `\(text)`", "--to 要写日期（如 2024-03-31），不能是 `\(text)`") }
    public static func toBeforeFrom(_ end: LocalDate, _ start: LocalDate) -> Self { Self("--to (\(end)) is before --from (\(start))", "--to（\(end)）早于 --from（\(start)）") }
}

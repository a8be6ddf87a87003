import LeadbookText

/// An ISO 8601 week (`2024-W11`): Monday to Sunday in the workspace's time zone, numbered in
/// the year that holds its Thursday, so week 1 is the week of the year's first Thursday and
/// the last days of December may be week 1 of the next year (2024-12-30 is in 2025-W01).
public struct ReportWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The ISO year (the year of the week's Thursday) and the week's number in it.
    public let year: Int
    public let week: Int
    public let monday: LocalDate

    /// The week that contains `date`.
    public init(containing date: LocalDate) {
        let thursday = date.adding(days: 3 - date.weekday)
        year = thursday.year
        week = (thursday.dayNumber - LocalDate(year: thursday.year, month: 1, day: 1)!.dayNumber) / 7 + 1
        monday = date.adding(days: -date.weekday)
    }

    /// Week `week` of ISO year `year`; nil when the year has no such week.
    public init?(year: Int, week: Int) {
        guard year >= 1, year <= 9999, week >= 1, week <= ReportWeek.weeks(in: year) else { return nil }
        let january4 = LocalDate(year: year, month: 1, day: 4)!
        let first = january4.adding(days: -january4.weekday)
        guard first.dayNumber + (week - 1) * 7 + 6 <= LocalDate(year: 9999, month: 12, day: 31)!.dayNumber,
              first.year >= 1 else { return nil }
        self.year = year
        self.week = week
        monday = first.adding(days: (week - 1) * 7)
    }

    /// 53 when the year begins on a Thursday, or on a Wednesday in a leap year; else 52.
    public static func weeks(in year: Int) -> Int {
        let weekday = LocalDate(year: year, month: 1, day: 1)!.weekday
        return weekday == 3 || (weekday == 2 && LocalDate.isLeap(year)) ? 53 : 52
    }

    public var sunday: LocalDate { monday.adding(days: 6) }
    /// The week's first minute (Monday 00:00) and its last (Sunday 23:59).
    public var start: LocalDateTime { LocalDateTime(date: monday, minutes: 0) }
    public var end: LocalDateTime { LocalDateTime(date: sunday, minutes: 1439) }
    public var next: ReportWeek { ReportWeek(containing: monday.adding(days: 7)) }
    public var previous: ReportWeek { ReportWeek(containing: monday.adding(days: -7)) }

    public func contains(_ date: LocalDate) -> Bool { date >= monday && date <= sunday }
    public func contains(_ moment: LocalDateTime) -> Bool { moment >= start && moment <= end }

    /// The last week that is over at `moment`: the week before the one `moment` is in.
    public static func lastComplete(at moment: LocalDateTime) -> ReportWeek {
        ReportWeek(containing: moment.date).previous
    }

    /// `2024-W11`.
    public var description: String { LocalDate.pad(year, 4) + "-W" + LocalDate.pad(week, 2) }

    public static func < (lhs: ReportWeek, rhs: ReportWeek) -> Bool { lhs.monday < rhs.monday }

    /// Why a text names no week, in words for the user.
    public struct Problem: Error, SaidError, Equatable {
        public let phrase: Phrase
        public init(_ words: Wording<Problem>) { self.phrase = words.phrase }
        /// The problem in English.
        public var message: String { phrase.en }
    }

    /// The week of `--week`: a date (`2024-03-13`, the week that contains it) or an ISO week
    /// (`2024-W11`, `2024-w11`).
    public static func parse(_ text: String) -> Result<ReportWeek, Problem> {
        let trimmed = text.trimmingSpaces
        let bytes = Array(trimmed.utf8)
        if let date = LocalDate(trimmed) { return .success(ReportWeek(containing: date)) }
        func number(_ slice: ArraySlice<UInt8>) -> Int? {
            guard !slice.isEmpty, slice.count <= 4, slice.allSatisfy(ASCII.isDigit) else { return nil }
            return slice.reduce(0) { $0 * 10 + Int($1 - ASCII.zero) }
        }
        // `YYYY-Www`, and what is near it: `2024W11`, `2024-W5`, `2024 W11`.
        if bytes.count >= 5, let year = number(bytes[0..<4]) {
            var rest = bytes[4...]
            let dashed = rest.first == ASCII.dash
            if dashed || rest.first == ASCII.space { rest = rest.dropFirst() }
            if let letter = rest.first, letter == UInt8(ascii: "W") || letter == UInt8(ascii: "w"), let week = number(rest.dropFirst()),
               rest.count <= 3 {
                guard year >= 1 else { return .failure(Problem(.notAWeek(text))) }
                guard let value = ReportWeek(year: year, week: week) else {
                    return .failure(Problem(.noSuchWeek(text, year: year, weeks: weeks(in: year))))
                }
                if dashed, rest.count == 3 { return .success(value) }
                return .failure(Problem(.nearWeek(text, value)))
            }
            // `2024-03` is a month: the week of its first day, or that day, is what to write.
            if dashed, rest.count == 2, let month = number(rest), (1...12).contains(month), let first = LocalDate(year: year, month: month, day: 1) {
                return .failure(Problem(.aMonth(text, ReportWeek(containing: first), first)))
            }
            if dashed, case .failure(.doesNotExist) = bytes.withUnsafeBufferPointer({ LocalDate.check($0, 0..<$0.count) }) {
                return .failure(Problem(.noSuchDate(text)))
            }
        }
        return .failure(Problem(.notAWeek(text)))
    }
}

extension Wording where Of == ReportWeek.Problem {
    public static func notAWeek(_ text: String) -> Self {
        Self("--week must be a date like 2024-03-13 or an ISO week like 2024-W11, not `\(text)`",
             "--week 要写日期（如 2024-03-13）或 ISO 周（如 2024-W11），不能是 `\(text)`")
    }
    public static func noSuchWeek(_ text: String, year: Int, weeks: Int) -> Self {
        let last = LocalDate.pad(year, 4) + "-W" + String(weeks)
        let first = LocalDate.pad(year, 4) + "-W01"
        return Self("`\(text)` is not a week: \(LocalDate.pad(year, 4)) has \(weeks) ISO weeks, \(first) to \(last)",
                    "没有 `\(text)` 这一周：\(LocalDate.pad(year, 4)) 年共有 \(weeks) 个 ISO 周，从 \(first) 到 \(last)")
    }
    public static func nearWeek(_ text: String, _ week: ReportWeek) -> Self {
        Self("--week must be an ISO week like 2024-W11, not `\(text)`; did you mean \(week)?",
             "--week 要写 ISO 周（如 2024-W11），不能是 `\(text)`；是不是要写 \(week)？")
    }
    public static func aMonth(_ text: String, _ week: ReportWeek, _ first: LocalDate) -> Self {
        Self("`\(text)` is a month; --week takes a week like \(week) or a date like \(first)",
             "`\(text)` 是月份；--week 要写周（如 \(week)）或日期（如 \(first)）")
    }
    public static func noSuchDate(_ text: String) -> Self {
        Self("--week: `\(text)` is not a date of the calendar", "--week：日历上没有 `\(text)` 这一天")
    }
}

import LeadbookText

/// A calendar date without a time zone (`2024-03-01`).
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard year >= 1, year <= 9999, month >= 1, month <= 12, day >= 1,
              day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// 0 = Monday ... 6 = Sunday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
    }

    public static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        var text = text
        guard let date = text.withUTF8({ LocalDate.parse($0, 0..<$0.count) }) else { return nil }
        self = date
    }

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> LocalDate? {
        if case .success(let date) = check(bytes, range) { return date }
        return nil
    }

    public static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Result<LocalDate, DateProblem> {
        guard range.count == 10 else { return .failure(.format) }
        let s = range.lowerBound
        guard bytes[s + 4] == ASCII.dash, bytes[s + 7] == ASCII.dash,
              let year = digits(bytes, s, 4), let month = digits(bytes, s + 5, 2), let day = digits(bytes, s + 8, 2)
        else { return .failure(.format) }
        guard let date = LocalDate(year: year, month: month, day: day) else { return .failure(.doesNotExist) }
        return .success(date)
    }

    @inline(__always) public static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<start + count {
            let byte = bytes[index]
            guard ASCII.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - ASCII.zero)
        }
        return value
    }
}

/// Why bytes are not a date (or a date and time).
public enum DateProblem: Error, Equatable, Sendable {
    case format
    case doesNotExist
}

/// A wall-clock time on a date in the workspace's time zone (`2024-03-01 09:10`).
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: LocalDate
    /// Minutes after midnight.
    public let minutes: Int
    /// False when only a date was written (read as 00:00).
    public let hasTime: Bool

    public init(date: LocalDate, minutes: Int = 0, hasTime: Bool = true) {
        self.date = date
        self.minutes = minutes
        self.hasTime = hasTime
    }

    /// Minutes since 1970-01-01 00:00 in the same zone.
    public var minuteNumber: Int { date.dayNumber * 1440 + minutes }

    public init(minuteNumber: Int) {
        let days = minuteNumber >= 0 ? minuteNumber / 1440 : (minuteNumber - 1439) / 1440
        self.date = LocalDate(dayNumber: days)
        self.minutes = minuteNumber - days * 1440
        self.hasTime = true
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.minuteNumber < rhs.minuteNumber
    }

    public static func == (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.minuteNumber == rhs.minuteNumber
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(minuteNumber) }

    public var timeText: String {
        LocalDate.pad(minutes / 60, 2) + ":" + LocalDate.pad(minutes % 60, 2)
    }

    public var description: String {
        hasTime ? date.description + " " + timeText : date.description
    }

    public init?(_ text: String) {
        var text = text
        guard let value = text.withUTF8({ buffer -> LocalDateTime? in
            if case .success(let value) = LocalDateTime.check(buffer, 0..<buffer.count) { return value }
            return nil
        }) else { return nil }
        self = value
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM`.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Result<LocalDateTime, DateProblem> {
        if range.count == 10 {
            return LocalDate.check(bytes, range).map { LocalDateTime(date: $0, minutes: 0, hasTime: false) }
        }
        guard range.count == 16 else { return .failure(.format) }
        let s = range.lowerBound
        let separator = bytes[s + 10]
        guard separator == ASCII.space || separator == UInt8(ascii: "T"), bytes[s + 13] == ASCII.colon,
              let hour = LocalDate.digits(bytes, s + 11, 2), let minute = LocalDate.digits(bytes, s + 14, 2)
        else { return .failure(.format) }
        switch LocalDate.check(bytes, s..<s + 10) {
        case .failure(let problem): return .failure(problem)
        case .success(let date):
            guard hour < 24, minute < 60 else { return .failure(.doesNotExist) }
            return .success(LocalDateTime(date: date, minutes: hour * 60 + minute))
        }
    }
}

/// A fixed offset from UTC such as +08:00 (the workspace's `timezone`).
public struct UTCOffset: Hashable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    public static let chinaStandard = UTCOffset(minutes: 480)

    /// `+08:00`, `-05:30`, `+8`, `UTC`, `Z`, or `Asia/Shanghai`-style names of fixed-offset zones.
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces
        if trimmed == "Z" || trimmed == "UTC" || trimmed == "GMT" { self.minutes = 0; return }
        if let known = UTCOffset.namedZones[trimmed] { self.minutes = known; return }
        var scalars = Array(trimmed.utf8)
        guard let sign = scalars.first, sign == ASCII.plus || sign == ASCII.dash else { return nil }
        scalars.removeFirst()
        func number(_ digits: ArraySlice<UInt8>) -> Int? {
            guard !digits.isEmpty, digits.count <= 2, digits.allSatisfy(ASCII.isDigit) else { return nil }
            return digits.reduce(0) { $0 * 10 + Int($1 - ASCII.zero) }
        }
        var hours = 0, minutes = 0
        if let colon = scalars.firstIndex(of: ASCII.colon) {
            guard let h = number(scalars[..<colon]), let m = number(scalars[(colon + 1)...]) else { return nil }
            hours = h; minutes = m
        } else {
            guard let h = number(scalars[...]) else { return nil }
            hours = h
        }
        guard hours <= 14, minutes < 60 else { return nil }
        self.minutes = (sign == ASCII.dash ? -1 : 1) * (hours * 60 + minutes)
    }

    /// Zones without daylight saving time that teams are likely to name.
    public static let namedZones: [String: Int] = [
        "Asia/Shanghai": 480, "Asia/Chongqing": 480, "Asia/Hong_Kong": 480, "Asia/Taipei": 480,
        "Asia/Macau": 480, "Asia/Singapore": 480, "Asia/Tokyo": 540, "Asia/Seoul": 540,
        "Asia/Kolkata": 330, "Asia/Dubai": 240, "Etc/UTC": 0,
    ]

    public var description: String {
        let sign = minutes < 0 ? "-" : "+"
        let value = abs(minutes)
        return sign + LocalDate.pad(value / 60, 2) + ":" + LocalDate.pad(value % 60, 2)
    }

    /// The wall-clock time in this zone at a moment given as seconds since 1970 UTC.
    public func localTime(secondsSince1970 seconds: Int) -> LocalDateTime {
        let utcMinutes = seconds >= 0 ? seconds / 60 : (seconds - 59) / 60
        let minuteNumber = utcMinutes + minutes
        return LocalDateTime(minuteNumber: minuteNumber)
    }
}

extension String {
    /// The text without leading and trailing ASCII spaces and tabs.
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}

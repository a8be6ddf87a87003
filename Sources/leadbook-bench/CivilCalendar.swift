/// Civil dates as day numbers (days since 1970-01-01) and datetimes as minute numbers, with
/// the formatting the record format uses. No clock is read anywhere: every date comes from
/// the seed.
enum CivilCalendar {
    /// Day number of a civil date (proleptic Gregorian; H. Hinnant's algorithm).
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// (year, month, day) of a day number.
    static func civil(_ dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 = Monday ... 6 = Sunday.
    static func weekday(_ dayNumber: Int) -> Int {
        ((dayNumber % 7) + 7 + 3) % 7
    }

    static let minutesPerDay = 1440
}

import LeadbookCore
import LeadbookText

/// Civil dates as day numbers (days since 1970-01-01) and datetimes as minute numbers, with
/// the formatting the record format uses. No clock is read anywhere: every date comes from
/// the seed.
enum CivilCalendar {
    /// Day number of a civil date.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        LocalDate(year: year, month: month, day: day)!.dayNumber
    }

    /// (year, month, day) of a day number.
    static func civil(_ dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let date = LocalDate(dayNumber: dayNumber)
        return (date.year, date.month, date.day)
    }

    /// 0 = Monday ... 6 = Sunday.
    static func weekday(_ dayNumber: Int) -> Int {
        LocalDate(dayNumber: dayNumber).weekday
    }

    static let minutesPerDay = 1440
}

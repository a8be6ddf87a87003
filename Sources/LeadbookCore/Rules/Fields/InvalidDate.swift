import LeadbookText

/// Dates are on the calendar and written as leadbook reads them, wherever they are: front
/// matter dates and datetimes, entry headings (date and time), `- next:`, to-dos, feedback's
/// `- due:`, `- resolved:` and `- confirmed:`. The same problem has the same words in each.
public enum InvalidDate: RuleDefinition {
    public static let rule = Rule("invalid-date", .error, Phrase("Dates are YYYY-MM-DD and exist; datetimes are YYYY-MM-DD HH:MM.", "日期写成 YYYY-MM-DD 且真实存在；日期时间写成 YYYY-MM-DD HH:MM。"))

    public static func report(_ message: Message, at offset: Int, _ findings: inout Findings) {
        findings.report(message, at: offset)
    }

    /// "2024-02 has 29 days", or the range of months when the month is not one.
    public static func monthHint(_ text: String) -> Phrase {
        let parts = text.split(separator: "-")
        if parts.count >= 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) {
            let days = LocalDate.daysIn(month: month, year: year)
            return Phrase("\(year)-\(LocalDate.pad(month, 2)) has \(days) days", "\(year)-\(LocalDate.pad(month, 2)) 只有 \(days) 天")
        }
        return Phrase("months run 01 to 12", "月份是 01 到 12")
    }
}

extension RuleMessage where Of == InvalidDate {
    /// `2024-02-30`: the form of a date, not a day of the calendar. `field` is the key the
    /// date is the value of, when it has one (a heading's or a to-do's date has none).
    public static func doesNotExist(_ text: String, field: String? = nil) -> Self {
        Self("\(field.map { "`\($0)`: " } ?? "")`\(text)` is not a date that exists",
             "\(field.map { "`\($0)`：" } ?? "")`\(text)` 这个日期不存在",
             hint: Phrase("check the month and day (", "检查月份和日期（") + InvalidDate.monthHint(text) + Phrase(")", "）"))
    }

    public static func dateTimeDoesNotExist(_ text: String, field: String) -> Self {
        Self("`\(field)`: `\(text)` is not a date and time that exist", "`\(field)`：`\(text)` 这个日期时间不存在",
             hint: Phrase("check the month, day and time (", "检查月份、日期和时间（") + InvalidDate.monthHint(text)
                 + Phrase("; times run 00:00 to 23:59)", "；时间是 00:00 到 23:59）"))
    }

    public static func notADate(_ text: String, field: String) -> Self {
        Self("`\(field)` must be a date YYYY-MM-DD, not `\(text)`", "`\(field)` 必须是 YYYY-MM-DD 格式的日期，不能是 `\(text)`",
             hint: Phrase("write it like `\(field): 2024-03-01`", "写成 `\(field): 2024-03-01` 这样"))
    }

    public static func notADateTime(_ text: String, field: String) -> Self {
        Self("`\(field)` must be a date and time YYYY-MM-DD HH:MM, not `\(text)`", "`\(field)` 必须是 YYYY-MM-DD HH:MM 格式的日期时间，不能是 `\(text)`",
             hint: Phrase("write it like `\(field): 2024-03-01 09:30` (or a date alone)", "写成 `\(field): 2024-03-01 09:30` 这样（也可以只写日期）"))
    }

    /// The time of an entry heading: `25:00`, `9:30`.
    public static func notATime(_ text: String) -> Self {
        Self("`\(text)` is not a time of day HH:MM", "`\(text)` 不是 HH:MM 格式的时间",
             hint: Phrase("write the time as HH:MM between 00:00 and 23:59, for example 09:30", "时间写成 00:00 到 23:59 之间的 HH:MM，例如 09:30"))
    }

    /// `- confirmed:` without the date it starts with.
    public static var confirmedWithoutDate: Self {
        Self("`confirmed` starts with the date the customer confirmed", "`confirmed` 要以客户确认的日期开头",
             hint: Phrase("write `- confirmed: 2024-03-06 客户认可`", "写成 `- confirmed: 2024-03-06 客户认可`"))
    }
}

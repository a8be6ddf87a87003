import LeadbookText

/// Dates are on the calendar and written as leadbook reads them, wherever they are: front
/// matter dates and datetimes, entry headings (date and time), `- next:`, to-dos, feedback's
/// `- due:`, `- resolved:` and `- confirmed:`. The same problem has the same words in each.
public enum InvalidDate: RuleDefinition {
    public static let rule = Rule("invalid-date", .error, "Dates are YYYY-MM-DD and exist; datetimes are YYYY-MM-DD HH:MM.")

    public static func report(_ message: Message, at offset: Int, _ findings: inout Findings) {
        findings.report(message, at: offset)
    }

    /// "2024-02 has 29 days", or the range of months when the month is not one.
    public static func monthHint(_ text: String) -> String {
        let parts = text.split(separator: "-")
        if parts.count >= 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) {
            return "\(year)-\(LocalDate.pad(month, 2)) has \(LocalDate.daysIn(month: month, year: year)) days"
        }
        return "months run 01 to 12"
    }
}

extension RuleMessage where Of == InvalidDate {
    /// `2024-02-30`: the form of a date, not a day of the calendar. `field` is the key the
    /// date is the value of, when it has one (a heading's or a to-do's date has none).
    public static func doesNotExist(_ text: String, field: String? = nil) -> Self {
        Self("\(field.map { "`\($0)`: " } ?? "")`\(text)` is not a date that exists",
             hint: "check the month and day (\(InvalidDate.monthHint(text)))")
    }

    public static func dateTimeDoesNotExist(_ text: String, field: String) -> Self {
        Self("`\(field)`: `\(text)` is not a date and time that exist",
             hint: "check the month, day and time (\(InvalidDate.monthHint(text)); times run 00:00 to 23:59)")
    }

    public static func notADate(_ text: String, field: String) -> Self {
        Self("`\(field)` must be a date YYYY-MM-DD, not `\(text)`", hint: "write it like `\(field): 2024-03-01`")
    }

    public static func notADateTime(_ text: String, field: String) -> Self {
        Self("`\(field)` must be a date and time YYYY-MM-DD HH:MM, not `\(text)`",
             hint: "write it like `\(field): 2024-03-01 09:30` (or a date alone)")
    }

    /// The time of an entry heading: `25:00`, `9:30`.
    public static func notATime(_ text: String) -> Self {
        Self("`\(text)` is not a time of day HH:MM", hint: "write the time as HH:MM between 00:00 and 23:59, for example 09:30")
    }

    /// `- confirmed:` without the date it starts with.
    public static var confirmedWithoutDate: Self {
        Self("`confirmed` starts with the date the customer confirmed", hint: "write `- confirmed: 2024-03-06 客户认可`")
    }
}

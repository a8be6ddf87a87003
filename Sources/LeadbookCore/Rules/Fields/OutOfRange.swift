import LeadbookText

/// Numbers within their range: score parts within their maxima (leadbook.yml `scoring.max`),
/// amounts and counts not negative, whole numbers within Int64, amounts exact (15 digits);
/// in leadbook.yml, grade thresholds falling from S to B.
public enum OutOfRange: RuleDefinition {
    public static let rule = Rule("out-of-range", .error, Phrase("Numbers are within their range (score parts within their maxima, amounts not negative).",
                                                           "数字在允许的范围内（各项评分不超过上限，金额不为负）。"))

    public static func report(_ message: Message, at offset: Int, _ findings: inout Findings) {
        findings.report(message, at: offset)
    }
}

extension RuleMessage where Of == OutOfRange {
    public static func wholeNumberTooLarge(_ field: String, _ text: String) -> Self {
        Self("`\(field)` is too large: `\(text)`", "`\(field)` 太大了：`\(text)`", hint: Phrase("the largest whole number is \(Int.max)", "整数最大是 \(Int.max)"))
    }

    /// A negative whole number beyond what any field holds.
    public static func wholeNumberTooSmall(_ field: String, _ text: String, minimum: Int) -> Self {
        Self("`\(field)` is too small: `\(text)`", "`\(field)` 太小了：`\(text)`", hint: Phrase("use a number of \(minimum) or more", "用不小于 \(minimum) 的数"))
    }

    public static func amountTooLarge(_ field: String, _ text: String) -> Self {
        Self("`\(field)` is too large: `\(text)`", "`\(field)` 太大了：`\(text)`", hint: Phrase("amounts are at most 15 digits before the decimal point", "金额的整数部分最多 15 位"))
    }

    /// `maximum` is `Int.max` for a number without an upper bound.
    public static func outside(_ field: String, _ value: Int, minimum: Int, maximum: Int) -> Self {
        if maximum == Int.max {
            return Self("`\(field)` is \(value); it must be \(minimum) or more", "`\(field)` 是 \(value)；必须不小于 \(minimum)",
                        hint: Phrase("use a number of \(minimum) or more", "用不小于 \(minimum) 的数"))
        }
        return Self("`\(field)` is \(value); it must be between \(minimum) and \(maximum)", "`\(field)` 是 \(value)；必须在 \(minimum) 到 \(maximum) 之间",
                    hint: Phrase("use a number from \(minimum) to \(maximum)", "用 \(minimum) 到 \(maximum) 之间的数"))
    }

    public static func negativeAmount(_ field: String) -> Self {
        Self("`\(field)` is negative", "`\(field)` 是负数", hint: Phrase("amounts are 0 or more", "金额不能小于 0"))
    }

    /// `business_hours` whose `to` is not after its `from` (a working day within one date).
    public static func workingDayEndsBeforeItStarts(_ hours: BusinessHours) -> Self {
        let from = LocalDateTime(date: LocalDate(dayNumber: 0), minutes: hours.from).timeText
        let to = hours.to == 1440 ? "24:00" : LocalDateTime(date: LocalDate(dayNumber: 0), minutes: hours.to).timeText
        return Self("`business_hours.to` (\(to)) must be after `business_hours.from` (\(from))",
                    "`business_hours.to`（\(to)）必须晚于 `business_hours.from`（\(from)）",
                    hint: Phrase("a working day lies within one date, for example `from: \"09:00\"`, `to: \"18:00\"`; the default 09:00 to 18:00 applies until then",
                                 "工作时间要在同一天之内，例如 `from: \"09:00\"`、`to: \"18:00\"`；改好之前按默认的 09:00 到 18:00 计算"))
    }

    public static func gradeThresholds(_ scoring: Configuration.Scoring) -> Self {
        Self("grade thresholds must fall from S to B (S \(scoring.gradeS), A \(scoring.gradeA), B \(scoring.gradeB))",
             "等级分数线必须从 S 到 B 依次降低（S \(scoring.gradeS)，A \(scoring.gradeA)，B \(scoring.gradeB)）",
             hint: Phrase("use thresholds like {S: 80, A: 60, B: 40}", "分数线写成 {S: 80, A: 60, B: 40} 这样"))
    }
}

import LeadbookText

/// The days of the week a plan point comes back on: `plan[].due` written as `每周一`,
/// `每周一、四`, `周五`, `every Monday`, `weekly on friday`, `Mondays and Thursdays`. Read from
/// the text's bytes (ASCII letters without case); a weekday named alone is every week on it.
public struct WeeklyDays: Sendable, Equatable {
    /// 0 = Monday ... 6 = Sunday, ascending, each once.
    public let days: [Int]

    public init?(_ text: String) {
        let bytes = text.utf8.map(ASCII.lowercased)
        var index = 0
        func skip(_ spelling: [UInt8]) -> Bool {
            guard index + spelling.count <= bytes.count, Array(bytes[index..<index + spelling.count]) == spelling else { return false }
            index += spelling.count
            return true
        }
        // Spaces, tabs and the full-width space (U+3000) a Chinese keyboard types.
        func skipSpaces() {
            while index < bytes.count {
                if bytes[index] == ASCII.space || bytes[index] == ASCII.tab { index += 1; continue }
                guard index + 2 < bytes.count, bytes[index] == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 else { return }
                index += 3
            }
        }
        skipSpaces()
        var prefixed = true
        while prefixed {
            prefixed = false
            for prefix in Self.prefixes where skip(prefix) {
                prefixed = true
                skipSpaces()
                break
            }
        }
        var found = Set<Int>()
        var chinese = false
        while true {
            skipSpaces()
            var day: Int?
            var week = false
            for marker in Self.chineseWeek where skip(marker) {
                week = true
                break
            }
            if week || chinese {
                for (number, spelling) in Self.chineseDays where skip(spelling) {
                    day = number
                    break
                }
                if day != nil { chinese = true }
            }
            if day == nil, !week {
                for (number, spelling) in Self.englishDays where skip(spelling) {
                    day = number
                    _ = skip([UInt8(ascii: "s")])
                    break
                }
            }
            guard let day else { return nil }
            found.insert(day)
            skipSpaces()
            if index == bytes.count { break }
            var separated = false
            for separator in Self.separators where skip(separator) {
                separated = true
                break
            }
            if !separated { return nil }
        }
        days = found.sorted()
    }

    /// The latest of these days on or before `date`.
    public func latest(onOrBefore date: LocalDate) -> LocalDate {
        var back = 0
        while !days.contains((date.weekday - back + 7) % 7) { back += 1 }
        return date.adding(days: -back)
    }

    /// The first of these days after `date`.
    public func first(after date: LocalDate) -> LocalDate {
        var ahead = 1
        while !days.contains((date.weekday + ahead) % 7) { ahead += 1 }
        return date.adding(days: ahead)
    }

    /// `every Monday and Thursday` / `每周一、周四`.
    public var phrase: Phrase {
        let english = days.map { Self.englishNames[$0] }
        let en = english.count == 1 ? english[0] : english.dropLast().joined(separator: ", ") + " and " + english.last!
        return Phrase("every " + en, "每" + days.map { "周" + Self.chineseNames[$0] }.joined(separator: "、"))
    }

    static let englishNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let chineseNames = ["一", "二", "三", "四", "五", "六", "日"]

    static let prefixes: [[UInt8]] = ["每个", "每", "weekly on", "weekly", "every", "each", "on"].map { Array($0.utf8) }
    static let chineseWeek: [[UInt8]] = ["星期", "礼拜", "周"].map { Array($0.utf8) }
    static let chineseDays: [(Int, [UInt8])] = [(0, "一"), (1, "二"), (2, "三"), (3, "四"), (4, "五"), (5, "六"), (6, "日"), (6, "天")]
        .map { ($0.0, Array($0.1.utf8)) }
    /// Longest spellings first, so `monday` is not read as `mon` and a stray `day`.
    static let englishDays: [(Int, [UInt8])] = [
        (0, "monday"), (1, "tuesday"), (2, "wednesday"), (3, "thursday"), (4, "friday"), (5, "saturday"), (6, "sunday"),
        (1, "tues"), (3, "thurs"), (3, "thur"), (0, "mon"), (1, "tue"), (2, "wed"), (3, "thu"), (4, "fri"), (5, "sat"), (6, "sun"),
    ].map { ($0.0, Array($0.1.utf8)) }
    static let separators: [[UInt8]] = ["、", "，", ",", "/", "和", "及", "and", "&"].map { Array($0.utf8) }
}

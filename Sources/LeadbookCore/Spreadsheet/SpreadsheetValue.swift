import LeadbookText

/// Cell values as people and spreadsheets write them, read into the types of the record format.
///
/// Spreadsheets are more varied than customer files: dates as 2024/3/1, amounts as 20万 or
/// ¥200,000.00, phone numbers with dashes. What is accepted is listed in docs/import-export.md;
/// anything else is a problem of its row.
public enum SpreadsheetValue {
    public struct Problem: Error, SaidError, Equatable, Sendable {
        /// What is wrong and how to fix it, in both languages.
        public var phrase: Phrase
        public var hintPhrase: Phrase
        /// The English views.
        public var message: String { phrase.en }
        public var hint: String { hintPhrase.en }

        public init(_ words: Wording<SpreadsheetValue>) {
            self.init(said: words)
        }

        /// A problem worded elsewhere: a rule's message for the same mistake.
        public init<Of>(said words: Wording<Of>) {
            phrase = words.phrase
            hintPhrase = words.hintPhrase
        }
    }

    // MARK: - Dates

    /// `2024-03-01`, `2024/3/1`, `2024.3.1` or `2024年3月1日`, optionally followed by a time
    /// `9:10`, `09:10` or `09:10:00` (seconds are dropped: leadbook keeps minutes).
    public static func dateTime(_ text: String) -> Result<LocalDateTime, Problem> {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func number(maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while index < scalars.count, digits < maxDigits, let digit = digitValue(scalars[index]) {
                value = value * 10 + digit
                digits += 1
                index += 1
            }
            return digits == 0 ? nil : value
        }
        let formatProblem = Problem(.notADate(text))
        if !scalars.isEmpty, scalars.allSatisfy({ digitValue($0) != nil }), scalars.count <= 6 {
            return .failure(Problem(.numberForDate(text)))
        }
        guard let year = number(maxDigits: 4), index == 4, index < scalars.count else { return .failure(formatProblem) }
        let separator = scalars[index]
        guard ["-", "/", ".", "年"].contains(separator) else { return .failure(formatProblem) }
        index += 1
        guard let month = number(maxDigits: 2), index < scalars.count else { return .failure(formatProblem) }
        let second = scalars[index]
        guard second == (separator == "年" ? "月" : separator) else { return .failure(formatProblem) }
        index += 1
        guard let day = number(maxDigits: 2) else { return .failure(formatProblem) }
        if separator == "年" && index < scalars.count && scalars[index] == "日" { index += 1 }
        guard let date = LocalDate(year: year, month: month, day: day) else {
            return .failure(Problem(.noSuchDate(text)))
        }
        guard index < scalars.count else { return .success(LocalDateTime(date: date, minutes: 0, hasTime: false)) }
        guard scalars[index] == " " || scalars[index] == "T" else { return .failure(formatProblem) }
        while index < scalars.count && (scalars[index] == " " || scalars[index] == "T") { index += 1 }
        guard let hour = number(maxDigits: 2), index < scalars.count, scalars[index] == ":" else { return .failure(formatProblem) }
        index += 1
        let minuteStart = index
        guard let minute = number(maxDigits: 2), index - minuteStart == 2 else { return .failure(formatProblem) }
        if index < scalars.count && scalars[index] == ":" {
            index += 1
            let secondStart = index
            guard number(maxDigits: 2) != nil, index - secondStart == 2 else { return .failure(formatProblem) }
        }
        guard index == scalars.count else { return .failure(formatProblem) }
        guard hour < 24, minute < 60 else {
            return .failure(Problem(.noSuchTime(text)))
        }
        return .success(LocalDateTime(date: date, minutes: hour * 60 + minute, hasTime: true))
    }

    /// A date alone (a time after it is a problem).
    public static func date(_ text: String) -> Result<LocalDate, Problem> {
        switch dateTime(text) {
        case .failure(let problem): return .failure(problem)
        case .success(let value) where value.hasTime:
            return .failure(Problem(.timeForDate(text)))
        case .success(let value): return .success(value.date)
        }
    }

    // MARK: - Values of a field's type

    /// A cell read by the type of its field, as the front matter writes the value: `20万` ->
    /// `200000`, `2024/3/1` -> `2024-03-01`; text as it is.
    public static func written(_ text: String, as type: CustomerField.ValueType) -> Result<String, Problem> {
        switch type {
        case .wholeNumber: return count(text).map(String.init)
        case .amount: return amount(text).map(Money.plain)
        case .date: return date(text).map(\.description)
        case .dateTime: return dateTime(text).map(\.description)
        case .text, .choice, .textList, .map, .mapList: return .success(text)
        }
    }

    // MARK: - Numbers

    /// An amount in CNY: `200000`, `200,000`, `¥200,000.00`, `20万`, `20万元`, `150000.5元`.
    public static func amount(_ text: String) -> Result<Double, Problem> {
        var body = text.trimmingSpreadsheetSpaces
        for prefix in ["¥", "￥", "RMB", "CNY"] where body.hasPrefix(prefix) { body = String(body.dropFirst(prefix.count)).trimmingSpreadsheetSpaces }
        var factor = 1.0
        for (suffix, multiplier) in [("万元", 10_000.0), ("万", 10_000.0), ("元", 1.0)] where body.hasSuffix(suffix) {
            body = String(body.dropLast(suffix.count)).trimmingSpreadsheetSpaces
            factor = multiplier
            break
        }
        let problem = Problem(.notAnAmount(text))
        guard let value = decimal(withoutSeparators: body) else {
            if body.hasPrefix("-") { return .failure(Problem(.negativeAmount(text))) }
            return .failure(problem)
        }
        let amount = value * factor
        guard amount < 1e15 else { return .failure(Problem(.amountTooLarge(text))) }
        return .success((amount * 100).rounded() / 100)
    }

    /// A whole number: `500`, `1,000`, `500人`.
    public static func count(_ text: String) -> Result<Int, Problem> {
        var body = text.trimmingSpreadsheetSpaces
        if body.hasSuffix("人") { body = String(body.dropLast()).trimmingSpreadsheetSpaces }
        guard let value = decimal(withoutSeparators: body), value.rounded() == value, value < 1e15 else {
            return .failure(Problem(.notAWholeNumber(text)))
        }
        return .success(Int(value))
    }

    /// Digits with an optional decimal point, after removing thousands separators; nil otherwise.
    public static func decimal(withoutSeparators text: String) -> Double? {
        var digits = ""
        var sawPoint = false
        var sawDigit = false
        for scalar in text.unicodeScalars {
            if scalar == "," || scalar == "，" || scalar == " " { continue }
            if let digit = digitValue(scalar) {
                digits.unicodeScalars.append(Unicode.Scalar(UInt8(0x30 + digit)))
                sawDigit = true
            } else if scalar == "." && !sawPoint {
                digits += "."
                sawPoint = true
            } else {
                return nil
            }
        }
        guard sawDigit, !digits.hasSuffix(".") || digits.count > 1 else { return nil }
        return Double(digits)
    }

    // MARK: - Vocabulary

    /// `A`, `a`, `A级`, `A级(高意向)`, `高意向`, `中意向`, `低意向`.
    public static func intent(_ text: String) -> Result<Intent, Problem> {
        let key = LeadField.normalizedHeader(text).uppercased()
        if let intent = Intent(text: key) { return .success(intent) }
        switch key {
        case "高意向": return .success(.A)
        case "中意向": return .success(.B)
        case "低意向": return .success(.C)
        default:
            return .failure(Problem(.unknownIntent(text)))
        }
    }

    // MARK: - Contact details

    /// A phone number as written (trimmed): digits with spaces, dashes, brackets and a `+`.
    public static func phone(_ text: String) -> Result<String, Problem> { phone(text, inContact: false) }

    /// `inContact`: the part of a 联系方式 cell that is not an email, which may have been meant as either.
    static func phone(_ text: String, inContact: Bool) -> Result<String, Problem> {
        let value = text.trimmingSpreadsheetSpaces
        let scalars = value.unicodeScalars
        if scalars.contains(where: { $0 == "E" || $0 == "e" }), scalars.contains("+"),
           scalars.allSatisfy({ digitValue($0) != nil || $0 == "." || $0 == "E" || $0 == "e" || $0 == "+" }) {
            return .failure(Problem(inContact ? .contactAsNumber(text) : .phoneAsNumber(text)))
        }
        var digits = 0
        for scalar in scalars {
            if digitValue(scalar) != nil { digits += 1; continue }
            if " -+()（）－＋".unicodeScalars.contains(scalar) { continue }
            return .failure(Problem(inContact ? .neitherPhoneNorEmail(text) : .notAPhone(text)))
        }
        guard digits >= 5 && digits <= 20 else {
            return .failure(Problem(inContact ? .neitherPhoneNorEmail(text, digits: digits) : .phoneDigits(text, digits)))
        }
        return .success(value)
    }

    public static func email(_ text: String) -> Result<String, Problem> {
        let value = text.trimmingSpreadsheetSpaces
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !value.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0 == "," || $0 == "，" })
        else {
            return .failure(Problem(.notAnEmail(text)))
        }
        return .success(value)
    }

    public struct ContactInfo: Equatable, Sendable {
        public var phone: String?
        public var email: String?
        public var wechat: String?
    }

    /// 联系方式: a phone number, an email, or both (and a WeChat id written `微信: id`),
    /// separated by `/`, `、`, `,`, `;`, a line break or spaces around an email.
    public static func contactInfo(_ text: String) -> Result<ContactInfo, Problem> {
        var info = ContactInfo()
        var parts: [(label: String?, value: String)] = []
        for part in text.split(whereSeparator: { "/、,，;；\n\r".contains($0) }) {
            var value = String(part).trimmingSpreadsheetSpaces
            if value.isEmpty { continue }
            var label: String?
            for prefix in ["电话", "手机", "座机", "邮箱", "微信", "tel", "phone", "email", "wechat"] where value.lowercased().hasPrefix(prefix) {
                let rest = value.dropFirst(prefix.count).drop { $0 == ":" || $0 == "：" || $0 == " " }
                if rest.count < value.count - prefix.count {
                    label = prefix
                    value = String(rest)
                    break
                }
            }
            if label != "微信" && label != "wechat" && value.contains("@") && value.contains(" ") {
                // `138 0000 0001 zhang@example.com`: the email, and the rest as one part.
                let words = value.split(separator: " ")
                parts += words.filter { $0.contains("@") }.map { (nil, String($0)) }
                let rest = words.filter { !$0.contains("@") }.joined(separator: " ")
                if !rest.isEmpty { parts.append((nil, rest)) }
            } else {
                parts.append((label, value))
            }
        }
        for (label, value) in parts {
            if label == "微信" || label == "wechat" {
                guard info.wechat == nil else { return .failure(Problem(.severalWechatIds(text))) }
                info.wechat = value
            } else if value.contains("@") {
                guard info.email == nil else { return .failure(Problem(.severalEmails(text))) }
                switch email(value) {
                case .success(let address): info.email = address
                case .failure(let problem): return .failure(problem)
                }
            } else {
                guard info.phone == nil else { return .failure(Problem(.severalPhones(text))) }
                switch phone(value, inContact: true) {
                case .success(let number): info.phone = number
                case .failure(let problem): return .failure(problem)
                }
            }
        }
        return .success(info)
    }

    public static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        if scalar.value >= 0x30 && scalar.value <= 0x39 { return Int(scalar.value - 0x30) }
        if scalar.value >= 0xFF10 && scalar.value <= 0xFF19 { return Int(scalar.value - 0xFF10) }
        return nil
    }
}

extension Wording where Of == SpreadsheetValue {
    public static func notADate(_ text: String) -> Self {
        Self("`\(text)` is not a date", "`\(text)` 不是日期",
             hint: Phrase("write it like 2024-03-01, 2024/3/1 or 2024-03-01 09:30", "请写成 2024-03-01、2024/3/1 或 2024-03-01 09:30 这样"))
    }

    public static func numberForDate(_ text: String) -> Self {
        Self("`\(text)` is a number, not a date (Excel writes dates as numbers in General format)",
             "`\(text)` 是数字，不是日期（单元格格式为“常规”时，Excel 会把日期写成数字）",
             hint: Phrase("format the column as a date (yyyy-mm-dd) in Excel and export again",
                          "请在 Excel 里把这一列设为日期格式（yyyy-mm-dd），再重新导出"))
    }

    public static func noSuchDate(_ text: String) -> Self {
        Self("\(text) is not a date that exists", "\(text) 这个日期不存在", hint: Phrase("check the month and day", "请检查月份和日期"))
    }
    public static func noSuchTime(_ text: String) -> Self {
        Self("\(text) is not a time that exists", "\(text) 这个时间不存在", hint: Phrase("times run from 00:00 to 23:59", "时间从 00:00 到 23:59"))
    }

    public static func timeForDate(_ text: String) -> Self {
        Self("`\(text)` has a time; a date is expected", "`\(text)` 带了时间，这里只要日期",
             hint: Phrase("write the date alone, like 2024-04-01", "只写日期，例如 2024-04-01"))
    }

    public static func notAnAmount(_ text: String) -> Self {
        Self("`\(text)` is not an amount", "`\(text)` 不是金额",
             hint: Phrase("write digits, like 200000, 200,000 or 20万", "请写数字，例如 200000、200,000 或 20万"))
    }
    public static func negativeAmount(_ text: String) -> Self {
        Self("`\(text)` is negative", "`\(text)` 是负数", hint: Phrase("amounts are 0 or more", "金额不能小于 0"))
    }

    public static func amountTooLarge(_ text: String) -> Self {
        Self("`\(text)` is too large", "`\(text)` 太大了",
             hint: Phrase("amounts are at most 15 digits before the decimal point", "金额的整数部分最多 15 位"))
    }

    public static func notAWholeNumber(_ text: String) -> Self {
        Self("`\(text)` is not a whole number", "`\(text)` 不是整数", hint: Phrase("write digits, like 500", "请写数字，例如 500"))
    }

    public static func unknownIntent(_ text: String) -> Self {
        Self("unknown intent `\(text)`", "无法识别的初步意向等级 `\(text)`",
             hint: Phrase("write A, B or C (A级, B级, C级 and 高意向, 中意向, 低意向 work too)",
                          "请写 A、B 或 C（也可以写 A级、B级、C级 或 高意向、中意向、低意向）"))
    }

    public static func phoneAsNumber(_ text: String) -> Self {
        Self("`\(text)` is a phone number Excel turned into a number", "`\(text)` 是被 Excel 转成数字的电话号码",
             hint: Phrase("format the column as Text in Excel, type the numbers again and export again",
                          "请在 Excel 里把这一列设为“文本”格式，重新输入号码后再导出"))
    }

    /// The same, in a workbook: it is saved, not exported.
    public static func phoneAsNumberInWorkbook(_ text: String) -> Self {
        Self("`\(text)` is a phone number Excel turned into a number", "`\(text)` 是被 Excel 转成数字的电话号码",
             hint: Phrase("format the column as Text in Excel, type the numbers again and save the workbook again",
                          "请在 Excel 里把这一列设为“文本”格式，重新输入号码后再保存"))
    }

    public static func notAPhone(_ text: String) -> Self {
        Self("`\(text)` is not a phone number", "`\(text)` 不是电话号码",
             hint: Phrase("write digits, with spaces or dashes if you like: 138-0000-0001", "请写数字，可以用空格或短横线分隔：138-0000-0001"))
    }

    public static func phoneDigits(_ text: String, _ digits: Int) -> Self {
        Self("`\(text)` is not a phone number (\(digits) digits)", "`\(text)` 不是电话号码（\(digits) 位数字）",
             hint: Phrase("a phone number has 5 to 20 digits", "电话号码应有 5 到 20 位数字"))
    }

    // A part of 联系方式 that is not an email and not a phone number either.
    private static let phoneOrEmail = Phrase("write a phone number and/or an email, like 138-0000-0001 / zhang@example.com",
                                             "请写电话号码和（或）邮箱，例如 138-0000-0001 / zhang@example.com")

    public static func neitherPhoneNorEmail(_ text: String) -> Self {
        Self("`\(text)` is neither a phone number nor an email", "`\(text)` 既不是电话号码也不是邮箱", hint: phoneOrEmail)
    }

    public static func neitherPhoneNorEmail(_ text: String, digits: Int) -> Self {
        Self("`\(text)` is neither a phone number nor an email (\(digits) digits)",
             "`\(text)` 既不是电话号码也不是邮箱（\(digits) 位数字）", hint: phoneOrEmail)
    }

    public static func contactAsNumber(_ text: String) -> Self {
        Self("`\(text)` is a phone number Excel turned into a number", "`\(text)` 是被 Excel 转成数字的电话号码", hint: phoneOrEmail)
    }

    public static func notAnEmail(_ text: String) -> Self {
        Self("`\(text)` is not an email address", "`\(text)` 不是邮箱地址",
             hint: Phrase("write it like zhang.wei@example.com", "请写成 zhang.wei@example.com 这样"))
    }

    private static let oneContact = Phrase("put the others in another row with the same company (it is merged) or in 备注",
                                           "其余的请写到同一企业的另一行（导入时会合并），或写进备注")
    public static func severalWechatIds(_ text: String) -> Self {
        Self("`\(text)` has several WeChat ids; a contact has one", "`\(text)` 有多个微信号；一位联系人只能有一个", hint: oneContact)
    }
    public static func severalEmails(_ text: String) -> Self {
        Self("`\(text)` has several emails; a contact has one", "`\(text)` 有多个邮箱；一位联系人只能有一个", hint: oneContact)
    }
    public static func severalPhones(_ text: String) -> Self {
        Self("`\(text)` has several phone numbers; a contact has one", "`\(text)` 有多个电话号码；一位联系人只能有一个", hint: oneContact)
    }
}

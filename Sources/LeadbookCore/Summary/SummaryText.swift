import LeadbookText

/// How the summary writes its figures and words: rounding happens here and only here (for
/// display), an empty figure is "-", and labels follow leadbook.yml `language`.
public struct SummaryText: Sendable {
    public let chinese: Bool

    public init(_ language: Configuration.Language) {
        chinese = language == .zhCN
    }

    /// The English or the Chinese words.
    public func callAsFunction(_ english: String, _ simplified: String) -> String {
        chinese ? simplified : english
    }

    public static let empty = "-"

    /// `33.3%` (rounded half up to a tenth), or `-`.
    public static func percent(_ ratio: Ratio) -> String {
        ratio.tenthsOfPercent.map(tenths) ?? empty
    }

    /// The mean of shares as `33.3%`, or `-`.
    public static func percent(_ mean: MeanOfRatios) -> String {
        mean.tenthsOfPercent.map(tenths) ?? empty
    }

    /// Tenths of a percent as `33.3%`.
    public static func tenths(_ value: Int) -> String {
        (value < 0 ? "-" : "") + String(abs(value) / 10) + "." + String(abs(value) % 10) + "%"
    }

    /// `25.0%  (2/8)`.
    public static func percentWithCounts(_ ratio: Ratio) -> String {
        ratio.isEmpty ? empty : percent(ratio) + " (\(ratio.numerator)/\(ratio.denominator))"
    }

    /// An amount in fen as CNY: `198,000`, `150,000.50`.
    public static func money(cents: Int) -> String {
        money(MoneyTotal(cents))
    }

    /// A sum of amounts, exact at any size: `930,000,000,000,000,000.00` has no limit.
    /// Digits with a comma before each group of three from the right: `1234567` as `1,234,567`.
    public static func grouped(digits: String) -> String {
        var digits = digits, shown = ""
        while digits.count > 3 { shown = "," + digits.suffix(3) + shown; digits.removeLast(3) }
        return digits + shown
    }

    public static func money(_ total: MoneyTotal) -> String {
        let all = total.digits
        let padded = all.count < 3 ? String(repeating: "0", count: 3 - all.count) + all : all
        let fen = String(padded.suffix(2))
        var grouped = grouped(digits: String(padded.dropLast(2)))
        if fen != "00" { grouped += "." + fen }
        return (total.isNegative ? "-" : "") + grouped
    }

    /// The average of an amount ratio (fen per customer), rounded half up to the fen.
    public static func averageMoney(_ ratio: Ratio) -> String {
        ratio.isEmpty ? empty : money(cents: Ratio.roundedHalfUp(ratio.numerator, ratio.denominator))
    }

    /// An average amount (`ResultRow.averageDeal`); `-` for none.
    public static func averageMoney(_ average: MoneyTotal?) -> String {
        average.map(money) ?? empty
    }

    /// A number with one decimal, rounded half up: 61/2 -> `30.5`; whole numbers without decimals.
    public static func decimal(_ numerator: Int, _ denominator: Int) -> String {
        let tenths = Ratio.roundedHalfUp(numerator * 10, denominator)
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return sign + String(magnitude / 10) + (magnitude % 10 == 0 ? "" : "." + String(magnitude % 10))
    }

    /// Days: the median (exact, halves shown) or the mean (one decimal).
    public static func days(median distribution: Distribution) -> String {
        distribution.medianTimesTwo.map { decimal($0, 2) } ?? empty
    }

    public static func days(mean distribution: Distribution) -> String {
        distribution.count == 0 ? empty : decimal(distribution.sum, distribution.count)
    }

    /// A mean satisfaction (1 to 5) with one decimal always, so a column of them lines up:
    /// `4.5 (2)`, `4.0 (1)`; `-` for none.
    public static func satisfaction(_ distribution: Distribution, count: Bool = true) -> String {
        guard distribution.count > 0 else { return empty }
        let tenths = Ratio.roundedHalfUp(distribution.sum * 10, distribution.count)
        return "\(tenths / 10).\(tenths % 10)" + (count ? " (\(distribution.count))" : "")
    }

    /// Whole minutes as `45 min` or `2 h 05 min` (`45分钟`, `2小时05分钟`).
    public func duration(minutes: Int) -> String {
        if minutes < 60 { return self("\(minutes) min", "\(minutes)分钟") }
        let rest = LocalDate.pad(minutes % 60, 2)
        return self("\(minutes / 60) h \(rest) min", "\(minutes / 60)小时\(rest)分钟")
    }

    /// Twice a number of minutes (an exact median), rounded half up to the minute.
    public func duration(minutesTimesTwo value: Int?) -> String {
        guard let value else { return Self.empty }
        return duration(minutes: Ratio.roundedHalfUp(value, 2))
    }

    /// The mean (the exact sum over the count that JSON shows), rounded half up to the minute
    /// once: 463.29 minutes is `7 h 43 min`, never rounded to a half minute first.
    public func duration(meanOf distribution: Distribution) -> String {
        distribution.count == 0 ? Self.empty : duration(minutes: Ratio.roundedHalfUp(distribution.sum, distribution.count))
    }

    // MARK: Names of things

    public func status(_ status: Status) -> String {
        chinese ? status.label : status.rawValue
    }

    public func source(_ source: String) -> String {
        chinese ? (Configuration.sourceLabels[source] ?? source) : source
    }

    public func feedbackType(_ type: FeedbackType?) -> String {
        guard let type else { return self("(no type)", "（未分类）") }
        return chinese ? type.label : type.rawValue
    }

    public func cut(_ cut: PipelineSummary.Cut) -> String {
        switch cut {
        case .source: return self("source", "来源渠道")
        case .grade: return self("grade", "线索等级")
        case .owner: return self("owner", "负责人")
        case .group: return self("team", "团队")
        case .region: return self("region", "区域")
        case .industry: return self("industry", "行业")
        }
    }

    /// A row of a cut.
    public func key(_ key: PipelineSummary.Key, _ cut: PipelineSummary.Cut) -> String {
        switch key {
        case .value(let text): return cut == .source ? source(text) : text
        case .unassigned: return self("(unassigned)", "（未分配）")
        case .none:
            switch cut {
            case .source: return self("(unknown source)", "（来源不明）")
            case .grade: return self("(ungraded)", "（未分级）")
            case .owner: return self("(unassigned)", "（未分配）")
            case .group: return self("(no team)", "（无团队）")
            case .region: return self("(no region)", "（未填区域）")
            case .industry: return self("(no industry)", "（未填行业）")
            }
        }
    }

    public func keyField(_ field: String) -> String {
        guard let keyField = CustomerField.keyFields.first(where: { $0.name == field }) else { return field }
        return self(keyField.english, keyField.chinese)
    }

    public func yesNo(_ value: Bool?) -> String {
        guard let value else { return Self.empty }
        return value ? self("yes", "是") : self("no", "否")
    }

    public func movement(_ kind: PipelineMovement.Kind) -> String {
        switch kind {
        case .new: return self("new", "新增")
        case .advanced: return self("advanced", "推进")
        case .movedBack: return self("moved back", "回退")
        case .won: return self("won", "成交")
        case .lost: return self("lost", "流失")
        case .stalled: return self("stalled (no entry since)", "停滞（此后无跟进记录）")
        case .removed: return self("removed or merged", "删除或合并")
        }
    }
}

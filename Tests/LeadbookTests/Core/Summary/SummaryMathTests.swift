import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Exact shares, rounding for display only, medians and percentiles, and the mean of the teams'
/// rates used by the team check.
final class SummaryMathTests: XCTestCase {
    func testAnEmptyShareIsDashNotADivisionByZero() {
        let empty = Ratio(0, 0)
        XCTAssertTrue(empty.isEmpty)
        XCTAssertNil(empty.value)
        XCTAssertNil(empty.tenthsOfPercent)
        XCTAssertEqual(SummaryText.percent(empty), "-")
        XCTAssertEqual(SummaryText.percentWithCounts(empty), "-")
        XCTAssertEqual(SummaryText.averageMoney(empty), "-")
        XCTAssertNil(empty.isGreater(than: Ratio(1, 2)))
        XCTAssertNil(Ratio(1, 2).isGreater(than: empty))
    }

    func testPercentagesAreRoundedHalfUpForDisplayOnly() {
        XCTAssertEqual(SummaryText.percent(Ratio(1, 3)), "33.3%")
        XCTAssertEqual(SummaryText.percent(Ratio(2, 3)), "66.7%")
        // 1/8 = 12.5% exactly; 1/16 = 6.25% rounds half up to 6.3%.
        XCTAssertEqual(SummaryText.percent(Ratio(1, 8)), "12.5%")
        XCTAssertEqual(SummaryText.percent(Ratio(1, 16)), "6.3%")
        XCTAssertEqual(SummaryText.percent(Ratio(0, 5)), "0.0%")
        XCTAssertEqual(SummaryText.percent(Ratio(5, 5)), "100.0%")
        // The toolkit's examples: trade show 15% vs website 8%.
        XCTAssertEqual(SummaryText.percent(Ratio(3, 20)), "15.0%")
        XCTAssertEqual(SummaryText.percent(Ratio(2, 25)), "8.0%")
        XCTAssertEqual(SummaryText.percentWithCounts(Ratio(1, 4)), "25.0% (1/4)")
        // The value itself is not rounded.
        XCTAssertEqual(Ratio(1, 3).value!, 1.0 / 3.0)
    }

    func testSharesCompareExactly() {
        // 1/3 and 2/6 are equal; floating point would also say so, but 10/30 vs 1/3 must too.
        XCTAssertEqual(Ratio(1, 3).compare(Ratio(10, 30)), 0)
        XCTAssertEqual(Ratio(1, 3).isGreater(than: Ratio(10, 30)), false)
        XCTAssertEqual(Ratio(34, 100).isGreater(than: Ratio(1, 3)), true)
        XCTAssertEqual(Ratio(1, 3).compare(Ratio(34, 100)), -1)
    }

    func testMoneyFromFenIsExact() {
        XCTAssertEqual(SummaryText.money(cents: 19_800_000), "198,000")
        XCTAssertEqual(SummaryText.money(cents: 15_000_050), "150,000.50")
        XCTAssertEqual(SummaryText.money(cents: 7), "0.07")
        XCTAssertEqual(SummaryText.money(cents: 0), "0")
        XCTAssertEqual(SummaryText.money(cents: 123_456_789_012), "1,234,567,890.12")
        XCTAssertEqual(Money.format(198_000), "198,000")
        XCTAssertEqual(Money.format(150_000.5), "150,000.50")
        XCTAssertEqual(Money.format(1.999), "2")
        XCTAssertEqual(Money.format(999.996), "1,000")
        XCTAssertEqual(Money.format(0.07), "0.07")
        XCTAssertEqual(Money.format(999_999_999_999_999), "999,999,999,999,999")
        // 0.1 + 0.2 in fen: 30, never 30.000000000000004.
        XCTAssertEqual((SummaryRecord.cents(0.1) ?? 0) + (SummaryRecord.cents(0.2) ?? 0), 30)
        XCTAssertEqual(SummaryRecord.cents(150000.5), 15_000_050)
        XCTAssertEqual(SummaryRecord.cents(99.999), 10_000)
        // The average deal: 1,050,000.50 over 3 = 350,000.1666... shown to the fen.
        XCTAssertEqual(SummaryText.averageMoney(Ratio(105_000_050, 3)), "350,000.17")
    }

    func testDecimalsAndDurations() {
        XCTAssertEqual(SummaryText.decimal(61, 2), "30.5")
        XCTAssertEqual(SummaryText.decimal(97, 3), "32.3")
        XCTAssertEqual(SummaryText.decimal(60, 2), "30")
        XCTAssertEqual(SummaryText.decimal(2, 3), "0.7")
        let english = SummaryText(.en), chinese = SummaryText(.zhCN)
        XCTAssertEqual(english.duration(minutesTimesTwo: 80), "40 min")
        XCTAssertEqual(english.duration(minutesTimesTwo: 81), "41 min")  // 40.5 rounds half up
        XCTAssertEqual(english.duration(minutesTimesTwo: 250), "2 h 05 min")
        XCTAssertEqual(chinese.duration(minutesTimesTwo: 250), "2小时05分钟")
        XCTAssertEqual(english.duration(minutesTimesTwo: nil), "-")
        XCTAssertEqual(english.duration(meanOf: Distribution([])), "-")
        XCTAssertEqual(english.duration(meanOf: Distribution([30, 30, 1020])), "6 h 00 min")
        // 1390 / 3 = 463.33 minutes: the minute it rounds to, not the half minute first (463.5 -> 464).
        XCTAssertEqual(english.duration(meanOf: Distribution([463, 463, 464])), "7 h 43 min")
        XCTAssertEqual(chinese.duration(meanOf: Distribution([463, 463, 464])), "7小时43分钟")
        XCTAssertEqual(english.duration(meanOf: Distribution([1, 2])), "2 min")  // 1.5 rounds half up
    }

    func testMedianAndNinetiethPercentile() {
        let odd = Distribution([90, 30, 40, 30, 1020])
        XCTAssertEqual(odd.count, 5)
        XCTAssertEqual(odd.median, 40)
        // Nearest rank: ceil(0.9 * 5) = 5th smallest.
        XCTAssertEqual(odd.percentile90, 1020)
        XCTAssertEqual(odd.sum, 1210)
        let even = Distribution([29, 38, 30, 31])
        XCTAssertEqual(even.median, 30.5)
        XCTAssertEqual(SummaryText.days(median: even), "30.5")
        XCTAssertEqual(SummaryText.days(mean: even), "32")
        // ceil(0.9 * 10) = 9th smallest of 1...10.
        XCTAssertEqual(Distribution(Array(1...10)).percentile90, 9)
        XCTAssertEqual(Distribution(Array(1...11)).percentile90, 10)
        XCTAssertEqual(Distribution([7]).percentile90, 7)
        let none = Distribution([])
        XCTAssertNil(none.median)
        XCTAssertNil(none.percentile90)
        XCTAssertEqual(SummaryText.days(median: none), "-")
        XCTAssertEqual(SummaryText.days(mean: none), "-")
    }

    func testTheMeanOfTheTeamsRatesAndTheTwentyPercentLine() {
        // Teams at 50%, 30% and 10%: mean 30%; 80% of it is 24%.
        let mean = MeanOfRatios([Ratio(1, 2), Ratio(3, 10), Ratio(1, 10)])
        XCTAssertEqual(mean.count, 3)
        XCTAssertEqual(mean.exactSum, Fraction(9, 10))
        XCTAssertEqual(mean.tenthsOfPercent, 300)
        XCTAssertEqual(mean.isBelow(Ratio(1, 10), byMoreThanPercent: 20), true)
        XCTAssertEqual(mean.isBelow(Ratio(3, 10), byMoreThanPercent: 20), false)
        // Exactly 20% below (24% of a 30% mean) is not more than 20% below.
        XCTAssertEqual(mean.isBelow(Ratio(6, 25), byMoreThanPercent: 20), false)
        XCTAssertEqual(mean.isBelow(Ratio(239, 1000), byMoreThanPercent: 20), true)
        // Teams without leads are not in the mean and cannot be below it.
        let withEmpty = MeanOfRatios([Ratio(1, 2), Ratio(0, 0)])
        XCTAssertEqual(withEmpty.count, 1)
        XCTAssertNil(withEmpty.isBelow(Ratio(0, 0), byMoreThanPercent: 20))
        // A mean of 0 has no one below it.
        XCTAssertEqual(MeanOfRatios([Ratio(0, 3), Ratio(0, 2)]).isBelow(Ratio(0, 3), byMoreThanPercent: 20), false)
        XCTAssertNil(MeanOfRatios([]).tenthsOfPercent)
    }

    func testHugeDenominatorsFallBackToFloatingPoint() {
        // Pairwise coprime denominators near 2^31 overflow a 64-bit common denominator.
        let ratios = [Ratio(1, 2_147_483_647), Ratio(1, 2_147_483_629), Ratio(1, 2_147_483_587)]
        let mean = MeanOfRatios(ratios)
        XCTAssertNil(mean.exactSum)
        XCTAssertNotNil(mean.value)
        XCTAssertEqual(mean.tenthsOfPercent, 0)
        XCTAssertEqual(mean.isBelow(Ratio(0, 5), byMoreThanPercent: 20), true)
    }
}

extension SummaryMathTests {
    /// leadbook.yml `team_check.below_percent` moves the line: 50% below a 30% mean is under 15%.
    func testAnotherPercentage() {
        let mean = MeanOfRatios([Ratio(1, 2), Ratio(3, 10), Ratio(1, 10)])
        XCTAssertEqual(mean.isBelow(Ratio(3, 20), byMoreThanPercent: 50), false)
        XCTAssertEqual(mean.isBelow(Ratio(1, 10), byMoreThanPercent: 50), true)
        XCTAssertEqual(mean.isBelow(Ratio(29, 100), byMoreThanPercent: 0), true)
        XCTAssertEqual(mean.isBelow(Ratio(0, 10), byMoreThanPercent: 100), false)
    }
}

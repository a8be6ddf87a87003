import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-source: a source is one of leadbook.yml `sources` (English value or Chinese label).
final class UnknownSourceTests: XCTestCase {
    func testDefaultSourcesAndTheirChineseLabelsAreClean() {
        for source in Configuration.defaultSources + ["展会", "官网表单", "官网", "推荐", "陌生拜访"] {
            let result = RuleFixture.read(RuleFixture.customer(set: ["source: \(source)"]))
            RuleAssert.clean(result.findings.diagnostics)
            XCTAssertNotNil(result.customer?.source, source)
        }
    }

    func testMisspelledSourceSuggestsTheRightOne() {
        let text = RuleFixture.customer(set: ["source: webiste"])
        RuleAssert.one(RuleFixture.diagnostics(text), "unknown-source", at: (4, 9), says: "unknown source `webiste`",
                       hint: "did you mean `website`? sources are: exhibition (展会), website (官网表单), referral (推荐), social (社交媒体), partner (合作伙伴), cold-call (电话陌拜), other (其他) (leadbook.yml `sources`)")
    }

    func testSourceNotInTheConfiguredList() {
        let (configuration, configurationDiagnostics) = RuleFixture.configuration("sources: [exhibition, website, 抖音]\n")
        RuleAssert.clean(configurationDiagnostics)
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.customer(set: ["source: 抖音"]), configuration: configuration))
        let text = RuleFixture.customer(set: ["source: referral"])
        RuleAssert.only(RuleFixture.diagnostics(text, configuration: configuration), "unknown-source", at: (4, 9),
                        message: ["`referral`"], hint: ["exhibition (展会), website (官网表单), 抖音"])
    }

    func testUnknownSourceInTheSourcesList() {
        let text = RuleFixture.customer(adding: ["sources:", "  - {source: 展销会, date: 2024-03-02}"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-source", at: (9, 14), message: ["`展销会`"])
    }

    /// An imported row's source is refused in the words of `check`.
    func testAnImportedRowHasTheWordsOfCheck() {
        let message = UnknownSource.Message.unknown("微博", Configuration())
        XCTAssertEqual(message.text, "unknown source `微博`")
        XCTAssertEqual(message.hint, "sources are: exhibition (展会), website (官网表单), referral (推荐), social (社交媒体), partner (合作伙伴), cold-call (电话陌拜), other (其他) (leadbook.yml `sources`)")
        let text = RuleFixture.customer(set: ["source: 微博"])
        RuleAssert.one(RuleFixture.diagnostics(text), "unknown-source", at: (4, 9), says: message.text, hint: message.hint)
    }
}

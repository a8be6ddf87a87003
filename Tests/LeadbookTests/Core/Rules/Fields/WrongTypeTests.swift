import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// wrong-type: a value's type comes from its field, never from how it looks.
final class WrongTypeTests: XCTestCase {
    func testTypesComeFromTheFieldNotTheLooks() {
        let text = RuleFixture.customer(adding: [
            "employees: \"500\"",
            "revenue: '120000000.5'",
            "region: NO",
            "industry: 2024",
            "tags: []",
            "contacts:",
            "  - name: 张伟",
            "    phone: 013800000001",
            "    wechat: true",
        ])
        let result = RuleFixture.read(text)
        // No wrong-type: only the warnings that other YAML tools would read the text differently.
        RuleAssert.rules(result.findings.diagnostics, [("ambiguous-scalar", 10, 9), ("ambiguous-scalar", 11, 11),
                                                       ("ambiguous-scalar", 15, 12), ("ambiguous-scalar", 16, 13)])
        XCTAssertEqual(result.customer?.employees, 500)
        XCTAssertEqual(result.customer?.revenue, 120000000.5)
        XCTAssertEqual(result.customer?.region, "NO")
        XCTAssertEqual(result.customer?.industry, "2024")
        XCTAssertEqual(result.customer?.tags, [])
        XCTAssertEqual(result.customer?.contacts.first?.phone, "013800000001")
        XCTAssertEqual(result.customer?.contacts.first?.wechat, "true")
    }

    func testChineseNumeralIsNotAWholeNumber() {
        let text = RuleFixture.customer(adding: ["employees: 五百"])
        RuleAssert.one(RuleFixture.diagnostics(text), "wrong-type", at: (8, 12), says: "`employees` must be a whole number, not `五百`",
                       hint: "write it like `employees: 500`")
    }

    func testTextWhereAListIsExpected() {
        let text = RuleFixture.customer(adding: ["tags: 不是列表"])
        RuleAssert.only(RuleFixture.diagnostics(text), "wrong-type", at: (8, 7),
                        message: ["`tags` must be a list", "`不是列表`"], hint: ["[first, second]"])
    }

    func testThousandsSeparatorsAreNamed() {
        let text = RuleFixture.customer(adding: ["budget: 200,000", "employees: 1_200"])
        let diagnostics = RuleFixture.diagnostics(text)
        RuleAssert.rules(diagnostics, [("wrong-type", 8, 9), ("wrong-type", 9, 12)])
        XCTAssertEqual(diagnostics.map(\.message), ["`budget` must be a number without separators, not `200,000`",
                                                    "`employees` must be a whole number without separators, not `1_200`"])
        XCTAssertEqual(diagnostics.map(\.hint), ["write the digits only: `budget: 200000`", "write the digits only: `employees: 1200`"])
    }

    func testDecimalWhereAWholeNumberIsExpected() {
        let text = RuleFixture.customer(adding: ["employees: 500.5"])
        RuleAssert.only(RuleFixture.diagnostics(text), "wrong-type", at: (8, 12), message: ["whole number"])
    }

    func testListWhereTextIsExpected() {
        let text = RuleFixture.customer(set: ["name: [华东云, 华东云科技]"])
        RuleAssert.only(RuleFixture.diagnostics(text), "wrong-type", at: (3, 7), message: ["`name` must be text, not a list"])
    }

    func testMapWhereAListOfContactsIsExpected() {
        let text = RuleFixture.customer(adding: ["contacts:", "  name: 张伟"])
        RuleAssert.only(RuleFixture.diagnostics(text), "wrong-type", at: (9, 3), message: ["`contacts` must be a list", "a map"])
    }

    func testTextWhereAScoreMapIsExpected() {
        let text = RuleFixture.customer(adding: ["score: 90"])
        RuleAssert.only(RuleFixture.diagnostics(text), "wrong-type", at: (8, 8), message: ["`score` must be a map", "`90`"])
    }

    func testNumberInWordsForBudget() {
        let text = RuleFixture.customer(adding: ["budget: 20万"])
        RuleAssert.only(RuleFixture.diagnostics(text), "wrong-type", at: (8, 9), message: ["`budget` must be a number", "`20万`"])
    }

    // MARK: leadbook.yml

    func testSettingsOfTheirFormsAreClean() {
        let (configuration, diagnostics) = RuleFixture.configuration("""
            language: en
            timezone: "+08:00"
            id_prefix: HD
            customers: clients
            index: docs/INDEX.md
            index_pii: yes

            """)
        RuleAssert.clean(diagnostics)
        XCTAssertEqual(configuration.idPrefix, "HD")
        XCTAssertEqual(configuration.customersFolder, "clients")
        XCTAssertTrue(configuration.indexPII)
    }

    func testSettingsOfTheWrongForm() {
        let (_, diagnostics) = RuleFixture.configuration("""
            language: 中文
            timezone: 北京时间
            id_prefix: 华东
            customers: ../clients
            summary: /tmp/PIPELINE.md
            index_pii: 可以

            """)
        RuleAssert.rules(diagnostics, [("wrong-type", 1, 11), ("wrong-type", 2, 11), ("wrong-type", 3, 12),
                                       ("wrong-type", 4, 12), ("wrong-type", 5, 10), ("wrong-type", 6, 12)])
        XCTAssertEqual(diagnostics.map(\.message), [
            "`language` must be zh-CN or en, not `中文`",
            "`timezone` must be an offset such as +08:00, not `北京时间`",
            "`id_prefix` must be ASCII letters, not `华东`",
            "`customers` must be a folder inside the workspace, not `../clients`",
            "`summary` must be a file inside the workspace, not `/tmp/PIPELINE.md`",
            "`index_pii` must be true or false, not `可以`",
        ])
        XCTAssertEqual(diagnostics[3].hint, "write a relative path without `..`, for example `customers: customers`")
        XCTAssertEqual(diagnostics[4].hint, "write a relative path without `..`, for example `summary: PIPELINE.md`")
    }

    /// A committed leadbook.yml cannot make leadbook write into git's own folder: the index
    /// written over `.git/hooks/post-merge` (which keeps its mode, so git would run it) or
    /// `.git/config`, customer files under `.git`.
    func testNoPathInsideGitsOwnFolder() {
        for (yaml, field) in [("index: .git/hooks/post-merge", "index"), ("customers: .git", "customers"), ("summary: .GIT/config", "summary"),
                              ("index: docs/.git./x.md", "index"), ("customers: a\\.git\\hooks", "customers")] {
            let (configuration, diagnostics) = RuleFixture.configuration(yaml + "\n")
            RuleAssert.rules(diagnostics, [("wrong-type", 1, field.count + 3)])
            XCTAssertEqual(diagnostics.first?.message.hasPrefix("`\(field)` must not be inside .git"), true, RuleFixture.describe(diagnostics))
            XCTAssertEqual([configuration.indexFile, configuration.customersFolder, configuration.summaryFile], ["INDEX.md", "customers", Configuration().summaryFile], yaml)
        }
        XCTAssertTrue(RuleFixture.configuration("index: docs/.github/INDEX.md\ncustomers: my.git\n").1.isEmpty, "names that only look alike")
    }

    func testAnIndexFileInsideTheCustomersFolder() {
        let (_, diagnostics) = RuleFixture.configuration("customers: customers\nindex: customers/INDEX.md\n")
        RuleAssert.one(diagnostics, "wrong-type", at: (2, 8),
                       says: "the index file customers/INDEX.md is inside the customers folder, where it would be read as a customer; set `index:` in leadbook.yml to a path outside `customers/`",
                       hint: "write `index: INDEX.md`", path: "leadbook.yml")
        let (_, configurationItself) = RuleFixture.configuration("index: leadbook.yml\n")
        RuleAssert.one(configurationItself, "wrong-type", at: (1, 8),
                       says: "the index file cannot be leadbook.yml; set `index:` in leadbook.yml to a Markdown file such as INDEX.md",
                       hint: "write `index: INDEX.md`")
    }
}

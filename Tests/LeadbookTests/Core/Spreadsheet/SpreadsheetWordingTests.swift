import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Every problem and note of a sheet, its rows and what import and export say, in both
/// languages: the Chinese is written (a CJK character in it, not the English again).
final class SpreadsheetWordingTests: XCTestCase {
    /// True when `text` holds a CJK ideograph.
    func chinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    func assertTranslated(_ phrase: Phrase, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(phrase.en.isEmpty, "\(name): no English", file: file, line: line)
        XCTAssertNotEqual(phrase.en, phrase.zh, "\(name): the Chinese is the English", file: file, line: line)
        XCTAssertTrue(chinese(phrase.zh), "\(name): `\(phrase.zh)` has no Chinese", file: file, line: line)
        XCTAssertFalse(phrase.zh.hasSuffix("。"), "\(name): a one-line message ends without 。", file: file, line: line)
    }

    func assertTranslated<Of>(_ words: Wording<Of>, _ name: String, hint: Bool = true, file: StaticString = #filePath, line: UInt = #line) {
        assertTranslated(words.phrase, name, file: file, line: line)
        if hint { assertTranslated(words.hintPhrase, name + " (hint)", file: file, line: line) }
    }

    func testTheSheetsProblemsAreInBothLanguages() {
        let first = LeadSheet.Column(index: 0, header: "企业名称", field: .field(.name))
        let second = LeadSheet.Column(index: 3, header: "客户名称", field: .field(.name))
        let words: [(String, Wording<LeadSheet>)] = [
            ("headerQuotes", .headerQuotes(Wording<CSVReader>.unclosedQuote.phrase)), ("quotes", .quotes(Wording<CSVReader>.textAfterQuote.phrase)),
            ("notCommaSeparated", .notCommaSeparated), ("mapsNoColumn", .mapsNoColumn("微信", headers: ["企业名称"])),
            ("noHeader", .noHeader("D")), ("unknownColumn", .unknownColumn("D", "微信群", fields: ["name", "note"])),
            ("twoColumns", .twoColumns(first, second)), ("noNameColumn", .noNameColumn), ("noIntentColumn", .noIntentColumn),
            ("noSourceColumn", .noSourceColumn), ("moreCells", .moreCells(5, columns: 4)), ("noName", .noName), ("noSource", .noSource),
            ("noIntent", .noIntent), ("unknownKind", .unknownKind("公司")),
            ("detailOfOtherSources", .detailOfOtherSources("booth", ["exhibition"], source: "website")),
            ("phoneDiffers", .phoneDiffers("1", from: "2")), ("emailDiffers", .emailDiffers("a@b.c", from: "d@e.f")),
            ("wechatDiffers", .wechatDiffers("a", from: "b")), ("noContactName", .noContactName),
        ]
        for (name, words) in words { assertTranslated(words, name) }
        XCTAssertEqual(Wording<LeadSheet>.twoColumns(first, second).phrase.zh, "A 列（企业名称）和D 列（客户名称）都是 `name`")
        XCTAssertEqual(LeadSheet.place("J (初步意向等级)"), Phrase("column J (初步意向等级)", "J 列（初步意向等级）"))
        XCTAssertEqual(LeadSheet.place("AB"), Phrase("column AB", "AB 列"))
    }

    func testTheImportsProblemsAndNotesAreInBothLanguages() {
        let evidence = LeadImport.evidence([DuplicateKeys.Evidence(kind: .phone, value: "13800000001"),
                                            DuplicateKeys.Evidence(kind: .name, value: "华东云科技")])
        XCTAssertEqual(evidence, Phrase("same phone 13800000001, same name 华东云科技", "电话相同：13800000001，企业名称相同：华东云科技"))
        let withHints: [(String, Wording<LeadImport>)] = [
            ("noFreeId", .noFreeId(2024, maxDigits: 6)), ("matchesSeveral", .matchesSeveral([("LX2024001", evidence), ("LX2024002", evidence)])),
            ("matchHasErrors", .matchHasErrors("LX2024001", evidence, "customers/a.md")),
            ("matchUnreadable", .matchUnreadable("LX2024001", evidence, "customers/a.md")),
            ("matchUnchangeable", .matchUnchangeable("LX2024001", evidence, "customers/a.md", Phrase(verbatim: "EIO"))),
            ("additionInvalid", .additionInvalid("customers/a.md", Phrase("unknown status `x`", "无法识别的状态 `x`"))),
            ("closedNew won", .closedNew(.won)), ("closedNew lost", .closedNew(.lost)),
        ]
        for (name, words) in withHints { assertTranslated(words, name) }
        assertTranslated(Wording<LeadImport>.idTaken("LX2024001", "LX2024002"), "idTaken", hint: false)
        assertTranslated(Wording<LeadImport>.notAnId("2024-1", like: "LX2024001", "LX2024002"), "notAnId", hint: false)
        assertTranslated(Wording<LeadImport>.newFileInvalid(Phrase("x", "某错误"), hint: Phrase("y", "某提示")), "newFileInvalid")
        assertTranslated(Wording<SourceAddition>.source("exhibition", LocalDate("2024-03-06")!), "source", hint: false)
        assertTranslated(Wording<SourceAddition>.contact("刘洋"), "contact", hint: false)
        XCTAssertEqual(Wording<SourceAddition>.filled("industry", "制造业").phrase, Phrase("industry 制造业", "补填行业 制造业"))
        XCTAssertEqual(Wording<LeadImport>.closedNew(.won).phrase.zh, "新客户不能以“成交”开始：需要成交信息 `deal`（金额和日期），表格里没有")
    }

    func testTheValuesProblemsAreInBothLanguages() {
        let words: [(String, Wording<SpreadsheetValue>)] = [
            ("notADate", .notADate("x")), ("numberForDate", .numberForDate("45352")), ("noSuchDate", .noSuchDate("2024-02-30")),
            ("noSuchTime", .noSuchTime("24:00")), ("timeForDate", .timeForDate("2024-03-01 09:00")), ("notAnAmount", .notAnAmount("x")),
            ("negativeAmount", .negativeAmount("-5")), ("amountTooLarge", .amountTooLarge("1e20")), ("notAWholeNumber", .notAWholeNumber("1.5")),
            ("unknownIntent", .unknownIntent("D")), ("phoneAsNumber", .phoneAsNumber("1.38E+10")), ("notAPhone", .notAPhone("x")),
            ("phoneDigits", .phoneDigits("1234", 4)), ("neitherPhoneNorEmail", .neitherPhoneNorEmail("找前台")),
            ("neitherPhoneNorEmail digits", .neitherPhoneNorEmail("1234", digits: 4)), ("contactAsNumber", .contactAsNumber("1.38E+10")),
            ("notAnEmail", .notAnEmail("x")), ("severalWechatIds", .severalWechatIds("x")), ("severalEmails", .severalEmails("x")),
            ("severalPhones", .severalPhones("x")),
        ]
        for (name, words) in words { assertTranslated(words, name) }
        // What a row's problem carries is the same words in both languages.
        let problem = SpreadsheetValue.dateTime("2024-02-30").failure
        XCTAssertEqual(problem?.phrase, Phrase("2024-02-30 is not a date that exists", "2024-02-30 这个日期不存在"))
        XCTAssertEqual(problem?.hintPhrase.zh, "请检查月份和日期")
    }

    func testTheFilesProblemsAreInBothLanguages() {
        let words: [(String, Wording<SpreadsheetText>)] = [
            ("utf16", .utf16), ("workbook", .workbook), ("nul", .nul(at: 7)), ("invalidUTF8 asked", .invalidUTF8(at: 0, byte: 0xC6, asked: true)),
            ("invalidUTF8 BOM", .invalidUTF8(at: 3, byte: 0xC6, asked: false)), ("neither", .neither(utf8At: 7, gb18030At: 7, byte: 0xFF)),
            ("invalidGB18030", .invalidGB18030(at: 7, byte: 0xFF)),
        ]
        for (name, words) in words { assertTranslated(words, name) }
        assertTranslated(Wording<CSVReader>.unclosedQuote, "unclosedQuote", hint: false)
        assertTranslated(Wording<CSVReader>.textAfterQuote, "textAfterQuote", hint: false)
        guard case .failure(let problem) = SpreadsheetText.decode([0x50, 0x4B, 0x03, 0x04], as: nil) else { return XCTFail("a workbook is refused") }
        XCTAssertEqual(problem.phrase.zh, "文件是 Excel 工作簿（.xlsx），不是 CSV")
    }

    /// A row's problem in the sheet reads in Chinese where it is reported: its place and words.
    func testABadRowReadsInChinese() {
        let header = CSVReader.read(Array("企业名称,来源渠道,初步意向等级\n".utf8))[0]
        guard case .success(let sheet) = LeadSheet.read(header: header, maps: [], blankColumns: [], hasDefaultSource: false, configuration: Configuration()) else {
            return XCTFail("the header reads")
        }
        let record = CSVReader.read(Array("企业名称,来源渠道,初步意向等级\n恒力,展会,D\n".utf8))[1]
        guard case .failure(let problems) = sheet.lead(record, defaultSource: nil, defaultCreated: LocalDateTime("2024-03-01 09:00")!, configuration: Configuration()) else {
            return XCTFail("intent D is a bad row")
        }
        XCTAssertEqual(problems.items.map(\.phrase.zh), ["无法识别的初步意向等级 `D`"])
        XCTAssertEqual(problems.items.map(\.message), ["unknown intent `D`"])
        let line = ImportCommand.describe(problems.items[0], "leads.csv")
        XCTAssertEqual(line.zh, "leads.csv:2：第 2 行，C 列（初步意向等级）：无法识别的初步意向等级 `D`\n  提示：请写 A、B 或 C（也可以写 A级、B级、C级 或 高意向、中意向、低意向）\n")
        XCTAssertEqual(line.en, "leads.csv:2: row 2, column C (初步意向等级): unknown intent `D`\n  hint: write A, B or C (A级, B级, C级 and 高意向, 中意向, 低意向 work too)\n")
    }

    func testEveryExportColumnSaysInChineseWhatItHolds() {
        for column in CustomerColumn.allCases {
            if column.summary != CustomerField.Column().summary {
                XCTAssertNotNil(CustomerColumn.chineseSummaries[column.rawValue], "\(column.rawValue): `\(column.summary)` has no Chinese")
            }
            assertTranslated(column.summaryPhrase, column.rawValue)
        }
        XCTAssertTrue(ExportCommand.spec.help(.zhCN).contains("  last_contact   最近跟进     最近一条跟进记录的日期\n"))
        XCTAssertTrue(ExportCommand.spec.help(.en).contains("  last_contact   最近跟进     date of the last follow-up entry\n"))
    }
}

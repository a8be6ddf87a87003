import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class LeadSheetTests: XCTestCase {
    static let toolkitHeader = "序号,线索编号,来源渠道,企业名称,所属行业,联系人,职位,联系方式,需求关键词,初步意向等级,信息完整度,获取时间,负责人,备注(如展会号、推荐人等)"
    let at = LocalDateTime("2024-03-10 09:00")!

    func records(_ text: String) -> [CSVReader.Record] { CSVReader.read(Array(text.utf8)) }

    func sheet(_ header: String, maps: [(String, LeadField)] = [], source: Bool = false, configuration: Configuration = Configuration()) -> Result<LeadSheet, LeadSheet.Problems> {
        LeadSheet.read(header: records(header)[0], maps: maps, blankColumns: [], hasDefaultSource: source, configuration: configuration)
    }

    func lead(_ header: String, _ row: String, maps: [(String, LeadField)] = [], configuration: Configuration = Configuration()) throws -> Result<Lead, LeadSheet.Problems> {
        let sheet = try sheet(header, maps: maps, configuration: configuration).get()
        let record = records(header + "\r\n" + row)[1]
        return sheet.lead(record, defaultSource: nil, defaultCreated: at, configuration: configuration)
    }

    func testTheToolkitsCaptureTableIsRecognised() throws {
        let fields = try sheet(Self.toolkitHeader).get().columns.map(\.field.name)
        XCTAssertEqual(fields, ["no", "id", "source", "name", "industry", "contact", "title", "contact_info", "needs", "intent",
                                "ignore", "created", "owner", "note"])
    }

    func testEnglishHeadersAndExportHeadersAreRecognised() throws {
        let english = try sheet("Name,Source,Intent,Decision By,E-mail,contact name,source_detail.booth").get()
        XCTAssertEqual(english.columns.map(\.field.name), ["name", "source", "intent", "decision_by", "email", "contact", "source_detail.booth"])
        let exported = try sheet(CustomerColumn.defaults.map(\.label).joined(separator: ",")).get()
        XCTAssertEqual(exported.columns.map(\.field.name), ["id", "name", "source", "industry", "region", "contact", "title", "phone", "email",
                                                            "needs", "budget", "intent", "ignore", "status", "owner", "created", "ignore"])
        XCTAssertEqual(exported.ignored.map(\.display), ["M (线索等级)", "Q (下次跟进)"])
    }

    func testTheToolkitsExampleRowReads() throws {
        let row = "2,LX2024002,展会(数博会),制造有限公司,制造业,王磊,采购经理,1395678 / wang@example.com,降本增效、自动化设备,B,基本完整,2024-03-02,赵六,\"展位号A12,互动时长30分钟\""
        let lead = try lead(Self.toolkitHeader, row).get()
        XCTAssertEqual(lead.id, "LX2024002")
        XCTAssertEqual(lead.source, "exhibition")
        XCTAssertEqual(lead.sourceDetail.map { "\($0.0)=\($0.1)" }, ["event=数博会"])
        XCTAssertEqual(lead.name, "制造有限公司")
        XCTAssertEqual(lead.contact?.phone, "1395678")
        XCTAssertEqual(lead.contact?.email, "wang@example.com")
        XCTAssertEqual(lead.intent, .B)
        XCTAssertEqual(lead.created.description, "2024-03-02")
        XCTAssertEqual(lead.fields[.owner], "赵六")
        XCTAssertEqual(lead.note, "展位号A12,互动时长30分钟")
        XCTAssertEqual(lead.row, 2)
    }

    /// An owner is assigned when the lead is captured (as `new --owner`): the row's 获取时间,
    /// or the import's `--at` for a row without one; a row without an owner is not assigned.
    func testARowWithAnOwnerIsAssignedAtItsCaptureTime() throws {
        let row = "2,LX2024002,展会(数博会),制造有限公司,制造业,王磊,采购经理,1395678,降本增效,B,基本完整,2024-03-02,赵六,"
        XCTAssertEqual(try lead(Self.toolkitHeader, row).get().fields[.assigned], "2024-03-02")
        let undated = "2,LX2024002,展会,制造有限公司,制造业,王磊,采购经理,1395678,降本增效,B,基本完整,,赵六,"
        XCTAssertEqual(try lead(Self.toolkitHeader, undated).get().fields[.assigned], "2024-03-10 09:00")
        let unowned = "2,LX2024002,展会,制造有限公司,制造业,王磊,采购经理,1395678,降本增效,B,基本完整,2024-03-02 14:30,,"
        XCTAssertNil(try lead(Self.toolkitHeader, unowned).get().fields[.assigned])
    }

    func testUnknownColumnsMustBeMapped() throws {
        let problems = try XCTUnwrap(sheet("企业名称,初步意向等级,来源渠道,微信群").failure).items
        XCTAssertEqual(problems.map(\.message), ["column D (微信群) is not a field leadbook knows"])
        XCTAssertTrue(problems[0].hint.hasPrefix("map it: --map 微信群=FIELD"))
        let mapped = try sheet("企业名称,初步意向等级,来源渠道,微信群", maps: [("微信群", .note)]).get()
        XCTAssertEqual(mapped.columns.last?.field, .note)
        XCTAssertEqual(try sheet("企业名称,初步意向等级,来源渠道,X", maps: [("D", .ignore)]).get().columns.last?.field, .ignore, "by column letter")
        XCTAssertEqual(sheet("企业名称,初步意向等级,来源渠道", maps: [("微信", .note)]).failure?.items.first?.message,
                       "--map names a column `微信` that the file does not have")
    }

    func testRequiredAndDuplicateColumns() {
        XCTAssertEqual(sheet("企业名称,客户名称,初步意向等级").failure?.items.map(\.message), [
            "columns A (企业名称) and B (客户名称) both hold `name`",
            "the file has no column for the source",
        ])
        XCTAssertEqual(sheet("来源渠道,备注").failure?.items.map(\.message), [
            "the file has no column for the company name", "the file has no column for the initial intent",
        ])
        XCTAssertNotNil(try? sheet("企业名称,初步意向等级", source: true).get(), "--source stands for the column")
        XCTAssertEqual(sheet("企业名称;初步意向等级;来源渠道").failure?.items.first?.message, "the header has one column: the file is not separated by commas")
    }

    func testEveryProblemOfARowIsReportedWithItsColumnFromLeftToRight() throws {
        let problems = try XCTUnwrap(lead(Self.toolkitHeader, "4,,展会,坏数据公司,,,,13800009999,,D,,2024-13-01,,").failure).items
        XCTAssertEqual(problems.map { "\($0.column ?? "-"): \($0.message)" }, [
            "F (联系人): contact details are given but the contact's name is empty",
            "J (初步意向等级): unknown intent `D`",
            "L (获取时间): 2024-13-01 is not a date that exists",
        ])
        XCTAssertEqual(problems.map(\.row), [2, 2, 2])
    }

    func testSourcesNotesAndLineBreaks() throws {
        var configuration = Configuration()
        configuration.team = [TeamMember(name: "王五")]
        let header = "企业名称,来源渠道,初步意向等级,负责人,备注,展位号,访问页面"
        let lead = try lead(header, "\"恒力\r\n精密\",官网表单,A级,王五,\"第一行\r\n第二行\",,首页", configuration: configuration).get()
        XCTAssertEqual(lead.name, "恒力\n精密", "CRLF inside a cell becomes LF")
        XCTAssertEqual(lead.note, "第一行\n第二行")
        XCTAssertEqual(lead.sourceDetail.map { "\($0.0)=\($0.1)" }, ["page=首页"])
        let wrong = try XCTUnwrap(self.lead(header, "恒力,官网表单,A,王六,,A12,", configuration: configuration).failure).items
        XCTAssertEqual(wrong.map(\.message), ["owner `王六` is not in the team", "`booth` is a detail of exhibition leads, and this row's source is website"])
        XCTAssertEqual(try XCTUnwrap(self.lead(header, "恒力,微博,A,,,,").failure).items.map(\.message), ["unknown source `微博`"])
        XCTAssertEqual(try self.lead("企业名称,来源渠道,初步意向等级,客户状态", "恒力,展会,A,需求明确").get().status, .qualified)
        XCTAssertEqual(try XCTUnwrap(self.lead("企业名称,来源渠道,初步意向等级,客户状态", "恒力,展会,A,赢单").failure).items.map(\.message),
                       ["unknown status `赢单`"])
    }

    func testSeveralNoteColumnsAreLabelled() throws {
        let lead = try lead("企业名称,来源渠道,初步意向等级,备注,微信群", "恒力,展会,A,展位A12,华东群", maps: [("微信群", .note)]).get()
        XCTAssertEqual(lead.note, "备注: 展位A12\n微信群: 华东群")
    }

    func testAQuoteProblemInTheHeaderIsReported() {
        XCTAssertEqual(sheet("\"企业名称,来源渠道").failure?.items.map(\.message), ["the header row: the quote that opens this field is never closed"])
    }

    func testColumnLetters() {
        XCTAssertEqual([0, 1, 25, 26, 27, 51, 52, 701, 702].map(LeadSheet.letter), ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
        XCTAssertEqual(LeadSheet.columnIndex(letter: "AB", count: 30), 27)
    }
}

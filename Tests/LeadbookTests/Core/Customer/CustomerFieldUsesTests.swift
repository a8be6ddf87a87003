import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// What is made from the table of customer fields: `show`'s rows, `export`'s columns,
/// `import`'s headers, `new`'s options, and where `merge`, `import` and `new` put a key.
final class CustomerFieldUsesTests: XCTestCase {
    /// The items of `list` that are in `kept`, in `list`'s order: a field added later may come
    /// between them, but today's keep their order.
    func kept(_ list: [String], _ kept: [String]) -> [String] { list.filter(kept.contains) }

    /// The record format's example with a value for each single-value field it lacks (a field
    /// added to the table gets one too).
    static var fullExample: String {
        var lines: [String] = []
        for field in CustomerField.allCases where !RuleFixture.specExample.contains("\n\(field.key):") {
            switch field.type {
            case .text: lines.append("\(field.key): 示例\(field.rawValue)")
            case .wholeNumber: lines.append("\(field.key): 7")
            case .amount: lines.append("\(field.key): 1000.5")
            case .date: lines.append("\(field.key): 2024-05-01")
            case .dateTime: lines.append("\(field.key): 2024-05-01 10:00")
            default: break
            }
        }
        // merged_into would make it a tombstone, lost_reason wants a lost customer.
        lines = lines.filter { !$0.hasPrefix("merged_into:") && !$0.hasPrefix("lost_reason:") }
        if lines.isEmpty { return RuleFixture.specExample }
        return RuleFixture.specExample.replacingOccurrences(of: "\nplan:\n", with: "\n" + lines.joined(separator: "\n") + "\nplan:\n")
    }

    func testTheFullExampleReadsClean() {
        let result = CustomerReader.read(path: RuleFixture.path, bytes: Array(Self.fullExample.utf8), configuration: Configuration())
        XCTAssertEqual(result.findings.diagnostics.map(\.message), [], Self.fullExample)
    }

    // MARK: - show

    func testShowPrintsTheRowsOfTheTableInTheirOrder() throws {
        let result = CustomerReader.read(path: RuleFixture.path, bytes: Array(Self.fullExample.utf8), configuration: Configuration())
        let customer = try XCTUnwrap(result.customer)
        let page = CustomerView.text(customer, path: RuleFixture.path, configuration: Configuration())
        let rows = page.components(separatedBy: "\n\n")[1].split(separator: "\n")
        let labels = rows.map { String($0.dropFirst(2).prefix(14)).trimmingCharacters(in: .whitespaces) }
        let today = ["status", "owner", "score", "grade", "intent", "source", "industry", "region", "employees", "budget", "needs",
                     "decision by", "created", "assigned", "next", "completeness", "tags", "contact"]
        XCTAssertEqual(kept(labels, today), today)
        let expected = CustomerField.shownRows.flatMap { field, label, _, format in
            CustomerView.values(field, format, customer, Configuration()).map { _ in label }
        }
        XCTAssertEqual(labels.filter { $0 != "completeness" }, expected, "every row of the table with a value, in rank order")
        XCTAssertTrue(page.contains("  status        qualified (需求明确)\n"), page)
        XCTAssertTrue(page.contains("  budget        200,000\n"), page)
        XCTAssertTrue(page.contains("  decision by   2024-04-01\n"), page)
        XCTAssertTrue(page.contains("  tags          决策链复杂, 竞品对比中\n"), page)
        let ranks = CustomerField.shownRows.map(\.rank)
        XCTAssertEqual(ranks, ranks.sorted())
        XCTAssertEqual(Set(ranks).count, ranks.count, "two rows of the same rank")
        XCTAssertFalse(ranks.contains(CustomerView.completenessRank))
    }

    func testShowJSONHasEveryFieldInTableOrder() throws {
        let result = CustomerReader.read(path: RuleFixture.path, bytes: Array(RuleFixture.specExample.utf8), configuration: Configuration())
        guard case .object(let members) = CustomerView.json(try XCTUnwrap(result.customer), path: RuleFixture.path, configuration: Configuration())
        else { return XCTFail() }
        XCTAssertEqual(members.map(\.0), ["file"] + CustomerField.keys + ["extra", "derived", "follow_ups", "feedback"])
        let json = Dictionary(members, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(json["decision_by"], .string("2024-04-01"))
        XCTAssertEqual(json["employees"], .int(500))
        XCTAssertEqual(json["kind"], .string("company"), "the default")
        XCTAssertEqual(json["deal"], .null)
        XCTAssertEqual(json["tags"], .array([.string("决策链复杂"), .string("竞品对比中")]))
    }

    /// Lists stay lists in `show --format json`: source_detail's lists, and the lists inside a
    /// `sources` item's detail map, which the text page and export join into one text.
    func testShowJSONKeepsListsAsLists() throws {
        let text = RuleFixture.customer(adding: [
            "source_detail:",
            "  page: 企业解决方案",
            "  keywords: [数据安全, 服务器升级]",
            "sources:",
            "  - {source: exhibition, date: 2024-03-02, detail: {booth: A12, products: [MES 系统, 设备联网]}}",
            "  - {source: referral, date: 2024-03-04, detail: 老客户介绍}",
        ])
        let result = CustomerReader.read(path: RuleFixture.path, bytes: Array(text.utf8), configuration: Configuration())
        RuleAssert.clean(result.findings.diagnostics)
        let customer = try XCTUnwrap(result.customer)
        let rendered = CustomerView.json(customer, path: RuleFixture.path, configuration: Configuration()).rendered()
        let parsed = try XCTUnwrap(JSONValue.parseAll(rendered).first)
        guard case .object(let members) = parsed else { return XCTFail(rendered) }
        let json = Dictionary(members, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(json["source_detail"], .object([("page", .string("企业解决方案")),
                                                       ("keywords", .array([.string("数据安全"), .string("服务器升级")]))]))
        XCTAssertEqual(json["sources"], .array([
            .object([("source", .string("exhibition")), ("date", .string("2024-03-02")),
                     ("detail", .object([("booth", .string("A12")), ("products", .array([.string("MES 系统"), .string("设备联网")]))]))]),
            .object([("source", .string("referral")), ("date", .string("2024-03-04")), ("detail", .string("老客户介绍"))]),
        ]))
        // The text forms stay as they were.
        XCTAssertEqual(customer.sourceDetail.last?.1, "数据安全、服务器升级")
        XCTAssertEqual(customer.sources.first?.detail, "booth: A12; products: MES 系统、设备联网")
    }

    // MARK: - export

    func testExportColumnsComeFromTheTable() {
        var expected: [String] = []
        for field in CustomerField.allCases {
            expected += field.definition.columns.map { $0.name ?? field.key }
            if field == .next { expected += ["last_contact", "follow_ups", "first_contact"] }
        }
        XCTAssertEqual(CustomerColumn.allCases.map(\.rawValue), expected + ["completeness", "file"])
        let today = [
            "id", "name", "kind", "industry", "region", "employees", "revenue", "source", "source_detail", "sources", "contact", "title",
            "phone", "email", "wechat", "contacts", "needs", "budget", "decision_by", "intent", "score", "grade", "tags", "owner",
            "created", "assigned", "status", "next", "last_contact", "follow_ups", "first_contact", "deal_amount", "deal_closed", "lost_reason",
            "completeness", "file",
        ]
        XCTAssertEqual(kept(CustomerColumn.allCases.map(\.rawValue), today), today, "export --help and `--fields` list them in this order")
        XCTAssertEqual(Set(CustomerColumn.allCases.map(\.rawValue)).count, CustomerColumn.allCases.count)
        XCTAssertEqual(Set(CustomerColumn.allCases.map(\.label)).count, CustomerColumn.allCases.count, "two columns with one header")
        XCTAssertEqual(CustomerColumn.defaults.map(\.rawValue), ["id", "name", "source", "industry", "region", "contact", "title", "phone", "email",
                                                                 "needs", "budget", "intent", "grade", "status", "owner", "created", "next"])
        let decision = CustomerColumn(header: "decision_by")
        XCTAssertEqual(decision?.label, "决策时间")
        XCTAssertEqual(decision?.summary, "expected decision date")
        XCTAssertEqual(decision?.field, .decisionBy)
        XCTAssertEqual(CustomerColumn(header: "决策时间"), decision)
        XCTAssertEqual(CustomerColumn(header: "industry")?.label, "所属行业")
        XCTAssertEqual(CustomerColumn(header: "region")?.summary, "the field of the same name")
    }

    // MARK: - import

    func testImportRecognisesEachFieldByItsKeyItsExportHeaderAndItsAliases() {
        let configuration = Configuration()
        for field in CustomerField.allCases {
            let columns = field.definition.columns
            switch field.definition.imports {
            case .value(let aliases)?:
                let headers = [field.key, field.key.uppercased().replacingOccurrences(of: "_", with: " ")] + columns.map { $0.header ?? field.label } + aliases
                for header in headers {
                    XCTAssertEqual(LeadField.recognize(header: header, configuration: configuration), .field(field), "\(field.key): \(header)")
                }
            case .parts(let parts)?:
                XCTAssertEqual(columns.compactMap(\.imported), parts.filter { $0 != .contactInfo }, field.key)
            case nil:
                for column in columns {
                    XCTAssertEqual(LeadField.recognize(header: column.header ?? field.label, configuration: configuration), .ignore,
                                   "\(field.key): an exported column that import ignores")
                }
            }
        }
        let today = ["no", "id", "name", "kind", "industry", "region", "employees", "revenue", "source", "contact", "title", "contact_info", "phone",
                     "email", "wechat", "needs", "budget", "decision_by", "intent", "owner", "created", "status", "note", "ignore"]
        XCTAssertEqual(kept(LeadField.plain.map(\.name), today), today)
        XCTAssertEqual(LeadField.plain.map(\.name).filter { !today.contains($0) },
                       CustomerField.allCases.filter { if case .value? = $0.definition.imports { return !today.contains($0.key) } else { return false } }.map(\.key))
        XCTAssertEqual(LeadField.headers.count, LeadField.otherHeaders.count + CustomerField.allCases.reduce(0) { count, field in
            if case .value(let aliases)? = field.definition.imports { return count + aliases.count }
            return count
        }, "no alias is another field's")
        XCTAssertEqual(LeadField.recognize(header: "备注(如展会号、推荐人等)", configuration: configuration), .note)
        XCTAssertEqual(LeadField.recognize(header: "全部联系人", configuration: configuration), .ignore)
    }

    /// A file's values go out through `export` and come back through `import` as the same values.
    func testAFilesFieldsRoundTripThroughExportAndImport() throws {
        let configuration = Configuration()
        let result = CustomerReader.read(path: RuleFixture.path, bytes: Array(Self.fullExample.utf8), configuration: configuration)
        let customer = try XCTUnwrap(result.customer)
        guard case .object(let shown) = CustomerView.json(customer, path: RuleFixture.path, configuration: configuration) else { return XCTFail() }
        let entry = CustomerSet.Entry(path: RuleFixture.path, customer: customer, hasErrors: false)
        for labels in [false, true] {
            let columns = CustomerColumn.allCases.filter { $0.leadField != nil }
            let header = CustomerTable.header(columns, labels: labels)
            let cells = columns.map { CustomerTable.text($0, entry, labels: labels) }
            let text = CustomerTable.csv(header: header, rows: [CustomerTable.Row(id: "", path: "", cells: cells, json: .null)])
            let records = CSVReader.read(Array(text.utf8.dropFirst(3)))
            let sheet = try LeadSheet.read(header: records[0], maps: [], blankColumns: [], hasDefaultSource: false, configuration: configuration).get()
            XCTAssertEqual(sheet.columns.map(\.field), columns.map { $0.leadField! })
            let lead = try sheet.lead(records[1], defaultSource: nil, defaultCreated: LocalDateTime("2024-01-01")!, configuration: configuration).get()
            let draft = LeadImport.draft(lead, id: try XCTUnwrap(lead.id))
            let back = CustomerReader.read(path: RuleFixture.path, bytes: Array(draft.render().utf8), configuration: configuration)
            XCTAssertEqual(back.findings.errorCount, 0, back.findings.diagnostics.map(\.message).description)
            let again = try XCTUnwrap(back.customer)
            for field in CustomerField.allCases {
                guard case .value? = field.definition.imports else { continue }
                let value = field.definition.access.value(customer)
                XCTAssertNotNil(value, "\(field.key) has a value in the example")
                XCTAssertEqual(field.definition.access.value(again), value, "\(field.key), labels: \(labels)")
                XCTAssertEqual(shown.first { $0.0 == field.key }?.1, value?.json, "show --format json has \(field.key)")
            }
            XCTAssertEqual(again.contacts.first?.phone, customer.contacts.first?.phone)
        }
    }

    func testASheetCellIsReadByItsFieldsType() throws {
        let header = "企业名称,来源渠道,初步意向等级,员工人数,营收,预算,决策时间,需求"
        let records = CSVReader.read(Array((header + "\r\n恒力,展会,A,\"1,000人\",3亿,20万,2024/4/1,数据安全\r\n").utf8))
        let sheet = try LeadSheet.read(header: records[0], maps: [], blankColumns: [], hasDefaultSource: false, configuration: Configuration()).get()
        let lead = sheet.lead(records[1], defaultSource: nil, defaultCreated: LocalDateTime("2024-03-01")!, configuration: Configuration())
        let failure = try XCTUnwrap(lead.failure)
        XCTAssertEqual(failure.items.map(\.message), ["`3亿` is not an amount"])
        let good = CSVReader.read(Array((header + "\r\n恒力,展会,A,\"1,000人\",3000000,20万,2024/4/1,数据安全\r\n").utf8))
        let fields = try sheet.lead(good[1], defaultSource: nil, defaultCreated: LocalDateTime("2024-03-01")!, configuration: Configuration()).get().fields
        XCTAssertEqual(fields, [.employees: "1000", .revenue: "3000000", .budget: "200000", .decisionBy: "2024-04-01", .needs: "数据安全"])
    }

    // MARK: - new

    func testNewTakesTheOptionsOfTheTable() {
        let spec = NewCommand.spec
        let own = ["workspace", "note", "at", "force", "no-cache", "no-config", "lang", "help"]
        XCTAssertEqual(spec.options.map(\.long).filter { !own.contains($0) }, CustomerField.newOptions.map(\.option.flag))
        let today = ["workspace", "name", "source", "intent", "industry", "region", "employees", "budget", "needs", "contact", "detail",
                     "decision-by", "kind", "owner", "note", "at", "force"]
        XCTAssertEqual(kept(spec.options.map(\.long), today), today)
        for (field, option) in CustomerField.newOptions {
            let made = spec.options.first { $0.long == option.flag }
            XCTAssertEqual(made?.help, option.help, field.key)
            XCTAssertEqual(made?.value, option.value, field.key)
            XCTAssertEqual(made?.repeatable, option.repeatable, field.key)
        }
        // The usage line of today's options, word for word (an option added later may come between them).
        let words = spec.usage.components(separatedBy: " [").enumerated().map { $0.offset == 0 ? $0.element : "[" + $0.element }
        let todays = words.filter { word in !CustomerField.newOptions.contains { !today.contains($0.option.flag) && word.hasPrefix("[--\($0.option.flag) ") } }
        XCTAssertEqual(todays.joined(separator: " "), "leadbook new --name N --source S --intent A|B|C [--industry I] [--region R] [--employees N] [--budget CNY] [--needs TEXT] [--contact \"name,title,phone,email\"]... [--detail KEY=VALUE]... [--decision-by DATE] [--kind company|person] [--owner NAME] [--note TEXT] [--at DATETIME] [--force] [--no-cache] [-C DIR] [--no-config] [--lang LANG]")
        let required = CustomerField.newOptions.filter(\.option.required).count
        XCTAssertEqual(words.count, spec.options.filter { $0.long != "help" }.count - required + 1, "one word per option (the required ones share the first)")
    }

    func testNewReadsAFieldsOptionByItsType() throws {
        XCTAssertEqual(try NewCommand.written("200000", .amount, "budget"), "200000")
        XCTAssertEqual(try NewCommand.written("150000.50", .amount, "budget"), "150000.5")
        XCTAssertEqual(try NewCommand.written("500", .wholeNumber, "employees"), "500")
        XCTAssertEqual(try NewCommand.written("2024-04-01", .date, "decision-by"), "2024-04-01")
        XCTAssertEqual(try NewCommand.written(" 数据安全 ", .text, "needs"), "数据安全")
        XCTAssertThrowsError(try NewCommand.written("20万", .amount, "budget"))
        XCTAssertThrowsError(try NewCommand.written("2024/4/1", .date, "decision-by"))
    }

    // MARK: - Where a key goes

    /// `new` writes the fields in table order, whatever order they were given in.
    func testANewFileIsInTableOrder() throws {
        var draft = CustomerDraft(id: "LX2024016", name: "华东云", source: "website", intent: .A, created: LocalDateTime("2024-03-01 09:10")!)
        draft.fields = [.owner: "王五", .decisionBy: "2024-04-01", .industry: "互联网", .budget: "200000", .assigned: "2024-03-01 09:10"]
        draft.kind = .person
        draft.extra = [("wechat_group", "华东群")]
        let keys = draft.render().split(separator: "\n").dropFirst().prefix { $0 != "---" }.map { String($0.prefix { $0 != ":" }) }
        XCTAssertEqual(keys, ["id", "name", "kind", "industry", "source", "budget", "decision_by", "intent", "owner", "created", "assigned",
                              "status", "wechat_group"])
        let table = keys.compactMap { CustomerField(key: $0)?.rawValue }
        XCTAssertEqual(table, table.sorted())
    }

    /// `import` fills empty fields of a customer after the nearest field before them that the file has.
    func testImportPutsAFilledKeyAfterTheNearestFieldBeforeIt() throws {
        let text = "---\nid: LX2024001\nname: 华东云\nsource: website\nneeds: 数据安全\nintent: A\nowner: 王五\ncreated: 2024-03-01 09:10\nstatus: contacted\nwechat_group: 华东群\n---\n"
        var lead = Lead(row: 2, line: 2, name: "华东云", source: "website", intent: .A, created: LocalDateTime("2024-03-01 09:10")!)
        lead.fields = [.region: "华东", .decisionBy: "2024-04-01", .employees: "500", .budget: "200000"]
        var configuration = Configuration()
        configuration.extraFields = ["wechat_group", "备注"]
        lead.extra = [("备注", "老客户")]
        let merge = try SourceAddition(lead, to: Array(text.utf8), path: "customers/LX2024001.md", configuration: configuration)
        XCTAssertEqual(String(decoding: merge.bytes, as: UTF8.self),
                       "---\nid: LX2024001\nname: 华东云\nregion: 华东\nemployees: 500\nsource: website\nneeds: 数据安全\nbudget: 200000\ndecision_by: 2024-04-01\n"
                       + "intent: A\nowner: 王五\ncreated: 2024-03-01 09:10\nstatus: contacted\nwechat_group: 华东群\n备注: 老客户\n---\n")
        XCTAssertEqual(merge.changes.map(\.en), ["region 华东", "employees 500", "budget 200000", "decision_by 2024-04-01", "备注 老客户"])
    }

    /// `merge` copies a field KEEP lacks to after the nearest field before it (a grade after
    /// the score copied just before it).
    func testMergeCopiesAKeyAfterTheNearestFieldBeforeIt() throws {
        func input(_ path: String, _ text: String) throws -> CustomerMerge.Input {
            let result = CustomerReader.read(path: path, bytes: Array(text.utf8), configuration: Configuration())
            XCTAssertEqual(result.findings.errorCount, 0, result.findings.diagnostics.map(\.message).description)
            return CustomerMerge.Input(path: path, bytes: Array(text.utf8), customer: try XCTUnwrap(result.customer))
        }
        let keep = "---\nid: LX2024001\nname: 甲\nsource: website\nintent: B\ncreated: 2024-03-01 09:00\nstatus: contacted\n---\n"
        let other = "---\nid: LX2024002\nname: 甲\nindustry: 制造业\nsource: website\nbudget: 100000\nintent: B\n"
            + "score: {size: 25, budget: 25, urgency: 20, decision: 20}\ngrade: S\nowner: 王五\ncreated: 2024-03-01 09:00\nstatus: contacted\n---\n"
        let outcome = try CustomerMerge.merge(keep: try input("customers/LX2024001.md", keep), other: try input("customers/LX2024002.md", other),
                                              configuration: Configuration(), at: LocalDateTime("2024-06-01 09:00")!, deleteOther: false)
        let merged = String(decoding: outcome.keep, as: UTF8.self)
        let frontMatter = merged.components(separatedBy: "---\n")[1]
        XCTAssertEqual(frontMatter, "id: LX2024001\nname: 甲\nindustry: 制造业\nsource: website\nbudget: 100000\nintent: B\n"
                       + "score: {size: 25, budget: 25, urgency: 20, decision: 20}\ngrade: S\nowner: 王五\ncreated: 2024-03-01 09:00\nstatus: contacted\n")
    }

    /// `sync` writes a proposed score and its grade where the table puts them.
    func testSyncWritesAProposedScoreAndItsGradeInTableOrder() throws {
        let configuration = GradingSyncTests.proposalConfiguration()
        let text = "---\nid: LX2024001\nname: 甲\nsource: website\nbudget: 100000\nintent: B\nowner: 王五\ncreated: 2024-03-01 09:00\nstatus: contacted\n---\n"
        guard case .changed(let change) = CustomerSync.sync(path: "customers/LX2024001.md", bytes: Array(text.utf8), configuration: configuration)
        else { return XCTFail("nothing proposed") }
        let keys = String(decoding: change.after, as: UTF8.self).split(separator: "\n").dropFirst().prefix { $0 != "---" }.map { String($0.prefix { $0 != ":" }) }
        XCTAssertEqual(keys, ["id", "name", "source", "budget", "intent", "score", "grade", "owner", "created", "status"])
    }
}

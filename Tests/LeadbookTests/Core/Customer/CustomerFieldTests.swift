import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The table of customer fields: one entry per top-level key, in the record format's order,
/// and the reader knows exactly its keys.
final class CustomerFieldTests: XCTestCase {
    /// The `key | type | required` table of docs/format.md section 3, as (key, required) rows.
    func documentedFields() throws -> [(key: String, required: String)] {
        let url = Transcript.packageRoot.appendingPathComponent("docs/format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let section = try XCTUnwrap(text.components(separatedBy: "## 3. Front-matter fields").dropFirst().first)
        let table = section.components(separatedBy: "### Nested keys")[0]
        return table.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return (cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")), cells[2])
        }
    }

    func testEveryKeyIsInTheTableOnceInTheOrderOfTheRecordFormat() throws {
        let keys = CustomerField.keys
        XCTAssertEqual(Set(keys).count, keys.count, "a key twice")
        XCTAssertEqual(keys, try documentedFields().map(\.key), "docs/format.md lists the fields in this order")
        XCTAssertEqual(CustomerField.table.count, CustomerField.allCases.count)
        for field in CustomerField.allCases {
            XCTAssertEqual(CustomerField(key: field.key), field, field.key)
            XCTAssertEqual(CustomerField.table[field.rawValue].key, field.key)
        }
        for key in ["", "ID", "nam", "names", "decision-by", "decision_by ", "source_details", String(repeating: "x", count: 40)] {
            XCTAssertNil(CustomerField(key: key), key)
        }
    }

    func testTheReaderKnowsExactlyTheKeysOfTheTable() throws {
        XCTAssertEqual(CustomerReader.frontMatterKeys, CustomerField.keys)
        // The record format's example with every field; none is unknown, and each is found.
        let text = CustomerFieldUsesTests.fullExample.replacingOccurrences(of: "next: 2024-03-03\n", with: "next: 2024-03-03\nlost_reason: 预算削减\nmerged_into: LX2024002\n")
            .replacingOccurrences(of: "intent: A\n", with: "intent: A\nsources: [{source: exhibition, date: 2024-03-02}]\n")
            .replacingOccurrences(of: "industry: 互联网\n", with: "kind: company\nindustry: 互联网\n")
            .replacingOccurrences(of: "plan:\n", with: "deal: {amount: 180000, closed: 2024-04-02}\nplan:\n")
        let bytes = Array(text.utf8)
        let root = try bytes.withUnsafeBufferPointer { buffer -> YAMLNode? in
            let layout = try RecordLayout.read(buffer).get()
            return try YAMLReader.parse(buffer, range: layout.frontMatter, firstLine: layout.frontMatterFirstLine, checked: true)
        }
        var decoder = FieldDecoder(findings: Findings(source: SourceText(path: "customers/LX2024001.md", bytes: bytes)))
        var positions = CustomerReader.FieldPositions()
        let customer = CustomerReader.decodeFrontMatter(root, configuration: Configuration(), &decoder, positions: &positions)
        let findings = decoder.findings
        XCTAssertEqual(findings.diagnostics.map(\.message), [])
        XCTAssertEqual(CustomerField.allCases.filter { positions[$0] == nil }, [], "every field is written in the text and found")
        XCTAssertTrue(customer.extra.isEmpty)
        XCTAssertEqual(customer.decisionBy, LocalDate("2024-04-01"))
        XCTAssertEqual(customer.sourceDetail.map(\.0), ["page", "keywords"], "read after source")
        XCTAssertEqual(customer.deal?.amount, 180000)
        XCTAssertEqual(customer.mergedInto, "LX2024002")
    }

    func testSourceDetailIsReadWithTheSourceWrittenAfterIt() {
        let text = RuleFixture.customer(adding: []).replacingOccurrences(of: "source: website\n", with: "")
            .replacingOccurrences(of: "id: LX2024001\n", with: "id: LX2024001\nsource_detail: {booth: A12, minutes: 30}\nsource: exhibition\n")
        let result = CustomerReader.read(path: "customers/LX2024001.md", bytes: Array(text.utf8), configuration: Configuration())
        XCTAssertEqual(result.findings.diagnostics.map(\.message), [], text)
        XCTAssertEqual(result.customer?.sourceDetail.map { "\($0.0)=\($0.1)" }, ["booth=A12", "minutes=30"])
    }

    func testAnUnknownKeyNearAFieldIsADidYouMean() {
        let text = RuleFixture.customer(adding: ["bugdet: 200000", "decision_by: 2024-04-01", "wechat_group: 华东群"])
        let result = CustomerReader.read(path: "customers/LX2024001.md", bytes: Array(text.utf8), configuration: Configuration())
        let unknown = result.findings.diagnostics.filter { $0.rule.id == "unknown-field" }
        XCTAssertEqual(unknown.map(\.message), ["unknown key `bugdet`", "unknown key `wechat_group`"])
        XCTAssertEqual(unknown.first?.hint, "did you mean `budget`?")
        XCTAssertTrue(unknown.last?.hint.contains("known keys: " + CustomerField.keys.joined(separator: ", ")) == true)
        XCTAssertEqual(result.customer?.extra.map(\.0), ["bugdet", "wechat_group"])
    }

    func testRequiredFieldsAreThoseTheRecordFormatRequires() throws {
        let documented = try documentedFields()
        XCTAssertEqual(CustomerField.required.map(\.field.key), documented.filter { $0.required == "yes" }.map(\.key))
        XCTAssertEqual(MissingField.required.map(\.0), CustomerField.required.map(\.field.key))
        for (field, example) in CustomerField.required {
            XCTAssertTrue(example.hasPrefix(field.key + ": "), example)
        }
        for (key, required) in documented where required.hasPrefix("when") {
            guard case .whenStatus(let status)? = CustomerField(key: key)?.definition.required else { return XCTFail(key) }
            XCTAssertTrue(required.contains(status.rawValue), "\(key): \(required)")
        }
    }

    func testDerivedAndKeyFields() {
        XCTAssertEqual(CustomerField.derived, [.grade, .status, .next])
        XCTAssertEqual(Reconciliation.derivedKeys, ["grade", "status", "next"])
        XCTAssertEqual(Completeness.keyFields, ["name", "industry", "region", "contact", "needs", "budget", "decision_by"])
        let words = SummaryText(.en)
        XCTAssertEqual(Completeness.keyFields.map { words.keyField($0) },
                       ["name", "industry", "region", "contact with phone or email", "needs", "budget", "decision date"])
        XCTAssertEqual(Completeness.keyFields.map { SummaryText(.zhCN).keyField($0) },
                       ["名称", "行业", "区域", "联系人电话或邮箱", "需求", "预算", "决策时间"])
        var customer = Customer()
        XCTAssertEqual(Completeness.filled(customer), [])
        customer.name = ""
        customer.budget = 0
        var contact = Contact()
        contact.wechat = "zw"
        customer.contacts = [contact]
        XCTAssertEqual(Completeness.filled(customer), ["budget"], "empty text is not filled; 0 is; a contact needs a phone or an email")
        contact.email = "a@example.com"
        customer.contacts = [contact]
        XCTAssertEqual(Completeness.filled(customer), ["contact", "budget"])
    }

    func testAnchorsAreTheFieldsBeforeNearestFirst() {
        XCTAssertEqual(CustomerField.id.anchors, [])
        XCTAssertEqual(CustomerField.name.anchors, ["id"])
        XCTAssertEqual(CustomerField.score.anchors.prefix(3), ["intent", "decision_by", "budget"])
        XCTAssertEqual(CustomerField.anchors(for: "status"), Array(CustomerField.keys[..<CustomerField.status.rawValue].reversed()))
        XCTAssertEqual(CustomerField.anchors(for: "wechat_group"), [], "a key outside the table goes at the end")
        XCTAssertEqual(CustomerMerge.anchors(for: "tags"), CustomerField.tags.anchors)
    }

    /// What `merge` copies from OTHER when KEEP lacks it, and what has a step of its own.
    func testMergeRules() {
        XCTAssertEqual(MergeDraft.handled, ["id", "merged_into", "created", "source", "source_detail", "sources", "contacts", "tags",
                                            "status", "next", "grade", "deal", "lost_reason", "assigned"])
        XCTAssertEqual(MergeDraft.contactFields, ["name", "title", "phone", "email", "wechat", "prefers", "role"])
    }

    /// A field's value is of its type, whatever the value looks like.
    func testEveryFieldsValueIsOfItsType() throws {
        let result = CustomerReader.read(path: RuleFixture.path, bytes: Array(CustomerFieldUsesTests.fullExample.utf8), configuration: Configuration())
        let customer = try XCTUnwrap(result.customer)
        for field in CustomerField.allCases {
            guard let value = field.definition.access.value(customer) else {
                XCTAssertFalse(field.type.isScalar && field != .mergedInto && field != .lostReason, "\(field.key) has no value")
                continue
            }
            switch (field.type, value) {
            case (.text, .text), (.wholeNumber, .wholeNumber), (.amount, .amount), (.date, .date), (.dateTime, .dateTime),
                 (.choice, .choice), (.choice, .text), (.textList, .texts):
                break
            default:
                XCTFail("\(field.key) is \(field.type) but reads as \(value)")
            }
        }
        XCTAssertEqual(CustomerField.lastReaders.map(\.key), ["source_detail"])
    }
}

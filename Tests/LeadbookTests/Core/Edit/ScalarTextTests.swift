import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Files leadbook writes read the same in every YAML tool: each writer's text values come back
/// from PyYAML and ruamel.yaml as exactly the string leadbook meant, and the one function that
/// decides (`PlainScalarReading`) agrees with those tools.
final class ScalarTextTests: XCTestCase {
    /// Values a rep writes by hand in text fields, and that leadbook accepts as text: phones
    /// with a leading zero, times, yes/no words, numbers with underscores, octal and hex, dates,
    /// null words, and text that looks like none of them.
    static let handWritten: [String] = [
        // phones and ids
        "02155550101", "013800000001", "13800000001", "+8613800000001", "0086-138-0000-0001", "138-0000-0001", "138 0000 0001",
        "+86 138 0000 0001", "(021)5555-0101", "400-800-8888", "0755", "07551234567", "0", "00", "-1", "+1",
        // wechat and codes
        "007", "0x1F", "0b101", "0o17", "1_000", "12345", "wx_007", "abc123", "0xZZ", "08", "09",
        // times
        "12:30", "09:30", "9:30", "1:30:00", "10:00", "190:20:30", "12:30.5",
        // yes / no
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
        "true", "True", "TRUE", "false", "False", "FALSE", "yEs", "nO",
        // null
        "~", "null", "Null", "NULL", "nULL",
        // numbers
        "1.5", "1.", ".5", "1e5", "1.5e3", "1.5e+3", ".5e3", ".inf", "-.inf", ".Inf", ".NAN", ".nan", ".NaN", ".Nan", "-.nan", "3.14.15", "1,000",
        // dates
        "2024-03-01", "2024-3-1", "2024-03-01 09:10", "2024-03-01 09:10:00", "2024-03-01T09:10:00Z", "2024-03-01t09:10:00+08:00",
        "2024-03-01 09:10:00.5 +8", "20240301", "2024/03/01",
        // YAML's own markers
        "=", "<<", "==", "<<<", "~~",
        // text
        "张伟", "Café Zoë GmbH", "N/A", "on-site", "offline", "no.1", "yes please", "NaN", "inf", "Infinity",
    ]

    /// Values only a writer can be handed (a spreadsheet cell, an option): what YAML's syntax
    /// itself needs quoted, and characters other tools do not take as they are.
    static let syntax: [String] = [
        " leading space", "trailing space ", "a #hash", "a: b", "a:", "- item", "? key", "[a]", "{a}", "&a", "*a", "!a", "|", ">",
        "%", "@王五", "`x`", ",", "'quoted'", "\"double\"", "back\\slash", "tab\there", "---", "...", "#",
        "next\u{85}line", "line\u{2028}separator", "c1\u{9B}control", "non\u{FFFE}character", "esc\u{1B}[0m",
    ]

    /// Plain scalars made of the characters numbers and times are made of (seeded, so every
    /// run tries the same): with the dates below and the hand-written forms, what the
    /// classifier is checked on.
    static func generated(_ count: Int) -> [String] {
        let alphabet = Array("0123456789_.:eE+-xob")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var values: [String] = []
        for _ in 0..<count {
            let length = 1 + next() % 7
            values.append(String((0..<length).map { _ in alphabet[next() % alphabet.count] }))
        }
        return values
    }

    /// Dates, times and zones in the shapes YAML's timestamp takes and near misses of them
    /// (one-digit parts, `T`, `t`, blanks, fractions, `Z`, offsets), seeded.
    static func generatedDates(_ count: Int) -> [String] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(next(10))) }) }
        var values: [String] = []
        for _ in 0..<count {
            var text = digits(3 + next(3)) + "-" + digits(1 + next(2)) + "-" + digits(1 + next(2))
            if next(3) > 0 {
                text += ["T", "t", " ", "  ", "\t", "_"][next(6)] + digits(1 + next(2)) + ":" + digits(2)
                if next(4) > 0 { text += ":" + digits(1 + next(2)) }
                if next(3) == 0 { text += "." + digits(next(4)) }
                switch next(5) {
                case 0: text += "Z"
                case 1: text += " Z"
                case 2: text += ["+", "-"][next(2)] + digits(1 + next(2)) + (next(2) == 0 ? ":" + digits(2) : "")
                case 3: text += " " + ["+", "-"][next(2)] + digits(1 + next(3))
                default: break
                }
            }
            values.append(text)
        }
        return values
    }

    // MARK: - The classifier against the tools

    /// Every plain value `PlainScalarReading` calls text is read as that text by PyYAML and
    /// ruamel.yaml (1.2 safe, round-trip, 1.1 safe): no ambiguous value is ever written plain.
    /// Every value some tool reads otherwise is flagged. The values it flags that both Python
    /// libraries read as text are the ones only the specifications resolve (`.5e3`, a YAML 1.2
    /// float; `y`/`n`, YAML 1.1 booleans) and are printed.
    func testTheClassifierAgreesWithPyYAMLAndRuamel() throws {
        let candidates = Array(Set(Self.handWritten + Self.generated(4000) + Self.generatedDates(1000)))
            .filter { !$0.isEmpty && ScalarText.isPlainSafe($0, inFlow: false, meaning: .typed) }.sorted()
        let results = try YAMLTools.read(candidates.map { "v: \($0)\n" })
        XCTAssertEqual(results.count, candidates.count)
        var textAgreed = 0, flaggedAgreed = 0
        var specOnly: [String] = []
        let handWritten = Set(Self.handWritten)
        var handWrittenReadOtherwise = 0
        for (value, row) in zip(candidates, results) {
            let readBack = row.map { $0["v"] ?? .other("missing") }
            let everyToolReadsText = readBack.allSatisfy { $0 == .string(value) }
            if handWritten.contains(value) && !everyToolReadsText { handWrittenReadOtherwise += 1 }
            if PlainScalarReading.isText(value) {
                XCTAssertTrue(everyToolReadsText, "`\(value)` is called text, but the tools read \(zip(YAMLTools.loaders, readBack).map { "\($0): \($1)" })")
                if everyToolReadsText { textAgreed += 1 }
            } else if everyToolReadsText {
                specOnly.append(value)
            } else {
                flaggedAgreed += 1
            }
        }
        // Only the two forms the specifications add may be flagged without a Python tool agreeing.
        for value in specOnly {
            let body = value.hasPrefix("-") || value.hasPrefix("+") ? String(value.dropFirst()) : value
            let isSpecFloat = body.hasPrefix(".") || body.contains("e") || body.contains("E")
            XCTAssertTrue(["y", "Y", "n", "N"].contains(value) || isSpecFloat, "`\(value)` is flagged, but every tool reads it as text")
        }
        print("PlainScalarReading against PyYAML and ruamel.yaml: \(candidates.count) values tried, \(textAgreed) text and "
              + "\(flaggedAgreed) flagged agree with the tools, \(specOnly.count) flagged for the specifications only (\(specOnly.joined(separator: " ")))")
        XCTAssertEqual(textAgreed + flaggedAgreed + specOnly.count, candidates.count)
        print("hand-written forms: \(handWritten.count), read as something else by PyYAML or ruamel.yaml: \(handWrittenReadOtherwise)")
    }

    // MARK: - Every writer

    /// One file per value, written by each writer: `new` and `import` (CustomerDraft), the
    /// edits of `log --lost-reason`, `import` and `merge` (RecordEdit.set on a new key, on an
    /// empty one and over a plain value), a contact added by `import` (block and flow lists),
    /// and `sync`'s proposed score (typed values stay plain). Every text field must come back
    /// from every tool as exactly the value, and from leadbook too.
    func testEveryWriterQuotesWhatOtherToolsWouldReadOtherwise() throws {
        let values = Self.handWritten.filter { !$0.isEmpty } + Self.syntax
        var documents: [String] = []
        var expected: [[(path: [String], value: String)]] = []
        var leadbookReads: [(String, [UInt8], [(path: [String], value: String)])] = []
        for value in values {
            var draft = CustomerDraft(id: "LX2024001", name: value, source: "website", intent: .A,
                                      created: LocalDateTime("2024-03-01 09:10")!)
            draft.fields[CustomerField.industry] = value
            draft.fields[CustomerField.needs] = value
            draft.fields[CustomerField.budget] = "200000"
            draft.fields[CustomerField.decisionBy] = "2024-04-01"
            draft.sourceDetail = [("page", value)]
            var contact = Contact()
            contact.name = value
            contact.title = value
            contact.phone = value
            contact.email = value
            contact.wechat = value
            draft.contacts = [contact]
            let drafted = draft.render()
            let draftFields: [(path: [String], value: String)] = [(["name"], value), (["industry"], value), (["needs"], value),
                (["source_detail", "page"], value), (["contacts", "name"], value), (["contacts", "title"], value),
                (["contacts", "phone"], value), (["contacts", "email"], value), (["contacts", "wechat"], value)]
            documents.append(YAMLTools.frontMatter(drafted))
            expected.append(draftFields)
            leadbookReads.append(("draft", Array(drafted.utf8), draftFields))

            let base = """
            ---
            id: LX2024002
            name: 华东云科技有限公司
            region: 华东
            owner:
            source: website
            contacts:
              - name: 张伟
            tags: [a]
            intent: A
            created: 2024-03-01 09:10
            status: lost
            ---

            # 华东云科技有限公司

            """
            var edit = try RecordEdit(bytes: Array(base.utf8))
            try edit.set(["lost_reason"], to: value, after: ["status"])
            try edit.set(["region"], to: value)
            try edit.set(["owner"], to: value)
            try edit.set(["deal"], toFlowMap: [("amount", "180000"), ("closed", "2024-04-02")], after: ["status"])
            try edit.appendListItem(["contacts"], item: SourceAddition.contactItem({ var c = Contact(); c.name = value; c.phone = value; return c }(), flow: false))
            try edit.appendListItem(["tags"], item: [ScalarText.render(value, replacing: nil, inFlow: true)])
            let edited = String(decoding: try edit.apply(), as: UTF8.self)
            let editFields: [(path: [String], value: String)] = [(["lost_reason"], value), (["region"], value), (["owner"], value)]
            documents.append(YAMLTools.frontMatter(edited))
            expected.append(editFields + [(["contacts", "name", "1"], value), (["contacts", "phone", "1"], value), (["tags", "1"], value)])
            leadbookReads.append(("edit", Array(edited.utf8), editFields))
        }
        let results = try YAMLTools.read(documents)
        XCTAssertEqual(results.count, documents.count)
        var tried = 0, passed = 0
        for (index, row) in results.enumerated() {
            for (loader, document) in zip(YAMLTools.loaders, row) {
                for (path, value) in expected[index] {
                    tried += 1
                    let found = Self.value(document, path)
                    if found == .string(value) {
                        passed += 1
                    } else {
                        XCTFail("\(loader) reads \(path.joined(separator: ".")) as \(found.map(\.description) ?? "nothing"), not \"\(value)\":\n\(documents[index])")
                    }
                }
                // Typed values stay what they are: numbers and dates.
                if index % 2 == 0 {
                    XCTAssertEqual(document["budget"]?.string, nil, "budget is a number to \(loader)")
                } else {
                    XCTAssertEqual(document["deal"]?["amount"]?.string, nil, "deal.amount is a number to \(loader)")
                }
            }
        }
        // leadbook reads every written value back as the same text.
        for (kind, bytes, fields) in leadbookReads {
            let result = CustomerReader.read(path: "customers/LX2024001.md", bytes: bytes, configuration: Configuration())
            let customer = try XCTUnwrap(result.customer, "\(kind): \(String(decoding: bytes, as: UTF8.self))")
            for (path, value) in fields {
                let read: String?
                switch path {
                case ["name"]: read = customer.name
                case ["industry"]: read = customer.industry
                case ["needs"]: read = customer.needs
                case ["region"]: read = customer.region
                case ["owner"]: read = customer.owner
                case ["lost_reason"]: read = customer.lostReason
                case ["source_detail", "page"]: read = customer.sourceDetail.first { $0.0 == "page" }?.1
                case ["contacts", "name"]: read = customer.contacts.first?.name
                case ["contacts", "title"]: read = customer.contacts.first?.title
                case ["contacts", "phone"]: read = customer.contacts.first?.phone
                case ["contacts", "email"]: read = customer.contacts.first?.email
                case ["contacts", "wechat"]: read = customer.contacts.first?.wechat
                default: read = nil
                }
                XCTAssertEqual(read, value, "leadbook reads \(path.joined(separator: ".")) of the \(kind) back")
            }
            XCTAssertFalse(result.findings.diagnostics.contains { $0.rule == AmbiguousScalar.rule }, "\(kind) of a written file is never ambiguous")
        }
        print("leadbook's writers against PyYAML and ruamel.yaml: \(values.count) values, \(documents.count) files, "
              + "\(tried) text fields read by \(YAMLTools.loaders.count) loaders, \(passed) came back as written")
        XCTAssertEqual(passed, tried)
    }

    /// The commands themselves: `new`, `log --lost-reason`, `import` (a new customer, and a
    /// source added to an existing one). Each file they write reads, in every tool, as leadbook
    /// reads it: each text field the same string.
    func testTheCommandsWriteFilesEveryToolReadsAsLeadbookDoes() throws {
        let workspace = try RuleTemporaryWorkspace()
        defer { workspace.remove() }
        try workspace.write("leadbook.yml", "language: en\n")
        func run(_ arguments: [String]) -> ExitCode {
            let console = RecordingConsole()
            let code = LeadbookCommandLine.run(arguments + ["-C", workspace.root],
                                               CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: workspace.root))
            XCTAssertNotEqual(code, .failure, console.output + console.errors)
            return code
        }
        _ = run(["new", "--name", "yes", "--source", "website", "--intent", "A", "--industry", "007", "--region", "NO", "--needs", "12:30",
                 "--contact", "on,~,02155550101,a@example.com", "--detail", "page=0x1F", "--at", "2024-03-01 09:10"])
        _ = run(["log", "LX2024001", "--channel", "phone", "--at", "2024-03-02T10:00", "--status", "lost", "--lost-reason", "NO"])
        try workspace.write("leads.csv", "企业名称,联系人,电话,所属行业,需求关键词,来源渠道,意向,获取时间\n"
                            + "True,off,13900000002,1_000,2024-03-01,website,B,2024-03-03 10:00\n"
                            + "另一家,Null,02155550101,y,.inf,exhibition,C,2024-03-04 10:00\n")
        _ = run(["import", "leads.csv"])
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.root + "/customers").filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertEqual(names.count, 2, "\(names)")
        var documents: [String] = [], customers: [Customer] = []
        for name in names {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: workspace.root + "/customers/" + name)))
            let result = CustomerReader.read(path: "customers/" + name, bytes: bytes, configuration: Configuration())
            XCTAssertFalse(result.findings.diagnostics.contains { $0.rule == AmbiguousScalar.rule }, RuleFixture.describe(result.findings.diagnostics))
            customers.append(try XCTUnwrap(result.customer))
            documents.append(YAMLTools.frontMatter(String(decoding: bytes, as: UTF8.self)))
        }
        let results = try YAMLTools.read(documents)
        var tried = 0, failures = 0
        for (customer, row) in zip(customers, results) {
            var fields: [([String], String?)] = [(["name"], customer.name), (["industry"], customer.industry), (["region"], customer.region),
                                                 (["needs"], customer.needs), (["lost_reason"], customer.lostReason)]
            for (index, contact) in customer.contacts.enumerated() {
                fields += [(["contacts", "name", "\(index)"], contact.name), (["contacts", "title", "\(index)"], contact.title),
                           (["contacts", "phone", "\(index)"], contact.phone)]
            }
            for (loader, document) in zip(YAMLTools.loaders, row) {
                for (path, value) in fields {
                    guard let value else { continue }
                    tried += 1
                    if Self.value(document, path) != .string(value) { failures += 1 }
                    XCTAssertEqual(Self.value(document, path), .string(value), "\(loader): \(path.joined(separator: "."))")
                }
            }
        }
        XCTAssertEqual(customers.first?.lostReason, "NO")
        XCTAssertEqual(customers.first?.sources.first?.source, "exhibition", "the second row shares LX2024001's phone: a source added")
        XCTAssertEqual(customers.last?.name, "True")
        XCTAssertEqual(customers.last?.industry, "1_000")
        XCTAssertEqual(customers.last?.needs, "2024-03-01")
        XCTAssertGreaterThan(tried, 40)
        print("new, log --lost-reason and import against PyYAML and ruamel.yaml: \(documents.count) files, \(tried) text fields read, "
              + "\(tried - failures) came back as written")
    }

    /// A value at a path: `["contacts", "phone"]` is the first contact's phone, a trailing
    /// number picks another item (`["tags", "1"]`).
    static func value(_ document: YAMLTools.Value, _ path: [String]) -> YAMLTools.Value? {
        var node: YAMLTools.Value? = document
        var keys = path
        var item = 0
        if let last = keys.last, let number = Int(last) { item = number; keys.removeLast() }
        for key in keys {
            if case .list(let items)? = node { node = items.indices.contains(item) ? items[item] : nil }
            node = node?[key]
        }
        if case .list(let items)? = node { node = items.indices.contains(item) ? items[item] : nil }
        return node
    }

    // MARK: - Quoting in leadbook's own terms

    func testTextIsQuotedWhenAnotherToolWouldReadItOtherwiseAndTypedValuesStayPlain() {
        XCTAssertEqual(ScalarText.render("02155550101", replacing: nil, inFlow: false), "\"02155550101\"")
        XCTAssertEqual(ScalarText.render("yes", replacing: .plain, inFlow: false), "\"yes\"")
        XCTAssertEqual(ScalarText.render("12:30", replacing: nil, inFlow: false), "\"12:30\"")
        XCTAssertEqual(ScalarText.render("华东", replacing: nil, inFlow: false), "华东")
        XCTAssertEqual(ScalarText.render("2024-03-05", replacing: nil, inFlow: false, meaning: ScalarText.meaning(of: ["next"])), "2024-03-05")
        XCTAssertEqual(ScalarText.render("200000", replacing: nil, inFlow: false, meaning: ScalarText.meaning(of: ["budget"])), "200000")
        XCTAssertEqual(ScalarText.meaning(of: ["deal", "amount"]), .typed)
        XCTAssertEqual(ScalarText.meaning(of: ["score", "reviewed_by"]), .text)
        XCTAssertEqual(ScalarText.meaning(of: ["lost_reason"]), .text)
        XCTAssertEqual(ScalarText.meaning(of: ["sources", "date"]), .typed)
        XCTAssertEqual(ScalarText.doubleQuoted("a\u{85}b\u{2028}c"), "\"a\\x85b\\u2028c\"")
    }

    /// `log --lost-reason yes` on a customer: the reason is quoted, the status and deal are not.
    func testLostReasonAndTheValuesBesideIt() throws {
        let text = "---\nid: LX2024001\nname: 华东云\nsource: website\nintent: A\ncreated: 2024-03-01 09:10\nstatus: lost\nnext: 2024-03-03\n---\n"
        var edit = try RecordEdit(bytes: Array(text.utf8))
        try edit.set(["lost_reason"], to: "NO", after: ["status"])
        try edit.set(["next"], to: "2024-03-05")
        let after = String(decoding: try edit.apply(), as: UTF8.self)
        XCTAssertTrue(after.contains("\nlost_reason: \"NO\"\n"), after)
        XCTAssertTrue(after.contains("\nnext: 2024-03-05\n"), after)
    }
}

import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `leadbook summary` run as users run it: the three formats on a fixed workspace, the HTML's
/// shape, no personal data, and `--compare` in a real git repository.
final class SummaryEndToEndTests: XCTestCase {
    static let asOf = "2024-06-15T12:00"

    var fixture: URL { Transcript.fixtures.appendingPathComponent("summary/workspace") }

    /// Markdown, JSON and HTML written with --out and compared byte for byte with
    /// expected-tree/summary.{md,json,html}; a quarter, a month without leads and usage errors.
    func testTheThreeFormatsOnAFixedWorkspace() throws {
        try Transcript.check("summary")
    }

    func run(_ arguments: [String], in workspace: URL) throws -> Transcript.Run {
        let run = try Transcript.run(arguments, in: workspace)
        XCTAssertEqual(run.status, 0, run.stderr)
        return run
    }

    func testTheHTMLIsWellFormedWithoutScriptsOrExternalReferences() throws {
        let html = try run(["summary", "--as-of", Self.asOf, "--format", "html"], in: fixture).stdout
        let parser = XMLParser(data: Data(html.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "")")
        XCTAssertEqual(collector.elements.first, "html")
        XCTAssertTrue(collector.elements.contains("svg"))
        XCTAssertTrue(collector.elements.contains("table"))
        XCTAssertTrue(collector.elements.contains("style"))
        XCTAssertFalse(collector.elements.contains("script"))
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertFalse(html.contains("http://"))
        XCTAssertFalse(html.contains("https://"))
        for attribute in collector.attributes {
            XCTAssertFalse(["src", "href", "xlink:href"].contains(attribute.name) || attribute.name.hasPrefix("on"),
                           "attribute \(attribute.name)=\(attribute.value)")
        }
        XCTAssertTrue(html.contains("<meta name=\"viewport\""))
        XCTAssertTrue(html.contains("@media print"))
    }

    /// Every phone number, email and contact name written in the workspace's files, read with
    /// the same reader leadbook uses.
    func workspacePersonalData(_ root: URL) throws -> (phones: [String], emails: [String], names: [String], customers: [String]) {
        var phones: [String] = [], emails: [String] = [], names: [String] = [], customers: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root.appendingPathComponent("customers").path)!
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".md") else { continue }
            let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent("customers/" + path)))
            guard let customer = CustomerReader.read(path: path, bytes: bytes, configuration: Configuration()).customer else { continue }
            if let name = customer.name { customers.append(name) }
            for contact in customer.contacts {
                if let phone = contact.phone { phones.append(phone) }
                if let email = contact.email { emails.append(email) }
                if let name = contact.name { names.append(name) }
            }
        }
        return (phones, emails, names, customers)
    }

    func testNoPhoneEmailOrContactNameInAnyFormat() throws {
        let data = try workspacePersonalData(fixture)
        XCTAssertGreaterThanOrEqual(data.phones.count, 10)
        XCTAssertGreaterThanOrEqual(data.emails.count, 8)
        // The fixture's lost reason quotes a contact's name, phone and email.
        let reasons = try String(contentsOf: fixture.appendingPathComponent("customers/LX2024110-beiling.md"), encoding: .utf8)
        XCTAssertTrue(reasons.contains("lost_reason: 联系人赵磊（13900001111，zhao.lei@beiling.example）"))
        for format in ["md", "json", "html"] {
            for extra in [[], ["--period", "2024-05"], ["--by", "region", "--by", "industry"]] {
                let output = try run(["summary", "--as-of", Self.asOf, "--format", format] + extra, in: fixture).stdout
                for phone in data.phones { XCTAssertFalse(output.contains(phone), "\(format) \(extra) shows phone \(phone)") }
                for email in data.emails {
                    XCTAssertFalse(output.contains(email), "\(format) \(extra) shows email \(email)")
                    XCTAssertFalse(output.contains(String(email.split(separator: "@")[0]) + "@"), "\(format) shows an email's local part")
                }
                for name in data.names { XCTAssertFalse(output.contains(name), "\(format) \(extra) shows contact \(name)") }
                // Customers are shown by name (the toolkit's company names are not personal data).
                if extra.isEmpty { XCTAssertTrue(output.contains("竞品报价更低")) }
            }
        }
    }

    // MARK: --compare in a temporary git repository

    func git(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = directory.path
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments): \(String(decoding: message, as: UTF8.self))")
    }

    func write(_ text: String, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func customer(_ id: String, status: String, entries: [(String, String?)], created: String = "2024-03-01 09:00") -> String {
        var text = """
        ---
        id: \(id)
        name: 客户\(id.suffix(3))
        source: website
        contacts:
          - name: 联系人\(id.suffix(3))
            phone: "1390000\(id.suffix(4))"
        intent: B
        owner: 王五
        created: \(created)
        assigned: \(String(created.prefix(10))) 10:00
        status: \(status)

        """
        if status == "won" { text += "deal: {amount: 100000, closed: 2024-04-01}\n" }
        if status == "lost" { text += "lost_reason: 预算取消\n" }
        text += "---\n\n## Follow-ups\n"
        for (date, entryStatus) in entries {
            text += "\n### \(date) phone\n"
            if let entryStatus { text += "- status: \(entryStatus)\n" }
        }
        return text
    }

    func testCompareNamesTheMovementSinceARevision() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/git") else {
            throw XCTSkip("git is not installed")
        }
        let repository = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-compare-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: repository) }
        // The workspace is a sub-folder of the repository, as in a monorepo.
        let workspace = repository.appendingPathComponent("sales")
        let customers = workspace.appendingPathComponent("customers")
        try write("language: en\nteam:\n  - {name: 王五, role: manager, group: 华东组}\n", to: workspace.appendingPathComponent("leadbook.yml"))
        try write(customer("LX2024001", status: "contacted", entries: [("2024-03-01 10:30", "contacted")]), to: customers.appendingPathComponent("LX2024001.md"))
        try write(customer("LX2024002", status: "proposal", entries: [("2024-03-01 10:30", "proposal")]), to: customers.appendingPathComponent("LX2024002.md"))
        try write(customer("LX2024003", status: "negotiation", entries: [("2024-03-01 10:30", "negotiation")]), to: customers.appendingPathComponent("LX2024003.md"))
        try write(customer("LX2024004", status: "qualified", entries: [("2024-03-01 10:30", "qualified")]), to: customers.appendingPathComponent("2024/LX2024004.md"))
        try write(customer("LX2024005", status: "contacted", entries: [("2024-03-01 10:30", "contacted")]), to: customers.appendingPathComponent("LX2024005.md"))
        try write(customer("LX2024006", status: "proposal", entries: [("2024-03-01 10:30", "proposal")]), to: customers.appendingPathComponent("LX2024006.md"))
        try write(customer("LX2024007", status: "qualified", entries: [("2024-03-01 10:30", "qualified")]), to: customers.appendingPathComponent("LX2024007.md"))
        try write(customer("LX2024008", status: "contacted", entries: [("2024-03-01 10:30", "contacted")]), to: customers.appendingPathComponent("LX2024008.md"))
        try git(["init", "-q"], in: repository)
        try git(["add", "."], in: repository)
        try git(["commit", "-q", "-m", "week 1"], in: repository)
        try git(["tag", "week1"], in: repository)

        // A week later: 001 advanced, 002 won, 003 lost, 004 moved back, 005 stalled (no entry),
        // 006 got an entry but kept its status (not stalled), 007 removed, 008 merged, 009 new.
        try write(customer("LX2024001", status: "qualified", entries: [("2024-03-01 10:30", "contacted"), ("2024-03-06 10:00", "qualified")]),
                  to: customers.appendingPathComponent("LX2024001.md"))
        try write(customer("LX2024002", status: "won", entries: [("2024-03-01 10:30", "proposal"), ("2024-03-07 10:00", "won")]),
                  to: customers.appendingPathComponent("LX2024002.md"))
        try write(customer("LX2024003", status: "lost", entries: [("2024-03-01 10:30", "negotiation"), ("2024-03-07 10:00", "lost")]),
                  to: customers.appendingPathComponent("LX2024003.md"))
        try write(customer("LX2024004", status: "contacted", entries: [("2024-03-01 10:30", "qualified"), ("2024-03-07 10:00", "contacted")]),
                  to: customers.appendingPathComponent("2024/LX2024004.md"))
        try write(customer("LX2024006", status: "proposal", entries: [("2024-03-01 10:30", "proposal"), ("2024-03-07 10:00", nil)]),
                  to: customers.appendingPathComponent("LX2024006.md"))
        try FileManager.default.removeItem(at: customers.appendingPathComponent("LX2024007.md"))
        try write("---\nid: LX2024008\nmerged_into: LX2024001\n---\n", to: customers.appendingPathComponent("LX2024008.md"))
        try write(customer("LX2024009", status: "contacted", entries: [("2024-03-08 10:30", "contacted")], created: "2024-03-08 09:00"),
                  to: customers.appendingPathComponent("LX2024009.md"))
        try git(["add", "-A"], in: repository)
        try git(["commit", "-q", "-m", "week 2"], in: repository)
        // Uncommitted work counts too: the working tree is compared with the revision.
        try write(customer("LX2024010", status: "untouched", entries: [], created: "2024-03-09 09:00"), to: customers.appendingPathComponent("LX2024010.md"))

        let check = try Transcript.run(["check"], in: workspace)
        XCTAssertEqual(check.status, 0, check.stdout)

        let json = try run(["summary", "--as-of", "2024-03-10T09:00", "--compare", "week1", "--format", "json"], in: workspace).stdout
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let movement = decoded["movement"] as! [String: Any]
        func ids(_ kind: String) -> [String] { (movement[kind] as! [[String: Any]]).map { $0["id"] as! String } }
        XCTAssertEqual(movement["revision"] as? String, "week1")
        XCTAssertEqual((movement["commit"] as? String)?.count, 40)
        XCTAssertEqual(ids("new"), ["LX2024009", "LX2024010"])
        XCTAssertEqual(ids("advanced"), ["LX2024001"])
        XCTAssertEqual(ids("moved-back"), ["LX2024004"])
        XCTAssertEqual(ids("won"), ["LX2024002"])
        XCTAssertEqual(ids("lost"), ["LX2024003"])
        XCTAssertEqual(ids("stalled"), ["LX2024005"])
        XCTAssertEqual(ids("removed"), ["LX2024007", "LX2024008"])
        let advanced = (movement["advanced"] as! [[String: Any]])[0]
        XCTAssertEqual(advanced["before"] as? String, "contacted")
        XCTAssertEqual(advanced["after"] as? String, "qualified")
        XCTAssertEqual(advanced["name"] as? String, "客户001")

        // HEAD~1 is the same commit as week1; Markdown names the customers.
        let markdown = try run(["summary", "--as-of", "2024-03-10T09:00", "--compare", "HEAD~1"], in: workspace).stdout
        XCTAssertTrue(markdown.contains("## 6. Movement since HEAD\\~1 ("), markdown)
        XCTAssertTrue(markdown.contains("| advanced | 1 |"), markdown)
        XCTAssertTrue(markdown.contains("- LX2024001 客户001 (contacted → qualified)"), markdown)
        XCTAssertTrue(markdown.contains("- LX2024005 客户005 (contacted)"), markdown)
        XCTAssertTrue(markdown.contains("- LX2024007 客户007 (was qualified)"), markdown)
        XCTAssertFalse(markdown.contains("1390000"), "no phone numbers")

        // A period limits the movement to the leads captured in it.
        let march8 = try run(["summary", "--as-of", "2024-03-10T09:00", "--compare", "week1", "--from", "2024-03-08", "--format", "json"], in: workspace).stdout
        let limited = (try JSONSerialization.jsonObject(with: Data(march8.utf8)) as! [String: Any])["movement"] as! [String: Any]
        XCTAssertEqual((limited["new"] as! [[String: Any]]).count, 2)
        XCTAssertEqual((limited["stalled"] as! [[String: Any]]).count, 0)
        XCTAssertEqual((limited["removed"] as! [[String: Any]]).count, 0)

        // A revision that does not exist, and a workspace outside git.
        let missing = try Transcript.run(["summary", "--compare", "no-such-tag"], in: workspace)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stdout, "")
        XCTAssertTrue(missing.stderr.contains("no commit `no-such-tag`"), missing.stderr)
        let option = try Transcript.run(["summary", "--compare=--output=x"], in: workspace)
        XCTAssertEqual(option.status, 2)
        XCTAssertTrue(option.stderr.contains("is not a git revision"), option.stderr)
    }

    /// A private person (`kind: person`) in the movement list of `--compare` is named by id
    /// only, in every format: one who moved, one removed since the revision, one new.
    func testComparePrivatePersonsAreNamedByIdOnly() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/git") else {
            throw XCTSkip("git is not installed")
        }
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-compare-person-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: workspace) }
        let customers = workspace.appendingPathComponent("customers")
        func person(_ id: String, _ name: String, status: String, entries: [(String, String?)], created: String = "2024-03-01 09:00") -> String {
            customer(id, status: status, entries: entries, created: created)
                .replacingOccurrences(of: "name: 客户\(id.suffix(3))\n", with: "name: \(name)\nkind: person\n")
        }
        try write("language: en\nteam:\n  - {name: 王五, role: manager}\n", to: workspace.appendingPathComponent("leadbook.yml"))
        try write(person("LX2024001", "张小花", status: "contacted", entries: [("2024-03-01 10:30", "contacted")]),
                  to: customers.appendingPathComponent("LX2024001.md"))
        try write(person("LX2024002", "李大山", status: "contacted", entries: [("2024-03-01 10:30", "contacted")]),
                  to: customers.appendingPathComponent("LX2024002.md"))
        try write(customer("LX2024003", status: "contacted", entries: [("2024-03-01 10:30", "contacted")]),
                  to: customers.appendingPathComponent("LX2024003.md"))
        try git(["init", "-q"], in: workspace)
        try git(["add", "."], in: workspace)
        try git(["commit", "-q", "-m", "week 1"], in: workspace)
        try write(person("LX2024001", "张小花", status: "qualified", entries: [("2024-03-01 10:30", "contacted"), ("2024-03-06 10:00", "qualified")]),
                  to: customers.appendingPathComponent("LX2024001.md"))
        try FileManager.default.removeItem(at: customers.appendingPathComponent("LX2024002.md"))
        try write(customer("LX2024003", status: "qualified", entries: [("2024-03-01 10:30", "contacted"), ("2024-03-06 10:00", "qualified")]),
                  to: customers.appendingPathComponent("LX2024003.md"))
        try write(person("LX2024004", "王小明", status: "untouched", entries: [], created: "2024-03-08 09:00"),
                  to: customers.appendingPathComponent("LX2024004.md"))
        let check = try Transcript.run(["check"], in: workspace)
        XCTAssertEqual(check.status, 0, check.stdout)

        for format in ["md", "json", "html"] {
            let output = try run(["summary", "--as-of", "2024-03-10T09:00", "--compare", "HEAD", "--format", format], in: workspace).stdout
            for name in ["张小花", "李大山", "王小明"] {
                XCTAssertFalse(output.contains(name), "\(format) names the private person \(name)")
            }
            for id in ["LX2024001", "LX2024002", "LX2024004"] {
                XCTAssertTrue(output.contains(id), "\(format) does not list \(id)")
            }
            // A company is still named.
            XCTAssertTrue(output.contains("客户003"), format)
        }
        let markdown = try run(["summary", "--as-of", "2024-03-10T09:00", "--compare", "HEAD"], in: workspace).stdout
        XCTAssertTrue(markdown.contains("- LX2024001 (contacted → qualified)"), markdown)
        XCTAssertTrue(markdown.contains("- LX2024002 (was contacted)"), markdown)
        let json = try run(["summary", "--as-of", "2024-03-10T09:00", "--compare", "HEAD", "--format", "json"], in: workspace).stdout
        let movement = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any])["movement"] as! [String: Any]
        XCTAssertEqual((movement["new"] as! [[String: Any]]).first?["name"] as? String, "")
    }

    func testCompareOutsideARepositoryFails() throws {
        let workspace = try Transcript.copy(fixture)
        defer { try? FileManager.default.removeItem(at: workspace) }
        let run = try Transcript.run(["summary", "--compare", "HEAD"], in: workspace, environment: ["GIT_CEILING_DIRECTORIES": workspace.deletingLastPathComponent().path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("is not in a git repository"), run.stderr)
    }
}

/// Element names and attributes of a parsed document.
final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: [(name: String, value: String)] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        elements.append(elementName)
        for (name, value) in attributeDict { attributes.append((name, value)) }
    }
}

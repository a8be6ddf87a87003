import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The commands over the whole pipeline that keep only a record per customer (agenda, assign,
/// renumber), stream what they write (export) or make only the rows they show (index) give what
/// reading every whole customer and rendering one string gave, on the benchmark's generated
/// workspace (400 customers, seed 1).
final class GeneratedWorkspaceTests: XCTestCase {
    static var generated: URL?

    /// The workspace, generated once for the class by `leadbook-bench generate`.
    func workspaceRoot() throws -> URL {
        if let generated = Self.generated { return generated }
        let directory: URL
        do { directory = try GeneratedWorkspace.make(customers: 400, purpose: "generated") } catch let missing as GeneratedWorkspace.Missing {
            throw XCTSkip(missing.description)
        }
        Self.generated = directory
        return directory
    }

    override class func tearDown() {
        if let generated { try? FileManager.default.removeItem(at: generated) }
        generated = nil
        super.tearDown()
    }

    /// A console that keeps each piece written to standard output.
    final class PieceConsole: Console {
        var pieces: [String] = []
        var errors = ""
        var isTerminal: Bool { false }
        var language: Language = .en
        func out(_ text: String) { pieces.append(text) }
        func err(_ text: String) { errors += text }
    }

    func run(_ arguments: [String], _ console: Console) throws -> ExitCode {
        let root = try workspaceRoot()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: root.path)
        return LeadbookCommandLine.run([arguments[0], "-C", root.path] + arguments.dropFirst(), context)
    }

    func output(_ arguments: [String]) throws -> (ExitCode, String) {
        let console = RecordingConsole()
        let code = try run(arguments, console)
        XCTAssertEqual(console.errors, "", arguments.joined(separator: " "))
        return (code, console.output)
    }

    var allFields: String { CustomerColumn.allCases.map(\.rawValue).joined(separator: ",") }

    // MARK: export

    func testTheStreamedCSVIsTheWholeStringRendering() throws {
        let workspace = Workspace.open(root: try workspaceRoot().path)
        for columns in [CustomerColumn.defaults, CustomerColumn.allCases] {
            let rows = CustomerTable.load(workspace, columns: columns, labels: true, json: false).rows
            let whole = CustomerTable.csv(header: CustomerTable.header(columns, labels: true), rows: rows)
            XCTAssertGreaterThan(rows.count, 350)
            let (code, streamed) = try output(["export", "--fields", columns.map(\.rawValue).joined(separator: ",")])
            XCTAssertEqual(code, .ok)
            XCTAssertEqual(streamed, whole)
        }
    }

    func testTheStreamedJSONIsTheWholeStringRendering() throws {
        let workspace = Workspace.open(root: try workspaceRoot().path)
        let rows = CustomerTable.load(workspace, columns: CustomerColumn.allCases, labels: true, json: true).rows
        let whole = JSON.array(rows.map(\.json)).rendered() + "\n"
        let (code, streamed) = try output(["export", "--format", "json", "--fields", allFields])
        XCTAssertEqual(code, .ok)
        XCTAssertEqual(streamed, whole)
    }

    func testAnExportToAFileIsTheSameBytes() throws {
        let workspace = Workspace.open(root: try workspaceRoot().path)
        let count = CustomerTable.load(workspace, columns: CustomerColumn.defaults, labels: true, json: false).rows.count
        for format in ["csv", "json"] {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-export-\(UUID().uuidString).\(format)")
            defer { try? FileManager.default.removeItem(at: out) }
            let (_, printed) = try output(["export", "--format", format, "--fields", allFields])
            let (code, said) = try output(["export", "--format", format, "--fields", allFields, "--out", out.path])
            XCTAssertEqual(code, .ok)
            XCTAssertEqual(said, "exported \(count) customers to \(out.path)\n")
            XCTAssertEqual(try Data(contentsOf: out), Data(printed.utf8), format)
        }
    }

    /// Nothing holds the whole table: it reaches the console in pieces of about 64 KB.
    func testTheExportReachesTheConsoleInPieces() throws {
        for format in ["csv", "json"] {
            let console = PieceConsole()
            XCTAssertEqual(try run(["export", "--format", format, "--fields", allFields], console), .ok)
            let total = console.pieces.reduce(0) { $0 + $1.utf8.count }
            XCTAssertGreaterThan(total, 3 << 16, format)
            XCTAssertGreaterThanOrEqual(console.pieces.count, 3, format)
            XCTAssertLessThan(console.pieces.map(\.utf8.count).max() ?? 0, (1 << 16) + (1 << 14), format)
        }
    }

    // MARK: agenda, assign, renumber

    func testTheAgendaOfRecordsIsTheAgendaOfEveryCustomer() throws {
        let workspace = Workspace.open(root: try workspaceRoot().path)
        let team = workspace.configuration.team
        let asOf = LocalDateTime("2025-01-10T09:00")!
        let set = CustomerSet.load(workspace)
        for days in [0, 30] {
            let whole = Agenda(set.customers, configuration: workspace.configuration, asOf: asOf, days: days)
            XCTAssertGreaterThan(whole.items.count, 50)
            for format in days == 0 ? ["text", "json", "md"] : ["text"] {
                let (_, printed) = try output(["agenda", "--as-of", "2025-01-10T09:00", "--days", String(days), "--format", format])
                switch format {
                case "json": XCTAssertEqual(printed, whole.json(team: team).rendered() + "\n")
                case "md": XCTAssertEqual(printed, whole.markdown(team: team))
                default: XCTAssertEqual(printed, whole.text(team: team))
                }
            }
        }
        let whole = Agenda(set.customers, configuration: workspace.configuration, asOf: asOf, days: 30)
        for owner in [team[0].name, team[5].name] {
            var mine = whole
            mine.items.removeAll { $0.owner != owner }
            mine.mentees = Agenda.menteeItems(whole.items, team: team, of: owner)
            XCTAssertFalse(mine.items.isEmpty)
            let (_, printed) = try output(["agenda", "--as-of", "2025-01-10T09:00", "--days", "30", "--owner", owner])
            XCTAssertEqual(printed, mine.text(team: team))
        }
    }

    /// The agenda is printed a rep at a time, never held as one string.
    func testTheAgendaReachesTheConsoleARepAtATime() throws {
        let workspace = Workspace.open(root: try workspaceRoot().path)
        let asOf = LocalDateTime("2025-01-10T09:00")!
        let whole = Agenda(CustomerSet.load(workspace).customers, configuration: workspace.configuration, asOf: asOf, days: 30)
        let groups = whole.byOwner(team: workspace.configuration.team).count
        XCTAssertGreaterThan(groups, 3)
        for format in ["text", "json", "md"] {
            let console = PieceConsole()
            XCTAssertEqual(try run(["agenda", "--as-of", "2025-01-10T09:00", "--days", "30", "--format", format], console), .ok)
            XCTAssertGreaterThanOrEqual(console.pieces.count, groups + 1, format)
        }
    }

    func testTheAssignmentOfLeadsIsTheAssignmentOfEveryCustomer() throws {
        let workspace = Workspace.open(root: try workspaceRoot().path)
        let configuration = workspace.configuration
        let whole = Assignment.plan(CustomerSet.load(workspace).entries, configuration: configuration)
        XCTAssertGreaterThan(whole.filter { $0.rep != nil }.count, 5)
        let leads = CustomerSet.reduce(workspace) { Assignment.lead($0, configuration: configuration) }
        XCTAssertLessThan(leads.records.compactMap(\.waiting).count, 1000)
        let planned = Assignment.plan(leads: leads.records, configuration: configuration)
        func described(_ decisions: [Assignment.Decision]) -> [String] {
            decisions.map { [$0.customerId, $0.customerName, $0.path, $0.grade?.rawValue ?? "-", $0.gradeSource,
                             $0.role?.rawValue ?? "-", $0.rep?.name ?? "-", $0.reason].joined(separator: " | ") }
        }
        XCTAssertEqual(described(planned), described(whole))
        let (_, printed) = try output(["assign", "--dry-run", "--at", "2025-01-10T09:00"])
        XCTAssertEqual(printed.split(separator: "\n").count, whole.count)
    }

    // MARK: index

    /// The index files as every customer read whole, with all its follow-up rows, gives them.
    func expectedIndex(_ workspace: Workspace, owners: Bool) -> (IndexAssembly, [WorkspaceIndex.Target]) {
        let extraction = WorkspaceIndex.extraction(workspace, owners: owners, keepText: true)
        let rows = CustomerSet.load(workspace).entries.compactMap { extraction.rows($0.customer, path: $0.path) }
        XCTAssertGreaterThan(rows.reduce(0) { $0 + $1.rows.filter { $0.table == .followUps }.count }, 1000)
        let assembly = IndexAssembly(rows, configuration: workspace.configuration, keepText: true)
        return (assembly, WorkspaceIndex.targets(assembly, owners: owners))
    }

    func testTheIndexIsWhatEveryWholeCustomerGives() throws {
        let root = try workspaceRoot()
        let workspace = Workspace.open(root: root.path)
        let index = root.appendingPathComponent(workspace.configuration.indexFile)
        defer {
            try? FileManager.default.removeItem(at: index)
            try? FileManager.default.removeItem(at: root.appendingPathComponent("index"))
        }
        let (assembly, targets) = expectedIndex(workspace, owners: true)
        XCTAssertGreaterThan(assembly.block(.followUps).rowCount, 0)
        XCTAssertLessThan(assembly.block(.followUps).rowCount, 100, "the window holds a few of the follow-ups")
        let (code, said) = try output(["index", "--by", "owner"])
        XCTAssertEqual(code, .ok)
        XCTAssertTrue(said.hasPrefix("created INDEX.md (\(assembly.block(.leads).rowCount) customers, \(assembly.block(.followUps).rowCount) follow-ups from"), said)
        XCTAssertGreaterThan(targets.count, 3)
        for target in targets {
            let written = try Data(contentsOf: root.appendingPathComponent(target.path))
            XCTAssertEqual(written, Data(assembly.document(owner: target.owner)), target.path)
        }
        XCTAssertEqual(try output(["index", "--check", "--by", "owner"]).0, .ok)
        // A row changed by hand, in a file with CRLF line ends and text around the tables, is
        // written back as the customer files give it; the rest stays byte for byte.
        let text = try String(contentsOf: index, encoding: .utf8)
        let edited = "Notes kept by the team.\r\n" + text.replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "| LX2024000003 |", with: "| LX2024000003 (edited) |")
        try Data(edited.utf8).write(to: index)
        XCTAssertEqual(try output(["index", "--check"]).0, .findings)
        let (again, _) = try output(["index"])
        XCTAssertEqual(again, .ok)
        let expected = "Notes kept by the team.\r\n" + String(decoding: assembly.document(owner: nil, eol: [0x0D, 0x0A]), as: UTF8.self)
        XCTAssertEqual(try String(contentsOf: index, encoding: .utf8), expected)
    }
}

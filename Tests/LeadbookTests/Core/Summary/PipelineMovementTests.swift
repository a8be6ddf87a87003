import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// How customers are sorted into new, advanced, moved back, won, lost, stalled and removed.
final class PipelineMovementTests: XCTestCase {
    static let asOf = LocalDateTime("2024-03-10 09:00")!

    /// `LX20240` and the letter's code: A is LX2024065.
    static func lx(_ letter: String) -> String { "LX20240" + String(letter.unicodeScalars.first!.value) }

    func customer(_ letter: String, _ status: String, entries: [(String, String?)], created: String = "2024-03-01 09:00") -> Customer {
        let id = Self.lx(letter)
        var text = "---\nid: \(id)\nname: 客户\(letter)\nsource: website\nintent: B\ncreated: \(created)\nstatus: \(status)\n"
        if status == "won" { text += "deal: {amount: 1000, closed: 2024-03-05}\n" }
        if status == "lost" { text += "lost_reason: 预算取消\n" }
        text += "---\n\n## Follow-ups\n"
        for (date, entryStatus) in entries {
            text += "\n### \(date) phone\n" + (entryStatus.map { "- status: \($0)\n" } ?? "")
        }
        let result = CustomerReader.read(path: "customers/\(id).md", bytes: Array(text.utf8), configuration: Configuration())
        XCTAssertEqual(result.findings.errorCount, 0, result.findings.diagnostics.map(\.message).joined(separator: "; "))
        return result.customer!
    }

    func snapshot(_ customer: Customer) -> PipelineMovement.Snapshot? {
        PipelineMovement.snapshot(customer, configuration: Configuration(), asOf: Self.asOf)
    }

    func record(_ customer: Customer) -> SummaryRecord {
        guard case .record(let record) = SummaryRecord.extract(customer, configuration: Configuration(), asOf: Self.asOf) else {
            fatalError("no record")
        }
        return record
    }

    func testEachKindOfMovement() {
        let before = [
            customer("A", "contacted", entries: [("2024-03-01 10:00", "contacted")]),
            customer("B", "proposal", entries: [("2024-03-01 10:00", "proposal")]),
            customer("C", "qualified", entries: [("2024-03-01 10:00", "qualified")]),
            customer("D", "won", entries: [("2024-03-01 10:00", "won")]),
            customer("E", "contacted", entries: [("2024-03-01 10:00", "contacted")]),
            customer("F", "contacted", entries: [("2024-03-01 10:00", "contacted")]),
            customer("G", "lost", entries: [("2024-03-01 10:00", "lost")]),
            customer("H", "qualified", entries: [("2024-03-01 10:00", "qualified")]),
        ].compactMap(snapshot)
        let now = [
            customer("A", "qualified", entries: [("2024-03-01 10:00", "contacted"), ("2024-03-05 10:00", "qualified")]),
            customer("B", "won", entries: [("2024-03-01 10:00", "proposal"), ("2024-03-05 10:00", "won")]),
            customer("C", "contacted", entries: [("2024-03-01 10:00", "qualified"), ("2024-03-05 10:00", "contacted")]),
            customer("D", "negotiation", entries: [("2024-03-01 10:00", "won"), ("2024-03-05 10:00", "negotiation")]),  // reopened
            customer("E", "contacted", entries: [("2024-03-01 10:00", "contacted")]),                                    // no entry since
            customer("F", "contacted", entries: [("2024-03-01 10:00", "contacted"), ("2024-03-06 10:00", nil)]),        // worked on
            customer("G", "lost", entries: [("2024-03-01 10:00", "lost")]),                                              // closed, unchanged
            customer("N", "untouched", entries: [], created: "2024-03-08 09:00"),
        ].map(record)
        let movement = PipelineMovement(revision: "HEAD~1", commit: String(repeating: "a", count: 40), before: before, now: now, period: .all)
        func ids(_ kind: PipelineMovement.Kind) -> [String] { movement.items(kind).map { String(UnicodeScalar(UInt8($0.id.dropFirst(7))!)) } }
        XCTAssertEqual(ids(.new), ["N"])
        XCTAssertEqual(ids(.advanced), ["A"])
        XCTAssertEqual(ids(.movedBack), ["C", "D"])
        XCTAssertEqual(ids(.won), ["B"])
        XCTAssertEqual(ids(.lost), [])
        XCTAssertEqual(ids(.stalled), ["E"])
        XCTAssertEqual(ids(.removed), ["H"])
        XCTAssertEqual(movement.items(.advanced).first, PipelineMovement.Item(id: Self.lx("A"), name: "客户A", before: .contacted, after: .qualified))
        XCTAssertEqual(movement.groups.map(\.kind), PipelineMovement.Kind.allCases)
    }

    /// A file with entries after the as-of moment is seen at that moment on both sides.
    func testAnUnchangedFileNeverMoves() {
        let file = customer("A", "won", entries: [("2024-03-01 10:00", "contacted"), ("2024-03-20 10:00", "won")])
        let movement = PipelineMovement(revision: "HEAD", commit: "", before: [snapshot(file)!], now: [record(file)], period: .all)
        XCTAssertEqual(record(file).status, .contacted)
        XCTAssertEqual(movement.groups.filter { $0.kind != .stalled }.flatMap(\.items), [])
        XCTAssertEqual(movement.items(.stalled).map(\.id), [Self.lx("A")])
    }

    func testTombstonesAndLaterCustomersAreNotSnapshots() {
        var tombstone = customer("T", "contacted", entries: [])
        tombstone.mergedInto = "A"
        XCTAssertNil(snapshot(tombstone))
        XCTAssertNil(snapshot(customer("L", "untouched", entries: [], created: "2024-03-11 09:00")))
    }
}

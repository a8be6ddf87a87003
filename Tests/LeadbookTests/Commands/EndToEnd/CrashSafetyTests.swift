import Foundation
import XCTest

/// A writing leadbook killed with SIGKILL at random moments leaves every file either as it
/// was or as it would be after the command, never torn.
final class CrashSafetyTests: XCTestCase {
    static func customer(_ number: Int, grade: String) -> String {
        """
        ---
        id: LX2024\(String(format: "%03d", number))
        name: 客户\(number)有限公司
        source: website
        intent: B
        score: {size: 20, budget: 20, urgency: 15, decision: 10}
        grade: \(grade)   # 65 gives A
        created: 2024-03-01 09:00
        status: contacted
        ---

        # 客户\(number)

        ## Follow-ups

        ### 2024-03-01 10:00 phone 联系人
        - status: contacted
        \(String(repeating: "很长的跟进记录，", count: 200))

        """
    }

    func testKilledSyncLeavesEveryFileOldOrNew() throws {
        let fileManager = FileManager.default
        let root = fileManager.temporaryDirectory.appendingPathComponent("leadbook-crash-" + UUID().uuidString)
        defer { try? fileManager.removeItem(at: root) }
        let customers = root.appendingPathComponent("customers")
        try fileManager.createDirectory(at: customers, withIntermediateDirectories: true)
        try Data("language: zh-CN\n".utf8).write(to: root.appendingPathComponent("leadbook.yml"))
        var old: [String: Data] = [:]
        for number in 1...100 {
            let name = "LX2024\(String(format: "%03d", number))-c.md"
            let data = Data(Self.customer(number, grade: "B").utf8)
            old[name] = data
            try data.write(to: customers.appendingPathComponent(name))
        }
        var new: [String: Data] = [:]
        for number in 1...100 {
            new["LX2024\(String(format: "%03d", number))-c.md"] = Data(Self.customer(number, grade: "A").utf8)
        }
        var generator = SystemRandomNumberGenerator()
        var killedMidway = 0
        for round in 0..<12 {
            // Back to the old state for some files, so every round has work to do.
            for (name, data) in old where Int.random(in: 0..<3, using: &generator) == 0 {
                try data.write(to: customers.appendingPathComponent(name))
            }
            let process = Process()
            process.executableURL = Transcript.executable
            process.arguments = ["sync", "-C", root.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...40_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedMidway += 1 }
            for name in old.keys {
                let data = try Data(contentsOf: customers.appendingPathComponent(name))
                XCTAssertTrue(data == old[name] || data == new[name], "round \(round): \(name) is torn (\(data.count) bytes)")
            }
        }
        XCTAssertGreaterThan(killedMidway, 0, "no run was killed before it finished; the test proved nothing")
        // A last sync finishes the job; leftovers of killed writes are hidden temporary files.
        let finish = try Transcript.run(["sync", "-C", root.path], in: root)
        XCTAssertEqual(finish.status, 0, finish.stderr)
        for (name, data) in new {
            XCTAssertEqual(try Data(contentsOf: customers.appendingPathComponent(name)), data, name)
        }
        let check = try Transcript.run(["check", "-C", root.path], in: root)
        XCTAssertEqual(check.status, 0, check.stdout)
    }
}

import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Two reps, two clones of one workspace, random work on the same customers, then `git pull`
/// with the merge driver: every follow-up and feedback entry of either clone is there exactly
/// once, no conflict marker is left, and the workspace passes `check` once `renumber` has
/// settled the ids both clones gave out.
///
/// Seeds 0..<LEADBOOK_MERGE_SEEDS (default 10); LEADBOOK_MERGE_SEED runs that one seed alone.
final class TwoClonesTests: XCTestCase {
    /// A small deterministic generator (SplitMix64), so a failing seed can be run again.
    struct Dice: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let names = ["华东云科技", "博雅教育", "恒立制造", "蓝海物流", "金石律所", "青禾农业", "启明医疗", "远航电子"]

    var seeds: [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        if let one = environment["LEADBOOK_MERGE_SEED"].flatMap(UInt64.init) { return [one] }
        let count = environment["LEADBOOK_MERGE_SEEDS"].flatMap(UInt64.init) ?? 10
        return Array(0..<count)
    }

    /// Runs a command in-process in `folder`.
    func leadbook(_ arguments: [String], in folder: URL, file: StaticString = #filePath, line: UInt = #line) -> (code: ExitCode, output: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: folder.path)
        let code = LeadbookCommandLine.run(arguments + ["-C", folder.path], context)
        return (code, console.output + console.errors)
    }

    func environment(_ box: GitSandbox) -> [String: String] {
        ProcessInfo.processInfo.environment.merging(box.environment) { _, sandbox in sandbox }
    }

    /// Runs git in `folder` of the sandbox (through `Git`, which waits for git without polling:
    /// this test runs git a few hundred times).
    @discardableResult
    func git(_ box: GitSandbox, _ arguments: [String], in folder: String, expect status: Int32? = 0,
             file: StaticString = #filePath, line: UInt = #line) throws -> (status: Int32, output: String) {
        let run = try Git(directory: box.url(folder).path, environment: environment(box)).run(arguments)
        let output = String(decoding: run.stdout, as: UTF8.self) + run.stderr
        if let status {
            XCTAssertEqual(run.status, status, "git \(arguments.joined(separator: " ")):\n\(output)", file: file, line: line)
        }
        return (run.status, output)
    }

    /// The customer files of a workspace, by path.
    func customerFiles(_ folder: URL) throws -> [String: String] {
        let customers = folder.appendingPathComponent("customers")
        var files: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: customers.path) where path.hasSuffix(".md") {
            files[path] = try String(contentsOf: customers.appendingPathComponent(path), encoding: .utf8)
        }
        return files
    }

    func testRandomWorkInTwoClonesMergesEveryEntryOnce() throws {
        guard GitSandbox.gitExecutable != nil else { throw XCTSkip("git is not installed") }
        // Every command writes through fsync: in memory (/dev/shm) when there is such a
        // folder, the many writes take a fraction of the time they take on a disk.
        let memory = URL(fileURLWithPath: "/dev/shm")
        let box = try GitSandbox(in: FileManager.default.isWritableFile(atPath: memory.path) ? memory : FileManager.default.temporaryDirectory)
        try box.initWorkspace()
        let ws = box.url("ws")
        // The customers both clones start from: fresh leads from `new` (an empty follow-up
        // section) and fresh leads written without any log section (the last one also without
        // a final line break).
        var startIds: [String] = []
        for (index, name) in Self.names.prefix(4).enumerated() {
            let made = leadbook(["new", "--name", name, "--source", "website", "--intent", "B", "--at", "2024-03-01 09:0\(index)"], in: ws)
            XCTAssertEqual(made.code, .ok, made.output)
            let path = String(made.output.prefix { $0 != "\n" })
            startIds.append(String(path.dropFirst("customers/".count).prefix { $0 != "-" }))
            if index % 2 == 1 {
                try box.replace("ws/" + path, "\n## 跟进记录\n", with: "")
            }
            if index == 3 {
                try box.write("ws/" + path, String(try box.read("ws/" + path).dropLast()))
            }
        }
        try box.git(["add", "-A"])
        try box.git(["commit", "-q", "-m", "start"])
        for seed in seeds {
            try twoClones(box, startIds, seed: seed)
            if (testRun?.failureCount ?? 0) > 0 {
                XCTFail("seed \(seed) failed: run it alone with LEADBOOK_MERGE_SEED=\(seed)")
                break
            }
        }
    }

    /// Clones `a` and `b` of `ws`, random work in each, then `a` pulls `b`.
    func twoClones(_ box: GitSandbox, _ startIds: [String], seed: UInt64) throws {
        var dice = Dice(state: seed)
        for side in ["a", "b"] {
            try? FileManager.default.removeItem(at: box.url(side))
            try git(box, ["clone", "-q", "ws", side], in: "")
        }

        var tags: [String] = []
        var created = 0
        for side in ["a", "b"] {
            let clone = box.url(side)
            if side == "a" {
                // The clone that pulls: the hooks and the driver.
                let install = try ChildProcess(Transcript.executable.path, ["hook", "install", "-C", clone.path], environment: environment(box), stdin: false)
                let output = install.readToEnd()
                XCTAssertEqual(install.wait().status, 0, String(decoding: output, as: UTF8.self))
            }
            var ids = startIds
            var minute = 24 * 60
            for step in 0..<Int.random(in: 1...50, using: &dice) {
                minute += Int.random(in: 1...300, using: &dice)
                let at = String(format: "2024-03-%02d %02d:%02d", 1 + minute / 1440, minute % 1440 / 60, minute % 60)
                let id = ids.randomElement(using: &dice)!
                let tag = "\(side)\(seed)n\(step)z"
                let run: (code: ExitCode, output: String)
                switch Int.random(in: 0..<6, using: &dice) {
                case 0, 1:
                    var arguments = ["log", id, "--channel", ["phone", "wechat", "email"].randomElement(using: &dice)!, "--at", at, "--set", "background=" + tag]
                    if Bool.random(using: &dice) { arguments += ["--next", String(format: "2024-04-%02d", Int.random(in: 1...28, using: &dice))] }
                    if Int.random(in: 0..<3, using: &dice) == 0 {
                        arguments += ["--status", ["contacted", "qualified", "proposal", "negotiation"].randomElement(using: &dice)!, "--force"]
                    }
                    if Int.random(in: 0..<3, using: &dice) == 0 { arguments += ["--todo", "2024-04-0\(Int.random(in: 1...9, using: &dice)) 发送资料 @王五"] }
                    run = leadbook(arguments, in: clone)
                    tags.append("背景: " + tag + "\n")
                case 2, 3:
                    run = leadbook(["feedback", id, "--channel", "phone", "--type", "product", "--priority", "high",
                                    "--summary", tag, "--at", String(at.prefix(10))], in: clone)
                    tags.append(" " + tag + "\n")
                case 4:
                    let name = Self.names.randomElement(using: &dice)! + (side == "a" ? "甲" : "乙") + "\(step)号"
                    run = leadbook(["new", "--name", name, "--source", "referral", "--intent", ["A", "B", "C"].randomElement(using: &dice)!, "--at", at], in: clone)
                    let path = String(run.output.prefix { $0 != "\n" })
                    ids.append(String(path.dropFirst("customers/".count).prefix { $0 != "-" }))
                    created += 1
                default:
                    run = leadbook(["sync"], in: clone)
                }
                XCTAssertEqual(run.code, .ok, "seed \(seed), clone \(side), step \(step):\n\(run.output)")
            }
            try git(box, ["add", "-A"], in: side)
            try git(box, ["commit", "-q", "--no-verify", "-m", "rep " + side], in: side)
        }

        // Rep A pulls rep B's work. The merge commit's hook may stop it for ids both clones
        // gave out; `renumber` settles them and the commit completes the merge.
        let pull = try git(box, ["pull", "--no-rebase", "--no-edit", "../b", "main"], in: "a", expect: nil)
        XCTAssertFalse(pull.output.contains("CONFLICT"), "seed \(seed):\n\(pull.output)")
        XCTAssertFalse(pull.output.contains("conflict"), "seed \(seed):\n\(pull.output)")
        let renumber = leadbook(["renumber"], in: box.url("a"))
        XCTAssertEqual(renumber.code, .ok, "seed \(seed):\n\(renumber.output)")
        try git(box, ["add", "-A"], in: "a")
        if pull.status != 0 {
            try git(box, ["commit", "-q", "--no-edit"], in: "a")
        }

        let files = try customerFiles(box.url("a"))
        XCTAssertEqual(files.count, startIds.count + created, "seed \(seed): every customer of either clone")
        let all = files.values.joined(separator: "\n")
        for line in all.split(separator: "\n") where ["<<<<<<<", "=======", ">>>>>>>"].contains(where: { line.hasPrefix($0) }) {
            XCTFail("seed \(seed): a conflict marker is left: \(line)")
        }
        for tag in tags {
            XCTAssertEqual(all.components(separatedBy: tag).count - 1, 1, "seed \(seed): `\(tag.dropLast())` exactly once")
        }
        let check = leadbook(["check"], in: box.url("a"))
        XCTAssertEqual(check.code, .ok, "seed \(seed):\n\(check.output)")
    }
}

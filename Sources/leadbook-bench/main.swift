import Foundation

/// leadbook-bench: writes realistic, deterministic test workspaces for leadbook.
let usage = """
usage: leadbook-bench generate DIR --customers N [--seed S] [--force]
       leadbook-bench verify DIR
       leadbook-bench run [--sizes 1000,10000,100000] [--repeat 5] [--work DIR] [--leadbook PATH]
       leadbook-bench --help

generate  writes DIR/leadbook.yml (a team of 8 reps) and N customer files
          DIR/customers/<YYYY-MM>/LX2024<number>-<slug>.md, sub-folders by month of capture.
          The same N and seed give byte-identical output (default seed 1).
          DIR/customers must not exist yet, unless --force, which deletes it first.
run       generates the workspaces (once, under --work, default .build/bench) and times
          `cat` of their files, check, sync --dry-run, index --check, summary --format json
          and check --staged (one file staged in a git repository of 10,000 customers), as
          medians of --repeat runs with peak memory; prints a table and the targets with
          PASS or FAIL (exit 1 when one fails). --leadbook defaults to the leadbook binary
          next to this one.
verify    reads a generated workspace back with LeadbookCore and checks what the generator
          promises: status/next/grade agree with the log, SLA and cadence hold, owners and
          to-do owners are in the team, names, phones and e-mails are unique.

"""

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("leadbook-bench: " + message + "\n").utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.isEmpty || arguments.contains("--help") || arguments.contains("-h") || arguments.first == "help" {
    print(usage, terminator: "")
    exit(arguments.isEmpty ? 2 : 0)
}

let command = arguments.removeFirst()
var positionals: [String] = []
var customers: Int?
var seed: UInt64 = 1
var force = false
var sizes = [1_000, 10_000, 100_000]
var repeats = 5
var work = ".build/bench"
var leadbookPath: String?
var position = 0
while position < arguments.count {
    let argument = arguments[position]
    func value() -> String {
        position += 1
        guard position < arguments.count else { fail("\(argument) needs a value") }
        return arguments[position]
    }
    switch argument {
    case "--customers", "-n":
        guard let number = Int(value()), number >= 0, number <= 25_000_000 else { fail("--customers takes a number from 0 to 25000000") }
        customers = number
    case "--seed", "-s":
        guard let number = UInt64(value()) else { fail("--seed takes a non-negative whole number") }
        seed = number
    case "--force":
        force = true
    case "--sizes":
        let list = value().split(separator: ",").compactMap { Int($0) }
        guard !list.isEmpty, list.allSatisfy({ $0 > 0 }) else { fail("--sizes takes numbers such as 1000,10000") }
        sizes = list
    case "--repeat":
        guard let number = Int(value()), number >= 1 else { fail("--repeat takes a number of 1 or more") }
        repeats = number
    case "--work":
        work = value()
    case "--leadbook":
        leadbookPath = value()
    default:
        if argument.hasPrefix("-") { fail("unknown option \(argument)\n\n" + usage) }
        positionals.append(argument)
    }
    position += 1
}

switch command {
case "generate":
    guard positionals.count == 1 else { fail("generate takes one DIR\n\n" + usage) }
    guard let customers else { fail("generate needs --customers N") }
    let directory = positionals[0]
    let customersFolder = directory + "/customers"
    if FileManager.default.fileExists(atPath: customersFolder) {
        guard force else { fail("\(customersFolder) already exists (use --force to replace it)") }
        do { try FileManager.default.removeItem(atPath: customersFolder) } catch { fail("cannot remove \(customersFolder): \(error)") }
    }
    let start = DispatchTime.now().uptimeNanoseconds
    do {
        let summary = try Generator.generate(into: directory, customers: customers, seed: seed)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let average = customers > 0 ? summary.bytes / customers : 0
        print("wrote \(summary.files) customers (\(summary.bytes) bytes, \(average) bytes per file) and leadbook.yml to \(directory) in \(String(format: "%.2f", seconds)) s")
    } catch {
        fail("\(error)")
    }
case "run":
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let leadbook = leadbookPath ?? executable.deletingLastPathComponent().appendingPathComponent("leadbook").path
    guard FileManager.default.isExecutableFile(atPath: leadbook) else {
        fail("no leadbook binary at \(leadbook); build it (swift build -c release) or pass --leadbook PATH")
    }
    let workPath = work.hasPrefix("/") ? work : FileManager.default.currentDirectoryPath + "/" + work
    do {
        exit(try Benchmark(sizes: sizes, repeats: repeats, work: workPath, leadbook: leadbook).run())
    } catch {
        fail("\(error)")
    }
case "verify":
    guard positionals.count == 1 else { fail("verify takes one DIR\n\n" + usage) }
    exit(Verify.run(positionals[0]) == 0 ? 0 : 1)
default:
    fail("unknown command \(command)\n\n" + usage)
}

import Foundation

/// leadbook-bench: writes realistic, deterministic test workspaces for leadbook.
let usage = """
usage: leadbook-bench generate DIR --customers N [--seed S] [--force]
       leadbook-bench verify DIR
       leadbook-bench run [--sizes 1000,10000,100000] [--repeat 5] [--only NAME,...] [--work DIR] [--leadbook PATH]
                          [--no-callgrind] [--callgrind-timeout SECONDS]
       leadbook-bench --help

generate  writes DIR/leadbook.yml (a team of 8 reps) and N customer files
          DIR/customers/<YYYY-MM>/LX2024<number>-<slug>.md, sub-folders by month of capture.
          The same N and seed give byte-identical output (default seed 1).
          DIR/customers must not exist yet, unless --force, which deletes it first.
run       generates the workspaces (once, under --work, default .build/bench), makes their
          INDEX.md with the leadbook measured, and times, as medians of --repeat runs with
          peak memory: `cat` of their files; index (from nothing); cold (--no-cache when the
          command has it) check, sync --dry-run, index --check, summary --format json,
          agenda, assign --dry-run, export, dupes; the one-customer commands show, explain,
          log, feedback, feedback N --resolve, feedback N --confirm and new on one customer
          (each writing run starts from the same saved state; the workspace is put back);
          warm check, summary and agenda (nothing changed, then one file changed); check
          --staged (one file staged in a git repository of 10,000 customers); the language
          server (`leadbook lsp`: from a didChange of one customer file to its
          publishDiagnostics, at least 51 changes); and start-up (`leadbook --version`, 50 runs). With valgrind installed, instructions of the
          one-customer commands, of --version and of check (up to 10,000 customers) are
          counted with callgrind (a run over --callgrind-timeout, default 90 s, is stopped).
          Prints a table and the targets with PASS, FAIL or SKIP (exit 1 when one fails).
          --only runs a subset: show, explain, log, feedback, resolve, confirm, new, check,
          summary, index-check, sync, agenda, assign, export, dupes, index, warm, staged,
          startup, peer, lsp, or the groups one (one customer) and tree (whole workspace).
          --leadbook defaults to the leadbook binary next to this one.
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
var only: Set<String> = []
var useCallgrind = true
var callgrindTimeout = 90.0
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
    case "--only":
        let names = value().split(separator: ",").map(String.init)
        if let unknown = names.first(where: { !Benchmark.names.contains($0) }) {
            fail("--only: unknown measurement \(unknown) (one of \(Benchmark.names.joined(separator: ", ")))")
        }
        only.formUnion(names)
    case "--no-callgrind":
        useCallgrind = false
    case "--callgrind-timeout":
        guard let seconds = Double(value()), seconds > 0 else { fail("--callgrind-timeout takes a number of seconds") }
        callgrindTimeout = seconds
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
    // Absolute: setup commands run in other folders.
    let leadbook = leadbookPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        ?? executable.deletingLastPathComponent().appendingPathComponent("leadbook").path
    guard FileManager.default.isExecutableFile(atPath: leadbook) else {
        fail("no leadbook binary at \(leadbook); build it (swift build -c release) or pass --leadbook PATH")
    }
    let workPath = work.hasPrefix("/") ? work : FileManager.default.currentDirectoryPath + "/" + work
    do {
        var benchmark = Benchmark(sizes: sizes, repeats: repeats, work: workPath, leadbook: leadbook, only: only)
        if !useCallgrind {
            benchmark.noCallgrindReason = "not counted (--no-callgrind)"
        } else if let valgrind = Callgrind.find() {
            benchmark.callgrind = Callgrind(valgrind: valgrind, folder: workPath + "/callgrind", timeout: callgrindTimeout)
        }
        exit(try benchmark.run())
    } catch {
        fail("\(error)")
    }
case "verify":
    guard positionals.count == 1 else { fail("verify takes one DIR\n\n" + usage) }
    exit(Verify.run(positionals[0]) == 0 ? 0 : 1)
default:
    fail("unknown command \(command)\n\n" + usage)
}

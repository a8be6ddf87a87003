import Foundation
import LeadbookServer
import LeadbookText

/// `lsp`: `leadbook lsp` started on a workspace, one customer file opened (the workspace is read
/// then), and each sample the time from a `didChange` written to the server's pipe to the
/// `publishDiagnostics` of that version read back. The changes alternate: the status gets a
/// letter that makes it unknown (an error with its "did you mean"), then loses it again.
struct LanguageServerTiming {
    let leadbook: String
    let directory: String
    let file: String

    func measure(_ samples: Int) throws -> [Spawn.Measurement] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: leadbook)
        process.arguments = ["lsp"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        let published = Published()
        let reader = Thread {
            var stream = MessageStream()
            while true {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                for case .message(let body) in stream.append([UInt8](data)) {
                    guard case .success(let message) = JSONReader.read(body),
                          message["method"]?.stringValue == "textDocument/publishDiagnostics",
                          message["params"]?["uri"]?.stringValue == uri,
                          let version = message["params"]?["version"]?.intValue else { continue }
                    published.arrived(version, count: message["params"]?["diagnostics"]?.arrayValue?.count ?? 0)
                }
            }
            published.arrived(-1, count: 0)
        }
        reader.start()

        func send(_ message: JSON) { input.fileHandleForWriting.write(Data(MessageStream.frame(message))) }
        func request(_ id: Int, _ method: String, _ params: JSON) {
            send(.object([("jsonrpc", .string("2.0")), ("id", .int(id)), ("method", .string(method)), ("params", params)]))
        }
        func notify(_ method: String, _ params: JSON) {
            send(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
        }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        guard let statusLine = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(where: { $0.hasPrefix("status: ") }) else {
            throw BenchError("no status line in \(file)")
        }
        let statusEnd = text.split(separator: "\n", omittingEmptySubsequences: false)[statusLine].utf16.count
        request(1, "initialize", .object([("processId", .null), ("rootUri", .string(Self.uri(directory))), ("capabilities", .object([]))]))
        notify("initialized", .object([]))
        notify("textDocument/didOpen", .object([("textDocument", .object([("uri", .string(uri)), ("languageId", .string("markdown")),
                                                                            ("version", .int(1)), ("text", .string(text))]))]))
        guard published.wait(for: 1, timeout: 120) != nil else { throw BenchError("leadbook lsp published nothing for \(file)") }
        var measurements: [Spawn.Measurement] = []
        var counts: Set<Int> = []
        for sample in 0..<samples {
            let version = sample + 2
            let range: (Int, Int), newText: String
            if sample % 2 == 0 {
                range = (statusEnd, statusEnd); newText = "x"
            } else {
                range = (statusEnd, statusEnd + 1); newText = ""
            }
            let change: JSON = .object([("range", .object([
                ("start", .object([("line", .int(statusLine)), ("character", .int(range.0))])),
                ("end", .object([("line", .int(statusLine)), ("character", .int(range.1))])),
            ])), ("text", .string(newText))])
            let start = DispatchTime.now().uptimeNanoseconds
            notify("textDocument/didChange", .object([("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
                                                       ("contentChanges", .array([change]))]))
            guard let count = published.wait(for: version, timeout: 30) else { throw BenchError("no diagnostics for version \(version)") }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            counts.insert(count)
            measurements.append(Spawn.Measurement(seconds: seconds, peakRSSBytes: 0, status: 0))
        }
        // The server's peak memory so far (Linux: VmHWM), on the last sample.
        if let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") {
            measurements[measurements.count - 1].peakRSSBytes = kilobytes * 1024
        }
        // The changes were seen: the unknown status adds a finding, its removal takes it away.
        if samples > 1, counts.count < 2 { throw BenchError("the diagnostics did not change with the status") }
        request(2, "shutdown", .null)
        notify("exit", .null)
        try? input.fileHandleForWriting.close()
        return measurements
    }

    var uri: String { Self.uri(file) }

    static func uri(_ path: String) -> String {
        "file://" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
    }

    /// The versions published so far, and a wait for one of them.
    final class Published: @unchecked Sendable {
        private let condition = NSCondition()
        private var versions: [Int: Int] = [:]
        private var ended = false

        func arrived(_ version: Int, count: Int) {
            condition.lock()
            if version < 0 { ended = true } else { versions[version] = count }
            condition.broadcast()
            condition.unlock()
        }

        /// The number of diagnostics published for `version`, nil when it did not come in time.
        func wait(for version: Int, timeout: Double) -> Int? {
            let deadline = Date().addingTimeInterval(timeout)
            condition.lock()
            defer { condition.unlock() }
            while versions[version] == nil, !ended {
                if !condition.wait(until: deadline) { break }
            }
            return versions[version]
        }
    }
}

import Foundation

/// A workspace written by the benchmark's generator (`leadbook-bench generate`, seed 1), which
/// is built beside the tests.
enum GeneratedWorkspace {
    /// leadbook-bench is not where the tests expect it.
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// The generator failed.
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    /// A new folder under the temporary directory (named `leadbook-<purpose>-<uuid>`) holding a
    /// generated workspace of `customers` customers. The caller removes it.
    static func make(customers: Int, purpose: String) throws -> URL {
        let bench = Transcript.executable.deletingLastPathComponent().appendingPathComponent("leadbook-bench")
        guard FileManager.default.isExecutableFile(atPath: bench.path) else {
            throw Missing(description: "leadbook-bench was not built at \(bench.path)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-\(purpose)-" + UUID().uuidString)
        let process = Process()
        process.executableURL = bench
        process.arguments = ["generate", directory.path, "--customers", String(customers), "--seed", "1"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: directory)
            throw Failed(description: "leadbook-bench generate exited with \(process.terminationStatus)")
        }
        return directory
    }
}

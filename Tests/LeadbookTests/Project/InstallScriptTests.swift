import Foundation
import XCTest

/// .ci/install.sh against a local folder of fake release archives (and the same folder as a
/// file:// URL): the archive for this machine installed where asked, its SHA-256 checked, the
/// version printed, the PATH line to add; a damaged archive or a missing checksum installs
/// nothing. install.ps1 runs the same way where PowerShell is installed.
final class InstallScriptTests: XCTestCase {
    override func setUpWithError() throws {
        #if os(Windows)
        throw XCTSkip("POSIX shell scripts and paths; Windows runs install.ps1 and Git for Windows' sh")
        #endif
    }

    func install(_ arguments: [String], in box: GitSandbox, environment: [String: String] = [:]) throws -> Transcript.Run {
        let sh = try ProjectTools.program("sh", install: "a POSIX shell")
        var env = environment
        env["LEADBOOK_LANG"] = env["LEADBOOK_LANG"] ?? "en"
        env["PATH"] = env["PATH"] ?? "/usr/bin:/bin"
        env["SHELL"] = "/bin/sh"
        return try ProjectTools.run(sh, [ProjectTools.root.appendingPathComponent(".ci/install.sh").path] + arguments, in: box.root, environment: env)
    }

    func testInstallsFromAFolderAndFromAURLAndChecksTheChecksum() throws {
        let box = try GitSandbox()
        let release = box.url("release")
        try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
        try ProjectTools.fakeRelease(at: release, target: try ProjectTools.hostTarget(), version: "0.9.0")
        let bin = box.url("home/bin").path
        let run = try install(["--base", release.path, "--to", bin], in: box)
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.stdout.contains("SHA-256 verified: "), run.stdout)
        XCTAssertTrue(run.stdout.contains("installed \(bin)/leadbook\nleadbook 0.9.0 (commit fake)\n"), run.stdout)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: bin + "/leadbook"))
        // Not on PATH: the exact line to add.
        XCTAssertTrue(run.stdout.contains("\(bin) is not on PATH; add it"), run.stdout)
        XCTAssertTrue(run.stdout.contains("  echo 'export PATH=\"\(bin):$PATH\"' >> "), run.stdout)
        // On PATH: nothing to add; in Chinese; from a URL.
        if (try? ProjectTools.program("curl", install: "curl")) != nil {
            let again = try install(["--base", release.absoluteString, "--to", bin], in: box,
                                    environment: ["PATH": bin + ":/usr/bin:/bin", "LEADBOOK_LANG": "zh-CN"])
            XCTAssertEqual(again.status, 0, again.output)
            XCTAssertTrue(again.stdout.contains("SHA-256 校验通过："), again.stdout)
            XCTAssertTrue(again.stdout.contains("已安装 \(bin)/leadbook\n"), again.stdout)
            XCTAssertFalse(again.stdout.contains("PATH"), again.stdout)
        }
    }

    func testADamagedArchiveOrAMissingChecksumInstallsNothing() throws {
        let box = try GitSandbox()
        let release = box.url("release")
        try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
        let archive = try ProjectTools.fakeRelease(at: release, target: try ProjectTools.hostTarget())
        var bytes = try Data(contentsOf: archive)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: archive)
        let bin = box.url("bin").path
        let damaged = try install(["--base", release.path, "--to", bin], in: box)
        XCTAssertEqual(damaged.status, 1, damaged.output)
        XCTAssertTrue(damaged.stderr.contains("does not match its SHA-256"), damaged.stderr)
        XCTAssertTrue(damaged.stderr.contains("nothing was installed"), damaged.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: bin + "/leadbook"))
        let chinese = try install(["--base", release.path, "--to", bin], in: box, environment: ["LEADBOOK_LANG": "zh-CN"])
        XCTAssertTrue(chinese.stderr.contains("与 SHA-256 校验值不符"), chinese.stderr)

        try FileManager.default.removeItem(at: release.appendingPathComponent("SHA256SUMS"))
        let unverified = try install(["--base", release.path, "--to", bin], in: box)
        XCTAssertEqual(unverified.status, 1, unverified.output)
        XCTAssertTrue(unverified.stderr.contains("cannot be verified, so it is not installed"), unverified.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: bin + "/leadbook"))

        let usage = try install(["--bsae", release.path], in: box)
        XCTAssertEqual(usage.status, 2, usage.output)
        XCTAssertTrue(usage.stderr.contains("unknown option `--bsae`"), usage.stderr)
    }

    func testInstallPs1() throws {
        let pwsh = try ProjectTools.program("pwsh", install: "PowerShell")
        let box = try GitSandbox()
        let release = box.url("release")
        try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
        let zip = try ProjectTools.program("zip", install: "zip")
        try Data("@echo leadbook 0.9.0 (commit fake)\n".utf8).write(to: box.url("leadbook.exe"))
        _ = try ProjectTools.run(zip, ["-q", release.appendingPathComponent("leadbook-windows-x86_64.zip").path, "leadbook.exe"], in: box.root)
        let sum = try ProjectTools.sha256(release.appendingPathComponent("leadbook-windows-x86_64.zip"))
        try Data("\(sum)  leadbook-windows-x86_64.zip\n".utf8).write(to: release.appendingPathComponent("SHA256SUMS"))
        var bytes = try Data(contentsOf: release.appendingPathComponent("leadbook-windows-x86_64.zip"))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: release.appendingPathComponent("leadbook-windows-x86_64.zip"))
        let run = try ProjectTools.run(pwsh, ["-NoProfile", "-File", ProjectTools.root.appendingPathComponent(".ci/install.ps1").path,
                                              "-Base", release.path, "-To", box.url("bin").path],
                                       in: box.root, environment: ["LEADBOOK_LANG": "en"])
        XCTAssertEqual(run.status, 1, run.output)
        XCTAssertTrue(run.stderr.contains("does not match its SHA-256"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: box.url("bin/leadbook.exe").path))
    }
}

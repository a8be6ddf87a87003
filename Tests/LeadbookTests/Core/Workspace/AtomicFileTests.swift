import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class AtomicFileTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-atomic-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        AtomicFile.fault = nil
        AtomicFile.copiesInKernel = true
        FileSnapshot.maps = true
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Each way a file's old bytes reach its new version: mapped and copied by the kernel,
    /// mapped and written from memory, read whole and written (the portable path).
    static let ways: [(maps: Bool, kernel: Bool)] = [(true, true), (true, false), (false, false)]

    /// An old file of a few pages, its new version made of ranges of it and new bytes.
    private func oldFileAndPieces() throws -> (path: String, old: [UInt8], pieces: [AtomicFile.Piece], new: [UInt8]) {
        let path = folder + "/INDEX.md"
        let old = (0..<3_000).flatMap { Array("| LX2024\(String(format: "%05d", $0)) | 华东云 |\n".utf8) }
        try AtomicFile.write(old, to: path)
        let row = Array("| LX2024000ZZ | 新客户 |\n".utf8)
        let pieces: [AtomicFile.Piece] = [.original(0..<40_000), .bytes(row[...]), .original(40_026..<70_001), .bytes([]), .original(70_001..<old.count)]
        let new = Array(old[0..<40_000]) + row + Array(old[40_026..<70_001]) + Array(old[70_001...])
        return (path, old, pieces, new)
    }

    func testAFileIsMappedWhereTheSystemAllowsAndReadElsewhere() throws {
        let (path, old, _, _) = try oldFileAndPieces()
        let mapped = try FileSnapshot.open(path).get()
        XCTAssertEqual(mapped.bytes, old)
        #if os(Linux) || os(macOS)
        XCTAssertTrue(mapped.isMapped)
        #endif
        #if os(Linux)
        XCTAssertNotNil(AtomicFile.copyFileRange, "copy_file_range is found in the C library")
        #endif
        FileSnapshot.maps = false
        let read = try FileSnapshot.open(path).get()
        XCTAssertFalse(read.isMapped)
        XCTAssertEqual(read.bytes, old)
        XCTAssertEqual(FileSnapshot.open(folder + "/missing.md").map(\.count), .failure(.notFound))
        XCTAssertEqual(FileSnapshot.open(path, limit: 10).map(\.count), .failure(.tooLarge(old.count)))
        try AtomicFile.write([], to: folder + "/empty.md")
        XCTAssertEqual(try FileSnapshot.open(folder + "/empty.md").get().bytes, [])
    }

    /// The new version is made of ranges of the old one and new bytes, byte for byte the same
    /// whichever way the ranges are copied; the old bytes stay readable after the rename.
    func testRangesOfTheOldFileAreCopiedIntoTheNewOne() throws {
        for way in Self.ways {
            FileSnapshot.maps = way.maps
            AtomicFile.copiesInKernel = way.kernel
            let (path, old, pieces, new) = try oldFileAndPieces()
            let original = try FileSnapshot.open(path).get()
            try AtomicFile.write(pieces: pieces, from: original, to: path)
            XCTAssertEqual(contents(path), new, "\(way)")
            XCTAssertEqual(original.bytes, old, "the old version, replaced, is still there to put back: \(way)")
            try AtomicFile.write(pieces: [.original(0..<original.count)], from: original, to: path)
            XCTAssertEqual(contents(path), old, "\(way)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["INDEX.md"])
        }
    }

    /// A write that fails halfway (a full disk) leaves the old file as it was and no temporary file.
    func testAWriteCutOffHalfwayLeavesTheOldFile() throws {
        for way in Self.ways {
            FileSnapshot.maps = way.maps
            AtomicFile.copiesInKernel = way.kernel
            let (path, old, pieces, _) = try oldFileAndPieces()
            let original = try FileSnapshot.open(path).get()
            var seen: [Int] = []
            AtomicFile.fault = { _, written in
                seen.append(written)
                return seen.count == 2 ? "No space left on device" : nil
            }
            XCTAssertThrowsError(try AtomicFile.write(pieces: pieces, from: original, to: path)) { error in
                XCTAssertEqual("\(error)", "cannot write \(path): No space left on device", "\(way)")
            }
            AtomicFile.fault = nil
            XCTAssertEqual(seen, [pieces[0].count, pieces[0].count + pieces[1].count], "\(way)")
            XCTAssertEqual(contents(path), old, "\(way)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["INDEX.md"], "\(way)")
        }
    }

    /// A range past the end of the old version (the snapshot is of another file) is refused, not copied short.
    func testARangePastTheOldFileIsRefused() throws {
        for way in Self.ways {
            FileSnapshot.maps = way.maps
            AtomicFile.copiesInKernel = way.kernel
            let (path, old, _, _) = try oldFileAndPieces()
            let original = try FileSnapshot.open(path).get()
            XCTAssertThrowsError(try AtomicFile.write(pieces: [.original(0..<(old.count + 1))], from: original, to: path), "\(way)")
            XCTAssertEqual(contents(path), old, "\(way)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["INDEX.md"], "\(way)")
        }
    }

    private func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    func testCreatesAFileAndLeavesNoTemporaryFile() throws {
        let path = folder + "/LX2024001-星辰.md"
        let bytes = Array("---\nid: LX2024001\n---\r\n客户\n".utf8)
        try AtomicFile.write(bytes, to: path)
        XCTAssertEqual(contents(path), bytes)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["LX2024001-星辰.md"])
    }

    func testReplacesAnOldFileWholeAndKeepsItsPermissions() throws {
        let path = folder + "/a.md"
        try AtomicFile.write(Array(repeating: UInt8(ascii: "a"), count: 100_000), to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicFile.write(Array("short\n".utf8), to: path)
        XCTAssertEqual(contents(path), Array("short\n".utf8))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(permissions, 0o600)
        try AtomicFile.write([], to: path)
        XCTAssertEqual(contents(path), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["a.md"])
    }

    func testAMissingFolderIsAnErrorNamingThePath() throws {
        let path = folder + "/missing/a.md"
        XCTAssertThrowsError(try AtomicFile.write(Array("x".utf8), to: path)) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot write \(path): "), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    }

    /// The temporary file a write makes is known again by its name (the next writer removes
    /// those a killed write left); other hidden files are not.
    func testTheTemporaryFileOfAWriteIsKnownByItsName() {
        for name in ["LX2024001-星辰.md", "INDEX.md", "a.leadbook-x.md"] {
            XCTAssertEqual(AtomicFile.original(ofTemporary: AtomicFile.temporaryName(name)), name)
        }
        XCTAssertEqual(AtomicFile.original(ofTemporary: ".LX2024001-a.md.leadbook-3k9x2f1.tmp"), "LX2024001-a.md")
        for name in [".LX2024001-a.md.swp", ".leadbook-abc.tmp", "LX2024001-a.md.leadbook-abc.tmp", ".a.md.leadbook-.tmp",
                     ".a.md.leadbook-ABC.tmp", ".a.md.tmp", ".#a.md"] {
            XCTAssertNil(AtomicFile.original(ofTemporary: name), name)
        }
    }
}

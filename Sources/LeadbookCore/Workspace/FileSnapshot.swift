import Foundation
import LeadbookText
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes as they were when it was opened, for a large file of which a command reads
/// a few places and copies the rest into the file's new version (INDEX.md of 100,000
/// customers is 139 MB; `log` looks at a few kilobytes of it). On macOS and Linux the file is
/// mapped (`mmap`) rather than read, so only the pages looked at are brought in, and it stays
/// open, so its old bytes can still be copied (into the new version, or back when a write of
/// several files is undone) after a rename replaced it; leadbook and git replace such files
/// by rename, never in place. Elsewhere, or when mapping fails, the file is read whole.
public final class FileSnapshot: @unchecked Sendable {
    /// The file's bytes.
    public let buffer: UnsafeBufferPointer<UInt8>
    /// The open file (for `copy_file_range`), or -1.
    let descriptor: Int32
    private let mapping: UnsafeMutableRawPointer?
    /// The bytes, when they were read rather than mapped.
    private let owned: UnsafeMutableBufferPointer<UInt8>?

    /// Files are mapped where the system allows it; tests turn it off to run the plain path.
    public nonisolated(unsafe) static var maps = true

    /// The file at `path`, mapped or read; a folder, a missing file or one larger than `limit`
    /// is a read error, as for `FileAccess.read`.
    public static func open(_ path: String, limit: Int = Int.max) -> Result<FileSnapshot, FileAccess.ReadError> {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        if maps {
            let fd = Foundation.open(path, O_RDONLY)
            if fd < 0 { return .failure(FileAccess.errnoError()) }
            var info = stat()
            guard fstat(fd, &info) == 0 else {
                let error = FileAccess.errnoError()
                close(fd)
                return .failure(error)
            }
            if (info.st_mode & S_IFMT) == S_IFDIR { close(fd); return .failure(.isDirectory) }
            let size = Int(info.st_size)
            if size > limit { close(fd); return .failure(.tooLarge(size)) }
            if (info.st_mode & S_IFMT) == S_IFREG, size > 0,
               let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED {
                return .success(FileSnapshot(mapping: address, count: size, descriptor: fd))
            }
            close(fd)
        }
        #endif
        return FileAccess.read(path, limit: limit).map { FileSnapshot(bytes: $0) }
    }

    /// Bytes already in memory.
    public init(bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = copy.initialize(from: bytes)
        owned = copy
        mapping = nil
        descriptor = -1
        buffer = UnsafeBufferPointer(start: copy.baseAddress, count: bytes.count)
    }

    private init(mapping: UnsafeMutableRawPointer, count: Int, descriptor: Int32) {
        self.mapping = mapping
        self.descriptor = descriptor
        owned = nil
        buffer = UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: count)
    }

    /// Whether the bytes are mapped from the file rather than read.
    public var isMapped: Bool { mapping != nil }

    public var count: Int { buffer.count }

    /// A copy of the bytes.
    public var bytes: [UInt8] { Array(buffer) }

    deinit {
        owned?.deallocate()
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        if let mapping { munmap(mapping, buffer.count) }
        if descriptor >= 0 { close(descriptor) }
        #endif
    }
}

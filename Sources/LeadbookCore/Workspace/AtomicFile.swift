import Foundation
import LeadbookText
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(WinSDK)
import WinSDK
#endif

/// Writes a file so that readers (and a crash) see either the old or the new content, never
/// a part: a temporary file in the same folder, flushed to disk, then renamed over the old one.
/// On macOS and Linux the old file's permissions are kept; on Windows the new file takes the
/// folder's, as a save from any Windows editor does.
public enum AtomicFile {
    public struct WriteError: Error, SaidError, CustomStringConvertible {
        public let path: String
        /// Why, in both languages.
        public let because: Phrase
        /// Why, in English.
        public var reason: String { because.en }
        /// The whole message in both languages.
        public var phrase: Phrase { Wording<Self>.cannotWrite(path, because).phrase }
        public var description: String { phrase.en }

        /// A reason given by the system (the same in both languages).
        public init(path: String, reason: String) {
            self.init(path: path, because: Phrase(verbatim: reason))
        }

        public init(path: String, because: Phrase) {
            self.path = path
            self.because = because
        }
    }

    /// `.NAME.leadbook-RANDOM.tmp`: the temporary file a write of NAME makes beside it.
    public static func temporaryName(_ name: String) -> String {
        "." + name + temporaryMiddle + String(UInt64.random(in: 0...UInt64.max), radix: 36) + temporarySuffix
    }

    static let temporaryMiddle = ".leadbook-"
    static let temporarySuffix = ".tmp"

    /// NAME when `fileName` is the temporary file of a write of NAME (a write killed before
    /// its rename leaves it), else nil.
    public static func original(ofTemporary fileName: String) -> String? {
        let bytes = Array(fileName.utf8)
        let middle = Array(temporaryMiddle.utf8), suffix = Array(temporarySuffix.utf8)
        guard bytes.count > 1 + middle.count + suffix.count, bytes[0] == ASCII.dot,
              bytes.suffix(suffix.count).elementsEqual(suffix) else { return nil }
        // The random part: base-36 digits between the last `.leadbook-` and `.tmp`.
        var start = bytes.count - suffix.count
        while start > 1, ASCII.isDigit(bytes[start - 1]) || (bytes[start - 1] >= 0x61 && bytes[start - 1] <= 0x7A) { start -= 1 }
        guard start < bytes.count - suffix.count, start - middle.count > 1,
              bytes[(start - middle.count)..<start].elementsEqual(middle) else { return nil }
        return String(decoding: bytes[1..<(start - middle.count)], as: UTF8.self)
    }

    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { put in bytes.withUnsafeBytes { put($0) } }
    }

    /// One piece of a file's new content: bytes in memory, or a range of the bytes of the
    /// file's old version (`FileSnapshot`), copied without being brought into the process
    /// where the system can (`copy_file_range` on Linux).
    public enum Piece: Sendable {
        case bytes(ArraySlice<UInt8>)
        case original(Range<Int>)
        /// `count` bytes made while they are written: `write` hands them to `put` in order (a
        /// table of 100,000 rows, never held as one buffer).
        case made(count: Int, write: @Sendable (_ put: (UnsafeRawBufferPointer) -> Void) -> Void)

        public var count: Int {
            switch self {
            case .bytes(let bytes): return bytes.count
            case .original(let range): return range.count
            case .made(let count, _): return count
            }
        }
    }

    /// The same, the content being `pieces` one after the other (written from where they
    /// are, never joined).
    public static func write(pieces: [ArraySlice<UInt8>], to path: String) throws {
        try write(pieces: pieces.map { .bytes($0) }, from: nil, to: path)
    }

    /// The same, the pieces being bytes or ranges of `original` (the file's old version; a
    /// range without it is an error). On Linux the ranges are copied by the kernel
    /// (`copy_file_range`: no copy through the process, and on btrfs or XFS it may share the
    /// blocks); where that is not possible (another system, a file system that refuses, tests
    /// that turn it off) they are written from the snapshot's bytes.
    public static func write(pieces: [Piece], from original: FileSnapshot?, to path: String) throws {
        #if canImport(Glibc) || canImport(Musl)
        if copiesInKernel, let copyFileRange, let original, original.descriptor >= 0 {
            var kernel = true
            try replace(path) { fd in
                var written = 0
                for piece in pieces {
                    switch piece {
                    case .bytes(let bytes):
                        guard bytes.withUnsafeBytes({ FileAccess.writeAll($0, to: fd) }) else { return String(cString: strerror(errno)) }
                    case .made(_, let make):
                        var reason: String?
                        make { buffer in
                            guard reason == nil, !FileAccess.writeAll(buffer, to: fd) else { return }
                            reason = String(cString: strerror(errno))
                        }
                        if let reason { return reason }
                    case .original(let range):
                        guard range.upperBound <= original.count else { throw WriteError(path: path, because: Wording<WriteError>.originalChanged.phrase) }
                        var offset = range.lowerBound
                        while offset < range.upperBound {
                            if kernel {
                                var from = off_t(offset)
                                let count = copyFileRange(original.descriptor, &from, fd, nil, range.upperBound - offset, 0)
                                if count > 0 { offset += count; continue }
                                if count == 0 { throw WriteError(path: path, because: Wording<WriteError>.originalChanged.phrase) }
                                if errno == EINTR { continue }
                                guard [ENOSYS, EXDEV, EINVAL, EOPNOTSUPP, EBADF, EPERM, ETXTBSY].contains(errno) else { return String(cString: strerror(errno)) }
                                // Not between these files: the rest from the snapshot's bytes.
                                kernel = false
                            }
                            let rest = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(original.buffer)[offset..<range.upperBound])
                            guard FileAccess.writeAll(rest, to: fd) else { return String(cString: strerror(errno)) }
                            offset = range.upperBound
                        }
                    }
                    written += piece.count
                    if let reason = fault?(path, written) { return reason }
                }
                return nil
            }
            return
        }
        #endif
        var written = 0
        var injected: String?
        try write(to: path) { put in
            for piece in pieces where injected == nil {
                switch piece {
                case .bytes(let bytes): bytes.withUnsafeBytes { put($0) }
                case .made(_, let make): make(put)
                case .original(let range):
                    guard let original, range.upperBound <= original.count else { throw WriteError(path: path, because: Wording<WriteError>.originalChanged.phrase) }
                    put(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(original.buffer)[range]))
                }
                written += piece.count
                injected = fault?(path, written)
            }
            if let injected { throw WriteError(path: path, reason: injected) }
        }
    }

    /// Ranges of an old version are copied by the kernel where it can; tests turn it off to
    /// run the plain path.
    public nonisolated(unsafe) static var copiesInKernel = true

    #if canImport(Glibc) || canImport(Musl)
    typealias CopyFileRange = @convention(c) (Int32, UnsafeMutablePointer<off_t>?, Int32, UnsafeMutablePointer<off_t>?, Int, UInt32) -> Int
    /// `copy_file_range` (Linux 4.5, glibc 2.27), looked up because the C library's module does
    /// not declare it; nil where the C library lacks it.
    static let copyFileRange: CopyFileRange? = dlsym(nil, "copy_file_range")
        .map { unsafeBitCast($0, to: CopyFileRange.self) }
    #endif

    /// A failure made on purpose in the middle of a write of pieces: given the path and the
    /// bytes written so far (after each piece), the reason the write fails there, or nil.
    /// Tests set it to see that a write cut off halfway leaves the old file as it was; nil otherwise.
    public nonisolated(unsafe) static var fault: ((String, Int) -> String?)?

    #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
    /// The POSIX core of every write: a temporary file beside `path` (with the old file's
    /// permissions) filled by `fill` (which gives the reason it failed, or nil), flushed to
    /// disk, renamed over `path`, and the rename flushed too. When anything fails the
    /// temporary file is removed and `path` is as it was.
    private static func replace(_ path: String, _ fill: (Int32) throws -> String?) throws {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let name = WorkspacePath.fileName(path)
        let temporary = directory + "/" + temporaryName(name)
        var mode: mode_t = 0o644
        var info = stat()
        if stat(path, &info) == 0 { mode = info.st_mode & 0o7777 }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        let reason: String?
        do {
            reason = try fill(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        let failed = reason != nil
        if !failed { _ = fchmod(fd, mode) }
        let synced = !failed && fsync(fd) == 0
        close(fd)
        guard !failed, synced else {
            unlink(temporary)
            throw WriteError(path: path, because: reason.map { Phrase(verbatim: $0) } ?? Wording<WriteError>.syncFailed.phrase)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
        // Make the rename itself durable.
        let dirfd = open(directory, O_RDONLY)
        if dirfd >= 0 { _ = fsync(dirfd); close(dirfd) }
    }
    #endif

    /// The same for content made in pieces: `content` hands each piece to `put`, in order, so
    /// a large file (the export of every customer) is written without being held whole. When
    /// `content` throws, nothing is written and its error is thrown.
    public static func write(to path: String, _ content: (_ put: (UnsafeRawBufferPointer) -> Void) throws -> Void) throws {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        try replace(path) { fd in
            var reason: String?
            try content { piece in
                guard reason == nil, !FileAccess.writeAll(piece, to: fd) else { return }
                reason = String(cString: strerror(errno))
            }
            return reason
        }
        #elseif canImport(WinSDK)
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let name = WorkspacePath.fileName(path)
        let temporary = directory + "/" + temporaryName(name)
        var failure: String?
        var thrown: Error?
        let writtenAndFlushed: Bool = temporary.withCString(encodedAs: UTF16.self) { wideTemporary in
            let opened: HANDLE? = CreateFileW(wideTemporary, DWORD(GENERIC_WRITE), 0, nil,
                                              DWORD(CREATE_NEW), DWORD(FILE_ATTRIBUTE_NORMAL), nil)
            guard let file = opened, file != INVALID_HANDLE_VALUE else {
                failure = Wording<FileAccess>.windowsError(GetLastError()).text
                return false
            }
            defer { CloseHandle(file) }
            var written = true
            do {
                try content { buffer in
                    guard written else { return }
                    var offset = 0
                    while offset < buffer.count {
                        var count: DWORD = 0
                        let chunk = DWORD(min(buffer.count - offset, 1 << 30))
                        guard WriteFile(file, buffer.baseAddress! + offset, chunk, &count, nil) else {
                            written = false
                            return
                        }
                        offset += Int(count)
                    }
                }
            } catch {
                thrown = error
                return false
            }
            guard written, FlushFileBuffers(file) else {
                failure = Wording<FileAccess>.windowsError(GetLastError()).text
                return false
            }
            return true
        }
        guard writtenAndFlushed else {
            _ = temporary.withCString(encodedAs: UTF16.self) { DeleteFileW($0) }
            if let thrown { throw thrown }
            throw WriteError(path: path, because: failure.map { Phrase(verbatim: $0) } ?? Wording<WriteError>.writeFailed.phrase)
        }
        // Replaces the old file in one step; write-through returns only once the move is on disk.
        let moved: Bool = temporary.withCString(encodedAs: UTF16.self) { from in
            path.withCString(encodedAs: UTF16.self) { to in
                MoveFileExW(from, to, DWORD(MOVEFILE_REPLACE_EXISTING) | DWORD(MOVEFILE_WRITE_THROUGH))
            }
        }
        guard moved else {
            let reason = Wording<FileAccess>.windowsError(GetLastError()).text
            _ = temporary.withCString(encodedAs: UTF16.self) { DeleteFileW($0) }
            throw WriteError(path: path, reason: reason)
        }
        #else
        #error("leadbook needs an atomic rename: POSIX rename (macOS, Linux) or MoveFileExW (Windows)")
        #endif
    }
}

extension Wording where Of == AtomicFile.WriteError {
    public static func cannotWrite(_ path: String, _ reason: Phrase) -> Self { Self(Phrase("cannot write \(path): ", "无法写入 \(path)：") + reason) }
    public static let syncFailed = Self("fsync failed", "fsync 失败")
    public static let writeFailed = Self("write failed", "写入失败")
    public static let originalChanged = Self("the file changed while it was copied", "复制过程中文件被改动了")
}

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

/// Reading files and folders. POSIX calls where they exist (one `read` per file, `readdir`
/// without a `stat` per entry); Foundation elsewhere.
public enum FileAccess {
    public enum ReadError: Error, SaidError, Equatable {
        case notFound
        case permissionDenied
        case isDirectory
        case tooLarge(Int)
        case other(String)

        public var description: String { phrase.en }

        /// Why, in both languages (the system's own words are the same in both).
        public var phrase: Phrase {
            switch self {
            case .notFound: return Wording<Self>.notFound.phrase
            case .permissionDenied: return Wording<Self>.permissionDenied.phrase
            case .isDirectory: return Wording<Self>.isDirectory.phrase
            case .tooLarge(let size): return Wording<Self>.tooLarge(size).phrase
            case .other(let text):
                for words in [Wording<Self>.linkLoop, .unlistable] where words.text == text { return words.phrase }
                return Phrase(verbatim: text)
            }
        }
    }

    public static let maxFileSize = 64 * 1024 * 1024

    /// The bytes of the file at `path`; a file larger than `limit` bytes is not read
    /// (`tooLarge` with its size).
    public static func read(_ path: String, limit: Int = maxFileSize) -> Result<[UInt8], ReadError> {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        let fd = open(path, O_RDONLY)
        if fd < 0 { return .failure(errnoError()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(errnoError()) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.isDirectory) }
        let size = Int(info.st_size)
        if size > limit { return .failure(.tooLarge(size)) }
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var total = 0
            while total < size {
                let count = Foundation.read(fd, buffer.baseAddress! + total, size - total)
                if count < 0 { if errno == EINTR { continue }; failed = true; break }
                if count == 0 { break }
                total += count
            }
            initialized = total
        }
        if failed { return .failure(errnoError()) }
        // A file that grew while we read it: read the rest.
        var probe: UInt8 = 0
        while Foundation.read(fd, &probe, 1) == 1 {
            bytes.append(probe)
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, 4096) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if bytes.count > limit { return .failure(.tooLarge(bytes.count)) }
        }
        return .success(bytes)
        #else
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .failure(.notFound) }
        if isDirectory.boolValue { return .failure(.isDirectory) }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.permissionDenied) }
        if data.count > limit { return .failure(.tooLarge(data.count)) }
        return .success([UInt8](data))
        #endif
    }

    #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
    public static func errnoError() -> ReadError {
        switch errno {
        case ENOENT: return .notFound
        case EACCES, EPERM: return .permissionDenied
        case EISDIR: return .isDirectory
        case ELOOP: return .other(Wording<ReadError>.linkLoop.text)
        default: return .other(String(cString: strerror(errno)))
        }
    }

    /// Writes all of `bytes` to `fd`, again after an interrupted or short write; false when a
    /// write fails (`errno` says why).
    public static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { writeAll($0, to: fd) }
    }

    /// The same for bytes wherever they are.
    public static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
        var written = 0
        while written < buffer.count {
            let count = Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
            if count < 0 { if errno == EINTR { continue }; return false }
            written += count
        }
        return true
    }
    #endif

    public static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// One entry of a folder listing.
    public struct Entry {
        public enum Kind { case file, directory, symlink, other }
        public var name: String
        public var kind: Kind
    }

    /// The entries of a folder (without `.` and `..`), unsorted.
    public static func list(_ path: String) -> Result<[Entry], ReadError> {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        guard let dir = opendir(path) else { return .failure(errnoError()) }
        defer { closedir(dir) }
        var entries: [Entry] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var kind: Entry.Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_UNKNOWN):
                var info = stat()
                if lstat(path + "/" + name, &info) != 0 { kind = .other; break }
                switch info.st_mode & S_IFMT {
                case S_IFREG: kind = .file
                case S_IFDIR: kind = .directory
                case S_IFLNK: kind = .symlink
                default: kind = .other
                }
            default: kind = .other
            }
            entries.append(Entry(name: name, kind: kind))
        }
        return .success(entries)
        #else
        do {
            let names = try FileManager.default.contentsOfDirectory(atPath: path)
            return .success(names.map { name in
                let full = path + "/" + name
                let attributes = try? FileManager.default.attributesOfItem(atPath: full)
                let type = attributes?[.type] as? FileAttributeType
                let kind: Entry.Kind = type == .typeDirectory ? .directory : type == .typeSymbolicLink ? .symlink : type == .typeRegular ? .file : .other
                return Entry(name: name, kind: kind)
            })
        } catch {
            return .failure(.other(Wording<ReadError>.unlistable.text))
        }
        #endif
    }

    /// The absolute, symlink-free form of a path (nil when it does not exist or loops).
    public static func resolve(_ path: String) -> String? {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
        #else
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        return FileManager.default.fileExists(atPath: url.path) ? url.path : nil
        #endif
    }
}

extension Wording where Of == FileAccess.ReadError {
    public static let notFound = Self("no such file", "文件不存在")
    public static let permissionDenied = Self("permission denied", "没有权限")
    public static let isDirectory = Self("it is a folder, not a file", "这是文件夹，不是文件")
    public static func tooLarge(_ size: Int) -> Self {
        Self("the file is \(size / 1_000_000) MB, larger than the 64 MB leadbook reads", "文件有 \(size / 1_000_000) MB，超过了 leadbook 能读取的 64 MB")
    }
    public static let linkLoop = Self("too many levels of symbolic links", "符号链接层数太多")
    public static let unlistable = Self("cannot list the folder", "无法列出文件夹内容")
}

extension Wording where Of == FileAccess {
    public static func windowsError<Code: BinaryInteger>(_ code: Code) -> Self { Self("Windows error \(code)", "Windows 错误 \(code)") }
}

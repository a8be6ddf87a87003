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

/// One writer at a time per workspace: commands that write hold `.leadbook/lock` while they
/// read, change and write files, so two commands started together never lose an update.
/// The lock is the operating system's lock on that file (`flock` on macOS and Linux,
/// `LockFileEx` on Windows), so it ends with the process that holds it, even when the process
/// is killed: a crashed command never leaves the workspace locked.
public final class WorkspaceLock {
    #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
    private var descriptor: Int32 = -1
    #elseif canImport(WinSDK)
    private var handle: HANDLE?
    #endif
    private let path: String

    public struct Busy: Error, SaidError, CustomStringConvertible {
        public let path: String
        /// The message in both languages.
        public var phrase: Phrase { Wording<Self>.busy(path).phrase }
        public var description: String { phrase.en }
    }

    public struct Unavailable: Error, SaidError, CustomStringConvertible {
        public let path: String
        public let reason: String
        /// The message in both languages.
        public var phrase: Phrase { Wording<Self>.unavailable(path, reason).phrase }
        public var description: String { phrase.en }
    }

    /// Waits (up to `timeout` seconds) for the lock of the workspace at `root`.
    public init(root: String, timeout: Double = 30) throws {
        // The folder and the lock file are where they are inside the workspace: a link on the
        // way that leads out of it is refused, so the lock never creates a file elsewhere.
        switch WorkspacePath.resolve(".leadbook", root: root) {
        case .success(let directory):
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        case .failure(let escape):
            throw Unavailable(path: root + "/.leadbook/lock", reason: escape.words.text)
        }
        switch WorkspacePath.resolve(".leadbook/lock", root: root) {
        case .success(let real): path = real
        case .failure(let escape): throw Unavailable(path: root + "/.leadbook/lock", reason: escape.words.text)
        }
        let deadline = Date().addingTimeInterval(timeout)
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw Unavailable(path: path, reason: String(cString: strerror(errno))) }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if Date() > deadline {
                close(descriptor)
                descriptor = -1
                throw Busy(path: path)
            }
            usleep(5_000)
        }
        #elseif canImport(WinSDK)
        let opened: HANDLE? = path.withCString(encodedAs: UTF16.self) {
            CreateFileW($0, DWORD(GENERIC_READ) | DWORD(GENERIC_WRITE),
                        DWORD(FILE_SHARE_READ) | DWORD(FILE_SHARE_WRITE), nil,
                        DWORD(OPEN_ALWAYS), DWORD(FILE_ATTRIBUTE_NORMAL), nil)
        }
        guard let opened, opened != INVALID_HANDLE_VALUE else {
            throw Unavailable(path: path, reason: Wording<FileAccess>.windowsError(GetLastError()).text)
        }
        handle = opened
        while true {
            var overlapped = OVERLAPPED()
            if LockFileEx(opened, DWORD(LOCKFILE_EXCLUSIVE_LOCK) | DWORD(LOCKFILE_FAIL_IMMEDIATELY),
                          0, DWORD.max, DWORD.max, &overlapped) { break }
            if Date() > deadline {
                CloseHandle(opened)
                handle = nil
                throw Busy(path: path)
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        #else
        #error("leadbook needs a file lock: flock (macOS, Linux) or LockFileEx (Windows)")
        #endif
    }

    public func release() {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        if descriptor >= 0 {
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
        #elseif canImport(WinSDK)
        if let held = handle {
            var overlapped = OVERLAPPED()
            UnlockFileEx(held, 0, DWORD.max, DWORD.max, &overlapped)
            CloseHandle(held)
            handle = nil
        }
        #endif
    }

    deinit { release() }
}

extension Workspace {
    /// Takes the workspace lock and lists the workspace again under it (when it is next
    /// listed), so files another command wrote while this one waited are seen (the next free
    /// id, every customer). leadbook.yml is not read again: no command writes it.
    public mutating func lock() throws -> WorkspaceLock {
        let lock = try WorkspaceLock(root: root)
        self = relisted()
        return lock
    }
}

extension Wording where Of == WorkspaceLock.Busy {
    public static func busy(_ path: String) -> Self {
        Self("another leadbook command holds \(path); try again when it has finished", "另一个 leadbook 命令正占用 \(path)；等它结束后再试")
    }
}

extension Wording where Of == WorkspaceLock.Unavailable {
    public static func unavailable(_ path: String, _ reason: String) -> Self {
        Self("cannot open the workspace lock \(path): \(reason)", "无法打开工作区锁 \(path)：\(reason)")
    }
}

import Foundation
import LeadbookText
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of one customer found without listing the workspace: a customer file's name
/// begins with its id (rule file-name-mismatch), so every folder under the customers folder is
/// read as raw entries and only the names that begin with the id become paths. No String is
/// made for the other entries, nothing is sorted, nothing is stat-ed unless the folder does not
/// say what an entry is. The same pass finds the temporary files of interrupted writes.
///
/// The scan sees what `CustomerFolderWalk` sees only when the tree is plain folders and files:
/// a link anywhere under the customers folder, or a folder that cannot be read, makes it unsure
/// (`sure` false), and the caller lists the workspace instead.
public struct CustomerFolderScan: Sendable {
    /// The customer files whose name begins with the id, relative to the workspace, sorted by bytes.
    public var named: [String] = []
    /// Temporary files of interrupted writes, relative to the workspace.
    public var temporaries: [String] = []
    /// False when the folder walk might see other files (a link, an unreadable folder).
    public var sure = true

    /// Scans the customers folder `folder` of the workspace at `root` for the files of `id`.
    public static func run(root: String, folder: String, id: String) -> CustomerFolderScan {
        var scan = CustomerFolderScan()
        let idBytes = Array(id.utf8)
        guard !idBytes.isEmpty, !idBytes.contains(0) else {
            scan.sure = false
            return scan
        }
        let start = root + "/" + folder
        guard FileAccess.isDirectory(start) else { return scan }
        let resolvedRoot = FileAccess.resolve(root) ?? root
        if let resolved = FileAccess.resolve(start) {
            guard WorkspacePath.isInside(resolved, resolvedRoot: resolvedRoot) else { return scan }  // the walk reads nothing there either
        }
        scan.scan(relative: folder, root: root, id: idBytes)
        if scan.sure {
            scan.named = Workspace.sortedByBytes(scan.named)
            scan.temporaries.sort()
        }
        return scan
    }

    /// The file name begins with the id, then `-`, `.` or `_` (as `FileNameMismatch.matches`).
    @inline(__always)
    static func begins(_ name: UnsafePointer<UInt8>, with id: [UInt8]) -> Bool {
        id.withUnsafeBufferPointer { begins(name, with: $0) }
    }

    @inline(__always)
    static func begins(_ name: UnsafePointer<UInt8>, with id: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = id.count
        // A shorter name ends in its NUL first, which is never a byte of the id.
        for index in 0..<count where name[index] != id[index] { return false }
        let next = name[count]
        return next == ASCII.dash || next == ASCII.dot || next == UInt8(ascii: "_")
    }

    #if canImport(Glibc)
    /// glibc's `getdents64` (since 2.30; Swift's Glibc module does not declare it): the
    /// folder's entries a buffer at a time, without `readdir`'s lock and call per entry.
    typealias ReadEntries = @convention(c) (Int32, UnsafeMutableRawPointer?, Int) -> Int
    static let readEntries: ReadEntries? = {
        // The record layout `linux_dirent64`, which glibc's `dirent` has on 64-bit Linux.
        guard MemoryLayout<dirent>.offset(of: \dirent.d_reclen) == 16, MemoryLayout<dirent>.offset(of: \dirent.d_type) == 18,
              MemoryLayout<dirent>.offset(of: \dirent.d_name) == 19, let symbol = dlsym(nil, "getdents64") else { return nil }
        return unsafeBitCast(symbol, to: ReadEntries.self)
    }()

    /// One folder through `getdents64`; false when it is not available (then `readdir`).
    mutating func scanEntries(relative: String, root: String, id: [UInt8]) -> Bool {
        guard let readEntries = Self.readEntries else { return false }
        let absolute = root + "/" + relative
        let fd = open(absolute, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            sure = false
            return true
        }
        defer { close(fd) }
        var folders: [String] = []
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        let count = id.count
        let regular = UInt8(DT_REG), directory = UInt8(DT_DIR)
        let stopped: Bool = id.withUnsafeBufferPointer { id in
            let last = id[count - 1]
            while true {
                let read = readEntries(fd, buffer, size)
                if read < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                if read == 0 { return false }
                var offset = 0
                while offset < read {
                    let record = buffer + offset
                    let length = Int(record.load(fromByteOffset: 16, as: UInt16.self))
                    let type = record.load(fromByteOffset: 18, as: UInt8.self)
                    let name = (record + 19).assumingMemoryBound(to: UInt8.self)
                    offset += max(length, 1)
                    // The id and the byte after it fit in the record: compared from the id's
                    // last byte, which differs most often.
                    let fits = length - 19 > count
                    if type == regular, name[0] != ASCII.dot {
                        guard fits, name[count - 1] == last, Self.begins(name, with: id) else { continue }
                        let fileName = String(cString: name)
                        if CustomerFolderWalk.isMarkdown(fileName) { named.append(relative + "/" + fileName) }
                        continue
                    }
                    if name[0] == ASCII.dot {
                        if name[1] == 0 || (name[1] == ASCII.dot && name[2] == 0) { continue }
                        let fileName = String(cString: name)
                        if kind(Int32(type), absolute, name) == .file, AtomicFile.original(ofTemporary: fileName) != nil {
                            temporaries.append(relative + "/" + fileName)
                        }
                        continue
                    }
                    switch type == directory ? .directory : kind(Int32(type), absolute, name) {
                    case .file:
                        guard fits, Self.begins(name, with: id) else { continue }
                        let fileName = String(cString: name)
                        if CustomerFolderWalk.isMarkdown(fileName) { named.append(relative + "/" + fileName) }
                    case .directory:
                        folders.append(relative + "/" + String(cString: name))
                    case .symlink:
                        return true
                    case .other:
                        continue
                    }
                }
            }
        }
        if stopped {
            sure = false
            return true
        }
        for folder in folders { scan(relative: folder, root: root, id: id) }
        return true
    }
    #endif

    #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
    mutating func scan(relative: String, root: String, id: [UInt8]) {
        guard sure else { return }
        #if canImport(Glibc)
        if scanEntries(relative: relative, root: root, id: id) { return }
        #endif
        let absolute = root + "/" + relative
        guard let dir = opendir(absolute) else {
            sure = false
            return
        }
        defer { closedir(dir) }
        var folders: [String] = []
        while let entry = readdir(dir) {
            let type = Int32(entry.pointee.d_type)
            let outcome: (folder: String?, stop: Bool) = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) { name -> (String?, Bool) in
                    if name[0] == ASCII.dot {
                        // `.`, `..` and hidden entries are skipped; a hidden file may be a temporary.
                        if name[1] == 0 || (name[1] == ASCII.dot && name[2] == 0) { return (nil, false) }
                        let fileName = String(cString: name)
                        if kind(type, absolute, name) == .file, AtomicFile.original(ofTemporary: fileName) != nil {
                            temporaries.append(relative + "/" + fileName)
                        }
                        return (nil, false)
                    }
                    let matches = Self.begins(name, with: id)
                    switch kind(type, absolute, name) {
                    case .file:
                        guard matches else { return (nil, false) }
                        let fileName = String(cString: name)
                        if CustomerFolderWalk.isMarkdown(fileName) { named.append(relative + "/" + fileName) }
                        return (nil, false)
                    case .directory:
                        return (relative + "/" + String(cString: name), false)
                    case .symlink:
                        return (nil, true)
                    case .other:
                        return (nil, false)
                    }
                }
            }
            if outcome.stop {
                sure = false
                return
            }
            if let folder = outcome.folder { folders.append(folder) }
        }
        for folder in folders { scan(relative: folder, root: root, id: id) }
    }

    /// What an entry is: from the folder entry, or `lstat` when the folder does not say.
    func kind(_ type: Int32, _ folder: String, _ name: UnsafePointer<UInt8>) -> FileAccess.Entry.Kind {
        switch type {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .directory
        case Int32(DT_LNK): return .symlink
        case Int32(DT_UNKNOWN):
            var info = stat()
            if lstat(folder + "/" + String(cString: name), &info) != 0 { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .file
            case S_IFDIR: return .directory
            case S_IFLNK: return .symlink
            default: return .other
            }
        default: return .other
        }
    }
    #else
    mutating func scan(relative: String, root: String, id: [UInt8]) {
        guard sure else { return }
        guard case .success(let entries) = FileAccess.list(root + "/" + relative) else {
            sure = false
            return
        }
        var folders: [String] = []
        for entry in entries {
            let path = relative + "/" + entry.name
            if entry.name.hasPrefix(".") {
                if entry.kind == .file, AtomicFile.original(ofTemporary: entry.name) != nil { temporaries.append(path) }
                continue
            }
            switch entry.kind {
            case .file:
                if FileNameMismatch.matches(fileName: entry.name, id: String(decoding: id, as: UTF8.self)),
                   CustomerFolderWalk.isMarkdown(entry.name) { named.append(path) }
            case .directory: folders.append(path)
            case .symlink:
                sure = false
                return
            case .other: break
            }
        }
        for folder in folders { scan(relative: folder, root: root, id: id) }
    }
    #endif
}

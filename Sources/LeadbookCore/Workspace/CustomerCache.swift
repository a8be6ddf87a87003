import Foundation
import LeadbookText
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a command made of each customer file in its last run, kept in `.leadbook/cache/` so
/// that the next run reads again only the files that changed.
///
/// One file per command (`check`, `summary`, `agenda`), written atomically after the run. It
/// holds, per customer file, the file's identity as git's own index keeps it (size,
/// modification and change times to the nanosecond, inode, device, mode) and the compact
/// record the parallel phase reduced the file to (`check`: the file's diagnostics in both
/// languages, its facts for the rules across files and its index fingerprints). A record is
/// used only when the file's identity is the same now, the cache was written by the same
/// leadbook (version, commit and the program file itself) for the same leadbook.yml bytes and
/// the same command context (`--as-of`, the index's window...). Any doubt means the file is
/// read again:
///
/// - a cache that is missing, of another format, truncated or corrupt (a 128-bit checksum of
///   its bytes) is ignored and written anew;
/// - a file modified (or whose status changed) within `racyWindow` of the cache's writing is
///   not kept (git's "racily clean" entries): a change in the same timestamp tick could not be
///   told from no change;
/// - where the identity cannot be told (no `stat`), nothing is cached.
///
/// The rules across files (duplicate ids, possible duplicates, the index) still run on every
/// run, on the records, so the output is the same byte for byte.
public final class CustomerCache: @unchecked Sendable {
    /// Whether commands use the cache, and what it is written by.
    public struct Setting: Sendable {
        public var enabled: Bool
        /// What the leadbook build is: results made by another build are never used.
        public var build: String

        public init(enabled: Bool, build: String) {
            self.enabled = enabled
            self.build = build
        }

        public static let off = Setting(enabled: false, build: "")
    }

    /// The folder of the cache files; it holds a `.gitignore` of its own (`*`), so that git
    /// ignores it in a repository whose `.gitignore` does not list `.leadbook/`.
    public static let folder = ".leadbook/cache"
    static let ignoreFile = "*\n"
    /// The first bytes of a cache file, then the format's version.
    static let magic = Array("leadbook cache\n".utf8)
    static let formatVersion: UInt64 = 1
    /// A file whose modification time is this close to (or after) the moment the cache is
    /// written is read again next time.
    public static let racyWindow: Int64 = 2_000_000_000

    /// A file's identity as git's index compares it.
    public struct FileIdentity: Equatable, Sendable {
        public var size: UInt64
        public var modified: Int64
        public var modifiedNanoseconds: Int64
        public var changed: Int64
        public var changedNanoseconds: Int64
        public var inode: UInt64
        public var device: UInt64
        public var mode: UInt64

        /// Whether the file was last modified, and its status last changed, before `fence`
        /// (nanoseconds since 1970): a change after it could fall in the same timestamp tick
        /// and leave the identity as it is, so the file is not kept (git's "racily clean").
        func isSettled(before fence: Int64) -> Bool {
            modified &* 1_000_000_000 &+ modifiedNanoseconds < fence && changed &* 1_000_000_000 &+ changedNanoseconds < fence
        }

        /// The identity of the file at `path` (following links, as reading does); nil where it
        /// cannot be told.
        public static func of(_ path: String) -> FileIdentity? {
            #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return FileIdentity(info)
            #else
            return nil
            #endif
        }

        /// The identity of the file `name` of the open folder `folder` (one path component to
        /// look up, not the whole path from the workspace's root).
        static func of(_ folder: Int32, _ name: UnsafePointer<CChar>) -> FileIdentity? {
            #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
            var info = stat()
            guard fstatat(folder, name, &info, 0) == 0 else { return nil }
            return FileIdentity(info)
            #else
            return nil
            #endif
        }

        func write(_ writer: inout BinaryWriter) {
            for value in [size, UInt64(bitPattern: modified), UInt64(bitPattern: modifiedNanoseconds), UInt64(bitPattern: changed),
                          UInt64(bitPattern: changedNanoseconds), inode, device, mode] {
                writer.fixed(value)
            }
        }

        static func read(_ reader: inout BinaryReader) -> FileIdentity {
            FileIdentity(size: reader.fixed(), modified: Int64(bitPattern: reader.fixed()), modifiedNanoseconds: Int64(bitPattern: reader.fixed()),
                         changed: Int64(bitPattern: reader.fixed()), changedNanoseconds: Int64(bitPattern: reader.fixed()),
                         inode: reader.fixed(), device: reader.fixed(), mode: reader.fixed())
        }
    }

    /// How a command's per-file value is written into the cache and read back. `decode` gets
    /// whether the cache was written in the same context as this run (its header) and the
    /// index of the file; it returns nil when the record cannot serve this run (then the file
    /// is read). `encode` returns false for a value that is not to be kept.
    public struct Coding<Value> {
        public var encode: (Value, inout BinaryWriter) -> Bool
        public var decode: (inout BinaryReader, _ sameContext: Bool, _ index: Int) -> Value?

        public init(encode: @escaping (Value, inout BinaryWriter) -> Bool,
                    decode: @escaping (inout BinaryReader, _ sameContext: Bool, _ index: Int) -> Value?) {
            self.encode = encode
            self.decode = decode
        }

        /// Keeps nothing and finds nothing.
        public static var unused: Coding { Coding(encode: { _, _ in false }, decode: { _, _, _ in nil }) }
    }

    struct Entry {
        var path: Range<Int>
        var identity: FileIdentity
        var payload: Range<Int>
    }

    /// What this run knows of one file.
    struct Slot {
        var identity: FileIdentity?
        /// The old entry whose record was used.
        var reused: Int32 = -1
        /// A record made in this run.
        var fresh: [UInt8]?
    }

    public let kind: String
    /// The cache file (absolute).
    let file: String
    let folder: String
    let stamp: LineDigest
    /// The context this run writes in the header (nil: the old cache's, kept).
    let context: [UInt8]?
    let paths: [String]
    let root: String
    /// The cache as it was read (empty when there was none or it was not usable).
    /// Let go by `save`, with the records made in this run: the rest of a run does not need them.
    private(set) var old: [UInt8]
    let oldContext: [UInt8]
    let entries: [Entry]
    /// Per path, the old entry of the same path (-1: none).
    let matches: [Int32]
    let slots: UnsafeMutableBufferPointer<Slot>
    /// The customer folders, open (-1: not opened), and per path the one it is in.
    let folderHandles: [Int32]
    let folderOf: [Int32]
    /// The moment a cache is written, in nanoseconds since 1970, for the racy check (tests
    /// move it on, so that the files they have just written count as old).
    public nonisolated(unsafe) static var clock: () -> Int64 = { Int64((Date().timeIntervalSince1970 * 1e9).rounded(.down)) }
    /// What was kept and what was read again in the last reading (for tests that count work).
    public nonisolated(unsafe) static var observer: ((_ recalled: Int, _ read: Int) -> Void)?

    /// The cache `kind` of `workspace` for its customer files, or nil when the workspace's
    /// setting turns it off. `context` is what else this command's records depend on (nil:
    /// the records say themselves; the old context is kept).
    public static func open(_ workspace: Workspace, kind: String, context: [UInt8]?) -> CustomerCache? {
        guard workspace.cache.enabled else { return nil }
        return CustomerCache(root: workspace.root, paths: workspace.customerPaths, kind: kind, context: context,
                             stamp: stamp(workspace, kind: kind))
    }

    /// What every record of a cache depends on besides its file: the format, the command, the
    /// leadbook build and leadbook.yml's bytes.
    static func stamp(_ workspace: Workspace, kind: String) -> LineDigest {
        var writer = BinaryWriter()
        writer.unsigned(formatVersion)
        writer.text(kind)
        writer.text(workspace.cache.build)
        writer.bool(workspace.hasConfigurationFile)
        let configuration = workspace.configurationDigest ?? LineDigest(high: 0, low: 0)
        writer.fixed(configuration.high)
        writer.fixed(configuration.low)
        return LineDigest.of(writer.bytes)
    }

    init(root: String, paths: [String], kind: String, context: [UInt8]?, stamp: LineDigest) {
        self.root = root
        self.paths = paths
        self.kind = kind
        self.context = context
        self.stamp = stamp
        self.folder = root + "/" + Self.folder
        self.file = folder + "/" + kind
        var old: [UInt8] = []
        if Self.placeIsInside(root), case .success(let bytes) = FileAccess.read(file, limit: Int(Int32.max)) { old = bytes }
        let parsed = old.withUnsafeBufferPointer { Self.parse($0, stamp: stamp) }
        if let parsed {
            self.old = old
            self.oldContext = parsed.context
            self.entries = parsed.entries
        } else {
            self.old = []
            self.oldContext = []
            self.entries = []
        }
        let (kept, entries) = (self.old, self.entries)
        self.matches = kept.withUnsafeBufferPointer { Self.match(paths, entries: entries, in: $0) }
        slots = .allocate(capacity: paths.count)
        slots.initialize(repeating: Slot())
        (folderHandles, folderOf) = Self.openFolders(root, paths)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        for handle in folderHandles where handle >= 0 { close(handle) }
        #endif
    }

    /// Each folder the paths are in, opened once, so that a file's identity is asked of its
    /// folder (`fstatat`) and the kernel does not walk the whole path for every file.
    static func openFolders(_ root: String, _ paths: [String]) -> ([Int32], [Int32]) {
        var handles: [Int32] = []
        var of = [Int32](repeating: -1, count: paths.count)
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        var known: [Substring: Int32] = [:]
        var last: Substring?
        var lastHandle: Int32 = -1
        for (index, path) in paths.enumerated() {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
            let folder = path[..<slash]
            if folder != last {
                if let handle = known[folder] {
                    lastHandle = handle
                } else {
                    let fd = openFolder(root + "/" + folder)
                    lastHandle = fd < 0 ? -1 : Int32(handles.count)
                    if fd >= 0 { handles.append(fd) }
                    known[folder] = lastHandle
                }
                last = folder
            }
            of[index] = lastHandle
        }
        #endif
        return (handles, of)
    }

    /// The identity of the file of path `index`.
    func identity(_ index: Int) -> FileIdentity? {
        let folder = Int(folderOf[index])
        let path = paths[index]
        guard folder >= 0, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return FileIdentity.of(root + "/" + path) }
        return String(path[path.utf8.index(after: slash)...]).withCString { FileIdentity.of(folderHandles[folder], $0) }
    }

    /// Whether the cache was written in this run's context.
    var sameContext: Bool { context == nil || context! == oldContext }

    /// The cache folder is a real folder of the workspace (or does not exist yet): never a
    /// link out of it.
    static func placeIsInside(_ root: String) -> Bool {
        guard case .success = WorkspacePath.resolve(folder, root: root) else { return false }
        return true
    }

    /// The header and entries of a cache file's bytes, or nil when it is not a cache of this
    /// format and stamp, or its checksum does not hold.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, stamp: LineDigest) -> (context: [UInt8], entries: [Entry])? {
        guard buffer.count > magic.count + 16, buffer.starts(with: magic) else { return nil }
        let body = UnsafeBufferPointer(rebasing: buffer[0..<(buffer.count - 16)])
        var trailer = BinaryReader(buffer, range: body.count..<buffer.count)
        let sum = LineDigest.of(body)
        guard trailer.fixed() == sum.high, trailer.fixed() == sum.low else { return nil }
        var reader = BinaryReader(body, range: magic.count..<body.count)
        guard reader.unsigned() == formatVersion, reader.fixed() == stamp.high, reader.fixed() == stamp.low else { return nil }
        let context = reader.data()
        let count = reader.count()
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let path = reader.span()
            let identity = FileIdentity.read(&reader)
            let payload = reader.span()
            if reader.failed { return nil }
            entries.append(Entry(path: path, identity: identity, payload: payload))
        }
        guard reader.isComplete else { return nil }
        return (context, entries)
    }

    /// For each path, the entry of the same path. Both lists are sorted by bytes (the
    /// workspace's listing, and the cache written from one), so one walk pairs them; a path
    /// out of order only goes unmatched, and is read.
    static func match(_ paths: [String], entries: [Entry], in buffer: UnsafeBufferPointer<UInt8>) -> [Int32] {
        var matches = [Int32](repeating: -1, count: paths.count)
        guard !entries.isEmpty, let base = buffer.baseAddress else { return matches }
        var next = 0
        for index in paths.indices {
            var path = paths[index]
            path.withUTF8 { bytes in
                while next < entries.count {
                    let range = entries[next].path
                    let common = min(range.count, bytes.count)
                    var order = common == 0 ? 0 : memcmp(base + range.lowerBound, bytes.baseAddress!, common)
                    if order == 0 { order = range.count < bytes.count ? -1 : (range.count > bytes.count ? 1 : 0) }
                    if order < 0 { next += 1; continue }
                    if order == 0 {
                        matches[index] = Int32(next)
                        next += 1
                    }
                    return
                }
            }
        }
        return matches
    }

    /// The record of file `index` from the cache, when its file is as it was; else nil, and
    /// the file must be read (`keep` then stores what was made of it).
    func recall<Value>(_ index: Int, _ coding: Coding<Value>) -> Value? {
        let identity = identity(index)
        slots[index].identity = identity
        let match = Int(matches[index])
        // (After `save` the old bytes are gone: nothing is recalled any more.)
        guard let identity, match >= 0, entries[match].identity == identity, entries[match].payload.upperBound <= old.count else { return nil }
        let context = sameContext
        let value = old.withUnsafeBufferPointer { buffer -> Value? in
            var reader = BinaryReader(buffer, range: entries[match].payload)
            guard let value = coding.decode(&reader, context, index), reader.isComplete else { return nil }
            return value
        }
        if value != nil { slots[index].reused = Int32(match) }
        return value
    }

    /// What this run made of file `index`, to be written with the cache.
    func keep<Value>(_ index: Int, _ value: Value, _ coding: Coding<Value>) {
        guard slots[index].identity != nil else { return }
        var writer = BinaryWriter(capacity: 256)
        guard coding.encode(value, &writer) else { return }
        // Kept in an array of exactly its size: the writer's grows by doubling, and 100,000
        // records of about 380 bytes would otherwise hold 512 each until the cache is written.
        let record = writer.bytes
        slots[index].fresh = [UInt8](unsafeUninitializedCapacity: record.count) { buffer, count in
            _ = buffer.initialize(from: record)
            count = record.count
        }
    }

    /// Writes the cache for the next run: every file whose record was used or made, except
    /// those modified too recently to be told from a later change. Nothing is written when
    /// nothing changed; a cache that cannot be written is no cache (the run's output is the
    /// same).
    public func save() {
        defer {
            // 38 MB each at 100,000 customers, kept otherwise through the rules across files.
            old = []
            for index in paths.indices { slots[index].fresh = nil }
        }
        let fence = Self.clock() - Self.racyWindow
        let headerContext = context ?? oldContext
        var kept = 0
        var fresh = 0
        var recalled = 0
        // The exact size of what the checksum covers: the file is written in pieces as it is
        // made and fingerprinted on the way (`LineDigest.Stream`), never held whole (38 MB at
        // 100,000 customers, beside every record of the run).
        var size = Self.magic.count + BinaryWriter.unsignedSize(Self.formatVersion) + 16 + BinaryWriter.dataSize(headerContext.count)
        for index in paths.indices {
            let slot = slots[index]
            if slot.reused >= 0 { recalled += 1 }
            guard let identity = slot.identity, identity.isSettled(before: fence), slot.reused >= 0 || slot.fresh != nil else { continue }
            if let record = slot.fresh {
                fresh += 1
                size += BinaryWriter.dataSize(record.count)
            } else {
                size += BinaryWriter.dataSize(entries[Int(slot.reused)].payload.count)
            }
            size += BinaryWriter.dataSize(paths[index].utf8.count) + 64
            kept += 1
        }
        size += BinaryWriter.unsignedSize(UInt64(kept))
        Self.observer?(recalled, paths.count - recalled)
        // A few files read again are cheaper for the next run than writing the whole cache
        // now: it is written when more than 1 in 64 of its records changed (or it has none, or
        // its context changed). Records of files that are gone are never matched again.
        guard fresh > entries.count / 64 || headerContext != oldContext || old.isEmpty && kept > 0 else { return }
        guard Self.prepare(folder: folder, root: root) else { return }
        try? AtomicFile.write(to: file) { put in
            var sum = LineDigest.Stream(count: size)
            var writer = BinaryWriter(capacity: Self.pieceSize + 4096)
            func flush() {
                writer.bytes.withUnsafeBytes { piece in
                    sum.feed(piece)
                    put(piece)
                }
                writer.bytes.removeAll(keepingCapacity: true)
            }
            writer.bytes.append(contentsOf: Self.magic)
            writer.unsigned(Self.formatVersion)
            writer.fixed(stamp.high)
            writer.fixed(stamp.low)
            writer.data(headerContext)
            writer.unsigned(UInt64(kept))
            old.withUnsafeBufferPointer { buffer in
                for index in paths.indices {
                    let slot = slots[index]
                    guard let identity = slot.identity, identity.isSettled(before: fence) else { continue }
                    if let fresh = slot.fresh {
                        writer.text(paths[index])
                        identity.write(&writer)
                        writer.data(fresh)
                    } else if slot.reused >= 0 {
                        let entry = entries[Int(slot.reused)]
                        writer.text(paths[index])
                        identity.write(&writer)
                        writer.data(UnsafeBufferPointer(rebasing: buffer[entry.payload]))
                    } else {
                        continue
                    }
                    if writer.bytes.count >= Self.pieceSize { flush() }
                }
            }
            flush()
            // A size that does not add up would make a checksum no reader accepts: no cache then.
            guard sum.fed == size else { throw CacheSizeMismatch() }
            let digest = sum.finish()
            writer.fixed(digest.high)
            writer.fixed(digest.low)
            writer.bytes.withUnsafeBytes { put($0) }
        }
    }

    /// The pieces the cache file is written in (tests make them small).
    nonisolated(unsafe) static var pieceSize = 1 << 20

    struct CacheSizeMismatch: Error {}

    /// The cache folder made, with its `.gitignore`; false when it cannot be (no cache then).
    static func prepare(folder: String, root: String) -> Bool {
        guard placeIsInside(root) else { return false }
        if !FileAccess.isDirectory(folder) {
            guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return false }
        }
        let ignore = folder + "/.gitignore"
        if !FileAccess.exists(ignore) { try? AtomicFile.write(Array(Self.ignoreFile.utf8), to: ignore) }
        return true
    }

    /// Writes a cache file of the workspace at `root` (atomically), making the folder and its
    /// `.gitignore` first; a cache that cannot be written is no cache.
    static func write(_ bytes: [UInt8], to file: String, folder: String, root: String) {
        guard prepare(folder: folder, root: root) else { return }
        try? AtomicFile.write(bytes, to: file)
    }
}

#if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
/// A folder opened for asking its files' identities (`fstatat`); -1 when it cannot be.
private func openFolder(_ path: String) -> Int32 {
    open(path, O_RDONLY | O_DIRECTORY)
}
#endif

extension CustomerFiles {
    /// `reduce` through a cache: a file whose record the cache holds (and whose identity is
    /// unchanged) is not read; every other file is read and reduced, and its value kept for the
    /// cache. Without a cache, the same as `reduce`. The caller saves the cache afterwards.
    public func reduce<Value>(batchSize: Int = CustomerFiles.batchSize,
                              cache: CustomerCache?, _ coding: CustomerCache.Coding<Value>,
                              _ reduce: (Int, [UInt8]) -> Value,
                              unread: (Int, Diagnostic) -> Value,
                              afterBatch: (inout [Value], Range<Int>) -> Void = { _, _ in }) -> Reading<Value> {
        guard let cache else { return self.reduce(batchSize: batchSize, reduce, unread: unread, afterBatch: afterBatch) }
        return self.reduce(batchSize: batchSize, recall: { index in cache.recall(index, coding) }, { index, bytes in
            let value = reduce(index, bytes)
            cache.keep(index, value, coding)
            return value
        }, unread: unread, afterBatch: afterBatch)
    }
}

extension CustomerCache.FileIdentity {
    #if canImport(Glibc) || canImport(Musl)
    /// The identity `stat` gives.
    init(_ info: stat) {
        self.init(size: UInt64(info.st_size), modified: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec),
                  changed: Int64(info.st_ctim.tv_sec), changedNanoseconds: Int64(info.st_ctim.tv_nsec),
                  inode: UInt64(info.st_ino), device: UInt64(info.st_dev), mode: UInt64(info.st_mode))
    }
    #elseif canImport(Darwin)
    init(_ info: stat) {
        self.init(size: UInt64(info.st_size), modified: Int64(info.st_mtimespec.tv_sec), modifiedNanoseconds: Int64(info.st_mtimespec.tv_nsec),
                  changed: Int64(info.st_ctimespec.tv_sec), changedNanoseconds: Int64(info.st_ctimespec.tv_nsec),
                  inode: UInt64(info.st_ino), device: UInt64(info.st_dev), mode: UInt64(info.st_mode))
    }
    #endif
}

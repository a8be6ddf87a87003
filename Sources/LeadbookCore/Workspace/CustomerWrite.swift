import Foundation
import LeadbookText
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way leadbook changes customer files. A writer opens it on its workspace, which takes
/// the workspace lock (not for a dry run) and lists the workspace again under it; reads what it
/// changes from `workspace`; adds each file's new content, which is read back with the rules of
/// `check` first (a change that would give a file an error it did not have is refused); and
/// commits: every change checked first (its path resolved inside the workspace, the file there
/// to change or not there to create, its folder writable), so that a change that cannot be
/// made writes nothing; then every file written atomically, in the order added, and when one
/// write still fails, the files already written are put back as they were, so a change of
/// several files is made whole or not at all. The files that follow from the customer files
/// (the index file) are written in the same commit (`derive`). A write through a link inside
/// the workspace goes to the file the link leads to; nothing is written through a link out of it.
public final class CustomerWrite {
    /// The workspace as listed under the lock.
    public private(set) var workspace: Workspace
    /// Nothing is locked or written; changes are still checked.
    public let dryRun: Bool
    /// The changes added so far, in the order they are written.
    public private(set) var changes: [Change] = []
    private var lock: WorkspaceLock?
    /// Temporary files that writes killed before their rename left behind (`.NAME.md.leadbook-*.tmp`),
    /// removed when the write opened: under the lock no other write can be under way.
    public private(set) var removedTemporaries: [String] = []
    /// Makes the files that follow from the customer files (the index file) once the changes
    /// are written, from the workspace listed again; they are written as part of the same
    /// change (when one cannot be, the customer files are put back too).
    public var derive: ((Workspace) -> [Change])?
    /// Called once every change is written, still under the lock (to remember what was
    /// written); without it, where the tables of an index file written are is remembered
    /// (`IndexRowUpdate.LayoutMemory`).
    public var committed: (() -> Void)?

    /// Why a change was not made; nothing was written.
    public enum Refusal: Error {
        /// The workspace lock could not be taken: why.
        case locked(Phrase)
        /// The new content of `path` reads back with these errors, which the file did not have.
        case newErrors(path: String, [Diagnostic])
        /// A new file (or the new name of a file) is already there.
        case exists(path: String)
        /// A write failed; the files written before it were put back, except `notRestored`.
        case failed(Failure)
    }

    public struct Failure: Error, SaidError, CustomStringConvertible {
        /// The file that could not be written (or removed), as the error names it.
        public var path: String
        /// Why, in both languages.
        public var because: Phrase
        /// Why, in English.
        public var reason: String { because.en }
        public var removing = false
        /// Found before anything was written (the check of every change first): nothing was.
        public var beforeWriting = false
        /// The files written before the failure and put back as they were.
        public var restored: [String] = []
        /// The files written before the failure that could not be put back.
        public var notRestored: [String] = []

        /// A reason given by the system (the same in both languages).
        public init(path: String, reason: String, removing: Bool = false, beforeWriting: Bool = false) {
            self.init(path: path, because: Phrase(verbatim: reason), removing: removing, beforeWriting: beforeWriting)
        }

        public init(path: String, because: Phrase, removing: Bool = false, beforeWriting: Bool = false) {
            self.path = path
            self.because = because
            self.removing = removing
            self.beforeWriting = beforeWriting
        }

        /// The whole message in both languages.
        public var phrase: Phrase { (removing ? Wording<Failure>.cannotRemove(path, because) : Wording<Failure>.cannotWrite(path, because)).phrase }
        public var description: String { phrase.en }
    }

    /// One file's change.
    public struct Change: Sendable {
        public enum Kind: Sendable, Equatable {
            case create
            case update
            /// Written under a new name, the old one removed.
            case move(to: String)
            case remove
        }

        public let kind: Kind
        public let path: String
        /// The content before (empty for a new file).
        public var before: [UInt8] { original?.bytes ?? earlier }
        private let earlier: [UInt8]
        /// The content after (empty for a removed file).
        public var after: [UInt8] {
            guard let pieces else { return whole }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
            for piece in pieces {
                switch piece {
                case .bytes(let slice): bytes.append(contentsOf: slice)
                case .original(let range): if let original { bytes.append(contentsOf: original.buffer[range]) }
                case .made(_, let make): make { bytes.append(contentsOf: $0) }
                }
            }
            return bytes
        }
        private let whole: [UInt8]
        /// The content after as pieces written one after the other: a large generated file
        /// (the index) changed in a few rows, whose unchanged parts are ranges of the file as
        /// it was (`original`), never copied through memory.
        public let pieces: [AtomicFile.Piece]?
        /// The file as it was, when the change was made from it mapped rather than read
        /// (`FileSnapshot`): `before` and the pieces' ranges are its bytes, and putting the
        /// file back copies them from it.
        public let original: FileSnapshot?

        init(kind: Kind, path: String, before: [UInt8], after: [UInt8]) {
            self.kind = kind
            self.path = path
            self.earlier = before
            self.whole = after
            self.pieces = nil
            self.original = nil
            self.layout = nil
        }

        /// Where an index file's tables are once it is written, when the change knows it (so
        /// it need not be searched for them in the bytes written).
        public let layout: IndexRowUpdate.Layout?

        init(kind: Kind, path: String, original: FileSnapshot?, pieces: [AtomicFile.Piece], layout: IndexRowUpdate.Layout? = nil) {
            self.kind = kind
            self.path = path
            self.earlier = []
            self.whole = []
            self.pieces = pieces
            self.original = original
            self.layout = layout
        }

        /// How many bytes the content after has.
        public var count: Int { pieces?.reduce(0) { $0 + $1.count } ?? whole.count }

        /// What is written: the pieces, or the whole content as one.
        var written: [AtomicFile.Piece] { pieces ?? [.bytes(whole[...])] }

        /// Where the content is after the change.
        public var newPath: String {
            if case .move(let target) = kind { return target }
            return path
        }

        /// `path` from `before` to `after`, or the errors `after` has that `before` had not
        /// (by rule: lines move when entries are added). `had` are `before`'s diagnostics and
        /// `has` `after`'s, when the caller read them already; otherwise they are read here.
        public static func update(_ path: String, from before: [UInt8], to after: [UInt8], had: [Diagnostic]? = nil,
                                  has: [Diagnostic]? = nil, _ configuration: Configuration) -> Result<Change, Refusal> {
            checked(Change(kind: .update, path: path, before: before, after: after), had: had, has: has, configuration)
        }

        /// A new file at `path`; refused when it would have errors.
        public static func create(_ path: String, _ bytes: [UInt8], has: [Diagnostic]? = nil, _ configuration: Configuration) -> Result<Change, Refusal> {
            checked(Change(kind: .create, path: path, before: [], after: bytes), had: [], has: has, configuration)
        }

        /// `path` renamed to `newPath` with the content `after`; read back under its new name.
        public static func move(_ path: String, to newPath: String, from before: [UInt8], to after: [UInt8], had: [Diagnostic]? = nil,
                                _ configuration: Configuration) -> Result<Change, Refusal> {
            checked(Change(kind: .move(to: newPath), path: path, before: before, after: after), had: had, has: nil, configuration)
        }

        /// A file leadbook makes (the index file, a rep's index) from `before` (nil: there is
        /// none yet) to `after`; nothing to read back.
        public static func generated(_ path: String, from before: [UInt8]?, to after: [UInt8]) -> Change {
            Change(kind: before == nil ? .create : .update, path: path, before: before ?? [], after: after)
        }

        /// A file leadbook makes, from the file as it is (`original`) to the content `pieces`
        /// give one after the other.
        public static func generated(_ path: String, from original: FileSnapshot, pieces: [AtomicFile.Piece]) -> Change {
            Change(kind: .update, path: path, original: original, pieces: pieces)
        }

        /// A file leadbook makes, new (`original` nil) or from the file as it is, to the content
        /// `pieces` give, with where its tables will be.
        public static func generated(_ path: String, from original: FileSnapshot?, pieces: [AtomicFile.Piece], layout: IndexRowUpdate.Layout?) -> Change {
            Change(kind: original == nil ? .create : .update, path: path, original: original, pieces: pieces, layout: layout)
        }

        /// `path` removed (git keeps its history).
        public static func remove(_ path: String, _ before: [UInt8]) -> Change {
            Change(kind: .remove, path: path, before: before, after: [])
        }

        static func checked(_ change: Change, had: [Diagnostic]?, has: [Diagnostic]?, _ configuration: Configuration) -> Result<Change, Refusal> {
            let before = had ?? CustomerReader.read(path: change.path, bytes: change.before, configuration: configuration).findings.diagnostics
            let added = has.map { EditCheck.newErrors(before: before, after: $0) }
                ?? EditCheck.newErrors(path: change.newPath, bytes: change.after, before: before, configuration: configuration)
            return added.isEmpty ? .success(change) : .failure(.newErrors(path: change.newPath, added))
        }
    }

    /// Opens a write: takes the workspace lock (waiting for another writer to finish) and lists
    /// the workspace again under it, so files another command wrote meanwhile are seen. A dry
    /// run takes no lock. A write to one customer names its id (`customer`): the temporary
    /// files are then found by the scan that finds that customer's files, without listing the
    /// workspace.
    public init(_ workspace: Workspace, dryRun: Bool = false, customer id: String? = nil) throws(Refusal) {
        var opened = workspace
        if !dryRun {
            do {
                lock = try opened.lock()
            } catch {
                throw .locked(.of(error))
            }
        }
        self.workspace = opened
        self.dryRun = dryRun
        if !dryRun { removedTemporaries = Self.removeTemporaries(opened, scanningFor: id) }
    }

    /// Removes the temporary files of interrupted writes: under the customers folder (found by
    /// its walk) and beside the index files; returns them.
    static func removeTemporaries(_ workspace: Workspace, scanningFor id: String? = nil) -> [String] {
        var found = workspace.temporaryPaths(scanningFor: id)
        let configuration = workspace.configuration
        for folder in Set([WorkspaceIndex.folder(of: configuration.indexFile), WorkspaceIndex.ownerFolder(configuration)]) {
            guard case .success(let real) = WorkspacePath.resolve(folder.isEmpty ? "." : folder, root: workspace.root),
                  case .success(let entries) = FileAccess.list(real) else { continue }
            for entry in entries where entry.kind == .file {
                guard let name = AtomicFile.original(ofTemporary: entry.name), CustomerFolderWalk.isMarkdown(name) else { continue }
                found.append(folder.isEmpty ? entry.name : folder + "/" + entry.name)
            }
        }
        var removed: [String] = []
        for path in Set(found).sorted() {
            guard case .success(let real) = WorkspacePath.resolve(WorkspaceIndex.folder(of: path), root: workspace.root) else { continue }
            if (try? FileManager.default.removeItem(atPath: real + "/" + WorkspacePath.fileName(path))) != nil { removed.append(path) }
        }
        return removed
    }

    deinit { lock?.release() }

    /// Lets other writers in; nothing can be committed afterwards.
    public func release() {
        lock?.release()
        lock = nil
    }

    /// A customer file as it is now, read as every command reads it.
    public func read(_ path: String) -> Result<[UInt8], Diagnostic> {
        CustomerFiles.read(path, root: workspace.root)
    }

    /// Adds a change already checked (`Change.update` and the like).
    public func add(_ change: Change) {
        changes.append(change)
    }

    /// Adds the change of `path` from `before` to `after` (see `Change.update`).
    public func update(_ path: String, from before: [UInt8], to after: [UInt8], had: [Diagnostic]? = nil) throws(Refusal) {
        add(try Change.update(path, from: before, to: after, had: had, workspace.configuration).get())
    }

    /// Adds a new file.
    public func create(_ path: String, _ bytes: [UInt8]) throws(Refusal) {
        add(try Change.create(path, bytes, workspace.configuration).get())
    }

    /// Adds a renamed file with its new content.
    public func move(_ path: String, to newPath: String, from before: [UInt8], to after: [UInt8], had: [Diagnostic]? = nil) throws(Refusal) {
        add(try Change.move(path, to: newPath, from: before, to: after, had: had, workspace.configuration).get())
    }

    /// Adds the removal of a file.
    public func remove(_ path: String, _ before: [UInt8]) {
        add(Change.remove(path, before))
    }

    /// Writes every change, in the order added; a dry run writes nothing. First every change is
    /// checked (`preflight`): each path resolved, every link on the way followed, inside the
    /// workspace; the file there to change or not there to create; its folder writable. When
    /// one cannot be made, nothing is written. When a write still fails, the changes made
    /// before it are undone, last first. Then `derive` makes the files that follow from the
    /// customer files, written in the same way as part of the same change.
    public func commit() throws(Refusal) {
        guard !dryRun else { return }
        var written: [Planned] = []
        try write(try preflight(changes), &written)
        if let derive {
            let derived = derive(workspace.relisted())
            let planned: [Planned]
            do {
                planned = try preflight(derived)
            } catch {
                var failure: Failure
                switch error {
                case .failed(let refused): failure = refused
                case .exists(let path): failure = Failure(path: path, because: Wording<Failure>.alreadyThere.phrase)
                default: failure = Failure(path: derived.first?.newPath ?? "", reason: "\(error)")
                }
                failure.beforeWriting = written.isEmpty
                throw undo(written, failure)
            }
            try write(planned, &written)
        }
        changes = []
        if let committed {
            committed()
        } else {
            IndexRowUpdate.LayoutMemory.remember(written.map(\.change), workspace)
        }
        committed = nil
    }

    private func write(_ planned: [Planned], _ written: inout [Planned]) throws(Refusal) {
        for step in planned {
            do {
                try apply(step)
            } catch {
                var failure = (error as? Failure) ?? Failure(path: step.change.newPath, because: (error as? AtomicFile.WriteError)?.because ?? .of(error))
                // A step that fails leaves nothing of itself (an atomic write, a move whose new
                // name went again): when it is the first, nothing was written, and it is said.
                if written.isEmpty && failure.notRestored.isEmpty { failure.beforeWriting = true }
                throw undo(written, failure)
            }
            written.append(step)
        }
    }

    // MARK: Checking before writing

    /// One change with the real places it reads and writes.
    struct Planned {
        var change: Change
        /// Where `change.path` really is (through links inside the workspace); for a removal,
        /// the entry itself (a link is removed, not what it leads to).
        var source: String
        /// Where the content goes (`newPath`, resolved the same way).
        var target: String
        /// What the link at `change.path` says, when it is one (a removed link is put back as a link).
        var link: String?
    }

    /// Every change resolved and checked; the first that cannot be made is refused before
    /// anything is written.
    func preflight(_ changes: [Change]) throws(Refusal) -> [Planned] {
        var planned: [Planned] = []
        var targets = Set<String>()
        for change in changes {
            let step = try plan(change)
            if change.kind != .update && change.kind != .remove && !targets.insert(step.target).inserted {
                throw .exists(path: change.newPath)
            }
            planned.append(step)
        }
        return planned
    }

    /// Checks, before anything is written, that the file at `path` could be written as a
    /// later change of this write (the index file that `derive` will make): its path resolved
    /// inside the workspace, its folder writable.
    public func check(_ path: String) throws(Refusal) {
        guard !dryRun else { return }
        let generated = Change.generated(path, from: FileAccess.exists(workspace.absolute(path)) ? [] : nil, to: [])
        _ = try plan(generated)
    }

    private func plan(_ change: Change) throws(Refusal) -> Planned {
        func refused(_ path: String, _ reason: Phrase, removing: Bool = false) -> Refusal {
            .failed(Failure(path: path, because: reason, removing: removing, beforeWriting: true))
        }
        func resolved(_ path: String) throws(Refusal) -> String {
            switch WorkspacePath.resolve(path, root: workspace.root) {
            case .success(let real): return real
            case .failure(let escape): throw refused(path, escape.words.phrase)
            }
        }
        let absolute = workspace.absolute(change.path)
        var step = Planned(change: change, source: absolute, target: absolute, link: WorkspacePath.linkDestination(absolute))
        switch change.kind {
        case .update, .remove, .move:
            let real = try resolved(change.path)
            guard FileAccess.exists(real) else { throw refused(change.path, Wording<FileAccess.ReadError>.notFound.phrase, removing: change.kind == .remove) }
            guard !FileAccess.isDirectory(real) else { throw refused(change.path, Wording<FileAccess.ReadError>.isDirectory.phrase, removing: change.kind == .remove) }
            if change.kind == .remove, step.link != nil {
                // The link goes, not the file it leads to: its own folder, resolved.
                step.source = try resolved(WorkspaceIndex.folder(of: change.path)) + "/" + WorkspacePath.fileName(change.path)
            } else {
                step.source = real
            }
            if case .move = change.kind, step.link != nil {
                throw refused(change.path, Wording<Failure>.linkNotRenamed(step.link ?? "").phrase)
            }
            step.target = step.source
        case .create:
            break
        }
        if change.kind == .create || change.newPath != change.path {
            step.target = try resolved(change.newPath)
            if FileAccess.exists(step.target) || WorkspacePath.linkDestination(step.target) != nil { throw .exists(path: change.newPath) }
        }
        let folder = WorkspaceIndex.folder(of: change.kind == .remove ? step.source : step.target)
        if let reason = Self.cannotWriteIn(folder) { throw refused(change.newPath, reason, removing: change.kind == .remove) }
        if let reason = Self.fault?(.preflight, change.newPath) { throw refused(change.newPath, Phrase(verbatim: reason), removing: change.kind == .remove) }
        return step
    }

    /// Why no file can be written in `folder` (or in the folder it will be made in), nil when one can.
    static func cannotWriteIn(_ folder: String) -> Phrase? {
        var existing = folder
        while !existing.isEmpty && !FileAccess.exists(existing) {
            existing = WorkspaceIndex.folder(of: existing)
        }
        if existing.isEmpty { existing = "/" }
        guard FileAccess.isDirectory(existing) else { return Wording<Failure>.notAFolder(existing).phrase }
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        if access(existing, W_OK) != 0 { return Wording<Failure>.folderNotWritable(existing, String(cString: strerror(errno))).phrase }
        #endif
        return nil
    }

    // MARK: Faults

    /// A step of a commit, for `fault`.
    public enum Step: Sendable {
        case preflight, write, remove, restore
    }

    /// A failure made on purpose at one step of a commit: given the step and the workspace path,
    /// the reason that step fails, or nil. Tests set it to make a chosen write fail the way a
    /// full disk or a file that cannot be removed does (permissions do not stop a root user);
    /// nil otherwise.
    public nonisolated(unsafe) static var fault: ((Step, String) -> String?)?

    private static func failIfFaulty(_ step: Step, _ path: String, removing: Bool = false) throws {
        if let reason = fault?(step, path) { throw Failure(path: path, reason: reason, removing: removing) }
    }

    // MARK: Writing and putting back

    /// Puts the written changes back, last first, and says which could not be.
    private func undo(_ written: [Planned], _ failure: Failure) -> Refusal {
        var failure = failure
        for step in written.reversed() {
            if restore(step) {
                failure.restored.insert(step.change.newPath, at: 0)
            } else {
                failure.notRestored.insert(step.change.newPath, at: 0)
            }
        }
        for folder in madeFolders.reversed() where (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true {
            try? FileManager.default.removeItem(atPath: folder)
        }
        madeFolders = []
        return .failed(failure)
    }

    private func apply(_ step: Planned) throws {
        let change = step.change
        switch change.kind {
        case .update:
            try Self.failIfFaulty(.write, change.path)
            try AtomicFile.write(pieces: change.written, from: change.original, to: step.target)
        case .create:
            try makeFolder(for: step.target, change.path)
            try Self.failIfFaulty(.write, change.path)
            try AtomicFile.write(pieces: change.written, from: change.original, to: step.target)
        case .move(let newPath):
            try makeFolder(for: step.target, newPath)
            try Self.failIfFaulty(.write, newPath)
            try AtomicFile.write(change.after, to: step.target)
            do {
                try Self.failIfFaulty(.remove, change.path, removing: true)
                try FileManager.default.removeItem(atPath: step.source)
            } catch {
                // Never both names: the new one goes again.
                var failure = Failure(path: change.path, because: (error as? Failure)?.because ?? Phrase(verbatim: error.localizedDescription), removing: true)
                if (try? FileManager.default.removeItem(atPath: step.target)) == nil { failure.notRestored.append(newPath) }
                throw failure
            }
        case .remove:
            do {
                try Self.failIfFaulty(.remove, change.path, removing: true)
                try FileManager.default.removeItem(atPath: step.source)
            } catch {
                throw Failure(path: change.path, because: (error as? Failure)?.because ?? Phrase(verbatim: error.localizedDescription), removing: true)
            }
        }
    }

    /// Folders made for new files, in the order made (removed again, when empty, if the change is undone).
    private var madeFolders: [String] = []

    private func makeFolder(for target: String, _ path: String) throws {
        let folder = WorkspaceIndex.folder(of: target)
        guard !folder.isEmpty, !FileAccess.isDirectory(folder) else { return }
        var missing: [String] = []
        var parent = folder
        while !parent.isEmpty && !FileAccess.exists(parent) {
            missing.insert(parent, at: 0)
            parent = WorkspaceIndex.folder(of: parent)
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            madeFolders += missing
        } catch {
            throw Failure(path: path, because: Wording<Failure>.noFolder(error.localizedDescription).phrase)
        }
    }

    /// Undoes one written change; false when it could not be undone.
    private func restore(_ step: Planned) -> Bool {
        let change = step.change
        do {
            try Self.failIfFaulty(.restore, change.newPath)
            switch change.kind {
            case .update:
                if let original = change.original {
                    // The old file, replaced by the rename but still open: copied back from it.
                    try AtomicFile.write(pieces: [.original(0..<original.count)], from: original, to: step.source)
                } else {
                    try AtomicFile.write(change.before, to: step.source)
                }
            case .remove:
                if let link = step.link {
                    try FileManager.default.createSymbolicLink(atPath: step.source, withDestinationPath: link)
                } else {
                    try AtomicFile.write(change.before, to: step.source)
                }
            case .create:
                try FileManager.default.removeItem(atPath: step.target)
            case .move:
                try AtomicFile.write(change.before, to: step.source)
                try FileManager.default.removeItem(atPath: step.target)
            }
            return true
        } catch {
            return false
        }
    }
}

extension Wording where Of == CustomerWrite.Failure {
    public static func cannotWrite(_ path: String, _ reason: Phrase) -> Self { Self(Phrase("cannot write \(path): ", "无法写入 \(path)：") + reason) }
    public static func cannotRemove(_ path: String, _ reason: Phrase) -> Self { Self(Phrase("cannot remove \(path): ", "无法删除 \(path)：") + reason) }

    public static let alreadyThere = Self("it is already there", "它已经存在")
    public static func noFolder(_ reason: String) -> Self { Self("cannot create its folder: \(reason)", "无法创建它所在的文件夹：\(reason)") }
    public static func notAFolder(_ path: String) -> Self { Self("\(path) is not a folder", "\(path) 不是文件夹") }
    public static func folderNotWritable(_ folder: String, _ reason: String) -> Self {
        Self("its folder \(folder) cannot be written: \(reason)", "它所在的文件夹 \(folder) 无法写入：\(reason)")
    }
    public static func linkNotRenamed(_ destination: String) -> Self {
        Self("it is a link to \(destination), and leadbook does not rename links; rename the file it leads to, or replace the link with that file",
             "它是指向 \(destination) 的链接，leadbook 不会给链接改名；请给它指向的文件改名，或用那个文件替换这个链接")
    }
}

import Foundation
import LeadbookText

/// The one way leadbook changes customer files. A writer opens it on its workspace, which takes
/// the workspace lock (not for a dry run) and lists the workspace again under it; reads what it
/// changes from `workspace`; adds each file's new content, which is read back with the rules of
/// `check` first (a change that would give a file an error it did not have is refused); and
/// commits: every file written atomically, in the order added, and when one write fails, the
/// files already written are put back as they were, so a change of several files is made
/// whole or not at all.
public final class CustomerWrite {
    /// The workspace as listed under the lock.
    public private(set) var workspace: Workspace
    /// Nothing is locked or written; changes are still checked.
    public let dryRun: Bool
    /// The changes added so far, in the order they are written.
    public private(set) var changes: [Change] = []
    private var lock: WorkspaceLock?

    /// Why a change was not made; nothing was written.
    public enum Refusal: Error {
        /// The workspace lock could not be taken: why.
        case locked(String)
        /// The new content of `path` reads back with these errors, which the file did not have.
        case newErrors(path: String, [Diagnostic])
        /// A new file (or the new name of a file) is already there.
        case exists(path: String)
        /// A write failed; the files written before it were put back, except `notRestored`.
        case failed(Failure)
    }

    public struct Failure: Error, CustomStringConvertible {
        /// The file that could not be written (or removed), as the error names it.
        public var path: String
        public var reason: String
        public var removing = false
        /// The files written before the failure and put back as they were.
        public var restored: [String] = []
        /// The files written before the failure that could not be put back.
        public var notRestored: [String] = []

        public var description: String { (removing ? Wording<Failure>.cannotRemove(path, reason) : Wording<Failure>.cannotWrite(path, reason)).text }
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
        public let before: [UInt8]
        /// The content after (empty for a removed file).
        public let after: [UInt8]

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
    /// run takes no lock.
    public init(_ workspace: Workspace, dryRun: Bool = false) throws(Refusal) {
        var opened = workspace
        if !dryRun {
            do {
                lock = try opened.lock()
            } catch {
                throw .locked("\(error)")
            }
        }
        self.workspace = opened
        self.dryRun = dryRun
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

    /// Writes every change, in the order added; a dry run writes nothing. When a write fails,
    /// the changes made before it are undone, last first.
    public func commit() throws(Refusal) {
        guard !dryRun else { return }
        for change in changes {
            let target = change.newPath
            if change.kind != .update && change.kind != .remove && FileAccess.exists(workspace.absolute(target)) {
                throw .exists(path: target)
            }
        }
        var written: [Change] = []
        for change in changes {
            do {
                try apply(change)
            } catch let failure as Failure {
                throw undo(written, failure)
            } catch let error as AtomicFile.WriteError {
                throw undo(written, Failure(path: error.path, reason: error.reason))
            } catch {
                throw undo(written, Failure(path: change.newPath, reason: "\(error)"))
            }
            written.append(change)
        }
        changes = []
    }

    /// Puts the written changes back, last first, and says which could not be.
    private func undo(_ written: [Change], _ failure: Failure) -> Refusal {
        var failure = failure
        for change in written.reversed() {
            if restore(change) {
                failure.restored.insert(change.newPath, at: 0)
            } else {
                failure.notRestored.insert(change.newPath, at: 0)
            }
        }
        return .failed(failure)
    }

    private func apply(_ change: Change) throws {
        let absolute = workspace.absolute(change.path)
        switch change.kind {
        case .update:
            try AtomicFile.write(change.after, to: absolute)
        case .create:
            try makeFolder(for: change.path)
            try AtomicFile.write(change.after, to: absolute)
        case .move(let target):
            try makeFolder(for: target)
            try AtomicFile.write(change.after, to: workspace.absolute(target))
            do {
                try FileManager.default.removeItem(atPath: absolute)
            } catch {
                // Never both names: the new one goes again.
                try? FileManager.default.removeItem(atPath: workspace.absolute(target))
                throw Failure(path: change.path, reason: error.localizedDescription, removing: true)
            }
        case .remove:
            do {
                try FileManager.default.removeItem(atPath: absolute)
            } catch {
                throw Failure(path: change.path, reason: error.localizedDescription, removing: true)
            }
        }
    }

    private func makeFolder(for path: String) throws {
        let folder = WorkspaceIndex.folder(of: workspace.absolute(path))
        guard !folder.isEmpty, !FileAccess.isDirectory(folder) else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: path, reason: Wording<Failure>.noFolder(error.localizedDescription).text)
        }
    }

    /// Undoes one written change; false when it could not be undone.
    private func restore(_ change: Change) -> Bool {
        let absolute = workspace.absolute(change.path)
        do {
            switch change.kind {
            case .update, .remove:
                try AtomicFile.write(change.before, to: absolute)
            case .create:
                try FileManager.default.removeItem(atPath: absolute)
            case .move(let target):
                try AtomicFile.write(change.before, to: absolute)
                try FileManager.default.removeItem(atPath: workspace.absolute(target))
            }
            return true
        } catch {
            return false
        }
    }
}

extension Wording where Of == CustomerWrite.Failure {
    public static func cannotWrite(_ path: String, _ reason: String) -> Self { Self("cannot write \(path): \(reason)") }
    public static func cannotRemove(_ path: String, _ reason: String) -> Self { Self("cannot remove \(path): \(reason)") }

    public static func noFolder(_ reason: String) -> Self { Self("cannot create its folder: \(reason)") }
}

import Foundation
import LeadbookText

/// The generated index of a workspace: where its files are, reading every customer's rows in
/// parallel, checking the files and writing them.
public enum WorkspaceIndex {
    /// One generated file: the index (owner nil) or a rep's own index.
    public struct Target: Sendable, Equatable {
        /// Workspace-relative path.
        public var path: String
        public var owner: String?
    }

    /// The folder part of a workspace-relative path ("" at the root).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `index/` next to the index file: the per-owner files.
    public static func ownerFolder(_ configuration: Configuration) -> String {
        let base = folder(of: configuration.indexFile)
        return base.isEmpty ? "index" : base + "/index"
    }

    /// `index/<owner>.md`; characters that cannot be in a file name become `_`. nil when
    /// nothing of the name is left.
    public static func ownerPath(_ owner: String, _ configuration: Configuration) -> String? {
        var name = ""
        for scalar in owner.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || "/\\:*?\"<>|".unicodeScalars.contains(scalar) {
                name += "_"
            } else {
                name.unicodeScalars.append(scalar)
            }
        }
        name = name.trimmingSpaces
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        guard !name.isEmpty, name.unicodeScalars.contains(where: { $0 != "_" }) else { return nil }
        return ownerFolder(configuration) + "/" + name + ".md"
    }

    /// Why leadbook.yml `index` names a file leadbook must not write, or nil when it may:
    /// inside the customers folder (it would be read as a customer) or leadbook.yml itself.
    public static func misplaced(_ configuration: Configuration) -> RuleMessage<WrongType>? {
        let folder = configuration.customersFolder.hasSuffix("/") ? configuration.customersFolder : configuration.customersFolder + "/"
        let index = configuration.indexFile
        if index.hasPrefix(folder) { return .indexInCustomersFolder(index, folder: folder) }
        if index == Workspace.configurationFileName || index.hasPrefix(".leadbook/") { return .indexNotMarkdown(index) }
        return nil
    }

    public static func extraction(_ workspace: Workspace, owners: Bool, keepText: Bool) -> IndexExtraction {
        let configuration = workspace.configuration
        return IndexExtraction(configuration: configuration, folder: folder(of: configuration.indexFile),
                               ownerFolder: owners ? ownerFolder(configuration) : nil, keepText: keepText)
    }

    /// The newest follow-up date the index file's follow-up table shows (its first row), when
    /// the file has one.
    public static func newestFollowUpShown(in path: String) -> LocalDate? {
        let marker = Array("<!-- leadbook:begin \(IndexTable.followUps.rawValue) -->".utf8)
        var inside = false
        var tableLines = 0
        var newest: LocalDate?
        // Read up to the table's first row (header, delimiter, row) and stop there.
        _ = IndexFile.forEachLine(path: path) { line, _ in
            if !inside {
                inside = line.count == marker.count && (0..<marker.count).allSatisfy { line[$0] == marker[$0] }
                return true
            }
            if line.first == ASCII.less { return false }  // the end marker: no rows
            guard line.first == ASCII.pipe else { return true }
            tableLines += 1
            guard tableLines == 3 else { return true }
            if line.count >= 12 { newest = LocalDate.parse(line, 2..<12) }
            return false
        }
        return newest
    }

    /// For checking the index file: the day before which no follow-up can be in the
    /// workspace's window *if* the workspace's newest follow-up is not older than the newest the
    /// file shows. Rows before it need not be made (nor their texts read). The caller must
    /// confirm that condition after reading (`floorHolds`) and read again without the floor
    /// when it does not (the index is then stale anyway).
    public static func checkFloor(_ workspace: Workspace) -> (floor: LocalDate, shownNewest: LocalDate)? {
        let configuration = workspace.configuration
        guard case .success(let real) = WorkspacePath.resolve(configuration.indexFile, root: workspace.root),
              let shown = newestFollowUpShown(in: real) else { return nil }
        return (shown.adding(days: -(max(1, configuration.indexDays) - 1)), shown)
    }

    public static func floorHolds(_ assembly: IndexAssembly, shownNewest: LocalDate) -> Bool {
        guard let newest = assembly.window?.to else { return false }
        return newest >= shownNewest
    }

    /// The customer files read (`CustomerFiles.reduce`), each reduced by `body` to its result
    /// and its index rows. After each batch, follow-up rows that can no longer be in the window
    /// (older than `index_days` before the newest follow-up read so far) are dropped, so memory
    /// holds about one window of follow-ups rather than every follow-up of the workspace. A
    /// file that is not read gives `unread(index, diagnostic)` and no rows.
    public static func map<T>(_ files: CustomerFiles, days: Int, batchSize: Int = CustomerFiles.batchSize,
                              cache: CustomerCache? = nil, coding: CustomerCache.Coding<(T, IndexRows?)>? = nil,
                              _ body: (Int, [UInt8]) -> (T, IndexRows?),
                              unread: (Int, Diagnostic) -> T) -> CustomerFiles.Reading<(T, IndexRows?)> {
        // The oldest follow-up day each file still holds (Int32.max: none), to prune only those
        // that have something to drop.
        var oldest: [Int32] = []
        oldest.reserveCapacity(files.count)
        var newest: Int32?
        let prune = { (values: inout [(T, IndexRows?)], batch: Range<Int>) in
            gather(&values, batch)
            for index in batch {
                var low = Int32.max
                for row in values[index].1?.rows ?? [] where row.table == .followUps {
                    low = min(low, row.day)
                    if newest.map({ row.day > $0 }) ?? true { newest = row.day }
                }
                oldest.append(low)
            }
            guard let newest else { return }
            let cutoff = newest - Int32(max(1, days) - 1)
            for index in 0..<batch.upperBound where oldest[index] < cutoff {
                values[index].1?.dropFollowUps(before: cutoff)
                oldest[index] = values[index].1?.rows.lazy.filter { $0.table == .followUps }.map(\.day).min() ?? Int32.max
            }
        }
        if let cache, let coding {
            return files.reduce(batchSize: batchSize, cache: cache, coding, body, unread: { (unread($0, $1), nil) }, afterBatch: prune)
        }
        return files.reduce(batchSize: batchSize, body, unread: { (unread($0, $1), nil) }, afterBatch: prune)
    }

    /// The text of a batch's rows moved into one buffer they share as slices, so a workspace's
    /// rows do not each keep an array (and a heap block) of their own.
    static func gather<T>(_ values: inout [(T, IndexRows?)], _ batch: Range<Int>) {
        var total = 0
        for index in batch {
            guard let rows = values[index].1 else { continue }
            for row in rows.rows { total += row.line.bytes.count }
            for line in rows.owned { total += line.bytes.count }
        }
        guard total > 0 else { return }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(total)
        for index in batch {
            guard let rows = values[index].1 else { continue }
            for row in rows.rows { buffer.append(contentsOf: row.line.bytes) }
            for line in rows.owned { buffer.append(contentsOf: line.bytes) }
        }
        // Sliced only once it is whole: appending to a buffer already sliced would copy it.
        let shared = buffer
        buffer = []
        var position = 0
        func slice(_ count: Int) -> ArraySlice<UInt8> {
            defer { position += count }
            return shared[position..<(position + count)]
        }
        for index in batch where values[index].1 != nil {
            // Each customer's rows copied into an array of exactly their number: grown row by
            // row, the array has room for up to twice as many (50 MB at 100,000 customers).
            values[index].1!.rows = exactly(values[index].1!.rows) { row in row.line.bytes = slice(row.line.bytes.count) }
            values[index].1!.owned = exactly(values[index].1!.owned) { line in line.bytes = slice(line.bytes.count) }
        }
    }

    /// `items`, each changed by `change`, in an array with room for exactly them.
    static func exactly<Item>(_ items: [Item], _ change: (inout Item) -> Void) -> [Item] {
        guard !items.isEmpty else { return [] }
        return [Item](unsafeUninitializedCapacity: items.count) { buffer, count in
            for (position, item) in items.enumerated() {
                var copy = item
                change(&copy)
                (buffer.baseAddress! + position).initialize(to: copy)
            }
            count = items.count
        }
    }

    /// Every customer file read, reduced to its rows. Files that have errors or were not read
    /// are listed (the rows of the first hold what could be read); `unread` says why those
    /// were not read.
    ///
    /// The follow-up table shows only the window up to the newest follow-up of all customers,
    /// which is known only once every file is read. So the files are read first without the
    /// follow-ups' texts and rows (each keeps the day of its newest follow-up), and then only
    /// the files with a follow-up in the window are read again for those rows: the other
    /// follow-ups are never rendered, masked or turned into strings.
    public static func collect(_ workspace: Workspace, _ extraction: IndexExtraction)
        -> (rows: [IndexRows], filesWithErrors: [String], unread: [Diagnostic]) {
        let paths = workspace.customerPaths
        var structure = extraction
        structure.floor = afterEveryDate
        let reading = map(CustomerFiles(workspace), days: extraction.configuration.indexDays) { index, bytes -> (Bool, IndexRows?) in
            let result = CustomerReader.read(path: paths[index], bytes: bytes, configuration: workspace.configuration,
                                             followUpTextFrom: structure.floor, tree: false)
            guard let customer = result.customer, var rows = structure.rows(customer, path: paths[index]) else {
                return (result.findings.errorCount > 0, nil)
            }
            rows.newestFollowUp = customer.followUps.lazy.compactMap(\.date).max().map { Int32(clamping: $0.dayNumber) }
            return (result.findings.errorCount > 0, rows)
        } unread: { _, _ in true }
        let broken = paths.indices.filter { reading.values[$0].0 }.map { paths[$0] }
        var rows = reading.values.compactMap { $0.1 }
        addFollowUps(&rows, workspace, extraction)
        return (rows, broken, reading.unread)
    }

    /// A day after every date a file can hold (9999-12-31): follow-ups before it are not made.
    static let afterEveryDate = LocalDate(dayNumber: LocalDate(year: 9999, month: 12, day: 31)!.dayNumber + 1)

    /// The follow-up rows of the window, made by reading again the files that have one in it,
    /// put among each customer's rows where `IndexExtraction.rows` puts them (before feedback).
    static func addFollowUps(_ rows: inout [IndexRows], _ workspace: Workspace, _ extraction: IndexExtraction) {
        guard let newest = rows.lazy.compactMap(\.newestFollowUp).max() else { return }
        var from = LocalDate(dayNumber: Int(newest)).adding(days: -(max(1, extraction.configuration.indexDays) - 1))
        if let floor = extraction.floor, floor > from { from = floor }
        let first = Int32(clamping: from.dayNumber)
        let again = rows.indices.filter { rows[$0].newestFollowUp.map { $0 >= first } ?? false }
        var windowed = extraction
        windowed.floor = from
        let made = ParallelMap.map(again.count) { position -> IndexRows? in
            let path = rows[again[position]].path
            guard case .success(let bytes) = CustomerFiles.read(path, root: workspace.root),
                  let customer = CustomerReader.read(path: path, bytes: bytes, configuration: workspace.configuration,
                                                     followUpTextFrom: from, tree: false).customer else { return nil }
            return windowed.rows(customer, path: path)
        }
        for (position, index) in again.enumerated() {
            guard let full = made[position] else { continue }
            var target = rows[index]
            let followUps = full.rows.indices.filter { full.rows[$0].table == .followUps }
            guard !followUps.isEmpty else { continue }
            let at = target.rows.firstIndex { $0.table == .feedback } ?? target.rows.count
            target.rows.insert(contentsOf: followUps.map { full.rows[$0] }, at: at)
            if !target.owned.isEmpty, !full.owned.isEmpty {
                target.owned.insert(contentsOf: followUps.map { full.owned[$0] }, at: at)
            }
            rows[index] = target
        }
    }

    /// The index file and, with `owners`, one file per owner.
    public static func targets(_ assembly: IndexAssembly, owners: Bool) -> [Target] {
        var targets = [Target(path: assembly.configuration.indexFile, owner: nil)]
        guard owners else { return targets }
        var used = Set<String>()
        for owner in assembly.owners {
            guard let base = ownerPath(owner, assembly.configuration) else { continue }
            // Two names that differ only in characters a file name cannot hold: `a_b.md`, `a_b-2.md`.
            var path = base
            var number = 1
            while !used.insert(path.lowercased()).inserted {
                number += 1
                path = String(base.dropLast(3)) + "-\(number).md"
            }
            targets.append(Target(path: path, owner: owner))
        }
        return targets
    }

    // MARK: Checking

    /// Diagnostics for a target: none when it is current or does not exist (a workspace may
    /// do without an index). The rows of the customer files `ignoring` names (files with
    /// errors, files not read: their rows cannot be trusted) are left out of the comparison.
    public static func check(_ workspace: Workspace, _ assembly: IndexAssembly, _ extraction: IndexExtraction,
                             _ target: Target, ignoring: Set<String> = []) -> [Diagnostic] {
        let absolute: String
        switch WorkspacePath.resolve(target.path, root: workspace.root) {
        case .success(let real): absolute = real
        case .failure(let escape): return [OutsideWorkspace.diagnostic(escape.words, file: target.path)]
        }
        guard FileAccess.exists(absolute) else { return [] }
        let ignored = ignoring.isEmpty ? nil
            : IndexFile.Ignored(ignoring, assembly, folder: target.owner == nil ? extraction.folder : extraction.ownerFolder ?? extraction.folder)
        switch IndexFile.verify(path: absolute, assembly, owner: target.owner, ignoring: ignored) {
        case .failure(let error):
            return [UnreadableFile.diagnostic(.indexFile(error.phrase), file: target.path)]
        case .success(let status):
            return StaleIndex.diagnostics(status, path: target.path, assembly: assembly) { reference in
                expectedText(workspace, assembly, extraction, reference, owned: target.owner != nil)
            }
        }
    }

    /// The text of a row the customer files give, for a message: from the assembly when it
    /// kept text, else by reading that one customer file again.
    public static func expectedText(_ workspace: Workspace, _ assembly: IndexAssembly, _ extraction: IndexExtraction,
                             _ reference: IndexAssembly.Reference, owned: Bool) -> [UInt8]? {
        let row = assembly.row(reference)
        if assembly.keepText {
            let customer = assembly.customers[Int(reference.customer)]
            return owned ? customer.owned[Int(reference.row)].text : row.line.text
        }
        let path = assembly.customers[Int(reference.customer)].path
        guard case .success(let bytes) = CustomerFiles.read(path, root: workspace.root),
              let customer = CustomerReader.read(path: path, bytes: bytes, configuration: workspace.configuration, tree: false).customer else { return nil }
        var textual = extraction
        textual.keepText = true
        guard let rows = textual.rows(customer, path: path),
              let index = rows.rows.firstIndex(where: { $0.table == row.table && $0.sequence == row.sequence }) else { return nil }
        return owned ? rows.owned[index].text : rows.rows[index].line.text
    }

    // MARK: Writing

    public enum WriteOutcome: Sendable {
        case created
        case updated([IndexTable])
        case unchanged
        /// Markers that must be fixed first; nothing was written.
        case problems([Diagnostic])
    }

    /// What writing a target would do, and the change that does it (nil when nothing is to be
    /// written). The file is read where it really is, through links inside the workspace; a link
    /// out of it is refused (`WorkspacePath.Escape`), so nothing outside is read or copied in.
    /// The assembly must keep text.
    public static func plan(_ workspace: Workspace, _ assembly: IndexAssembly, _ target: Target) throws -> (WriteOutcome, CustomerWrite.Change?) {
        var current: IndexRowUpdate.Layout?
        return try plan(workspace, assembly, target, current: &current)
    }

    /// The same; when the file is already current, `current` is where its tables are (for
    /// `LayoutMemory`, so the next `log` need not search the file for them).
    public static func plan(_ workspace: Workspace, _ assembly: IndexAssembly, _ target: Target,
                            current: inout IndexRowUpdate.Layout?) throws -> (WriteOutcome, CustomerWrite.Change?) {
        let absolute: String
        switch WorkspacePath.resolve(target.path, root: workspace.root) {
        case .success(let real): absolute = real
        case .failure(let escape): throw escape
        }
        guard FileAccess.exists(absolute) else {
            // Written as it is made: the rows' text once, never the whole file in memory too.
            let (pieces, layout) = assembly.documentPieces(owner: target.owner)
            return (.created, .generated(target.path, from: nil, pieces: pieces, layout: layout))
        }
        // Mapped, so it can be put back, and its unchanged parts are copied from the file
        // without being read into memory; the survey reads it a megabyte at a time.
        let existing: FileSnapshot
        switch FileSnapshot.open(absolute) {
        case .success(let snapshot): existing = snapshot
        case .failure(let error): throw AtomicFile.WriteError(path: target.path, because: Wording<WorkspaceIndex>.unreadable(error.phrase).phrase)
        }
        guard let survey = IndexFile.survey(path: absolute, assembly, owner: target.owner) else {
            throw AtomicFile.WriteError(path: target.path, because: Wording<WorkspaceIndex>.unreadable(Wording<FileAccess.ReadError>.notFound.phrase).phrase)
        }
        if !survey.problems.isEmpty {
            return (.problems(survey.problems.map { IndexMarkers.diagnostic($0, path: target.path) }), nil)
        }
        if survey.isCurrent {
            current = IndexRowUpdate.Layout(tables: survey.spans.map { .init(table: $0.table, content: $0.content, crlf: $0.eol.count == 2) })
            return (.unchanged, nil)
        }
        guard let (pieces, tables, layout) = IndexFile.rewrite(survey, assembly, owner: target.owner, original: existing) else {
            throw AtomicFile.WriteError(path: target.path, because: Wording<AtomicFile.WriteError>.originalChanged.phrase)
        }
        return (.updated(tables), .generated(target.path, from: existing, pieces: pieces, layout: layout))
    }

    /// Writes a target at once, outside any `CustomerWrite` (the caller holds the workspace lock).
    public static func write(_ workspace: Workspace, _ assembly: IndexAssembly, _ target: Target) throws -> WriteOutcome {
        let (outcome, change) = try plan(workspace, assembly, target)
        if let change {
            guard case .success(let real) = WorkspacePath.resolve(change.path, root: workspace.root) else { return outcome }
            let folder = folder(of: real)
            if !folder.isEmpty, !FileAccess.isDirectory(folder) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            try AtomicFile.write(pieces: change.written, from: change.original, to: real)
        }
        return outcome
    }

    /// The change `refresh` would make to the index file, as a unified diff (empty when there
    /// is none or the file is missing). `rows` must keep their text.
    public static func pendingDiff(_ workspace: Workspace, _ rows: [IndexRows]) -> String {
        let path = workspace.configuration.indexFile
        guard misplaced(workspace.configuration) == nil, case .success(let real) = WorkspacePath.resolve(path, root: workspace.root),
              case .success(let existing) = IndexFile.read(real) else { return "" }
        let assembly = IndexAssembly(rows, configuration: workspace.configuration, keepText: true)
        guard case .changed(let bytes, _) = IndexFile.rewrite(existing, assembly, owner: nil) else { return "" }
        return UnifiedDiff.diff(old: existing, new: bytes, path: path)
    }

    /// The rows of every customer file of the workspace, with their text (for
    /// `plannedRefresh`), each file read from `contents` when it names it (the content a dry
    /// run would write) and else from disk.
    public static func rows(_ workspace: Workspace, replacing contents: [String: [UInt8]]) -> [IndexRows] {
        let paths = workspace.customerPaths
        let configuration = workspace.configuration
        let extraction = extraction(workspace, owners: false, keepText: true)
        let reading = map(CustomerFiles(workspace), days: configuration.indexDays) { index, bytes -> ((), IndexRows?) in
            let path = paths[index]
            let customer = CustomerReader.read(path: path, bytes: contents[path] ?? bytes, configuration: configuration, tree: false).customer
            return ((), customer.flatMap { extraction.rows($0, path: path) })
        } unread: { _, _ in () }
        return reading.values.compactMap { $0.1 }
    }

    /// What bringing the index file up to date did, or would do with `dryRun`.
    public enum Refresh: Sendable {
        /// `index_file` points outside the workspace or at a customer file: why.
        case misplaced(Phrase)
        case wouldCreate(path: String)
        /// One message per difference a dry run found (empty: the file is up to date).
        case wouldUpdate(path: String, differences: [Phrase])
        case created(path: String)
        case updated(path: String, tables: [IndexTable])
        case unchanged
        /// The file's markers must be fixed by hand first.
        case problems(path: String, [Diagnostic])
        case failed(Phrase)
        /// The index file, or a folder on the way to it, is a link out of the workspace: it is
        /// neither read nor written.
        case outside(path: String, WorkspacePath.Escape)

        /// The file is (or would be) as the rows say.
        public var ok: Bool {
            switch self {
            case .misplaced, .problems, .failed, .outside: return false
            default: return true
            }
        }

        public var changed: Bool {
            switch self {
            case .wouldCreate, .created, .updated: return true
            case .wouldUpdate(_, let differences): return !differences.isEmpty
            default: return false
            }
        }
    }

    /// What bringing the index file up to date with rows already read will have done once
    /// `change` is written (by the caller, in its `CustomerWrite`, with the customer files).
    public static func plannedRefresh(_ workspace: Workspace, _ rows: [IndexRows]) -> (Refresh, CustomerWrite.Change?) {
        let configuration = workspace.configuration
        if let misplaced = misplaced(configuration) { return (.misplaced(misplaced.phrase), nil) }
        let target = Target(path: configuration.indexFile, owner: nil)
        let assembly = IndexAssembly(rows, configuration: configuration, keepText: true)
        do {
            let (outcome, change) = try plan(workspace, assembly, target)
            switch outcome {
            case .created: return (.created(path: target.path), change)
            case .updated(let tables): return (.updated(path: target.path, tables: tables), change)
            case .unchanged: return (.unchanged, nil)
            case .problems(let diagnostics): return (.problems(path: target.path, diagnostics), nil)
            }
        } catch let escape as WorkspacePath.Escape {
            return (.outside(path: target.path, escape), nil)
        } catch {
            return (.failed(.of(error)), nil)
        }
    }

    /// Brings the index file up to date with rows already read (by `sync`).
    public static func refresh(_ workspace: Workspace, _ rows: [IndexRows], dryRun: Bool) -> Refresh {
        let configuration = workspace.configuration
        if let misplaced = misplaced(configuration) { return .misplaced(misplaced.phrase) }
        let target = Target(path: configuration.indexFile, owner: nil)
        let extraction = self.extraction(workspace, owners: false, keepText: !dryRun)
        let assembly = IndexAssembly(rows, configuration: configuration, keepText: !dryRun)
        if dryRun {
            if case .failure(let escape) = WorkspacePath.resolve(target.path, root: workspace.root) { return .outside(path: target.path, escape) }
            guard FileAccess.exists(workspace.absolute(target.path)) else { return .wouldCreate(path: target.path) }
            let diagnostics = check(workspace, assembly, extraction, target)
            return .wouldUpdate(path: target.path, differences: diagnostics.map(\.phrase))
        }
        do {
            switch try write(workspace, assembly, target) {
            case .created: return .created(path: target.path)
            case .updated(let tables): return .updated(path: target.path, tables: tables)
            case .unchanged: return .unchanged
            case .problems(let diagnostics): return .problems(path: target.path, diagnostics)
            }
        } catch let escape as WorkspacePath.Escape {
            return .outside(path: target.path, escape)
        } catch {
            return .failed(.of(error))
        }
    }
}

extension Wording where Of == WorkspaceIndex {
    public static func unreadable(_ reason: Phrase) -> Self { Self(Phrase("cannot read it: ", "无法读取：") + reason) }
}

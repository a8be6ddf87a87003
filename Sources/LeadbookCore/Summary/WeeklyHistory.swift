import LeadbookText

/// The status changes of a week as git history shows them, as `summary --compare` reads a
/// revision: the customer files at the last commit before the week began, against those at the
/// last commit before it ended (the files as they are now when nothing was committed since).
/// A status changed in the front matter without a log entry shows here, and not in the log.
public enum WeeklyHistory {
    public struct Statuses: Sendable {
        public var changes: WeeklyReport.Changes
        public var before: [String: Status]
        public var after: [String: Status]
    }

    /// nil when the workspace is not in a git repository, git is not installed, or the
    /// repository has no commit before the week began: the report then reads the logs.
    public static func statuses(_ workspace: Workspace, week: ReportWeek, moment: LocalDateTime,
                                environment: [String: String]) -> Result<Statuses?, GitRevision.Failure> {
        guard Git.executable(environment) != nil else { return .success(nil) }
        let root = workspace.root
        let zone = workspace.configuration.timezone
        func hash(_ output: Git.Output) -> String? {
            guard output.succeeded else { return nil }
            let line = String(decoding: output.stdout, as: UTF8.self).split(separator: "\n").first.map { String($0).trimmingSpaces }
            return line.flatMap { $0.isEmpty ? nil : $0 }
        }
        func last(before end: LocalDateTime) throws -> String? {
            hash(try GitRevision.run(["rev-list", "-1", "--before=" + gitDate(end, zone), "HEAD", "--"], in: root, environment: environment))
        }
        do {
            let inside = try GitRevision.run(["rev-parse", "--is-inside-work-tree"], in: root, environment: environment)
            guard inside.succeeded else { return .success(nil) }
            // The minute before Monday 00:00 ends the week before (`--before` is inclusive).
            guard let start = try last(before: week.start.adding(minutes: -1)) else { return .success(nil) }
            let head = hash(try GitRevision.run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], in: root, environment: environment))
            var end = try last(before: moment)
            if end == head { end = nil }
            var statuses = Statuses(changes: .git(before: start, after: end), before: [:], after: [:])
            switch SummaryInput.snapshots(at: start, workspace, asOf: week.start.adding(minutes: -1), environment: environment) {
            case .failure(let failure): return .failure(failure)
            case .success(let snapshots):
                for snapshot in snapshots where statuses.before[snapshot.id] == nil { statuses.before[snapshot.id] = snapshot.status }
            }
            if let end {
                switch SummaryInput.snapshots(at: end, workspace, asOf: moment, environment: environment) {
                case .failure(let failure): return .failure(failure)
                case .success(let snapshots):
                    for snapshot in snapshots where statuses.after[snapshot.id] == nil { statuses.after[snapshot.id] = snapshot.status }
                }
            }
            return .success(statuses)
        } catch {
            return .failure(GitRevision.failure(error))
        }
    }

    /// A moment as git reads a date: `2024-03-10 23:59:59 +0800`, the last second of its minute.
    public static func gitDate(_ moment: LocalDateTime, _ zone: UTCOffset) -> String {
        let offset = abs(zone.minutes)
        return moment.date.description + " " + LocalDate.pad(moment.minutes / 60, 2) + ":" + LocalDate.pad(moment.minutes % 60, 2)
            + ":59 " + (zone.minutes < 0 ? "-" : "+") + LocalDate.pad(offset / 60, 2) + LocalDate.pad(offset % 60, 2)
    }
}

import Dispatch

/// Writes a whole workspace: leadbook.yml and one file per customer under
/// customers/<YYYY-MM>/ (month of capture).
enum Generator {
    struct Summary {
        var files = 0
        var bytes = 0
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What each customer contributes to leadbook.yml.
    struct Tally {
        var owner: Int8 = -1
        var open = false
        var bytes = 0
        var failed = false
    }

    static func generate(into directory: String, customers: Int, seed: UInt64) throws -> Summary {
        let run = Run(customers: customers, seed: seed)
        let customersFolder = directory + "/customers"
        guard FileOutput.makeDirectories(customersFolder) else {
            throw Failure(description: "cannot create \(customersFolder)")
        }
        // The month folders: captures run from January to December 2024.
        var months: Set<String> = []
        for index in stride(from: 0, to: customers, by: max(1, customers / 400)) {
            months.insert(CustomerBuilder.monthFolder(run.created(index)))
        }
        if customers > 0 { months.insert(CustomerBuilder.monthFolder(run.created(customers - 1))) }
        for month in months.sorted() {
            guard FileOutput.makeDirectories(customersFolder + "/" + month) else {
                throw Failure(description: "cannot create \(customersFolder)/\(month)")
            }
        }

        let tallies = UnsafeMutableBufferPointer<Tally>.allocate(capacity: max(1, customers))
        tallies.initialize(repeating: Tally())
        defer { tallies.deallocate() }
        let chunk = 256
        let chunks = (customers + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { part in
            let end = min(customers, (part + 1) * chunk)
            for index in (part * chunk)..<end {
                let builder = CustomerBuilder(index: index, run: run)
                builder.decide()
                let bytes = builder.render()
                var path = customersFolder
                path += "/"
                path += builder.folder
                path += "/"
                path += builder.fileName
                var tally = Tally()
                tally.owner = Int8(builder.owner ?? -1)
                tally.open = builder.finalStatus.isOpen
                tally.bytes = bytes.count
                if !FileOutput.write(path, bytes) { tally.failed = true }
                tallies[index] = tally
            }
        }

        var open = Array(repeating: 0, count: Team.members.count)
        var summary = Summary()
        for tally in tallies {
            if tally.failed { throw Failure(description: "cannot write a customer file under \(customersFolder)") }
            if tally.owner >= 0 && tally.open { open[Int(tally.owner)] += 1 }
            summary.bytes += tally.bytes
        }
        summary.files = customers
        let configuration = Team.configuration(open: open, customers: customers, seed: seed)
        guard FileOutput.write(directory + "/leadbook.yml", configuration) else {
            throw Failure(description: "cannot write \(directory)/leadbook.yml")
        }
        return summary
    }
}

extension CustomerBuilder {
    static func monthFolder(_ minuteNumber: Int) -> String {
        let (year, month, _) = CivilCalendar.civil(minuteNumber / CivilCalendar.minutesPerDay)
        return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }
}

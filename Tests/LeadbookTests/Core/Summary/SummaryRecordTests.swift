import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// What the summary keeps of one customer file, at an as-of moment: its status then, the
/// funnel it reached, response time, SLA, cadence, amounts in fen, completeness, feedback.
final class SummaryRecordTests: XCTestCase {
    static let front = """
        id: LX2024001
        name: 华东云科技有限公司
        industry: 互联网
        region: 华东
        source: website
        contacts:
          - {name: 张伟, phone: "13800000001", email: zhang.wei@example.com}
        needs: 数据安全
        budget: 200000.5
        decision_by: 2024-04-01
        intent: A
        score: {size: 25, budget: 25, urgency: 20, decision: 20}
        grade: S
        owner: 王五
        created: 2024-03-01 09:10
        assigned: 2024-03-01 09:40
        """

    /// A won customer: contacted 10:30, then qualified, proposal, won on 2024-03-20.
    static let won = "---\n" + front + """

        status: won
        next: 2024-03-06
        deal: {amount: 198000.25, closed: 2024-03-20}
        ---

        ## Follow-ups

        ### 2024-03-01 10:30 meeting 张伟
        - status: qualified
        - next: 2024-03-03

        ### 2024-03-03 14:00 meeting 张伟
        - status: proposal
        - next: 2024-03-06

        ### 2024-03-20 15:00 visit 张伟
        - status: won

        ## Feedback

        ### 2024-03-03 meeting 价格偏高
        - type: price

        ### 2024-03-05 14:00 phone 缺少备份
        - type: product

        ### 2024-03-05 phone 也担心价格
        - type: price
        """

    func read(_ text: String, _ configuration: Configuration = Configuration()) -> Customer {
        let id = text.contains("id: LX2024002") ? "LX2024002" : "LX2024001"
        let result = CustomerReader.read(path: "customers/\(id).md", bytes: Array(text.utf8), configuration: configuration)
        XCTAssertEqual(result.findings.errorCount, 0, result.findings.diagnostics.map(\.message).joined(separator: "\n"))
        return result.customer!
    }

    func record(_ text: String, asOf: String, _ configuration: Configuration = Configuration()) -> SummaryRecord? {
        guard case .record(let record) = SummaryRecord.extract(read(text, configuration), configuration: configuration,
                                                              asOf: LocalDateTime(asOf)!) else { return nil }
        return record
    }

    func testAWonCustomerAfterItsLastEntry() throws {
        let record = try XCTUnwrap(record(Self.won, asOf: "2024-04-01 00:00"))
        XCTAssertEqual(record.id, "LX2024001")
        XCTAssertEqual(record.status, .won)
        XCTAssertEqual(record.reached, Status.won.rank)
        XCTAssertEqual(record.closed, LocalDate("2024-03-20"))
        XCTAssertEqual(record.dealCents, 19_800_025)
        XCTAssertEqual(record.budgetCents, 20_000_050)
        // Assigned 2024-03-01 09:40, closed 2024-03-20: 19 days.
        XCTAssertEqual(record.cycleDays, 19)
        // Assigned 09:40, first follow-up 10:30.
        XCTAssertEqual(record.responseMinutes, 50)
        // Intent A: assigned and followed up within 2 h of 09:10.
        XCTAssertEqual(record.slaMet, true)
        // Grade S, every day from 03-01 to 03-20: 20 follow-ups asked, 3 done.
        XCTAssertEqual(record.cadenceAsked, 20)
        XCTAssertEqual(record.cadenceDone, 3)
        XCTAssertEqual(record.keyFieldCount, 7)
        XCTAssertEqual(record.feedback.counts, [.price: 2, .product: 1])
        XCTAssertEqual(record.followUps, 3)
        XCTAssertNil(record.lostReason)
    }

    func testTheAsOfMomentSeesTheCustomerAsItWasThen() throws {
        // Between the proposal and the win: the log says proposal; the deal does not count yet.
        let before = try XCTUnwrap(record(Self.won, asOf: "2024-03-10 12:00"))
        XCTAssertEqual(before.status, .proposal)
        XCTAssertEqual(before.reached, Status.proposal.rank)
        XCTAssertNil(before.closed)
        XCTAssertNil(before.dealCents)
        XCTAssertNil(before.cycleDays)
        XCTAssertEqual(before.followUps, 2)
        // 03-01 to 03-10 daily: 10 asked, 2 done.
        XCTAssertEqual(before.cadenceAsked, 10)
        XCTAssertEqual(before.cadenceDone, 2)
        // Feedback dated after the moment is not counted; a dated-only entry counts from 00:00.
        let feedback = try XCTUnwrap(record(Self.won, asOf: "2024-03-05 10:00"))
        XCTAssertEqual(feedback.feedback.counts, [.price: 2])
        // The first follow-up not yet written: no response time, and the SLA still running.
        let early = try XCTUnwrap(record(Self.won, asOf: "2024-03-01 10:00"))
        XCTAssertEqual(early.status, .untouched)
        XCTAssertNil(early.responseMinutes)
        XCTAssertNil(early.slaMet)
        XCTAssertEqual(early.reached, 0)
        // Past the SLA's deadline (11:10) without a follow-up at that moment: missed.
        let late = read(Self.won.replacingOccurrences(of: "### 2024-03-01 10:30", with: "### 2024-03-01 11:30"))
        guard case .record(let missed) = SummaryRecord.extract(late, configuration: Configuration(), asOf: LocalDateTime("2024-03-02 00:00")!) else {
            return XCTFail("no record")
        }
        XCTAssertEqual(missed.slaMet, false)
        XCTAssertEqual(missed.responseMinutes, 110)
    }

    func testACustomerCapturedLaterTombstonesAndUndatedFiles() {
        let configuration = Configuration()
        if case .later = SummaryRecord.extract(read(Self.won), configuration: configuration, asOf: LocalDateTime("2024-03-01 09:00")!) {} else {
            XCTFail("captured at 09:10, after 09:00")
        }
        var tombstone = read(Self.won)
        tombstone.mergedInto = "LX2024009"
        if case .tombstone = SummaryRecord.extract(tombstone, configuration: configuration, asOf: LocalDateTime("2024-06-01 00:00")!) {} else {
            XCTFail("a tombstone")
        }
        var undated = read(Self.won)
        undated.created = nil
        if case .undated = SummaryRecord.extract(undated, configuration: configuration, asOf: LocalDateTime("2024-06-01 00:00")!) {} else {
            XCTFail("no created")
        }
    }

    func testALostCustomerWithItsReasonMasked() throws {
        let text = "---\n" + Self.front + """

            status: lost
            next: 2024-03-03
            lost_reason: 张伟（13800000001）说预算被砍
            ---

            ## Follow-ups

            ### 2024-03-01 10:30 meeting 张伟
            - status: qualified
            - next: 2024-03-03

            ### 2024-03-09 10:00 phone 张伟
            - status: lost
            """
        let record = try XCTUnwrap(record(text, asOf: "2024-04-01 00:00"))
        XCTAssertEqual(record.status, .lost)
        // Lost adds nothing to the funnel: the customer reached qualified.
        XCTAssertEqual(record.reached, Status.qualified.rank)
        XCTAssertEqual(record.closed, LocalDate("2024-03-09"))
        XCTAssertEqual(record.lostReason, "\(PrivateText.mask)（\(PrivateText.mask)）说预算被砍")
        // The cadence stops when the customer is lost: 03-01 to 03-09 daily is 9.
        XCTAssertEqual(record.cadenceAsked, 9)
        XCTAssertEqual(record.cadenceDone, 2)
        XCTAssertNil(record.dealCents)
    }

    func testAStatusWrittenOnlyInTheFrontMatterAndAnUnassignedLead() throws {
        let text = """
            ---
            id: LX2024002
            name: 恒力制造
            source: exhibition
            intent: C
            created: 2024-03-02
            status: negotiation
            ---

            ## Follow-ups

            ### 2024-03-05 phone
            - background: 设备老化
            """
        let record = try XCTUnwrap(record(text, asOf: "2024-04-01 00:00"))
        XCTAssertEqual(record.status, .negotiation)
        XCTAssertEqual(record.reached, Status.negotiation.rank)
        XCTAssertNil(record.grade)
        XCTAssertNil(record.owner)
        XCTAssertNil(record.responseMinutes)
        // Never assigned: the C SLA (24 h from 2024-03-02 00:00) was missed.
        XCTAssertEqual(record.slaMet, false)
        // No assignment, no cadence asked of anyone.
        XCTAssertEqual(record.cadenceAsked, 0)
        XCTAssertEqual(record.keyFieldCount, 1)
        // Before its one entry: no status in the log, so untouched.
        let before = try XCTUnwrap(self.record(text, asOf: "2024-03-04 00:00"))
        XCTAssertEqual(before.status, .untouched)
        // From its last entry on, the status written in the front matter counts.
        let after = try XCTUnwrap(self.record(text, asOf: "2024-03-05 00:00"))
        XCTAssertEqual(after.status, .negotiation)
    }

    func testAFirstContactBeforeTheAssignmentCountsAsImmediate() throws {
        let text = Self.won.replacingOccurrences(of: "assigned: 2024-03-01 09:40", with: "assigned: 2024-03-01 11:00")
        let record = try XCTUnwrap(record(text, asOf: "2024-04-01 00:00"))
        XCTAssertEqual(record.responseMinutes, 0)
        // Assigned at 11:00, within the 2 h from 09:10.
        XCTAssertEqual(record.slaMet, true)
    }

    /// The workspace's time zone decides the as-of moment; dates in files are already local.
    func testTimeZones() throws {
        // 2024-03-01 02:00 UTC is 10:00 in Beijing (+08:00) but 2024-02-29 21:00 in New York (-05:00).
        let instant = 1_709_258_400
        XCTAssertEqual(UTCOffset.chinaStandard.localTime(secondsSince1970: instant).description, "2024-03-01 10:00")
        let newYork = UTCOffset("-05:00")!
        XCTAssertEqual(newYork.localTime(secondsSince1970: instant).description, "2024-02-29 21:00")

        var beijing = Configuration()
        beijing.timezone = .chinaStandard
        var eastern = Configuration()
        eastern.timezone = newYork
        let customer = read(Self.won)
        // Captured 2024-03-01 09:10 local: already captured in Beijing, not yet in New York.
        guard case .record(let seen) = SummaryRecord.extract(customer, configuration: beijing,
                                                             asOf: beijing.timezone.localTime(secondsSince1970: instant)) else {
            return XCTFail("captured before 10:00 in Beijing")
        }
        XCTAssertEqual(seen.status, .untouched)
        XCTAssertNil(seen.slaMet)
        if case .later = SummaryRecord.extract(customer, configuration: eastern, asOf: eastern.timezone.localTime(secondsSince1970: instant)) {} else {
            XCTFail("not yet captured in New York")
        }
        // A lead captured late on 31 March (local) is a March lead whatever the zone.
        let lateNight = read(Self.won.replacingOccurrences(of: "created: 2024-03-01 09:10", with: "created: 2024-03-31 23:30"))
        guard case .record(let march) = SummaryRecord.extract(lateNight, configuration: eastern, asOf: LocalDateTime("2024-06-01 00:00")!) else {
            return XCTFail("no record")
        }
        let summary = PipelineSummary(records: [march], configuration: eastern, period: SummaryPeriod.named("2024-03")!,
                                      asOf: LocalDateTime("2024-06-01 00:00")!)
        XCTAssertEqual(summary.leads, 1)
        XCTAssertEqual(summary.timezone.description, "-05:00")
        XCTAssertEqual(PipelineSummary(records: [march], configuration: eastern, period: SummaryPeriod.named("2024-04")!,
                                       asOf: LocalDateTime("2024-06-01 00:00")!).leads, 0)
    }
}

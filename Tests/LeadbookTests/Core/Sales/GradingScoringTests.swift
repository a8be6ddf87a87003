import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The toolkit, section 2: score = size + budget + urgency + decision; S >= 80, A 60-79, B 40-59, C < 40.
final class GradingScoringTests: XCTestCase {
    let configuration = Configuration()

    func testToolkitVectors() {
        let vectors: [(Score, Int, Grade)] = [
            (Grading.score(25, 25, 20, 20), 90, .S),  // LX2024001
            (Grading.score(20, 25, 15, 15), 75, .A),  // LX2024002
            (Grading.score(10, 10, 10, 5), 35, .C),   // LX2024003
        ]
        for (score, total, grade) in vectors {
            XCTAssertEqual(score.total, total)
            var customer = Grading.customer()
            customer.score = score
            XCTAssertEqual(DerivedValues.grade(customer, configuration), grade, "score \(total)")
        }
    }

    func testExactThresholds() {
        let scoring = configuration.scoring
        let expected: [(Int, Grade)] = [(100, .S), (80, .S), (79, .A), (60, .A), (59, .B), (40, .B), (39, .C), (0, .C)]
        for (total, grade) in expected {
            XCTAssertEqual(scoring.grade(forTotal: total), grade, "total \(total)")
        }
    }

    func testThresholdsThroughSubScores() {
        var customer = Grading.customer()
        customer.score = Grading.score(30, 30, 20, 0)  // 80
        XCTAssertEqual(DerivedValues.grade(customer, configuration), .S)
        customer.score = Grading.score(30, 30, 19, 0)  // 79
        XCTAssertEqual(DerivedValues.grade(customer, configuration), .A)
        customer.score = Grading.score(20, 20, 20, 0)  // 60
        XCTAssertEqual(DerivedValues.grade(customer, configuration), .A)
        customer.score = Grading.score(20, 20, 19, 0)  // 59
        XCTAssertEqual(DerivedValues.grade(customer, configuration), .B)
        customer.score = Grading.score(10, 10, 10, 10)  // 40
        XCTAssertEqual(DerivedValues.grade(customer, configuration), .B)
        customer.score = Grading.score(10, 10, 10, 9)  // 39
        XCTAssertEqual(DerivedValues.grade(customer, configuration), .C)
    }

    func testCustomThresholds() {
        var configuration = Configuration()
        configuration.scoring.gradeS = 90
        configuration.scoring.gradeA = 70
        configuration.scoring.gradeB = 50
        let scoring = configuration.scoring
        XCTAssertEqual(scoring.grade(forTotal: 90), .S)
        XCTAssertEqual(scoring.grade(forTotal: 89), .A)
        XCTAssertEqual(scoring.grade(forTotal: 80), .A)
        XCTAssertEqual(scoring.grade(forTotal: 70), .A)
        XCTAssertEqual(scoring.grade(forTotal: 69), .B)
        XCTAssertEqual(scoring.grade(forTotal: 50), .B)
        XCTAssertEqual(scoring.grade(forTotal: 49), .C)
        // The toolkit's LX2024002 (75) is A under both; LX2024001 (90) stays S; 80 drops to A.
        var customer = Grading.customer()
        customer.score = Grading.score(25, 25, 20, 20)
        XCTAssertEqual(DerivedValues.grade(customer, configuration), .S)
        customer.score = Grading.score(30, 30, 20, 0)
        XCTAssertEqual(DerivedValues.grade(customer, configuration), .A)
    }

    func testCustomThresholdsFromLeadbookYml() {
        let (configuration, diagnostics) = ConfigurationReader.read(SourceText(path: "leadbook.yml", bytes: Array("""
            scoring:
              max: {size: 40, budget: 30, urgency: 20, decision: 10}
              grades: {S: 85, A: 65, B: 45}

            """.utf8)))
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(configuration.scoring.maxSize, 40)
        XCTAssertEqual(configuration.scoring.maxDecision, 10)
        XCTAssertEqual(configuration.scoring.grade(forTotal: 85), .S)
        XCTAssertEqual(configuration.scoring.grade(forTotal: 84), .A)
        XCTAssertEqual(configuration.scoring.grade(forTotal: 65), .A)
        XCTAssertEqual(configuration.scoring.grade(forTotal: 64), .B)
        XCTAssertEqual(configuration.scoring.grade(forTotal: 45), .B)
        XCTAssertEqual(configuration.scoring.grade(forTotal: 44), .C)
    }

    func testMissingPartHasNoTotal() {
        XCTAssertNil(Grading.score(nil, 25, 20, 20).total)
        XCTAssertNil(Grading.score(25, nil, 20, 20).total)
        XCTAssertNil(Grading.score(25, 25, nil, 20).total)
        XCTAssertNil(Grading.score(25, 25, 20, nil).total)
        XCTAssertEqual(Grading.score(0, 0, 0, 0).total, 0)
        var customer = Grading.customer()
        customer.score = Grading.score(25, 25, 20, nil)
        XCTAssertNil(DerivedValues.grade(customer, configuration))
        customer.score = nil
        XCTAssertNil(DerivedValues.grade(customer, configuration))
    }

    func testWorkingGradeFallsBackToGradeThenIntent() {
        var customer = Grading.customer(intent: .B)
        XCTAssertEqual(DerivedValues.workingGrade(customer, configuration), .B)
        customer.grade = .S
        XCTAssertEqual(DerivedValues.workingGrade(customer, configuration), .S)
        customer.score = Grading.score(10, 10, 10, 5)
        XCTAssertEqual(DerivedValues.workingGrade(customer, configuration), .C)
        customer.score = Grading.score(10, 10, 10, nil)  // incomplete: the grade written
        XCTAssertEqual(DerivedValues.workingGrade(customer, configuration), .S)
        customer.grade = nil
        customer.intent = nil
        XCTAssertNil(DerivedValues.workingGrade(customer, configuration))
    }

    func testReadFromFile() {
        let text = Grading.file(adding: ["score: {size: 20, budget: 25, urgency: 15, decision: 15}", "grade: A"])
        let result = Grading.read(text)
        XCTAssertEqual(result.findings.diagnostics, [], Grading.describe(result.findings.diagnostics))
        XCTAssertEqual(result.customer?.score?.total, 75)
        XCTAssertEqual(result.customer.flatMap { DerivedValues.grade($0, configuration) }, .A)
    }
}

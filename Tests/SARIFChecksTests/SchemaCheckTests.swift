import Foundation
import SARIFChecks
import XCTest

/// The schema check passes a valid log, names what the vendored schema rejects, and
/// fails (never passes) when its validator cannot run.
final class SchemaCheckTests: XCTestCase {
    func testTheSampleLogPasses() {
        XCTAssertEqual(SchemaCheck().problems(in: SampleLog.data), [])
        XCTAssertEqual(SARIFValidator.problems(in: SampleLog.data), [])
    }

    func testPropertiesTheSchemaDoesNotKnowAreRejected() {
        let data = SampleLog.replacing(#""version": "2.1.0","#, with: #""version": "2.1.0", "extra": 1,"#)
        XCTAssertEqual(SchemaCheck().problems(in: data), ["schema: (root): Additional properties are not allowed ('extra' was unexpected)"])
    }

    func testWrongTypesDeepInARunAreRejectedWithTheirPath() {
        let data = SampleLog.replacing(#""startLine": 2"#, with: #""startLine": "two""#)
        XCTAssertEqual(SchemaCheck().problems(in: data), ["schema: runs/0/results/0/locations/0/physicalLocation/region/startLine: 'two' is not of type 'integer'"])
    }

    /// The validator combines both checks, schema first.
    func testTheValidatorReportsSchemaAndCodeScanningProblems() {
        let data = SampleLog.replacing(#""startColumn": 19"#, with: #""startColumn": 0"#)
        XCTAssertEqual(SARIFValidator.problems(in: data), [
            "schema: runs/0/results/0/locations/0/physicalLocation/region/startColumn: 0 is less than the minimum of 1",
            "runs[0].results[0].locations[0].physicalLocation.region.startColumn: must be a whole number from 1, not 0.",
        ])
    }

    func testAMissingInterpreterIsAProblem() {
        let check = SchemaCheck(python: URL(fileURLWithPath: "/nonexistent/venv/bin/python3"))
        XCTAssertEqual(check.problems(in: SampleLog.data),
                       ["schema: the validator cannot run: /nonexistent/venv/bin/python3 does not exist; run `make test-deps` to create it."])
    }

    func testAnInterpreterThatFailsIsAProblem() {
        let problems = SchemaCheck(python: URL(fileURLWithPath: "/bin/false")).problems(in: SampleLog.data)
        XCTAssertEqual(problems, ["schema: the validator cannot run (exit 1): "])
    }

    func testUnreadableFileIsAProblem() {
        XCTAssertEqual(SARIFValidator.problems(inFile: "/nonexistent/report.sarif"), ["/nonexistent/report.sarif: the file cannot be read."])
    }
}

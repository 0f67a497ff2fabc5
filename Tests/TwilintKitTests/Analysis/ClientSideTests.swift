import Foundation
@testable import TwilintKit
import XCTest

final class ClientSideTests: XCTestCase {
    private var repo: ScratchRepository!

    override func setUpWithError() throws { repo = try ScratchRepository() }
    override func tearDown() { repo.remove() }

    /// The verdict for `text` as the file `relative` of the scratch repository (written to disk).
    private func verdict(_ relative: String, _ text: String) throws -> ClientSide {
        let path = try repo.write(relative, text)
        return ClientSide.of(SourceFile(path: path, text: text), lookup: ProjectLookup())
    }

    private func assertClient(_ relative: String, _ text: String = "export const x = 1;\n", because reason: String,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try verdict(relative, text)
        XCTAssertTrue(result.isClientSide, "\(relative): \(result.reason)", file: file, line: line)
        XCTAssertEqual(result.reason, reason, file: file, line: line)
    }

    private func assertServer(_ relative: String, _ text: String = "export const x = 1;\n", because reason: String? = nil,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try verdict(relative, text)
        XCTAssertFalse(result.isClientSide, "\(relative): \(result.reason)", file: file, line: line)
        if let reason { XCTAssertEqual(result.reason, reason, file: file, line: line) }
    }

    func testFileTypes() throws {
        try assertClient("Widget.vue", "<script>const a = 1</script>", because: "file type .vue")
        try assertClient("lib/Notice.svelte", "<p>hi</p>", because: "file type .svelte")
        try assertClient("templates/index.html", "<p>hi</p>", because: "file type .html")
        try assertClient("lib/Button.tsx", because: "file type .tsx")
        try assertServer("lib/button.ts")
    }

    func testPathSegments() throws {
        try assertClient("public/js/app.js", because: "path segment 'public'")
        try assertClient("Public/js/app.js", because: "path segment 'Public'")
        try assertClient("web/static/send.js", because: "path segment 'static'")
        try assertClient("src/components/api.js", because: "path segment 'src/components'")
        try assertClient("src/pages/home.js", because: "path segment 'src/pages'")
        try assertServer("src/pages/api/sms.js", because: "Next.js API route (pages/api)")
        try assertServer("pages/api/Send.tsx", because: "Next.js API route (pages/api)")
        // Only whole segments count, and only below the repository root.
        try assertServer("client-side/send.js")
        try assertServer("clients.js")
    }

    func testFoldersAboveTheRepositoryDoNotCount() throws {
        let outer = FileManager.default.temporaryDirectory.appendingPathComponent("twilint-www-\(UUID().uuidString)/www/app").path
        try FileManager.default.createDirectory(atPath: outer + "/.git", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (outer as NSString).deletingLastPathComponent) }
        let path = outer + "/server.js"
        try "export const x = 1;\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertFalse(ClientSide.of(SourceFile(path: path, text: "export const x = 1;\n"), lookup: ProjectLookup()).isClientSide)
    }

    func testBrowserGlobalsAndUIImports() throws {
        try assertClient("lib/a.js", "const here = window.location.href;", because: "uses the browser global window.")
        try assertClient("lib/b.js", "localStorage.setItem('k', v);", because: "uses the browser global localStorage")
        try assertServer("lib/c.js", "if (typeof window === 'undefined') { run(); }\nconst d = req.document.id;")
        try assertServer("lib/d.js", "// document.title = 'x'\nconst s = 'window.open';")
        try assertClient("lib/e.js", "import React from 'react';", because: "imports react")
        try assertClient("lib/f.ts", "import { ref } from 'vue';", because: "imports vue")
        try assertClient("lib/g.ts", "import { Component } from '@angular/core';", because: "imports @angular/core")
        try assertClient("lib/h.js", "const { writable } = require('svelte/store');", because: "imports svelte/store")
        try assertServer("lib/i.ts", "import type { FC } from 'react';")
    }

    func testNodeOnlyImportsWinOverPathSigns() throws {
        try assertServer("frontend/server.js", "const express = require('express');\nconst app = express();",
                         because: "imports express, which runs only in Node")
        try assertServer("public/build.mjs", "import { readFile } from 'node:fs/promises';",
                         because: "imports node:fs/promises, which runs only in Node")
    }

    func testDirectives() throws {
        try assertClient("lib/actions.ts", "'use client';\nexport const x = 1;", because: "'use client' directive")
        try assertServer("src/components/actions.tsx", "\"use server\"\nexport async function save() {}", because: "'use server' directive")
    }

    func testNextJSAppRouter() throws {
        try repo.write("web/package.json", #"{"dependencies": {"next": "14.2.0", "react": "18.3.1"}}"#)
        try assertServer("web/app/dashboard/page.tsx", "export default function Page() { return <main/>; }")
        try assertClient("web/app/dashboard/Button.tsx", "'use client';\nexport default function B() {}", because: "'use client' directive")
        try assertServer("web/app/api/sms/route.ts", because: "route handler (app/…/route.ts)")
        try assertClient("web/components/Form.jsx", because: "file type .jsx")
        // Next.js mixes server and browser code in src/: src/ alone says nothing.
        try assertServer("web/src/lib/twilio.js")
    }

    func testBrowserAppPackages() throws {
        try repo.write("app/package.json", #"{"dependencies": {"react": "18"}, "devDependencies": {"vite": "5"}}"#)
        let result = try verdict("app/src/lib/sms.js", "export const x = 1;")
        XCTAssertTrue(result.isClientSide)
        XCTAssertEqual(result.reason, "under src/ of a browser app (\(repo.root)/app/package.json depends on vite)")
        try assertServer("app/src/server/sms.js")
        try assertServer("app/scripts/seed.js")
        try repo.write("api/package.json", #"{"dependencies": {"express": "4"}}"#)
        try assertServer("api/src/sms.js")
    }

    func testSwiftFiles() throws {
        try assertClient("Shared/Views.swift", "import SwiftUI\nstruct V: View {}", because: "imports SwiftUI")
        try assertClient("Shared/Cells.swift", "import class UIKit.UITableViewCell", because: "imports UIKit")
        try assertServer("Sources/App/routes.swift", "import Vapor\nimport SwiftUI", because: "imports Vapor")
        try repo.write("ios/Notify.xcodeproj/project.pbxproj")
        let app = try verdict("ios/Notify/Services/Twilio.swift", "import Foundation")
        XCTAssertTrue(app.isClientSide)
        XCTAssertEqual(app.reason, "in an Apple app project (\(repo.root)/ios/Notify.xcodeproj)")
        try repo.write("server/Package.swift", #"dependencies: [.package(url: "https://github.com/vapor/vapor.git", from: "4.0.0")]"#)
        try repo.write("server/Info.plist", "<plist/>")
        try assertServer("server/Sources/App/Twilio.swift", "import Foundation",
                         because: "in a server package (\(repo.root)/server/Package.swift depends on Vapor)")
        try assertServer("tools/Sources/cli/main.swift", "import Foundation", because: "no Apple app project around it")
    }

    func testPythonIsAlwaysServerCode() throws {
        try assertServer("static/send.py", "import requests", because: "Python runs on the server")
    }
}

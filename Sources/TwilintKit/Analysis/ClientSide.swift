import Foundation

/// Whether a file's code ships to users — a browser bundle, a web page, an app
/// binary — and why twilint thinks so. Judged from the file's type, path and
/// imports, then from its project (`ProjectLookup`): the nearest `package.json`
/// for web code, Xcode markers or a server `Package.swift` for Swift. Python is
/// always server code.
public struct ClientSide: Equatable, Sendable {
    public var isClientSide: Bool
    /// The sign that decided, in words: `file type .jsx`, `path segment 'public'`,
    /// `imports SwiftUI`, `Next.js API route (pages/api)`.
    public var reason: String

    public init(isClientSide: Bool, reason: String) {
        self.isClientSide = isClientSide
        self.reason = reason
    }

    /// The verdict for `file`, computed once per file.
    public static func of(_ file: SourceFile, lookup: ProjectLookup = .shared) -> ClientSide {
        file.memo("client-side") { ClientSideJudge(file: file, lookup: lookup).verdict() }
    }

    static func client(_ reason: String) -> ClientSide { ClientSide(isClientSide: true, reason: reason) }
    static func server(_ reason: String) -> ClientSide { ClientSide(isClientSide: false, reason: reason) }
}

/// The rules of `ClientSide`, in the order they are tried.
struct ClientSideJudge {
    let file: SourceFile
    let lookup: ProjectLookup
    let location: FileLocation

    init(file: SourceFile, lookup: ProjectLookup) {
        self.file = file
        self.lookup = lookup
        location = FileLocation(path: file.path, lookup: lookup)
    }

    static let clientFileTypes: Set<String> = ["jsx", "tsx", "vue", "svelte", "html", "htm"]
    static let clientSegments: Set<String> = ["public", "static", "www", "assets", "client", "frontend"]
    static let appleUIModules: Set<String> = ["UIKit", "SwiftUI", "AppKit", "WatchKit"]
    static let swiftServerModules: Set<String> = ["Vapor", "Hummingbird"]
    /// Modules that only run in Node: a file importing one is server code wherever it sits.
    static let nodeServerModules: Set<String> = [
        "express", "koa", "fastify", "hono", "@hapi/hapi", "restify", "@nestjs/core", "@nestjs/common",
        "fs", "fs/promises", "child_process", "http", "https", "net", "cluster", "worker_threads",
    ]

    func verdict() -> ClientSide {
        switch file.language {
        case .javascript, .typescript, .html: return webVerdict()
        case .swift: return swiftVerdict()
        case .python: return .server("Python runs on the server")
        case .config, .text: return .server("not source code")
        }
    }

    // MARK: - Web

    private func webVerdict() -> ClientSide {
        let model = CodeModel.of(file)
        let folders = location.folders
        if let index = Self.index(of: ["pages", "api"], in: folders) {
            return .server("Next.js API route (\(folders[index...].prefix(2).joined(separator: "/")))")
        }
        let directives = Self.directives(model)
        if directives.contains("use server") { return .server("'use server' directive") }
        if directives.contains("use client") { return .client("'use client' directive") }
        let manifest = location.folder.flatMap(lookup.nearestPackageManifest(from:))
        let below = manifest.map { location.folders(below: $0.folder) } ?? folders
        if below.contains("app"), ["route", "middleware"].contains(location.baseName) {
            return .server("route handler (app/…/\(location.fileName))")
        }
        if let manifest, manifest.usesNext, below.contains("app") {
            return .server("Next.js server component (app/ without 'use client'; \(manifest.folder)/package.json depends on next)")
        }
        if Self.clientFileTypes.contains(location.fileExtension) { return .client("file type .\(location.fileExtension)") }
        let imports = ModuleImports.of(model)
        if let module = imports.first(where: { Self.isNodeServerModule($0.name) }) {
            return .server("imports \(module.name), which runs only in Node")
        }
        if let index = Self.index(of: ["src", "components"], in: folders) ?? Self.index(of: ["src", "pages"], in: folders) {
            return .client("path segment '\(folders[index...].prefix(2).joined(separator: "/"))'")
        }
        if let segment = folders.first(where: { Self.clientSegments.contains($0.lowercased()) }) {
            return .client("path segment '\(segment)'")
        }
        if let global = Self.browserGlobal(model) { return .client("uses the browser global \(global)") }
        if let module = imports.first(where: { Self.isUIModule($0.name) }) { return .client("imports \(module.name)") }
        if let manifest, below.first == "src", !below.contains("server"), !below.contains("api") {
            if let framework = manifest.mixedFramework {
                return .server("under src/ of a \(framework) project, which mixes server and browser code")
            }
            if let package = manifest.browserPackage {
                return .client("under src/ of a browser app (\(manifest.folder)/package.json depends on \(package))")
            }
        }
        return .server("no client-side sign (file type, path, browser globals, UI imports, package.json)")
    }

    /// The index where `sequence` starts in `folders`.
    static func index(of sequence: [String], in folders: [String]) -> Int? {
        guard folders.count >= sequence.count else { return nil }
        return (0...(folders.count - sequence.count)).first { start in
            sequence.indices.allSatisfy { folders[start + $0] == sequence[$0] }
        }
    }

    /// The directive prologue: `'use client'`, `"use server"`, `'use strict'` at the top of the file.
    static func directives(_ model: CodeModel) -> [String] {
        var result: [String] = []
        var index = 0
        while index < model.tokens.count, model.tokens[index].kind == .string {
            result.append(ModuleImports.literal(model.text(model.tokens[index].range)))
            index += 1
            if model.token(index, is: ";") { index += 1 }
        }
        return result
    }

    /// `window.…`, `document.…`, `localStorage`, `sessionStorage` in code (not as a member of something else).
    static func browserGlobal(_ model: CodeModel) -> String? {
        for index in model.tokens.indices where model.tokens[index].kind == .identifier {
            if index > 0, model.token(index - 1, is: ".") || model.token(index - 1, is: "?.") { continue }
            for name in ["window", "document"] where model.token(index, is: name) && model.token(index + 1, is: ".") {
                return name + "."
            }
            for name in ["localStorage", "sessionStorage"] where model.token(index, is: name) { return name }
        }
        return nil
    }

    static func isUIModule(_ name: String) -> Bool {
        let root = name.split(separator: "/").first.map(String.init) ?? name
        return ["react", "react-dom", "react-native", "preact", "vue", "svelte"].contains(root) || name.hasPrefix("@angular/")
    }

    static func isNodeServerModule(_ name: String) -> Bool {
        nodeServerModules.contains(name) || name.hasPrefix("node:") || name.hasPrefix("@nestjs/")
    }

    // MARK: - Swift

    private func swiftVerdict() -> ClientSide {
        let modules = Self.swiftImports(CodeModel.of(file))
        if let server = modules.first(where: Self.swiftServerModules.contains) { return .server("imports \(server)") }
        if let ui = modules.first(where: Self.appleUIModules.contains) { return .client("imports \(ui)") }
        if ProjectLookup.isAppEntry(file.text(0..<file.bytes.count)) {
            return .client("an app entry point (@main … : App or UIApplicationDelegate)")
        }
        guard let folder = location.folder else { return .server("no Apple app project around it") }
        switch lookup.swiftProject(from: folder) {
        case .app(let marker):
            return .client("in an Apple app project (\(marker))")
        case .server(let manifest, let framework):
            return .server("in a server package (\(manifest) depends on \(framework))")
        case .package(let manifest):
            return .server("in a Swift package that is not an app (\(manifest))")
        case .none:
            return .server("no Apple app project around it")
        }
    }

    /// Modules a Swift file imports: `import UIKit`, `@testable import App`, `import struct SwiftUI.Color`.
    static func swiftImports(_ model: CodeModel) -> [String] {
        let kinds: Set<String> = ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"]
        var modules: [String] = []
        for index in model.tokens.indices where model.token(index, is: "import") {
            var next = index + 1
            if model.isIdentifier(next), kinds.contains(model.text(ofToken: next)) { next += 1 }
            if model.isIdentifier(next) { modules.append(model.text(ofToken: next)) }
        }
        return modules
    }
}

/// A file's place on disk: its absolute path, and the folders between the
/// repository root (or the working folder) and the file, so that folders above
/// the project (`/var/www/…`) never count as path segments.
struct FileLocation {
    let absolutePath: String
    /// The absolute folder holding the file; nil for a bare `/`.
    let folder: String?
    /// Folder names from the repository root (else the working folder) down to the file.
    let folders: [String]
    let fileName: String

    private static let workingFolder = FileManager.default.currentDirectoryPath

    init(path: String, lookup: ProjectLookup) {
        // String work only: `URL(fileURLWithPath:)` asks the file system whether the path is a
        // folder, and this runs for every file of a scan.
        let absolute = Self.standardized(path.hasPrefix("/") ? path : Self.workingFolder + "/" + path)
        absolutePath = absolute
        let slash = absolute.lastIndex(of: "/")
        fileName = slash.map { String(absolute[absolute.index(after: $0)...]) } ?? absolute
        let parent = slash.map { $0 == absolute.startIndex ? "/" : String(absolute[..<$0]) } ?? ""
        folder = parent.isEmpty || absolute == "/" ? nil : parent
        let base = folder.flatMap(lookup.repositoryRoot(of:))
            ?? (absolute.hasPrefix(Self.workingFolder + "/") ? Self.workingFolder : "/")
        folders = Self.components(of: parent, below: base)
    }

    /// `/a/./b/../c` → `/a/c`, without repeated or trailing slashes.
    static func standardized(_ absolute: String) -> String {
        if !absolute.contains("/.") && !absolute.contains("//") && !absolute.hasSuffix("/") { return absolute }
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The folders from `ancestor` down to the file (empty when the file is not below it).
    func folders(below ancestor: String) -> [String] {
        guard let folder else { return [] }
        return Self.components(of: folder, below: ancestor)
    }

    var fileExtension: String { (fileName as NSString).pathExtension.lowercased() }

    /// The name without its extensions: `route` for `route.ts`, `page` for `page.test.tsx`.
    var baseName: String { String(fileName.split(separator: ".").first ?? Substring(fileName)) }

    private static func components(of folder: String, below ancestor: String) -> [String] {
        if folder == ancestor { return [] }
        let prefix = ancestor == "/" ? "/" : ancestor + "/"
        guard folder.hasPrefix(prefix) else { return [] }
        return folder.dropFirst(prefix.count).split(separator: "/").map(String.init)
    }
}

/// The modules a JavaScript/TypeScript file imports (`import … from 'x'`,
/// `import 'x'`, `require('x')`, `import('x')`), with the literal's range.
/// Type-only imports (`import type … from 'x'`) are left out: they compile to nothing.
struct ModuleImports {
    struct Module {
        var name: String
        var literal: Range<Int>
    }

    static func of(_ model: CodeModel) -> [Module] {
        model.file.memo("module-imports") { find(in: model) }
    }

    private static func find(in model: CodeModel) -> [Module] {
        var modules: [Module] = []
        for index in model.tokens.indices where model.tokens[index].kind == .string && index > 0 {
            let previous = index - 1
            let imported: Bool
            if model.token(previous, is: "from") {
                imported = !isTypeOnly(fromIndex: previous, model)
            } else if model.token(previous, is: "import") {
                imported = true
            } else if model.token(previous, is: "("), model.token(previous - 1, is: "require") || model.token(previous - 1, is: "import") {
                imported = model.token(index + 1, is: ")")
            } else {
                imported = false
            }
            if imported {
                modules.append(Module(name: literal(model.text(model.tokens[index].range)), literal: model.tokens[index].range))
            }
        }
        return modules
    }

    /// `import type { X } from 'x'` and `export type { X } from 'x'`.
    private static func isTypeOnly(fromIndex: Int, _ model: CodeModel) -> Bool {
        var index = fromIndex - 1
        while index >= 0, fromIndex - index < 200 {
            if model.token(index, is: "import") || model.token(index, is: "export") { return model.token(index + 1, is: "type") }
            if model.token(index, is: ";") { return false }
            index -= 1
        }
        return false
    }

    /// The text of a string literal without its quotes (and Python prefixes).
    static func literal(_ text: String) -> String { CallFinder.unquoted(text) }
}

import Foundation
@testable import TwilintKit
import XCTest

/// How the project pass reads a file's imports: each local name and the module it stands for.
final class ProjectImportsTests: ProjectFolderTestCase {
    private func bindings(_ relative: String, _ text: String) throws -> [String: String] {
        try write(relative, text)
        let file = SourceFile(path: root.appendingPathComponent(relative).path, text: text)
        let lookup = ProjectLookup()
        let found = ProjectImports(model: CodeModel.of(file), location: FileLocation(path: file.path, lookup: lookup), lookup: lookup).bindings()
        return found.mapValues { $0.module.replacingOccurrences(of: root.path + "/", with: "") + ":" + $0.name }
    }

    func testScriptImportsAndRequires() throws {
        let found = try bindings("src/routes/index.ts", """
            import express from 'express';
            import sms, { reply as smsReply, type Options } from '../controllers/sms';
            import * as voice from '../controllers/voice.js';
            const notify = require('../services/notify');
            const { sendAlert, sendDigest: digest } = require('./alerts');
            """)
        XCTAssertEqual(found, [
            "sms": "src/controllers/sms:default", "smsReply": "src/controllers/sms:reply", "Options": "src/controllers/sms:Options",
            "voice": "src/controllers/voice:*", "notify": "src/services/notify:*",
            "sendAlert": "src/routes/alerts:sendAlert", "digest": "src/routes/alerts:sendDigest",
        ], "a package import (express) is not a project module")
    }

    func testPythonRelativeAbsoluteAndSubmoduleImports() throws {
        try write("clinic/__init__.py")
        try write("clinic/services/__init__.py")
        try write("clinic/services/sms.py")
        let found = try bindings("clinic/views.py", """
            import os
            from flask import Flask
            from .services.sms import send_code, send_receipt as receipt
            from clinic.services import sms
            import clinic.services.sms as texts
            from . import services
            """)
        XCTAssertEqual(found, [
            "send_code": "clinic/services/sms:send_code", "receipt": "clinic/services/sms:send_receipt",
            "sms": "clinic/services/sms:*", "texts": "clinic/services/sms:*", "services": "clinic/services:*",
        ], "flask and os are not modules of the project")
    }

    func testANamespacePackageWithoutInitResolves() throws {
        try write("clients/twilio_client.py")
        let found = try bindings("verification/views.py", "from clients import twilio_client\n")
        XCTAssertEqual(found, ["twilio_client": "clients/twilio_client:*"])
    }
}

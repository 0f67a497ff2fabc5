@testable import TwilintKit
import XCTest

final class ClientSideCredentialsAnalyzerTests: XCTestCase {
    private static let sid = "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e"
    private static let token = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c"

    /// The text of each TW004 finding in `text`, read as the file `path` (no project on disk needed:
    /// the file type decides).
    private func found(_ path: String, _ text: String) -> [String] {
        let file = SourceFile(path: path, text: text)
        return ClientSideCredentialsAnalyzer().findings(in: file).map(file.text)
    }

    func testHardcodedCredentialsAreReportedOncePerCredential() {
        let text = "const client = twilio('\(Self.sid)', '\(Self.token)');\nconst again = '\(Self.sid)';\n"
        XCTAssertEqual(found("Send.jsx", text), [Self.sid, Self.token])
    }

    func testTokensNeedContext() {
        XCTAssertEqual(found("Send.jsx", "// Twilio settings\nconst authToken = '\(Self.token)';"), [Self.token])
        XCTAssertEqual(found("Send.jsx", "// Twilio\nconst config = { 'apiKeySecret': 'ssOinNbHbGm73BgWDiR9sad4zySyO5wO' };"), ["ssOinNbHbGm73BgWDiR9sad4zySyO5wO"])
        // Only files that name Twilio or hold a SID are read (the rule file's names-twilio-or-sid gate,
        // a documented limit; TW002 still reports the token).
        XCTAssertFalse(NamesTwilioOrSID().mayHold(in: SourceFile(path: "Send.jsx", text: "const authToken = '\(Self.token)';")))
        XCTAssertTrue(NamesTwilioOrSID().mayHold(in: SourceFile(path: "Send.jsx", text: "const sid = '\(Self.sid)';")))
        XCTAssertEqual(found("Send.jsx", "// twilio\nconst buildHash = '\(Self.token)';"), [])
        XCTAssertEqual(found("Send.jsx", "// twilio\nconst authToken = 'your_auth_token_goes_here_123456';"), [])
        XCTAssertEqual(found("Send.jsx", "const auth = `${sid}:\(Self.token)`; // api.twilio.com"), [Self.token])
    }

    func testPlaceholdersAndCommentsAreNotCredentials() {
        XCTAssertEqual(found("Send.jsx", "const sid = 'ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'; // twilio"), [])
        XCTAssertEqual(found("Send.jsx", "// const client = twilio('\(Self.sid)', '\(Self.token)');"), [])
    }

    func testClientConstructions() {
        XCTAssertEqual(found("Send.jsx", "const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);"), ["twilio"])
        XCTAssertEqual(found("index.html", "<script>const c = require('twilio')(sid, token);</script>"), ["require"])
        XCTAssertEqual(found("Send.tsx", "import { Twilio } from 'twilio';\nconst c = new Twilio(key, secret, { accountSid });"), ["Twilio"])
        // The server SDK imported with no client built here: the import is what is reported.
        XCTAssertEqual(found("Send.tsx", "import twilio from 'twilio';\nexport { twilio };"), ["'twilio'"])
        XCTAssertEqual(found("Send.tsx", "import type { MessageInstance } from 'twilio';\nlet m: MessageInstance;"), [])
        // A construction whose credentials are already reported is not reported again.
        XCTAssertEqual(found("Send.jsx", "const c = twilio('\(Self.sid)', process.env.REACT_APP_TWILIO_AUTH_TOKEN);"),
                       [Self.sid, "REACT_APP_TWILIO_AUTH_TOKEN"])
        XCTAssertEqual(found("Send.jsx", "const c = twilio(\n  process.env.REACT_APP_TWILIO_ACCOUNT_SID,\n  process.env.REACT_APP_TWILIO_AUTH_TOKEN,\n);"),
                       ["REACT_APP_TWILIO_ACCOUNT_SID", "REACT_APP_TWILIO_AUTH_TOKEN"])
    }

    func testAccessTokenSDKsStaySilent() {
        XCTAssertEqual(found("Phone.jsx", "import { Device } from '@twilio/voice-sdk';\nconst device = new Device(token);\ndevice.register();"), [])
        XCTAssertEqual(found("Room.jsx", "import Video from 'twilio-video';\nconst room = await Video.connect(token, { name });"), [])
        XCTAssertEqual(found("chat.html", "<script>const client = new Twilio.Conversations.Client(token);</script>"), [])
    }

    func testBasicAuthNeedsATwilioRESTHost() {
        let header = "const headers = { Authorization: 'Basic ' + btoa(`${sid}:${token}`) };"
        XCTAssertEqual(found("Send.jsx", "// twilio\n" + header), [])
        XCTAssertEqual(found("Send.jsx", "const url = 'https://api.twilio.com/2010-04-01';\n" + header), ["Basic"])
        XCTAssertEqual(found("Send.jsx", "const docs = 'https://www.twilio.com/docs';\n" + header), [])
        XCTAssertEqual(found("Send.jsx", "axios.post('https://verify.twilio.com/v2/Services', form, { auth: { username: sid, password: token } });"), ["auth"])
        XCTAssertEqual(found("Send.jsx", "xhr.open('POST', 'https://api.twilio.com/x', true, sid, token);"), ["open"])
        XCTAssertEqual(found("Send.jsx", "const url = `https://${sid}:${token}@api.twilio.com/2010-04-01`;"), ["${sid}:${token}"])
    }

    func testSwiftAppCode() {
        let swift = """
            import UIKit
            let url = URL(string: "https://api.twilio.com/2010-04-01/Accounts/\\(sid)/Messages.json")!
            request.setValue("Basic \\(encoded)", forHTTPHeaderField: "Authorization")
            AF.request(url).authenticate(username: sid, password: token)
            """
        XCTAssertEqual(found("Sender.swift", swift), ["Basic", "authenticate"])
    }

    func testBundleReadsCountInAnySwiftFile() {
        let swift = """
            let sid = Bundle.main.object(forInfoDictionaryKey: "TWILIO_ACCOUNT_SID") as? String
            let token = Bundle.main.infoDictionary?["TwilioAuthToken"] as? String
            let from = Bundle.main.object(forInfoDictionaryKey: "TWILIO_PHONE_NUMBER") as? String
            let tokenURL = Bundle.main.infoDictionary?["TWILIO_TOKEN_URL"] as? String
            """
        XCTAssertEqual(found("Config.swift", swift), ["TWILIO_ACCOUNT_SID", "TwilioAuthToken"])
    }

    func testPublicBuildVariablesCountInAnyFile() {
        XCTAssertEqual(found("server.js", "const t = process.env.NEXT_PUBLIC_TWILIO_AUTH_TOKEN;\nconst u = process.env.NEXT_PUBLIC_TWILIO_AUTH_TOKEN;"),
                       ["NEXT_PUBLIC_TWILIO_AUTH_TOKEN"])
        XCTAssertEqual(found("settings.py", "KEY = os.environ.get('EXPO_PUBLIC_TWILIO_API_KEY')"), ["EXPO_PUBLIC_TWILIO_API_KEY"])
        XCTAssertEqual(found("config.ts", "export const sid = import.meta.env.VITE_TWILIO_ACCOUNT_SID;"), ["VITE_TWILIO_ACCOUNT_SID"])
        XCTAssertEqual(found("config.ts", "export const from = import.meta.env.VITE_TWILIO_PHONE_NUMBER;"), [])
        XCTAssertEqual(found("config.ts", "export const url = import.meta.env.VITE_TWILIO_TOKEN_URL;"), [])
        XCTAssertEqual(found("config.ts", "export const t = process.env.TWILIO_AUTH_TOKEN; // not GATSBY_TWILIO_AUTH_TOKEN"), [])
        XCTAssertEqual(found("vite-env.d.ts", "interface ImportMetaEnv { readonly VITE_TWILIO_AUTH_TOKEN: string }"), [])
    }

    func testServerFilesAndServerOnlyFunctionsStaySilent() {
        let construction = "const client = twilio('\(Self.sid)', '\(Self.token)');"
        XCTAssertEqual(found("server.js", construction), [])
        let page = """
            import twilio from 'twilio';
            export default function Usage({ records }) { return <ul>{records.map((r) => <li>{r}</li>)}</ul>; }
            export async function getServerSideProps() {
              const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
              return { props: { records: [] } };
            }
            """
        XCTAssertEqual(found("usage.jsx", page), [])
    }
}

/// An HTTP route handler that may receive Twilio webhooks, as `WebhookHandlers`
/// finds it: the function, how it is routed, what it reads from the request,
/// whether it answers with TwiML and whether a signature check applies to it.
struct WebhookHandler {
    enum Framework: String, Equatable, Sendable {
        /// Flask, Quart, FastAPI, Starlette and other `@app.route`/`@router.post` decorators.
        case pythonRoute
        case django
        /// Express, Koa, Fastify, Hono: `app.post('/sms', …)`, `router.post`.
        case nodeRoute
        /// An exported `(req, res)` controller function, routed in another file.
        case controller
        /// Next.js `pages/api/**` and app-router `route.ts`, Vercel `api/` functions.
        case apiRoute
        /// AWS Lambda, Google Cloud Functions, Azure Functions.
        case serverless
        /// Vapor and Hummingbird: `app.post("sms") { req in … }`, `use:` handler references.
        case swiftRoute
    }

    var function: FunctionScope
    var framework: Framework
    /// Twilio webhook parameters the handler reads from the request (`Body`, `MessageStatus`, …).
    var parameters: Set<String>
    /// The handler builds TwiML (`MessagingResponse`, `twiml.*`, a literal `<Response>`).
    var answersWithTwiML: Bool
    /// A signature check applies: in the handler, its decorators or middleware, or app-wide.
    var isValidated: Bool

    /// Whether Twilio calls this handler: it reads webhook parameters or answers with TwiML.
    var receivesTwilioWebhooks: Bool { !parameters.isEmpty || answersWithTwiML }
}

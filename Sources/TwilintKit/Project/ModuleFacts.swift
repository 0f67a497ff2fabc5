import Foundation

/// What one file tells the project pass: which project modules it imports and how it
/// uses them, and which of its findings other files may answer. Small plain values,
/// found while the file is scanned (no file is read twice).
public struct ModuleFacts: Sendable, Equatable {
    /// The names other modules import this one by: its path without the extension, and the
    /// folder for an index module (`index.ts`, `__init__.py`).
    var identities: [String]
    /// Calls of helpers imported from other project modules, each judged where it is made.
    var importedCalls: [ImportedCall] = []
    /// Route registrations that mount a handler imported from another module.
    var mounts: [Mount] = []
    /// Findings that depend on other files.
    var questions: [Question] = []
    /// A Django settings module whose `MIDDLEWARE` names a signature validator: the folder
    /// under which every view is validated (the project that holds the settings package).
    var validatesDjangoViewsUnder: String?
    /// Form and serializer classes whose `clean…`/`validate…` methods check a phone number's
    /// form: a caller that sends what such a form validated (`form.is_valid()`) validates it.
    var validatingForms: Set<String> = []
    /// The modules an index re-exports whole (`export * from './sms'`): importing a name from
    /// the index imports it from them.
    var reexports: [String] = []

    /// `sms.sendReminder(…)` after `const sms = require('./sms')`, or `send_sms(…)` after
    /// `from .utils import send_sms`: the module, the helper, and whether the error is handled.
    struct ImportedCall: Equatable, Sendable {
        var module: String
        var name: String
        /// What becomes of the call's error where it is made (TW007).
        var errors: TwilioErrorHandling.CallerHandling
        /// The calling function checks a number's E.164 form (TW005), as a send's function would.
        var validatesNumber: Bool
        /// The calling file checks opt-out state (TW010), as a send's file would.
        var checksOptOut: Bool
        /// Classes whose instances the calling function asks `is_valid()` before the call.
        var validatedForms: Set<String> = []

        /// Whether the call settles `rule`'s question by itself; TW007's passed-on errors are
        /// settled by the project pass through the helpers they pass through.
        func answers(_ rule: String) -> Bool {
            switch rule {
            case ModuleFactsFinder.missingValidation: return validatesNumber
            case ModuleFactsFinder.missingOptOutCheck: return checksOptOut
            default: return errors == .handled
            }
        }
    }

    /// `router.post('/sms', twilio.webhook(), controllers.sms)`: the handler's module and name,
    /// and whether a signature check applies to the route.
    struct Mount: Equatable, Sendable {
        var module: String
        var name: String
        var validated: Bool
    }

    /// A finding that another file may answer: TW007 on a call whose error leaves through
    /// `helpers` (dropped when every caller elsewhere handles them); TW005 and TW010 on a send
    /// to a parameter of the helper (dropped when every caller validates the number, or checks
    /// opt-out); TW003 on a controller (dropped when every route that mounts it validates signatures).
    struct Question: Equatable, Sendable {
        var rule: String
        var offset: Int
        var helpers: Set<String>
    }

    var isEmpty: Bool {
        importedCalls.isEmpty && mounts.isEmpty && questions.isEmpty && validatesDjangoViewsUnder == nil && validatingForms.isEmpty
            && reexports.isEmpty
    }

    /// The helper name of a Django view's TW003 question: settings, not a router, answer it.
    static let djangoView = "<django view>"
}

/// A finding the project pass answered: it goes.
struct FindingKey: Hashable, Sendable {
    var path: String
    var rule: String
    var offset: Int
}

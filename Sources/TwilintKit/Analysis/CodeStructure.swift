/// A function, method or closure: the unit most behaviour rules judge.
public struct FunctionScope: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case function, closure }

    public var kind: Kind
    /// The declared or assigned name (`sms_reply`, `exports.handler`, `POST`), if any.
    public var name: String?
    /// Where findings about the function are reported: its name, or its `=>`/`{`.
    public var anchor: Range<Int>
    public var parameters: [String]
    /// Python decorators and Swift attributes above the definition, as source ranges.
    public var decorators: [Range<Int>]
    /// From the start of the definition (its first decorator) to the end of the body.
    public var extent: Range<Int>
    public var body: Range<Int>
}

/// A call `callee(arguments)`, possibly with a Swift trailing closure.
public struct CallSite: Equatable, Sendable {
    /// The callee chain with call arguments dropped: `client.messages.create`,
    /// `client.verify.v2.services().verifications.create`, `require().messages.create`.
    public var callee: String
    /// The last name of the chain (`create`): where findings about the call are reported.
    public var name: Range<Int>
    /// From the start of the chain to the closing parenthesis (or trailing closure).
    public var extent: Range<Int>
    /// Inside the parentheses.
    public var argumentList: Range<Int>
    public var arguments: [Argument]
    public var trailingClosure: Range<Int>?

    public struct Argument: Equatable, Sendable {
        /// `to` in Python `to=x`, Swift `to: x`; nil for positional arguments.
        public var label: String?
        /// The value (after the label).
        public var value: Range<Int>
        /// Keys of an object-literal argument (`{ to: x, body }` in JS), with their values.
        public var objectKeys: [(key: String, value: Range<Int>)]

        public static func == (lhs: Argument, rhs: Argument) -> Bool {
            lhs.label == rhs.label && lhs.value == rhs.value && lhs.objectKeys.map(\.key) == rhs.objectKeys.map(\.key)
        }
    }

    /// The value given for `name`: a labelled argument or a key of an object-literal argument.
    public func argument(named name: String) -> Range<Int>? {
        if let labelled = arguments.first(where: { $0.label == name }) { return labelled.value }
        for argument in arguments {
            if let entry = argument.objectKeys.first(where: { $0.key == name }) { return entry.value }
        }
        return nil
    }
}

/// `try:`/`except`, `try {} catch {}`, Swift `do {} catch {}`.
public struct TryBlock: Equatable, Sendable {
    public var body: Range<Int>
    public var handlers: [Handler]

    public struct Handler: Equatable, Sendable {
        /// The `except`/`catch` keyword: where findings about the handler are reported.
        public var keyword: Range<Int>
        /// Exception type names in the clause (`TwilioRestException`); empty for a catch-all.
        public var caughtTypes: [String]
        /// The bound name (`e` in `except X as e`, `catch (err)`), if any.
        public var binding: String?
        public var body: Range<Int>
    }
}

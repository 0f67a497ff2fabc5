/// Answers computed once per range: heuristics judge the same function for every
/// call or send in it, and a function with thousands of them must not be read
/// thousands of times. A class, so that value types holding one can fill it.
final class RangeCache<Value> {
    private var values: [Range<Int>: Value] = [:]

    func value(for range: Range<Int>, _ compute: () -> Value) -> Value {
        if let known = values[range] { return known }
        let value = compute()
        values[range] = value
        return value
    }
}

import ChainscopeCore
import Hummingbird
import HummingbirdCore

extension Request {
    /// A day parameter (YYYY-MM-DD): nil when absent or empty, a 400 naming it when it is no day.
    /// `meaning` says in the problem which day is wanted ("the day", "the day the export was taken").
    func day(_ name: String, meaning: String = "the day") throws(Problem) -> CalendarDate? {
        guard let text = uri.queryParameters.get(name), !text.isEmpty else { return nil }
        guard let day = CalendarDate(iso: text) else {
            throw Problem.badParameter(name, text, expected: "write \(meaning) as YYYY-MM-DD.")
        }
        return day
    }

    /// A Boolean parameter (true or false): `default` when absent or empty, a 400 naming it otherwise.
    func flag(_ name: String, default value: Bool) throws(Problem) -> Bool {
        guard let text = uri.queryParameters.get(name), !text.isEmpty else { return value }
        guard let flag = Bool(text) else { throw Problem.badParameter(name, text, expected: "use true or false.") }
        return flag
    }

    /// A count parameter from 1 to `maximum`: `default` when absent or empty, a 400 naming it otherwise.
    func count(_ name: String, default value: Int, maximum: Int) throws(Problem) -> Int {
        guard let text = uri.queryParameters.get(name), !text.isEmpty else { return value }
        guard let number = Int(text), (1...maximum).contains(number) else {
            throw Problem.badParameter(name, text, expected: "give a number from 1 to \(maximum).")
        }
        return number
    }
}

import Foundation

/// CSV as Chainscope writes it (RFC 4180): fields with a comma, quote or line break quoted, quotes
/// doubled, records ended by CRLF.
public enum CSVRecord {
    /// One record, with its line ending.
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\r\n"
    }
}

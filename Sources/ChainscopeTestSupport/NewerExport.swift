import Foundation

/// Newer exports made from a synthetic sample, for tests of what an import of one changes.
public enum NewerExport {
    /// The sample `text` (its lines end in CRLF, one `Character` in Swift) with the company whose row holds
    /// `code` deregistered (its second column, the status, 注销) and, when `phone` is given, every phone
    /// number of its row replaced.
    public static func deregistering(_ code: String, in text: String, phone: String? = nil) -> String {
        text.components(separatedBy: "\r\n").map { line in
            guard line.contains(code) else { return line }
            let deregistered = line.replacingOccurrences(
                of: "^([^,]*),[^,]*,", with: "$1,注销,", options: .regularExpression)
            return phone.map {
                deregistered.replacingOccurrences(of: #"0571-\d{8}"#, with: $0, options: .regularExpression)
            } ?? deregistered
        }
        .joined(separator: "\r\n")
    }
}

public import ChainscopeCore

/// How `chainscope serve` runs. Flags override `CHAINSCOPE_*` environment variables, which override
/// these defaults (the command-line tool reads them; see `init(environment:)`).
public struct ServerConfiguration: Sendable {
    /// `CHAINSCOPE_HOST`: the address to listen on. Loopback by default, so nothing is exposed by accident.
    public var host = "127.0.0.1"
    /// `CHAINSCOPE_PORT`.
    public var port = 8080
    /// `CHAINSCOPE_API_TOKEN`: the bearer token writes need; without one, writes are disabled.
    public var apiToken: String?
    /// `CHAINSCOPE_UPLOAD_LIMIT_MB`: the largest export an upload may be, in MiB.
    public var uploadLimit = 512 * 1024 * 1024
    /// The dashboard's language when neither the visitor's choice nor `Accept-Language` names one.
    public var defaultLanguage = Language.ko
    /// The dataset whose figures the overview shows.
    public var datasetID = "hangzhou-ai-2022"
    /// The region the reports cover.
    public var region = "330100"

    public init() {}

    /// The defaults overridden by `CHAINSCOPE_HOST`, `CHAINSCOPE_PORT`, `CHAINSCOPE_API_TOKEN`,
    /// `CHAINSCOPE_UPLOAD_LIMIT_MB` and `CHAINSCOPE_LANG`; a value that does not parse is reported.
    public init(environment: [String: String]) throws(ServerError) {
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        if let host = value("CHAINSCOPE_HOST") { self.host = host }
        if let text = value("CHAINSCOPE_PORT") {
            guard let port = Int(text), (0...65535).contains(port) else {
                throw ServerError(.configuration, "CHAINSCOPE_PORT is '\(text)'; give a port number from 0 to 65535.")
            }
            self.port = port
        }
        apiToken = value("CHAINSCOPE_API_TOKEN")
        if let text = value("CHAINSCOPE_UPLOAD_LIMIT_MB") {
            guard let megabytes = Int(text), megabytes > 0, megabytes <= 1 << 20 else {
                throw ServerError(
                    .configuration, "CHAINSCOPE_UPLOAD_LIMIT_MB is '\(text)'; give a whole number of MiB.")
            }
            uploadLimit = megabytes * 1024 * 1024
        }
        if let text = value("CHAINSCOPE_LANG") {
            guard let language = Language(rawValue: text) else {
                throw ServerError(.configuration, "CHAINSCOPE_LANG is '\(text)'; set it to ko, zh or en.")
            }
            defaultLanguage = language
        }
    }
}

extension ServerConfiguration: CustomStringConvertible {
    /// The settings for a log line, with the API token left out.
    public var description: String {
        "host \(host), port \(port), writes \(apiToken == nil ? "disabled" : "enabled (token set)"), "
            + "upload limit \(uploadLimit / 1024 / 1024) MiB, language \(defaultLanguage.rawValue)"
    }
}

/// A failure of the server module, safe to show: it never holds the API token.
public struct ServerError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable {
        enum Kind { case configuration, cannotStart }
        let kind: Kind
        public static let configuration = Code(kind: .configuration)
        public static let cannotStart = Code(kind: .cannotStart)
    }

    public let code: Code
    public let description: String

    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}

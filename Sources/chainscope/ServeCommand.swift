import ArgumentParser
import ChainscopeCore
import ChainscopeIngest
import ChainscopeSQLite
import ChainscopeServer
import Foundation
import Hummingbird
import Logging

/// `chainscope serve`: the dashboard and JSON API over the database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the dashboard (/) and the JSON API (/api/v1) over the database.",
        discussion: """
            Reads are open; writes (uploading an export, re-classifying, editing a fact) need \
            'Authorization: Bearer TOKEN' with the token in CHAINSCOPE_API_TOKEN, and are disabled without \
            one. Phone numbers and e-mail addresses from registry exports are shown only to token holders. \
            /healthz answers when the server runs; /metrics is in Prometheus's format. Ctrl-C or SIGTERM \
            stops it after the requests and the import in progress finish.

            Environment: CHAINSCOPE_HOST, CHAINSCOPE_PORT, CHAINSCOPE_DATABASE, CHAINSCOPE_LANG (the \
            dashboard's language when the browser names none), CHAINSCOPE_API_TOKEN, \
            CHAINSCOPE_UPLOAD_LIMIT_MB (default 512), CHAINSCOPE_LOG_LEVEL (default info).

            Examples:
              chainscope serve
              chainscope serve --host 0.0.0.0 --port 8080 --database /srv/chainscope.sqlite
              CHAINSCOPE_API_TOKEN=$(openssl rand -hex 32) chainscope serve
            """)

    @Option(name: .long, help: "Address to listen on (default: CHAINSCOPE_HOST, else 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "Port (default: CHAINSCOPE_PORT, else 8080; 0 picks a free one).")
    var port: Int?

    @Option(name: .long, help: ArgumentHelp(DatabaseChoice.help))
    var database: String?

    @Option(name: .long, help: "The dashboard's default language: ko, zh or en.")
    var lang: LanguageOption?

    func run() async throws {
        try await CommandError.reporting(in: lang?.language) { () async throws(CommandError) in
            let configuration = try Configuration(database: database, language: lang?.language)
            let created = configuration.missingSQLitePath
            try await configuration.withStore(ifMissing: .create) { store throws(CommandError) in
                if let path = created {
                    // A mistyped --database, or another folder than the database's, would serve an empty dashboard.
                    let command = "chainscope import FILE --database \(path)"
                    let note = configuration.language.pick(
                        "chainscope: \(path)이(가) 없어 빈 데이터베이스로 만들었습니다. 내보낸 파일을 가져오거나"
                            + "(\(command)) 대시보드에서 올리세요.",
                        "chainscope：\(path) 不存在，已新建为空数据库；请导入一个导出文件（\(command)）或在仪表板上上传。",
                        "chainscope: \(path) did not exist and was created empty; import an export into it "
                            + "(\(command)) or upload one on the dashboard.")
                    FileHandle.standardError.write(Data((note + "\n").utf8))
                }
                try await Server(store: store, host: host, port: port, language: lang?.language).run()
            }
        }
    }
}

/// Starts the server on a store: the settings from flags over `CHAINSCOPE_*`, the built-in taxonomies,
/// the search index brought up to date, then serving until a shutdown signal.
struct Server {
    let store: any Store
    var host: String?
    var port: Int?
    var language: Language?

    func run() async throws(CommandError) {
        var settings: ServerConfiguration
        do {
            settings = try ServerConfiguration(environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CommandError(error.description, exitCode: 64)
        }
        if let host { settings.host = host }
        if let port { settings.port = port }
        if let language { settings.defaultLanguage = language }
        let taxonomies = try ["ai", "ic"].map { name throws(CommandError) in try CommandError.loading(taxonomy: name) }
        _ = try await CommandError.storing { try await store.refreshSearchIndex() }
        var logger = Logger(label: "chainscope")
        logger.logLevel =
            ProcessInfo.processInfo.environment["CHAINSCOPE_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let server = ChainscopeServer(store: store, configuration: settings, taxonomies: taxonomies, logger: logger)
        let host = settings.host
        let app = server.application { port in
            let url = "http://\(host):\(port)/"
            FileHandle.standardOutput.write(
                Data("Chainscope is serving \(url) (API: \(url)api/v1/openapi.json)\n".utf8))
        }
        do {
            try await app.runService()
        } catch {
            throw CommandError(
                ko: "서버가 멈췄습니다: \(error)\n포트가 이미 쓰이고 있다면 --port로 다른 포트를 지정하세요.",
                zh: "服务器已停止：\(error)\n如果端口已被占用，请用 --port 指定其他端口。",
                en: "The server stopped: \(error)\nIf the port is taken, pass another with --port.", exitCode: 70)
        }
    }
}

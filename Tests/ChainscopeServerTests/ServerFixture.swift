import ChainscopeCore
import ChainscopeIngest
import ChainscopeSQLite
import ChainscopeServer
import ChainscopeTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// A server over a store (by default a new in-memory SQLite one) holding the built-in dataset and a
/// classified 300-row synthetic registry, with the API token `token`.
struct ServerFixture {
    static let token = "test-token-5f0c"
    let store: any Store
    let server: ChainscopeServer

    init(store: (any Store)? = nil, token: String? = Self.token, uploadLimit: Int = 1 << 20) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try store ?? SQLiteStore()
        self.store = store
        let regions = try RegionTableReader().readBuiltin()
        try await store.install(regions)
        try await store.install(try DatasetReader().readBuiltin("hangzhou-ai-2022"))
        let file = folder.url.appendingPathComponent("hangzhou-sample-synthetic.csv")
        _ = try SampleWriter(generator: SampleGenerator(seed: 5, regions: regions)).write(rows: 300, to: file)
        var options = RegistryImportOptions(snapshotDate: CalendarDate(year: 2022, month: 10, day: 31))
        let ai = try TaxonomyReader().read(named: "ai")
        options.classifier = Classifier(ai)
        _ = try await RegistryImporter(regions: regions).run(file, options: options, into: store)
        _ = try await store.refreshSearchIndex()
        var configuration = ServerConfiguration()
        configuration.apiToken = token
        configuration.uploadLimit = uploadLimit
        server = ChainscopeServer(
            store: store, configuration: configuration,
            taxonomies: [ai, try TaxonomyReader().read(named: "ic")], logger: Logger(label: "test"))
    }

    /// Imports a newer export of the fixture's registry, taken on 2022-11-30, in which the company with the
    /// credit code `code` is deregistered and has another phone number.
    func importNewerExport(changing code: String) async throws {
        let result = try await importSample(named: "hangzhou-sample-newer.csv", on: 30) {
            NewerExport.deregistering(code, in: $0, phone: "0571-99990000")
        }
        try #require(result.counts.updated == 1)
    }

    /// Imports the fixture's registry, as `edit` changes its text, taken on `day` of November 2022.
    func importSample(
        named name: String, on day: Int, edit: (String) -> String = { $0 }
    ) async throws -> RegistryImport {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let regions = try RegionTableReader().readBuiltin()
        let file = folder.url.appendingPathComponent(name)
        _ = try SampleWriter(generator: SampleGenerator(seed: 5, regions: regions)).write(rows: 300, to: file)
        try edit(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        var options = RegistryImportOptions(snapshotDate: CalendarDate(year: 2022, month: 11, day: day))
        options.classifier = Classifier(try TaxonomyReader().read(named: "ai"))
        return try await RegistryImporter(regions: regions).run(file, options: options, into: store).import
    }

    /// Runs `body` against the application in process.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await server.application().test(.router) { client in try await body(client) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func jsonList() throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }
}

extension HTTPFields {
    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }
}

/// Percent-encodes a query value or path segment as a browser sends it: plain ASCII.
func encoded(_ text: String) -> String {
    text.addingPercentEncoding(
        withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789")) ?? text
}

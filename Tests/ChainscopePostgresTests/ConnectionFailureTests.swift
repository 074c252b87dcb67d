import ChainscopeCore
import NIOCore
import NIOPosix
import Testing

@testable import ChainscopePostgres

@Suite("Why no connection to PostgreSQL was made")
struct ConnectionFailureTests {
    @Test("A connect timeout says how long the server did not answer and what to check; other errors are left")
    func timeout() {
        #expect(
            PostgresStore.connectionFailure(ChannelError.connectTimeout(.seconds(10)))
                == "no answer from the server in 10 s; check the URL's host and port, and that no firewall drops "
                + "the connection")
        #expect(
            PostgresStore.connectionFailure(ChannelError.connectTimeout(.milliseconds(2_500)))?.contains("2.5 s")
                == true)
        #expect(PostgresStore.connectionFailure(ChannelError.alreadyClosed) == nil)
    }

    @Test(
        "A port whose listener closes the connection unanswered is said to be no PostgreSQL server's",
        arguments: ["disable", "prefer"])
    func closedUnanswered(sslMode: String) async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in channel.close() }
            .bind(host: "127.0.0.1", port: 0).get()
        defer { server.close(promise: nil) }
        let port = try #require(server.localAddress?.port)
        let location = try PostgresLocation(url: "postgres://user:secret@127.0.0.1:\(port)/db?sslmode=\(sslMode)")
        let error = await #expect(throws: StoreError.self) {
            try await PostgresStore.withRunning(location) { _ in }
        }
        #expect(error?.code == .cannotOpen)
        #expect(
            error?.detail
                == "the server closed the connection before it answered; check that the URL's host and port are a "
                + "PostgreSQL server's, not another service's or a proxy's")
        #expect(error.map { !"\($0)".contains("secret") } == true)
    }
}

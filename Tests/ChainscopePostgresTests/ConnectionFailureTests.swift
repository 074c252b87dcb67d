import NIOCore
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
}

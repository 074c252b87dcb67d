import ChainscopeTestSupport
import Foundation
import GRDB
import Testing

@Suite("chainscope db and PostgreSQL databases", .serialized)
struct DatabaseCommandTests {
    static let postgresURL = TestPostgres.url

    @Test("db status lists pending migrations without applying them; db migrate applies them once")
    func sqliteMigrations() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainscope-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("d.sqlite").path
        let before = try CommandRun(["db", "status", "--database", database, "--json"])
        #expect(before.status == 0, "\(before.errors)")
        let status = try JSONSerialization.jsonObject(with: Data(before.output.utf8)) as? [String: Any]
        #expect((status?["applied"] as? [String]) == [])
        #expect((status?["pending"] as? [String])?.last == "v17-quarantine-in-sheet-order")
        #expect(!FileManager.default.fileExists(atPath: database))
        let migrate = try CommandRun(["db", "migrate", "--database", database, "--lang", "en"])
        #expect(migrate.status == 0 && migrate.output.contains("Newly applied: v1-datasets-and-regions"))
        let again = try CommandRun(["db", "migrate", "--database", database, "--lang", "en"])
        #expect(again.output.contains("Newly applied: none"))
        let after = try CommandRun(["db", "status", "--database", database, "--lang", "en"])
        #expect(after.output.hasPrefix("Database: \(database)\nApplied:  v1-datasets-and-regions, "))
        #expect(after.output.hasSuffix("\nPending:  none\n"), "\(after.output)")
        // In the user's language, labels aligned by terminal columns (a Hangul or Han character takes two).
        let korean = try CommandRun(["db", "status", "--database", database])
        #expect(korean.output.hasPrefix("데이터베이스: \(database)\n적용됨:       v1-"), "\(korean.output)")
        #expect(korean.output.hasSuffix("\n적용할 것:    없음\n"), "\(korean.output)")
        let chinese = try CommandRun(["db", "status", "--database", database], environment: ["CHAINSCOPE_LANG": "zh"])
        #expect(chinese.output.hasSuffix("\n待应用： 无\n"), "\(chinese.output)")
    }

    @Test("Commands that read a database refuse a path with no file and create none; report uses its own dataset")
    func missingDatabase() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = folder.url.appendingPathComponent("typo.sqlite").path
        let labels = folder.url.appendingPathComponent("labels.csv").path
        try "credit_code,is_ai,layer,segments\n91330106000002372W,0,,\n".write(
            toFile: labels, atomically: true, encoding: .utf8)
        for command in [
            ["explain", "91330106000002372W"], ["changes"], ["quarantine", "list"], ["quarantine", "export"],
            ["classify"], ["taxonomy", "diff", "ai", "ai"], ["evaluate", "--labels", labels],
        ] {
            // Not every command has --lang; the environment gives them all the language.
            let run = try CommandRun(command + ["--database", database], environment: ["CHAINSCOPE_LANG": "en"])
            #expect(run.status == 66, "\(command) \(run.errors)")
            #expect(run.errors.contains("No database at \(database): the file does not exist."), "\(run.errors)")
            #expect(!FileManager.default.fileExists(atPath: database), "\(command)")
        }
        let report = try CommandRun(["report", "--database", database, "--lang", "en"])
        #expect(report.status == 0 && report.output.contains("**R1**"), "\(report.errors)")
        #expect(report.errors.hasPrefix("note: no database at \(database): the report holds the built-in dataset only"))
        #expect(report.output.contains("No registry imported yet: chainscope import FILE"), "\(report.output)")
        #expect(!FileManager.default.fileExists(atPath: database))
        // An import of nothing that can be read (a mistyped file name) creates no database either.
        let missing = try CommandRun(["import", database + ".csv", "--database", database, "--lang", "en"])
        #expect(missing.status == 65 && missing.errors.contains("found no such file"), "\(missing.errors)")
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test("serve creates a database that is not there, saying it is new and how to fill it")
    func serveNewDatabase() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = folder.url.appendingPathComponent("new.sqlite").path
        let process = Process()
        process.executableURL = CommandRun.binary
        process.arguments = ["serve", "--database", database, "--port", "0"]
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CHAINSCOPE_") }
        let (output, errors) = (Pipe(), Pipe())
        (process.standardOutput, process.standardError) = (output, errors)
        try process.run()
        // Until the server says where it serves (or its output ends, if it did not start).
        var said = Data()
        while !String(decoding: said, as: UTF8.self).contains("Chainscope is serving") {
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { break }
            said.append(more)
        }
        process.terminate()
        process.waitUntilExit()
        let note = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(String(decoding: said, as: UTF8.self).contains("Chainscope is serving http://127.0.0.1:"))
        #expect(note.contains("\(database)이(가) 없어 빈 데이터베이스로 만들었습니다"), "\(note)")
        #expect(FileManager.default.fileExists(atPath: database))
    }

    @Test("A SQLite file given as sqlite:PATH or sqlite:///PATH is that file; another URL is refused, unechoed")
    func databaseURLs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (text, file) in [
            ("sqlite:\(folder.path("a.sqlite"))", "a.sqlite"), ("sqlite:///\(folder.path("b.sqlite"))", "b.sqlite"),
        ] {
            let run = try CommandRun(["db", "migrate", "--lang", "en", "--database", text])
            #expect(run.status == 0 && run.output.hasPrefix("Database:      \(folder.path(file))\n"), "\(run.errors)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        #expect(files == ["a.sqlite", "b.sqlite"])
        for (text, said) in [
            ("sqlite://h/x", "database sqlite:…: name the SQLite file by its path"),
            ("mysql://root:s3cret@h/db", "database mysql://…: Chainscope stores into a SQLite file"),
        ] {
            let run = try CommandRun(["db", "status", "--lang", "en", "--database", text])
            #expect(run.status == 64 && run.errors.contains(said) && !run.errors.contains("s3cret"), "\(run.errors)")
        }
    }

    @Test("A database another process holds for itself: a command waits for it, then exits 75 saying to run again")
    func busyDatabase() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = folder.path("d.sqlite")
        #expect(try CommandRun(["db", "migrate", "--database", database]).status == 0)
        // Held as the first import into a file holds it: through a rollback journal, locked for writing, so that
        // no other connection can read it (in WAL mode readers never wait).
        var configuration = GRDB.Configuration()
        configuration.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: database, configuration: configuration)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "BEGIN EXCLUSIVE")
        }
        let status = try CommandRun(["db", "status", "--database", database])
        try holder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        #expect(status.status == 75, "\(status.errors)")
        #expect(status.errors.contains("the database is busy") && status.errors.contains("run the command again"))
        let after = try CommandRun(["db", "status", "--database", database, "--lang", "en"])
        #expect(after.status == 0 && after.output.contains("Pending:  none"), "\(after.errors)")
    }

    @Test("A PostgreSQL URL that reaches no server says what to check (port or host), without its password")
    func unreachableServer() throws {
        // Nothing listens on port 1 of the loopback address, and the .invalid domain never resolves (RFC 2606).
        let cases = [
            (
                "127.0.0.1:1",
                "nothing accepts connections at 127.0.0.1 port 1 (connection refused); start the PostgreSQL"
            ),
            (
                "nosuchhost.invalid:5432",
                "the host nosuchhost.invalid is not known (no address for it); correct the URL"
            ),
        ]
        for (place, reason) in cases {
            let run = try CommandRun(["db", "status", "--database", "postgres://analyst:pw-4711@\(place)/chainscope"])
            #expect(run.status == 74 && run.errors.contains(reason), "\(run.errors)")
            #expect(!run.errors.contains("pw-4711") && run.errors.contains("analyst:***@"))
        }
    }

    @Test(
        "The demo, a report and db status run on PostgreSQL, print what SQLite prints, and never the password",
        .enabled(if: postgresURL != nil, Comment(rawValue: TestPostgres.missingServer)))
    func postgres() throws {
        let url = try #require(Self.postgresURL)
        let password = try #require(URLComponents(string: url)?.password)
        let environment = ["CHAINSCOPE_DATABASE_URL": url]
        let demo = try CommandRun(["demo", "--lang", "en"], environment: environment)
        #expect(demo.status == 0, "\(demo.errors)")
        #expect(demo.output.contains("606 of 1,989 classified companies are in the AI industry chain"))
        let report = try CommandRun(["report", "--lang", "en", "--format", "md"], environment: environment)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainscope-db-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.path + ".sqlite"
        defer { try? FileManager.default.removeItem(atPath: database) }
        _ = try CommandRun(["demo", "--lang", "en", "--database", database])
        let sqliteReport = try CommandRun(["report", "--lang", "en", "--format", "md", "--database", database])
        #expect(report.status == 0 && report.output == sqliteReport.output)
        let status = try CommandRun(["db", "status", "--lang", "en"], environment: environment)
        #expect(status.output.contains("Pending:  none") && status.output.contains(":***@127.0.0.1:"))
        let wrong = url.replacingOccurrences(of: password, with: "not-\(password)")
        let refused = try CommandRun(["db", "status", "--database", wrong])
        #expect(refused.status == 74 && refused.errors.contains("password authentication failed"))
        for run in [demo, report, status, refused] {
            #expect(!(run.output + run.errors).contains(password))
        }
        for command in [
            "", "import", "serve", "report", "db", "db status", "demo", "classify", "explain", "quarantine list",
        ] {
            let help = try CommandRun(
                command.split(separator: " ").map(String.init) + ["--help"], environment: environment)
            #expect(help.status == 0 && help.output.contains("USAGE"), "\(command)")
            #expect(!(help.output + help.errors).contains(password), "\(command) --help")
        }
    }
}

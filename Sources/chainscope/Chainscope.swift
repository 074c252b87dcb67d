import ArgumentParser

/// The `chainscope` command-line tool.
@main
struct Chainscope: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chainscope",
        abstract:
            "Regional industry-chain intelligence: who is in an industry's value chain, and where every figure comes from.",
        discussion: """
            Examples:
              chainscope demo              Hangzhou's AI industry, 2022, in Korean
              chainscope demo --lang en    the same overview in English
              chainscope demo --lang zh    ... and in Chinese
              chainscope import export.csv import a registry export and classify it
              chainscope quarantine list   the rows that could not be stored, and why
              chainscope explain CODE      why a company is in the AI chain, or not
              chainscope evaluate --labels labels.csv
                                           accuracy against labelled companies
              chainscope demo --serve      the dashboard at http://127.0.0.1:8080/
              chainscope db status --database postgres://user@host/db
                                           the schema of a PostgreSQL (or SQLite) database

            Flags override CHAINSCOPE_* environment variables, which override defaults:
              CHAINSCOPE_DATABASE_URL  a PostgreSQL database,
                                       postgres://user:password@host:port/database
                                       (without a password: PGPASSWORD, else ~/.pgpass)
              CHAINSCOPE_DATABASE      SQLite file (default ./chainscope.sqlite)
              CHAINSCOPE_LANG          ko, zh or en (default ko)
            """,
        version: "chainscope \(version)",
        subcommands: [
            DemoCommand.self, ImportCommand.self, ClassifyCommand.self, ExplainCommand.self, EvaluateCommand.self,
            TaxonomyCommand.self, ScanCommand.self, QuarantineCommand.self, ChangesCommand.self, SampleCommand.self,
            ReportCommand.self, ServeCommand.self, DatabaseCommand.self,
        ]
    )

    /// This build's version, as `chainscope --version` prints it: quote it in a bug report.
    static let version = "0.1.0"
}

import ChainscopeCore
import PostgresNIO

/// Every schema change of the PostgreSQL store, in order, named like SQLite's. A migration, once
/// released, is never edited. Company rows and everything keyed on a company carry `province`: the
/// registering province, characters 3–4 of the credit code (see `CompanyKey.province`). The company
/// table is partitioned on it, and it is part of every primary, unique and foreign key of the company
/// tables, as partitioned tables require and as Citus needs to distribute them together.
extension PostgresStore {
    static let migrations: [(name: String, sql: [String])] = [
        ("v1-datasets-and-regions", datasetAndRegionTables),
        ("v2-companies-by-province", companyTables),
        ("v3-registry-imports", importTables),
        ("v4-classifications", classificationTables),
        ("v5-company-search", searchIndexes),
        ("v6-keys-led-by-company-key", keysLedByCompanyKey),
        ("v7-grams-within-words", gramsWithinWords),
        ("v8-raw-headers", rawHeaders),
        // The companies an import changed, in the order of their rows, for the import's page.
        ("v9-history-by-import", ["CREATE INDEX company_history_by_import ON company_history (import_id, row, id)"]),
        // The same content read another way (a mapping, the export's real day) is an import of its own
        // (`ImportRequest.isAnswered`).
        (
            "v10-imports-by-reading",
            [
                "ALTER TABLE registry_import ADD COLUMN reading text NOT NULL DEFAULT ''",
                "ALTER TABLE registry_import DROP CONSTRAINT registry_import_sha256_key",
                "CREATE INDEX registry_import_by_sha256 ON registry_import (sha256)",
            ]
        ),
        // A quarantined row's reason and an import's warnings as codes with their values, so that they read in
        // each language.
        (
            "v11-reasons-and-warnings-as-codes",
            [
                "ALTER TABLE quarantine ADD COLUMN reason_detail text",
                "ALTER TABLE registry_import ADD COLUMN warning_details text",
            ]
        ),
        // Rows of an export taken before one already imported leave their companies' newer facts as they are.
        ("v12-older-exports", ["ALTER TABLE registry_import ADD COLUMN older integer NOT NULL DEFAULT 0"]),
        // What such a row would have changed is kept in the history, marked as not applied.
        ("v13-unapplied-changes", ["ALTER TABLE company_history ADD COLUMN is_applied boolean NOT NULL DEFAULT true"]),
        // A workbook's quarantined rows are listed in the order of its sheets, by each row's sheet number (0 for a
        // file without sheets), where they were listed by sheet name. Rows quarantined before keep that order:
        // their sheets are numbered by name, the workbook's order being unknown.
        ("v14-quarantine-in-sheet-order", quarantineInSheetOrder),
    ]

    /// The two-character province codes of GB/T 2260, each a partition; other codes (national registers
    /// such as `10`, odd old numbers) land in the default partition.
    static let provinces = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
        "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    ]

    /// Datasets, sources and regions are small reference data, stored as JSON documents of their domain
    /// types (Citus keeps them on the coordinator as reference tables).
    private static let datasetAndRegionTables = [
        "CREATE TABLE dataset (id text COLLATE \"C\" PRIMARY KEY, body text NOT NULL)",
        "CREATE TABLE region (code text COLLATE \"C\" PRIMARY KEY CHECK (length(code) = 6), body text NOT NULL)",
        """
        CREATE TABLE street (code text COLLATE "C" PRIMARY KEY, name text NOT NULL,
            county text NOT NULL REFERENCES region(code) ON DELETE CASCADE)
        """,
        "CREATE TABLE region_change (position integer PRIMARY KEY, body text NOT NULL)",
    ]

    /// Text columns hold what SQLite's hold, as text, so both stores compare and order values alike.
    private static let companyTables =
        [
            "CREATE SEQUENCE company_position",
            """
            CREATE TABLE company (
                province text COLLATE "C" NOT NULL CHECK (province ~ '^[0-9A-Z]{2}$'),
                key text COLLATE "C" NOT NULL,
                position bigint NOT NULL DEFAULT nextval('company_position'),
                name_zh text COLLATE "C", name_ko text COLLATE "C", name_en text COLLATE "C",
                credit_code text, registration_number text, kind text NOT NULL, status text,
                founded text COLLATE "C", capital_amount text, capital_currency text, capital_text text,
                region text COLLATE "C", address text, business_scope text, industry_code text, industry_name text,
                raw text, notes text NOT NULL, provenance_kind text NOT NULL, provenance_collection text NOT NULL,
                provenance_file text NOT NULL, provenance_line integer,
                search_names text NOT NULL, grams text[] NOT NULL,
                PRIMARY KEY (province, key),
                CHECK ((capital_amount IS NULL) = (capital_currency IS NULL)),
                CHECK (credit_code IS NULL OR key = 'uscc:' || credit_code)
            ) PARTITION BY LIST (province)
            """,
        ] + provinces.map { "CREATE TABLE company_p\($0) PARTITION OF company FOR VALUES IN ('\($0)')" } + [
            "CREATE TABLE company_other PARTITION OF company DEFAULT",
            "CREATE INDEX company_by_position ON company (position)",
            "CREATE INDEX company_by_key ON company (key)",
            "CREATE INDEX company_by_dataset ON company (provenance_collection) WHERE provenance_kind = 'dataset'",
        ]

    /// Imports are few and stay on the coordinator; what an import wrote per company is keyed on the
    /// company's province too.
    private static let importTables = [
        """
        CREATE TABLE registry_import (
            id bigint PRIMARY KEY, file text NOT NULL, sha256 text NOT NULL UNIQUE, format text NOT NULL,
            encoding text, snapshot_date text NOT NULL, rows_read integer NOT NULL, inserted integer NOT NULL,
            updated integer NOT NULL, unchanged integer NOT NULL, quarantined integer NOT NULL,
            duplicates integer NOT NULL, warnings text NOT NULL)
        """,
        """
        CREATE TABLE import_key (
            province text COLLATE "C" NOT NULL, import_id bigint NOT NULL REFERENCES registry_import(id) ON DELETE CASCADE,
            key text COLLATE "C" NOT NULL, row integer,
            PRIMARY KEY (province, import_id, key))
        """,
        """
        CREATE TABLE quarantine (
            import_id bigint NOT NULL REFERENCES registry_import(id) ON DELETE CASCADE,
            row integer NOT NULL, line integer, sheet text COLLATE "C", "column" text, value text,
            reason text NOT NULL, raw text NOT NULL,
            UNIQUE NULLS NOT DISTINCT (import_id, sheet, row))
        """,
        """
        CREATE TABLE company_history (
            province text COLLATE "C" NOT NULL, id bigint GENERATED ALWAYS AS IDENTITY,
            key text COLLATE "C" NOT NULL, import_id bigint NOT NULL REFERENCES registry_import(id) ON DELETE CASCADE,
            row integer, changes text NOT NULL,
            PRIMARY KEY (province, id),
            FOREIGN KEY (province, key) REFERENCES company (province, key) ON DELETE CASCADE)
        """,
        "CREATE INDEX company_history_by_key ON company_history (province, key, id)",
    ]

    /// One classification per company and taxonomy; one row per scored segment, with the company's counting
    /// facts, so indicators read one compact table (as in SQLite's v5). Neither has a foreign key to its
    /// company: checking one takes a key-share lock on the company row, a write to its page, and made a
    /// 100,000-row import 1.6 times slower (23.1 s against 14.3 s). The store writes them only for companies
    /// it has just written, and deletes them with their company (`install(_: Dataset)`).
    private static let classificationTables = [
        """
        CREATE TABLE classification (
            province text COLLATE "C" NOT NULL, taxonomy text COLLATE "C" NOT NULL,
            company_key text COLLATE "C" NOT NULL, taxonomy_version integer NOT NULL,
            taxonomy_digest text NOT NULL, is_member boolean NOT NULL, main_layer text COLLATE "C",
            confidence double precision NOT NULL, score double precision NOT NULL,
            segments text NOT NULL, evidence text NOT NULL,
            PRIMARY KEY (province, taxonomy, company_key))
        """,
        "CREATE INDEX classification_by_key ON classification (taxonomy, company_key)",
        """
        CREATE TABLE company_segment (
            province text COLLATE "C" NOT NULL, taxonomy text COLLATE "C" NOT NULL,
            company_key text COLLATE "C" NOT NULL, segment text COLLATE "C" NOT NULL, layer text COLLATE "C" NOT NULL,
            score double precision NOT NULL, is_main boolean NOT NULL, is_member boolean NOT NULL,
            founded text, region text COLLATE "C", status text COLLATE "C", capital_amount text,
            capital_currency text COLLATE "C",
            PRIMARY KEY (province, taxonomy, company_key, segment))
        """,
        """
        CREATE INDEX company_segment_by_score
            ON company_segment (taxonomy, segment, is_member, score DESC, company_key)
        """,
    ]

    /// Names of three or more characters are found through pg_trgm; shorter ones (芯, 智能), which a
    /// trigram index cannot answer, through a GIN index on each company's characters and character pairs
    /// (`SearchGrams`), as SQLite's side table does. Both are kept up to date as companies are written.
    private static let searchIndexes = [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE INDEX company_search_trigram ON company USING gin (search_names gin_trgm_ops)",
        "CREATE INDEX company_search_grams ON company USING gin (grams)",
    ]

    /// Fewer indexes for an import to fill (a million-row import's server process spent over half its time
    /// inserting index entries). The company and classification keys lead with the company's key, province
    /// last: equal lookups use them as before, and they now give key order too, which the separate key
    /// indexes were there for. Import keys lose their foreign key to their import: checking it ran a query
    /// per company (9% of the server's time), and only an import writes them, in its own transaction, after
    /// its row; no import is ever deleted.
    private static let keysLedByCompanyKey = [
        "ALTER TABLE import_key DROP CONSTRAINT import_key_import_id_fkey",
        "ALTER TABLE company_history DROP CONSTRAINT company_history_province_key_fkey",
        "ALTER TABLE company DROP CONSTRAINT company_pkey, ADD PRIMARY KEY (key, province)",
        """
        ALTER TABLE company_history ADD FOREIGN KEY (province, key) REFERENCES company (province, key)
            ON DELETE CASCADE
        """,
        "DROP INDEX company_by_key",
        "ALTER TABLE classification DROP CONSTRAINT classification_pkey, ADD PRIMARY KEY (taxonomy, company_key, province)",
        "DROP INDEX classification_by_key",
    ]

    /// Short-query grams once paired characters across white space ("Ant Group" gave "tg"), which no scan
    /// of the names finds. A pair is now in a name's grams exactly when it is in the name's lower-cased
    /// text, which `search_names` holds, so the grams that are not are dropped, in the order they were.
    private static let gramsWithinWords = [
        """
        UPDATE company SET grams = ARRAY(
                SELECT g.gram FROM unnest(grams) WITH ORDINALITY AS g(gram, n)
                WHERE strpos(search_names, g.gram) > 0 ORDER BY g.n)
            WHERE EXISTS (SELECT 1 FROM unnest(grams) AS g(gram) WHERE strpos(search_names, g.gram) = 0)
        """
    ]

    /// Migration v14: the quarantine keyed on (import, sheet number, row); sheets of rows quarantined before are
    /// numbered in the order of their names.
    private static let quarantineInSheetOrder = [
        "ALTER TABLE quarantine ADD COLUMN sheet_number integer NOT NULL DEFAULT 0",
        """
        UPDATE quarantine q SET sheet_number = numbered.number
        FROM (SELECT import_id, sheet, dense_rank() OVER (PARTITION BY import_id ORDER BY sheet) AS number
            FROM quarantine WHERE sheet IS NOT NULL GROUP BY import_id, sheet) AS numbered
        WHERE q.import_id = numbered.import_id AND q.sheet = numbered.sheet
        """,
        "ALTER TABLE quarantine ALTER COLUMN sheet_number DROP DEFAULT",
        "ALTER TABLE quarantine DROP CONSTRAINT quarantine_import_id_sheet_row_key",
        "ALTER TABLE quarantine ADD PRIMARY KEY (import_id, sheet_number, row)",
    ]

    /// Each header of raw rows once (`RawHeader`), where every raw row repeated its keys: more than half of
    /// the raw rows' text. Rows stored before keep their keys, and read as before.
    private static let rawHeaders = [
        "CREATE TABLE raw_header (digest text COLLATE \"C\" PRIMARY KEY, keys text NOT NULL)"
    ]
}

extension PostgresStore {
    /// Applies the migrations this database lacks, in one transaction, holding an advisory lock so that
    /// two processes never migrate at once; returns the names applied.
    @discardableResult
    public func migrate() async throws -> [String] { try await migrate(through: nil) }

    /// Applies the migrations this database lacks up to the one named `last` (all when nil), so tests can build
    /// the schema a release left behind.
    @discardableResult
    func migrate(through last: String?) async throws -> [String] {
        var wanted = Self.migrations[...]
        if let last {
            guard let index = Self.migrations.firstIndex(where: { $0.name == last }) else {
                preconditionFailure("no migration is named \(last)")
            }
            wanted = Self.migrations[...index]
        }
        do {
            return try await withTransaction { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(2022330100)", logger: self.logger)
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                    logger: self.logger)
                let applied = try await Self.appliedNames(connection, logger: self.logger)
                var names: [String] = []
                for migration in wanted where !applied.contains(migration.name) {
                    for statement in migration.sql {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
                    }
                    try await connection.query(
                        "INSERT INTO schema_migration (name) VALUES (\(migration.name))", logger: self.logger)
                    names.append(migration.name)
                }
                return names
            }
        } catch let error as StoreError {
            throw StoreError(.migrationFailed, location: error.location, detail: error.detail, underlying: error)
        }
    }

    /// The migrations applied to this database and those still to apply, in order.
    public func migrationStatus() async throws -> (applied: [String], pending: [String]) {
        let applied = try await withConnection(.readFailed) { connection in
            let exists =
                try await connection.query(
                    "SELECT to_regclass('schema_migration') IS NOT NULL", logger: self.logger
                ).collect().first?.decode(Bool.self) ?? false
            return exists ? try await Self.appliedNames(connection, logger: self.logger) : []
        }
        let known = Self.migrations.map(\.name)
        return (known.filter(applied.contains), known.filter { !applied.contains($0) })
    }

    /// The names of the migrations applied to this database, oldest first.
    public func appliedMigrations() async throws -> [String] { try await migrationStatus().applied }

    private static func appliedNames(_ connection: PostgresConnection, logger: Logger) async throws -> [String] {
        var names: [String] = []
        for try await name in try await connection.query(
            "SELECT name FROM schema_migration ORDER BY name", logger: logger
        ).decode(String.self) {
            names.append(name)
        }
        return names
    }
}

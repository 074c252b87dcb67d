import ChainscopeCore
import GRDB

/// Every schema change of the SQLite store, in order. A migration, once released, is never edited.
extension SQLiteStore {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-datasets-and-regions") { db in
            try createDatasetTables(db)
            try createRegionTables(db)
            try createCompanyTable(db)
        }
        migrator.registerMigration("v2-registry-imports") { db in
            try createImportTables(db)
        }
        migrator.registerMigration("v3-classifications") { db in
            try createClassificationTables(db)
        }
        migrator.registerMigration("v4-indicator-indexes") { db in
            try createIndicatorIndexes(db)
        }
        migrator.registerMigration("v5-member-facts") { db in
            try addMemberFacts(db)
        }
        migrator.registerMigration("v6-company-keyed-once") { db in
            try keyCompaniesOnce(db)
        }
        migrator.registerMigration("v7-company-indexes-that-are-read") { db in
            try indexCompaniesThatAreRead(db)
        }
        migrator.registerMigration("v8-company-search") { db in
            try createSearchTables(db)
        }
        migrator.registerMigration("v9-short-queries-in-full-text") { db in
            try indexShortQueriesInFullText(db)
        }
        migrator.registerMigration("v10-raw-headers") { db in
            try RawHeaderCatalog.createTable(db)
        }
        // The companies an import changed, in the order of their rows, for the import's page.
        migrator.registerMigration("v11-history-by-import") { db in
            try db.execute(sql: "CREATE INDEX company_history_by_import ON company_history(import_id, row, id)")
        }
        migrator.registerMigration("v12-imports-by-reading") { db in
            try identifyImportsByReading(db)
        }
        // A quarantined row's reason and an import's warnings as codes with their values, so that they read in
        // each language.
        migrator.registerMigration("v13-reasons-and-warnings-as-codes") { db in
            try db.execute(sql: "ALTER TABLE quarantine ADD COLUMN reason_detail TEXT")
            try db.execute(sql: "ALTER TABLE registry_import ADD COLUMN warning_details TEXT")
        }
        // Rows of an export taken before one already imported leave their companies' newer facts as they are.
        migrator.registerMigration("v14-older-exports") { db in
            try db.execute(sql: "ALTER TABLE registry_import ADD COLUMN older INTEGER NOT NULL DEFAULT 0")
        }
        // What such a row would have changed is kept in the history, marked as not applied.
        migrator.registerMigration("v15-unapplied-changes") { db in
            try db.execute(sql: "ALTER TABLE company_history ADD COLUMN is_applied INTEGER NOT NULL DEFAULT 1")
        }
        migrator.registerMigration("v16-search-entries-flushed-in-larger-runs") { db in
            try flushSearchEntriesInLargerRuns(db)
        }
        migrator.registerMigration("v17-quarantine-in-sheet-order") { db in
            try orderQuarantineBySheetNumber(db)
        }
        return migrator
    }

    private static func createDatasetTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE dataset (
                    id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL, title TEXT NOT NULL,
                    region TEXT NOT NULL, industry TEXT NOT NULL, is_synthetic INTEGER NOT NULL, year INTEGER NOT NULL,
                    value_chain TEXT, application_domains TEXT);
                CREATE TABLE source (
                    dataset_id TEXT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, id TEXT NOT NULL,
                    position INTEGER NOT NULL, publisher TEXT NOT NULL, author TEXT, title TEXT, url TEXT, date TEXT,
                    language TEXT, note TEXT, provenance_file TEXT NOT NULL, provenance_line INTEGER,
                    PRIMARY KEY (dataset_id, id));
                CREATE TABLE fact (
                    dataset_id TEXT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, id TEXT NOT NULL,
                    position INTEGER NOT NULL, reference TEXT, subject TEXT NOT NULL, measure TEXT NOT NULL, topic TEXT NOT NULL,
                    label TEXT NOT NULL, period TEXT NOT NULL, region TEXT NOT NULL,
                    value_kind TEXT NOT NULL CHECK (value_kind IN ('number', 'rank', 'exceeds')),
                    value_number TEXT, rank_position INTEGER, rank_after TEXT, exceeds_period TEXT,
                    unit TEXT NOT NULL, qualifier TEXT NOT NULL, source_id TEXT NOT NULL, via TEXT NOT NULL,
                    derived_formula TEXT, derived_rounding_unit TEXT,
                    provenance_file TEXT NOT NULL, provenance_line INTEGER,
                    PRIMARY KEY (dataset_id, id),
                    FOREIGN KEY (dataset_id, source_id) REFERENCES source(dataset_id, id));
                CREATE INDEX fact_by_reference ON fact(reference);
                CREATE INDEX fact_by_measure ON fact(subject, measure, region);
                CREATE TABLE item (
                    dataset_id TEXT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN ('park', 'programme', 'policy', 'statement')),
                    id TEXT NOT NULL, position INTEGER NOT NULL, names TEXT NOT NULL, region TEXT,
                    body TEXT NOT NULL, source_id TEXT NOT NULL, via TEXT NOT NULL,
                    provenance_file TEXT NOT NULL, provenance_line INTEGER,
                    PRIMARY KEY (dataset_id, kind, id),
                    FOREIGN KEY (dataset_id, source_id) REFERENCES source(dataset_id, id));
                """)
    }

    private static func createRegionTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE region (
                    code TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 6), name_zh TEXT, name_ko TEXT, name_en TEXT,
                    level TEXT NOT NULL, parent TEXT, valid_from TEXT, valid_to TEXT, is_current INTEGER NOT NULL,
                    provenance_file TEXT NOT NULL, provenance_line INTEGER);
                CREATE INDEX region_by_name ON region(name_zh);
                CREATE INDEX region_by_parent ON region(parent);
                CREATE TABLE street (
                    code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL,
                    county TEXT NOT NULL REFERENCES region(code) ON DELETE CASCADE);
                CREATE INDEX street_by_county ON street(county);
                CREATE TABLE region_change (
                    position INTEGER PRIMARY KEY NOT NULL,
                    region TEXT NOT NULL REFERENCES region(code) ON DELETE CASCADE,
                    kind TEXT NOT NULL, date TEXT NOT NULL, successors TEXT NOT NULL, note TEXT);
                """)
    }

    private static func createImportTables(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE company ADD COLUMN industry_name TEXT;
                ALTER TABLE company ADD COLUMN raw TEXT;
                CREATE INDEX company_by_region ON company(region);
                CREATE INDEX company_by_founded ON company(founded);
                CREATE TABLE registry_import (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, file TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,
                    format TEXT NOT NULL, encoding TEXT, snapshot_date TEXT NOT NULL,
                    rows_read INTEGER NOT NULL, inserted INTEGER NOT NULL, updated INTEGER NOT NULL,
                    unchanged INTEGER NOT NULL, quarantined INTEGER NOT NULL, duplicates INTEGER NOT NULL,
                    warnings TEXT NOT NULL);
                CREATE TABLE import_key (
                    import_id INTEGER NOT NULL REFERENCES registry_import(id) ON DELETE CASCADE,
                    key TEXT NOT NULL, row INTEGER NOT NULL,
                    PRIMARY KEY (import_id, key)) WITHOUT ROWID;
                CREATE TABLE quarantine (
                    import_id INTEGER NOT NULL REFERENCES registry_import(id) ON DELETE CASCADE,
                    row INTEGER NOT NULL, line INTEGER, sheet TEXT, "column" TEXT, value TEXT,
                    reason TEXT NOT NULL, raw TEXT NOT NULL,
                    PRIMARY KEY (import_id, sheet, row));
                CREATE TABLE company_history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL,
                    import_id INTEGER NOT NULL REFERENCES registry_import(id) ON DELETE CASCADE,
                    row INTEGER NOT NULL, changes TEXT NOT NULL);
                CREATE INDEX company_history_by_key ON company_history(key);
                """)
    }

    private static func createCompanyTable(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE company (
                    key TEXT PRIMARY KEY NOT NULL, name_zh TEXT, name_ko TEXT, name_en TEXT,
                    credit_code TEXT UNIQUE, registration_number TEXT, kind TEXT NOT NULL, status TEXT,
                    founded TEXT, capital_amount TEXT, capital_currency TEXT, capital_text TEXT,
                    region TEXT, address TEXT, business_scope TEXT, industry_code TEXT, notes TEXT NOT NULL,
                    provenance_kind TEXT NOT NULL, provenance_collection TEXT NOT NULL,
                    provenance_file TEXT NOT NULL, provenance_line INTEGER,
                    CHECK ((capital_amount IS NULL) = (capital_currency IS NULL)));
                CREATE INDEX company_by_provenance ON company(provenance_kind, provenance_collection);
                """)
    }

    /// One classification per company and taxonomy, with its evidence; one row per scored segment for
    /// counting by segment and layer.
    private static func createClassificationTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE classification (
                    id INTEGER PRIMARY KEY, taxonomy TEXT NOT NULL,
                    company_key TEXT NOT NULL REFERENCES company(key) ON DELETE CASCADE,
                    taxonomy_version INTEGER NOT NULL, taxonomy_digest TEXT NOT NULL,
                    is_member INTEGER NOT NULL, main_layer TEXT, confidence REAL NOT NULL, score REAL NOT NULL,
                    segments TEXT NOT NULL, evidence TEXT NOT NULL,
                    UNIQUE (taxonomy, company_key));
                CREATE TABLE company_segment (
                    taxonomy TEXT NOT NULL, company_key TEXT NOT NULL REFERENCES company(key) ON DELETE CASCADE,
                    segment TEXT NOT NULL, layer TEXT NOT NULL, score REAL NOT NULL, is_main INTEGER NOT NULL,
                    is_member INTEGER NOT NULL,
                    PRIMARY KEY (taxonomy, company_key, segment)) WITHOUT ROWID;
                CREATE INDEX company_segment_by_segment ON company_segment(taxonomy, segment, company_key);
                """)
    }

    /// Indicators count members by founding month, layer, district and status: these indexes hold
    /// every column those counts read, so they never touch the wide rows (evidence, raw cells).
    private static func createIndicatorIndexes(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE INDEX classification_by_member ON classification(taxonomy, is_member, company_key, main_layer);
                CREATE INDEX company_for_counts ON company(
                    key, provenance_kind, founded, region, status, capital_currency, capital_amount);
                """)
    }

    /// Indicators count members by founding month, district, status and capital: each segment row keeps
    /// those facts of its company, so the counts read one compact table in key order and join nothing.
    /// They replace the covering indexes of v4, which still needed a lookup per member; a segment's
    /// best-scored members (the report's examples) come straight from an index in score order.
    private static func addMemberFacts(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE company_segment ADD COLUMN founded TEXT;
                ALTER TABLE company_segment ADD COLUMN region TEXT;
                ALTER TABLE company_segment ADD COLUMN status TEXT;
                ALTER TABLE company_segment ADD COLUMN capital_amount TEXT;
                ALTER TABLE company_segment ADD COLUMN capital_currency TEXT;
                UPDATE company_segment SET founded = company.founded, region = company.region,
                    status = company.status, capital_amount = company.capital_amount,
                    capital_currency = company.capital_currency
                FROM company WHERE company.key = company_segment.company_key;
                DROP INDEX classification_by_member;
                DROP INDEX company_for_counts;
                DROP INDEX company_segment_by_segment;
                CREATE INDEX company_segment_by_score
                    ON company_segment(taxonomy, segment, is_member, score DESC, company_key);
                """)
    }

    /// A company's key is `uscc:` and its credit code whenever it has one, so the key's unique index
    /// already keeps credit codes unique; the second index on them cost an import of a million rows
    /// about a third of its company inserts (random keys into a second large B-tree). The table is
    /// rebuilt without it (SQLite cannot drop a UNIQUE constraint), with a check that keeps the rule
    /// the key's index relies on; lookups by credit code go through the key.
    private static func keyCompaniesOnce(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE company_v6 (
                    key TEXT PRIMARY KEY NOT NULL, name_zh TEXT, name_ko TEXT, name_en TEXT,
                    credit_code TEXT, registration_number TEXT, kind TEXT NOT NULL, status TEXT,
                    founded TEXT, capital_amount TEXT, capital_currency TEXT, capital_text TEXT,
                    region TEXT, address TEXT, business_scope TEXT, industry_code TEXT, notes TEXT NOT NULL,
                    provenance_kind TEXT NOT NULL, provenance_collection TEXT NOT NULL,
                    provenance_file TEXT NOT NULL, provenance_line INTEGER, industry_name TEXT, raw TEXT,
                    CHECK ((capital_amount IS NULL) = (capital_currency IS NULL)),
                    CHECK (credit_code IS NULL OR key = 'uscc:' || credit_code));
                INSERT INTO company_v6 SELECT key, name_zh, name_ko, name_en, credit_code, registration_number, kind,
                    status, founded, capital_amount, capital_currency, capital_text, region, address, business_scope,
                    industry_code, notes, provenance_kind, provenance_collection, provenance_file, provenance_line,
                    industry_name, raw
                FROM company;
                DROP TABLE company;
                ALTER TABLE company_v6 RENAME TO company;
                CREATE INDEX company_by_provenance ON company(provenance_kind, provenance_collection);
                CREATE INDEX company_by_region ON company(region);
                CREATE INDEX company_by_founded ON company(founded);
                """)
    }

    /// Every imported company entered three more indexes that no query reads: by district and by
    /// founding day (the indicators count from the segment rows, migration v5), and by provenance, which
    /// only the dataset's few companies are looked up by. Only those stay indexed.
    private static func indexCompaniesThatAreRead(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP INDEX company_by_provenance;
                DROP INDEX company_by_region;
                DROP INDEX company_by_founded;
                CREATE INDEX company_by_dataset ON company(provenance_collection) WHERE provenance_kind = 'dataset';
                """)
    }

    /// The same content may be imported again when read another way (`reading`, another snapshot day): the
    /// content's digest is no longer unique. SQLite cannot drop a unique key in place, so the table is rebuilt
    /// (GRDB runs a migration with foreign keys off and checks them after it) with the numbers its imports had
    /// and will have.
    private static func identifyImportsByReading(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE registry_import_by_reading (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, file TEXT NOT NULL, sha256 TEXT NOT NULL,
                    reading TEXT NOT NULL DEFAULT '', format TEXT NOT NULL, encoding TEXT, snapshot_date TEXT NOT NULL,
                    rows_read INTEGER NOT NULL, inserted INTEGER NOT NULL, updated INTEGER NOT NULL,
                    unchanged INTEGER NOT NULL, quarantined INTEGER NOT NULL, duplicates INTEGER NOT NULL,
                    warnings TEXT NOT NULL);
                INSERT INTO registry_import_by_reading (
                    id, file, sha256, format, encoding, snapshot_date, rows_read, inserted, updated, unchanged,
                    quarantined, duplicates, warnings)
                SELECT id, file, sha256, format, encoding, snapshot_date, rows_read, inserted, updated, unchanged,
                    quarantined, duplicates, warnings FROM registry_import;
                UPDATE sqlite_sequence SET seq = max(seq, (SELECT seq FROM sqlite_sequence WHERE name = 'registry_import'))
                    WHERE name = 'registry_import_by_reading';
                DROP TABLE registry_import;
                ALTER TABLE registry_import_by_reading RENAME TO registry_import;
                CREATE INDEX registry_import_by_sha256 ON registry_import(sha256);
                """)
    }
}

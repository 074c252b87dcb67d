/// A citation: who published a figure or statement, and where. Unknown parts stay nil.
public struct Source: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var publisher: LocalizedText
    public var author: String?
    public var title: String?
    public var url: String?
    public var date: CalendarDate?
    public var language: Language?
    /// What a reader should know about the source, such as why its date is unknown.
    public var note: LocalizedText?
    /// Where the citation was read from, when it came from a file.
    public var provenance: Provenance?

    public init(
        id: String, publisher: LocalizedText, author: String? = nil, title: String? = nil, url: String? = nil,
        date: CalendarDate? = nil, language: Language? = nil, note: LocalizedText? = nil,
        provenance: Provenance? = nil
    ) {
        self.id = id
        self.publisher = publisher
        self.author = author
        self.title = title
        self.url = url
        self.date = date
        self.language = language
        self.note = note
        self.provenance = provenance
    }
}

/// Where a figure or statement comes from: the original publisher and the chain it reached us through.
public struct Citation: Codable, Hashable, Sendable {
    /// The id of the original publisher's `Source`.
    public var source: String
    /// Ids of the sources it was relayed through, innermost first (e.g. KOTRA, then the article).
    public var via: [String]

    public init(source: String, via: [String] = []) {
        self.source = source
        self.via = via
    }
}

/// Where a stored thing came from: a dataset file and line, or an import file and row.
public struct Provenance: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        case dataset
        case reference
        case registryImport = "import"
    }

    public var kind: Kind
    /// The dataset id, reference table name, or import id.
    public var collection: String
    /// The file, relative to the dataset folder or as the user named it.
    public var file: String
    /// The line (YAML) or row (tables) in `file`, when known.
    public var line: Int?

    public init(kind: Kind, collection: String, file: String, line: Int? = nil) {
        self.kind = kind
        self.collection = collection
        self.file = file
        self.line = line
    }
}

/// A statement with its citation: a finding that is not a single number.
public struct CitedText: Codable, Hashable, Sendable {
    public var text: LocalizedText
    public var citation: Citation

    public init(text: LocalizedText, citation: Citation) {
        self.text = text
        self.citation = citation
    }
}

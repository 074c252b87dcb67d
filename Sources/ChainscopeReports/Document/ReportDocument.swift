public import ChainscopeCore

/// A report as structure — sections of facts, bullets, lines, charts and tables whose text carries
/// numbered footnote references — written out as plain text, Markdown or HTML by a renderer.
public struct ReportDocument: Sendable {
    /// A run of text or a footnote reference.
    public enum Inline: Sendable, Hashable {
        case text(String)
        case note(Int)
    }

    public enum Block: Sendable {
        /// A reference figure: `R3`, then its label, period and value with the footnote.
        case fact(reference: String, [Inline])
        /// A list item; level 0 is a point of its own, level 1 an entry in a list under a line.
        case bullet([Inline], level: Int)
        /// A line of text; `indent` is how far plain text sets it in.
        case line([Inline], indent: Int)
        case chart(Chart)
        case table(Table)
    }

    public struct Section: Sendable {
        public var title: [Inline]
        public var blocks: [Block]

        public init(title: [Inline], blocks: [Block] = []) {
            self.title = title
            self.blocks = blocks
        }
    }

    /// A table with a caption and a note under it saying where its figures came from.
    public struct Table: Sendable {
        public var caption: String
        public var headers: [String]
        public var rows: [[String]]
        /// Columns holding numbers, aligned right.
        public var numericColumns: Set<Int>
        public var note: [Inline]

        public init(caption: String, headers: [String], rows: [[String]], numericColumns: Set<Int>, note: [Inline]) {
            self.caption = caption
            self.headers = headers
            self.rows = rows
            self.numericColumns = numericColumns
            self.note = note
        }
    }

    public var language: Language
    public var title: String
    public var subtitle: String
    /// A notice repeated at the top of every page (synthetic sample data).
    public var banner: String?
    public var sections: [Section]
    /// Footnote texts, numbered from 1 in order of first use.
    public var notes: [String]
    public var sourcesTitle: String
    /// Every source in full.
    public var sources: [String]

    public init(
        language: Language, title: String, subtitle: String, banner: String? = nil, sections: [Section] = [],
        notes: [String] = [], sourcesTitle: String, sources: [String] = []
    ) {
        self.language = language
        self.title = title
        self.subtitle = subtitle
        self.banner = banner
        self.sections = sections
        self.notes = notes
        self.sourcesTitle = sourcesTitle
        self.sources = sources
    }
}

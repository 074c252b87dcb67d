import ChainscopeCore

/// Numbers citations in order of first use and writes them out at the end.
struct Footnotes {
    let dataset: Dataset
    let language: Language
    private(set) var entries: [String] = []

    init(dataset: Dataset, language: Language) {
        self.dataset = dataset
        self.language = language
    }

    /// The number of a citation's footnote, optionally with the derivation that used it.
    mutating func number(_ citation: Citation, derivation: String? = nil) -> Int {
        var text = derivation.map { "\($0); " } ?? ""
        text += publisher(citation.source)
        if !citation.via.isEmpty {
            text += " — \(Phrase.via.text(in: language)) " + citation.via.map(publisher).joined(separator: " → ")
        }
        return number(text)
    }

    /// The number of a footnote with this text, numbering it if it is new.
    mutating func number(_ text: String) -> Int {
        if let index = entries.firstIndex(of: text) { return index + 1 }
        entries.append(text)
        return entries.count
    }

    /// The publisher in the output language, with its own-language name in brackets where it differs.
    func publisher(_ id: String) -> String {
        guard let source = dataset.source(id) else { return id }
        let shown = source.publisher.text(in: language)
        let own = source.language.flatMap { source.publisher[$0] }
        guard let own, own != shown, !shown.contains(own) else { return shown }
        return "\(shown) (\(own))"
    }

    /// A source's full entry: publisher, author, title, date, URL, and what is not known.
    func describe(_ source: Source) -> String {
        var parts = [publisher(source.id)]
        parts += [source.author, source.title].compactMap { $0 }
        if let date = source.date { parts.append(DateFormatting(language).date(date)) }
        if let url = source.url { parts.append(url) }
        if let note = source.note {
            let text = note.text(in: language)
            parts.append(text.hasSuffix(".") || text.hasSuffix("。") ? String(text.dropLast()) : text)
        }
        if source.title == nil, source.url == nil, source.date == nil {
            parts.append(Phrase.unknownParts.text(in: language))
        }
        return parts.joined(separator: "; ")
    }
}

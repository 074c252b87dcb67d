import Foundation

/// What a company list asks for: text to find in names or credit codes, filters, an order and a page.
public struct CompanyQuery: Sendable, Hashable {
    /// The order of a list; every order ends with the order of entry, so pages never overlap.
    public enum Order: String, Sendable, Hashable, CaseIterable {
        /// The order companies were first stored in (and the order search indexes return them).
        case entry
        case name
        case founded
        case foundedDescending = "-founded"
    }

    /// A name (Chinese, Korean or English; any length from one character) or the start of a credit code.
    public var text: String?
    /// Only companies with exactly this Chinese, Korean or English name (as `explain` takes a company by name);
    /// it is the search text too when there is no `text`.
    public var name: String?
    /// The taxonomy the classification filters and the listed classifications refer to.
    public var taxonomy: String
    public var segment: String?
    public var layer: String?
    /// Members (true) or non-members (false) of the taxonomy's chain only.
    public var isMember: Bool?
    public var district: RegionCode?
    public var status: RegistrationStatus?
    public var foundedFrom: CalendarDate?
    public var foundedThrough: CalendarDate?
    public var order: Order
    /// Where the previous page ended.
    public var after: CompanyCursor?
    public var limit: Int

    public static let maximumLimit = 500

    public init(
        text: String? = nil, name: String? = nil, taxonomy: String = "ai", segment: String? = nil, layer: String? = nil,
        isMember: Bool? = nil, district: RegionCode? = nil, status: RegistrationStatus? = nil,
        foundedFrom: CalendarDate? = nil, foundedThrough: CalendarDate? = nil, order: Order = .entry,
        after: CompanyCursor? = nil, limit: Int = 50
    ) {
        self.text = text
        self.name = name
        self.taxonomy = taxonomy
        self.segment = segment
        self.layer = layer
        self.isMember = isMember
        self.district = district
        self.status = status
        self.foundedFrom = foundedFrom
        self.foundedThrough = foundedThrough
        self.order = order
        self.after = after
        self.limit = limit
    }

    /// The text, else the name, with surrounding spaces removed, or nil when nothing is left.
    public var searchText: String? { Self.trimmed(text) ?? exactName }

    /// The name with surrounding spaces removed, or nil when nothing is left.
    public var exactName: String? { Self.trimmed(name) }

    private static func trimmed(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// The text as the start of a credit code or registration number, upper-cased, when it reads as one
    /// (4 to 18 ASCII letters and digits, at least one a digit): such text is looked up by key, not by name.
    public var codePrefix: String? {
        guard let text = Self.trimmed(text)?.uppercased(), text.count >= 4, text.count <= 18 else { return nil }
        let isCode =
            text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("A"..."Z").contains($0) }
            && text.unicodeScalars.contains { ("0"..."9").contains($0) }
        return isCode ? text : nil
    }
}

/// Where a page of companies ended: the sort value of its last company and its place of entry. Clients
/// see it as an opaque token.
public struct CompanyCursor: Sendable, Hashable {
    public var value: String?
    public var position: Int64

    public init(value: String?, position: Int64) {
        self.value = value
        self.position = position
    }

    /// The token form: the position, then the value, hex-encoded so a token is plain URL-safe ASCII.
    public var token: String {
        let hex = value.map { Hexadecimal.string(of: $0) } ?? "-"
        return "c\(position).\(hex)"
    }

    /// Reads a token written by `token`; nil when it is not one.
    public init?(token: String) {
        guard token.hasPrefix("c"), let dot = token.firstIndex(of: ".") else { return nil }
        guard let position = Int64(token[token.index(after: token.startIndex)..<dot]), position >= 0 else {
            return nil
        }
        let hex = token[token.index(after: dot)...]
        if hex == "-" {
            self.init(value: nil, position: position)
            return
        }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) ?? hex.endIndex
            guard hex.distance(from: index, to: next) == 2, let byte = UInt8(hex[index..<next], radix: 16) else {
                return nil
            }
            bytes.append(byte)
            index = next
        }
        guard let value = String(validating: bytes, as: UTF8.self) else { return nil }
        self.init(value: value, position: position)
    }
}

/// A company in a list, with its classification in the query's taxonomy when it has one.
public struct CompanyListing: Sendable, Hashable {
    public var company: Company
    public var isMember: Bool?
    public var mainLayer: String?
    /// The segments of a member, best first.
    public var segments: [String]

    public init(company: Company, isMember: Bool?, mainLayer: String?, segments: [String]) {
        self.company = company
        self.isMember = isMember
        self.mainLayer = mainLayer
        self.segments = segments
    }
}

/// One page of a company list and where the next one starts (nil on the last page).
public struct CompanyPage: Sendable, Hashable {
    public var companies: [CompanyListing]
    public var next: CompanyCursor?

    public init(companies: [CompanyListing], next: CompanyCursor?) {
        self.companies = companies
        self.next = next
    }
}

/// The pieces of a name that the short-query index holds: every distinct character and pair of
/// neighbouring characters, lower-cased, other than white space, so one- and two-character searches (which
/// a trigram index cannot answer) are index lookups too.
public enum SearchGrams {
    /// The grams of `names`, each once, in the order of their UTF-8 bytes: the order in which SQLite and
    /// PostgreSQL's "C" collation compare text, and the sense of "once" they would apply (bytes, not
    /// Unicode's canonical equivalence). Sorting `String`s, which compare canonically, and hashing them into
    /// a set took a tenth of a PostgreSQL import's reading thread.
    public static func grams(of names: [String]) -> [String] {
        var grams: [(prefix: UInt64, text: String)] = []
        for name in names {
            var previous: Character?
            for character in name.lowercased() {
                // White space is no gram and ends a pair: "ant group" has no "tg", as a scan would agree.
                guard !character.isWhitespace else {
                    previous = nil
                    continue
                }
                let single = String(character)
                grams.append((packedPrefix(single), single))
                if let previous {
                    let pair = String([previous, character])
                    grams.append((packedPrefix(pair), pair))
                }
                previous = character
            }
        }
        grams.sort {
            $0.prefix != $1.prefix ? $0.prefix < $1.prefix : $0.text.utf8.lexicographicallyPrecedes($1.text.utf8)
        }
        var unique: [String] = []
        unique.reserveCapacity(grams.count)
        for (index, gram) in grams.enumerated()
        where index == 0 || gram.prefix != grams[index - 1].prefix
            || !gram.text.utf8.elementsEqual(grams[index - 1].text.utf8)
        {
            unique.append(gram.text)
        }
        return unique
    }

    /// The first eight UTF-8 bytes, big-endian and zero-padded: texts whose prefixes differ order as these do.
    private static func packedPrefix(_ text: String) -> UInt64 {
        var packed: UInt64 = 0
        for (count, byte) in text.utf8.prefix(8).enumerated() { packed |= UInt64(byte) << (56 - 8 * count) }
        return packed
    }
}

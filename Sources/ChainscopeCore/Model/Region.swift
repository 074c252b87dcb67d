/// A GB/T 2260 administrative division code, always six digits (`330000`, `330100`, `330102`).
public struct RegionCode: RawRepresentable, Hashable, Comparable, CanonicalText, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts six digits, or the short forms of the statistical tables (`33`, `3301`), padded with zeros.
    public init?(rawValue: String) {
        guard [2, 4, 6].contains(rawValue.count), rawValue.allSatisfy(\.isASCIIDigit) else { return nil }
        self.rawValue = rawValue + String(repeating: "0", count: 6 - rawValue.count)
    }

    public init?(canonicalText: String) { self.init(rawValue: canonicalText) }

    public var canonicalText: String { rawValue }

    public static var expectedText: String { "a six-digit division code" }

    /// Written as its six digits. Declared here because the compiler's own `Codable` for a struct (an
    /// object `{"rawValue": …}`) would otherwise win over `CanonicalText`'s; databases written before this
    /// fix hold that object form in their JSON columns, so it is still read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        if let plain = try? container.decode(String.self) {
            text = plain
        } else {
            text = try container.decode([String: String].self)["rawValue"] ?? ""
        }
        guard let code = RegionCode(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected \(Self.expectedText), found '\(text)'")
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(canonicalText)
    }

    public static let hangzhou = RegionCode(rawValue: "330100")!
    public static let zhejiang = RegionCode(rawValue: "330000")!

    /// The level the code's digits imply.
    public var level: RegionLevel {
        if rawValue.hasSuffix("0000") { return .province }
        if rawValue.hasSuffix("00") { return .prefecture }
        return .county
    }

    /// The province this code belongs to.
    public var province: RegionCode { RegionCode(rawValue: String(rawValue.prefix(2)))! }

    /// The prefecture this code belongs to (itself for a prefecture, nil for a province).
    public var prefecture: RegionCode? {
        level == .province ? nil : RegionCode(rawValue: String(rawValue.prefix(4)))
    }

    public var description: String { rawValue }

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The three levels Chainscope keeps: province, prefecture (city) and county (district, county, county-level city).
public enum RegionLevel: String, Codable, Hashable, Sendable, CaseIterable {
    case province
    case prefecture
    case county
}

/// An administrative division, with the days it was valid when they are known.
public struct Region: Codable, Hashable, Sendable, Identifiable {
    public var code: RegionCode
    public var names: LocalizedText
    public var level: RegionLevel
    public var parent: RegionCode?
    /// First day of validity; nil when it predates the tables Chainscope ships.
    public var validFrom: CalendarDate?
    /// Last day of validity; nil while the division exists, or when it ended on a day not known.
    public var validTo: CalendarDate?
    /// False for a division that is no longer in the current code table.
    public var isCurrent: Bool
    public var provenance: Provenance

    public var id: RegionCode { code }

    public init(
        code: RegionCode, names: LocalizedText, level: RegionLevel, parent: RegionCode?,
        validFrom: CalendarDate? = nil, validTo: CalendarDate? = nil, isCurrent: Bool = true,
        provenance: Provenance
    ) {
        self.code = code
        self.names = names
        self.level = level
        self.parent = parent
        self.validFrom = validFrom
        self.validTo = validTo
        self.isCurrent = isCurrent
        self.provenance = provenance
    }

    /// Whether the division existed on `date`, as far as the known validity says.
    public func isValid(on date: CalendarDate) -> Bool {
        if let validFrom, date < validFrom { return false }
        if let validTo, date > validTo { return false }
        return validTo != nil || isCurrent
    }
}

/// A township-level division (街道, 镇, 乡) and the county-level division that holds it today.
public struct Street: Codable, Hashable, Sendable {
    /// The nine-digit statistical code.
    public var code: String
    public var name: String
    public var county: RegionCode

    public init(code: String, name: String, county: RegionCode) {
        self.code = code
        self.name = name
        self.county = county
    }
}

/// One change to the division map, such as a district abolished and split between successors.
public struct RegionChange: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// The division ceased to exist; its area went to `successors`.
        case abolished
        /// The division continues but gave part of its area to `successors`.
        case reduced
        /// The division continues and received area from others.
        case enlarged
        /// A new division was created.
        case created
    }

    public var region: RegionCode
    public var kind: Kind
    public var date: CalendarDate
    /// Where the area went: for `abolished` and `reduced`, every division that holds part of it today.
    public var successors: [RegionCode]
    public var note: LocalizedText?
    public var citation: Citation?

    public init(
        region: RegionCode, kind: Kind, date: CalendarDate, successors: [RegionCode] = [],
        note: LocalizedText? = nil, citation: Citation? = nil
    ) {
        self.region = region
        self.kind = kind
        self.date = date
        self.successors = successors
        self.note = note
        self.citation = citation
    }
}

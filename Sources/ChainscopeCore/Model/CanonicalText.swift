/// A value stored and exchanged as one canonical text (`2022-10-31`, `as of 2022-10`, `330100`),
/// so JSON columns and files show it as a person would write it.
public protocol CanonicalText: Codable {
    /// Parses the canonical text; nil when it is not one.
    init?(canonicalText: String)
    /// The canonical text.
    var canonicalText: String { get }
    /// What a valid text looks like, for decoding errors.
    static var expectedText: String { get }
}

extension CanonicalText {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(canonicalText: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected \(Self.expectedText), found '\(text)'")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(canonicalText)
    }
}

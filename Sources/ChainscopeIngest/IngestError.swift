import ChainscopeCore
import Foundation

/// A problem reading an input file, saying where (file, line or row, field, value) and what was expected.
public struct IngestError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a code that can grow.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Storage: Hashable, Sendable {
            case unreadableFile
            case malformedYAML
            case missingField
            case unknownField
            case wrongType
            case invalidValue
            case duplicateID
            case unknownReference
            case derivationMismatch
            case malformedTable
            case undecodableText
            case malformedCSV
            case malformedXLSX
            case malformedJSON
            case unknownLayout
            case emptyFile
            case invalidTaxonomy
        }

        let storage: Storage

        public static let unreadableFile = Code(storage: .unreadableFile)
        public static let malformedYAML = Code(storage: .malformedYAML)
        public static let missingField = Code(storage: .missingField)
        public static let unknownField = Code(storage: .unknownField)
        public static let wrongType = Code(storage: .wrongType)
        public static let invalidValue = Code(storage: .invalidValue)
        public static let duplicateID = Code(storage: .duplicateID)
        public static let unknownReference = Code(storage: .unknownReference)
        public static let derivationMismatch = Code(storage: .derivationMismatch)
        public static let malformedTable = Code(storage: .malformedTable)
        public static let undecodableText = Code(storage: .undecodableText)
        public static let malformedCSV = Code(storage: .malformedCSV)
        public static let malformedXLSX = Code(storage: .malformedXLSX)
        public static let malformedJSON = Code(storage: .malformedJSON)
        public static let unknownLayout = Code(storage: .unknownLayout)
        public static let emptyFile = Code(storage: .emptyFile)
        public static let invalidTaxonomy = Code(storage: .invalidTaxonomy)

        public var description: String {
            switch storage {
            case .unreadableFile: "cannot read file"
            case .malformedYAML: "malformed YAML"
            case .missingField: "missing field"
            case .unknownField: "unknown field"
            case .wrongType: "wrong type"
            case .invalidValue: "invalid value"
            case .duplicateID: "duplicate id"
            case .unknownReference: "unknown reference"
            case .derivationMismatch: "derived value does not match its formula"
            case .malformedTable: "malformed table"
            case .undecodableText: "text does not decode"
            case .malformedCSV: "malformed CSV"
            case .malformedXLSX: "malformed XLSX"
            case .malformedJSON: "malformed JSON"
            case .unknownLayout: "unknown column layout"
            case .emptyFile: "empty file"
            case .invalidTaxonomy: "invalid taxonomy"
            }
        }
    }

    /// Where in the input the problem is.
    public struct Location: Hashable, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var column: Int?
        /// The field path, such as `facts[3].value`.
        public var field: String?

        public init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil) {
            self.file = file
            self.line = line
            self.column = column
            self.field = field
        }

        public var description: String {
            var text = file
            if let line { text += ":\(line)" }
            if let column { text += ":\(column)" }
            if let field { text += " (\(field))" }
            return text
        }
    }

    public let code: Code
    public let location: Location
    /// What was expected, in words a user can act on (English).
    public let expected: String
    /// The value or construct that was found, when there was one (English).
    public let found: String?
    /// Why a registry export was refused, which can be told in any language; nil for other inputs' problems,
    /// which are told in English.
    public let refusal: FileRefusal?
    public let underlying: (any Error)?
    /// Further problems found in the same pass, so a user can fix them all at once.
    public var others: [IngestError] = []

    public init(
        _ code: Code, at location: Location, expected: String, found: String? = nil, underlying: (any Error)? = nil
    ) {
        self.code = code
        self.location = location
        self.expected = expected
        self.found = found
        self.refusal = nil
        self.underlying = underlying
    }

    /// A registry export refused whole for `refusal`.
    public init(_ refusal: FileRefusal, at location: Location, underlying: (any Error)? = nil) {
        let words = refusal.wording(in: .en)
        code = refusal.code
        self.location = location
        expected = words.expected
        found = words.found
        self.refusal = refusal
        self.underlying = underlying
    }

    public var description: String {
        var text = "\(location): \(code): expected \(expected)"
        if let found { text += ", found \(found)" }
        guard !others.isEmpty else { return text }
        return "\(others.count + 1) problems:\n  " + ([text] + others.map(\.description)).joined(separator: "\n  ")
    }

    /// The first of `errors`, carrying the rest; nil when there are none.
    static func combining(_ errors: [IngestError]) -> IngestError? {
        guard var first = errors.first else { return nil }
        first.others = Array(errors.dropFirst())
        return first
    }
}

extension IngestError {
    /// Why the system would not read a file, as it says it ("No such file or directory", "Is a directory",
    /// "Permission denied"), rather than Foundation's wrapping text ("The operation could not be completed").
    static func systemReason(_ error: any Error) -> String {
        let error = error as NSError
        // On Linux the underlying error is kept as a Swift `POSIXError`, which bridges only from `any Error`.
        let underlying = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        let posix = [error, underlying].compactMap { $0 }.first { $0.domain == NSPOSIXErrorDomain }
        return posix.map { String(cString: strerror(Int32($0.code))) } ?? error.localizedDescription
    }
}

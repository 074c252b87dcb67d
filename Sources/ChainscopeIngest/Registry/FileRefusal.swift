import Foundation

/// Why a registry export is refused whole, with the values that say where and what, so that the refusal can be
/// told in Korean, Chinese or English (`FileRefusal+Text.swift`). Nothing from a refused file is stored.
public enum FileRefusal: Hashable, Sendable {
    // The file itself.
    /// The file could not be opened; `reason` is the system's.
    case unreadable(reason: String)
    case missing
    /// A folder named where a file belongs.
    case folder
    case empty
    /// A kind of file that is not an export but is often taken for one.
    case notAnExport(Kind)
    /// A name ending neither in a known extension nor holding JSON.
    case unknownExtension(String)

    // Its text.
    case unclosedQuote(line: Int)
    case replacementCharacter
    /// Bytes that are not `encoding`; `others` are the encodings to try instead.
    case undecodable(TextEncoding, others: [String])
    /// The file ends inside a character of the encoding: it was cut short.
    case truncatedCharacter(TextEncoding)
    /// Text read as `requested`, as `--encoding` asked, that is no export (`seen` is how its header read), from
    /// a file whose bytes look like `detected`.
    case misread(requested: TextEncoding, detected: TextEncoding, seen: String)

    // Its layout.
    /// No header row names the fields needed: each group is a list of fields any one of which will do.
    case unknownLayout(needed: [[String]], found: [String])
    case noSheetWithLayout(sheets: [String])
    case noRows
    /// Header rows and not one data row under them; `sheets` are a workbook's sheets with a header.
    case noDataRows(sheets: [String])
    case noJSONObjects

    // JSON.
    /// pandas' `orient='split'`.
    case jsonSplitTable
    /// pandas' default `to_json`, one object per column; `key` is an identifying column's.
    case jsonColumnTable(key: String)
    case jsonTooLarge(mebibytes: Int)
    /// A syntax error inside an object; `found` is the text where reading stopped, nil at the object's end.
    case jsonSyntax(JSONExpectation, found: String?)
    case jsonUnclosedObject
    case jsonUnclosedArray
    case jsonArrayOfArrays
    /// Something other than an object where one belongs; `found` is the ASCII character, nil for other text.
    case jsonNotAnObject(isInArray: Bool, found: Character?)

    // XLSX.
    case xlsxNotZip
    case xlsxNoWorkbook
    case xlsxMissingPart(String)
    case xlsxNoSheets
    case xlsxSharedStringTooLong(index: Int)
    case xlsxTemporaryFile(TemporaryFileOperation, folder: String, reason: String)
    case xlsxMalformedXML(part: String, XMLProblem)
    /// A part that could not be unpacked; `reason` is the archive library's.
    case xlsxUnreadablePart(String, reason: String)

    /// Files that are not exports, recognised by their first bytes.
    public enum Kind: Hashable, Sendable {
        case binaryOffice, gzip, pdf, xmlSpreadsheet, html
    }

    /// What a JSON object lacked where reading stopped.
    public enum JSONExpectation: Hashable, Sendable {
        case endOfObject, value, closingQuote, escape, unicodeEscape, hexDigits, endOfNestedValue
        case character(Character)
    }

    /// What was being done with a workbook's temporary file of shared strings.
    public enum TemporaryFileOperation: Hashable, Sendable {
        case create, read, write
    }

    /// What is wrong in a workbook part's XML.
    public enum XMLProblem: Hashable, Sendable {
        case endsInsideTag
        case malformedAttribute(tag: String)
    }

    /// The kind of problem, as `IngestError` counts them.
    public var code: IngestError.Code {
        switch self {
        case .unreadable, .missing, .folder, .notAnExport, .unknownExtension, .xlsxTemporaryFile: .unreadableFile
        case .empty, .noRows, .noDataRows, .noJSONObjects: .emptyFile
        case .unclosedQuote: .malformedCSV
        case .replacementCharacter, .undecodable, .truncatedCharacter, .misread: .undecodableText
        case .unknownLayout, .noSheetWithLayout: .unknownLayout
        case .jsonSplitTable, .jsonColumnTable, .jsonTooLarge, .jsonSyntax, .jsonUnclosedObject, .jsonUnclosedArray,
            .jsonArrayOfArrays, .jsonNotAnObject:
            .malformedJSON
        case .xlsxNotZip, .xlsxNoWorkbook, .xlsxMissingPart, .xlsxNoSheets, .xlsxSharedStringTooLong,
            .xlsxMalformedXML, .xlsxUnreadablePart:
            .malformedXLSX
        }
    }
}

extension FileRefusal {
    /// A file the system would not read, with its reason as the system says it ("Permission denied") rather
    /// than as Foundation's error text.
    static func unreadable(_ error: any Error) -> FileRefusal {
        .unreadable(reason: IngestError.systemReason(error))
    }
}

public import Foundation
import ZIPFoundation

/// Writes a one-sheet workbook that Excel, LibreOffice and openpyxl open. Every cell is an inline string,
/// so credit codes, dates and leading zeros keep their text; rows go to disk as they come, so memory
/// stays flat however long the sheet, and the archive is made by `finish()`.
public struct XLSXWriter {
    /// The most rows a sheet holds in Excel.
    public static let maximumRows = 1_048_576

    private let url: URL
    private let sheetName: String
    private let folder: URL
    private let sheet: FileHandle
    private var buffer = ""
    public private(set) var rows = 0

    public init(url: URL, sheetName: String) throws {
        self.url = url
        self.sheetName = sheetName
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainscope-xlsx-\(UUID().uuidString)")
        let sheetFolder = folder.appendingPathComponent("xl/worksheets")
        try FileManager.default.createDirectory(at: sheetFolder, withIntermediateDirectories: true)
        let sheetURL = sheetFolder.appendingPathComponent("sheet1.xml")
        guard FileManager.default.createFile(atPath: sheetURL.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: sheetURL.path])
        }
        sheet = try FileHandle(forWritingTo: sheetURL)
        buffer =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<worksheet xmlns="\#(Self.main)"><sheetData>"#
    }

    /// Adds a row; fails past `maximumRows`.
    public mutating func append(_ cells: [String]) throws {
        guard rows < Self.maximumRows else {
            throw CocoaError(
                .fileWriteOutOfSpace,
                userInfo: [NSLocalizedDescriptionKey: "a sheet holds at most \(Self.maximumRows) rows"])
        }
        rows += 1
        buffer += #"<row r="\#(rows)">"#
        for (index, cell) in cells.enumerated() where !cell.isEmpty {
            buffer +=
                #"<c r="\#(Self.column(index))\#(rows)" t="inlineStr"><is><t xml:space="preserve">"#
                + Self.escape(cell) + "</t></is></c>"
        }
        buffer += "</row>"
        if buffer.utf8.count > 1 << 20 { try flush() }
    }

    private mutating func flush() throws {
        try sheet.write(contentsOf: Data(buffer.utf8))
        buffer = ""
    }

    /// Writes the workbook to `url` and removes the working files.
    public mutating func finish() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        buffer += "</sheetData></worksheet>"
        try flush()
        try sheet.close()
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", relativeTo: folder, compressionMethod: .deflate)
    }

    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let package = "http://schemas.openxmlformats.org/package/2006"

    /// The parts besides the sheet: content types, the package's and the workbook's relations, the workbook.
    private var parts: [(String, String)] {
        let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        let sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        return [
            (
                "[Content_Types].xml",
                head + #"<Types xmlns="\#(Self.package)/content-types">"#
                    + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
                    + #"<Default Extension="xml" ContentType="application/xml"/>"#
                    + #"<Override PartName="/xl/workbook.xml" ContentType="\#(sheetType).sheet.main+xml"/>"#
                    + #"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="\#(sheetType).worksheet+xml"/>"#
                    + "</Types>"
            ),
            (
                "_rels/.rels",
                head + #"<Relationships xmlns="\#(Self.package)/relationships">"#
                    + #"<Relationship Id="rId1" Type="\#(Self.relationships)/officeDocument" Target="xl/workbook.xml"/>"#
                    + "</Relationships>"
            ),
            (
                "xl/workbook.xml",
                head + #"<workbook xmlns="\#(Self.main)" xmlns:r="\#(Self.relationships)"><sheets>"#
                    + #"<sheet name="\#(Self.escape(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/>"#
                    + "</sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                head + #"<Relationships xmlns="\#(Self.package)/relationships">"#
                    + #"<Relationship Id="rId1" Type="\#(Self.relationships)/worksheet" Target="worksheets/sheet1.xml"/>"#
                    + "</Relationships>"
            ),
        ]
    }

    /// `A`, `B`, … `Z`, `AA` … for a zero-based column.
    static func column(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            name = String(UnicodeScalar(UInt8(65 + (index - 1) % 26))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// Text for XML, without the control characters XML 1.0 cannot hold.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }
}

public import Foundation
import ZIPFoundation

/// Writes minimal but real XLSX workbooks for tests: shared strings as Excel writes them, or inline
/// strings as openpyxl writes them; numbers as number cells.
public enum XLSXBuilder {
    public enum Strings {
        case shared
        case inline
    }

    /// A cell value that begins with `<c ` is written as it is (a test's styled or typed cell); `styles` is the
    /// styles part, if any; `workbookProperties` goes into the workbook (`<workbookPr date1904="1"/>`).
    public static func write(
        _ sheets: [(name: String, rows: [[String]])], to url: URL, strings: Strings = .shared, styles: String? = nil,
        workbookProperties: String = ""
    ) throws {
        var shared: [String] = []
        var sheetXML: [String] = []
        for sheet in sheets {
            var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            for (rowIndex, row) in sheet.rows.enumerated() {
                xml += #"<row r="\#(rowIndex + 1)">"#
                for (columnIndex, value) in row.enumerated() where !value.isEmpty {
                    let reference = column(columnIndex) + String(rowIndex + 1)
                    if value.hasPrefix("<c ") {
                        xml += value
                    } else if Double(value) != nil && !value.hasPrefix("0") && value.count < 12 {
                        xml += #"<c r="\#(reference)"><v>\#(value)</v></c>"#
                    } else if strings == .inline {
                        xml += #"<c r="\#(reference)" t="inlineStr"><is><t>\#(escape(value))</t></is></c>"#
                    } else {
                        let index =
                            shared.firstIndex(of: value)
                            ?? {
                                shared.append(value); return shared.count - 1
                            }()
                        xml += #"<c r="\#(reference)" t="s"><v>\#(index)</v></c>"#
                    }
                }
                xml += "</row>"
            }
            sheetXML.append(xml + "</sheetData></worksheet>")
        }
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) {
                position, size in data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let sheetsList = sheets.enumerated().map { index, sheet in
            #"<sheet name="\#(escape(sheet.name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        try add(
            "xl/workbook.xml",
            #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
                + workbookProperties + "<sheets>" + sheetsList.joined() + "</sheets></workbook>")
        let relations = sheets.indices.map { index in
            #"<Relationship Id="rId\#(index + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        try add(
            "xl/_rels/workbook.xml.rels",
            #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + relations.joined() + "</Relationships>")
        for (index, xml) in sheetXML.enumerated() { try add("xl/worksheets/sheet\(index + 1).xml", xml) }
        if let styles { try add("xl/styles.xml", styles) }
        if strings == .shared {
            let items = shared.map { "<si><t xml:space=\"preserve\">\(escape($0))</t></si>" }.joined()
            try add(
                "xl/sharedStrings.xml",
                #"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(shared.count)">"#
                    + items + "</sst>")
        }
    }

    public static func column(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(65 + remainder)!) + name
            index = (index - 1) / 26
        }
        return name
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

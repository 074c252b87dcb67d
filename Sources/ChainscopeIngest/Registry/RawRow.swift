/// One row as a reader found it, before any field is interpreted.
public struct RawRow: Sendable, Hashable {
    /// The row number a person sees: the spreadsheet row, or the CSV record counting the header as 1.
    public var number: Int
    /// The first physical line of the row in a text file.
    public var line: Int?
    /// The sheet, for XLSX.
    public var sheet: String?
    /// The sheet's place among the workbook's sheets, 1 for the first.
    public var sheetNumber: Int?
    public var cells: [String]
    /// The column name of each cell, for sources whose rows name their own fields (JSON lines);
    /// nil for tables, whose header row names them.
    public var keys: [String]?

    public init(
        number: Int, line: Int? = nil, sheet: String? = nil, sheetNumber: Int? = nil, cells: [String],
        keys: [String]? = nil
    ) {
        self.number = number
        self.line = line
        self.sheet = sheet
        self.sheetNumber = sheetNumber
        self.cells = cells
        self.keys = keys
    }

    /// True when every cell is empty or blank.
    public var isBlank: Bool { cells.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}

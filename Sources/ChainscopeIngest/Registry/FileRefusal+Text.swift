public import ChainscopeCore

/// What each refusal says was expected and was found, with what to do, in Korean, Chinese and English. The
/// English is what `IngestError.description` has always said.
extension FileRefusal {
    /// What the file should have held, and what it held instead with what to do about it, in `language`.
    public func wording(in language: Language) -> (expected: String, found: String) {
        // Each group's words are beside each other; a test checks that every case has its own.
        fileWording(in: language) ?? textWording(in: language) ?? layoutWording(in: language)
            ?? jsonWording(in: language) ?? xlsxWording(in: language) ?? (code.description, "")
    }

    private func fileWording(in language: Language) -> (expected: String, found: String)? {
        let readable = language.pick("읽을 수 있는 파일", "可读取的文件", "a readable file")
        let rows = language.pick("헤더 행과 데이터 행", "表头行和数据行", "a header row and data rows")
        switch self {
        case .unreadable(let reason): return (readable, reason)
        case .missing: return (readable, language.pick("그런 파일이 없습니다", "文件不存在", "no such file"))
        case .folder:
            return (
                readable,
                language.pick(
                    "폴더. 그 안의 내보내기 파일을 지정해 주세요(예: chainscope import 폴더/*.csv)",
                    "文件夹；请指定其中的导出文件（例如 chainscope import 文件夹/*.csv）",
                    "a folder; name the export files in it (chainscope import FOLDER/*.csv)")
            )
        case .empty: return (rows, language.pick("0바이트", "0 字节", "0 bytes"))
        case .noRows: return (rows, language.pick("행이 없습니다", "没有任何行", "no rows"))
        case .noDataRows(let sheets): return (rows, Self.headersOnly(in: sheets, language))
        case .notAnExport(let kind):
            return (
                language.pick("CSV, XLSX 또는 JSON 내보내기 파일", "CSV、XLSX 或 JSON 导出文件", "a CSV, XLSX or JSON export"),
                kind.text(in: language)
            )
        case .unknownExtension(let name):
            return (
                language.pick(
                    ".csv, .tsv, .txt, .xlsx, .json 또는 .jsonl 내보내기 파일",
                    "扩展名为 .csv、.tsv、.txt、.xlsx、.json 或 .jsonl 的导出文件",
                    "a .csv, .tsv, .txt, .xlsx, .json or .jsonl export"),
                language.pick(
                    "확장자가 .\(name)인 파일. CSV 내보내기 파일이라면 이름을 .csv로 바꿔 주세요",
                    "扩展名为 .\(name) 的文件；如果是 CSV 导出文件，请把扩展名改为 .csv",
                    "a file named .\(name); if it is a CSV export, rename it to .csv")
            )
        default: return nil
        }
    }

    private func textWording(in language: Language) -> (expected: String, found: String)? {
        switch self {
        case .unclosedQuote(let line):
            return (
                language.pick(
                    "\(line)행에서 시작한 필드를 닫는 따옴표", "第 \(line) 行开始的字段的右引号",
                    "a closing quote for the field opened on line \(line)"),
                language.pick(
                    "파일의 끝. 파일이 잘렸거나, 필드 안의 따옴표를 두 번(\"\") 쓰지 않았을 수 있습니다",
                    "文件结尾；文件可能被截断，或字段内的引号没有写成两个（\"\"）",
                    "the end of the file; the file may be truncated, or a quote inside a field is not doubled")
            )
        case .replacementCharacter:
            return (
                language.pick(
                    "U+FFFD 대체 문자가 없는 텍스트", "不含 U+FFFD 替换字符的文本", "text without U+FFFD replacement characters"),
                language.pick(
                    "'\u{FFFD}'. 저장하기 전에 잘못된 인코딩으로 읽은 텍스트의 흔적입니다. 원본에서 파일을 다시 내보내 주세요",
                    "“\u{FFFD}”，这是文本在保存前按错误编码解码留下的痕迹；请从来源重新导出文件",
                    "'\u{FFFD}', the mark of text that was decoded with the wrong encoding before it was saved; "
                        + "export the file again from the source")
            )
        case .undecodable(let encoding, let others):
            return (
                language.pick("\(encoding) 텍스트", "\(encoding) 编码的文本", "text in \(encoding)"),
                language.pick(
                    "\(encoding)이(가) 아닌 바이트. --encoding \(others.joined(separator: " 또는 "))(으)로 다시 가져와 보세요",
                    "不是 \(encoding) 的字节；请尝试 --encoding \(others.joined(separator: " 或 "))",
                    "bytes that are not \(encoding); try --encoding \(others.joined(separator: " or "))")
            )
        case .truncatedCharacter(let encoding):
            return (
                language.pick(
                    "파일 끝의 완전한 \(encoding) 문자", "文件末尾完整的 \(encoding) 字符",
                    "a whole \(encoding) character at the end of the file"),
                language.pick(
                    "문자 중간에서 끝나는 파일. 내려받거나 복사하는 중에 잘린 것 같습니다. 파일 전체를 다시 받아 주세요",
                    "在一个字符中间结束的文件；文件可能在下载或复制时被截断，请重新获取完整的文件",
                    "a file that ends partway through a character; it was probably cut off while being downloaded or "
                        + "copied: get the whole file again")
            )
        case .misread(let requested, let detected, let seen):
            let shown = Self.shortened(seen)
            return (
                language.pick(
                    "--encoding \(requested)에 따라 \(requested)(으)로 읽을 수 있는 내보내기 파일",
                    "按 --encoding \(requested) 以 \(requested) 读取的导出文件",
                    "an export that reads as \(requested), as --encoding \(requested) asked"),
                (seen.isEmpty
                    ? language.pick("내보내기 파일로 읽히지 않는 텍스트", "读不成导出文件的文本", "text that does not read as an export")
                    : language.pick("'\(shown)'처럼 읽히는 텍스트", "读出来像“\(shown)”的文本", "text that reads as '\(shown)'"))
                    + language.pick(
                        ". 파일의 바이트는 \(detected)(으)로 보입니다. --encoding 없이(또는 --encoding \(detected)로) 다시 "
                            + "가져와 주세요",
                        "；文件的字节看起来是 \(detected)：请去掉 --encoding（或改用 --encoding \(detected)）重新导入",
                        "; the file's bytes look like \(detected): import it again without --encoding (or with "
                            + "--encoding \(detected))")
            )
        default: return nil
        }
    }

    private func layoutWording(in language: Language) -> (expected: String, found: String)? {
        let profile = language.pick(
            "매핑 파일을 --profile로 지정해 주세요", "请用 --profile 指定映射文件", "add a mapping file with --profile")
        switch self {
        case .unknownLayout(let needed, let found):
            let groups = needed.map { $0.joined(separator: language.pick(" 또는 ", " 或 ", " or ")) }
            let columns = Self.columnList(found, in: language)
            return (
                language.pick(
                    "\(groups.joined(separator: "; 그리고 ")) 열. \(profile)",
                    "\(groups.joined(separator: "；以及 ")) 的列；\(profile)",
                    "columns for \(groups.joined(separator: "; and ")); \(profile)"),
                found.isEmpty
                    ? language.pick("헤더 행이 없습니다", "没有表头行", "no header row")
                    : language.pick("열 \(columns)", "列 \(columns)", "columns \(columns)")
            )
        case .noSheetWithLayout(let sheets):
            return (
                language.pick(
                    "기업명 열과 신용코드 또는 등록번호 열이 있는 시트", "含企业名称列及统一社会信用代码或注册号列的工作表",
                    "a sheet with a name column and a credit-code or registration-number column"),
                language.pick(
                    "그런 열이 없는 시트 \(sheets.joined(separator: ", ")). \(profile)",
                    "工作表 \(sheets.joined(separator: "、")) 都没有这些列；\(profile)",
                    "sheets \(sheets.joined(separator: ", ")) without one; \(profile)")
            )
        case .noJSONObjects:
            return (
                language.pick("기업 필드가 있는 JSON 객체", "含企业字段的 JSON 对象", "JSON objects with a company's fields"),
                language.pick("없음", "没有", "none")
            )
        default: return nil
        }
    }
}

extension FileRefusal {
    /// The longest header shown whole, and how many headers are listed: enough for any real export, while a
    /// header read in the wrong encoding (one run of ideographs tens of kilobytes long) stays one line.
    static let shownHeaderLength = 40
    static let shownHeaderCount = 60

    /// `text`, cut after `shownHeaderLength` characters with '…'.
    static func shortened(_ text: String) -> String {
        text.count <= shownHeaderLength ? text : text.prefix(shownHeaderLength) + "…"
    }

    /// The headers found, each shortened, at most `shownHeaderCount` of them and then how many more there are.
    static func columnList(_ found: [String], in language: Language) -> String {
        let shown = found.prefix(shownHeaderCount).map(shortened).joined(separator: language.pick(", ", "、", ", "))
        let more = found.count - shownHeaderCount
        guard more > 0 else { return shown }
        return shown + language.pick(" 외 \(more)개", " 等另外 \(more) 列", " and \(more) more")
    }

    /// A file with a header and no rows under it: what an export of a search that found nothing looks like.
    static func headersOnly(in sheets: [String], _ language: Language) -> String {
        let advice = language.pick(
            "내보낸 검색의 조건을 확인하거나 다시 내보내 주세요", "请检查导出时的筛选条件，或重新导出",
            "check the filters of the search it was exported from, or export it again")
        guard !sheets.isEmpty else {
            return language.pick("헤더 행뿐이고 기업 행이 없습니다. ", "只有表头行，没有企业行；", "only a header row, no company rows; ")
                + advice
        }
        let quoted = sheets.map { "'\($0)'" }
        return language.pick(
            "시트 \(quoted.joined(separator: ", "))에 헤더 행뿐이고 기업 행이 없습니다. ",
            "工作表 \(quoted.joined(separator: "、")) 只有表头行，没有企业行；",
            "only header rows, in sheets \(quoted.joined(separator: ", ")), no company rows; ") + advice
    }
}

extension FileRefusal.Kind {
    /// What the file is, and how to get an export from it.
    func text(in language: Language) -> String {
        let saveAs = language.pick(
            "Excel이나 WPS에서 열어 Excel 통합 문서(.xlsx) 또는 CSV UTF-8로 저장해 주세요",
            "请用 Excel 或 WPS 打开，另存为 Excel 工作簿（.xlsx）或 CSV UTF-8",
            "open it in Excel or WPS and save it as an Excel workbook (.xlsx) or as CSV UTF-8")
        return switch self {
        case .binaryOffice:
            language.pick(
                "Excel 97–2003 통합 문서(.xls) 또는 다른 바이너리 Office 파일. \(saveAs)",
                "Excel 97–2003 工作簿（.xls）或其他二进制 Office 文件；\(saveAs)",
                "an Excel 97–2003 workbook (.xls) or another binary Office file; \(saveAs)")
        case .gzip:
            language.pick(
                "gzip으로 압축한 파일. 압축을 풀고(gunzip) 안의 파일을 가져오세요", "gzip 压缩文件；请解压（gunzip）后导入其中的文件",
                "a gzip-compressed file; unpack it (gunzip) and import what it holds")
        case .pdf:
            language.pick(
                "PDF 문서. 등기 정보 서비스에서 기업 목록을 Excel이나 CSV로 내보내 주세요", "PDF 文档；请改从工商信息服务导出 Excel 或 CSV",
                "a PDF document; export the companies from the registry service as Excel or CSV instead")
        case .xmlSpreadsheet:
            language.pick(
                "XML 스프레드시트 2003 파일. \(saveAs)", "XML 电子表格 2003 文件；\(saveAs)",
                "an XML Spreadsheet 2003 file; \(saveAs)")
        case .html:
            language.pick(
                "HTML 페이지(일부 시스템은 표를 .xls 이름의 HTML로 저장합니다). \(saveAs)",
                "HTML 网页（有些系统会把表格存成扩展名为 .xls 的网页）；\(saveAs)",
                "an HTML page (some systems save a table as one under .xls); \(saveAs)")
        }
    }
}

import ChainscopeCore

/// The words of the refusals particular to JSON and XLSX files.
extension FileRefusal {
    func jsonWording(in language: Language) -> (expected: String, found: String)? {
        let perCompany = language.pick("기업마다 객체 하나", "每家企业一个对象", "one object per company")
        let records = language.pick(
            "\(perCompany)(pandas: to_json(orient='records') 또는 orient='records', lines=True)",
            "\(perCompany)（pandas：to_json(orient='records') 或 orient='records', lines=True）",
            "\(perCompany) (pandas: to_json(orient='records') or orient='records', lines=True)")
        let element = language.pick(
            "배열의 각 요소인 객체({…})", "数组中每个元素都应是对象（{…}）", "an object ({…}) as each element of the array")
        let endOfFile = language.pick("파일의 끝", "文件结尾", "the end of the file")
        switch self {
        case .jsonSplitTable:
            return (
                records,
                language.pick(
                    "열 이름과 값의 행으로 나눈 표(pandas의 orient='split')", "拆成列名和数值行的表（pandas 的 orient='split'）",
                    "a table split into its columns and rows of values (pandas' orient='split')")
            )
        case .jsonColumnTable(let key):
            return (
                records,
                language.pick(
                    "열 단위로 쓴 표. 열마다 값의 객체입니다('\(key)': {…})", "按列写出的表，每列是一个值对象（'\(key)': {…}）",
                    "a table written by columns, each column an object of values ('\(key)': {…})")
            )
        case .jsonTooLarge(let mebibytes):
            return (
                language.pick(
                    "\(perCompany), 또는 기업들이 배열에 들어 있는 응답(pandas: orient='records')",
                    "\(perCompany)，或企业位于数组中的响应（pandas：orient='records'）",
                    "\(perCompany), or a response whose companies are in an array (pandas: orient='records')"),
                language.pick(
                    "기업 배열이 없는 \(mebibytes) MiB 초과 객체", "超过 \(mebibytes) MiB 且其中没有企业数组的对象",
                    "an object of more than \(mebibytes) MiB with no array of companies in it")
            )
        case .jsonSyntax(let expectation, let found):
            return (expectation.text(in: language), found ?? JSONExpectation.endOfObject.text(in: language))
        case .jsonUnclosedObject:
            return (
                language.pick(
                    "이 행에서 시작한 객체의 끝", "从此行开始的对象的结尾", "the end of the object that starts on this line"),
                endOfFile
            )
        case .jsonUnclosedArray:
            return (language.pick("배열을 닫는 ']'", "结束数组的 ']'", "a ']' closing the array"), endOfFile)
        case .jsonArrayOfArrays:
            return (
                element,
                language.pick(
                    "배열. 값의 배열로 쓴 행에는 열 이름이 없습니다(pandas: orient='values'). 기업마다 객체 하나로 써 주세요"
                        + "(orient='records')",
                    "数组：写成数值数组的行没有列名（pandas：orient='values'）；请每家企业写一个对象（orient='records'）",
                    "an array: rows written as arrays of values have no column names (pandas: orient='values'); "
                        + "write one object per company (orient='records')")
            )
        case .jsonNotAnObject(let isInArray, let found):
            return (
                isInArray ? element : language.pick("JSON 객체({…})", "JSON 对象（{…}）", "a JSON object ({…})"),
                found.map { "'\($0)'" } ?? language.pick("JSON이 아닌 텍스트", "不是 JSON 的文本", "text that is not JSON")
            )
        default: return nil
        }
    }

    func xlsxWording(in language: Language) -> (expected: String, found: String)? {
        switch self {
        case .xlsxNotZip:
            return (
                language.pick(
                    "ZIP 아카이브(.xlsx 파일은 ZIP입니다)", "ZIP 压缩包（.xlsx 文件就是 ZIP）", "a ZIP archive (an .xlsx file is one)"),
                language.pick(
                    "ZIP이 아닌 파일. 파일이 잘렸을 수 있습니다", "不是 ZIP 的文件；文件可能被截断", "a file that is not one; it may be truncated")
            )
        case .xlsxNoWorkbook:
            return (
                language.pick(
                    "xl/workbook.xml과 그 관계 파일", "xl/workbook.xml 及其关系文件", "xl/workbook.xml and its relationships"),
                language.pick(
                    "그것이 없는 ZIP 아카이브로, Excel 통합 문서가 아닙니다. 안에 내보내기 파일이 있다면 압축을 풀고 그 파일을 가져오세요",
                    "缺少它们的 ZIP 压缩包，不是 Excel 工作簿；如果其中有导出文件，请解压后导入这些文件",
                    "a ZIP archive without them, not an Excel workbook; if it holds exports, unpack it and import those"
                )
            )
        case .xlsxMissingPart(let part):
            return (
                language.pick("시트 파트 \(part)", "工作表部件 \(part)", "the sheet part \(part)"),
                language.pick("그런 파트가 없습니다", "没有该部件", "no such part")
            )
        case .xlsxNoSheets:
            return (language.pick("시트 하나 이상", "至少一个工作表", "at least one sheet"), language.pick("없음", "没有", "none"))
        case .xlsxSharedStringTooLong(let index):
            return (
                language.pick(
                    "4 MiB보다 짧은 공유 문자열(셀 하나에는 최대 32,767자)", "短于 4 MiB 的共享字符串（一个单元格最多 32,767 个字符）",
                    "shared strings shorter than 4 MiB (a cell holds at most 32,767 characters)"),
                language.pick(
                    "그보다 긴 공유 문자열 \(index)", "第 \(index) 个共享字符串超过此长度", "shared string \(index) longer than that")
            )
        case .xlsxTemporaryFile(let operation, let folder, let reason):
            return (
                language.pick(
                    "\(folder)에 통합 문서의 공유 문자열을 둘 공간(큰 통합 문서는 임시 파일에 둡니다). 그곳의 공간을 비우거나 "
                        + "TMPDIR을 공간이 있는 폴더로 지정해 주세요",
                    "\(folder) 中存放工作簿共享字符串的空间（大型工作簿将其存入临时文件）；请释放该处空间，或将 TMPDIR 设为有空间的文件夹",
                    "room in \(folder) for the workbook's shared strings, which a large workbook keeps in a temporary "
                        + "file; free space there or set TMPDIR to a folder with room"),
                "\(operation.text(in: language)): \(reason)"
            )
        case .xlsxMalformedXML(let part, let problem):
            return (
                language.pick("\(part)의 올바른 XML", "\(part) 中格式正确的 XML", "well-formed XML in \(part)"),
                problem.text(in: language)
            )
        case .xlsxUnreadablePart(let part, let reason):
            return (
                language.pick("읽을 수 있는 파트 \(part)", "可读取的部件 \(part)", "a readable part \(part)"),
                language.pick(
                    "\(reason). 파일이 손상되었을 수 있습니다", "\(reason)；文件可能已损坏", "\(reason); the file may be damaged")
            )
        default: return nil
        }
    }
}

extension FileRefusal.JSONExpectation {
    func text(in language: Language) -> String {
        switch self {
        case .endOfObject: language.pick("객체의 끝", "对象的结尾", "the end of the object")
        case .value: language.pick("값", "一个值", "a value")
        case .closingQuote: language.pick("닫는 따옴표", "右引号", "a closing quote")
        case .escape: language.pick("이스케이프 문자", "转义字符", "an escape")
        case .unicodeEscape: language.pick("올바른 \\u 이스케이프", "有效的 \\u 转义", "a valid \\u escape")
        case .hexDigits: language.pick("16진수 네 자리", "四位十六进制数字", "four hex digits")
        case .endOfNestedValue: language.pick("중첩된 값의 끝", "嵌套值的结尾", "the end of a nested value")
        case .character(let character): "'\(character)'"
        }
    }
}

extension FileRefusal.TemporaryFileOperation {
    func text(in language: Language) -> String {
        switch self {
        case .create:
            language.pick("임시 파일을 만들 수 없습니다", "无法创建临时文件", "could not create the temporary file")
        case .read: language.pick("임시 파일을 읽을 수 없습니다", "无法读取临时文件", "could not read the temporary file")
        case .write: language.pick("임시 파일에 쓸 수 없습니다", "无法写入临时文件", "could not write the temporary file")
        }
    }
}

extension FileRefusal.XMLProblem {
    func text(in language: Language) -> String {
        switch self {
        case .endsInsideTag: language.pick("XML이 태그 안에서 끝납니다", "XML 在标签内部结束", "the XML ends inside a tag")
        case .malformedAttribute(let tag):
            language.pick("<\(tag)>의 잘못된 속성", "<\(tag)> 中的属性格式错误", "a malformed attribute in <\(tag)>")
        }
    }
}

import ChainscopeCore
import ChainscopeIngest
import Foundation

extension QuarantineCommand.Export {
    /// `--original`: the import's quarantined rows in its file's columns, to correct and import again. The quarantine
    /// is read twice, a page at a time: once for the header (every row's columns), once for the rows.
    func writeOriginal() async throws(CommandError) {
        guard let importID = selection.importID else { throw Self.originalNeedsImport }
        try await selection.withSelection { store, selected, language throws(CommandError) in
            var layout = OriginalRows()
            let count = try await QuarantineCommand.Selection.forEachPage(in: store, importID: importID) { rows in
                for row in rows { layout.take(row) }
            }
            guard count > 0, let selected else {
                FileHandle.standardError.write(Data((Self.nothingToWrite(importID, in: language) + "\n").utf8))
                return
            }
            let sink = try OutputFile(output)
            if output != nil { try sink.write(Data([0xEF, 0xBB, 0xBF])) }
            let columns = layout
            try sink.write(Data(columns.headLines(synthetic: selected.isSynthetic).utf8))
            _ = try await QuarantineCommand.Selection.forEachPage(in: store, importID: importID) { rows in
                // Nil only if an import added rows between the two readings, which no import does once committed.
                guard let lines = columns.lines(rows) else { throw Self.quarantineChanged(importID) }
                try sink.write(Data(lines.utf8))
            }
            try sink.commit()
            let note = Self.wroteOriginal(
                count, of: selected, to: output, orderKnown: columns.isOrderKnown, in: language)
            FileHandle.standardError.write(Data((note + "\n").utf8))
        }
    }

    static let originalNeedsImport = CommandError(
        ko: "--original에는 --import N이 필요합니다. 한 가져오기의 행만 그 파일의 열로 다시 쓸 수 있습니다. "
            + "가져오기 번호는 `chainscope quarantine list`에 나옵니다.",
        zh: "--original 需要 --import N：只有同一次导入的行才能按其文件的列写回。导入编号见 `chainscope quarantine list`。",
        en: "--original needs --import N: only one import's rows can be written back in its file's columns. "
            + "`chainscope quarantine list` shows the imports' numbers.",
        exitCode: 64)

    static func quarantineChanged(_ importID: Int64) -> CommandError {
        CommandError(
            ko: "쓰는 동안 가져오기 #\(importID)의 격리된 행이 바뀌었습니다. 다시 실행하세요.",
            zh: "写入期间导入 #\(importID) 的隔离行发生了变化；请重新运行。",
            en: "Import #\(importID)'s quarantined rows changed while they were written; run the command again.",
            exitCode: 75)
    }

    static func nothingToWrite(_ importID: Int64, in language: Language) -> String {
        language.pick(
            "가져오기 #\(importID)에는 격리된 행이 없어 아무것도 쓰지 않았습니다.", "导入 #\(importID) 没有被隔离的行，未写入任何内容。",
            "Import #\(importID) has no quarantined rows; nothing was written.")
    }

    /// What was written where, and how to import it again: with the export's own day, so that the corrected rows
    /// count from the day the export was taken, not the day they were corrected.
    static func wroteOriginal(
        _ count: Int, of selected: RegistryImport, to output: String?, orderKnown: Bool, in language: Language
    ) -> String {
        let command = "chainscope import \(shellWord(output ?? "FILE")) --snapshot-date \(selected.snapshotDate)"
        let rows = "#\(selected.id) (\(selected.file))"
        let wrote = language.pick(
            "가져오기 \(rows)의 격리된 행 \(count)개를 그 파일의 열 그대로 \(output ?? "표준 출력")에 썼습니다. "
                + "값을 고친 뒤 내보낸 날짜로 다시 가져오세요: \(command)",
            "已将导入 #\(selected.id)（\(selected.file)）中被隔离的 \(count) 行按原文件的列写入\(output.map { " \($0)" } ?? "标准输出")。"
                + "改正后按导出日期重新导入：\(command)",
            "Wrote import \(rows)'s \(count) quarantined row\(count == 1 ? "" : "s") in its file's columns to "
                + "\(output ?? "standard output"). Correct them, then import them with the export's date: \(command)")
        guard !orderKnown else { return wrote }
        return wrote + "\n"
            + language.pick(
                "열 순서를 저장하기 전에 격리된 행이 있어, 그 행들의 열은 이름순입니다.", "其中有些行在保存列顺序之前被隔离，其列按名称排序。",
                "Some rows were quarantined before their column order was kept; their columns are in name order.")
    }

    /// `text` as one word of a POSIX shell command.
    static func shellWord(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_./=:+,@%".unicodeScalars.contains($0)
        }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}

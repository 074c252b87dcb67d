import Foundation

extension Chart {
    /// Fonts that hold Hangul and Han characters, then the platform's sans-serif.
    static let fonts =
        "'Noto Sans CJK SC', 'Noto Sans CJK KR', 'Noto Sans SC', 'Noto Sans KR', 'Source Han Sans', sans-serif"
    static let ink = "#1f2933"
    static let muted = "#52606d"
    static let grid = "#d9e2ec"
    /// A blue that keeps 4.5:1 contrast with white and prints as a mid grey.
    static let bar = "#1d5fa8"
    /// Parts of a stacked bar: one hue at three lightnesses, told apart on screen and in grey print.
    static let parts = ["#1d5fa8", "#6fa8dc", "#c6dbef", "#0b3a66"]

    /// The chart as a standalone SVG document: title, axes with labels and unit, bars with values,
    /// and the source line under it. Black-on-white with one accent colour, so it also prints.
    public func svg() -> String {
        switch kind {
        case .columns: columnsSVG()
        case .ranking: rankingSVG()
        case .line: lineSVG()
        }
    }

    /// The chart's frame: background, title, `body` (drawn for a plot `height` high) and the source
    /// lines under it, wrapped to the width.
    private func frame(width: Int, height: Int, _ body: String) -> String {
        let title = Self.escape(self.title)
        let source = Self.wrap(sourceText, width: Double(width) - 32, fontSize: 11)
        let total = height + 15 * (source.count - 1)
        let lines = source.enumerated().map { index, line in
            "<text x=\"16\" y=\"\(height - 12 + 15 * index)\" font-size=\"11\" fill=\"\(Self.muted)\">\(Self.escape(line))</text>"
        }.joined(separator: "\n")
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(total)" width="\(width)" height="\(total)" \
            role="img" aria-label="\(title)" font-family="\(Self.fonts)">
            <title>\(title)</title>
            <rect width="\(width)" height="\(total)" fill="#ffffff"/>
            <text x="16" y="26" font-size="16" font-weight="bold" fill="\(Self.ink)">\(title)</text>
            \(body)
            \(lines)
            </svg>
            """
    }

    /// The width of `text` in points: a Han or Hangul character takes the font size, others a little over half.
    static func estimatedWidth(_ text: some StringProtocol, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? fontSize : fontSize * 0.56) }
    }

    /// Lines of at most `width` points (estimated), broken after spaces and list separators where possible.
    static func wrap(_ text: String, width: Double, fontSize: Double) -> [String] {
        func measure(_ piece: Substring) -> Double { estimatedWidth(piece, fontSize: fontSize) }
        var pieces: [Substring] = []
        var start = text.startIndex
        for index in text.indices where " ;；,，、".contains(text[index]) {
            pieces.append(text[start...index])
            start = text.index(after: index)
        }
        if start < text.endIndex { pieces.append(text[start...]) }
        var lines: [String] = []
        var line = ""
        for piece in pieces {
            if !line.isEmpty, measure(Substring(line)) + measure(piece) > width {
                lines.append(line.trimmingCharacters(in: .whitespaces))
                line = ""
            }
            for character in piece {
                if !line.isEmpty, measure(Substring(line + String(character))) > width {
                    lines.append(line)
                    line = ""
                }
                line.append(character)
            }
        }
        if !line.isEmpty { lines.append(line.trimmingCharacters(in: .whitespaces)) }
        return lines.isEmpty ? [""] : lines
    }

    private func columnsSVG() -> String {
        let (width, height) = (760, 360)
        let (plot, grid) = valuePlot(width: width, height: height, left: 64, right: 16, top: 56, bottom: 92)
        let (left, top, plotWidth, plotHeight, ceiling) = (plot.left, plot.top, plot.width, plot.height, plot.ceiling)
        var body = grid
        let slot = plotWidth / Double(max(bars.count, 1))
        let every = max(1, Int((Double(bars.count) / 12).rounded(.up)))
        for (index, bar) in bars.enumerated() {
            let x = left + slot * Double(index) + slot * 0.15
            var base = top + plotHeight
            let parts = bar.parts.isEmpty ? [bar.value] : bar.parts
            for (part, value) in parts.enumerated() where value > 0 {
                let height = plotHeight * value / ceiling
                let name = series.indices.contains(part) ? " \(series[part])" : ""
                let fill = bar.parts.isEmpty ? Self.bar : Self.parts[part % Self.parts.count]
                body += "<rect x=\(Self.q(x)) y=\(Self.q(base - height)) width=\(Self.q(slot * 0.7)) "
                body +=
                    "height=\(Self.q(height)) fill=\"\(fill)\"><title>\(Self.escape(bar.label))\(Self.escape(name)): "
                body += "\(bar.parts.isEmpty ? Self.escape(bar.valueText) : Self.tickText(value))</title></rect>\n"
                base -= height
            }
            guard index % every == 0 else { continue }
            let labelX = left + slot * (Double(index) + 0.5)
            body +=
                "<text x=\(Self.q(labelX)) y=\(Self.q(top + plotHeight + 16)) font-size=\"11\" text-anchor=\"middle\" "
            body += "fill=\"\(Self.ink)\">\(Self.escape(bar.label))</text>\n"
        }
        body += "<text x=\"16\" y=\"46\" font-size=\"12\" fill=\"\(Self.muted)\">\(Self.escape(unit))</text>\n"
        body += legend(right: left + plotWidth)
        body += "<text x=\(Self.q(left + plotWidth / 2)) y=\(Self.q(top + plotHeight + 38)) font-size=\"12\" "
        body += "text-anchor=\"middle\" fill=\"\(Self.muted)\">\(Self.escape(axis))</text>"
        return frame(width: width, height: height, body)
    }

    private func lineSVG() -> String {
        let (width, height) = (760, 320)
        let (plot, grid) = valuePlot(width: width, height: height, left: 64, right: 40, top: 56, bottom: 84)
        let (left, top, plotWidth, plotHeight, ceiling) = (plot.left, plot.top, plot.width, plot.height, plot.ceiling)
        var body = grid
        let step = plotWidth / Double(max(bars.count, 1))
        let points = bars.enumerated().map { index, bar in
            (x: left + step * (Double(index) + 0.5), y: top + plotHeight * (1 - bar.value / ceiling), bar: bar)
        }
        let path = points.map { "\(String(format: "%.1f", $0.x)),\(String(format: "%.1f", $0.y))" }
        body +=
            "<polyline points=\"\(path.joined(separator: " "))\" fill=\"none\" stroke=\"\(Self.bar)\" stroke-width=\"2\"/>\n"
        for point in points {
            let fill = point.bar.isDerived ? "#ffffff" : Self.bar
            body +=
                "<circle cx=\(Self.q(point.x)) cy=\(Self.q(point.y)) r=\"5\" fill=\"\(fill)\" stroke=\"\(Self.bar)\" "
            body +=
                "stroke-width=\"2\"><title>\(Self.escape(point.bar.label)): \(Self.escape(point.bar.valueText))</title></circle>\n"
            body += "<text x=\(Self.q(point.x)) y=\(Self.q(point.y - 12)) font-size=\"12\" text-anchor=\"middle\" "
            body += "fill=\"\(Self.ink)\">\(Self.escape(point.bar.valueText))</text>\n"
            body +=
                "<text x=\(Self.q(point.x)) y=\(Self.q(top + plotHeight + 16)) font-size=\"11\" text-anchor=\"middle\" "
            body += "fill=\"\(Self.ink)\">\(Self.escape(point.bar.label))</text>\n"
        }
        body += "<text x=\"16\" y=\"46\" font-size=\"12\" fill=\"\(Self.muted)\">\(Self.escape(unit))</text>\n"
        if let derived = series.first, bars.contains(where: \.isDerived) {
            let x = left + plotWidth - Self.estimatedWidth(derived, fontSize: 12)
            body +=
                "<circle cx=\(Self.q(x - 10)) cy=\"42\" r=\"4\" fill=\"#ffffff\" stroke=\"\(Self.bar)\" stroke-width=\"2\"/>"
            body +=
                "<text x=\(Self.q(x)) y=\"46\" font-size=\"12\" fill=\"\(Self.ink)\">\(Self.escape(derived))</text>\n"
        }
        body += "<text x=\(Self.q(left + plotWidth / 2)) y=\(Self.q(top + plotHeight + 36)) font-size=\"12\" "
        body += "text-anchor=\"middle\" fill=\"\(Self.muted)\">\(Self.escape(axis))</text>"
        return frame(width: width, height: height, body)
    }

    /// The plot area of a chart with a value axis inside the margins, with the value at its top.
    private struct ValuePlot {
        let left: Double
        let top: Double
        let width: Double
        let height: Double
        let ceiling: Double
    }

    /// The plot area for the bars' values, and its gridlines.
    private func valuePlot(
        width: Int, height: Int, left: Double, right: Double, top: Double, bottom: Double
    ) -> (ValuePlot, gridlines: String) {
        let ticks = Self.ticks(max: bars.map(\.value).max() ?? 0)
        let plot = ValuePlot(
            left: left, top: top, width: Double(width) - left - right, height: Double(height) - top - bottom,
            ceiling: ticks.last ?? 1)
        return (plot, gridlines(ticks, in: plot))
    }

    /// Horizontal gridlines with their values on the left, and the baseline.
    private func gridlines(_ ticks: [Double], in plot: ValuePlot) -> String {
        let (left, top, plotWidth, plotHeight, ceiling) = (plot.left, plot.top, plot.width, plot.height, plot.ceiling)
        var body = ""
        for tick in ticks {
            let y = top + plotHeight * (1 - tick / ceiling)
            body +=
                "<line x1=\"\(left)\" y1=\(Self.q(y)) x2=\"\(left + plotWidth)\" y2=\(Self.q(y)) stroke=\"\(Self.grid)\"/>"
            body +=
                "<text x=\"\(left - 6)\" y=\(Self.q(y + 4)) font-size=\"11\" text-anchor=\"end\" fill=\"\(Self.muted)\">"
            body += "\(Self.tickText(tick))</text>\n"
        }
        body += "<line x1=\"\(left)\" y1=\(Self.q(top + plotHeight)) x2=\"\(left + plotWidth)\" "
        body += "y2=\(Self.q(top + plotHeight)) stroke=\"\(Self.ink)\"/>\n"
        return body
    }

    /// Swatches and names of the stacked series, right-aligned on the unit's line.
    private func legend(right: Double) -> String {
        var x = right
        var items: [String] = []
        for (index, name) in series.enumerated().reversed() {
            x -= Self.estimatedWidth(name, fontSize: 12)
            items.append(
                "<rect x=\(Self.q(x - 16)) y=\"36\" width=\"11\" height=\"11\" fill=\"\(Self.parts[index % Self.parts.count])\"/>"
                    + "<text x=\(Self.q(x)) y=\"46\" font-size=\"12\" fill=\"\(Self.ink)\">\(Self.escape(name))</text>")
            x -= 28
        }
        return items.reversed().joined(separator: "\n") + (items.isEmpty ? "" : "\n")
    }

    private func rankingSVG() -> String {
        let rowHeight = 26.0
        let (left, right, top) = (150.0, 90.0, 64.0)
        let width = 760
        let height = Int(top + rowHeight * Double(bars.count) + 56)
        let plotWidth = Double(width) - left - right
        let ceiling = max(bars.map(\.value).max() ?? 0, 1)
        var body = "<text x=\"16\" y=\"46\" font-size=\"12\" fill=\"\(Self.muted)\">"
        body += "\(Self.escape(axis)) · \(Self.escape(unit))</text>\n"
        for (index, bar) in bars.enumerated() {
            let y = top + rowHeight * Double(index)
            let length = plotWidth * bar.value / ceiling
            body += "<text x=\(Self.q(left - 8)) y=\(Self.q(y + 17)) font-size=\"13\" text-anchor=\"end\" "
            body += "fill=\"\(Self.ink)\">\(Self.escape(bar.label))</text>"
            body +=
                "<rect x=\(Self.q(left)) y=\(Self.q(y + 4)) width=\(Self.q(length)) height=\(Self.q(rowHeight - 8)) "
            body += "fill=\"\(Self.bar)\"/>"
            body += "<text x=\(Self.q(left + length + 6)) y=\(Self.q(y + 17)) font-size=\"12\" fill=\"\(Self.ink)\">"
            body += "\(Self.escape(bar.valueText))</text>\n"
        }
        return frame(width: width, height: height, body)
    }

    /// Round gridline values from 0 up to at least `max`: steps of 1, 2 or 5 times a power of ten.
    static func ticks(max: Double) -> [Double] {
        guard max > 0 else { return [0, 1] }
        let rough = max / 4
        let power = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        let count = Int((max / step).rounded(.up))
        return (0...count).map { Double($0) * step }
    }

    static func tickText(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// A coordinate, quoted, with at most one decimal.
    static func q(_ value: Double) -> String { "\"\(String(format: "%.1f", value))\"" }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

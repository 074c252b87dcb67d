import ChainscopeReports
import Foundation
import Testing

@Suite("SVG charts")
struct ChartTests {
    static func chart(_ kind: Chart.Kind, values: [Double]) -> Chart {
        Chart(
            kind: kind, title: "每月新注册企业 <AI>", unit: "企业数", axis: "成立月份",
            bars: values.enumerated().map { index, value in
                Chart.Bar(label: "2022-\(index + 1)", value: value, valueText: "\(Int(value))")
            },
            source: [.note(1)], sourceText: "Chainscope 工商数据统计：导入 #1")
    }

    @Test("A column chart has its title, unit, axis label, source line and one bar per non-zero value")
    func columns() throws {
        let svg = Self.chart(.columns, values: [3, 0, 17, 8]).svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        for text in ["<title>每月新注册企业 &lt;AI&gt;</title>", ">企业数</text>", ">成立月份</text>", "Chainscope 工商数据统计"] {
            #expect(svg.contains(text), "\(text)")
        }
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == 3)
        #expect(svg.contains("Noto Sans CJK"))
        // The tallest bar reaches the top gridline's value at most: 17 on a 0–20 axis.
        #expect(svg.contains(">20</text>") && !svg.contains(">25</text>"))
    }

    static let tickCases: [(Double, [Double])] = [
        (0, [0, 1]), (7, [0, 2, 4, 6, 8]), (17, [0, 5, 10, 15, 20]), (10_320, [0, 5_000, 10_000, 15_000]),
    ]

    @Test("Gridlines are round numbers that cover the largest value", arguments: tickCases)
    func ticks(max: Double, expected: [Double]) {
        let svg = Self.chart(.columns, values: [max]).svg()
        for tick in expected { #expect(svg.contains(">\(Int(tick))</text>"), "\(tick)") }
    }

    @Test("A ranking lists each bar with its label and value, largest first as given")
    func ranking() {
        let svg = Self.chart(.ranking, values: [9, 4, 1]).svg()
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == 3)
        #expect(svg.contains(">2022-1</text>") && svg.contains(">9</text>"))
    }

    @Test("A stacked column chart draws one rectangle per non-empty part and names the parts in a legend")
    func stacked() {
        var chart = Self.chart(.columns, values: [6, 4])
        chart.bars[0].parts = [1, 2, 3]
        chart.bars[1].parts = [4, 0, 0]
        chart.series = ["基础层", "技术层", "应用层"]
        let svg = chart.svg()
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == 4 + 3)
        for name in chart.series { #expect(svg.contains(">\(name)</text>"), "\(name)") }
        #expect(svg.contains("<title>2022-1 技术层: 2</title>"))
    }

    @Test("A line chart joins its points, draws a derived point hollow and says so in a legend")
    func line() {
        var chart = Self.chart(.line, values: [1906, 2072])
        chart.bars[0].isDerived = true
        chart.series = ["Chainscope 计算"]
        let svg = chart.svg()
        #expect(svg.contains("<polyline points="))
        #expect(svg.components(separatedBy: "<circle ").count - 1 == 3)
        #expect(svg.contains("r=\"5\" fill=\"#ffffff\"") && svg.contains(">Chainscope 计算</text>"))
        let published = Self.chart(.line, values: [1906, 2072]).svg()
        #expect(!published.contains("fill=\"#ffffff\" stroke") && !published.contains("Chainscope 计算"))
    }
}

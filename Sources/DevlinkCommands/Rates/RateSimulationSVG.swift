import DevlinkModel
import DLSLanguage

/// `qos simulate ... svg FILE`: the tree as an SVG picture for reports. One row per rate object in
/// tree order, indented under its parent with a connector, a bar proportional to its allocation
/// (the demand drawn behind it as an outline) and the binding constraint.
enum RateSimulationSVG {
    static let row = 28, indent = 22, nameWidth = 330, barX = 360, barWidth = 380, width = 1000

    static func render(_ s: RateSimulation, iec: Bool = false) -> String {
        func rate(_ b: UInt64) -> String { Rate(bytesPerSecond: b).formatted(iec: iec) }
        let text = RateSimulationText(iec: iec, color: false)
        let scale = Double(max(s.allocations.map { max($0.allocated, $0.demand) }.max() ?? 0, 1))
        let height = (s.allocations.count + 3) * row
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" font-family="monospace" font-size="13">
        <rect width="100%" height="100%" fill="white"/>
        <text x="10" y="20" font-weight="bold">\(escape(text.summary(s)))</text>

        """
        // Where each row's connector starts, by handle, for its children.
        var rowOf: [String: Int] = [:]
        for (i, a) in s.allocations.enumerated() {
            let y = (i + 2) * row
            let x = 10 + a.depth * indent
            if let parent = a.parent, let p = rowOf[RateHandle.node(s.device, parent).description] {
                let px = 10 + (s.allocations[p].depth) * indent + 6
                out += "<path d=\"M\(px) \((p + 2) * row + 4) V\(y - 4) H\(x)\" fill=\"none\" stroke=\"#888\"/>\n"
            }
            rowOf[a.handle.description] = i
            let name = escape(a.handle.description)
            out += "<text x=\"\(x)\" y=\"\(y)\"\(a.isLeaf ? "" : " font-weight=\"bold\"")>\(name)</text>\n"
            let demandWidth = Int(Double(a.demand) / scale * Double(barWidth))
            let allocatedWidth = Int(Double(a.allocated) / scale * Double(barWidth))
            if demandWidth > 0 {
                out += "<rect x=\"\(barX)\" y=\"\(y - 13)\" width=\"\(demandWidth)\" height=\"16\" fill=\"none\" stroke=\"#bbb\"/>\n"
            }
            if allocatedWidth > 0 {
                out += "<rect x=\"\(barX)\" y=\"\(y - 13)\" width=\"\(allocatedWidth)\" height=\"16\" fill=\"\(fill(a.bound))\"/>\n"
            }
            let label = "\(rate(a.allocated)) of \(rate(a.demand)) · \(text.bound(a.bound))"
            out += "<text x=\"\(barX + barWidth + 10)\" y=\"\(y)\">\(escape(label))</text>\n"
        }
        out += "</svg>\n"
        return out
    }

    static func fill(_ bound: RateBound) -> String {
        switch bound {
        case .demand: return "#4caf50"
        case .txMax, .ancestorTxMax: return "#f0a020"
        case .link, .share: return "#2196f3"
        }
    }

    static func escape(_ s: String) -> String {
        var r = ""
        for c in s {
            switch c {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            default: r.append(c)
            }
        }
        return r
    }
}

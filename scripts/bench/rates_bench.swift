// Rate simulator benchmark: a tree of 100 nodes (10 top-level nodes, each with 9 child nodes) and
// 10,000 leaves spread over them, every leaf offering load, simulated with mlx5's rules (6.12 with
// group0, and 6.17) and the documented priority/WFQ rules, then linted. Prints the median and the
// slowest of 11 runs each. Built and run by scripts/bench/rates.sh (release build).
import DevlinkModel

#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let device = DeviceHandle(bus: "pci", name: "0000:06:00.0")
let gbit: UInt64 = 125_000_000
let mbit: UInt64 = 125_000
var objects: [RateObject] = []
var nodes: [String] = []
for top in 0..<10 {
    let name = "tenant\(top)"
    objects.append(RateObject(handle: .node(device, name), txShare: UInt64(top + 1) * gbit, txMax: 40 * gbit))
    nodes.append(name)
    for sub in 0..<9 {
        let child = "\(name)-\(sub)"
        objects.append(RateObject(handle: .node(device, child), txShare: UInt64(sub) * gbit,
                                  txMax: sub % 3 == 0 ? 0 : UInt64(5 + sub) * gbit, parent: name))
        nodes.append(child)
    }
}
var demands: [RateHandle: RateDemand] = [:]
for i in 0..<10_000 {
    let handle = RateHandle(device: device, target: .leaf(portIndex: UInt32(i + 1)))
    objects.append(RateObject(handle: handle, txShare: UInt64(i % 7) * 100 * mbit,
                              txMax: i % 5 == 0 ? UInt64(1 + i % 10) * gbit : 0,
                              txPriority: UInt32(i % 3), txWeight: UInt32(1 + i % 4),
                              parent: i % 50 == 0 ? nil : nodes[i % nodes.count]))
    demands[handle] = RateDemand(UInt64(1 + i % 13) * 100 * mbit)
}

/// Milliseconds with two decimals, right-aligned (no Foundation here).
func ms(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let text = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    return String(repeating: " ", count: max(0, 7 - text.count)) + text
}

func measure(_ name: String, _ body: () throws -> Void) rethrows {
    var times: [Double] = []
    for _ in 0..<11 {
        let start = now()
        try body()
        times.append(now() - start)
    }
    times.sort()
    let median = times[times.count / 2] * 1000, slowest = times[times.count - 1] * 1000
    print(name + String(repeating: " ", count: max(1, 46 - name.count))
          + "median \(ms(median)) ms   slowest \(ms(slowest)) ms")
}

print("rate tree: \(nodes.count) nodes, 10000 leaves, 100 Gbit/s link")
var total: UInt64 = 0
for (name, arbitration) in [
    ("simulate, mlx5 rules, kernel 6.12 (group0)", RateArbitration(rules: .mlx5, link: 100 * gbit, kernel: (6, 12))),
    ("simulate, mlx5 rules, kernel 6.17", RateArbitration(rules: .mlx5, link: 100 * gbit, kernel: (6, 17))),
    ("simulate, devlink-port.rst rules", RateArbitration(rules: .documented, link: 100 * gbit)),
] {
    try measure(name) {
        total = try RateSimulator.simulate(device: device, objects: objects, demands: demands, arbitration: arbitration).total
    }
}
try measure("lint") {
    _ = try RateLinter.lint(device: device, objects: objects, arbitration: .forDriver("mlx5_core", link: 100 * gbit))
}
print("allocated in total: \(total) bytes/s")

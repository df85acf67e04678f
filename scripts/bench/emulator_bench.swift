// Emulator benchmark: N SFs added, configured (hw_addr + rate), activated (+ settle), then a full
// port listing, for N = 1,000 ... 10,000. Prints per-phase times and the per-SF cost so linear growth
// (constant per-SF cost) is visible. Built and run by scripts/bench/emulator.sh (release build).
// COUNTS="1000 2000" picks the sizes and RUNS the repetitions (best of RUNS, 3 by default).
import DevlinkEmulator
import DevlinkModel

#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

struct Timings {
    var add = 0.0, configure = 0.0, activate = 0.0, listing = 0.0
    var total: Double { add + configure + activate + listing }
}

func run(count: Int) throws -> Timings {
    var topology = Topology.mlx5
    topology.devices[0].maxSfs = UInt32(count)
    let session = try EmulatedSession(topology: topology)
    session.recordsEvents = false
    let device = DeviceHandle(bus: "pci", name: "0000:06:00.0")
    try session.setEswitch(device, EswitchChanges(mode: .switchdev))
    let base = try MACAddress(parsing: "00:00:00:00:88:00")
    var handles: [PortHandle] = []
    handles.reserveCapacity(count)
    var t = Timings()

    var start = now()
    for i in 0..<count {
        let port = try session.addPort(PortAddRequest(device: device, flavour: .pcisf, pfnum: 0, sfnum: UInt32(i)))
        handles.append(port.handle)
    }
    t.add = now() - start

    start = now()
    for (i, handle) in handles.enumerated() {
        try session.setPortFunction(handle, PortFunctionChanges(hwAddr: base + i, maxIOEQs: 4))
        try session.setRate(.leaf(handle), RateChanges(txShare: 125_000_000, txMax: 1_250_000_000))
    }
    t.configure = now() - start

    start = now()
    for handle in handles {
        try session.setPortFunction(handle, PortFunctionChanges(state: .active))
    }
    try session.settle()
    t.activate = now() - start

    start = now()
    let ports = try session.ports(of: nil)
    let rates = try session.rates(of: nil)
    t.listing = now() - start
    let attached = ports.filter { $0.function?.opstate == .attached }.count
    guard attached == count, rates.count == count else {
        throw DevlinkError(.EIO, "benchmark sanity check failed: \(attached) attached, \(rates.count) rates")
    }
    return t
}

func ms(_ seconds: Double) -> String {
    let value = (seconds * 1000 * 10).rounded() / 10
    return String(value)
}

func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}

func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

let counts = environment("COUNTS").map { $0.split(separator: " ").compactMap { Int($0) } }
    ?? Array(stride(from: 1000, through: 10000, by: 1000))
let runs = environment("RUNS").flatMap { Int($0) } ?? 3
print("emulator benchmark: N SFs on pci/0000:06:00.0 (times in ms, best of \(runs))")
print(["N", "add", "configure", "activate", "listing", "total", "us/SF"].map { pad($0, 10) }.joined())
var perSF: [Int: Double] = [:]
for count in counts {
    var best: Timings?
    for _ in 0..<max(runs, 1) {
        let t = try run(count: count)
        if best == nil || t.total < (best?.total ?? .infinity) { best = t }
    }
    guard let t = best else { continue }
    perSF[count] = t.total / Double(count) * 1e6
    let row = [String(count), ms(t.add), ms(t.configure), ms(t.activate), ms(t.listing), ms(t.total),
               String((t.total / Double(count) * 1e6 * 10).rounded() / 10)]
    print(row.map { pad($0, 10) }.joined())
}
if let small = perSF[1000], let large = perSF[10000] {
    let ratio = (large / small * 100).rounded() / 100
    print("per-SF cost at 10k / at 1k: \(ratio) (1.0 = perfectly linear; quadratic would be ~10)")
}

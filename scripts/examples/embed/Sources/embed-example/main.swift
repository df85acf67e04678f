// Embeds dls in a Swift program: provisions subfunctions on the emulator with a script that calls
// back into Swift, reads the resulting ports as Swift values, and handles a failing script.
import DLS

/// Tenants and their bandwidth caps, owned by the Swift program.
let tenants: [(name: String, sfs: Int, txMax: String)] = [("blue", 2, "10gbit"), ("green", 1, "2gbit")]

let provisioning = """
    let dev = "pci/0000:06:00.0"
    dev eswitch set $dev mode switchdev
    let sfnum = 88
    for t in tenants() {
        port function rate add $dev/$(t.name) tx_max $(t.tx_max)
        for i in 0..<t.sfs {
            let sf = port add $dev flavour pcisf pfnum 0 sfnum $sfnum
            port function set $sf hw_addr $(mac("00:00:00:00:88:00") + sfnum - 88) state active
            port function rate set $sf parent $(t.name)
            sfnum += 1
        }
    }
    """

let output = DLSCapturedOutput()
do {
    let engine = try DLSEngine(backend: .defaultEmulator, output: output)

    // A native function: the script asks Swift for the tenant list.
    engine.define("tenants", arity: 0) { _ in
        .list(tenants.map { ["name": .string($0.name), "sfs": .int($0.sfs), "tx_max": .string($0.txMax)] })
    }
    try engine.run(provisioning, file: "provision.dls")

    // The resulting ports, as Swift values.
    let ports = try engine.evaluate("ports(\"pci/0000:06:00.0\", flavour: \"pcisf\")").decode([Port].self)
    print("provisioned \(ports.count) subfunctions:")
    for port in ports {
        let mac = port.function?.hwAddr?.description ?? "-"
        let state = port.function?.state?.name ?? "-"
        print("  \(port.handle) sfnum \(port.sfnum ?? 0) netdev \(port.netdev ?? "-") hw_addr \(mac) state \(state)")
    }
    let blue = try engine.evaluate("port function rate show pci/0000:06:00.0/blue").decode(RateObject.self)
    print("rate node blue: tx_max \(DLSRate(bytesPerSecond: blue.txMax))")

    // A script error, caught in Swift: the same SF number again.
    do {
        try engine.run("port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88", file: "again.dls")
    } catch {
        print("caught \(error.errno ?? "?") at \(error.location.map { "\($0)" } ?? "?"): \(error.message)")
        print(error.rendered)
    }
} catch {
    print("embedding failed: \(error.rendered)")
}

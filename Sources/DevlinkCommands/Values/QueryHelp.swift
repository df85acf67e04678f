/// What each query builtin does, for `:help NAME` and `:help builtins` (attached by `DevlinkHost.install`).
enum QueryHelp {
    static let text: [String: String] = [
        "devices": "devices(): the devlink devices, as objects (handle, bus, name)",
        "ports": "ports([DEV], flavour: F): the ports (of DEV), as objects; flavour: \"pcisf\", \"pcivf\", \"physical\", ...",
        "port": "port(HANDLE | NETDEV): one port as an object (sf.index, sf.netdev, sf.function.state, ...)",
        "rates": "rates([DEV]): the rate objects (leaves and nodes) of DEV or of every device",
        "simulate": "simulate(DEV, DEMANDS[, link: RATE, kernel: \"X.Y\", detail: BOOL]): what each leaf and node of DEV's rate tree gets for DEMANDS, a map from leaf handle to offered rate (docs/rates.md); with detail, the demand, the bound and what bound it",
        "lint_rates": "lint_rates(DEV): what DEV's rate tree cannot honour (shares above a cap or the link, share above tx_max, ignored weights or priorities, ip link VF rates), each finding naming its handles",
        "eswitch": "eswitch(DEV): the device's eswitch (mode, inline_mode, encap_mode)",
        "mac": "mac(TEXT | INT): a MAC address value; mac(\"00:00:00:00:88:00\") + i steps it",
        "wait": "wait(FN[, SECONDS]): calls FN until it returns true, letting the device's pending work progress (default 10 s); true, or false once the time is up (or, on the emulator, once no work is left)",
        "snapshot": "snapshot(VALUE): a frozen copy: port, rate, bond and eswitch objects (also inside lists and maps) stop following the device; objects from commands and queries otherwise read the device again after every command and whenever time passed (sleep, wait, settle, monitor, the REPL's idle prompt)",
        "sleep": "sleep(SECONDS): waits (0...86400 seconds, int or float) while the device's pending work runs (on the emulator's virtual clock, in tests, time jumps instead); Ctrl-C stops it",
        "settle": "settle([SECONDS]): lets the device's pending driver work (SF attach/detach, bond work, bond timers) run to completion: on the emulator its clock moves on to when the last item is done (the wall clock waits for it, at most SECONDS, default 10); on the kernel it waits 50 ms",
        "bonds": "bonds(): the bonding interfaces, as objects (name, mode, slaves, lag)",
        "bond": "bond(NAME): one bond as an object",
        "hardware_lag": "hardware_lag(DEV): the device's mlx5 hardware LAG (state, mode, port map, RDMA device)",
        "interfaces": "interfaces(): the network interfaces (name, ifindex, kind, up, carrier, master)",
        "inject_fault": "inject_fault(OPERATION, ERRNO[, MESSAGE]): the emulated driver refuses the next OPERATION (portAdd, portDelete, portSetType, portSplit, portUnsplit, functionSet, rateNodeAdd, rateSet, rateNodeDelete, eswitchSet, sriovSet, paramSet, reload, resourceSet, healthSet, healthRecover, healthDiagnose, healthDump, healthTest, healthReport) with ERRNO (\"EIO\" or a number) and MESSAGE, changing nothing; emulator only",
        "fw_log": "fw_log(DEV): the firmware LAG commands the device received, oldest first",
        "events": "events(): every devlink notification since the session opened (about the newest 10000), oldest first, as event objects (e.object, e.command, e.value; print(e) shows devlink monitor's line); monitor shows only what arrives while it runs. slice(events(), n) is what came after the first n",
        "routes": "routes(): the IPv4 main table's routes as maps with ip -j route's keys (dst, gateway, dev, protocol, scope, metric, flags, nexthops with gateway, dev, weight, flags)",
    ]
}

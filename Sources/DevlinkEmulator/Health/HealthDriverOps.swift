import DevlinkModel

/// netdevsim's health debugfs state (struct nsim_dev_health, drivers/net/netdevsim/health.c).
struct NetdevsimHealth: Equatable, Sendable, Codable {
    /// `health/binary_len`: 16 at nsim_dev_health_init.
    var binaryLen: UInt32 = 16
    /// `health/fail_recover`.
    var failRecover = false
    /// recovered_break_msg: the message of the last error the dummy's recover op saw.
    var recoveredBreakMessage: String?
    /// Drives the bytes standing in for get_random_bytes: any bytes are what the kernel could give,
    /// and a counter keeps a test's output the same from run to run.
    var randomState: UInt64 = 0

    mutating func randomBytes(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            // SplitMix64.
            randomState &+= 0x9E37_79B9_7F4A_7C15
            var z = randomState
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            for shift in stride(from: 0, to: 64, by: 8) where bytes.count < count { bytes.append(UInt8(truncatingIfNeeded: z >> UInt64(shift))) }
        }
        return bytes
    }
}

/// The drivers' reporter ops: what diagnose and dump put in the message, and what recover does.
extension EmulatorState {
    /// The driver's recover op. netdevsim's dummy (nsim_dev_dummy_reporter_recover) fails with EINVAL
    /// when debugfs fail_recover is set (its extack message reaches only a user's RECOVER request) and
    /// keeps the break message of the report it recovers from. mlx5's fw_fatal (mlx5_health_try_recover)
    /// succeeds: dls models a device that comes back.
    mutating func driverRecover(_ d: Int, name: String, breakMessage: String?, fromUser: Bool) throws(DevlinkError) {
        guard devices[d].profile == .netdevsim, name == "dummy" else { return }
        var health = devices[d].nsimHealth ?? NetdevsimHealth()
        if health.failRecover {
            throw DevlinkError(.EINVAL, fromUser ? devices[d].driverMessage("User setup the recover to fail for testing purposes") : nil)
        }
        if let breakMessage { health.recoveredBreakMessage = breakMessage }
        devices[d].nsimHealth = health
    }

    /// The driver's diagnose op, between the object nest the core opens and closes.
    /// - netdevsim "empty": nothing. "dummy" (nsim_dev_dummy_reporter_diagnose): the recovered break
    ///   message if any, then nsim_dev_dummy_fmsg_put.
    /// - mlx5 "fw" (mlx5_fw_reporter_diagnose): the health buffer's syndrome, 0 on a healthy device.
    /// - mlx5 "vnic", the device's (port 0, not other_vport) and a representor port's
    ///   (mlx5_esw_rep_vnic_reporter_diagnose, its vport): mlx5_reporter_vnic_diagnose_counters, the
    ///   QUERY_VNIC_ENV counters. Every counter whose capability ConnectX-6 Dx and later set, all 0 on
    ///   the emulator, which passes no traffic.
    mutating func driverDiagnose(_ d: Int, port: UInt32?, name: String, into m: inout HealthMessage) throws(DevlinkError) {
        switch (devices[d].profile, name) {
        case (.netdevsim, "dummy"):
            var health = devices[d].nsimHealth ?? NetdevsimHealth()
            if let recovered = health.recoveredBreakMessage { m.pair("recovered_break_message", .string(recovered)) }
            Self.nsimDummyMessage(&m, binary: health.randomBytes(Int(health.binaryLen)))
            devices[d].nsimHealth = health
        case (.mlx5, "fw"):
            m.pair("Syndrome", .u8(0))
        case (.mlx5, "vnic"):
            m.pairStart("vNIC env counters")
            m.objectStart()
            for counter in ["total_error_queues", "send_queue_priority_update_flow", "comp_eq_overrun",
                            "async_eq_overrun", "cq_overrun", "invalid_command", "quota_exceeded_command"] {
                m.pair(counter, .u32(0))
            }
            for counter in ["nic_receive_steering_discard", "generated_pkt_steering_fail", "handled_pkt_steering_fail"] {
                m.pair(counter, .u64(0))
            }
            m.objectEnd()
            m.pairEnd()
        default:
            break
        }
    }

    /// The driver's dump op.
    /// - netdevsim "empty": nothing. "dummy" (nsim_dev_dummy_reporter_dump): the break message of the
    ///   report that took it, then nsim_dev_dummy_fmsg_put.
    /// - mlx5 "fw" (mlx5_fw_reporter_dump): the firmware tracer's saved traces; the emulator's firmware
    ///   saved none, so mlx5_fw_tracer_get_saved_traces_objects answers ENOMSG.
    /// - mlx5 "fw_fatal" (mlx5_fw_fatal_reporter_dump): the crspace dump, which needs the PCI vendor
    ///   specific capability the emulator has not: mlx5_crdump_collect answers ENODEV.
    mutating func driverDump(_ d: Int, name: String, breakMessage: String?, into m: inout HealthMessage) throws(DevlinkError) {
        switch (devices[d].profile, name) {
        case (.netdevsim, "dummy"):
            var health = devices[d].nsimHealth ?? NetdevsimHealth()
            if let breakMessage { m.pair("break_message", .string(breakMessage)) }
            Self.nsimDummyMessage(&m, binary: health.randomBytes(Int(health.binaryLen)))
            devices[d].nsimHealth = health
        case (.mlx5, "fw"): throw DevlinkError(.ENOMSG)
        case (.mlx5, "fw_fatal"): throw DevlinkError(.ENODEV)
        default: break
        }
    }

    /// nsim_dev_dummy_fmsg_put as 6.12 has it, the stray devlink_fmsg_arr_pair_nest_end after
    /// "test_nest" included: two ends without a start, so the message's object closes there and devlink
    /// stops reading at the second (it prints up to test_nest and "kernel answers: Success").
    static func nsimDummyMessage(_ m: inout HealthMessage, binary: [UInt8]) {
        m.pair("test_bool", .bool(true))
        m.pair("test_u8", .u8(1))
        m.pair("test_u32", .u32(3))
        m.pair("test_u64", .u64(4))
        m.pair("test_string", .string("somestring"))
        m.binaryPair("test_binary", binary)
        m.pairStart("test_nest")
        m.objectStart()
        m.pair("nested_test_bool", .bool(false))
        m.pair("nested_test_u8", .u8(0))
        m.objectEnd()
        m.pairEnd()
        m.arrayPairEnd()
        m.arrayPairStart("test_u32_array")
        for i in 0..<10 { m.put(.u32(UInt32(i))) }
        m.arrayPairEnd()
        m.arrayPairStart("test_array_of_objects")
        for i in 0..<10 {
            m.objectStart()
            m.pair("in_array_nested_test_bool", .bool(false))
            m.pair("in_array_nested_test_u8", .u8(UInt8(i)))
            m.objectEnd()
        }
        m.arrayPairEnd()
    }

    /// A write to netdevsim's health debugfs (nsim_dev_health_init's files): binary_len is a
    /// debugfs_create_u32 (simple_attr_write: kstrtoull, EINVAL on anything else, the value truncated
    /// to 32 bits), fail_recover a debugfs_create_bool (kstrtobool on the first characters).
    mutating func setNetdevsimHealthKnob(_ op: SetNetdevsimHealthKnob) throws(DevlinkError) {
        let d = try deviceIndexOrThrow(op.device)
        guard devices[d].profile == .netdevsim, !devices[d].healthReporters.isEmpty else {
            throw DevlinkError(.ENODEV, "\(op.device) has no netdevsim health debugfs")
        }
        var health = devices[d].nsimHealth ?? NetdevsimHealth()
        let text = op.value.hasSuffix("\n") ? String(op.value.dropLast()) : op.value
        switch op.knob {
        case "binary_len":
            guard let n = UInt64(text) else { throw DevlinkError(.EINVAL) }
            health.binaryLen = UInt32(truncatingIfNeeded: n)
        case "fail_recover":
            let c = Array(text.lowercased())
            switch c.first {
            case "e", "y", "t", "1": health.failRecover = true
            case "d", "n", "f", "0": health.failRecover = false
            case "o" where c.count > 1 && c[1] == "n": health.failRecover = true
            case "o" where c.count > 1 && c[1] == "f": health.failRecover = false
            default: throw DevlinkError(.EINVAL)
            }
        default:
            // The file does not exist (the netlink backend says the same before opening it).
            throw DevlinkError(.ENOENT, "netdevsim has no health knob \(op.knob) (binary_len, fail_recover)")
        }
        devices[d].nsimHealth = health
    }
}

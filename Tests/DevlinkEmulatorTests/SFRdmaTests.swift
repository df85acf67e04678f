import DevlinkEmulator
import DevlinkModel
import Testing

/// An SF's RDMA device: none while light-probed; after enable_rdma and a reload, mlx5_ib registers
/// "mlx5_%d" and the RDMA core gives it the lowest free number (alloc_name).
@Suite struct SFRdmaTests {
    @Test func aLoadedSFTakesTheLowestFreeMlx5Name() throws {
        let s = try mlx5Session()
        let sf = try s.addPort(H.sfRequest(88))
        try s.setPortFunction(sf.handle, PortFunctionChanges(state: .active))
        _ = try s.settle()
        let aux = try #require(try s.devices().first { $0.bus == "auxiliary" })
        // The PFs hold mlx5_0 and mlx5_1 (RoCE); the light SF none.
        #expect(s.rdmaDevices.map(\.name) == ["mlx5_0", "mlx5_1"])
        // enable_rdma defaults to false on a light SF: a plain reload loads no RDMA device.
        _ = try s.perform(ReloadDevice(aux))
        #expect(!s.rdmaDevices.contains { $0.device == aux })
        try s.perform(SetParam(aux, name: "enable_rdma", value: .bool(true), cmode: .driverinit))
        _ = try s.perform(ReloadDevice(aux))
        #expect(s.rdmaDevices.first { $0.device == aux }?.name == "mlx5_2")
        // Deactivation removes the instance and its RDMA device; the name is free again.
        try s.setPortFunction(sf.handle, PortFunctionChanges(state: .inactive))
        _ = try s.settle()
        #expect(s.rdmaDevices.map(\.name) == ["mlx5_0", "mlx5_1"])
    }
}

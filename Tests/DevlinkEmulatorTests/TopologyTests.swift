import DevlinkEmulator
import DevlinkModel
import Foundation
import Testing

@Suite struct TopologyTests {
    @Test func decodesAFile() throws {
        let json = """
        {"netdev_naming": "eth", "devices": [
          {"handle": "pci/0000:3b:00.0", "profile": "mlx5", "max_vfs": 4, "max_sfs": 16,
           "eswitch_mode": "switchdev", "num_vfs": 2, "caps": {"num_lag_ports": 2, "lag_master": 1}},
          {"handle": "netdevsim/netdevsim7", "profile": "netdevsim",
           "physical_ports": [{"lanes": 4, "splittable": true}]}
        ]}
        """
        let topology = try Topology.decode(json: Data(json.utf8))
        let session = try EmulatedSession(topology: topology)
        let dev = try DeviceHandle(parsing: "pci/0000:3b:00.0")
        #expect(try session.ports(of: dev).map(\.index) == [1, 2, 65535])
        #expect(try session.ports(of: dev).map(\.netdev) == ["eth1", "eth2", "eth0"])
        #expect(session.state.deviceCaps(dev)?["num_lag_ports"] == 2)
        let nsim = try DeviceHandle(parsing: "netdevsim/netdevsim7")
        #expect(try session.ports(of: nsim).first?.splittable == true)
    }

    @Test(arguments: [
        ("{}", "missing field \"devices\""),
        ("{\"devices\": []}", "no devices"),
        ("{\"devices\": [{\"handle\": \"pci\", \"profile\": \"mlx5\"}]}", "device \"pci\""),
        ("{\"devices\": [{\"handle\": \"pci/x\", \"profile\": \"ice\"}]}", "devices[0].profile"),
        ("{\"devices\": [{\"handle\": \"pci/x\", \"profile\": \"mlx5\", \"max_vfs\": \"eight\"}]}", "devices[0].max_vfs"),
        ("{\"devices\": [{\"handle\": \"pci/x\", \"profile\": \"mlx5\", \"num_vfs\": 99}]}", "exceeds max_vfs"),
        ("{\"devices\": [{\"handle\": \"pci/x\", \"profile\": \"mlx5\", \"eswitch_mode\": \"on\"}]}", "eswitch_mode"),
        ("{\"devices\": [{\"handle\": \"pci/x\", \"profile\": \"netdevsim\"}]}", "netdevsim/netdevsimN"),
        ("[1,", "not valid JSON"),
        ("{ devices: [ }", "not valid JSON at line 1, column 3: a quoted key expected, found 'd'"),
        ("{\"devices\": [\n  {\"handle\": \"pci/x\",, }]}", "not valid JSON at line 2, column 22: a quoted key expected, found ','"),
        ("{\"devices\": []} x", "not valid JSON at line 1, column 17: unexpected 'x' after the value"),
        (String(repeating: "[", count: 600), "nested more than 64 levels deep"),
        (String(repeating: "[", count: 513), "nested more than 64 levels deep"),  // overflowed the decoder under the fuzzer
        ("{\"devices\": [{\"handle\": \"pci/x\", \"profile\": \"ice\"}]}", "devices[0].profile: unknown profile \"ice\" (expected \"mlx5\" or \"netdevsim\")"),
        ("{\"devices\": [{\"handle\": \"pci/x\", \"profile\": \"mlx5\", \"max_vfs\": -1}]}", "a number does not fit its field"),
        ("{\"netdev_naming\": \"biosdevname\", \"devices\": []}", "netdev_naming: unknown netdev naming \"biosdevname\" (expected \"udev\" or \"eth\")"),
        ("{\"devices\": [{\"handle\": \"pci/x\", \"profile\": \"mlx5\"}], \"faults\": [{\"operation\": \"eswitchSett\", \"errno\": \"EIO\"}]}",
         "faults[0].operation: unknown operation \"eswitchSett\" (expected one of portAdd,"),
        ("{\"devices\": [{\"handle\": \"pci/x\", \"profile\": \"mlx5\"}], \"faults\": [{\"operation\": \"portAdd\", \"errno\": \"EIOX\"}]}",
         "faults[0].errno: unknown errno \"EIOX\""),
        ("{\"devices\": [{\"handle\": \"pci/x\", \"profile\": \"mlx5\"}], \"faults\": [{\"errno\": \"EIO\"}]}",
         "missing field \"operation\""),
    ])
    func rejectsBadTopologies(json: String, fragment: String) {
        do {
            let topology = try Topology.decode(json: Data(json.utf8))
            _ = try EmulatorState(topology: topology)
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test func exampleTopologiesLoad() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scripts/topologies").standardizedFileURL
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
        #expect(!files.isEmpty)
        for file in files {
            let topology = try Topology.load(path: directory.appendingPathComponent(file).path)
            _ = try EmulatedSession(topology: topology)
        }
    }

    @Test func unknownBuiltin() {
        #expect(throws: TopologyError.self) { try EmulatedSession(builtin: "ice") }
    }
}

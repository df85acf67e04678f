import DevlinkModel
import Testing

@Suite struct HandleTests {
    @Test func parsesDeviceHandles() throws {
        let pci = try DeviceHandle(parsing: "pci/0000:06:00.0")
        #expect(pci.bus == "pci" && pci.name == "0000:06:00.0")
        #expect(pci.description == "pci/0000:06:00.0")
        let nsim = try DeviceHandle(parsing: "netdevsim/netdevsim1")
        #expect(nsim == DeviceHandle(bus: "netdevsim", name: "netdevsim1"))
    }

    @Test(arguments: [
        ("pci", "no \"/\" between bus and device name"),
        ("pci/0000:06:00.0/1", "too many \"/\""),
        ("/0000:06:00.0", "bus name is empty"),
        ("pci/", "device name is empty"),
        ("pci/00 00", "contains whitespace"),
    ])
    func rejectsBadDeviceHandles(input: String, fragment: String) {
        #expect {
            _ = try DeviceHandle(parsing: input)
        } throws: { error in
            guard let error = error as? HandleParseError else { return false }
            return error.input == input && error.reason.contains(fragment) && error.reason.contains("expected")
        }
    }

    @Test func parsesPortHandles() throws {
        let port = try PortHandle(parsing: "pci/0000:06:00.0/32768")
        #expect(port.device.name == "0000:06:00.0" && port.index == 32768)
        #expect(port.description == "pci/0000:06:00.0/32768")
        #expect(throws: HandleParseError.self) { try PortHandle(parsing: "pci/0000:06:00.0") }
        #expect(throws: HandleParseError.self) { try PortHandle(parsing: "pci/0000:06:00.0/x1") }
        #expect(throws: HandleParseError.self) { try PortHandle(parsing: "pci/0000:06:00.0/4294967296") }
        #expect(throws: HandleParseError.self) { try PortHandle(parsing: "pci/0000:06:00.0/-1") }
        #expect(throws: HandleParseError.self) { try PortHandle(parsing: "pci/0000:06:00.0/") }
    }

    @Test func parsesRateHandles() throws {
        let leaf = try RateHandle(parsing: "pci/0000:06:00.0/2")
        #expect(leaf.target == .leaf(portIndex: 2))
        #expect(!leaf.isNode)
        let node = try RateHandle(parsing: "pci/0000:06:00.0/1st_group")
        #expect(node.target == .node(name: "1st_group"))
        #expect(node.description == "pci/0000:06:00.0/1st_group")
        #expect(throws: HandleParseError.self) { try RateHandle(parsing: "pci/0000:06:00.0/") }
        #expect(throws: HandleParseError.self) { try RateHandle(parsing: "pci/0000:06:00.0/99999999999") }
    }
}

/// `dev info`: driver name, serial numbers and firmware/hardware versions.
public struct DeviceInfo: Equatable, Sendable {
    public struct Version: Equatable, Sendable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var device: DeviceHandle
    public var driver: String
    public var serialNumber: String?
    public var boardSerialNumber: String?
    public var fixed: [Version]
    public var running: [Version]
    public var stored: [Version]

    public init(device: DeviceHandle, driver: String, serialNumber: String? = nil, boardSerialNumber: String? = nil,
                fixed: [Version] = [], running: [Version] = [], stored: [Version] = []) {
        (self.device, self.driver, self.serialNumber, self.boardSerialNumber, self.fixed, self.running, self.stored) =
            (device, driver, serialNumber, boardSerialNumber, fixed, running, stored)
    }
}

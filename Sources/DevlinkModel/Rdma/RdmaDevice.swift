/// An RDMA (IB) device, as `rdma dev` lists it, with the devlink instance of the function it belongs
/// to: mlx5's are named by the RDMA core from the driver's template ("mlx5_%d", "mlx5_bond_%d"), the
/// lowest free number (alloc_name, drivers/infiniband/core/device.c).
public struct RdmaDevice: Equatable, Sendable {
    public var name: String
    /// The function's devlink handle (`pci/0000:06:00.0`, an SF's `auxiliary/mlx5_core.sf.N`); nil when
    /// its parent is no devlink device.
    public var device: DeviceHandle?

    public init(name: String, device: DeviceHandle?) { (self.name, self.device) = (name, device) }
}

/// The RDMA devices in registration order (the emulator) or by name (a real kernel's sysfs).
public struct ListRdmaDevices: DeviceQuery {
    public typealias Reply = [RdmaDevice]
    public static let command = "rdma dev"
    public init() {}
}

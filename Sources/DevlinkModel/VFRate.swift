/// The rates `ip link set PF vf N min_tx_rate A max_tx_rate B` gave a VF (IFLA_VF_RATE), in bytes/s
/// (the kernel reports Mbit/s); 0 means unset.
public struct VFRate: Equatable, Sendable {
    public var vf: UInt32
    public var minTx: UInt64
    public var maxTx: UInt64

    public init(vf: UInt32, minTx: UInt64, maxTx: UInt64) {
        (self.vf, self.minTx, self.maxTx) = (vf, minTx, maxTx)
    }
}

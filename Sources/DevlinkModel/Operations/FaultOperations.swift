/// Arms a one-shot failure in an emulated driver: the next operation of kind `operation` (the
/// emulator's names: `portAdd`, `eswitchSet`, `rateSet`, ...) fails with `errno` and `message`
/// before it changes anything, as if the driver or firmware had refused it. Scripts use it to test
/// that a failure leaves the state as it was. Only the emulator handles it; the kernel has no such
/// request (EOPNOTSUPP).
public struct ArmFault: DeviceOperation {
    public typealias Reply = Void
    public static let command = "inject fault"
    /// A test directive, not a device change: transactions neither record nor undo it.
    public static var changesState: Bool { false }
    public var operation: String
    public var errno: Errno
    public var message: String?

    public init(operation: String, errno: Errno, message: String? = nil) {
        (self.operation, self.errno, self.message) = (operation, errno, message)
    }
}

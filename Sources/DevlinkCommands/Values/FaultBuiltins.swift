import DevlinkModel
import DLSLanguage

/// `inject_fault(OPERATION, ERRNO[, MESSAGE])`: the emulated driver refuses the next OPERATION
/// (`eswitchSet`, `portAdd`, `rateSet`, ...) with ERRNO and MESSAGE, changing nothing, so a test can
/// check what a refused request leaves behind. The kernel has no such thing: over netlink it is an error.
enum FaultBuiltins {
    static func functions(_ runner: CommandRunner) -> [NativeFunction] {
        [
            NativeFunction("inject_fault", arity: 2...3) { args in
                let operation = try args.string(0)
                let errno: Errno
                switch args[1] {
                case .string(let box):
                    let name = box.value
                    guard let known = Errno(name: name) else {
                        throw args.error("unknown errno \(Value.string(name).repr) (expected a name such as \"EIO\" or \"EBUSY\")")
                    }
                    errno = known
                case .int(let number) where (1...4095).contains(number):
                    errno = Errno(number: Int32(number))
                default:
                    throw args.error("ERRNO must be a name such as \"EIO\" or a number from 1 to 4095")
                }
                let message = args.count > 2 ? try args.string(2) : nil
                do {
                    try runner.session.perform(ArmFault(operation: operation, errno: errno, message: message))
                } catch let error as DevlinkError where error.errno == .EOPNOTSUPP && error.message == nil {
                    throw args.error("fault injection needs the emulator (this session talks to the kernel)")
                } catch let error as DevlinkError {
                    throw args.error(error.message ?? error.errno.name)
                }
                return .null
            },
        ]
    }
}

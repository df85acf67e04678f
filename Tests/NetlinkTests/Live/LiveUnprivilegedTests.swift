import DevlinkModel
import Testing
@testable import Netlink

/// Run by `scripts/kernel-vm.sh live-tests` a second time as uid 65534 without capabilities.
@Suite(.enabled(if: LiveKernel.unprivileged, "runs only as a non-root user on a live kernel"))
struct LiveUnprivilegedTests {
    @Test func liveUnprivilegedAdminOpIsExplained() throws {
        let s = try NetlinkSession()  // reading the family needs no privilege
        let dev = DeviceHandle(bus: "netdevsim", name: "netdevsim1")
        // ESWITCH_GET and RATE_NEW are GENL_ADMIN_PERM: the check precedes the device lookup
        for op in [{ _ = try s.eswitch(dev) }, { try s.addRateNode(.node(dev, "g"), RateChanges()) }] {
            #expect(expectDevlinkError(.EPERM, DevlinkError.capNetAdminHint, op) == nil)
        }
        _ = try s.devices()  // plain gets stay allowed
    }
}

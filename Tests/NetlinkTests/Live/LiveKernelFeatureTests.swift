import DevlinkModel
import Testing
@testable import Netlink

/// Issue 25 on the real kernel (6.12 + netdevsim in the guest): the session reads devlink's policy
/// and refuses tc-bw before sending, where the kernel itself would drop it without a word.
@Suite(.serialized, .enabled(if: LiveKernel.enabled, LiveKernel.reason))
struct LiveKernelFeatureTests {
    @Test func livePolicyOfTheGuestKernel() throws {
        let s = try NetlinkSession()
        let features = s.kernelFeatures
        #expect(features.source == .policy, "\(features.note ?? "")")
        #expect(features.version == KernelVersion(6, 12))
        #expect(features.available.features == [.rates, .maxIOEQs])
    }

    @Test func liveTrafficClassesRefusedBeforeSending() throws {
        let nsim = try NetdevsimDevice(id: 17)
        let s = try NetlinkSession()
        try s.setEswitch(nsim.handle, EswitchChanges(mode: .switchdev))
        try s.setSriovNumVFs(nsim.handle, 2)
        _ = try s.drainEvents()
        let leaf = RateHandle.leaf(nsim.port(128))
        let classes = (0..<8).map { TrafficClassBandwidth(index: UInt8($0), bandwidth: $0 == 0 ? 100 : 0) }
        #expect(throws: KernelFeatureError(feature: .tcBandwidth, release: "6.12")) {
            try s.setRate(leaf, RateChanges(tcBandwidths: classes))
        }
        #expect(throws: KernelFeatureError(feature: .tcBandwidth, release: "6.12")) {
            try s.addRateNode(.node(nsim.handle, "tc"), RateChanges(txMax: 1_250_000, tcBandwidths: classes))
        }
        // Nothing reached the kernel: no node, no notification; the leaf reads tc-bw as absent.
        #expect(try s.rates(of: nsim.handle).map(\.handle) == [leaf, .leaf(nsim.port(129))])
        #expect(try s.drainEvents().isEmpty)
        #expect(try s.rate(leaf).absent == .tcBandwidths)
        try s.setSriovNumVFs(nsim.handle, 0)
    }
}

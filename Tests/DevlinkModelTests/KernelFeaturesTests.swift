import DevlinkModel
import Testing

/// The feature table and the checks both backends make with it (issue 25).
@Suite struct KernelFeaturesTests {
    @Test func releasesParseToMajorMinor() {
        #expect(KernelVersion(release: "6.12.118+deb12-amd64") == KernelVersion(6, 12))
        #expect(KernelVersion(release: "7.0.0-rc3") == KernelVersion(7, 0))
        #expect(KernelVersion(release: "6.9") == KernelVersion(6, 9))
        for bad in ["", "linux", "6", "6.", ".12", "6-12", "v6.12", "12345.1"] {
            #expect(KernelVersion(release: bad) == nil, "\(bad)")
        }
    }

    /// Each feature appears in the model at the version of its table row, not before.
    @Test(arguments: DevlinkFeature.allCases)
    func modeledFromItsVersion(_ feature: DevlinkFeature) {
        let since = feature.since
        let before = since.minor > 0 ? KernelVersion(since.major, since.minor - 1) : KernelVersion(since.major - 1, 19)
        #expect(KernelFeatures.modeled(at: since).has(feature))
        #expect(!KernelFeatures.modeled(at: before).has(feature))
    }

    @Test func requireNamesTheFirstMissingFeature() {
        let old = KernelFeatures.modeled(at: KernelVersion(5, 10))
        #expect(throws: KernelFeatureError(feature: .rates, release: "5.10")) {
            try old.require([.rates, .tcBandwidth])
        }
        #expect(KernelFeatureError(feature: .rates, release: "5.10").message
                == "port function rate needs kernel 5.14 or later (this kernel is 5.10; nothing was sent)")
        #expect(throws: Never.self) { try KernelFeatures.modeled(at: KernelVersion(6, 17)).require([.rates, .tcBandwidth]) }
        #expect(throws: Never.self) { try old.require([]) }
    }

    @Test func uncheckedRefusesNothing() {
        let unchecked = KernelFeatures.unchecked(release: "5.4.0", note: "no policy")
        #expect(!unchecked.has(.rates))
        #expect(throws: Never.self) { try unchecked.require(.all) }
        #expect(unchecked.summary == """
            kernel 5.4.0 (unchecked): no devlink features; lacks rates tc_bw max_io_eqs switchdev_inactive param_default health_burst_period
            note: no policy
            """)
    }

    @Test func operationsSayWhatTheyNeed() {
        let leaf = RateHandle.node(DeviceHandle(bus: "pci", name: "0000:06:00.0"), "g")
        let tc = [TrafficClassBandwidth(index: 0, bandwidth: 1)]
        #expect(SetRate(leaf, RateChanges(txMax: 1)).policyNeeds == .rates)
        #expect(AddRateNode(leaf, RateChanges(tcBandwidths: tc)).policyNeeds == [.rates, .tcBandwidth])
        #expect(DeleteRateNode(leaf).policyNeeds == .rates)
        #expect(ListRates(of: nil).policyNeeds.isEmpty)
        let port = PortHandle(device: leaf.device, index: 1)
        #expect(SetPortFunction(port, PortFunctionChanges(maxIOEQs: 4)).policyNeeds == .maxIOEQs)
        #expect(SetPortFunction(port, PortFunctionChanges(state: .active)).policyNeeds.isEmpty)
    }
}

/// RateObject's `==` is written out (it leaves `absent` aside), so a new stored field must be added
/// to it by hand: this fails first.
@Suite struct RateObjectEqualityTests {
    @Test func everyFieldButAbsentTakesPart() {
        let object = RateObject(handle: .node(DeviceHandle(bus: "pci", name: "0000:06:00.0"), "g"))
        let fields = Mirror(reflecting: object).children.compactMap(\.label)
        #expect(fields == ["handle", "txShare", "txMax", "txPriority", "txWeight", "parent", "tcBandwidths", "absent"],
                "RateObject's fields changed: update its == (DevlinkModel/RateObject.swift)")
        var read = object
        read.absent = .tcBandwidths
        #expect(read == object)
        var other = object
        other.tcBandwidths[3] = 1
        #expect(other != object)
    }
}

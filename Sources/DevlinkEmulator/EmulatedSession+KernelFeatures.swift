import DevlinkModel

extension EmulatedSession {
    /// The devlink features of the declared kernel version, as the kernel's policy would show them
    /// (`KernelPolicy.modeled(at:)`): a request that needs a later feature is refused before the
    /// state is touched, with the netlink backend's words. Below that refusal the state still
    /// models the kernel itself (an attribute past the policy is dropped unread), for callers that
    /// drive `EmulatorState` directly.
    public var kernelFeatures: KernelFeatures {
        let version = state.kernel
        if let known = modeledFeatures, known.version == version { return known }
        let features = KernelFeatures.modeled(at: version)
        modeledFeatures = features
        modeledAvailable = (version, features.available)
        return features
    }

    /// The netlink backend's refusal, from the same probes over the modeled policy: before the state
    /// is touched, so a refused request changes nothing and notifies nothing.
    @inline(__always)
    func refuseUnlessKernelHas<Operation: DeviceOperation>(_ operation: Operation) throws(KernelFeatureError) {
        let needs = operation.policyNeeds
        guard !needs.isEmpty else { return }
        // Nearly every request finds its features there: answered from plain values, without
        // copying the cached `KernelFeatures` (strings and all) out of the session.
        if let known = modeledAvailable, known.version == state.kernel, known.features.isSuperset(of: needs) { return }
        try kernelFeatures.require(needs)
    }
}

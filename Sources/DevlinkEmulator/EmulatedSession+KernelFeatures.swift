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
        return features
    }

    /// The netlink backend's refusal, from the same probes over the modeled policy: before the state
    /// is touched, so a refused request changes nothing and notifies nothing.
    @inline(__always)
    func refuseUnlessKernelHas<Operation: DeviceOperation>(_ operation: Operation) throws(KernelFeatureError) {
        let needs = operation.policyNeeds
        if !needs.isEmpty { try kernelFeatures.require(needs) }
    }
}

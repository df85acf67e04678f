import DevlinkModel

extension NetlinkSession {
    /// What the running kernel's devlink accepts, asked once (CTRL_CMD_GETPOLICY) when a request
    /// first needs to know, then kept: a session talks to one kernel.
    public var kernelFeatures: KernelFeatures {
        if let known = features.value { return known }
        let found = Self.features(release: Self.runningRelease() ?? "unknown") { try socket.fetchPolicy(of: family) }
        features.value = found
        return found
    }

    /// Refused here, before anything is sent, when the kernel's policy lacks what `operation` needs.
    /// Needs the family's command list already answers (`rates` for every rate request) fetch no policy.
    @inline(__always)
    func refuseUnlessKernelHas<Operation: DeviceOperation>(_ operation: Operation) throws(KernelFeatureError) {
        let needs = operation.policyNeeds
        if !needs.isEmpty && !features.listed.isSuperset(of: needs) { try kernelFeatures.require(needs) }
    }

    /// The features shown by a command that `operations` (the family's CTRL_ATTR_OPS, read at open)
    /// lists. The policy would show each of them too, since `GenericPolicy.decode` takes the commands
    /// from that same list, and a kernel that answers no policy refuses nothing: either way the
    /// request goes out. So `apply` of a rate plan skips the policy dump (the largest answer of the
    /// devlink family, and most of the decoding a short run does).
    static func featuresListed(by operations: [UInt8]) -> DevlinkFeatureSet {
        // A loop rather than the set's sequence initializer: that one is generic across modules,
        // and unspecialized it resolves its types at run time, at every start.
        var listed = DevlinkFeatureSet()
        for feature in DevlinkFeature.allCases {
            if case .command(let command) = feature.probe, operations.contains(command) { listed.formUnion(DevlinkFeatureSet(feature)) }
        }
        return listed
    }

    /// The features from `fetch`'s policy; a kernel that does not answer it (before 5.8, or a
    /// refusal) leaves them unchecked, and requests go out as they always did.
    static func features(release: String, fetch: () throws -> KernelPolicy) -> KernelFeatures {
        do {
            return KernelFeatures(release: release, policy: try fetch())
        } catch {
            let why: String
            if case NetlinkError.kernel(let ack) = error { why = ErrnoName.message(ack.errno) } else { why = "\(error)" }
            return .unchecked(release: release,
                              note: "the kernel did not answer CTRL_CMD_GETPOLICY for devlink (\(why)); options are sent unchecked")
        }
    }
}

/// The cached answer (a class so the session's `let` can hold it and fill it lazily), and the
/// features the family's command list shows without it.
final class KernelFeaturesCache: @unchecked Sendable {
    var value: KernelFeatures?
    let listed: DevlinkFeatureSet
    init(listed: DevlinkFeatureSet = []) { self.listed = listed }
}

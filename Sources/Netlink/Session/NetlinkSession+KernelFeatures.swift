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
    @inline(__always)
    func refuseUnlessKernelHas<Operation: DeviceOperation>(_ operation: Operation) throws(KernelFeatureError) {
        let needs = operation.policyNeeds
        if !needs.isEmpty { try kernelFeatures.require(needs) }
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

/// The cached answer (a class so the session's `let` can hold it and fill it lazily).
final class KernelFeaturesCache: @unchecked Sendable {
    var value: KernelFeatures?
    init() {}
}

/// The kernel a session talks to, and the devlink features it has: what `kernel()` and the REPL's
/// `:backend` show, and what every request is checked against before it is sent.
public struct KernelFeatures: Sendable, Equatable {
    /// How the features were found.
    public enum Source: String, Sendable {
        /// From the running kernel's CTRL_CMD_GETPOLICY answer.
        case policy
        /// The emulator's model of its declared kernel version.
        case modeled
        /// The kernel gave no policy (older than 5.8, or it refused): nothing is refused, requests
        /// are sent as they always were, and `features` is the version table's guess.
        case unchecked
    }

    /// `uname -r` on the netlink backend (`6.12.118+deb12-amd64`), the declared version on the emulator.
    public var release: String
    /// `release` as MAJOR.MINOR, nil when it does not parse.
    public var version: KernelVersion?
    public var available: DevlinkFeatureSet
    public var source: Source
    /// Why the features are unchecked, for `kernel().note` and `:backend`.
    public var note: String?

    public init(release: String, version: KernelVersion?, available: DevlinkFeatureSet, source: Source, note: String? = nil) {
        (self.release, self.version, self.available, self.source, self.note) =
            (release, version, available, source, note)
    }

    /// The features `policy` shows; a feature the policy cannot show (`.release`) follows the version.
    public init(release: String, policy: KernelPolicy, source: Source = .policy) {
        let version = KernelVersion(release: release)
        var available: DevlinkFeatureSet = []
        for feature in DevlinkFeature.allCases {
            let present = policy.shows(feature.probe) ?? (version.map { $0 >= feature.since } ?? true)
            if present { available.insert(DevlinkFeatureSet(feature)) }
        }
        self.init(release: release, version: version, available: available, source: source)
    }

    /// A kernel that gave no policy: the table's guess from the release, and no refusals.
    public static func unchecked(release: String, note: String) -> KernelFeatures {
        let version = KernelVersion(release: release)
        let guess = DevlinkFeatureSet(DevlinkFeature.allCases.filter { feature in version.map { $0 >= feature.since } ?? true })
        return KernelFeatures(release: release, version: version, available: guess, source: .unchecked, note: note)
    }

    /// What the emulator declares for `version`: the modeled policy's features.
    public static func modeled(at version: KernelVersion) -> KernelFeatures {
        KernelFeatures(release: version.description, policy: .modeled(at: version), source: .modeled)
    }

    /// For the REPL's `:backend`: "kernel 6.12 (policy): rates max_io_eqs; lacks tc_bw ...", and
    /// the note on a second line when there is one.
    public var summary: String {
        let has = DevlinkFeature.allCases.filter(has).map(\.scriptName)
        let lacks = DevlinkFeature.allCases.filter { !self.has($0) }.map(\.scriptName)
        var line = "kernel \(release) (\(source.rawValue)): " + (has.isEmpty ? "no devlink features" : has.joined(separator: " "))
        if !lacks.isEmpty { line += "; lacks " + lacks.joined(separator: " ") }
        if let note { line += "\nnote: " + note }
        return line
    }

    public func has(_ feature: DevlinkFeature) -> Bool { available.contains(DevlinkFeatureSet(feature)) }

    /// Throws for the first of `needs` (table order) this kernel lacks; an unchecked kernel lacks
    /// nothing, so the request goes out as before.
    @inlinable
    public func require(_ needs: DevlinkFeatureSet) throws(KernelFeatureError) {
        guard !needs.isEmpty, source != .unchecked, !available.isSuperset(of: needs) else { return }
        try refuse(needs.subtracting(available))
    }

    @usableFromInline
    func refuse(_ missing: DevlinkFeatureSet) throws(KernelFeatureError) {
        guard let feature = missing.features.first else { return }
        throw KernelFeatureError(feature: feature, release: version?.description ?? release)
    }
}

/// A request refused before anything was sent, because the kernel lacks a feature it needs:
/// "tc-bw needs kernel 6.17 or later (this kernel is 6.12; nothing was sent)". The same text on
/// both backends (the emulator's kernel is its declared version).
public struct KernelFeatureError: Error, Sendable, Equatable, CustomStringConvertible {
    public var feature: DevlinkFeature
    /// The running kernel as MAJOR.MINOR (or its whole release when that does not parse).
    public var release: String

    public init(feature: DevlinkFeature, release: String) {
        self.feature = feature
        self.release = release
    }

    /// Not a kernel errno: dls refused. EOPNOTSUPP is what a script's `expect_error` names.
    public var errno: Errno { .EOPNOTSUPP }

    public var message: String {
        "\(feature.optionName) needs kernel \(feature.since) or later (this kernel is \(release); nothing was sent)"
    }

    public var description: String { message }
}

extension KernelVersion {
    /// MAJOR.MINOR of a release as `uname -r` gives it (`6.12.118+deb12-amd64`, `7.0.0-rc3`); nil
    /// when it does not start with two numbers.
    public init?(release: String) {
        let numbers = release.split(whereSeparator: { !($0.isASCII && $0.isNumber) }).prefix(2)
        guard numbers.count == 2,
              release.first?.isNumber == true,
              numbers.allSatisfy({ $0.count <= 4 }),
              let major = Int(numbers[numbers.startIndex]), let minor = Int(numbers[numbers.startIndex + 1])
        else { return nil }
        // The second number must follow the first after a single dot.
        guard release.hasPrefix("\(numbers[numbers.startIndex]).\(numbers[numbers.startIndex + 1])") else { return nil }
        self.init(major, minor)
    }
}

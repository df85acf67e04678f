/// What a kernel's generic netlink controller says the devlink family accepts: its commands
/// (CTRL_CMD_GETFAMILY's CTRL_ATTR_OPS) and, per command, the attributes of its do-policy
/// (CTRL_CMD_GETPOLICY, Linux 5.8+). Only what feature detection reads is kept: attribute numbers,
/// netlink types and integer maxima.
///
/// The netlink backend decodes it from the kernel's answer (Netlink/Core/GenericPolicy.swift); the
/// emulator builds the same shape for its declared version (`modeled(at:)`), so both backends
/// derive their `KernelFeatures` through one function.
public struct KernelPolicy: Sendable, Equatable {
    /// One attribute of a policy (`NL_POLICY_TYPE_ATTR_*`).
    public struct Attribute: Sendable, Equatable {
        /// `enum netlink_attribute_type` (NL_ATTR_TYPE_U16 = 3, NESTED = 13, ...).
        public var type: UInt32
        /// NL_POLICY_TYPE_ATTR_MAX_VALUE_U, for unsigned integers.
        public var maximum: UInt64?
        /// NL_POLICY_TYPE_ATTR_POLICY_IDX: the nested policy, for nests.
        public var nestedPolicy: UInt32?

        public init(type: UInt32, maximum: UInt64? = nil, nestedPolicy: UInt32? = nil) {
            (self.type, self.maximum, self.nestedPolicy) = (type, maximum, nestedPolicy)
        }
    }

    /// Command → the index of its do-policy, nil when it has none (GENL_CMD_CAP_HASPOL unset).
    public var commands: [UInt8: UInt32?]
    /// Policy index → attribute number → attribute.
    public var policies: [UInt32: [UInt16: Attribute]]

    public init(commands: [UInt8: UInt32?] = [:], policies: [UInt32: [UInt16: Attribute]] = [:]) {
        self.commands = commands
        self.policies = policies
    }

    public func hasCommand(_ command: UInt8) -> Bool { commands[command] != nil }

    /// The attribute in `command`'s do-policy, nil when the command or the attribute is absent.
    public func attribute(_ command: UInt8, _ attribute: UInt16) -> Attribute? {
        guard let entry = commands[command], let index = entry else { return nil }
        return policies[index]?[attribute]
    }

    /// Whether the policy shows `probe`; nil for a probe it cannot answer (`.release`).
    public func shows(_ probe: FeatureProbe) -> Bool? {
        switch probe {
        case .command(let command): return hasCommand(command)
        case .attribute(let command, let attribute): return self.attribute(command, attribute) != nil
        case .maximum(let command, let attribute, let atLeast):
            guard let found = self.attribute(command, attribute) else { return false }
            // No maximum reported: the policy does not bound the value.
            return (found.maximum ?? .max) >= atLeast
        case .release: return nil
        }
    }
}

extension KernelPolicy {
    /// NL_ATTR_TYPE_* numbers (include/uapi/linux/netlink.h).
    public enum AttributeType {
        public static let u16: UInt32 = 3
        public static let u32: UInt32 = 4
        public static let u64: UInt32 = 5
        public static let nested: UInt32 = 13
        public static let flag: UInt32 = 1
    }

    /// The devlink policy a kernel of `version` has, as far as the feature table reads it: every
    /// command and attribute of a feature that release has, and without the ones it lacks. The
    /// emulator answers `GetKernelFeatures` with the features derived from it, so its refusals come
    /// from the same probes as the netlink backend's. Each command gets a policy of its own, as the
    /// kernel's split ops do.
    public static func modeled(at version: KernelVersion) -> KernelPolicy {
        var policy = KernelPolicy()
        var attributes: [UInt8: [UInt16: Attribute]] = [:]
        // Commands older than any feature of the table: every devlink kernel has them.
        for command in [FeatureProbe.Command.eswitchSet, FeatureProbe.Command.paramSet,
                        FeatureProbe.Command.healthReporterSet] {
            attributes[command] = [:]
        }
        // The eswitch mode is bounded by the newest mode the release knows (NLA_POLICY_MAX).
        attributes[FeatureProbe.Command.eswitchSet]?[FeatureProbe.Attribute.eswitchMode] =
            Attribute(type: AttributeType.u16, maximum: 1)
        for feature in DevlinkFeature.allCases where feature.since <= version {
            switch feature.probe {
            case .command(let command):
                // The rate commands come together (RATE_GET/SET/NEW/DEL).
                for listed in command == FeatureProbe.Command.rateNew ? [command, FeatureProbe.Command.rateSet] : [command]
                where attributes[listed] == nil {
                    attributes[listed] = [:]
                }
            case .attribute(let command, let attribute):
                // RATE_TC_BWS is a repeated nest (YNL multi-attr: NLA_NESTED with its own policy).
                let type = attribute == FeatureProbe.Attribute.rateTCBandwidths ? AttributeType.nested
                    : attribute == FeatureProbe.Attribute.paramResetDefault ? AttributeType.flag : AttributeType.u64
                attributes[command, default: [:]][attribute] = Attribute(type: type)
                if command == FeatureProbe.Command.rateSet {
                    attributes[FeatureProbe.Command.rateNew, default: [:]][attribute] = Attribute(type: type)
                }
            case .maximum(let command, let attribute, let atLeast):
                attributes[command, default: [:]][attribute] = Attribute(type: AttributeType.u16, maximum: atLeast)
            case .release:
                break
            }
        }
        for (offset, entry) in attributes.sorted(by: { $0.key < $1.key }).enumerated() {
            policy.commands[entry.key] = UInt32(offset)
            policy.policies[UInt32(offset)] = entry.value
        }
        return policy
    }
}

import DevlinkModel
import Testing
@testable import Netlink

/// The devlink family's description as the real 6.12 guest gave it (Tests/Fixtures/netlink/
/// genl-devlink-family.nl and genl-devlink-policy.nl, captured by scripts/kernel-vm/capture-policy.sh
/// with iproute2's `genl ctrl get|policy name devlink`), decoded as the netlink backend decodes it.
@Suite struct GenericPolicyTests {
    /// The captured 6.12 policy: the family's operations from its GETFAMILY reply, the rest from the dump.
    static func captured() throws -> KernelPolicy {
        let operations = try GenericPolicy.operations(inFamilyReply: try familyReply())
        let dump = try Fixture.load("genl-devlink-policy").collect(familyType: GenericControl.familyID)
        return try GenericPolicy.decode(operations: operations, dump: dump.messages)
    }

    /// The CTRL_CMD_NEWFAMILY message (genl reads no further, so the capture holds no ACK).
    static func familyReply() throws -> NetlinkMessage {
        let exchanges = try Fixture.load("genl-devlink-family").exchanges(familyType: GenericControl.familyID)
        return try #require(exchanges.first?.replies.first)
    }

    @Test func operationsOfTheFamily() throws {
        let decoded = try GenericFamily(parsing: try Self.familyReply())
        #expect(decoded.name == "devlink" && decoded.id == capturedDevlinkFamily)
        // RATE_GET..RATE_DEL (74-77) are there; NOTIFY_FILTER_SET (84, since 6.10) is the last
        // 6.12 command, 57 in all.
        #expect([74, 75, 76, 77].allSatisfy(decoded.operations.contains))
        #expect(decoded.operations.last == 84 && decoded.operations.count == 57)
    }

    @Test func ratePolicyEndsBeforeTrafficClasses() throws {
        let policy = try Self.captured()
        // RATE_SET and RATE_NEW: tx_share ... tx_weight (166-178), no RATE_TC_BWS (180).
        for command in [DevlinkCommand.rateSet, DevlinkCommand.rateNew] {
            #expect(policy.attribute(command, DevlinkAttr.rateTxWeight)?.type == KernelPolicy.AttributeType.u32)
            #expect(policy.attribute(command, DevlinkAttr.rateTxShare)?.type == KernelPolicy.AttributeType.u64)
            #expect(policy.attribute(command, DevlinkAttr.rateTCBandwidths) == nil)
        }
    }

    @Test func eswitchModeIsBoundedAtSwitchdev() throws {
        let mode = try #require(try Self.captured().attribute(DevlinkCommand.eswitchSet, DevlinkAttr.eswitchMode))
        #expect(mode.type == KernelPolicy.AttributeType.u16 && mode.maximum == 1)
    }

    @Test func portFunctionNestStopsAtCaps() throws {
        // Why max_io_eqs is decided by the release: PORT_SET's function nest policy has 4 attributes
        // (no MAX_IO_EQS, 6), though 6.12's port.c accepts it.
        let policy = try Self.captured()
        let nest = try #require(policy.attribute(DevlinkCommand.portSet, DevlinkAttr.portFunction))
        #expect(nest.type == KernelPolicy.AttributeType.nested)
        let index = try #require(nest.nestedPolicy)
        let inner = try #require(policy.policies[index])
        #expect(inner.keys.max() == PortFunctionAttr.caps)
        #expect(inner[PortFunctionAttr.maxIOEQs] == nil)
    }

    @Test func featuresOfTheGuestKernel() throws {
        let features = KernelFeatures(release: "6.12.118+deb12-amd64", policy: try Self.captured())
        #expect(features.version == KernelVersion(6, 12))
        #expect(features.available.features == [.rates, .maxIOEQs])
        #expect(features.source == .policy)
    }

    /// The emulator's model of 6.12 shows the same features as the real 6.12 policy, by the same probes.
    @Test func modeledPolicyAgreesWithTheCapture() throws {
        let real = KernelFeatures(release: "6.12", policy: try Self.captured())
        #expect(KernelFeatures.modeled(at: KernelVersion(6, 12)).available == real.available)
        for probe in DevlinkFeature.allCases.map(\.probe) {
            #expect(KernelPolicy.modeled(at: KernelVersion(6, 12)).shows(probe) == (try Self.captured().shows(probe)))
        }
    }

    @Test func requestAsked() throws {
        let sent = try Fixture.load("genl-devlink-policy").exchanges(familyType: GenericControl.familyID)
        let request = try #require(sent.first?.request)
        // genl's request carries FAMILY_NAME "devlink" (as ours does); the dump flag asks for all ops.
        #expect(request.header.flags.contains(.dump))
        #expect(Array(request.body.prefix(1)) == [GenericPolicy.commandGetPolicy])
        #expect(GenericPolicy.requestPayload(family: "devlink").prefix(1) == [GenericPolicy.commandGetPolicy])
    }

    /// A kernel that answers no policy (before 5.8) or refuses: unchecked, nothing refused, a note.
    @Test func noPolicyFallsBackToSending() throws {
        let features = NetlinkSession.features(release: "5.4.0-150-generic") {
            throw NetlinkError.kernel(KernelError(errno: 95))
        }
        #expect(features.source == .unchecked)
        #expect(features.note?.contains("CTRL_CMD_GETPOLICY") == true)
        #expect(features.note?.contains("Operation not supported") == true)
        // tc-bw is past 5.4 by the table, yet it is sent as before: the kernel was not asked.
        #expect(!features.has(.tcBandwidth))
        #expect(throws: Never.self) { try features.require([.rates, .tcBandwidth]) }
    }
}

/// `rate set` and friends skip the policy dump when the family's command list shows what they need:
/// only when the policy could not say otherwise.
@Suite struct ListedFeatureTests {
    @Test func theGuestFamilyListsTheRateCommands() throws {
        let operations = try GenericPolicy.operations(inFamilyReply: try GenericPolicyTests.familyReply())
        #expect(NetlinkSession.featuresListed(by: operations) == .rates)
    }

    @Test func nothingIsListedWithoutTheCommand() {
        #expect(NetlinkSession.featuresListed(by: []) == [])
        #expect(NetlinkSession.featuresListed(by: [DevlinkCommand.rateSet, DevlinkCommand.eswitchSet]) == [])
    }

    /// Whatever the policy dump holds (here: nothing, or the whole 6.12 policy), a listed feature is
    /// one the decoded policy has, so skipping the dump never skips a refusal.
    @Test func aListedFeatureIsOneThePolicyShows() throws {
        let captured = try GenericPolicyTests.captured()
        for operations: [UInt8] in [[DevlinkCommand.rateNew], [1, 2, DevlinkCommand.rateNew, 84], Array(captured.commands.keys)] {
            let listed = NetlinkSession.featuresListed(by: operations)
            for policy in [try GenericPolicy.decode(operations: operations, dump: []), captured] {
                let features = KernelFeatures(release: "5.14.0", policy: policy)
                #expect(features.available.isSuperset(of: listed), "\(operations)")
            }
        }
    }
}

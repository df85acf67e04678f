import Testing
@testable import Netlink

/// The core parser over bytes a real 6.12 kernel sent (Tests/Fixtures/netlink).
@Suite struct CoreFixtureTests {
    @Test func everyCapturedDatagramParses() throws {
        let names = try Fixture.allNames()
        #expect(names.count >= 50)
        for name in names {
            let f = try Fixture.load(name)
            #expect(!f.datagrams.isEmpty, "\(name) has no traffic")
            for (_, bytes) in f.datagrams {
                for m in try NetlinkMessage.parseAll(bytes) where m.header.type >= NetlinkMessageType.minReserved {
                    _ = try? m.attributes(after: GenericHeader.size)  // must not trap on any family's layout
                }
            }
        }
    }

    @Test func familyLookupReply() throws {
        let reply = try Fixture.load("dev-show").collect(familyType: GenericControl.familyID)
        let family = try GenericFamily(parsing: try #require(reply.messages.first))
        #expect(family.id == capturedDevlinkFamily)
        #expect(family.name == "devlink")
        #expect(family.version == 1)
        // CTRL_ATTR_MCAST_GROUPS in the captured reply: one group, id 8, name "config"
        #expect(family.multicastGroups == ["config": 8])
        #expect(family.maxAttribute == 0)  // devlink uses per-op policies: the family-wide maxattr is 0
    }

    @Test func dumpEndsAtDone() throws {
        let reply = try Fixture.load("port-show").collect(familyType: capturedDevlinkFamily)
        #expect(reply.messages.count == 2)
        #expect(reply.messages.allSatisfy { $0.header.flags.contains(.multi) })
    }

    @Test func kernelErrorWithExtack() throws {
        #expect(throws: NetlinkError.kernel(KernelError(errno: 17, message: "Node is already a parent of parent node."))) {
            try Fixture.load("err-rate-loop").collect(familyType: capturedDevlinkFamily)
        }
        #expect(throws: NetlinkError.kernel(KernelError(errno: 22, message: "netdevsim: TX rate value not in link speed units of 1Mbps."))) {
            try Fixture.load("err-rate-units").collect(familyType: capturedDevlinkFamily, last: true)
        }
    }

    @Test func plainErrnoWithoutExtack() throws {
        #expect(throws: NetlinkError.kernel(KernelError(errno: 95))) {
            try Fixture.load("err-port-new-pcisf").collect(familyType: capturedDevlinkFamily)
        }
        #expect(throws: NetlinkError.kernel(KernelError(errno: 19))) {
            try Fixture.load("err-dev-enodev").collect(familyType: capturedDevlinkFamily)
        }
    }
}

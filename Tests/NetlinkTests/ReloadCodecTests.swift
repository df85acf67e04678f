import DevlinkModel
import Testing
@testable import Netlink

/// DEVLINK_CMD_RELOAD encoded as iproute2's cmd_dev_reload does, and its reply read back.
@Suite struct ReloadCodecTests {
    static let dev = DeviceHandle(bus: "netdevsim", name: "netdevsim1")

    @Test func plainReloadCarriesTheHandleOnly() {
        let r = DevlinkRequest.reload(ReloadDevice(Self.dev))
        #expect(r.command == 37 && !r.isDump)
        let bus = "0e000100" + "6e657464657673696d000000"      // BUS_NAME "netdevsim"
        let name = "0f000200" + "6e657464657673696d3100" + "00"  // DEV_NAME "netdevsim1"
        #expect(r.attributes.hexString == bus + name)
    }

    @Test func actionAndLimitAsDevlinkSendsThem() {
        let r = DevlinkRequest.reload(ReloadDevice(Self.dev, action: .fwActivate, limit: .noReset))
        let tail = r.attributes.hexString.suffix(8 + 8 + 24)
        let action = "05009900" + "02000000"                   // RELOAD_ACTION fw_activate (u8, padded)
        let limits = "0c009b00" + "02000000" + "03000000"      // RELOAD_LIMITS {value BIT(1), selector 3}
        #expect(String(tail) == action + limits)
    }

    @Test func replyListsThePerformedActionsInBitOrder() throws {
        var w = AttributeWriter()
        w.putBitfield32(DevlinkAttr.reloadActionsPerformed, value: 0b110, selector: 0b110)
        let actions = try AttributeList(parsing: w.bytes[...], origin: 0).withLookup { try DevlinkDecoder.reloadActions($0) }
        #expect(actions == [.driverReinit, .fwActivate])
    }
}

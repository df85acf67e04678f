import DevlinkModel

/// netdevsim's netdev and FIB quirks that routes make visible (drivers/net/netdevsim, 6.12).
extension EmulatorState {
    /// `nsim_stop` turns the carrier off and `nsim_open` turns it on only for a netdev linked to a
    /// peer (dls has no peers): once closed, a netdevsim netdev stays without carrier, and its route
    /// paths stay `linkdown` after it comes back up, as the guest shows. Modelled as a pulled cable.
    mutating func netdevStopped(_ name: String) {
        guard let device = netdevs[name]?.port?.device, profile(of: device) == .netdevsim else { return }
        links.unplugged.insert(name)
    }

    /// netdevsim's FIB offload (fib.c `nsim_fib_event`): every route the FIB notifier announces is
    /// taken into its "hardware" and flagged RTM_F_TRAP (`rt_trap`), for any netdevsim device in the
    /// namespace, whatever the route's devices. The driver does it from a work item right after the
    /// request; the emulator does it in the request.
    mutating func nsimFibEvent(_ event: FibEvent) {
        guard case .entryReplace(let prefix, let info) = event,
              devices.contains(where: { $0.profile == .netdevsim }) else { return }
        for i in links.fib.aliases(of: prefix) where FibInfoKey(links.fib.routes[i]) == info {
            links.fib.routes[i].trap = true
        }
    }
}

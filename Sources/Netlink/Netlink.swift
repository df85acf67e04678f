// Netlink: placeholder until its issue lands.

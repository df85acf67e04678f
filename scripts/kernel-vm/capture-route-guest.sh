#!/usr/bin/env bash
# Runs inside the guest (see capture-route-fixtures.sh): IPv4 routes over rtnetlink with the
# netdevsim netdevs eth0/eth1 as uplinks. One strace log + output file per scenario; state carries
# over from one scenario to the next, in this order.
# Usage: capture-route-guest.sh OUTDIR
set -u
OUT=$1
cap() {
  local name=$1; shift
  { echo "# command: $*"; } > "$OUT/$name.cmd"
  strace -f -xx -qq -e trace=sendmsg,recvmsg,sendto,recvfrom -e read=all -e write=all \
    -o "$OUT/$name.strace" "$@" > "$OUT/$name.out" 2>&1
  echo "# exit: $?" >> "$OUT/$name.cmd"
}
ip link set eth0 up; ip link set eth1 up
cap route-show-empty ip route show
cap route-add-multipath ip route add 198.51.100.0/24 nexthop dev eth0 nexthop dev eth1
cap route-show-multipath ip route show
cap route-show-multipath-json ip -j route show
cap err-route-exists ip route add 198.51.100.0/24 nexthop dev eth0 nexthop dev eth1
cap route-add-single ip route add 203.0.113.0/24 dev eth0 metric 10
cap route-add-weights ip route add 192.0.2.128/25 nexthop via 10.1.1.1 dev eth0 weight 2 onlink nexthop via 10.1.1.2 dev eth1 weight 3 onlink
cap route-add-one-nexthop ip route add 192.0.2.0/26 nexthop dev eth1
cap route-add-metric-multipath ip route add 198.51.100.0/24 metric 5 nexthop dev eth1 nexthop dev eth0
cap route-show-all ip route show
cap route-show-all-json ip -j route show
cap route-show-prefix ip route show 198.51.100.0/24
cap err-route-nodev ip route add 192.0.2.0/24 dev nosuch
cap err-route-nexthop-nodev ip route add 192.0.2.0/24 nexthop dev eth0 nexthop dev nosuch
cap err-route-gateway ip route add 192.0.2.64/26 via 10.9.9.9 dev eth0
cap err-route-nexthop-gateway ip route add 192.0.2.64/26 nexthop via 10.9.9.9 dev eth0 nexthop dev eth1
cap route-link-down ip link set eth0 down
cap route-show-link-down ip route show
cap route-show-link-down-json ip -j route show
cap err-route-dev-down ip route add 192.0.2.64/26 dev eth0
cap err-route-nexthop-dev-down ip route add 192.0.2.64/26 nexthop dev eth0 nexthop dev eth1
cap route-link-up ip link set eth0 up
cap route-show-link-up ip route show
cap route-replace ip route replace 198.51.100.0/24 nexthop dev eth0 weight 4 nexthop dev eth1
cap route-show-replaced ip route show
cap route-del ip route del 198.51.100.0/24
cap route-show-after-del ip route show
cap route-del-metric ip route del 198.51.100.0/24 metric 5
cap err-route-del-missing ip route del 198.51.100.0/24
cap route-del-one-nexthop ip route del 192.0.2.0/26
cap err-route-weight ip route add 192.0.2.64/26 nexthop dev eth0 weight 0 nexthop dev eth1
cap err-route-weight-big ip route add 192.0.2.64/26 nexthop dev eth0 weight 257 nexthop dev eth1
cap err-route-host-bits ip route add 192.0.2.65/26 dev eth1
cap route-flush-show ip route show
# carrier loss is not scriptable on netdevsim; admin down above is what the fixtures show

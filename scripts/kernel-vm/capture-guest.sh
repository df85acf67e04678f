#!/usr/bin/env bash
# Runs inside the guest (see capture-fixtures.sh): one strace log + output file per scenario.
# Usage: capture-guest.sh OUTDIR
set -u
OUT=$1
D=netdevsim/netdevsim1
SYS=/sys/bus/netdevsim/devices/netdevsim1
n=0
# cap NAME CMD... : run CMD under strace, keep the raw log and the command's output
cap() {
  local name=$1; shift
  n=$((n + 1))
  { echo "# command: $*"; } > "$OUT/$name.cmd"
  strace -f -xx -qq -e trace=sendmsg,recvmsg,sendto,recvfrom -e read=all -e write=all \
    -o "$OUT/$name.strace" "$@" > "$OUT/$name.out" 2>&1
  echo "# exit: $?" >> "$OUT/$name.cmd"
}
quiet() { "$@" > /dev/null 2>&1; }

cap dev-show devlink dev show
cap dev-show-json devlink -j dev show
cap dev-get devlink dev show $D
cap dev-info devlink dev info $D
cap dev-param-show devlink dev param show
cap port-show devlink port show
cap port-show-json devlink -j port show
cap port-get devlink port show $D/0
cap port-set-type-eth devlink port set $D/0 type eth
cap eswitch-get-legacy devlink dev eswitch show $D
cap err-rate-new-legacy devlink port function rate add $D/g0 tx_max 100mbit
cap eswitch-set-switchdev devlink dev eswitch set $D mode switchdev
cap eswitch-get-switchdev devlink -j dev eswitch show $D
echo 2 > $SYS/sriov_numvfs
cap port-show-vfs devlink port show
cap port-show-vfs-json devlink -j port show
cap port-get-vf devlink port show $D/128
cap rate-show-leaves devlink port function rate show
cap rate-new-node devlink port function rate add $D/group1 tx_share 10mbit tx_max 100mbit
cap rate-new-child devlink port function rate add $D/group2 tx_max 50mbit parent group1
cap rate-set-leaf devlink port function rate set $D/128 tx_share 20mbit tx_max 200mbit parent group1
cap rate-set-leaf2 devlink port function rate set $D/129 parent group2
cap rate-get-leaf devlink port function rate show $D/128
cap rate-get-node devlink port function rate show $D/group1
cap rate-show-json devlink -j port function rate show
cap rate-set-noparent devlink port function rate set $D/128 noparent
cap err-rate-del-busy devlink port function rate del $D/group1
cap err-rate-units devlink port function rate set $D/128 tx_share 1500kbit
cap err-rate-too-fast devlink port function rate set $D/128 tx_max 6000mbit
cap err-rate-self-parent devlink port function rate set $D/group1 parent group1
cap err-rate-loop devlink port function rate set $D/group1 parent group2
cap err-rate-unknown-parent devlink port function rate set $D/128 parent nosuch
cap err-rate-exists devlink port function rate add $D/group1
cap err-eswitch-busy devlink dev eswitch set $D mode legacy
cap err-port-new-pcisf devlink port add $D flavour pcisf pfnum 0 sfnum 88
cap err-function-hw-addr devlink port function set $D/128 hw_addr 00:11:22:33:44:55
cap err-function-state devlink port function set $D/128 state active
cap err-port-split devlink port split $D/0 count 2
cap err-port-get-enodev devlink port show $D/77
cap err-dev-enodev devlink dev eswitch show netdevsim/netdevsim99
cap rate-del-child devlink port function rate del $D/group2
# a monitor listening while a node is created, changed and deleted
( sleep 0.5
  quiet devlink port function rate add $D/mon1 tx_max 10mbit
  quiet devlink port function rate set $D/mon1 tx_max 20mbit
  quiet devlink port function rate del $D/mon1 ) &
cap monitor timeout 3 stdbuf -oL devlink monitor
wait
cap rate-del-node devlink port function rate del $D/group1
# bonding over rtnetlink with netdevsim netdevs (eth0, eth1 = ports of netdevsim1)
cap bond-new ip link add bond0 type bond mode active-backup miimon 100
cap link-down ip link set eth0 down
cap bond-enslave ip link set eth0 master bond0
cap link-up ip link set bond0 up
cap err-bond-enslave-up sh -c 'ip link set eth1 up && ip link set eth1 master bond0'
cap bond-show ip -d link show bond0
cap bond-slave-show ip -d link show eth0
cap link-dump ip -d link show
cap bond-release ip link set eth0 nomaster
cap bond-del ip link del bond0
cap err-bond-del-enodev ip link del bond0
echo "captured $n scenarios"

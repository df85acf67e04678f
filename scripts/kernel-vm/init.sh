#!/bin/busybox sh
# Guest /init for scripts/kernel-vm.sh (runs in the initramfs, busybox only).
# Loads the modules, mounts the host root (9p, read-only) under a tmpfs overlay, creates the
# requested netdevsim devices, then runs the job script chrooted into the host filesystem.
# The job's stdout/stderr go to ttyS1/ttyS2; its exit status is written to the kernel log as
# DLS_VM_RC=<n> (console on ttyS0), which the host reads back.
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
exec 0</dev/console 1>/dev/console 2>&1
log() { echo "<2>dls-vm: $*" > /dev/kmsg; }
finish() { echo "<2>DLS_VM_RC=$1" > /dev/kmsg; sync; poweroff -f; sleep 10; }
fatal() { log "FATAL: $*"; finish 125; }

job=""; nsim=""; vfs=0; sw=0; rw=""
for w in $(cat /proc/cmdline); do
  case $w in
    dls.job=*) job=${w#*=} ;; dls.nsim=*) nsim=${w#*=} ;; dls.vfs=*) vfs=${w#*=} ;;
    dls.sw=*) sw=${w#*=} ;; dls.rw=*) rw=${w#*=} ;;
  esac
done
log "init start, uptime $(cut -d' ' -f1 /proc/uptime)"
while read -r mod params; do
  [ -n "$mod" ] || continue
  insmod "/lib/modules/$mod.ko" $params || fatal "insmod $mod failed"
done < /lib/modules/load-order

mkdir -p /lower /rw /newroot
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=262144,cache=loose hostroot /lower || fatal "9p mount of host / failed"
mount -t tmpfs -o mode=755 tmpfs /rw
mkdir -p /rw/upper /rw/work
mount -t overlay overlay -o lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work /newroot || fatal "overlay mount failed"
R=/newroot
mount -t proc proc $R/proc
mount -t sysfs sysfs $R/sys
mount -t debugfs debugfs $R/sys/kernel/debug 2>/dev/null
mount -t devtmpfs devtmpfs $R/dev
mkdir -p $R/dev/pts $R/dev/shm
mount -t devpts devpts $R/dev/pts
mount -t tmpfs tmpfs $R/dev/shm
mount -t tmpfs -o mode=755 tmpfs $R/run
i=0
for d in $(echo "$rw" | tr , ' '); do
  mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144,cache=none "rw$i" "$R$d" || fatal "read-write share $d failed"
  i=$((i+1))
done
ip() { PATH=/usr/sbin:/usr/bin:/sbin:/bin chroot $R "$@"; }
ip /usr/sbin/ip link set lo up 2>/dev/null
for spec in $(echo "$nsim" | tr , ' '); do
  [ "$spec" = none ] && continue
  id=${spec%%:*}; ports=${spec#*:}
  echo "$id $ports" > /sys/bus/netdevsim/new_device || fatal "netdevsim new_device $spec failed"
  if [ "$sw" = 1 ]; then
    ip /usr/sbin/devlink dev eswitch set "netdevsim/netdevsim$id" mode switchdev || fatal "switchdev on netdevsim$id failed"
  fi
  if [ "$vfs" != 0 ]; then
    echo "$vfs" > "/sys/bus/netdevsim/devices/netdevsim$id/sriov_numvfs" || fatal "sriov_numvfs on netdevsim$id failed"
  fi
done
for p in /dev/ttyS1 /dev/ttyS2; do stty -F $p raw -echo 2>/dev/null; done
log "setup done, uptime $(cut -d' ' -f1 /proc/uptime)"
[ -f "$R$job/run" ] || fatal "job $job not visible in the guest"
chroot $R /bin/bash "$job/run" > /dev/ttyS1 2> /dev/ttyS2 < /dev/null
finish $?

#!/usr/bin/env bash
# kernel-vm.sh - run commands against a real Linux kernel (Debian 6.12 + netdevsim + bonding)
# in a throw-away QEMU guest. The host has no devlink; the guest does.
#
#   scripts/kernel-vm.sh prepare                 download the kernel, build netdevsim.ko + initramfs
#   scripts/kernel-vm.sh status                  say whether a guest can boot here (exit 0 or 77)
#   scripts/kernel-vm.sh run [opts] -- CMD...    boot, run CMD (bash) as root inside, exit with its status
#   scripts/kernel-vm.sh live-tests [FILTER]     build on the host; in one guest boot run the dls scenarios
#                                                (Tests/Live), the kernel goldens through dls --netlink
#                                                (Tests/Golden/kernel) and the Swift Live tests (default
#                                                filter "Live"); then, on the host, compare the goldens
#                                                and run the differential test
#
# run options: -n ID:PORTS[,..] netdevsim devices (default 1:2, "none" for none), -V N sriov_numvfs on
#   each, -S switchdev before VFs, -w DIR share DIR read-write (repeatable), -e VAR pass VAR
#   (repeatable), -t SECS timeout (default 300), -m MEM (default 1G), -q quiet.
#
# How: the host / is exported read-only over 9p and overlaid with a tmpfs in the guest, which then
# chroots into it, so host binaries (devlink, ip, strace, Swift test bundles linked against
# /opt/swift) run unchanged. Guest writes vanish unless under a -w share. TCG with one vCPU
# (KVM here is kvm_pvm and cannot run the guest; MTTCG showed rare boot Oopses).
#
# Exit status: the command's status; 77 = SKIPPED (no guest can boot on this host: not a Debian host,
# or the guest kernel does not boot under this QEMU; the reason is printed); 124 = timeout; 125 = an
# error setup could have fixed (qemu missing, prepare failed) or the guest failed after booting
# (console log printed).
# Cache: $DLS_VM_CACHE (default /var/cache/dls-vm). Kernel: $DLS_VM_KERNEL_ABI pins an ABI.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
INIT=$ROOT/scripts/kernel-vm/init.sh
CACHE=${DLS_VM_CACHE:-/var/cache/dls-vm}
SKIP=77
QUIET=0
say() { [ "$QUIET" = 1 ] || echo "kernel-vm: $*" >&2; }
skip() { echo "kernel-vm: SKIPPED: $*" >&2; exit $SKIP; }
fail() { echo "kernel-vm: ERROR: $*" >&2; exit 125; }

# ---------------------------------------------------------------------------------------------
# prepare
# ---------------------------------------------------------------------------------------------
newest_abi() {   # e.g. 6.12.117+deb12-amd64
  apt-cache search --names-only '^linux-image-6\.12\.[0-9]+\+deb12-amd64-unsigned$' 2>/dev/null |
    awk '{print $1}' | sort -V | tail -1 | sed -e 's/^linux-image-//' -e 's/-unsigned$//'
}

pinned_abi() {
  if [ -n "${DLS_VM_KERNEL_ABI:-}" ]; then echo "$DLS_VM_KERNEL_ABI"
  elif [ -f "$CACHE/abi" ]; then cat "$CACHE/abi"
  fi
}

modules_wanted="virtio_pci 9pnet_virtio 9p overlay bonding netdevsim"

# The stamp changes when the guest init or the module list changes, forcing a new initramfs.
assets_stamp() { { cat "$INIT"; echo "$modules_wanted"; } | sha256sum | cut -c1-16; }

assets_ready() {  # $1 = abi
  local d=$CACHE/$1
  [ -f "$d/vmlinux" ] && [ -f "$d/initrd.gz" ] && [ "$(cat "$d/ready" 2>/dev/null)" = "$(assets_stamp)" ]
}

prepare() {
  local t0=$SECONDS abi
  for tool in apt-get apt-cache dpkg make gcc-12 busybox depmod modprobe xz zstd cpio strip; do
    command -v "$tool" >/dev/null || fail "prepare needs '$tool' (scripts/setup --deps-only installs it)"
  done
  abi=$(pinned_abi); [ -n "$abi" ] || abi=$(newest_abi)
  [ -n "$abi" ] || fail "no linux-image-6.12.*+deb12-amd64-unsigned in apt (run apt-get update)"
  local d=$CACHE/$abi hdr=linux-headers-$abi
  mkdir -p "$d/debs"
  if [ ! -f "$d/debs/complete" ]; then
    local common kbuild
    common=$(apt-cache depends "$hdr" | awk '/Depends: linux-headers-.*-common/{print $2; exit}')
    kbuild=$(apt-cache depends "$hdr" | awk '/Depends: linux-kbuild-/{print $2; exit}')
    say "downloading kernel $abi, headers and sources"
    (cd "$d/debs" && apt-get download -q "linux-image-$abi-unsigned" "$hdr" "$common" "$kbuild" linux-source-6.12 >&2) ||
      fail "apt-get download failed"
    touch "$d/debs/complete"
  fi
  if [ ! -f "$d/netdevsim.ko" ]; then
    # Debian builds without CONFIG_NETDEVSIM: build it out of tree from linux-source.
    rm -rf "$d/root" "$d/hdr" "$d/nsim" && mkdir -p "$d/root" "$d/hdr" "$d/nsim"
    dpkg -x "$d"/debs/linux-image-"$abi"-unsigned_*.deb "$d/root"
    local deb; for deb in "$d"/debs/linux-headers-*.deb "$d"/debs/linux-kbuild-*.deb; do dpkg -x "$deb" "$d/hdr"; done
    # the arch headers' Makefile includes the -common tree by absolute /usr/src path
    sed -i "s#/usr/src/#$d/hdr/usr/src/#" "$d/hdr/usr/src/$hdr/Makefile"
    local src tarball; src=$(ls "$d"/debs/linux-source-6.12_*.deb)
    tarball=$(dpkg -c "$src" | awk '{print $6}' | grep 'linux-source.*\.tar\.xz$')
    dpkg --fsys-tarfile "$src" | tar -xO "$tarball" |
      tar -xJ -C "$d/nsim" --strip-components=1 --wildcards '*/drivers/net/netdevsim/*' '*/scripts/extract-vmlinux'
    say "building netdevsim.ko"
    # pahole is absent: no BTF for the module
    make -s -C "$d/hdr/usr/src/$hdr" M="$d/nsim/drivers/net/netdevsim" CONFIG_NETDEVSIM=m \
      CONFIG_DEBUG_INFO_BTF_MODULES= -j"$(nproc)" modules >&2 || fail "netdevsim build failed"
    strip --strip-debug -o "$d/netdevsim.ko" "$d/nsim/drivers/net/netdevsim/netdevsim.ko"
  fi
  if [ ! -f "$d/vmlinux" ]; then
    # an uncompressed ELF lets QEMU boot via PVH and skips the slow in-guest decompressor
    "$d/nsim/scripts/extract-vmlinux" "$d/root/boot/vmlinuz-$abi" > "$d/vmlinux.tmp" && mv "$d/vmlinux.tmp" "$d/vmlinux"
  fi
  build_initramfs "$abi"
  echo "$abi" > "$CACHE/abi"
  say "prepared $abi in $CACHE ($((SECONDS - t0)) s)"
}

build_initramfs() {
  local abi=$1 d=$CACHE/$1 i=$CACHE/$1/initramfs
  mkdir -p "$d/root/lib/modules/$abi/extra" && cp "$d/netdevsim.ko" "$d/root/lib/modules/$abi/extra/"
  depmod -b "$d/root" "$abi"
  rm -rf "$i"; mkdir -p "$i"/{bin,proc,sys,dev,lib/modules,tmp}
  cp "$(command -v busybox)" "$i/bin/busybox"
  "$i/bin/busybox" --list >/dev/null 2>&1 && ! ldd "$i/bin/busybox" >/dev/null 2>&1 ||
    fail "busybox is not statically linked (apt-get install busybox-static)"
  local a; for a in $("$i/bin/busybox" --list); do [ -e "$i/bin/$a" ] || ln -s busybox "$i/bin/$a"; done
  cp "$INIT" "$i/init"; chmod 755 "$i/init"
  # insmod order = modprobe's dependency order, each module once
  local m line path name seen=" "
  : > "$i/lib/modules/load-order"
  for m in $modules_wanted; do
    while read -r line; do
      case $line in insmod\ *) ;; *) continue ;; esac
      path=$(echo "$line" | awk '{print $2}'); name=$(basename "$path"); name=${name%%.ko*}
      case $seen in *" $name "*) continue ;; esac
      seen="$seen$name "
      case $path in
        *.ko.xz) xz -dc "$path" > "$i/lib/modules/$name.ko" ;;
        *.ko.zst) zstd -qdc "$path" > "$i/lib/modules/$name.ko" ;;
        *) cp "$path" "$i/lib/modules/$name.ko" ;;
      esac
      # max_bonds=0: no bond0 at load, tests create their own bonds
      if [ "$name" = bonding ]; then echo "$name max_bonds=0"; else echo "$name"; fi >> "$i/lib/modules/load-order"
    done < <(modprobe -C /dev/null -d "$d/root" -S "$abi" --show-depends "$m")
  done
  grep -q '^netdevsim' "$i/lib/modules/load-order" || fail "netdevsim missing from the module list"
  (cd "$i" && find . | cpio -o -H newc --quiet | gzip -1) > "$d/initrd.gz.tmp"
  mv "$d/initrd.gz.tmp" "$d/initrd.gz"
  assets_stamp > "$d/ready"
}

# ---------------------------------------------------------------------------------------------
# boot + run
# ---------------------------------------------------------------------------------------------
# Why a guest cannot boot here, or nothing: "fail: REASON" when setup could have fixed it (a missing
# package, a prepare that failed), "skip: REASON" only when this host truly cannot run the guest.
# Prepares on first use.
boot_blocker() {
  command -v qemu-system-x86_64 >/dev/null ||
    { echo "fail: qemu-system-x86_64 is not installed (scripts/setup --deps-only installs it)"; return; }
  local abi; abi=$(pinned_abi)
  if [ -n "$abi" ] && assets_ready "$abi"; then return; fi
  if [ -n "$abi" ] && [ -f "$CACHE/$abi/vmlinux" ] && [ -f "$CACHE/$abi/netdevsim.ko" ]; then
    (build_initramfs "$abi") >&2 && return
    echo "fail: rebuilding the initramfs failed (see above)"; return
  fi
  if [ "${DLS_VM_NO_PREPARE:-0}" = 1 ]; then echo "skip: guest assets are not prepared in $CACHE (DLS_VM_NO_PREPARE=1)"; return; fi
  command -v apt-get >/dev/null ||
    { echo "skip: this host has no apt-get, and the guest kernel comes from Debian's archive"; return; }
  say "assets missing in $CACHE: preparing (about a minute, ~280 MB download)"
  (prepare) >&2 || { echo "fail: preparing the guest failed (see the error above)"; return; }
}

# Exits as boot_blocker says: 125 for "fail", 77 (SKIPPED) for "skip"; returns when the guest can boot.
require_guest() {   # $1 = what is not run
  local why; why=$(boot_blocker)
  case $why in
    "") return 0 ;;
    fail:*) fail "$1: ${why#fail: }" ;;
    *) skip "$1: ${why#skip: }" ;;
  esac
}

run_guest() {
  local nsim=1:2 vfs=0 sw=0 timeout=300 mem=1G rw_dirs=() pass_env=() o
  OPTIND=1
  while getopts ":n:V:Sw:e:t:m:q" o; do
    case $o in
      n) nsim=$OPTARG ;; V) vfs=$OPTARG ;; S) sw=1 ;; t) timeout=$OPTARG ;; m) mem=$OPTARG ;; q) QUIET=1 ;;
      w) rw_dirs+=("$(cd "$OPTARG" && pwd)") ;; e) pass_env+=("$OPTARG") ;;
      *) fail "bad run option -$OPTARG" ;;
    esac
  done
  shift $((OPTIND - 1)); [ "${1:-}" = -- ] && shift
  [ $# -gt 0 ] || fail "run: no command given"
  require_guest "guest not started"
  local abi d; abi=$(pinned_abi); d=$CACHE/$abi

  JOB=$(mktemp -d "${TMPDIR:-/tmp}/dls-vm.XXXXXX")
  case $JOB in *[!A-Za-z0-9_./+-]*) fail "job path $JOB has characters the kernel command line cannot carry" ;; esac
  trap 'cleanup_job' EXIT
  {
    echo "export PATH=$(printf %q "$PATH") HOME=/root USER=root TERM=dumb LANG=C.UTF-8 DLS_IN_VM=1"
    local v; for v in "${pass_env[@]}"; do [ -n "${!v+x}" ] && echo "export $v=$(printf %q "${!v}")"; done
    echo "cd $(printf %q "$PWD") 2>/dev/null || cd /"
    printf 'exec /bin/bash -c %q\n' "$*"
  } > "$JOB/run"
  local rw_param="" virtfs_rw=() k
  for k in "${!rw_dirs[@]}"; do
    case ${rw_dirs[$k]} in *[!A-Za-z0-9_./+-]*) fail "-w path ${rw_dirs[$k]} has unsupported characters" ;; esac
    rw_param="$rw_param${rw_param:+,}${rw_dirs[$k]}"
    virtfs_rw+=(-virtfs "local,path=${rw_dirs[$k]},mount_tag=rw$k,security_model=none,multidevs=remap")
  done
  local tries=$(( ${DLS_VM_RETRIES:-2} + 1 )) try rc="" qrc t0
  for ((try = 1; try <= tries; try++)); do
    : > "$JOB/out"; : > "$JOB/err"; : > "$JOB/console"
    say "booting $abi (TCG, 1 vCPU, $mem)"; t0=$(date +%s%N)
    timeout --foreground -k 5 "$timeout" qemu-system-x86_64 -accel tcg,thread=multi -cpu max -smp 1 -m "$mem" \
      -nodefaults -no-user-config -display none -no-reboot \
      -kernel "$d/vmlinux" -initrd "$d/initrd.gz" \
      -append "console=ttyS0 quiet panic=-1 dls.job=$JOB dls.nsim=$nsim dls.vfs=$vfs dls.sw=$sw dls.rw=$rw_param" \
      -serial "file:$JOB/console" -serial "file:$JOB/out" -serial "file:$JOB/err" \
      -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
      "${virtfs_rw[@]}" < /dev/null > "$JOB/qemu.log" 2>&1 &
    QPID=$!
    tail -n +1 -s 0.05 -F --pid=$QPID "$JOB/out" 2>/dev/null & local t1=$!
    tail -n +1 -s 0.05 -F --pid=$QPID "$JOB/err" >&2 2>/dev/null & local t2=$!
    set +e; wait $QPID; qrc=$?; QPID=""; wait $t1 $t2; set -e
    rc=$(grep -a -o 'DLS_VM_RC=[0-9]*' "$JOB/console" | tail -1 | cut -d= -f2 || true)
    say "guest ran $(( ($(date +%s%N) - t0) / 1000000 )) ms (qemu rc $qrc, command rc ${rc:-none})"
    # Retry only when the guest died before the command started; a command never runs twice.
    if [ -n "$rc" ] || [ "$qrc" = 124 ] || [ "$qrc" = 137 ] || grep -aq 'dls-vm: setup done' "$JOB/console"; then break; fi
    [ $try -lt $tries ] && say "guest died before the command started; retrying"
  done
  if [ -z "$rc" ] || grep -aq 'dls-vm: FATAL' "$JOB/console" || [ "${DLS_VM_CONSOLE:-0}" = 1 ]; then
    echo "----- guest console -----" >&2; tr -d '\r' < "$JOB/console" | grep -av '^\s*$' | tail -60 >&2 || true
    echo "----- qemu -----" >&2; cat "$JOB/qemu.log" >&2
  fi
  if [ -z "$rc" ]; then
    if [ "$qrc" = 124 ] || [ "$qrc" = 137 ]; then echo "kernel-vm: TIMEOUT after ${timeout}s" >&2; return 124; fi
    if ! grep -aq 'dls-vm: setup done' "$JOB/console"; then skip "the guest kernel did not boot (qemu rc $qrc)"; fi
    fail "the guest did not report an exit status (qemu rc $qrc)"
  fi
  return "$rc"
}

cleanup_job() {
  [ -n "${QPID:-}" ] && kill "$QPID" 2>/dev/null
  [ -n "${JOB:-}" ] && [ "${DLS_VM_KEEP:-0}" != 1 ] && rm -rf "$JOB"
  return 0
}

# ---------------------------------------------------------------------------------------------
# live tests: the Swift test bundle built on the host, run inside the guest
# ---------------------------------------------------------------------------------------------
live_tests() {
  local filter=${1:-Live}
  require_guest "live kernel tests not run"
  cd "$ROOT"
  say "building the test bundle on the host"
  swift build --build-tests 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]|^Building|^Compiling|^Write' >&2 || true
  local bundle; bundle=$(ls -d "$ROOT"/.build/debug/*PackageTests.xctest 2>/dev/null | head -1)
  [ -x "$bundle" ] || fail "no test bundle under .build/debug (build failed?)"
  export DLS_LIVE_KERNEL=1
  local out; out=$(mktemp -d "${TMPDIR:-/tmp}/dls-live.XXXXXX")
  # One boot: the dls scenarios against the kernel (they recreate netdevsim1 per scenario), then the
  # Swift live tests as root and as an unprivileged user (EPERM explanations, for the bundle and dls).
  local b f d o; b=$(printf %q "$bundle"); f=$(printf %q "$filter"); d=$(printf %q "$ROOT/.build/debug/dls"); o=$(printf %q "$out")
  local rc=0
  run_guest -n none -w "$out" -e DLS_LIVE_KERNEL -- "scripts/kernel-vm/live-dls.sh netlink $o $d &&
    scripts/kernel-vm/run-goldens.sh $o/goldens $d --netlink &&
    echo '1 2' > /sys/bus/netdevsim/new_device &&
    $b --testing-library swift-testing --filter $f &&
    setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all $b --testing-library swift-testing --filter LiveUnprivileged &&
    { setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all $d --netlink -c 'dev eswitch set netdevsim/netdevsim1 mode switchdev' 2> /tmp/dls-eperm.txt; true; } &&
    grep -q 'Operation needs CAP_NET_ADMIN' /tmp/dls-eperm.txt && cat /tmp/dls-eperm.txt >&2" || rc=$?
  if [ $rc -eq 0 ]; then
    say "kernel goldens: dls --netlink against what devlink printed on the same kernel"
    python3 "$ROOT/scripts/kernel-vm/goldens.py" compare "$out/goldens" || rc=1
    say "differential test: the same scenarios on the emulator's netdevsim profile"
    "$ROOT/scripts/kernel-vm/differential.sh" "$out" "$ROOT/.build/debug/dls" || rc=1
  fi
  rm -rf "$out"
  return $rc
}

cmd=${1:-}; [ $# -gt 0 ] && shift
case $cmd in
  prepare) prepare ;;
  status)
    DLS_VM_NO_PREPARE=1 require_guest "no guest"
    echo "kernel-vm: ready: $(pinned_abi) in $CACHE" ;;
  run) run_guest "$@" ;;
  live-tests) live_tests "$@" ;;
  ""|-h|--help|help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' ;;
  *) echo "kernel-vm: unknown command '$cmd' (prepare, status, run, live-tests)" >&2; exit 2 ;;
esac

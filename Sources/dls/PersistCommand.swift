import DLS
import Glibc

/// `dls persist FILE [--install [--unit-dir DIR]]`: a systemd oneshot unit that applies FILE at boot,
/// after the drivers probed the devices and before the network is configured. Printed, or written to
/// DIR (default /etc/systemd/system) with `--install`; enabling it is left to `systemctl enable`.
struct PersistCommand {
    var file: String
    var install: Bool
    var unitDirectory: String?

    static let unitName = "dls-desired-state.service"

    func execute() -> Int32 {
        guard let document = absolute(file) else {
            FileHandleless.writeError("dls: persist: cannot resolve '\(file)'\n")
            return 1
        }
        guard access(document, R_OK) == 0 else {
            FileHandleless.writeError("dls: persist: cannot read '\(document)'\n")
            return 1
        }
        let unit = Self.unit(document: document, binary: Self.binaryPath())
        guard install || unitDirectory != nil else {
            print(unit, terminator: "")
            return 0
        }
        let path = (unitDirectory ?? "/etc/systemd/system") + "/" + Self.unitName
        guard let handle = fopen(path, "w") else {
            FileHandleless.writeError("dls: persist: cannot write \(path): \(String(cString: strerror(errno)))\n")
            return 1
        }
        fputs(unit, handle)
        fclose(handle)
        print("wrote \(path); enable it with: systemctl daemon-reload && systemctl enable \(Self.unitName)")
        return 0
    }

    /// Ordering: the devices must exist (their drivers loaded and probed: systemd-modules-load, and
    /// udev having processed the PCI devices) and the state must be in place before anything
    /// configures the network (network-pre.target is for exactly that: units that must run before
    /// networkd, NetworkManager or ifupdown bring interfaces up).
    static func unit(document: String, binary: String) -> String {
        """
        # Written by `dls persist` (docs/desired-state.md): applies \(document) at boot.
        [Unit]
        Description=Apply the devlink desired state \(document) (dls)
        Documentation=https://github.com/dls-project/dls/blob/main/docs/desired-state.md
        DefaultDependencies=no
        After=systemd-modules-load.service systemd-udev-settle.service
        Wants=systemd-udev-settle.service
        Before=network-pre.target
        Wants=network-pre.target
        ConditionPathExists=\(document)

        [Service]
        Type=oneshot
        RemainAfterExit=yes
        ExecStart=\(binary) --netlink apply \(document)

        [Install]
        WantedBy=multi-user.target

        """
    }

    private func absolute(_ path: String) -> String? {
        if path.hasPrefix("/") { return path }
        guard let cwd = getcwd(nil, 0) else { return nil }
        defer { free(cwd) }
        return String(cString: cwd) + "/" + path
    }

    /// This dls binary's path (/proc/self/exe), so the unit runs the same build.
    static func binaryPath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return "/usr/local/bin/dls" }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

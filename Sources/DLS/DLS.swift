// DLS: embed the dls language in a Swift program.
//
// An embedder creates a `DLSEngine` on a backend (`DLSBackend`: the emulator, the running kernel
// over netlink, or its own `DeviceSession`), runs source text or files, evaluates expressions,
// reads and sets globals, registers native functions and command words, and gets values back as
// `DLSValue` and failures as `DLSError`. Output goes only to the `DLSOutput` sink it supplies.
//
// The domain types (`DeviceSession`, `Port`, `RateObject`, handles, `DevlinkError`, ...) are
// re-exported so a host can write its own session and read ports without further imports. The
// interpreter, command table and backends stay behind this API.
@_exported import DevlinkModel

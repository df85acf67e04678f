import Glibc

/// Whether this test process runs under ThreadSanitizer (scripts/sanitize.sh thread).
///
/// TSan keeps a fixed shadow call stack of 64k frames per thread. A script recursing to the
/// default limit of 10,000 calls takes more native frames than that in a debug build, and TSan
/// then writes past its shadow stack: the run crashed or hung inside TSan. The tests that recurse
/// that deep skip themselves under TSan; the normal and ASan runs still run them.
public let threadSanitizerIsActive = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") != nil

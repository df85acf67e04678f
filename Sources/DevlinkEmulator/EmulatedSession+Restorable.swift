import DevlinkModel

/// The emulator's state is one value, so a transaction can restore it exactly.
extension EmulatedSession: RestorableSession {
    public var restorableSession: (any RestorableSession)? { self }
}

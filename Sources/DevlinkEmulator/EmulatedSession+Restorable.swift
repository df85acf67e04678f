import DevlinkModel

/// The emulator's state is one value, so a transaction can restore it exactly.
extension EmulatedSession: RestorableSession {
    /// Every optional face: links, exact snapshots and a clock.
    public var facets: SessionFacets { SessionFacets(links: self, restorable: self, timed: self) }
}

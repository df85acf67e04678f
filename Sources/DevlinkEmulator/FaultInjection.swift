import DevlinkModel

/// Kinds of mutating operations a fault can be armed for.
public enum OperationKind: String, CaseIterable, Sendable {
    case portAdd, portDelete, portSetType, portSplit, portUnsplit, functionSet
    case rateNodeAdd, rateSet, rateNodeDelete, eswitchSet, sriovSet, paramSet
}

/// A one-shot injected failure: the next operation of `kind` fails with this error before changing
/// anything, as if the driver or firmware had refused it.
public struct Fault: Equatable, Sendable {
    public var kind: OperationKind
    public var error: DevlinkError

    public init(kind: OperationKind, error: DevlinkError) {
        self.kind = kind
        self.error = error
    }
}

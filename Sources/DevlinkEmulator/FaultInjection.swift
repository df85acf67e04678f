import DevlinkModel

/// Kinds of mutating operations a fault can be armed for.
public enum OperationKind: String, CaseIterable, Sendable {
    case portAdd, portDelete, portSetType, portSplit, portUnsplit, functionSet
    case rateNodeAdd, rateSet, rateNodeDelete, eswitchSet, sriovSet, paramSet
    case reload, resourceSet, healthSet, healthRecover, healthDiagnose, healthDump, healthTest, healthReport
}

/// A one-shot injected failure: the next operation of `kind` fails with this error before changing
/// anything, as if the driver or firmware had refused it.
public struct Fault: Equatable, Sendable {
    public var kind: OperationKind
    public var error: DevlinkError
}

extension OperationKind {
    /// The names scripts and topology files use, in a sentence.
    public static var namesList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A fault armed from the start, from a topology file:
/// `"faults": [{"operation": "eswitchSet", "errno": "EIO", "message": "firmware refused"}]`.
public struct FaultSpec: Codable, Equatable, Sendable {
    public var operation: OperationKind
    public var errno: Errno
    public var message: String?

    private enum CodingKeys: String, CodingKey { case operation, errno, message }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .operation)
        guard let kind = OperationKind(rawValue: name) else {
            throw DecodingError.dataCorruptedError(forKey: .operation, in: c,
                debugDescription: "unknown operation \"\(name)\" (expected one of \(OperationKind.namesList))")
        }
        let errnoName = try c.decode(String.self, forKey: .errno)
        guard let errno = Errno(name: errnoName) else {
            throw DecodingError.dataCorruptedError(forKey: .errno, in: c,
                debugDescription: "unknown errno \"\(errnoName)\" (expected a name such as EIO or EBUSY)")
        }
        operation = kind
        self.errno = errno
        message = try c.decodeIfPresent(String.self, forKey: .message)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(operation.rawValue, forKey: .operation)
        try c.encode(errno.name, forKey: .errno)
        try c.encodeIfPresent(message, forKey: .message)
    }
}

extension EmulatedSession {
    /// `ArmFault` from a script (`inject_fault`): the operation's name checked against the kinds.
    func arm(_ request: ArmFault) throws(DevlinkError) {
        guard let kind = OperationKind(rawValue: request.operation) else {
            throw DevlinkError(.EINVAL, "unknown operation \"\(request.operation)\" (expected one of \(OperationKind.namesList))")
        }
        injectFault(kind, request.errno, message: request.message)
    }
}

import DevlinkModel

extension DevlinkRequest {
    /// DEVLINK_CMD_RESOURCE_DUMP for one device (a do request).
    public static func dumpResources(_ d: DeviceHandle) -> DevlinkRequest {
        var w = AttributeWriter()
        w.put(d)
        return DevlinkRequest(command: DevlinkCommand.resourceDump, attributes: w.bytes)
    }

    /// DEVLINK_CMD_RESOURCE_SET as devlink sends it: handle, RESOURCE_ID and RESOURCE_SIZE as u64s.
    public static func setResourceSize(_ op: SetResourceSize) -> DevlinkRequest {
        var w = AttributeWriter()
        w.put(op.device)
        w.putU64(DevlinkAttr.resourceID, op.id)
        w.putU64(DevlinkAttr.resourceSize, op.size)
        return DevlinkRequest(command: DevlinkCommand.resourceSet, attributes: w.bytes)
    }
}

extension DevlinkDecoder {
    /// A RESOURCE_DUMP reply: the handle and the RESOURCE_LIST nest (devlink_resource_put per resource).
    static func resources(_ a: some AttributeLookup) throws -> DeviceResources {
        let device = try device(lookingUp: a)
        guard let list = a[DevlinkAttr.resourceList] else { return DeviceResources(device: device, resources: []) }
        return DeviceResources(device: device, resources: try resourceList(list.nested()))
    }

    private static func resourceList(_ list: AttributeList) throws -> [Resource] {
        try list.all(DevlinkAttr.resource).map { try resource($0.nested()) }
    }

    private static func resource(_ a: AttributeList) throws -> Resource {
        let name = try a.require(DevlinkAttr.resourceName, "DEVLINK_ATTR_RESOURCE_NAME").string()
        let id = try a.require(DevlinkAttr.resourceID, "DEVLINK_ATTR_RESOURCE_ID").u64()
        let size = try a.require(DevlinkAttr.resourceSize, "DEVLINK_ATTR_RESOURCE_SIZE").u64()
        let unitRaw = try a[DevlinkAttr.resourceUnit]?.u8() ?? 0
        guard let unit = ResourceUnit(rawValue: unitRaw) else { throw NetlinkError.malformed("unknown resource unit \(unitRaw)") }
        return Resource(
            name: name, id: id, size: size,
            sizeNew: try a[DevlinkAttr.resourceSizeNew]?.u64(),
            sizeValid: (try a[DevlinkAttr.resourceSizeValid]?.u8()).map { $0 != 0 } ?? true,
            sizeMin: try a[DevlinkAttr.resourceSizeMin]?.u64() ?? 0,
            sizeMax: try a[DevlinkAttr.resourceSizeMax]?.u64() ?? 0,
            sizeGranularity: try a[DevlinkAttr.resourceSizeGranularity]?.u64() ?? 0,
            unit: unit,
            occupancy: try a[DevlinkAttr.resourceOccupancy]?.u64(),
            children: try a[DevlinkAttr.resourceList].map { try resourceList($0.nested()) } ?? [])
    }
}

/// Weighted max-min fair sharing (water-filling): each item gets min(want, level × weight), the
/// level chosen so that the capacity is used up or every want is met.
enum WaterFill {
    static func fill(_ capacity: Double, wants: [Double], weights: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: wants.count)
        let total = wants.reduce(0) { $0 + max(0, $1) }
        if total <= capacity {
            for i in wants.indices { result[i] = max(0, wants[i]) }
            return result
        }
        // Items in the order they are satisfied as the level rises: by want / weight.
        let order = wants.indices.sorted { max(0, wants[$0]) / weights[$0] < max(0, wants[$1]) / weights[$1] }
        var left = max(0, capacity)
        var weightLeft = order.reduce(0.0) { $0 + weights[$1] }
        for (k, i) in order.enumerated() {
            let want = max(0, wants[i])
            if want * weightLeft <= left * weights[i] {
                result[i] = want
                left -= want
                weightLeft -= weights[i]
            } else {
                let level = left / weightLeft
                for j in order[k...] { result[j] = level * weights[j] }
                break
            }
        }
        return result
    }
}

-- breadth-first search with a work queue over a 40k-node graph held in a map of lists
local n = 40000
local adj = {}
for i = 0, n - 1 do adj["n" .. i] = {} end
local function link(a, b)
    table.insert(adj[a], b)
    table.insert(adj[b], a)
end
for i = 1, n - 1 do
    link("n" .. (i - 1) // 3, "n" .. i)
    if i % 7 == 0 then link("n" .. i, "n" .. i * 31 % n) end
end
local function bfs(start)
    local dist = {[start] = 0}
    local queue = {start}
    local head = 1
    while head <= #queue do
        local u = queue[head]
        head = head + 1
        for _, v in ipairs(adj[u]) do
            if dist[v] == nil then
                dist[v] = dist[u] + 1
                queue[#queue + 1] = v
            end
        end
    end
    return dist
end
local far, hist, nhist = 0, {}, 0
for _, s in ipairs({"n0", "n12345", "n39999"}) do
    for k, v in pairs(bfs(s)) do
        if hist[v] == nil then nhist = nhist + 1 end
        hist[v] = (hist[v] or 0) + 1
        far = math.max(far, v)
    end
end
print(nhist, far, hist[3], hist[far])

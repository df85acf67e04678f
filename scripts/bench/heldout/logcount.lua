-- counting and grouping 100k kernel-log-like lines by string keys, then the busiest vports
local events = {"link up", "link down", "state changed to active", "rate updated", "fw reset"}
local function split(s, sep)
    local out, i = {}, 1
    while true do
        local j = s:find(sep, i, true)
        if not j then out[#out + 1] = s:sub(i); return out end
        out[#out + 1] = s:sub(i, j - 1)
        i = j + #sep
    end
end
local lines = {}
for i = 0, 99999 do
    lines[#lines + 1] = "[" .. 100000 + i .. "." .. i % 1000 .. "] mlx5_core 0000:0" .. i % 4 .. ":00." .. i % 2 .. ": vport " .. i // 3 % 293 .. ": " .. events[i // 11 % 5 + 1]
end
local bydev, ndev, byevent, vports, order = {}, 0, {}, {}, {}
for _, line in ipairs(lines) do
    local parts = split(line, ": ")
    local dev = split(parts[1], " ")[3]
    local ev = parts[3]
    if bydev[dev] == nil then ndev = ndev + 1 end
    bydev[dev] = (bydev[dev] or 0) + 1
    byevent[ev] = (byevent[ev] or 0) + 1
    local key = dev .. " " .. parts[2]
    if vports[key] == nil then vports[key] = {}; order[#order + 1] = key end
    table.insert(vports[key], ev)
end
local rank = {}
for i, k in ipairs(order) do rank[k] = i end
local busiest = {table.unpack(order)}
table.sort(busiest, function(a, b)
    if #vports[a] ~= #vports[b] then return #vports[a] > #vports[b] end
    return rank[a] < rank[b]
end)
local downs = 0
for _, e in ipairs(vports[busiest[1]]) do
    if e:sub(-4) == "down" then downs = downs + 1 end
end
print(ndev, bydev["0000:01:00.1"], byevent["fw reset"], #order, busiest[1], #vports[busiest[1]], downs)

-- a rate tree: 4 tenants, 80 groups, 40k leaves; children lists, shares summed by a recursive walk
local nodes, order, children = {}, {}, {}
local function add(name, parent, share)
    nodes[name] = {name = name, parent = parent, share = share}
    order[#order + 1] = name
    children[name] = {}
    if parent ~= nil then table.insert(children[parent], name) end
end
add("root", nil, 0)
for t = 0, 3 do add("t" .. t, "root", 0) end
for g = 0, 79 do add("g" .. g, "t" .. g % 4, 0) end
for l = 0, 39999 do add("sf" .. l, "g" .. l % 80, 10 + l % 500) end
local function total(name)
    local sum = nodes[name].share
    for _, c in ipairs(children[name]) do sum = sum + total(c) end
    return sum
end
local function depth(name)
    local d, n = 0, nodes[name]
    while n.parent ~= nil do
        d = d + 1
        n = nodes[n.parent]
    end
    return d
end
local sums = {}
for round = 0, 2 do
    for t = 0, 3 do sums["t" .. t] = total("t" .. t) end
end
local deep = 0
for _, name in ipairs(order) do deep = deep + depth(name) end
print(total("root"), sums["t1"], deep, #children["g7"])

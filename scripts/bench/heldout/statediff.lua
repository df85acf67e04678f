-- desired vs current state: 40k SF records each, diffed by name into add / remove / change lists
local states = {"active", "inactive"}
local desired, current = {}, {}
for i = 0, 39999 do
    desired[#desired + 1] = {name = "sf" .. i, share = i % 100 * 10, max = 1000 + i % 7, state = "active"}
    local j = i + 2000
    if i % 10 ~= 3 then current[#current + 1] = {name = "sf" .. j, share = j % 100 * 10, max = 1000 + j % 5, state = states[i // 7 % 2 + 1]} end
end
local function index(recs)
    local m = {}
    for _, r in ipairs(recs) do m[r.name] = r end
    return m
end
local function changes(d, c)
    local out = {}
    for _, f in ipairs({"share", "max", "state"}) do
        if d[f] ~= c[f] then out[#out + 1] = f end
    end
    return out
end
local have, want = index(current), index(desired)
local add, remove, change = {}, {}, {}
for _, d in ipairs(desired) do
    local c = have[d.name]
    if c == nil then
        add[#add + 1] = d.name
    else
        local fs = changes(d, c)
        if #fs > 0 then change[#change + 1] = {name = d.name, fields = fs} end
    end
end
for _, c in ipairs(current) do
    if want[c.name] == nil then remove[#remove + 1] = c.name end
end
local nfields = 0
for _, ch in ipairs(change) do nfields = nfields + #ch.fields end
print(#add, #remove, #change, nfields, add[1], remove[#remove], change[1].name, table.concat(change[1].fields, ","))

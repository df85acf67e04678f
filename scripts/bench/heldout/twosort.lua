-- sorting 60k port records by two keys: state then share descending, and device then name
local states = {"active", "inactive", "error"}
local recs = {}
for i = 0, 59999 do
    recs[#recs + 1] = {i = i, name = "sf" .. i * 7919 % 60013, dev = "pci/0000:0" .. i % 4 .. ":00.0", state = states[i % 3 + 1], share = i * 31 % 1000}
end
-- table.sort is not stable: the record's position breaks ties, as the other twins' stable sorts do
local function sorted(keys)
    local out = {table.unpack(recs)}
    table.sort(out, function(a, b)
        for _, k in ipairs(keys) do
            local x, y = k(a), k(b)
            if x ~= y then return x < y end
        end
        return a.i < b.i
    end)
    return out
end
local byshare = sorted({function(r) return r.state end, function(r) return -r.share end})
local byname = sorted({function(r) return r.dev end, function(r) return r.name end})
local bykey = sorted({function(r) return r.dev .. " " .. r.state end})
local top = {}
for n = 1, 5 do top[n] = byshare[n].name .. ":" .. byshare[n].share end
print(table.concat(top, " "), byshare[60000].name, byname[1].name, byname[60000].name, bykey[30001].name)

local names = {}
for i = 0, 199999 do names[#names + 1] = "sf" .. ((i * 7919) % 200003) end
table.sort(names)
local recs = {}
for i = 0, 99999 do recs[#recs + 1] = {id = i, w = (i * 31337) % 1009} end
-- a stable sort by key, as dls's and python's are
local keyed = {}
for i = 1, #recs do keyed[i] = {recs[i].w, i, recs[i]} end
table.sort(keyed, function(a, b) if a[1] ~= b[1] then return a[1] < b[1] end return a[2] < b[2] end)
print(names[1], names[#names], keyed[1][3].id, keyed[#keyed][3].id)

local parts = {}
for i = 0, 299999 do parts[#parts + 1] = "pci/0000:08:00.0/" .. i .. "\n" end
local s = table.concat(parts)
print(#s)

local sfs = {}
for i = 0, 199999 do
  sfs[#sfs + 1] = {sfnum = i, name = "en6s0pf0sf" .. i, share = i * 3}
end
local total = 0
for _, sf in ipairs(sfs) do
  if sf.sfnum % 3 == 0 then total = total + sf.share end
end
local groups, n = {}, 0
for _, sf in ipairs(sfs) do
  local k = sf.sfnum % 16
  if groups[k] == nil then n = n + 1 end
  groups[k] = (groups[k] or 0) + #sf.name
end
print(total, n, groups[7])

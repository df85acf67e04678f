sfs = []
for i in range(200000):
    sfs.append({"sfnum": i, "name": f"en6s0pf0sf{i}", "share": i * 3})
total = 0
for sf in sfs:
    if sf["sfnum"] % 3 == 0:
        total += sf["share"]
groups = {}
for sf in sfs:
    k = sf["sfnum"] % 16
    groups[k] = groups.get(k, 0) + len(sf["name"])
print(total, len(groups), groups[7])

byint = {}
bystr = {}
for i in range(200000):
    byint[i * 7] = i
    bystr[f"port{i}"] = i
hits = 0
s = 0
for i in range(1000000):
    k = (i * 13) % 300000
    if k in byint:
        hits += 1
    s += bystr[f"port{i % 200000}"]
print(hits, s)

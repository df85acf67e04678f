# sorting 60k port records by two keys: state then share descending, and device then name
states = ["active", "inactive", "error"]
recs = []
for i in range(60000):
    recs.append({"name": f"sf{i * 7919 % 60013}", "dev": f"pci/0000:0{i % 4}:00.0", "state": states[i % 3], "share": i * 31 % 1000})
byshare = sorted(recs, key=lambda r: (r["state"], -r["share"]))
byname = sorted(recs, key=lambda r: (r["dev"], r["name"]))
bykey = sorted(recs, key=lambda r: f"{r['dev']} {r['state']}")
top = []
for r in byshare[0:5]:
    top.append(f"{r['name']}:{r['share']}")
print(" ".join(top), byshare[59999]["name"], byname[0]["name"], byname[59999]["name"], bykey[30000]["name"])

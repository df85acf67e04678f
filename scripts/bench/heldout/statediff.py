# desired vs current state: 40k SF records each, diffed by name into add / remove / change lists
states = ["active", "inactive"]
desired = []
current = []
for i in range(40000):
    desired.append({"name": f"sf{i}", "share": i % 100 * 10, "max": 1000 + i % 7, "state": "active"})
    j = i + 2000
    if i % 10 != 3:
        current.append({"name": f"sf{j}", "share": j % 100 * 10, "max": 1000 + j % 5, "state": states[i // 7 % 2]})
def index(recs):
    m = {}
    for r in recs:
        m[r["name"]] = r
    return m
def changes(d, c):
    out = []
    for f in ["share", "max", "state"]:
        if d[f] != c[f]:
            out.append(f)
    return out
have = index(current)
want = index(desired)
add = []
remove = []
change = []
for d in desired:
    c = have.get(d["name"])
    if c is None:
        add.append(d["name"])
    else:
        fs = changes(d, c)
        if len(fs) > 0:
            change.append({"name": d["name"], "fields": fs})
for c in current:
    if c["name"] not in want:
        remove.append(c["name"])
nfields = 0
for ch in change:
    nfields += len(ch["fields"])
print(len(add), len(remove), len(change), nfields, add[0], remove[len(remove) - 1], change[0]["name"], ",".join(change[0]["fields"]))

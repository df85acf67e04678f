# a rate tree: 4 tenants, 80 groups, 40k leaves; children lists, shares summed by a recursive walk
nodes = {}
children = {}
def add(name, parent, share):
    nodes[name] = {"name": name, "parent": parent, "share": share}
    children[name] = []
    if parent is not None:
        children[parent].append(name)
add("root", None, 0)
for t in range(4): add(f"t{t}", "root", 0)
for g in range(80): add(f"g{g}", f"t{g % 4}", 0)
for l in range(40000): add(f"sf{l}", f"g{l % 80}", 10 + l % 500)
def total(name):
    sum = nodes[name]["share"]
    for c in children[name]:
        sum += total(c)
    return sum
def depth(name):
    d = 0
    n = nodes[name]
    while n["parent"] is not None:
        d += 1
        n = nodes[n["parent"]]
    return d
sums = {}
for round in range(3):
    for t in range(4):
        sums[f"t{t}"] = total(f"t{t}")
deep = 0
for name in nodes.keys():
    deep += depth(name)
print(total("root"), sums["t1"], deep, len(children["g7"]))

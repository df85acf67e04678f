# breadth-first search with a work queue over a 40k-node graph held in a map of lists
n = 40000
adj = {}
for i in range(n):
    adj[f"n{i}"] = []
def link(a, b):
    adj[a].append(b)
    adj[b].append(a)
for i in range(1, n):
    link(f"n{(i - 1) // 3}", f"n{i}")
    if i % 7 == 0:
        link(f"n{i}", f"n{i * 31 % n}")
def bfs(start):
    dist = {}
    dist[start] = 0
    queue = [start]
    head = 0
    while head < len(queue):
        u = queue[head]
        head += 1
        for v in adj[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                queue.append(v)
    return dist
far = 0
hist = {}
for s in ["n0", "n12345", "n39999"]:
    for k, v in bfs(s).items():
        hist[v] = hist.get(v, 0) + 1
        far = max(far, v)
print(len(hist), far, hist[3], hist[far])

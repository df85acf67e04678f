import DevlinkModel

/// `ip route add|replace|del` words, read as iproute2 6.1's `iproute_modify` / `parse_nexthops` /
/// `parse_one_nh` read them, with ip's messages for what it refuses before sending anything.
/// Interface names are checked against `interfaces` (ip's `ll_name_to_index`).
struct RouteSyntax {
    let words: [String]
    /// Index of `words[0]` in the whole command line (for carets).
    let start: Int
    let interfaces: Set<String>

    /// What the words ask for: the route to add, or what to delete.
    struct Request {
        var prefix: IPv4Prefix
        var metric: UInt32?
        var nexthops: [RouteNexthop]
        var viaNexthopKeyword: Bool
    }

    func parse() throws(ClientError) -> Request {
        var prefix: IPv4Prefix?
        var metric: UInt32?
        var top = RouteNexthop(device: "")
        var topGiven = false
        var nexthops: [RouteNexthop] = []
        var usedNexthop = false
        var i = 0
        func value(_ k: Int) throws(ClientError) -> String {
            guard k + 1 < words.count else { throw ClientError("Command line is not complete. Try option \"help\"", word: start + k) }
            return words[k + 1]
        }
        while i < words.count {
            let w = words[i]
            switch w {
            case "via":
                top.gateway = try address(try value(i), at: i + 1)
                topGiven = true
                i += 2
            case "dev", "oif":
                top.device = try device(try value(i), at: i + 1)
                topGiven = true
                i += 2
            case "onlink":
                top.onlink = true
                i += 1
            case _ where Self.matches(w, "metric") || Self.matches(w, "priority") || w == "preference":
                let text = try value(i)
                guard metric == nil else { throw ClientError("Error: either \"metric\" is duplicate, or \"\(text)\" is a garbage.", word: start + i + 1) }
                guard let n = WordParsers.unsigned(text, max: UInt64(UInt32.max)) else {
                    throw ClientError("Error: argument \"\(text)\" is wrong: \"metric\" value is invalid", word: start + i + 1)
                }
                metric = UInt32(n)
                i += 2
            case "nexthop":
                nexthops = try parseNexthops(from: i)
                usedNexthop = true
                i = words.count
            default:
                var text = w
                var at = i
                if w == "to" {
                    text = try value(i)
                    at = i + 1
                }
                guard prefix == nil else {
                    throw ClientError("Error: either \"to\" is duplicate, or \"\(text)\" is a garbage.", word: start + at)
                }
                guard let p = IPv4Prefix(parsing: text) else {
                    throw ClientError("Error: any valid prefix is expected rather than \"\(text)\".", word: start + at)
                }
                prefix = p
                i = at + 1
            }
        }
        guard let prefix else {
            // ip prints its whole usage here; dls prints the part that applies.
            throw ClientError("Usage: " + RouteCommands.usage[2].drop { $0 == " " }, RouteCommands.usage[3],
                              word: start + max(0, words.count - 1),
                              hint: "a destination PREFIX (A.B.C.D/LEN or default) is required")
        }
        if topGiven { nexthops.insert(top, at: 0) }
        // No path at all goes to the kernel as it is, as ip sends it: the kernel refuses it (ENODEV).
        return Request(prefix: prefix, metric: metric, nexthops: nexthops, viaNexthopKeyword: usedNexthop)
    }

    /// `parse_nexthops`: `nexthop NH` groups up to the end of the line.
    private func parseNexthops(from first: Int) throws(ClientError) -> [RouteNexthop] {
        var result: [RouteNexthop] = []
        var i = first
        while i < words.count {
            guard words[i] == "nexthop" else {
                throw ClientError("Error: \"nexthop\" or end of line is expected instead of \"\(words[i])\"", word: start + i)
            }
            guard i + 1 < words.count else {
                throw ClientError("Error: unexpected end of line after \"nexthop\"", word: start + i)
            }
            var nh = RouteNexthop(device: "")
            i += 1
            // parse_one_nh: its keywords until one it does not know (the next `nexthop`).
            loop: while i < words.count {
                switch words[i] {
                case "via":
                    guard i + 1 < words.count else { throw ClientError("Command line is not complete. Try option \"help\"", word: start + i) }
                    nh.gateway = try address(words[i + 1], at: i + 1)
                    i += 2
                case "dev":
                    guard i + 1 < words.count else { throw ClientError("Command line is not complete. Try option \"help\"", word: start + i) }
                    do {
                        nh.device = try device(words[i + 1], at: i + 1)
                    } catch {
                        // parse_nexthops reports the failed nexthop after nodev's line.
                        var e = error
                        e.lines.append("Error: cannot parse nexthop")
                        throw e
                    }
                    i += 2
                case "weight":
                    guard i + 1 < words.count else { throw ClientError("Command line is not complete. Try option \"help\"", word: start + i) }
                    guard let w = WordParsers.unsigned(words[i + 1], max: UInt64(UInt32.max)), (1...256).contains(w) else {
                        // invarg's message ends in its own "\n": ip prints an empty line after it.
                        throw ClientError("Error: argument \"\(words[i + 1])\" is wrong: \"weight\" is invalid", "", word: start + i + 1,
                                          hint: "weight takes 1 to 256")
                    }
                    nh.weight = Int(w)
                    i += 2
                case "onlink":
                    nh.onlink = true
                    i += 1
                default:
                    break loop
                }
            }
            result.append(nh)
        }
        return result
    }

    private func address(_ text: String, at k: Int) throws(ClientError) -> IPv4Address {
        guard let a = IPv4Address(parsing: text) else {
            throw ClientError("Error: inet address is expected rather than \"\(text)\".", word: start + k)
        }
        return a
    }

    private func device(_ name: String, at k: Int) throws(ClientError) -> String {
        guard interfaces.contains(name) else { throw ClientError("Cannot find device \"\(name)\"", errno: .ENODEV, word: start + k) }
        return name
    }

    /// iproute2 `matches`: a non-empty prefix of the keyword.
    static func matches(_ word: String, _ keyword: String) -> Bool { !word.isEmpty && keyword.hasPrefix(word) }
}

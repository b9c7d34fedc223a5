/// Spelling help for names typed by people: field names in case data, command options.
public enum EditDistance {
    /// Levenshtein distance between `a` and `b`, ignoring case.
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        var row = Array(0...b.count)
        for i in stride(from: 1, through: a.count, by: 1) {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }

    /// The candidate nearest to `name`, if it is at most `limit` edits away.
    public static func nearest(to name: String, among candidates: some Sequence<String>, limit: Int) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = between(name, candidate)
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.name) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }
}

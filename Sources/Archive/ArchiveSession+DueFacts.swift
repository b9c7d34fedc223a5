import Cryptography
import XML

extension ArchiveSession {
    /// Reads the ``DueFacts`` of every record version whose facts the index does not hold yet and
    /// records them: once, for an index made before the facts were kept (the column is added
    /// first), and afterwards only for versions an earlier Inclusio filed. Each such version is
    /// decrypted in memory and parsed; nothing but the facts leaves this function, and only into
    /// the index. Only kinds that have facts (``DueFacts/kinds``) are read; the others get `""`.
    /// One transaction; returns how many versions were read.
    /// - Throws: ``ArchiveError/damaged(what:reason:)`` for a version that does not open or parse.
    @discardableResult
    func fillDueFacts() throws(ArchiveError) -> Int {
        try addFactsColumn()
        let kinds = DueFacts.kinds.map { "'\($0)'" }.joined(separator: ", ")
        let pending = try query("SELECT \(StoredVersion.columns) FROM versions v JOIN documents d ON d.id = v.document "
                                + "WHERE v.facts IS NULL AND d.kind IN (\(kinds)) AND v.media_type = 'application/xml' "
                                + "AND v.wrapped_key IS NOT NULL").map(StoredVersion.init)
        let others = try query("SELECT 1 FROM versions v JOIN documents d ON d.id = v.document WHERE v.facts IS NULL AND d.kind NOT IN (\(kinds)) LIMIT 1")
        guard !pending.isEmpty || !others.isEmpty else { return 0 }
        return try writing { () throws(ArchiveError) in
            _ = try query("UPDATE versions SET facts = '' WHERE facts IS NULL AND document IN (SELECT id FROM documents WHERE kind NOT IN (\(kinds)))")
            for version in pending {
                let content = try content(of: version)
                let tree: XMLTree
                do { tree = try XMLTree(data: content, file: "version \(version.version) of document \(version.document)") } catch {
                    throw .damaged(what: "Version \(version.version) of document \(version.document)", reason: "it is not a well-formed record")
                }
                let facts = DueFacts(tree: tree, kind: version.kind, issued: version.issued)
                _ = try query("UPDATE versions SET facts = ? WHERE document = ? AND version = ? AND facts IS NULL",
                              [.text(facts.column), .text(version.document), .of(version.version)])
            }
            return pending.count
        }
    }

    /// Adds `versions.facts` to an index made before it. An earlier Inclusio still opens the index
    /// (the format is unchanged) and leaves the column `NULL` for what it files, which the next
    /// ``fillDueFacts()`` reads.
    func addFactsColumn() throws(ArchiveError) {
        func present() throws(ArchiveError) -> Bool { try query("PRAGMA table_info(versions)").contains { $0.text(1) == "facts" } }
        guard try !present() else { return }
        try writing { () throws(ArchiveError) in
            // Another process may have added it while this one waited for the write lock.
            if try !present() { _ = try query("ALTER TABLE versions ADD COLUMN facts TEXT") }
        }
    }
}

extension ArchiveSession {
    /// Every pupil in this operator's scope (optionally only those at `school`, code or name) with
    /// the kind and issue date of each version of their documents of kinds the operator may read:
    /// what deadlines are computed from. Read from the index's clear columns only (nothing is
    /// decrypted, so it takes one query however many documents there are); shredded pupils are
    /// left out. Logged as one `due` entry without pupil, like a list.
    /// - Returns: the pupils, and the kinds the operator may read (`nil`: every kind).
    /// - Throws: ``ArchiveError/notPermitted(operator:action:target:)`` when the operator may not
    ///   read, or `school` lies outside every scope.
    public func documentDates(school: String? = nil) throws(ArchiveError) -> (pupils: [PupilDocumentDates], readableKinds: Set<String>?) {
        _ = try requirePurpose()
        try authorize(.read, placement: nil, pupil: nil, target: "the dates of the archive's documents")
        try checkInScope(school: school)
        var sql = """
        SELECT p.pseudonym, p.jurisdiction, p.school_code, p.school_name, p.district, d.kind, v.issued
        FROM pupils p LEFT JOIN documents d ON d.pseudonym = p.pseudonym LEFT JOIN versions v ON v.document = d.id
        WHERE p.shredded IS NULL
        """
        var values: [SQLiteValue] = []
        if let school {
            sql += " AND (p.school_code = ? OR p.school_name = ?)"
            values += [.text(school), .text(school)]
        }
        let readable = policy.kinds(op, .read)
        var pupils: [PupilDocumentDates] = []
        for row in try query(sql + " ORDER BY p.pseudonym", values) {
            let pseudonym = row.text(0) ?? ""
            if pupils.last?.pseudonym != pseudonym {
                pupils.append(PupilDocumentDates(pseudonym: pseudonym, placement: PupilPlacement(
                    jurisdiction: row.text(1) ?? "", schoolCode: row.text(2), schoolName: row.text(3), district: row.text(4))))
            }
            guard let kind = row.text(5), let issued = row.text(6), readable?.contains(kind) ?? true else { continue }
            pupils[pupils.count - 1].documents.append(DatedDocument(kind: kind, issued: issued))
        }
        try record("due")
        return (pupils.filter { policy.reaches(op, $0.placement) }, readable)
    }

    /// Refuses (and logs) a `school` that lies outside every one of the operator's scopes.
    func checkInScope(school: String?) throws(ArchiveError) {
        guard let school, !op.scopes.contains(where: { $0.school == nil || $0.school == school }) else { return }
        try record("read", outcome: .denied)
        throw .notPermitted(operator: op.id, action: .read, target: "pupils of school \(school)")
    }
}

/// A pupil's documents as deadlines see them: pseudonym, placement, and kind and date of each version.
public struct PupilDocumentDates: Sendable {
    public let pseudonym: String
    public let placement: PupilPlacement
    /// One per document version that carries a date, in no particular order.
    public fileprivate(set) var documents: [DatedDocument] = []
}

/// The kind and issue date (`YYYY-MM-DD`, as the record states it) of one document version.
public struct DatedDocument: Sendable, Equatable {
    public let kind: String
    public let issued: String
}

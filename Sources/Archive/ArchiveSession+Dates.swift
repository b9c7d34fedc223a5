extension ArchiveSession {
    /// Every pupil in this operator's scope (optionally only those at `school`, code or name) with
    /// the kind and issue date of each version of their documents of kinds the operator may read,
    /// and the due facts of their newest placement and certificate of those kinds (``DueFacts``):
    /// what deadlines are computed from. Read from the index's clear columns (two queries however
    /// many documents there are); only versions whose facts the index lacks (filed by an earlier
    /// Inclusio) are decrypted, once (``fillDueFacts()``). Shredded pupils are left out. Logged as
    /// one `due` entry without pupil, like a list.
    /// - Returns: the pupils, and the kinds the operator may read (`nil`: every kind).
    /// - Throws: ``ArchiveError/notPermitted(operator:action:target:)`` when the operator may not
    ///   read, or `school` lies outside every scope.
    public func documentDates(school: String? = nil) throws(ArchiveError) -> (pupils: [PupilDocumentDates], readableKinds: Set<String>?) {
        _ = try requirePurpose()
        try authorize(.read, placement: nil, pupil: nil, target: "the dates of the archive's documents")
        try checkInScope(school: school)
        try fillDueFacts()
        // Two queries rather than one join: the pupils' places once each, then three short columns per version.
        var schoolCondition = ""
        var values: [SQLiteValue] = []
        if let school {
            schoolCondition = " AND (p.school_code = ? OR p.school_name = ?)"
            values = [.text(school), .text(school)]
        }
        var pupils: [PupilDocumentDates] = []
        var position: [String: Int] = [:]
        for row in try query("SELECT p.pseudonym, p.jurisdiction, p.school_code, p.school_name, p.district FROM pupils p "
                             + "WHERE p.shredded IS NULL\(schoolCondition) ORDER BY p.pseudonym", values) {
            let pupil = PupilDocumentDates(pseudonym: row.text(0) ?? "", placement: PupilPlacement(
                jurisdiction: row.text(1) ?? "", schoolCode: row.text(2), schoolName: row.text(3), district: row.text(4)))
            guard policy.reaches(op, pupil.placement) else { continue }
            position[pupil.pseudonym] = pupils.count
            pupils.append(pupil)
        }
        let readable = policy.kinds(op, .read)
        for row in try query("SELECT d.pseudonym, d.kind, v.issued, v.facts, v.ingested FROM documents d JOIN versions v ON v.document = d.id "
                             + "JOIN pupils p ON p.pseudonym = d.pseudonym WHERE v.issued IS NOT NULL AND p.shredded IS NULL\(schoolCondition)", values) {
            guard let index = row.text(0).flatMap({ position[$0] }), let kind = row.text(1), let issued = row.text(2),
                  readable?.contains(kind) ?? true else { continue }
            pupils[index].documents.append(DatedDocument(kind: kind, issued: issued))
            // Facts come from kinds the operator may read only: a revocation or a placement they may not see says nothing.
            guard let column = row.text(3), !column.isEmpty else { continue }
            pupils[index].facts.add(DueFacts(column: column), issued: issued, ingested: row.text(4) ?? "")
        }
        try record("due")
        return (pupils, readable)
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
    /// The facts of the newest placement and certificate.
    public fileprivate(set) var facts = PupilDueFacts()
}

/// What the newest records of a pupil say about which deadlines apply to them.
public struct PupilDueFacts: Sendable, Equatable {
    /// The facts of one version, with its issue date.
    public struct Dated: Sendable, Equatable {
        public let issued: String
        public let facts: DueFacts
        /// When it was filed: orders two versions of one day.
        let ingested: String
    }

    /// The newest version (by issue date) that is a placement with an admission type.
    public fileprivate(set) var placement: Dated?
    /// The newest certificate: whether it revokes, and from when.
    public fileprivate(set) var certificate: Dated?

    public init() {}

    /// Counts `facts` of a version issued `issued`, when it is newer than what is known.
    mutating func add(_ facts: DueFacts, issued: String, ingested: String) {
        let dated = Dated(issued: issued, facts: facts, ingested: ingested)
        func newer(_ known: Dated?) -> Bool { known.map { ($0.issued, $0.ingested) <= (issued, ingested) } ?? true }
        if facts.admission != nil, newer(placement) { placement = dated }
        if facts.certificate, newer(certificate) { certificate = dated }
    }
}

/// The kind and issue date (`YYYY-MM-DD`, as the record states it) of one document version.
public struct DatedDocument: Sendable, Equatable {
    public let kind: String
    public let issued: String
}

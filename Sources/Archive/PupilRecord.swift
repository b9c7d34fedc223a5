import Cryptography
import Foundation

/// A pupil's row in the index: pseudonym, where they are, and their sealed key.
struct PupilRecord {
    /// The columns ``init(_:)`` reads, in order, each prefixed with `alias` and a dot when given.
    static func columns(_ alias: String = "") -> String {
        ["pseudonym", "identity_class", "sealed_identity", "jurisdiction", "school_code", "school_name", "district",
         "created", "updated", "hold_since", "shredded", "shredded_by"].map { alias.isEmpty ? $0 : "\(alias).\($0)" }.joined(separator: ", ")
    }

    let pseudonym: String
    /// The key class whose pupil key seals the identity.
    let identityClass: String?
    let sealedIdentity: Data?
    let placement: PupilPlacement
    let created: String
    let updated: String
    let holdSince: String?
    let shredded: String?
    let shreddedBy: String?

    init(_ row: SQLiteRow) {
        pseudonym = row.text(0) ?? ""
        identityClass = row.text(1)
        sealedIdentity = row.blob(2)
        placement = PupilPlacement(jurisdiction: row.text(3) ?? "", schoolCode: row.text(4), schoolName: row.text(5), district: row.text(6))
        created = row.text(7) ?? ""
        updated = row.text(8) ?? ""
        holdSince = row.text(9)
        shredded = row.text(10)
        shreddedBy = row.text(11)
    }

    /// A new random pseudonym: `P-` and 12 characters of Crockford base32 (60 bits).
    static func newPseudonym() throws(CryptographyError) -> String { "P-" + (try randomCode()) }

    /// A new random document id: `D-` and 12 base32 characters.
    static func newDocumentId() throws(CryptographyError) -> String { "D-" + (try randomCode()) }

    private static func randomCode() throws(CryptographyError) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        return String(try SecureRandom.bytes(12).map { alphabet[Int($0 & 31)] })
    }
}

extension ArchiveSession {
    /// The pupil `reference` names: a pseudonym (`P-…`), or a national id found through its token.
    /// - Throws: ``ArchiveError/unknownPupil(reference:)``.
    func pupil(_ reference: String) throws(ArchiveError) -> PupilRecord {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        let rows: [SQLiteRow]
        if trimmed.hasPrefix("P-") {
            rows = try query("SELECT \(PupilRecord.columns()) FROM pupils WHERE pseudonym = ?", [.text(trimmed.uppercased())])
        } else {
            rows = try query("SELECT \(PupilRecord.columns("p")) FROM pupils p JOIN tokens t ON t.pseudonym = p.pseudonym WHERE t.token = ? AND t.field = ?",
                             [.blob(keys.blindIndex.token(.nationalId, trimmed)), .text(BlindIndex.Field.nationalId.rawValue)])
        }
        // Never echo a national id back: name the reference only when it is a pseudonym.
        guard let row = rows.first else { throw .unknownPupil(reference: trimmed.hasPrefix("P-") ? trimmed : "with that national id") }
        return PupilRecord(row)
    }

    /// The pupil's identity, unsealed.
    func identity(_ pupil: PupilRecord, key: SymmetricKey) throws(ArchiveError) -> PupilIdentity {
        guard let sealed = pupil.sealedIdentity else { throw .shredded(pupil: pupil.pseudonym) }
        do {
            let data = try AESGCM.open(sealed, key: key, associatedData: Binding.identity(pupil.pseudonym))
            return try JSONDecoder().decode(PupilIdentity.self, from: data)
        } catch {
            throw .damaged(what: "The identity of pupil \(pupil.pseudonym)", reason: "it does not open")
        }
    }
}

/// A pupil as a list shows them: pseudonym, where they are, how many documents.
public struct PupilSummary: Sendable, Equatable, Encodable {
    public let pseudonym: String
    public let placement: PupilPlacement
    public let documents: Int
    public let updated: String
    /// `active`, `on hold` or `shredded`.
    public let status: String
}

/// Who a pupil is, as their file shows it to an operator allowed to read it.
public struct PupilIdentityView: Sendable, Equatable, Encodable {
    public let family: String
    public let given: String
    public let nationalId: String?
    public let birthDate: String
}

/// A pupil's file: who, where, and every document the operator may read, with all versions.
public struct PupilFile: Sendable, Encodable {
    public let summary: PupilSummary
    public let identity: PupilIdentityView?
    public let documents: [DocumentSummary]
    /// Documents of kinds the operator may not read (counted, not shown).
    public let withheld: Int
}

/// One document with its versions, newest last.
public struct DocumentSummary: Sendable, Encodable {
    public let id: String
    public let kind: String
    /// The record's own id (records only).
    public let recordId: String?
    public let versions: [VersionSummary]
}

/// One version of a document.
public struct VersionSummary: Sendable, Encodable {
    public let version: Int
    /// The newest version is current; the others are superseded.
    public let isCurrent: Bool
    public let mediaType: String
    public let size: Int
    public let issued: String?
    public let ingested: String
    public let ingestedBy: String
    /// Original file name, record version, digest and provenance (`nil` once shredded).
    public let title: String?
    public let recordVersion: String?
    public let sha256: String?
    /// For a document that arrived in a dossier: its signer, and the SHA-256 (hex) of the dossier's
    /// bytes (the same bytes that were verified).
    public let sender: String?
    public let dossierSha256: String?
}

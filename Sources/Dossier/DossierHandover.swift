/// What a transfer at graduation declares inside a dossier's encrypted index: the handover
/// register it belongs to, the sending archive's pseudonym of the pupil, and the required
/// documents that were missing when it was sent (sent anyway, with the gap declared).
public struct DossierHandover: Sendable, Equatable {
    /// The register's id (`R-…`).
    public let register: String
    /// The pupil's pseudonym in the sending archive (`P-…`).
    public let pupil: String
    /// Kinds the jurisdiction requires that the file lacked.
    public let missing: [String]

    public init(register: String, pupil: String, missing: [String]) {
        self.register = register
        self.pupil = pupil
        self.missing = missing
    }
}

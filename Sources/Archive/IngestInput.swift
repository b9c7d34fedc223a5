import Foundation

/// What an ingest is given: bytes already told apart (by the caller's classifier), so the
/// archive files each as what it is and never guesses from a name or the first bytes.
public enum IngestInput: Sendable {
    /// A record (XML of a kind of the schema catalogue); validated before it is filed.
    case record(Data)
    /// Any other document the archive keeps for a pupil (a scan, a photo), with its media type.
    case attachment(Data, mediaType: String)
    /// A dossier; verified and opened in memory, and hashed from these same bytes for the
    /// provenance of what it brought.
    case dossier(Data)
}

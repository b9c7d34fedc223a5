import Archive
import Foundation

extension Intake {
    /// The file at `url` (named `name`) as the archive files it: a record, an attachment with
    /// the media type its bytes show, or a dossier.
    /// - Throws: as ``read(_:name:)``; a case file is not accepted.
    public func ingestInput(_ url: URL, name: String) throws(IntakeError) -> IngestInput {
        let input = try read(url, name: name)
        switch input.kind {
        case .record: return .record(input.data)
        case let .attachment(mediaType): return .attachment(input.data, mediaType: mediaType)
        case .dossier: return .dossier(input.data)
        case .caseFile: throw .notAccepted(file: name, kind: input.kind, command: command, accepted: [.record, .attachment, .dossier])
        }
    }
}

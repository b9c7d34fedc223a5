import Cryptography
import Records
import Support
import XML

/// Why a dossier could not be packed, verified or opened, in words a clerk can act on.
///
/// Entry names are quoted only when they have the dossier's own shape (`data/0001.pdf`);
/// other names in a hostile file could carry anything, so they are named by position.
public enum DossierError: CategorizedError, Sendable {
    /// An input file cannot be read.
    case unreadableInput(file: String)
    /// An input file is larger than a dossier entry may be.
    case inputTooLarge(file: String, limit: UInt64)
    /// An input file changed while the dossier was being packed.
    case inputChanged(file: String)
    /// An input record breaks its schema.
    case invalidRecord(RecordError)
    /// Neither a recipient certificate nor a passphrase was given.
    case noRecipient
    /// The passphrase a dossier is packed for is shorter than the minimum.
    case weakPassphrase(minimum: Int)
    /// The key envelope is not the one the signed manifest names: it was replaced after signing.
    case envelopeReplaced
    /// The signed manifest does not name the dossier's addressees (packed by an earlier Inclusio).
    case addresseesNotSigned
    /// A key, certificate or signature problem.
    case cryptography(CryptographyError)
    /// The dossier file cannot be read.
    case unreadable(file: String)
    /// The file is not a zip, or is truncated or damaged.
    case damaged(file: String, reason: String)
    /// The zip is not an ASiC-E container of this format.
    case notADossier(reason: String)
    /// An entry's name points outside the dossier or is not a plain relative path.
    case unsafeEntryName(position: Int)
    /// Two entries have the same name.
    case duplicateEntry(position: Int)
    /// An entry is larger, or compresses better, than a dossier entry can.
    case bomb(position: Int, reason: String)
    /// The signed manifest is damaged or not in the expected form.
    case malformedManifest(reason: String)
    /// An entry is in the zip but not covered by the signed manifest.
    case notInManifest(position: Int, name: String?)
    /// The signed manifest lists an entry the zip does not have.
    case missingEntry(name: String)
    /// An entry's content does not match the digest in the signed manifest.
    case digestMismatch(name: String)
    /// An entry could not be read back (damaged data, failed authentication).
    case damagedEntry(name: String, reason: String)
    /// The index entry is damaged.
    case malformedIndex(reason: String)
    /// The password recovered from the envelope does not open the entries.
    case wrongPassword
    /// A file could not be written.
    case cannotWrite(FileWriteError)

    /// Missing inputs are input failures, an unwritable dossier an output failure, a missing
    /// recipient a usage failure; keys and records fail as they say; anything wrong inside a
    /// dossier or an input (forged, damaged, too large) is wrong data.
    public var category: FailureCategory {
        switch self {
        case .unreadableInput, .unreadable, .inputChanged: .input
        case .cannotWrite: .output
        case .noRecipient: .usage
        case let .cryptography(error): error.category
        case let .invalidRecord(error): error.category
        case .inputTooLarge, .weakPassphrase, .damaged, .notADossier, .unsafeEntryName, .duplicateEntry, .bomb, .malformedManifest,
             .notInManifest, .missingEntry, .digestMismatch, .damagedEntry, .malformedIndex, .wrongPassword, .envelopeReplaced,
             .addresseesNotSigned: .data
        }
    }

    public var diagnostics: [Diagnostic] {
        if case let .invalidRecord(error) = self { return error.diagnostics }
        return []
    }

    public var description: String {
        switch self {
        case let .unreadableInput(file): "\(file) cannot be read; check the path and its permissions."
        case let .inputTooLarge(file, limit): "\(file) is larger than a dossier entry may be (\(limit >> 20) MiB); split it or leave it out."
        case let .inputChanged(file): "\(file) changed while the dossier was being packed; pack again once nothing writes to it."
        case let .invalidRecord(error): "\(error) A dossier carries only valid records; correct it and pack again."
        case .noRecipient: "Say who may open the dossier: give --recipient CERT (the receiving school's certificate) and/or --passphrase-file FILE."
        case let .weakPassphrase(minimum): "The dossier passphrase is too short: use at least \(minimum) characters (a few unrelated words)."
        case .envelopeReplaced:
            "The key envelope is not the one the sender signed: it was replaced after signing (a recipient may have re-addressed the dossier); the dossier is refused."
        case .addresseesNotSigned:
            "The signed manifest does not name who the dossier is addressed to (an earlier Inclusio packed it), so it could have been forwarded; ask the sender to pack it again."
        case let .cryptography(error): error.description
        case let .unreadable(file): "\(file) cannot be read; check the path and its permissions."
        case let .damaged(file, reason): "\(file) is not a readable dossier: \(reason). Ask the sender for a new copy."
        case let .notADossier(reason): "This is not an Inclusio dossier (ASiC-E): \(reason)."
        case let .unsafeEntryName(position): "Entry \(position) has a name that points outside the dossier (absolute, '..' or not plain); the dossier is refused."
        case let .duplicateEntry(position): "Entry \(position) repeats the name of an earlier entry; the dossier is refused."
        case let .bomb(position, reason): "Entry \(position) \(reason); the dossier is refused as a possible zip bomb."
        case let .malformedManifest(reason): "The signed manifest is damaged (\(reason)); the dossier is refused."
        case let .notInManifest(position, name): "Entry \(position)\(name.map { " (\($0))" } ?? "") is not covered by the signed manifest: it was added after signing; the dossier is refused."
        case let .missingEntry(name): "\(name) is listed in the signed manifest but missing from the dossier: it was removed or renamed after signing."
        case let .digestMismatch(name): "\(name) does not match its digest in the signed manifest: it was changed after signing."
        case let .damagedEntry(name, reason): "\(name) cannot be read back (\(reason)): it is damaged or was changed after signing."
        case let .malformedIndex(reason): "The dossier's index is damaged (\(reason))."
        case .wrongPassword: "The key envelope opened, but its password does not open the entries: the envelope was replaced or damaged."
        case let .cannotWrite(error): error.description
        }
    }
}

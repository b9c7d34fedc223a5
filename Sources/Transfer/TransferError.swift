import Archive
import Cryptography
import Dossier
import Printing
import Support
import XML

/// What can go wrong in a transfer at graduation; every message names pupils by pseudonym only.
public enum TransferError: CategorizedError {
    /// No `Rules/<jurisdiction>/transfer.xml`.
    case noRules(jurisdiction: String, expected: String)
    /// A rules file that breaks `Schemas/transfer/required-set.xsd`.
    case invalidRules(file: String, reason: String)
    /// The pupil's records name no school level, or one the rules do not list.
    case unknownLevel(pupil: String, level: String?, rules: String)
    /// Required documents missing, and `--allow-incomplete` not given.
    case incomplete(pupil: String, missing: [String])
    /// The file holds none of the kinds that travel.
    case nothingToSend(pupil: String)
    /// A pupil of another jurisdiction than the batch's: one register follows one jurisdiction's rule.
    case otherJurisdiction(pupil: String, jurisdiction: String, batch: String)
    /// The output folder holds a batch for another recipient.
    case otherBatch(folder: String, register: String, recipient: String)
    /// The batch journal cannot be read.
    case badJournal(file: String, reason: String)
    /// A register or receipt without a signature that verifies.
    case unsigned(file: String, reason: String)
    /// A register or receipt that is not what its schema says.
    case invalidDocument(file: String, reason: String)
    /// A receipt for another register than the one given.
    case unknownRegister(receipt: String, register: String, expected: String)
    /// A receipt signed by someone other than the register's recipient.
    case wrongReceiver(receipt: String, signer: String, expected: String)
    case archive(ArchiveError)
    case dossier(DossierError)
    case cryptography(CryptographyError)
    case printing(PrintingError)
    case cannotWrite(FileWriteError)

    /// Transfer rules are the installation's; choosing another batch's folder is a usage
    /// failure; anything wrong with the pupils' files, the journal or the signed documents
    /// is wrong data; wrapped errors fail as they say.
    public var category: FailureCategory {
        switch self {
        case .noRules, .invalidRules: .configuration
        case .otherBatch: .usage
        case .unknownLevel, .incomplete, .nothingToSend, .otherJurisdiction, .badJournal, .unsigned, .invalidDocument,
             .unknownRegister, .wrongReceiver: .data
        case let .archive(error): error.category
        case let .dossier(error): error.category
        case let .cryptography(error): error.category
        case let .printing(error): error.category
        case .cannotWrite: .output
        }
    }

    public var diagnostics: [Diagnostic] {
        switch self {
        case let .archive(error): error.diagnostics
        case let .dossier(error): error.diagnostics
        case let .printing(error): error.diagnostics
        default: []
        }
    }

    public var description: String {
        switch self {
        case let .noRules(jurisdiction, expected):
            "There is no transfer rule for \(jurisdiction) (looked for \(expected)); add one (schema Schemas/transfer/required-set.xsd)."
        case let .invalidRules(file, reason):
            "\(file) is not a valid transfer rule: \(reason)"
        case let .unknownLevel(pupil, level?, rules):
            "Pupil \(pupil)'s newest record places them at the level \"\(level)\", which \(rules) does not list; add the level there."
        case let .unknownLevel(pupil, nil, _):
            "Pupil \(pupil)'s file has no record that names a school level, so the documents to send cannot be chosen."
        case let .incomplete(pupil, missing):
            "Pupil \(pupil)'s file lacks required documents (\(missing.joined(separator: ", "))); nothing was sent. "
                + "File them, or send the file as it is with --allow-incomplete (the gap is written into the dossier and the register)."
        case let .nothingToSend(pupil):
            "Pupil \(pupil)'s file holds no document that travels at a transfer; nothing was sent."
        case let .otherJurisdiction(pupil, jurisdiction, batch):
            "Pupil \(pupil) is in \(jurisdiction), but this batch sends \(batch) pupils under \(batch)'s rule; send them in a batch of their own (another -o folder)."
        case let .otherBatch(folder, register, recipient):
            "\(folder) holds batch \(register) for \(recipient); a batch goes to one school. Give another -o folder."
        case let .badJournal(file, reason):
            "\(file), the batch journal, cannot be read (\(reason)); move the folder aside and start the batch again."
        case let .unsigned(file, reason):
            "\(file) is refused: its signature does not verify (\(reason))."
        case let .invalidDocument(file, reason):
            "\(file) is refused: \(reason)"
        case let .unknownRegister(receipt, register, expected):
            "\(receipt) is refused: it acknowledges register \(register), not \(expected)."
        case let .wrongReceiver(receipt, signer, expected):
            "\(receipt) is refused: it is signed by \(signer), but the register's recipient is \(expected)."
        case let .archive(error): "\(error)"
        case let .dossier(error): "\(error)"
        case let .cryptography(error): "\(error)"
        case let .printing(error): "\(error)"
        case let .cannotWrite(error): "\(error)"
        }
    }
}

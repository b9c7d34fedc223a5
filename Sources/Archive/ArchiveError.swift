import AuditLog
import Cryptography
import Dossier
import Foundation
import Records
import Support
import XML

/// Why an archive command could not be done, in words a clerk can act on. Never carries a
/// pupil's name, national id or document content: pupils are named by pseudonym.
public enum ArchiveError: CategorizedError {
    /// There is no archive at the path.
    case notAnArchive(path: String)
    /// An archive of format 1 (every key derived from one archive key): `archive migrate` moves it to keys by scope.
    case earlierFormat(path: String)
    /// `archive init` on a folder that already holds an archive.
    case alreadyExists(path: String)
    /// The folder holds pieces of an archive but no index (an interrupted `init`).
    case incomplete(path: String, leftover: String)
    /// The policy file breaks its schema or a rule of its own.
    case invalidPolicy(file: String, reason: String)
    /// `policy.xml` differs from the policy in force.
    case policyAltered(path: String)
    case unknownOperator(id: String, suggestion: String?)
    /// The operator has no credential enrolled yet.
    case notEnrolled(operator: String)
    /// The credential given is of the other kind than the one the policy names.
    case wrongCredentialKind(operator: String, expected: ArchivePolicy.Credential)
    /// The credential does not open the operator's key.
    case wrongCredential(operator: String)
    /// A served archive's key stays with its service: a local command needs a custodian.
    case servedArchive(path: String)
    /// `archive rekey --scope` naming no school, district or jurisdiction that has keys.
    case unknownScope(reference: String)
    /// A backup copy opened as an archive, or a folder given to `archive restore` that is not a backup.
    case backupCopy(path: String)
    case notABackup(path: String)
    /// `unlock` of an archive whose operators hold its key.
    case notServed(path: String)
    /// The custodians' passphrase does not open the archive key.
    case wrongCustodianPassphrase
    /// A passphrase shorter than the policy's minimum, for an operator of a served archive.
    case weakPassphrase(operator: String, minimum: Int)
    /// The policy does not let the operator do this.
    case notPermitted(operator: String, action: ArchivePolicy.Action, target: String)
    /// A pupil or document outside the operator's scope, or not in the archive: the two are
    /// refused alike, so that a refusal tells nothing about who has a file.
    case withheld(operator: String, action: ArchivePolicy.Action, target: String)
    /// Commands that touch a pupil must say why.
    case purposeMissing
    /// A `--purpose` that is not one of the policy's codes (free text): `allowed` lists the operator's codes with their English labels.
    case purposeNotCoded(allowed: [String])
    /// A code of the policy that the operator's role may not give.
    case purposeNotForRole(code: String, role: String, allowed: [String])
    /// A case reference after a purpose's code that does not match the policy's pattern (`nil`: the policy accepts none).
    case caseReferenceRefused(code: String, pattern: String?)
    case unknownPupil(reference: String)
    case unknownDocument(reference: String)
    case unknownVersion(document: String, version: Int)
    /// A record id that several pupils' documents share.
    case ambiguousDocument(reference: String, candidates: [String])
    /// A file to ingest is not a valid record, or otherwise unusable.
    case record(RecordError)
    /// A PDF or other file needs `--pupil` to know whose file it belongs to.
    case pupilNeeded(file: String)
    /// `archive render` of a stored file that is not a record (a PDF, a scan).
    case notARecord(document: String, mediaType: String)
    /// A record without a `pupil` element.
    case noPupil(file: String)
    /// A dossier was given without the root and key to verify and open it.
    case dossierNeedsKeys(file: String)
    /// A dossier given to `transfer receive` that declares no handover (not made by `transfer prepare`).
    case notATransfer(file: String)
    /// A dossier could not be verified or opened.
    case dossier(DossierError)
    /// A stored blob or key does not decrypt or match its digest.
    case damaged(what: String, reason: String)
    /// A legal hold stops shredding.
    case onHold(pupil: String)
    /// Retention periods still run.
    case retained(pupil: String, until: String, kinds: [String])
    /// The pupil's file was shredded; only the fact remains.
    case shredded(pupil: String)
    case cannotRead(file: String)
    case cannotWrite(FileWriteError)
    /// The access log could not be written or read.
    case accessLog(AuditLogError)
    case database(SQLiteError)
    case cryptography(CryptographyError)

    /// Decided case by case; wrapped errors (records, dossiers, keys, the access log, the
    /// database) fail as they say.
    public var category: FailureCategory {
        switch self {
        case .notAnArchive, .unknownPupil, .unknownDocument, .unknownVersion, .cannotRead, .unknownScope, .notABackup: .input
        case .alreadyExists, .incomplete, .cannotWrite: .output
        case .invalidPolicy, .policyAltered, .notServed, .earlierFormat, .backupCopy: .configuration
        case .unknownOperator, .purposeMissing, .purposeNotCoded, .purposeNotForRole, .caseReferenceRefused, .wrongCredentialKind, .pupilNeeded, .dossierNeedsKeys, .ambiguousDocument: .usage
        case .notEnrolled, .wrongCredential, .notPermitted, .withheld, .servedArchive, .wrongCustodianPassphrase: .permission
        case .weakPassphrase, .damaged, .onHold, .retained, .shredded, .noPupil, .notARecord, .notATransfer: .data
        case let .record(error): error.category
        case let .dossier(error): error.category
        case let .cryptography(error): error.category
        case let .accessLog(error): error.category
        case let .database(error): error.category
        }
    }

    public var diagnostics: [Diagnostic] {
        switch self {
        case let .record(error): error.diagnostics
        case let .dossier(error): error.diagnostics
        default: []
        }
    }

    public var description: String {
        switch self {
        case let .notAnArchive(path):
            "\(path) holds no archive (no index.sqlite); create one with `inclusio archive init --path \(path)` or give the right --path."
        case let .earlierFormat(path):
            "\(path) holds an archive of format 1, whose keys (the access log's too) all derive from one archive key its operators hold; move it to keys by scope and a log key of its own with `inclusio archive migrate --path \(path)` (nothing is lost; back the folder up first)."
        case let .alreadyExists(path):
            "\(path) already holds an archive; `archive init` never replaces one. Choose another --path."
        case let .incomplete(path, leftover):
            "\(path) holds \(leftover) but no index: an earlier `archive init` was interrupted. Remove \(leftover) and run init again."
        case let .invalidPolicy(file, reason):
            "The policy \(file) cannot be used: \(reason)"
        case let .policyAltered(path):
            "\(path) differs from the policy in force: it was edited, or a `policy apply` was interrupted. An administrator applies it with `inclusio archive policy apply \(path)`, or restores the copy with `inclusio archive policy show > \(path)`."
        case let .unknownOperator(id, suggestion):
            "No operator \"\(id)\" in the policy" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? ".")
        case let .notEnrolled(op):
            "Operator \(op) has no credential enrolled yet; an administrator enrols it with `inclusio archive enrol \(op) …`."
        case let .wrongCredentialKind(op, expected):
            "Operator \(op) proves their identity with a \(expected.rawValue): give " + (expected == .certificate ? "--key (their private key)." : "--passphrase-file.")
        case let .wrongCredential(op):
            "The credential given does not belong to operator \(op); nothing was opened."
        case let .servedArchive(path):
            "The archive in \(path) keeps its keys with its service: reach it through `inclusio serve` (HTTPS, with your certificate or passphrase); a custodian on the service's machine may run the command here with --custodian-passphrase-file."
        case let .unknownScope(reference):
            "No school, district or jurisdiction \"\(reference)\" has keys in this archive (a scope gets its keys when its first pupil is filed); give a school code or name, a district or a jurisdiction code as the records name them."
        case let .backupCopy(path):
            "\(path) is a backup copy: its pupil keys open only with the backup keys its archive holds. Restore it with `inclusio archive restore \(path) --to NEW-FOLDER` run on that archive."
        case let .notABackup(path):
            "\(path) is not a backup written by `inclusio archive backup`."
        case let .notServed(path):
            "The archive in \(path) is local: its operators' credentials open its key, so there is nothing for a custodian to unlock. Create a served archive with `inclusio archive init --custody service`."
        case .wrongCustodianPassphrase:
            "The custodians' passphrase does not open the archive key; nothing was opened."
        case let .weakPassphrase(op, minimum):
            "The passphrase for \(op) is too short: the archive's policy asks for at least \(minimum) characters. Choose a longer one."
        case let .notPermitted(op, action, target):
            "Not permitted: operator \(op) may not \(action.rawValue) \(target) under the archive's policy."
        case let .withheld(op, action, target):
            "Not permitted: operator \(op) may not \(action.rawValue) \(target): it is outside the operator's scope under the archive's policy, or not in the archive (the two are refused alike, and logged)."
        case .purposeMissing:
            "Say why with --purpose CODE, or CODE:CASE-REFERENCE, one of the purposes the archive's policy lists for your role (for example annual-review); it is written into the access log."
        case let .purposeNotCoded(allowed):
            allowed.isEmpty
                ? "The archive's policy lists no purposes for your role, so --purpose cannot be given: an administrator adds them (<purposes> in policy.xml, as in Archive/policy.sample.xml) with `inclusio archive policy apply`."
                : "--purpose takes one of the policy's codes, optionally with a case reference (CODE or CODE:REFERENCE), never free text, so that no personal data enters the access log. Codes for your role: \(allowed.joined(separator: ", "))."
        case let .purposeNotForRole(code, role, allowed):
            "The purpose \(code) is not one the archive's policy lists for role \(role). Codes for your role: \(allowed.isEmpty ? "none" : allowed.joined(separator: ", "))."
        case let .caseReferenceRefused(code, pattern):
            pattern.map { "The case reference after \(code): does not have the form the archive's policy sets (the regular expression \($0)); give the office's case number, never a name or other personal data." }
                ?? "The archive's policy accepts no case reference after a purpose: give \(code) alone."
        case let .unknownPupil(reference):
            "No pupil \(reference) in this archive (give a pseudonym such as P-… or a national id)."
        case let .unknownDocument(reference):
            "No document \(reference) in this archive; `inclusio archive show --pupil …` lists a pupil's documents."
        case let .unknownVersion(document, version):
            "Document \(document) has no version \(version)."
        case let .ambiguousDocument(reference, candidates):
            "\(reference) names \(candidates.count) documents (\(candidates.joined(separator: ", "))); give the archive id instead."
        case let .record(error):
            "\(error)"
        case let .pupilNeeded(file):
            "\(file) is not a record, so the archive cannot tell whose it is; give --pupil (pseudonym or national id)."
        case let .notARecord(document, mediaType):
            "Document \(document) is stored as \(mediaType), not as a record, so there is no form to print it with; `inclusio archive get` writes a copy of it as it is."
        case let .noPupil(file):
            "\(file) names no pupil; only records with a pupil can be filed in the archive."
        case let .dossierNeedsKeys(file):
            "\(file) is a dossier: give the trusted root (--ca) to verify it and the receiving key (--dossier-key) to open it."
        case let .notATransfer(file):
            "\(file) is a dossier but not a transfer at graduation (its index declares no handover register); file it with `inclusio archive ingest` instead."
        case let .dossier(error):
            "\(error)"
        case let .damaged(what, reason):
            "\(what) is damaged: \(reason). Restore it from a backup; `inclusio archive check` lists everything affected."
        case let .onHold(pupil):
            "Pupil \(pupil) is under a legal hold; nothing can be shredded until it is released."
        case let .retained(pupil, until, kinds):
            "Pupil \(pupil)'s file must be kept until \(until) (retention of \(kinds.joined(separator: ", "))); nothing was shredded."
        case let .shredded(pupil):
            "Pupil \(pupil)'s file was shredded; only the fact that it existed remains."
        case let .cannotRead(file):
            "\(file) cannot be read; check the path and its permissions."
        case let .accessLog(error): "\(error)"
        case let .cannotWrite(error):
            "\(error)"
        case let .database(error):
            error.isCorruption
                ? "The archive's index is damaged (\(error)); run `inclusio archive check` and restore from a backup."
                : "The archive's index could not be used (\(error))."
        case let .cryptography(error):
            "\(error)"
        }
    }
}

import Foundation
import WitnessClient
import XML

/// The archive's access policy (`policy.xml`, schema `Schemas/archive/policy.xsd`): roles and
/// what they permit, operators and their scopes, retention periods.
public struct ArchivePolicy: Sendable {
    /// Something an operator does with a pupil's documents (or with the archive itself).
    public enum Action: String, Sendable, CaseIterable {
        case ingest, read, export, render, pack, transfer, hold, shred, audit, policy
    }

    /// How an operator proves who they are.
    public enum Credential: String, Sendable {
        case certificate, passphrase
    }

    /// A role's grant: `actions` on `kinds` (every kind when `nil`).
    public struct Permit: Sendable {
        public let actions: Set<Action>
        public let kinds: Set<String>?
    }

    public struct Role: Sendable {
        public let id: String
        public let name: String
        public let permits: [Permit]
    }

    /// Which pupils an operator may reach: every attribute given must match.
    public struct Scope: Sendable {
        public let jurisdiction: String?
        public let school: String?
        public let district: String?

        /// Whether a pupil whose latest record places them at `placement` is in this scope.
        public func contains(_ placement: PupilPlacement) -> Bool {
            (jurisdiction == nil || jurisdiction == placement.jurisdiction)
                && (school == nil || school == placement.schoolCode || school == placement.schoolName)
                && (district == nil || district == placement.district)
        }
    }

    public struct Operator: Sendable {
        public let id: String
        public let name: String
        public let organisation: String
        public let role: Role
        public let credential: Credential
        public let scopes: [Scope]
    }

    public let roles: [String: Role]
    public let operators: [String: Operator]
    /// Years to keep each kind; `"*"` is the default.
    public let retentionYears: [String: Int]
    /// The fewest characters a passphrase of an operator of a served archive may have
    /// (`<passphrases minimum-length="…"/>`, 12 when absent); checked at enrolment and every login.
    public let minimumPassphraseLength: Int
    /// The key class of each kind a `<key-class>` names.
    let keyClasses: [String: String]
    /// The key class of every other kind, and of the pupils' identities.
    let restKeyClass: String
    /// The access log's witnesses (`<witnesses>`), to which the archive service submits each checkpoint.
    public let witnesses: [WitnessEndpoint]
    /// How many witnesses must have cosigned the log's newest checkpoint (0 without witnesses).
    public let witnessQuorum: Int
    /// The purposes operators may give, by code (`<purposes>`; none: no purpose is accepted).
    public let purposes: [String: Purpose]
    /// The regular expression a case reference after a purpose's code must match whole (`nil`: none is accepted).
    public let referencePattern: String?
    /// The policy file's bytes, as applied.
    public let data: Data

    /// The one key class of a policy that declares none.
    static let singleKeyClass = "all"

    /// The key class a new document of `kind` is filed under.
    func keyClass(of kind: String) -> String { keyClasses[kind] ?? restKeyClass }

    /// Whether `op` may take `action` on a document of `kind` (any kind when `nil`).
    public func permits(_ op: Operator, _ action: Action, kind: String? = nil) -> Bool {
        op.role.permits.contains { permit in
            guard permit.actions.contains(action) else { return false }
            guard let kind, let kinds = permit.kinds else { return true }
            return kinds.contains(kind)
        }
    }

    /// The kinds `op` may take `action` on (`nil`: every kind).
    public func kinds(_ op: Operator, _ action: Action) -> Set<String>? {
        var kinds: Set<String> = []
        for permit in op.role.permits where permit.actions.contains(action) {
            guard let granted = permit.kinds else { return nil }
            kinds.formUnion(granted)
        }
        return kinds
    }

    /// Whether `placement` is inside one of `op`'s scopes.
    public func reaches(_ op: Operator, _ placement: PupilPlacement) -> Bool {
        op.scopes.contains { $0.contains(placement) }
    }

    /// The years a document of `kind` must be kept.
    public func retention(of kind: String) -> Int { retentionYears[kind] ?? retentionYears["*"] ?? 0 }
}

/// Where a pupil is, by their latest record: the facts scopes are matched against.
public struct PupilPlacement: Sendable, Equatable, Codable {
    public let jurisdiction: String
    public let schoolCode: String?
    public let schoolName: String?
    public let district: String?

    public init(jurisdiction: String, schoolCode: String?, schoolName: String?, district: String?) {
        self.jurisdiction = jurisdiction
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.district = district
    }
}

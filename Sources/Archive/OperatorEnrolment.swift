import Cryptography
import Foundation

/// What a served archive keeps of one operator (`keys/operators/<id>.enrolment`): who they
/// are, never anything that opens a key. A certificate operator by their certificate (matched
/// by its SHA-256 against the TLS client certificate the service verified); a passphrase
/// operator by an scrypt verifier (N = 2^17, r = 8, p = 1, 16-byte salt, 32 bytes).
///
/// JSON, sealed with an HMAC under a key derived from the archive key over the operator id and
/// every other field, so a certificate or verifier slipped into the folder is refused.
struct OperatorEnrolment: Codable, Sendable, Equatable {
    struct Verifier: Codable, Sendable, Equatable {
        let log2N: Int
        let r: Int
        let p: Int
        /// Base64.
        let salt: String
        /// Base64: scrypt of the passphrase.
        let hash: String
    }

    /// Operator passphrases checked by the service: as costly as the custodians' (issue 16 asks N ≥ 2^17).
    static let parameters = ScryptParameters(n: 1 << 17, r: 8, p: 1)

    let operatorId: String
    let credential: String
    /// PEM, for a certificate operator.
    let certificate: String?
    /// SHA-256 of the certificate's DER (hex), for a certificate operator.
    let fingerprint: String?
    /// For a passphrase operator.
    let verifier: Verifier?
    let enrolled: String
    /// HMAC-SHA-256 (base64) of the other fields; empty while it is computed.
    var seal: String = ""

    /// The enrolment of `op` with `enrolment`, sealed with `key`.
    static func make(_ enrolment: Enrolment, operator op: String, enrolled: String, key: SymmetricKey) throws(CryptographyError) -> OperatorEnrolment {
        var made: OperatorEnrolment
        switch enrolment {
        case let .certificate(certificate):
            made = OperatorEnrolment(operatorId: op, credential: ArchivePolicy.Credential.certificate.rawValue,
                                     certificate: String(decoding: try certificate.pem(), as: UTF8.self), fingerprint: certificate.fingerprint,
                                     verifier: nil, enrolled: enrolled)
        case let .passphrase(passphrase):
            let salt = try SecureRandom.bytes(16)
            let hash = try Scrypt.deriveKey(passphrase: passphrase, salt: salt, parameters: parameters)
            made = OperatorEnrolment(operatorId: op, credential: ArchivePolicy.Credential.passphrase.rawValue, certificate: nil, fingerprint: nil,
                                     verifier: Verifier(log2N: parameters.n.trailingZeroBitCount, r: parameters.r, p: parameters.p,
                                                        salt: salt.base64EncodedString(), hash: hash.base64EncodedString()),
                                     enrolled: enrolled)
        }
        made.seal = made.mac(key: key).base64EncodedString()
        return made
    }

    /// The file's bytes.
    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings and integers only: encoding cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    /// The enrolment in `data` for `op`, when it parses, names `op` and its seal holds.
    static func read(_ data: Data, operator op: String, key: SymmetricKey) -> OperatorEnrolment? {
        guard let read = try? JSONDecoder().decode(OperatorEnrolment.self, from: data), read.operatorId == op,
              let seal = Data(base64Encoded: read.seal) else { return nil }
        return HMACSHA256.isValid(seal, for: read.sealed, key: key.bytes) ? read : nil
    }

    /// Whether `passphrase` is the one enrolled (scrypt with the stored salt and cost, compared in constant time).
    func accepts(passphrase: Data) -> Bool {
        guard let verifier, (14...20).contains(verifier.log2N), (1...32).contains(verifier.r), (1...8).contains(verifier.p),
              let salt = Data(base64Encoded: verifier.salt), let hash = Data(base64Encoded: verifier.hash),
              let derived = try? Scrypt.deriveKey(passphrase: passphrase, salt: salt,
                                                 parameters: ScryptParameters(n: 1 << verifier.log2N, r: verifier.r, p: verifier.p))
        else { return false }
        return derived.count == hash.count && zip(derived, hash).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Whether the certificate with DER `der` is the one enrolled.
    func accepts(certificateDER der: Data) -> Bool { fingerprint != nil && SHA256.hex(der) == fingerprint }

    private var sealed: Data {
        var copy = self
        copy.seal = ""
        return Data("inclusio enrolment 1|".utf8) + copy.encoded()
    }

    private func mac(key: SymmetricKey) -> Data { HMACSHA256.authenticationCode(for: sealed, key: key.bytes) }
}

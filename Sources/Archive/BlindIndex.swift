import Cryptography
import Foundation

/// Keyed tokens that find a pupil by exact name, national id, or name and birth date without
/// storing any of them: HMAC-SHA-256 under a key derived from the archive key, over a
/// normalised form (Unicode NFKC, case-folded, spaces collapsed). Without the key the tokens
/// cannot be tested against guesses.
struct BlindIndex: Sendable {
    private let key: Data

    init(key: SymmetricKey) { self.key = key.bytes }

    /// What a token stands for; part of the MAC input, so equal texts in different fields differ.
    enum Field: String, Sendable {
        case nationalId = "national-id"
        case nameAndBirth = "name+birth"
        case name
    }

    func token(_ field: Field, _ text: String) -> Data {
        HMACSHA256.authenticationCode(for: Data("\(field.rawValue)\u{0}\(Self.normalised(text))".utf8), key: key)
    }

    /// The tokens under which `identity` can be found: national id, name with birth date, and
    /// each ordering of the name (family-given, given-family, romanised).
    func tokens(for identity: PupilIdentity) -> [(field: Field, token: Data)] {
        var tokens: [(Field, Data)] = []
        if let nationalId = identity.nationalId, !nationalId.isEmpty { tokens.append((.nationalId, token(.nationalId, nationalId))) }
        tokens.append((.nameAndBirth, token(.nameAndBirth, "\(identity.family) \(identity.given) \(identity.birthDate)")))
        var names = ["\(identity.family) \(identity.given)", "\(identity.given) \(identity.family)", identity.family + identity.given]
        if let romanised = identity.romanised { names.append(romanised) }
        var seen: Set<Data> = []
        for name in names {
            let value = token(.name, name)
            if seen.insert(value).inserted { tokens.append((.name, value)) }
        }
        return tokens
    }

    /// NFKC (full-width letters and digits become ASCII), lower case, runs of spaces (including
    /// the ideographic space) as one, trimmed.
    static func normalised(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

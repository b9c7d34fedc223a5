import Cryptography
import Foundation

/// The bytes of one log entry: the entry's JSON (sorted keys), and when sealed, a last member
/// `"seal":"<HMAC-SHA-256 of the JSON before it, hex>"`. The Merkle leaf is the whole line.
enum LogLine {
    private static let sealPrefix = Data(#","seal":""#.utf8)
    /// `,"seal":"` + 64 hex digits + `"}`.
    private static let sealSuffixLength = sealPrefix.count + 64 + 2

    static func encode(_ event: AccessEvent, sealedWith key: SymmetricKey?) -> Data {
        var members: [(String, FlatJSON.Value)] = [
            ("sequence", .integer(event.sequence)), ("time", .string(event.time)), ("operatorId", .string(event.operatorId)),
            ("role", .string(event.role)), ("organisation", .string(event.organisation)), ("action", .string(event.action)),
            ("purpose", .string(event.purpose)), ("outcome", .string(event.outcome.rawValue)), ("previous", .string(event.previous)),
        ]
        // Absent values are left out, as Foundation's encoder does.
        for (name, value) in [("pupil", event.pupil), ("document", event.document), ("sha256", event.sha256), ("recipient", event.recipient)] {
            if let value { members.append((name, .string(value))) }
        }
        if let version = event.version { members.append(("version", .integer(version))) }
        let json = FlatJSON.encode(members)
        guard let key else { return json }
        let code = HMACSHA256.authenticationCode(for: json, key: key.bytes).hexadecimal
        return json.dropLast() + sealPrefix + Data(code.utf8) + Data(#""}"#.utf8)
    }

    /// The entry, or `nil` when the line is not one.
    static func decode(_ line: Data) -> AccessEvent? {
        guard let members = FlatJSON.decode(line) else { return nil }
        func text(_ name: String) -> String? { if case let .string(value) = members[name] { value } else { nil } }
        func number(_ name: String) -> Int? { if case let .integer(value) = members[name] { value } else { nil } }
        guard let sequence = number("sequence"), let time = text("time"), let operatorId = text("operatorId"), let role = text("role"),
              let organisation = text("organisation"), let action = text("action"), let purpose = text("purpose"),
              let outcome = text("outcome").flatMap(AccessEvent.Outcome.init(rawValue:)), let previous = text("previous") else { return nil }
        var event = AccessEvent(operatorId: operatorId, role: role, organisation: organisation, action: action, pupil: text("pupil"),
                                document: text("document"), version: number("version"), sha256: text("sha256"), purpose: purpose,
                                recipient: text("recipient"), outcome: outcome)
        event.sequence = sequence
        event.time = time
        event.previous = previous
        return event
    }

    /// Whether the line carries a seal.
    static func isSealed(_ line: Data) -> Bool {
        line.count > sealSuffixLength && line[(line.endIndex - sealSuffixLength)...].starts(with: sealPrefix)
    }

    /// Whether the line's seal is `key`'s seal of the JSON it follows.
    static func hasValidSeal(_ line: Data, key: SymmetricKey) -> Bool {
        guard isSealed(line) else { return false }
        let json = line.dropLast(sealSuffixLength) + Data("}".utf8)
        let hex = line[(line.endIndex - 66)..<(line.endIndex - 2)]
        guard let code = Data(hexadecimal: hex) else { return false }
        return HMACSHA256.isValid(code, for: json, key: key.bytes)
    }
}

extension Data {
    /// Bytes from lowercase or uppercase hexadecimal text, or `nil` when it is not that.
    init?(hexadecimal text: some Collection<UInt8>) {
        guard text.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.count / 2)
        var high: UInt8?
        for character in text {
            let value: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let first = high { bytes.append(first << 4 | value); high = nil } else { high = value }
        }
        self.init(bytes)
    }
}

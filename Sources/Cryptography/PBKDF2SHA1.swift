internal import COpenSSL
import Foundation

/// PBKDF2-HMAC-SHA1 (RFC 8018 §5.2), as WinZip AES derives each entry's keys (1,000 rounds).
///
/// The HMAC key's inner and outer pads are hashed once, and every round after the first is two
/// SHA-1 compressions of pre-padded blocks (`SHA1_Transform`), about four times as fast as
/// `PKCS5_PBKDF2_HMAC_SHA1`, which sets up a full HMAC per round: in a dossier of a few hundred
/// entries that setup was half of the time it took to open.
enum PBKDF2SHA1 {
    /// `count` bytes derived from `password` and `salt` over `rounds` rounds.
    static func derive(password: [UInt8], salt: Data, rounds: Int, count: Int) -> [UInt8] {
        var key = password
        if key.count > 64 {
            key = [UInt8](repeating: 0, count: 20)
            var context = SHA_CTX()
            _ = inclusio_SHA1_Init(&context)
            _ = inclusio_SHA1_Update(&context, password, password.count)
            _ = inclusio_SHA1_Final(&key, &context)
        }
        key += [UInt8](repeating: 0, count: 64 - key.count)
        defer { key.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) } }
        let inner = padded(key, with: 0x36), outer = padded(key, with: 0x5C)
        var derived: [UInt8] = []
        var block: UInt32 = 1
        while derived.count < count {
            // U1 = HMAC(password, salt || INT(block)); then Uj = HMAC(password, Uj-1), T = U1 ^ … ^ Uc.
            var first = inner
            _ = inclusio_SHA1_Update(&first, Array(salt) + withUnsafeBytes(of: block.bigEndian, Array.init), salt.count + 4)
            var digest = [UInt8](repeating: 0, count: 20)
            _ = inclusio_SHA1_Final(&digest, &first)
            var last = outer
            _ = inclusio_SHA1_Update(&last, digest, 20)
            _ = inclusio_SHA1_Final(&digest, &last)
            var sum = digest
            // A 64-byte block holding a 20-byte message after a 64-byte pad: the message, 0x80,
            // zeros, and the length in bits (84 × 8 = 672) big-endian.
            var message = digest + [UInt8](repeating: 0, count: 44)
            message[20] = 0x80
            message[62] = 0x02
            message[63] = 0xA0
            message.withUnsafeMutableBytes { block in
                sum.withUnsafeMutableBytes { sum in
                    for _ in 1..<max(rounds, 1) {
                        var state = inner
                        inclusio_SHA1_Transform(&state, block.baseAddress!.assumingMemoryBound(to: UInt8.self))
                        write(state, into: block)
                        state = outer
                        inclusio_SHA1_Transform(&state, block.baseAddress!.assumingMemoryBound(to: UInt8.self))
                        write(state, into: block)
                        for index in 0..<20 { sum[index] ^= block[index] }
                    }
                }
            }
            derived += sum
            block += 1
        }
        return Array(derived.prefix(count))
    }

    /// SHA-1 after one block of `key` XOR `pad`.
    private static func padded(_ key: [UInt8], with pad: UInt8) -> SHA_CTX {
        var context = SHA_CTX()
        _ = inclusio_SHA1_Init(&context)
        _ = inclusio_SHA1_Update(&context, key.map { $0 ^ pad }, 64)
        return context
    }

    /// The digest in `state` (h0…h4, big-endian) over the first 20 bytes of `block`.
    private static func write(_ state: SHA_CTX, into block: UnsafeMutableRawBufferPointer) {
        block.storeBytes(of: state.h0.bigEndian, toByteOffset: 0, as: UInt32.self)
        block.storeBytes(of: state.h1.bigEndian, toByteOffset: 4, as: UInt32.self)
        block.storeBytes(of: state.h2.bigEndian, toByteOffset: 8, as: UInt32.self)
        block.storeBytes(of: state.h3.bigEndian, toByteOffset: 12, as: UInt32.self)
        block.storeBytes(of: state.h4.bigEndian, toByteOffset: 16, as: UInt32.self)
    }
}

internal import COpenSSL
import Foundation

/// WinZip AES-256 for one zip entry (AE-2, <https://www.winzip.com/en/support/aes-encryption/>):
/// keys from PBKDF2-HMAC-SHA1 (1,000 rounds) over the entry's 16-byte salt, AES-256 in counter
/// mode with WinZip's little-endian counter starting at 1, and HMAC-SHA1 over the ciphertext,
/// truncated to 10 bytes. An entry's data is `salt (16) || verifier (2) || ciphertext || code (10)`.
///
/// The counter is not the big-endian one of OpenSSL's CTR mode, so the keystream is made by
/// encrypting a run of counter blocks with AES-256-ECB (AES-NI, many blocks per call) and XORed
/// in; this is what makes it fast where libzip encrypts one block per call. One instance per entry
/// and thread; feed ``update(_:)`` in order. See <https://docs.openssl.org/3.0/man3/EVP_EncryptInit/>
/// and <https://docs.openssl.org/3.0/man3/EVP_MAC/>.
public final class WinZipAES {
    /// Bytes of the salt that starts an entry.
    public static let saltByteCount = 16
    /// Bytes of the password verifier after the salt.
    public static let verifierByteCount = 2
    /// Bytes of the authentication code that ends an entry.
    public static let codeByteCount = 10
    /// Bytes an entry's data is longer than its (compressed) content.
    public static let overhead = saltByteCount + verifierByteCount + codeByteCount

    /// Whether this instance encrypts (authenticating what it writes) or decrypts (what it reads).
    public let encrypting: Bool
    /// The salt and password verifier that start the entry.
    public let header: Data

    private let cipher: OpaquePointer
    private let mac: OpaquePointer
    /// The 128-bit little-endian block counter (low and high words) of the next keystream block.
    private var counter: (low: UInt64, high: UInt64) = (1, 0)
    /// Keystream left over from the last block, and where it starts.
    private var keystream = [UInt8](repeating: 0, count: 16)
    private var keystreamUsed = 16
    /// Scratch space for counter blocks and their keystream.
    private var blocks: UnsafeMutableRawBufferPointer

    /// Starts an entry: derives its keys from `password` and `salt` (a fresh random salt when `nil`).
    /// - Throws: ``CryptographyError/library(_:)``.
    public init(password: String, salt: Data? = nil, encrypting: Bool) throws(CryptographyError) {
        let salt = try Self.salt(salt)
        precondition(salt.count == Self.saltByteCount, "WinZip AES-256 salts are 16 bytes")
        var keys = PBKDF2SHA1.derive(password: Array(password.utf8), salt: salt, rounds: 1000, count: 2 * 32 + Self.verifierByteCount)
        defer { keys.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) } }
        guard let cipher = EVP_CIPHER_CTX_new() else { throw .library(.drain("EVP_CIPHER_CTX_new")) }
        guard EVP_EncryptInit_ex(cipher, EVP_aes_256_ecb(), nil, keys, nil) == 1, EVP_CIPHER_CTX_set_padding(cipher, 0) == 1 else {
            EVP_CIPHER_CTX_free(cipher)
            throw .library(.drain("EVP_EncryptInit_ex"))
        }
        guard let algorithm = EVP_MAC_fetch(nil, "HMAC", nil) else {
            EVP_CIPHER_CTX_free(cipher)
            throw .library(.drain("EVP_MAC_fetch"))
        }
        defer { EVP_MAC_free(algorithm) }
        let mac = EVP_MAC_CTX_new(algorithm)
        let started = mac != nil && "SHA1".withCString { digest in
            var parameters = [OSSL_PARAM_construct_utf8_string("digest", UnsafeMutablePointer(mutating: digest), 0), OSSL_PARAM_construct_end()]
            return keys.withUnsafeBufferPointer { EVP_MAC_init(mac, $0.baseAddress! + 32, 32, &parameters) } == 1
        }
        guard let mac, started else {
            EVP_MAC_CTX_free(mac)
            EVP_CIPHER_CTX_free(cipher)
            throw .library(.drain("EVP_MAC_init"))
        }
        self.cipher = cipher
        self.mac = mac
        self.encrypting = encrypting
        self.header = salt + Data(keys[64...])
        blocks = .allocate(byteCount: Self.chunk, alignment: 16)
    }

    /// `given`, or a fresh random salt.
    private static func salt(_ given: Data?) throws(CryptographyError) -> Data {
        if let given { return given }
        return try SecureRandom.bytes(saltByteCount)
    }

    deinit {
        EVP_CIPHER_CTX_free(cipher)
        EVP_MAC_CTX_free(mac)
        blocks.deallocate()
    }

    /// Keystream is made this many bytes at a time.
    private static let chunk = 64 << 10

    /// Whether `verifier` (the two bytes after the salt) is this password's: a wrong password
    /// is found here, before any data is read (1 in 65,536 wrong ones pass and fail authentication).
    public func accepts(verifier: Data) -> Bool {
        verifier == header.suffix(Self.verifierByteCount)
    }

    /// Encrypts or decrypts `bytes` in place, authenticating the ciphertext.
    public func update(_ bytes: UnsafeMutableRawBufferPointer) {
        if !encrypting { authenticate(UnsafeRawBufferPointer(bytes)) }
        var position = 0
        // Leftover keystream of a block begun by the previous call.
        while keystreamUsed < 16 && position < bytes.count {
            bytes[position] ^= keystream[keystreamUsed]
            position += 1
            keystreamUsed += 1
        }
        while position < bytes.count {
            let length = min(Self.chunk, (bytes.count - position + 15) & ~15)
            fillKeystream(length)
            let usable = min(length, bytes.count - position)
            let target = bytes.baseAddress! + position, source = UnsafeRawPointer(blocks.baseAddress!)
            var index = 0
            while index + 8 <= usable {
                target.storeBytes(of: target.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                                  ^ source.load(fromByteOffset: index, as: UInt64.self), toByteOffset: index, as: UInt64.self)
                index += 8
            }
            while index < usable {
                target.storeBytes(of: target.load(fromByteOffset: index, as: UInt8.self) ^ source.load(fromByteOffset: index, as: UInt8.self),
                                  toByteOffset: index, as: UInt8.self)
                index += 1
            }
            if usable < length {
                // Keep the rest of the last block for the next call.
                let start = usable & ~15
                for byte in 0..<16 { keystream[byte] = blocks[start + byte] }
                keystreamUsed = usable - start
            }
            position += usable
        }
        if encrypting { authenticate(UnsafeRawBufferPointer(bytes)) }
    }

    /// The 10-byte authentication code of everything encrypted or decrypted so far; ends the entry.
    /// - Throws: ``CryptographyError/library(_:)``.
    public func finish() throws(CryptographyError) -> Data {
        var code = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length = 0
        guard EVP_MAC_final(mac, &code, &length, code.count) == 1, length >= Self.codeByteCount else { throw .library(.drain("EVP_MAC_final")) }
        return Data(code.prefix(Self.codeByteCount))
    }

    /// Whether `code` (the entry's last 10 bytes) authenticates what was decrypted, compared in constant time.
    /// - Throws: ``CryptographyError/library(_:)``.
    public func isAuthentic(_ code: Data) throws(CryptographyError) -> Bool {
        let expected = try finish()
        guard code.count == expected.count else { return false }
        return expected.withUnsafeBytes { left in code.withUnsafeBytes { CRYPTO_memcmp(left.baseAddress, $0.baseAddress, left.count) == 0 } }
    }

    private func authenticate(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        // EVP_MAC_update fails only on a context that was not initialised; ours always is.
        _ = EVP_MAC_update(mac, base.assumingMemoryBound(to: UInt8.self), bytes.count)
    }

    /// Puts the keystream of the next `length / 16` counter blocks at the start of `blocks`.
    private func fillKeystream(_ length: Int) {
        var offset = 0
        while offset < length {
            blocks.storeBytes(of: counter.low.littleEndian, toByteOffset: offset, as: UInt64.self)
            blocks.storeBytes(of: counter.high.littleEndian, toByteOffset: offset + 8, as: UInt64.self)
            counter.low &+= 1
            if counter.low == 0 { counter.high &+= 1 }
            offset += 16
        }
        var written: Int32 = 0
        let base = blocks.baseAddress!.assumingMemoryBound(to: UInt8.self)
        // ECB without padding over whole blocks fails only on a broken context.
        _ = EVP_EncryptUpdate(cipher, base, &written, base, Int32(length))
    }
}

@available(*, unavailable) extension WinZipAES: Sendable {}

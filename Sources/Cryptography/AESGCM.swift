internal import COpenSSL
import Foundation

/// AES-256-GCM authenticated encryption (NIST SP 800-38D) through OpenSSL's libcrypto.
///
/// Sealed data is `nonce (12 bytes) || ciphertext || tag (16 bytes)`: ``overhead`` bytes longer
/// than the plaintext. The associated data is authenticated but not stored; pass the same bytes
/// (a record's identifier, say) to ``seal(_:key:associatedData:)`` and ``open(_:key:associatedData:)``
/// so that sealed data copied into another record does not open there.
public enum AESGCM {
    /// Bytes of the nonce that starts sealed data.
    public static let nonceByteCount = 12
    /// Bytes of the authentication tag that ends sealed data.
    public static let tagByteCount = 16
    /// Bytes sealing adds to the plaintext: the nonce and the tag (28).
    public static let overhead = 28

    /// Encrypts and authenticates `plaintext` under `key` with a fresh random nonce.
    ///
    /// Random 96-bit nonces are safe for up to 2³² seals under one key (SP 800-38D §8.3).
    /// - Returns: `nonce || ciphertext || tag`, `plaintext.count + overhead` bytes.
    /// - Throws: ``CryptographyError/library(_:)`` when the random generator or cipher fails.
    public static func seal(_ plaintext: Data, key: SymmetricKey, associatedData: Data) throws(CryptographyError) -> Data {
        try seal(plaintext, key: key, nonce: SecureRandom.bytes(nonceByteCount), associatedData: associatedData)
    }

    /// Encrypts and authenticates `plaintext` under `key` with the given 12-byte `nonce`.
    ///
    /// For known-answer tests only: never reuse a nonce with the same key, because that reveals
    /// the XOR of both plaintexts and lets anyone forge tags. Use ``seal(_:key:associatedData:)``.
    /// - Precondition: `nonce` is 12 bytes.
    /// - Returns: `nonce || ciphertext || tag`, `plaintext.count + overhead` bytes.
    /// - Throws: ``CryptographyError/library(_:)`` when the cipher fails.
    public static func seal(_ plaintext: Data, key: SymmetricKey, nonce: Data, associatedData: Data) throws(CryptographyError) -> Data {
        precondition(nonce.count == nonceByteCount, "AES-GCM nonces are \(nonceByteCount) bytes, not \(nonce.count)")
        guard let context = EVP_CIPHER_CTX_new() else { throw .library(.drain("EVP_CIPHER_CTX_new")) }
        defer { EVP_CIPHER_CTX_free(context) }
        try start(context, encrypting: true, key: key, nonce: nonce)
        try authenticate(associatedData, in: context)
        let ciphertext = try transform(plaintext, in: context)
        try finish(context)
        var tag = Data(count: tagByteCount)
        let status = tag.withUnsafeMutableBytes {
            EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(tagByteCount), $0.baseAddress)
        }
        guard status == 1 else { throw .library(.drain("EVP_CIPHER_CTX_ctrl(EVP_CTRL_GCM_GET_TAG)")) }
        var sealed = Data(capacity: plaintext.count + overhead)
        sealed.append(nonce)
        sealed.append(ciphertext)
        sealed.append(tag)
        return sealed
    }

    /// Checks and decrypts data made by ``seal(_:key:associatedData:)``.
    ///
    /// Nothing is returned unless the tag verifies, so the result is exactly what was sealed.
    /// - Returns: the plaintext, `sealed.count - overhead` bytes.
    /// - Throws: ``CryptographyError/authenticationFailed`` when `sealed` is shorter than
    ///   ``overhead``, any byte of it changed, or `key` or `associatedData` differ from sealing;
    ///   ``CryptographyError/library(_:)`` when the cipher fails.
    public static func open(_ sealed: Data, key: SymmetricKey, associatedData: Data) throws(CryptographyError) -> Data {
        guard sealed.count >= overhead else { throw .authenticationFailed }
        defer { OpenSSLError.clear() }
        let nonce = sealed.prefix(nonceByteCount)
        let ciphertext = sealed.dropFirst(nonceByteCount).dropLast(tagByteCount)
        var tag = Data(sealed.suffix(tagByteCount))
        guard let context = EVP_CIPHER_CTX_new() else { throw .library(.drain("EVP_CIPHER_CTX_new")) }
        defer { EVP_CIPHER_CTX_free(context) }
        try start(context, encrypting: false, key: key, nonce: nonce)
        try authenticate(associatedData, in: context)
        var plaintext = try transform(ciphertext, in: context)
        let status = tag.withUnsafeMutableBytes {
            EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(tagByteCount), $0.baseAddress)
        }
        guard status == 1 else { throw .library(.drain("EVP_CIPHER_CTX_ctrl(EVP_CTRL_GCM_SET_TAG)")) }
        do {
            try finish(context)
        } catch {
            // The final step fails only when the tag does not verify; wipe what was decrypted unverified.
            plaintext.resetBytes(in: 0..<plaintext.count)
            throw .authenticationFailed
        }
        return plaintext
    }

    /// Largest piece handed to one `EVP_CipherUpdate`, whose lengths are `int`.
    private static let chunk = 1 << 30

    /// Sets up `context` for AES-256-GCM with a 12-byte nonce, `key` and `nonce`.
    private static func start(_ context: OpaquePointer, encrypting: Bool, key: SymmetricKey, nonce: Data) throws(CryptographyError) {
        let direction: Int32 = encrypting ? 1 : 0
        guard EVP_CipherInit_ex(context, EVP_aes_256_gcm(), nil, nil, nil, direction) == 1 else {
            throw .library(.drain("EVP_CipherInit_ex"))
        }
        guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_IVLEN, Int32(nonceByteCount), nil) == 1 else {
            throw .library(.drain("EVP_CIPHER_CTX_ctrl(EVP_CTRL_GCM_SET_IVLEN)"))
        }
        let status = key.bytes.withUnsafeBytes { keyBytes in
            nonce.withUnsafeBytes { nonceBytes in
                EVP_CipherInit_ex(context, nil, nil, keyBytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                  nonceBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), direction)
            }
        }
        guard status == 1 else { throw .library(.drain("EVP_CipherInit_ex")) }
    }

    /// Feeds `associatedData` to the tag (an update with no output).
    private static func authenticate(_ associatedData: Data, in context: OpaquePointer) throws(CryptographyError) {
        let fed = associatedData.withUnsafeBytes { update(context, input: $0, output: nil) }
        guard fed else { throw .library(.drain("EVP_CipherUpdate(associated data)")) }
    }

    /// Encrypts or decrypts `input`; GCM is a stream mode, so the output is as long as the input.
    private static func transform(_ input: Data, in context: OpaquePointer) throws(CryptographyError) -> Data {
        var output = Data(count: input.count)
        let fed = input.withUnsafeBytes { source in output.withUnsafeMutableBytes { update(context, input: source, output: $0) } }
        guard fed else { throw .library(.drain("EVP_CipherUpdate")) }
        return output
    }

    /// Runs `EVP_CipherUpdate` over `input` in `int`-sized pieces, writing to `output` when given.
    private static func update(_ context: OpaquePointer, input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer?) -> Bool {
        guard let source = input.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return true }  // Nothing to feed.
        let target = output?.baseAddress?.assumingMemoryBound(to: UInt8.self)
        var offset = 0
        while offset < input.count {
            let length = min(chunk, input.count - offset)
            var written: Int32 = 0
            guard EVP_CipherUpdate(context, target.map { $0 + offset }, &written, source + offset, Int32(length)) == 1,
                  target == nil || Int(written) == length else { return false }
            offset += length
        }
        return true
    }

    /// `EVP_CipherFinal_ex`: computes the tag when sealing, checks it when opening.
    private static func finish(_ context: OpaquePointer) throws(CryptographyError) {
        // GCM writes nothing here, but OpenSSL still wants a place to write to.
        var spare = [UInt8](repeating: 0, count: 16)
        var written: Int32 = 0
        guard EVP_CipherFinal_ex(context, &spare, &written) == 1 else { throw .library(.drain("EVP_CipherFinal_ex")) }
    }
}
